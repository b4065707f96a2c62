import { describe, expect, it } from 'vitest';
import { buildDataFolder } from '../fixtures/data-folder.ts';
import type { Article } from '../../src/shared/article-schema.ts';
import { dataPath, type DataPage, type TopicKeys } from '../../src/shared/data-folder.ts';
import { flaggedRanks, rankFlags } from '../../src/shared/ranks.ts';
import {
  readAll,
  readFeedNow,
  readRanksNow,
  type FeedCursor,
  type Peek,
  type RankCursor,
} from '../../src/shared/feed-stream.ts';
import { makeArticle, summaryOf } from '../fixtures/articles.ts';

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
/** 20 articles, 3 a page: keys 0 to 19 from the oldest, so rank `r` is on page `(19 - r) / 3`. */
const shelf = {
  count: { all: articles.length, published: articles.filter((a) => a.published).length },
  pageSize,
};
const topics = JSON.parse(data.render(dataPath.topics) ?? '') as { id: number; name: string; all: number }[];
const topic = (name: string) => topics.find((t) => t.name === name) as { id: number; all: number };

function loader() {
  const loaded: string[] = [];
  const load = (file: string) => {
    loaded.push(file);
    return Promise.resolve(JSON.parse(data.render(file) ?? '') as DataPage);
  };
  return { loaded, load };
}

type Load = (file: string) => Promise<DataPage>;

/** One read of the full feed, fetching what it lacks, as the feed's queries do. */
const readFeed = (view: 'published' | 'all', cursor: FeedCursor, want: number, load: Load, oldest = false) =>
  readAll((peek: Peek) => readFeedNow(shelf, view, cursor, want, peek, oldest), load);

/** One read of a rank list, fetching what it lacks. */
const readRanks = (ranks: number[], cursor: RankCursor, want: number, load: Load) =>
  readAll((peek: Peek) => readRanksNow(ranks, cursor, want, shelf, peek), load);

async function readToEnd(view: 'published' | 'all', want: number, oldest = false) {
  const { load } = loader();
  const titles: string[] = [];
  let cursor: FeedCursor | null = { kind: 'feed', offset: 0 };
  while (cursor) {
    const page = await readFeed(view, cursor, want, load, oldest);
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
      const { loaded, load } = loader();
      const titles: string[] = [];
      let cursor: RankCursor | null = { kind: 'ranks', offset: 0 };
      while (cursor) {
        const page = await readRanks(ranks('all'), cursor, want, load);
        titles.push(...page.articles.map((article) => article.title));
        cursor = page.next;
      }
      expect(titles).toEqual(expected(either));
      // Only the full feed's pages: a card is stored once.
      expect(loaded.every((file) => /^a\/\d+\.json$/.test(file))).toBe(true);
    }
    const { load } = loader();
    const published = await readRanks(ranks('published'), { kind: 'ranks', offset: 0 }, 50, load);
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
    const { loaded, load } = loader();
    const page = await readFeed('all', { kind: 'feed', offset: 0 }, 4, load);
    expect(page.articles).toEqual(summaries.slice(0, 4));
    expect(page.next).toEqual({ kind: 'feed', offset: 4 });
    // Ranks 0 and 1 are keys 19 and 18, on the last page; ranks 2 and 3 on the one before.
    expect(loaded).toEqual(['a/6.json', 'a/5.json']);
  });

  it('reads a rank list from the pages of the full feed', async () => {
    const { loaded, load } = loader();
    const read = (offset: number) => readRanks([1, 2, 10, 19], { kind: 'ranks', offset }, 3, load);
    const page = await read(0);
    expect(page.articles.map((article) => article.title)).toEqual(['Story 1', 'Story 2', 'Story 10']);
    expect(page.next).toEqual({ kind: 'ranks', offset: 3 });
    expect(loaded.sort()).toEqual(['a/3.json', 'a/5.json', 'a/6.json']);
    const last = await read(3);
    expect(last).toEqual({ articles: [summaries[19]], next: null });
  });

  it('answers in the same call from the files at hand, and otherwise names the ones it lacks', () => {
    const at = (...files: string[]) => {
      const pages = new Map(files.map((file) => [file, JSON.parse(data.render(file) ?? '') as DataPage]));
      return (file: string) => pages.get(file);
    };
    const start: FeedCursor = { kind: 'feed', offset: 0 };
    // Four articles need two pages of three: the second is named, nothing is fetched.
    expect(readFeedNow(shelf, 'all', start, 4, at('a/6.json'))).toEqual({ missing: ['a/5.json'] });
    const page = readFeedNow(shelf, 'all', start, 4, at('a/6.json', 'a/5.json'));
    expect(page).toEqual({ articles: summaries.slice(0, 4), next: { kind: 'feed', offset: 4 } });
    // A rank list names every page it lacks at once, so that they are fetched side by side.
    expect(readRanksNow([1, 10, 19], { kind: 'ranks', offset: 0 }, 3, shelf, at())).toEqual({
      missing: ['a/6.json', 'a/3.json', 'a/0.json'],
    });
  });

  it('fetches each missing file once, however many times a read is tried again', async () => {
    const { loaded, load } = loader();
    const page = await readFeed('all', { kind: 'feed', offset: 0 }, 8, load);
    expect(page.articles).toHaveLength(8);
    expect(new Set(loaded).size).toBe(loaded.length);
  });
});
