import { describe, expect, it } from 'vitest';
import { buildDataFolder } from '../../../fixtures/data-folder.ts';
import { dataClient } from '../../../fixtures/data-client.ts';
import type { Article } from '../../../../src/shared/article-schema.ts';
import { dataPath, type TopicKeys } from '../../../../src/shared/data-folder.ts';
import { flaggedRanks, rankFlags } from '../../../../src/shared/ranks.ts';
import {
  readFullFeed,
  readRanks,
  type FeedCursor,
  type RankCursor,
} from '../../../../src/features/feed/api/feed-stream.ts';
import { makeArticle, summaryOf } from '../../../fixtures/articles.ts';

const pageSize = 3;
const articles: Article[] = Array.from({ length: 20 }, (_, i) =>
  makeArticle({
    title: `Story ${i}`,
    publishedAt: new Date(Date.UTC(2021, 0, 1) - i * 3_600_000).toISOString(),
    published: i % 4 !== 3,
    topics: [...(i % 2 === 0 ? ['Even'] : []), ...(i % 3 === 0 ? ['Three'] : [])],
  }),
);
const data = buildDataFolder(articles, pageSize);
/** As the reader sees them: the articles are already newest first, so each one's rank is its index. */
const summaries = articles.map(summaryOf);
const topics = JSON.parse(data.render(dataPath.topics) ?? '') as { id: number; name: string; all: number }[];
const topic = (name: string) => topics.find((t) => t.name === name) as { id: number; all: number };

/** 20 articles, 3 a page: keys 0 to 19 from the oldest, so rank `r` is on page `(19 - r) / 3`. */
async function readToEnd(view: 'published' | 'all', want: number, oldest = false) {
  const { client, index } = dataClient(data);
  const titles: string[] = [];
  let cursor: FeedCursor | null = { kind: 'feed', offset: 0 };
  while (cursor) {
    const page = await readFullFeed(client, index, view, cursor, want, oldest);
    titles.push(...page.articles.map((article) => article.title));
    cursor = page.next;
  }
  return titles;
}

const expected = (keep: (i: number) => boolean) =>
  articles.filter((_, i) => keep(i)).map((article) => article.title);

describe('reading the data folder', () => {
  it('reads the union of topics newest first from their rank lists, each card from the full feed', async () => {
    const either = (i: number) => i % 2 === 0 || i % 3 === 0;
    const ranks = (view: 'published' | 'all') => [
      ...flaggedRanks(
        rankFlags(
          articles.length,
          ['Even', 'Three'].map(
            (name) => (JSON.parse(data.render(dataPath.topicKeys(topic(name).id)) ?? '') as TopicKeys)[view],
          ),
        ),
      ),
    ];
    for (const want of [1, 2, 5, 50]) {
      const { client, index, requested } = dataClient(data);
      const titles: string[] = [];
      let cursor: RankCursor | null = { kind: 'ranks', offset: 0 };
      while (cursor) {
        const page = await readRanks(client, index, ranks('all'), cursor, want);
        titles.push(...page.articles.map((article) => article.title));
        cursor = page.next;
      }
      expect(titles).toEqual(expected(either));
      // Only the full feed's pages: a card is stored once.
      expect(requested().every((file) => /^a\/\d+\.json$/.test(file))).toBe(true);
    }
    const { client, index } = dataClient(data);
    const published = await readRanks(client, index, ranks('published'), { kind: 'ranks', offset: 0 }, 50);
    expect(published.articles.map((article) => article.title)).toEqual(
      expected((i) => either(i) && i % 4 !== 3),
    );
  });

  it('reads the full feed, published only by default, newest or oldest first', async () => {
    expect(await readToEnd('published', 5)).toEqual(expected((i) => i % 4 !== 3));
    expect(await readToEnd('all', 5)).toEqual(expected(() => true));
    expect(await readToEnd('all', 7, true)).toEqual(expected(() => true).reverse());
  });

  it('fetches only the pages it needs for what it returns, from the newest', async () => {
    const { client, index, requested } = dataClient(data);
    const page = await readFullFeed(client, index, 'all', { kind: 'feed', offset: 0 }, 4);
    expect(page.articles).toEqual(summaries.slice(0, 4));
    expect(page.next).toEqual({ kind: 'feed', offset: 4 });
    // Ranks 0 and 1 are keys 19 and 18, on the last page; ranks 2 and 3 on the one before.
    expect(requested()).toEqual(['a/6.json', 'a/5.json']);
  });

  it('reads a rank list from the pages of the full feed', async () => {
    const { client, index, requested } = dataClient(data);
    const read = (offset: number) => readRanks(client, index, [1, 2, 10, 19], { kind: 'ranks', offset }, 3);
    const page = await read(0);
    expect(page.articles.map((article) => article.title)).toEqual(['Story 1', 'Story 2', 'Story 10']);
    expect(page.next).toEqual({ kind: 'ranks', offset: 3 });
    expect(requested().sort()).toEqual(['a/3.json', 'a/5.json', 'a/6.json']);
    const last = await read(3);
    expect(last).toEqual({ articles: [summaries[19]], next: null });
  });

  it('asks for every page a rank list lacks at once, and reads cached pages without a request', async () => {
    const { client, index, requested, forget } = dataClient(data);
    const start: RankCursor = { kind: 'ranks', offset: 0 };
    // Three pages, asked for together rather than one after the other.
    const reading = readRanks(client, index, [1, 10, 19], start, 3);
    await expect.poll(() => requested()).toEqual(['a/6.json', 'a/3.json', 'a/0.json']);
    await reading;
    forget();
    const again = await readFullFeed(client, index, 'all', { kind: 'feed', offset: 0 }, 1);
    expect(again.articles).toEqual(summaries.slice(0, 1));
    expect(requested()).toEqual([]);
  });

  it('fetches each file once, however many reads need it', async () => {
    const { client, index, requested } = dataClient(data);
    const page = await readFullFeed(client, index, 'all', { kind: 'feed', offset: 0 }, 8);
    expect(page.articles).toHaveLength(8);
    await readRanks(client, index, [0, 1, 2, 3, 4, 5, 6, 7], { kind: 'ranks', offset: 0 }, 8);
    expect(new Set(requested()).size).toBe(requested().length);
  });
});
