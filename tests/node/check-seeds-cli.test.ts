import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

import { brokenCases } from '../fixtures/hostile/cases.ts';
import { writeHostileFolder } from '../fixtures/hostile/write-folder.ts';

const run = promisify(execFile);
const corpus = '../shared/corpus/smartable-power-apps';
const aiCorpus = '../shared/corpus/smartable-ai-2020-04';

async function checkSeeds(...args: string[]) {
  try {
    const { stdout, stderr } = await run('node_modules/.bin/tsx', ['src/node/cli/check-seeds.ts', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run check:seeds', () => {
  it('exits 0 on the bundled seed, with a summary line', async () => {
    const result = await checkSeeds('seeds');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('1 file read, 1 article kept, 0 files rejected, 0 warnings');
  });

  it('exits 1 when a file is rejected, naming each file and reason', async () => {
    const result = await checkSeeds('tests/fixtures/seeds/mixed');
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toContain(
      'tests/fixtures/seeds/mixed/no-title.md: error: title: is missing; the file was rejected',
    );
    expect(lines.at(-1)).toBe('7 files read, 3 articles kept, 3 files rejected, 2 warnings');
  });

  it('exits 1 on the adversarial set, naming every broken file with its reason', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'news-cli-')), 'hostile');
    writeHostileFolder(dir);
    const result = await checkSeeds(dir);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    for (const { file, expect: expected } of brokenCases) {
      if (expected.outcome !== 'rejected') continue;
      const line = lines.find(
        (text) =>
          text.startsWith(`${path.relative(process.cwd(), dir)}/${file}`) && text.includes(': error: '),
      );
      expect(line, file).toBeDefined();
      expect(line).toMatch(expected.reason);
    }
    expect(lines.at(-1)).toMatch(
      new RegExp(
        `^\\d+ files read, \\d+ articles kept, ${brokenCases.length} files rejected, \\d+ warnings$`,
      ),
    );
  });

  it.runIf(existsSync(corpus))('exits 0 on the real corpus', async () => {
    const result = await checkSeeds(corpus);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n').at(-1)).toBe(
      '192 files read, 191 articles kept, 0 files rejected, 1 warning',
    );
  });

  it.runIf(existsSync(aiCorpus))(
    'lists the stories of more than one article for an editor, with why',
    async () => {
      const result = await checkSeeds(aiCorpus, '--stories');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('“Intel & Accenture Use AI To Save The Coral Reef” (3 articles)');
      expect(result.stdout).toContain(
        `${aiCorpus}/2020-04-24-arista-delivers-cognitive-wifi-for-collaboration-video-and-chat-applications.md: same title`,
      );
      const lines = result.stdout.trim().split('\n');
      expect(lines.at(-2)).toMatch(
        /^95 articles in 89 stories; 4 told by more than one article, the largest by 3: /,
      );
      expect(lines.at(-1)).toBe('95 files read, 95 articles kept, 0 files rejected, 0 warnings');
    },
  );

  it.runIf(existsSync(aiCorpus))(
    'prints the stories as one JSON document with --json, and nothing else',
    async () => {
      const result = await checkSeeds(aiCorpus, '--stories', '--json');
      expect(result.code).toBe(0);
      const { stories } = JSON.parse(result.stdout) as { stories: { files: string[]; reason: string }[] };
      expect(stories).toHaveLength(4);
      expect(stories.find((story) => story.reason === 'same title')?.files).toEqual([
        '2020-04-22-arista-delivers-cognitive-wifi-for-collaboration-video-and-chat-applications.md',
        '2020-04-24-arista-delivers-cognitive-wifi-for-collaboration-video-and-chat-applications.md',
      ]);
      expect(result.stderr).toContain('95 files read');
    },
  );

  it('refuses --json without --stories, and unknown options', async () => {
    expect((await checkSeeds('seeds', '--json')).code).toBe(2);
    expect((await checkSeeds('seeds', '--nope')).code).toBe(2);
  });

  it('exits 2 when the folder does not exist', async () => {
    const result = await checkSeeds('no/such/folder');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^check:seeds: the seeds folder no\/such\/folder cannot be read/);
  });
});
