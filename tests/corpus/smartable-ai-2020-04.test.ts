import { describe, expect, it } from 'vitest';
import { checkSeeds } from '../fixtures/check-seeds.ts';
import { corpusFolder } from './corpora.ts';
import { storyScores } from './story-scores.ts';

const folder = corpusFolder('smartable-ai-2020-04');

describe('the AI archive of April 2020, the seed’s own site', () => {
  it('lists the stories of more than one article for an editor, with why', async () => {
    const result = await checkSeeds(folder, '--stories');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('“Intel & Accenture Use AI To Save The Coral Reef” (3 articles)');
    expect(result.stdout).toMatch(
      /\/2020-04-24-arista-delivers-cognitive-wifi-for-collaboration-video-and-chat-applications\.md: same title/,
    );
    const lines = result.stdout.trim().split('\n');
    expect(lines.at(-2)).toMatch(
      /^95 articles in 89 stories; 4 told by more than one article, the largest by 3: /,
    );
    expect(lines.at(-1)).toBe('95 files read, 95 articles kept, 0 files rejected, 0 warnings');
  });

  it('prints the stories as one JSON document with --json, and nothing else', async () => {
    const result = await checkSeeds(folder, '--stories', '--json');
    expect(result.code).toBe(0);
    const { stories } = JSON.parse(result.stdout) as { stories: { files: string[]; reason: string }[] };
    expect(stories).toHaveLength(4);
    expect(stories.find((story) => story.reason === 'same title')?.files).toEqual([
      '2020-04-22-arista-delivers-cognitive-wifi-for-collaboration-video-and-chat-applications.md',
      '2020-04-24-arista-delivers-cognitive-wifi-for-collaboration-video-and-chat-applications.md',
    ]);
    expect(result.stderr).toContain('95 files read');
  });

  it('finds the stories of its hand labels: precision 1.0, recall 1.0 (targets 0.9 and 0.75)', async () => {
    const { precision, recall } = await storyScores(folder);
    expect({ precision, recall }).toEqual({ precision: 1, recall: 1 });
  });
});
