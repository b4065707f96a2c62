import { describe, expect, it } from 'vitest';
import { checkSeeds } from '../fixtures/check-seeds.ts';
import { loadSeeds } from '../fixtures/load-seeds.ts';
import { corpusFolder } from './corpora.ts';
import { storyScores } from './story-scores.ts';

const folder = corpusFolder('smartable-power-apps');

describe('the Power Apps archive (the shared corpora’s README gives its counts)', () => {
  it('keeps 191 articles, 131 of them published, merging the one duplicate', async () => {
    const { articles, issues, summary } = await loadSeeds(folder);
    expect(summary).toEqual({ filesRead: 192, articlesKept: 191, filesRejected: 0, warnings: 1 });
    expect(articles.filter((article) => article.published)).toHaveLength(131);
    expect(issues[0]?.message).toMatch(/same source URL \(https:\/\/[^)]+\) as 2021-01-14-on-boarding/);
  });

  it('counts topics and videos as the corpus README does', async () => {
    const { articles } = await loadSeeds(folder);
    const published = articles.filter((article) => article.published);
    expect(published.filter((article) => article.topics.includes('Portals'))).toHaveLength(15);
    expect(articles.filter((article) => article.type === 'video')).toHaveLength(12);
    expect(articles.filter((article) => article.videoId !== undefined)).toHaveLength(13);
    expect(articles.every((article) => /^https?:\/\//.test(article.url))).toBe(true);
  });

  it('sorts newest first with unique ids', async () => {
    const { articles } = await loadSeeds(folder);
    const dates = articles.map((article) => article.publishedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(new Set(articles.map((article) => article.id)).size).toBe(articles.length);
  });

  it('passes check:seeds with one warning', async () => {
    const result = await checkSeeds(folder);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n').at(-1)).toBe(
      '192 files read, 191 articles kept, 0 files rejected, 1 warning',
    );
  });

  it('finds its stories without a wrong pair: precision 1.0, recall at least 0.57 (16 of 28 pairs)', async () => {
    const { precision, recall } = await storyScores(folder);
    expect(precision).toBe(1);
    expect(recall).toBeGreaterThanOrEqual(16 / 28);
  });
});
