import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/shared/article-schema.ts';
import { buildCorpus, emptyCorpusMemo } from '../../../src/node/pipeline/corpus.ts';
import type { ParsedFile } from '../../../src/node/seeds/parse-seed.ts';
import { makeArticle } from '../../fixtures/articles.ts';

/** A file read, as the parse cache gives it: the article's fields, without the id its path gives. */
const read = (file: string, { id: _, ...fields }: Article) => ({
  file,
  parsed: { article: fields, issues: [], hash: file } as ParsedFile,
});

describe('the corpus, run after run (the dev server)', () => {
  it('keeps its ids and order only while the paths, URLs, times and publication are the same', () => {
    const memo = emptyCorpusMemo();
    // a and b have one source URL: one article of the two, the published one (b).
    const a = makeArticle({ url: 'https://example.com/same', published: false });
    const b = makeArticle({ url: a.url, publishedAt: '2021-03-05T07:00:00.000Z' });
    const c = makeArticle({ publishedAt: '2021-03-06T07:00:00.000Z' });
    const base = [read('a.md', a), read('b.md', b), read('c.md', c)];
    const runs = [
      base,
      [read('a.md', a), read('b.md', { ...b, published: false }), read('c.md', c)],
      [read('a.md', { ...a, published: true }), read('b.md', b), read('c.md', c)],
      [read('a.md', a), read('b.md', { ...b, url: 'https://example.com/b' }), read('c.md', c)],
      [read('a.md', a), read('b.md', b), read('c.md', { ...c, publishedAt: '2021-03-04T07:00:00.000Z' })],
      // The same id (the same name but its extension), another file.
      [read('a.md', a), read('b.txt', b), read('c.md', c)],
      [read('a.md', a), read('b.md', b), read('renamed.md', c)],
      [read('a.md', a), read('b.md', b), read('c.md', { ...c, title: 'Only the title' })],
      [read('a.md', a), read('c.md', c)],
    ];
    // Each run one change away from the one before: a change, then back.
    for (const files of runs.flatMap((run) => [run, base])) {
      expect(buildCorpus(files, [], files.length, memo)).toEqual(buildCorpus(files, [], files.length));
    }
  });

  it('gives an article the id a cold run gives when a rejected file with the same slug comes and goes', () => {
    const memo = emptyCorpusMemo();
    const article = makeArticle();
    // Rejected, but its path still takes a share of the slug `a-b` (see articleIds).
    const rejected = { file: 'a-b.md', parsed: { issues: [], hash: 'broken' } as ParsedFile };
    const runs = [
      [read('a b.md', article), rejected],
      [read('a b.md', article)],
      [read('a b.md', article), rejected],
    ];
    for (const files of runs) {
      expect(buildCorpus(files, [], files.length, memo)).toEqual(buildCorpus(files, [], files.length));
    }
  });

  it('gives an unchanged file the id a cold run gives when another file frees its slug', () => {
    const memo = emptyCorpusMemo();
    // The same entries from run to run, as the read keeps an unchanged file's (see readSeedFolder).
    const twin = read('a.txt', makeArticle());
    const last = read('z.md', makeArticle({ publishedAt: '2021-03-06T07:00:00.000Z' }));
    const runs = [
      // a.md and a.txt share the slug `a`: each id gets a hash.
      [read('a.md', makeArticle({ url: 'https://example.com/a' })), twin, last],
      // a.md renamed a.b.md: a.txt, at its place, is `a` now.
      [read('a.b.md', makeArticle({ url: 'https://example.com/a' })), twin, last],
    ];
    for (const files of runs) {
      expect(buildCorpus(files, [], files.length, memo)).toEqual(buildCorpus(files, [], files.length));
    }
    expect(buildCorpus(runs[1] ?? [], [], 3, memo).articles.map(({ id }) => id)).toContain('a');
  });
});
