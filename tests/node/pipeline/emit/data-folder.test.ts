import { describe, expect, it } from 'vitest';
import type { Article } from '../../../../src/shared/article-schema.ts';
import { buildDataFolder } from '../../../fixtures/data-folder.ts';
import {
  dataPath,
  topicsShown,
  type DataPage,
  type RelatedPage,
  type SearchBase,
  type SearchShard,
  type TopicKeys,
  type TopicStat,
} from '../../../../src/shared/data-folder.ts';
import { searchShardKey } from '../../../../src/shared/search-words.ts';
import { type KeyList } from '../../../../src/shared/ranks.ts';
import { flaggedRanks, flagsFromBits, rankFlags } from '../../../../src/shared/ranks.ts';
import { articlesInFolder, makeArticle, storedCardOf } from '../../../fixtures/articles.ts';

const day = (n: number) => new Date(Date.UTC(2021, 0, 31 - n)).toISOString();

/** The ranks of a rank list, whichever its encoding (this test's feed has 5 articles). */
const ranksOf = (list: KeyList, size = 5) => [...flaggedRanks(rankFlags(size, [list]))];

const buildFeedData = buildDataFolder;

function read(data: ReturnType<typeof buildFeedData>, file: string): unknown {
  const text = data.render(file);
  if (text === undefined) throw new Error(`no ${file}`);
  return JSON.parse(text);
}

// Newest first: ranks 0..4.
const ai = makeArticle({
  title: 'Robots learn to see',
  publishedAt: day(0),
  topics: ['AI', 'Computer Vision'],
});
const apps = makeArticle({ title: 'Power Apps update', publishedAt: day(1), topics: ['Power Apps'] });
const draft = makeArticle({
  title: 'Draft on ai',
  publishedAt: day(2),
  topics: ['ai', 'Portals'],
  published: false,
});
const plain = makeArticle({
  title: 'Chip news',
  publishedAt: day(3),
  excerpt: 'Café owners buy semiconductors',
  provider: { name: 'Wire Daily' },
});
const old = makeArticle({ title: 'Old AI story', publishedAt: day(4), topics: ['AI'] });
const articles = [old, plain, draft, apps, ai];

describe('the data folder', () => {
  const data = buildFeedData(articles, 2);

  it('pages the full feed by key, oldest first, whatever the input order, with no rank stored', () => {
    const pages = [0, 1, 2].map((n) => read(data, dataPath.page(n)) as DataPage);
    expect(pages.map((page) => page.articles.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((page) => page.articles)).toEqual([old, plain, draft, apps, ai].map(storedCardOf));
    expect(data.render(dataPath.page(3))).toBeUndefined();
    expect(data.render('a/-1.json')).toBeUndefined();
  });

  it('keeps related coverage out of the pages, in one file per page of the full feed', () => {
    const withCoverage = makeArticle({
      publishedAt: day(5),
      related: [
        { title: 'Follow-up', url: 'https://example.com/follow-up', type: 'article' },
        { title: 'Video', url: 'https://example.com/video', type: 'video', provider: { name: 'Tube' } },
      ],
    });
    const folder = buildFeedData([...articles, withCoverage], 2);
    // The oldest article, key 0, is first on the first page.
    const page = read(folder, dataPath.page(0)) as DataPage;
    expect(page.articles.map(({ title, relatedCount }) => [title, relatedCount])).toEqual([
      [withCoverage.title, 2],
      [old.title, 0],
    ]);
    expect(folder.render(dataPath.page(0))).not.toContain('Follow-up');
    const none = { sameStory: [], related: [] };
    expect(read(folder, dataPath.relatedPage(0)) as RelatedPage).toEqual([
      { sameStory: [], related: withCoverage.related },
      none,
    ]);
    expect(read(folder, dataPath.relatedPage(2)) as RelatedPage).toEqual([none, none]);
    expect(folder.render(dataPath.relatedPage(3))).toBeUndefined();
    expect(articlesInFolder(folder.render)).toEqual([ai, apps, draft, plain, old, withCoverage]);
  });

  it('counts both views and lists topics case-insensitively, in their first spelling, commonest first', () => {
    expect(data.index.count).toEqual({ published: 4, all: 5 });
    // Each article is a story of its own here (see story-files.test.ts).
    expect(data.index.storyCount).toEqual({ published: 4, all: 5 });
    expect(read(data, dataPath.topics) as TopicStat[]).toEqual(
      [
        { id: 0, name: 'AI', published: 2, all: 3 },
        { id: 1, name: 'Computer Vision', published: 1, all: 1 },
        { id: 2, name: 'Portals', published: 0, all: 1 },
        { id: 3, name: 'Power Apps', published: 1, all: 1 },
      ].map((topic) => ({ ...topic, storyCount: { published: topic.published, all: topic.all } })),
    );
    expect(data.index.topicTotal).toEqual({ published: 3, all: 4 });
  });

  it('lists each topic’s ranks for both views, and stores no card again under a topic', () => {
    const ranks = read(data, dataPath.topicKeys(0)) as TopicKeys;
    expect(ranksOf(ranks.all)).toEqual([0, 2, 4]);
    expect(ranksOf(ranks.published)).toEqual([0, 4]);
    expect(data.render(dataPath.topicKeys(9))).toBeUndefined();
    expect(data.paths().filter((file) => file.startsWith('t/'))).toEqual(
      [0, 1, 2, 3].map((id) => dataPath.topicKeys(id)),
    );
  });

  it('stores each card once, in the full feed’s pages', () => {
    const cards = data
      .paths()
      .map((file) => data.render(file) ?? '')
      .flatMap((text) => text.match(/"relatedCount":/g) ?? []);
    expect(cards).toHaveLength(5);
  });

  it('indexes title, excerpt, provider and topics by word, without accents, sharded by two letters', () => {
    // A span of one: every article's words are in the shards, none waits in the tail.
    const sharded = buildFeedData(articles, 2, 1);
    const base = read(sharded, dataPath.searchBase) as SearchBase;
    expect([...flagsFromBits(base.published, 5)]).toEqual([1, 1, 0, 1, 1]);
    expect(read(sharded, dataPath.searchTail)).toEqual({});
    const shard = (word: string) => read(sharded, dataPath.searchShard(searchShardKey(word))) as SearchShard;
    expect(base.shards).toContain(searchShardKey('cafe'));
    expect(ranksOf(shard('cafe')['cafe'] ?? [])).toEqual([3]);
    expect(ranksOf(shard('wire')['wire'] ?? [])).toEqual([3]);
    expect(ranksOf(shard('ai')['ai'] ?? [])).toEqual([0, 2, 4]);
    expect(ranksOf(shard('vision')['vision'] ?? [])).toEqual([0]);
    expect(shard('robots')).toHaveProperty('robots');
    // Stop words are not indexed.
    expect(base.shards).not.toContain(searchShardKey('on'));
  });

  it('says which articles are published over many bytes of keys', () => {
    const many = Array.from({ length: 20 }, (_, i) =>
      makeArticle({ publishedAt: day(i), published: i % 4 !== 3 }),
    );
    const base = read(buildFeedData(many, 2), dataPath.searchBase) as SearchBase;
    expect([...flagsFromBits(base.published, 20)]).toEqual(
      many.map((article) => (article.published ? 1 : 0)),
    );
  });

  it('keeps the newest articles’ words in the tail until a whole span of them has come', () => {
    // A span of four: keys 0 to 3 (ranks 4 to 1) in the shards, key 4 (the newest, rank 0) in the tail.
    const spanned = buildFeedData(articles, 2, 4);
    const tail = read(spanned, dataPath.searchTail) as SearchShard;
    for (const word of ['robots', 'learn', 'see', 'vision']) expect(tail).toHaveProperty(word);
    // An older article's word, in the shards only.
    expect(tail).not.toHaveProperty('cafe');
    expect(ranksOf(tail['robots'] ?? [])).toEqual([0]);
    const base = read(spanned, dataPath.searchBase) as SearchBase;
    expect(base.shards).not.toContain(searchShardKey('robots'));
    const aiShard = read(spanned, dataPath.searchShard(searchShardKey('ai'))) as SearchShard;
    expect(ranksOf(aiShard['ai'] ?? [])).toEqual([2, 4]);
    // One newer article rewrites the tail and leaves every shard as it was.
    const newer = makeArticle({ title: 'Robots again', publishedAt: day(-1), topics: ['AI'] });
    const grown = buildFeedData([...articles, newer], 2, 4);
    for (const key of base.shards) {
      expect(grown.render(dataPath.searchShard(key)), key).toBe(spanned.render(dataPath.searchShard(key)));
    }
    expect(ranksOf((read(grown, dataPath.searchTail) as SearchShard)['robots'] ?? [], 6)).toEqual([0, 1]);
  });

  it('names every file it can render, and nothing else', () => {
    const paths = [...data.paths()];
    expect(new Set(paths).size).toBe(paths.length);
    for (const file of paths) expect(data.render(file)).toBeDefined();
    expect(paths).toContain(dataPath.topics);
    expect(data.render('index.html')).toBeUndefined();
  });

  it('names its pieces by their content: the same articles in any order give the same root', () => {
    expect(buildFeedData([...articles].reverse(), 2).index.pieces).toEqual(data.index.pieces);
    expect(buildFeedData(articles, 3).index.pieces).not.toEqual(data.index.pieces);
    expect(buildFeedData([...articles, makeArticle()], 2).index.pieces).not.toEqual(data.index.pieces);
  });

  it('keeps the index small: at most the commonest topics of each view, however many there are', () => {
    const many: Article[] = Array.from({ length: 200 }, (_, i) =>
      makeArticle({ topics: [`Topic ${i}`, ...(i % 2 ? ['Odd'] : [])], published: i % 3 !== 0 }),
    );
    const big = buildFeedData(many);
    expect(big.index.topicTotal).toEqual({ published: 134, all: 201 });
    expect(big.index.topics.length).toBeLessThanOrEqual(2 * topicsShown);
    expect(big.index.topics[0]).toMatchObject({ name: 'Odd', all: 100 });
    expect(JSON.stringify(big.index).length).toBeLessThan(
      JSON.stringify(buildFeedData(many.slice(0, 60)).index).length * 1.05,
    );
  });
});
