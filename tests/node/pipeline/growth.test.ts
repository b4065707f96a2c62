import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/shared/article-schema.ts';
import { dataPath } from '../../../src/shared/data-folder.ts';
import { buildDataFolder } from '../../fixtures/data-folder.ts';
import { makeArticle } from '../../fixtures/articles.ts';

const hourly = (i: number) => new Date(Date.UTC(2021, 0, 1) + i * 3_600_000).toISOString();
const topicsOf = (i: number) => [
  ['Alpha', 'Beta', 'Gamma'][i % 3] as string,
  ...(i % 10 === 0 ? ['Delta'] : []),
];
/** Articles oldest to newest, an hour apart, every one a story of its own. */
const archive = (from: number, to: number): Article[] =>
  Array.from({ length: to - from }, (_, n) =>
    makeArticle({
      title: `Unrelated report number ${from + n} about ${['ships', 'bees', 'rain'][(from + n) % 3]}`,
      url: `https://example.com/${from + n}`,
      publishedAt: hourly(from + n),
      topics: topicsOf(from + n),
    }),
  );

/** Each file's piece name in a build of `articles`, 12 cards a page. */
const piecesOf = (articles: readonly Article[]) => {
  const folder = buildDataFolder(articles, 12);
  return new Map(folder.paths().map((file) => [file, pieceOf(folder, file)]));
};
const pieceOf = (folder: ReturnType<typeof buildDataFolder>, file: string) =>
  folder.pieces().find((name) => name.startsWith(file.replace(/\.json$/, '.')));

describe('an archive that grows by appending', () => {
  const older = archive(0, 300);
  const before = piecesOf(older);
  // Three newer articles, all in "Alpha".
  const after = piecesOf([...older, ...archive(300, 303).map((a) => ({ ...a, topics: ['Alpha'] }))]);
  const unchanged = (file: string) => before.get(file) !== undefined && before.get(file) === after.get(file);

  it('keeps every page of the older articles as it was: name and bytes', () => {
    // 300 articles fill 25 pages; the three new ones start page 25.
    for (let page = 0; page < 25; page += 1) {
      expect(unchanged(dataPath.page(page)), `a/${page}`).toBe(true);
      expect(unchanged(dataPath.relatedPage(page)), `r/${page}`).toBe(true);
    }
    expect(before.has(dataPath.page(25))).toBe(false);
    expect(after.has(dataPath.page(25))).toBe(true);
  });

  it('leaves alone the lists the new articles do not join', () => {
    const topicIds = (name: string) => ['Alpha', 'Beta', 'Gamma', 'Delta'].indexOf(name);
    // Topic ids follow the counts (Alpha, Beta and Gamma have 100 each, Delta 30): Alpha grows.
    expect(topicIds('Beta')).toBeGreaterThan(0);
    for (const name of ['Beta', 'Gamma', 'Delta']) {
      expect(unchanged(dataPath.topicKeys(topicIds(name))), name).toBe(true);
    }
    expect(unchanged(dataPath.topicKeys(topicIds('Alpha')))).toBe(false);
    expect(unchanged(dataPath.stories)).toBe(true);
  });

  it('changes a small part of the folder, not the whole of it', () => {
    const changed = [...after.keys()].filter((file) => !unchanged(file));
    // The new page and panels, Alpha's keys, the search tail, the URL files of the new URLs, the
    // facets and a bucket of the top order: not the pages of the 300 older articles.
    expect(changed.filter((file) => /^[ar]\//.test(file))).toEqual([
      dataPath.page(25),
      dataPath.relatedPage(25),
    ]);
    // The search shards wait for a whole span of new articles (see searchTailSpan): only the tail moves.
    expect(changed.filter((file) => file.startsWith('s/')).sort()).toEqual([
      dataPath.searchBase,
      dataPath.searchTail,
    ]);
    // One bucket of the top order (these articles have no quality) and its list.
    expect(changed.filter((file) => file.startsWith('top/')).sort()).toEqual([
      dataPath.topBuckets,
      dataPath.topBucket('none'),
    ]);
    expect(changed.length).toBeLessThan(after.size / 4);
  });
});
