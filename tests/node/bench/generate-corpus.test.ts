import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  eventOf,
  generateCorpus,
  generateNewerArticles,
  listArticles,
  topicPool,
} from '../../../bench/generate-corpus.ts';
import { openArchive, readArchive } from '../../../src/node/pipeline/archive.ts';
import { openParseCache } from '../../../src/node/pipeline/parse-cache.ts';
import { loadSeeds } from '../../fixtures/load-seeds.ts';
import { articleSchema } from '../../../src/shared/article-schema.ts';

const corpus = (count: number, seed = 1) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'news-gen-'));
  generateCorpus(dir, count, seed);
  return dir;
};

describe('the synthetic corpus generator', () => {
  it('is deterministic: the same count and seed give byte-identical files', () => {
    const [a, b] = [corpus(50), corpus(50)];
    const names = readdirSync(a).sort();
    expect(readdirSync(b).sort()).toEqual(names);
    for (const name of names)
      expect(readFileSync(path.join(a, name), 'utf8')).toBe(readFileSync(path.join(b, name), 'utf8'));
    expect(readdirSync(corpus(50, 2)).sort()).not.toEqual(names);
  });

  it('writes valid seeds in the exact format, with the variety the bench needs', async () => {
    const dir = corpus(400);
    const { articles, summary } = await loadSeeds(dir);
    expect(summary).toEqual({ filesRead: 400, articlesKept: 400, filesRejected: 0, warnings: 0 });
    for (const article of articles) expect(articleSchema.safeParse(article).error).toBeUndefined();
    const unpublished = articles.filter((a) => !a.published).length;
    expect(unpublished).toBeGreaterThan(80);
    expect(unpublished).toBeLessThan(160);
    expect(articles.filter((a) => a.type === 'video' && a.videoId)).not.toHaveLength(0);
    expect(new Set(articles.map((a) => a.related.length))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6]));
    const topics = new Set(articles.flatMap((a) => a.topics));
    expect(topics.size).toBeGreaterThan(30);
    expect([...topics].every((topic) => topicPool.includes(topic))).toBe(true);
    // Skewed: the most common topic is far more common than the rarest.
    const count = (topic: string) => articles.filter((a) => a.topics.includes(topic)).length;
    expect(count('AI')).toBeGreaterThan(10 * Math.max(1, count('Low-code')));
    const years = new Set(articles.map((a) => a.publishedAt.slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(5);
    expect(readFileSync(path.join(dir, readdirSync(dir)[0] ?? ''), 'utf8')).toMatch(
      /^secured: ".+==;.+=="$/m,
    );
  });

  it('writes same-story groups, each from several outlets, with a decoy beside each', async () => {
    const dir = corpus(200);
    const { corpus: read } = await readArchive(openArchive(dir, openParseCache()));
    const numbered = (id: string) => Number(id.slice(0, 6));
    const stories = read.stories
      .map((story) => story.ids.map(numbered).sort((a, b) => a - b))
      .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
    // Articles 0-3 of every 25 are one event's reports; the 5th is a decoy that joins none.
    expect(stories).toEqual(Array.from({ length: 8 }, (_, event) => [0, 1, 2, 3].map((i) => event * 25 + i)));
    const outlets = read.stories.map(
      (story) => new Set(story.ids.map((id) => read.articles.find((a) => a.id === id)?.provider?.name)).size,
    );
    expect(outlets.every((count) => count === 4)).toBe(true);
    expect(eventOf(4)?.title).not.toBe(eventOf(0)?.title);
    expect(eventOf(5)).toBeUndefined();
  });
});

describe('newer articles for a generated corpus', () => {
  it('are published, an hour apart, after the newest article, and valid seeds of the same format', async () => {
    const dir = corpus(200);
    const newest = Math.max(...listArticles(dir).map(({ date }) => date));
    const names = generateNewerArticles(dir, 10);
    expect(names).toHaveLength(10);
    expect(names[0]).toMatch(/^000200_[0-9a-f]{16}\.md$/);
    const added = listArticles(dir).filter(({ name }) => names.includes(name));
    expect(added.map(({ date }) => (date - newest) / 3_600_000)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(added.every(({ published }) => published)).toBe(true);
    const { summary, articles } = await loadSeeds(dir);
    expect(summary).toEqual({ filesRead: 210, articlesKept: 210, filesRejected: 0, warnings: 0 });
    // Read newest first: the last one written heads the feed.
    const titleLine = /^title: (.+)$/m.exec(readFileSync(path.join(dir, names[9] ?? ''), 'utf8'));
    expect(articles[0]?.title).toBe(JSON.parse(titleLine?.[1] ?? '""'));
  });

  it('are the same files for the same corpus, count and seed', () => {
    const [a, b] = [corpus(100), corpus(100)];
    const names = generateNewerArticles(a, 3);
    expect(generateNewerArticles(b, 3)).toEqual(names);
    for (const name of names)
      expect(readFileSync(path.join(a, name), 'utf8')).toBe(readFileSync(path.join(b, name), 'utf8'));
  });

  it('leave the corpus itself as generateCorpus writes it', () => {
    const before = corpus(60);
    const grown = corpus(60);
    generateNewerArticles(grown, 5);
    for (const name of readdirSync(before))
      expect(readFileSync(path.join(grown, name), 'utf8')).toBe(
        readFileSync(path.join(before, name), 'utf8'),
      );
  });
});
