import { beforeAll, describe, expect, it } from 'vitest';
import { buildFeedData, type FeedData } from '../../../src/node/feed-data/build-feed-data.ts';
import { patchFeedData, type FeedPatch } from '../../../src/node/feed-data/patch-feed-data.ts';
import { createSeedLoader } from '../../../src/node/seeds/load-seeds.ts';
import type { Article } from '../../../src/shared/article-schema.ts';
import { dataPath, searchShardKey, type SearchBase } from '../../../src/shared/feed-data.ts';

const corpus = '../shared/corpus/smartable-power-apps';
const pageSize = 12;

/** Every file of a data folder, by path. */
function filesOf(data: FeedData): Map<string, string> {
  return new Map([...data.paths()].map((file) => [file, data.render(file) ?? '']));
}

function applied(folder: ReadonlyMap<string, string>, patch: FeedPatch): Map<string, string> {
  const next = new Map(folder);
  for (const [file, text] of patch.files) {
    if (text === null) next.delete(file);
    else next.set(file, text);
  }
  return next;
}

describe('patching a data folder in place', () => {
  let articles: Article[];
  let before: FeedData;
  let folder: Map<string, string>;
  const reads: string[] = [];
  const read = (file: string) => {
    reads.push(file);
    return folder.get(file);
  };

  beforeAll(async () => {
    ({ articles } = await createSeedLoader().load(corpus));
    before = buildFeedData(articles, pageSize);
    folder = filesOf(before);
  });

  /** Patches `edits` in and checks the result against a build from scratch of the edited feed. */
  function expectSameAsFullBuild(edits: Article[]): FeedPatch {
    const byId = new Map(edits.map((article) => [article.id, article]));
    const after = buildFeedData(
      articles.map((article) => byId.get(article.id) ?? article),
      pageSize,
    );
    reads.length = 0;
    const patch = patchFeedData(before.snapshot, edits, read);
    expect(patch).toBeDefined();
    const patched = applied(folder, patch as FeedPatch);
    expect([...patched.keys()].sort()).toEqual([...after.paths()].sort());
    for (const [file, text] of patched) expect(text, file).toBe(after.render(file));
    expect(patch?.snapshot).toEqual(after.snapshot);
    return patch as FeedPatch;
  }

  it('rewrites an edited article’s page, its topic pages and the shards of the words it changed, nothing else', () => {
    const target = articles.find((article) => article.topics.length >= 2) as Article;
    const patch = expectSameAsFullBuild([
      { ...target, title: `Edited: ${target.title} zyzzyva`, excerpt: 'A new excerpt.' },
    ]);
    const written = [...patch.files.keys()];
    expect(written.filter((file) => file.startsWith('a/'))).toHaveLength(1);
    expect(written.filter((file) => file.startsWith('t/'))).toHaveLength(target.topics.length);
    expect(written).toContain(dataPath.searchShard(searchShardKey('zyzzyva')));
    expect(patch.snapshot.version).not.toBe(before.version);
    // Reads stay proportional to the edit: no file of the folder is read for nothing.
    expect(reads.length).toBeLessThan(written.length + target.topics.length + 4);
  });

  it('edits several articles at once, related items and links included', () => {
    const [first, second, third] = articles.slice(20, 23) as [Article, Article, Article];
    expectSameAsFullBuild([
      {
        ...first,
        related: [{ title: 'Follow-up', url: 'https://example.com/follow-up', type: 'article' }],
      },
      { ...second, url: 'https://example.com/moved' },
      { ...third, provider: { name: 'Renamed Wire' } },
    ]);
  });

  it('creates a shard for a word with a new first two letters and deletes one left empty', () => {
    const base = JSON.parse(folder.get(dataPath.searchBase) ?? '') as SearchBase;
    expect(base.shards).not.toContain(searchShardKey('жж'));
    const target = articles[5] as Article;
    const patch = expectSameAsFullBuild([{ ...target, title: `${target.title} жж` }]);
    const patchedBase = JSON.parse(patch.files.get(dataPath.searchBase) ?? '') as SearchBase;
    expect(patchedBase.shards).toContain(searchShardKey('жж'));

    // An article whose words are the only ones of their shard: drop them and the shard goes.
    const lonely = { ...target, title: `${target.title} жж` };
    const withLonely = buildFeedData(
      articles.map((article) => (article.id === lonely.id ? lonely : article)),
      pageSize,
    );
    const lonelyFolder = filesOf(withLonely);
    const removal = patchFeedData(withLonely.snapshot, [target], (file) => lonelyFolder.get(file));
    expect(removal?.files.get(dataPath.searchShard(searchShardKey('жж')))).toBeNull();
    expect(applied(lonelyFolder, removal as FeedPatch)).toEqual(folder);
  });

  it('changes nothing, not even the version, when the article’s text is the same', () => {
    const patch = patchFeedData(before.snapshot, [{ ...(articles[3] as Article) }], read);
    expect(patch?.files.size).toBe(0);
    expect(patch?.snapshot.version).toBe(before.version);
  });

  it('declines every change that moves an article or changes a list it belongs to', () => {
    const target = articles.find((article) => article.published && article.topics.length > 0) as Article;
    const declined: Article[] = [
      { ...target, publishedAt: '2001-01-01T00:00:00.000Z' },
      { ...target, published: false },
      { ...target, topics: [...target.topics, 'A new topic'] },
      { ...target, topics: target.topics.map((topic) => topic.toUpperCase()) },
      { ...target, id: 'not-in-the-feed' },
    ];
    for (const article of declined) expect(patchFeedData(before.snapshot, [article], read)).toBeUndefined();
    // A previous folder with a file missing: built again rather than patched wrongly.
    expect(patchFeedData(before.snapshot, [{ ...target, title: 'Edited' }], () => undefined)).toBeUndefined();
  });
});
