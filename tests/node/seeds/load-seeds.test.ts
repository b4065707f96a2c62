import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../bench/generate-corpus.ts';
import { preparedByWorkers } from '../../../src/node/data-folder.ts';
import {
  buildFeedData,
  deriveArticle,
  indexedWords,
  prepareArticle,
  preparedFieldsJson,
} from '../../../src/node/feed-data/build-feed-data.ts';
import { createSeedLoader } from '../../../src/node/seeds/load-seeds.ts';
import { indexFileOf } from '../../../src/node/seeds/parse-cache.ts';
import { createParsePool } from '../../../src/node/seeds/parse-pool.ts';
import { parseSeed, readSeed } from '../../../src/node/seeds/parse-seed.ts';
import type { PreparedRead } from '../../../src/node/seeds/worker-wire.ts';
import { formatReport } from '../../../src/node/seeds/report.ts';

import { seedFields, seedText } from '../../fixtures/seed-text.ts';

const fixtures = 'tests/fixtures/seeds/mixed';
const corpus = '../shared/corpus/smartable-power-apps';

/** A worker's prepared article as `readSeed` gives the file's parse on this thread. */
const resultOfPrepared = ({ issues, prepared }: PreparedRead) => ({
  article: JSON.parse(preparedFieldsJson(prepared)) as unknown,
  issues,
});

describe('loading a folder of seeds', () => {
  it('keeps good files, rejects bad ones and reports every problem', async () => {
    const { articles, issues, summary } = await createSeedLoader().load(fixtures);
    expect(summary).toEqual({ filesRead: 7, articlesKept: 3, filesRejected: 3, warnings: 2 });
    expect(articles.map((article) => [article.id, article.title])).toEqual([
      ['nested-draft', 'An unpublished draft'],
      ['duplicate-of-good', 'The same story again'],
      ['nested-crlf', 'A CRLF article'],
    ]);
    expect(issues.map((issue) => [issue.file, issue.severity, issue.field ?? ''])).toEqual([
      ['bad-yaml.md', 'error', ''],
      ['good-article.md', 'warning', 'originalUrl'],
      ['good-article.md', 'warning', 'related[1].webUrl'],
      ['no-title.md', 'error', 'title'],
      ['script.md', 'error', ''],
    ]);
    expect(issues.find((issue) => issue.file === 'script.md')?.message).toMatch(/only YAML front matter/);
  });

  it('reads dates with offsets as UTC and CRLF files like any other', async () => {
    const { articles } = await createSeedLoader().load(fixtures);
    expect(articles.find((article) => article.id === 'nested-crlf')).toMatchObject({
      publishedAt: '2021-04-01T08:00:00.000Z',
      url: 'https://crlf.example/a',
      topics: ['Robotics'],
    });
  });

  it('prints the report with a summary line', async () => {
    const { issues, summary } = await createSeedLoader().load(fixtures);
    const report = formatReport(issues, summary, 'mixed/');
    expect(report).toContain('mixed/no-title.md: error: title: is missing; the file was rejected');
    expect(report).toContain('mixed/bad-yaml.md:3: error: has invalid YAML: Missing closing "quote');
    expect(report).toContain(
      'mixed/good-article.md:16: warning: related[1].webUrl: "javascript:alert(1)" is not an http(s) URL; related[1] was dropped',
    );
    expect(report).toContain(
      'mixed/good-article.md: warning: originalUrl: has the same source URL (https://good.example/article) as duplicate-of-good.md',
    );
    expect(report.split('\n').at(-1)).toBe('7 files read, 3 articles kept, 3 files rejected, 2 warnings');
  });

  it('never ships the secured blob', async () => {
    const { articles } = await createSeedLoader().load(fixtures);
    expect(JSON.stringify(articles)).not.toContain('FIXTURE-SECRET');
  });

  it('reads the bundled seed as the one unpublished VentureBeat article with five related items', async () => {
    const { articles, summary } = await createSeedLoader().load('seeds');
    expect(summary).toEqual({ filesRead: 1, articlesKept: 1, filesRejected: 0, warnings: 0 });
    const [seed] = articles;
    expect(seed).toMatchObject({
      id: '000_0a2167d0d2ea9f38',
      published: false,
      provider: { name: 'VentureBeat' },
      topics: ['Computer Vision', 'AI', 'Facebook AI'],
      url: 'https://venturebeat.com/2021/03/04/facebooks-new-computer-vision-model-achieves-state-of-the-art-performance-by-learning-from-random-images/',
    });
    expect(seed?.related.map((item) => item.url)).toEqual([
      'https://www.engadget.com/facebook-has-taught-an-computer-vision-system-to-oversee-its-own-education-150008996.html',
      'https://www.wsj.com/articles/facebook-researchers-report-advance-in-computer-vision-11614870001',
      'https://www.tomsguide.com/opinion/facebook-smart-glasses-could-have-facial-recognition-heres-why-thats-a-terrible-idea',
      'https://knowtechie.com/of-course-facebook-is-considering-facial-recognition-for-its-smart-glasses/',
      'https://analyticsindiamag.com/facebook-inch-closer-to-building-general-purpose-intelligence-agents-with-unit/',
    ]);
  });

  describe.runIf(existsSync(corpus))('the real corpus', () => {
    it('keeps 191 articles, 131 of them published, merging the one duplicate', async () => {
      const { articles, issues, summary } = await createSeedLoader().load(corpus);
      expect(summary).toEqual({ filesRead: 192, articlesKept: 191, filesRejected: 0, warnings: 1 });
      expect(articles.filter((article) => article.published)).toHaveLength(131);
      expect(issues[0]?.message).toMatch(/same source URL \(https:\/\/[^)]+\) as 2021-01-14-on-boarding/);
    });

    it('counts topics and videos as the corpus README does', async () => {
      const { articles } = await createSeedLoader().load(corpus);
      const published = articles.filter((article) => article.published);
      expect(published.filter((article) => article.topics.includes('Portals'))).toHaveLength(15);
      expect(articles.filter((article) => article.type === 'video')).toHaveLength(12);
      expect(articles.filter((article) => article.videoId !== undefined)).toHaveLength(13);
      expect(articles.every((article) => /^https?:\/\//.test(article.url))).toBe(true);
    });

    it('sorts newest first with unique ids', async () => {
      const { articles } = await createSeedLoader().load(corpus);
      const dates = articles.map((article) => article.publishedAt);
      expect(dates).toEqual([...dates].sort().reverse());
      expect(new Set(articles.map((article) => article.id)).size).toBe(articles.length);
    });
  });

  it('re-parses only the files whose content changed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'news-cache-'));
    cpSync(fixtures, dir, { recursive: true });
    const loader = createSeedLoader();
    const first = await loader.load(dir);
    writeFileSync(
      path.join(dir, 'nested/crlf.txt'),
      '---\ntitle: Edited\npublishedDateTime: 2021-04-01T08:00:00Z\nwebUrl: https://crlf.example/a\n---\n',
    );
    const second = await loader.load(dir);
    const byId = (load: typeof first, id: string) => load.articles.find((article) => article.id === id);
    expect(byId(second, 'nested-crlf')?.title).toBe('Edited');
    // Unchanged files come from the cache: the very same parsed objects, not a re-parse.
    expect(byId(second, 'nested-draft')?.topics).toBe(byId(first, 'nested-draft')?.topics);
    expect(byId(second, 'nested-crlf')?.topics).not.toBe(byId(first, 'nested-crlf')?.topics);
  });
});

describe('reading one file', () => {
  it('reads files of any size whole, one after another, each with the hash of its own bytes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'news-read-'));
    const long = seedText(seedFields({ title: 'Long', excerpt: 'word '.repeat(40_000) }));
    const short = seedText(seedFields({ title: 'Short' }));
    writeFileSync(path.join(dir, 'long.md'), long);
    writeFileSync(path.join(dir, 'short.md'), short);
    const sha = (text: string) => createHash('sha256').update(text).digest('base64');
    for (const [name, text, title] of [
      ['long.md', long, 'Long'],
      ['short.md', short, 'Short'],
      ['long.md', long, 'Long'],
    ] as const) {
      const read = readSeed(path.join(dir, name), name);
      expect(read.kind === 'parsed' && read.hash).toBe(sha(text));
      expect(read.kind === 'parsed' && read.result.article?.title).toBe(title);
    }
    expect(long.length).toBeGreaterThan(200_000);
  });
});

describe('the parse cache on disk', () => {
  it('lets a new process re-parse only the file that changed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'news-disk-cache-'));
    cpSync(fixtures, dir, { recursive: true });
    const cacheDir = path.join(mkdtempSync(path.join(tmpdir(), 'news-cache-dir-')), 'seeds');

    const cold = await createSeedLoader({ cacheDir }).load(dir);
    expect(cold.stats).toEqual({ parsed: 7, cached: 0 });

    const warm = await createSeedLoader({ cacheDir }).load(dir);
    expect(warm.stats).toEqual({ parsed: 0, cached: 7 });
    expect(warm.articles).toEqual(cold.articles);
    expect(warm.issues).toEqual(cold.issues);

    writeFileSync(
      path.join(dir, 'nested/crlf.txt'),
      '---\ntitle: Edited once\npublishedDateTime: 2021-04-01T08:00:00Z\nwebUrl: https://crlf.example/a\n---\n',
    );
    const touched = await createSeedLoader({ cacheDir }).load(dir);
    expect(touched.stats).toEqual({ parsed: 1, cached: 6 });
    expect(touched.articles.find((article) => article.id === 'nested-crlf')?.title).toBe('Edited once');

    // Rewritten with the same content (a new modification time): read and hashed, not parsed.
    const again = readFileSync(path.join(dir, 'nested/crlf.txt'));
    utimesSync(path.join(dir, 'nested/crlf.txt'), new Date(), new Date(Date.now() + 60_000));
    writeFileSync(path.join(dir, 'nested/crlf.txt'), again);
    const rewritten = await createSeedLoader({ cacheDir }).load(dir);
    expect(rewritten.stats).toEqual({ parsed: 0, cached: 7 });

    // A file removed is forgotten by the cache too.
    rmSync(path.join(dir, 'nested/crlf.txt'));
    expect((await createSeedLoader({ cacheDir }).load(dir)).stats).toEqual({ parsed: 0, cached: 6 });
  });

  // Writes 700 files and starts worker threads: seconds, not milliseconds, on two busy cores.
  it('parses a large folder on worker threads, with the same result as on this thread', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'news-pool-'));
    generateCorpus(dir, 700);
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'news-pool-cache-'));
    const loader = createSeedLoader({ cacheDir });
    const pooled = await loader.load(dir);
    expect(pooled.stats).toEqual({ parsed: 700, cached: 0 });
    // What the workers prepared is what this thread would work out, and the cache they filled
    // (saved from their text) reads back as the same articles.
    const prepared = preparedByWorkers(loader);
    expect(pooled.articles.every((article) => prepared(article) !== undefined)).toBe(true);
    for (const article of pooled.articles) {
      const derived = prepared(article);
      expect({ ...derived, words: [...(derived?.words ?? [])] }).toEqual({
        ...deriveArticle(article),
        words: [...deriveArticle(article).words],
      });
      expect(new Set(derived?.words)).toEqual(indexedWords(article));
    }
    const fresh = buildFeedData(pooled.articles);
    const fromWorkers = buildFeedData(pooled.articles, undefined, prepared);
    expect(fromWorkers.version).toBe(fresh.version);
    for (const file of fresh.paths()) expect(fromWorkers.render(file), file).toBe(fresh.render(file));
    const warm = await createSeedLoader({ cacheDir }).load(dir);
    expect(warm.stats).toEqual({ parsed: 0, cached: 700 });
    expect(warm.articles).toEqual(pooled.articles);
    const pool = createParsePool(2);
    const names = readdirSync(dir).slice(0, 40);
    const viaWorkers = await Promise.all(names.map((name) => pool.read({ full: path.join(dir, name), file: name })));
    // The workers read, hash and parse; a known hash skips the parse; a missing file says why.
    const [first] = viaWorkers;
    const known = first?.kind === 'prepared' ? first.hash : '';
    const unchanged = await pool.read({ full: path.join(dir, names[0] ?? ''), file: 'x.md', knownHash: known });
    const missing = await pool.read({ full: path.join(dir, 'gone.md'), file: 'gone.md' });
    const badFile = path.join(mkdtempSync(path.join(tmpdir(), 'news-pool-bad-')), 'bad.md');
    writeFileSync(badFile, '---\ntitle: no date\n---\n');
    const rejected = await pool.read({ full: badFile, file: 'bad.md' });
    await pool.close();
    // An accepted article comes prepared (its text, words and facts), just as this thread would
    // prepare the file's parse, and reads back as that parse; a rejected file comes as its parse.
    const here = names.map((name) => readSeed(path.join(dir, name), name));
    expect(viaWorkers.map((read) => read.kind)).toEqual(names.map(() => 'prepared'));
    viaWorkers.forEach((read, index) => {
      const local = here[index];
      if (read.kind !== 'prepared' || local?.kind !== 'parsed' || !local.result.article) throw new Error(names[index]);
      expect(read.hash).toBe(local.hash);
      expect(resultOfPrepared(read)).toEqual(local.result);
      expect(read.prepared).toEqual(prepareArticle(local.result.article));
    });
    expect(here.map((read) => read.kind === 'parsed' && read.result)).toEqual(
      names.map((name) => parseSeed(readFileSync(path.join(dir, name)), name)),
    );
    expect(rejected).toEqual(readSeed(badFile, 'bad.md'));
    expect(rejected.kind === 'parsed' && rejected.result.issues[0]?.severity).toBe('error');
    expect(unchanged).toEqual({ kind: 'unchanged', hash: known });
    expect(missing).toEqual({ kind: 'unreadable', reason: expect.stringContaining('ENOENT') as string });
    expect(pooled.articles).toHaveLength(700 - pooled.summary.filesRejected);
    expect(pooled.summary.filesRejected).toBe(0);
  }, 120_000);

  it('reads every file on this thread when the workers cannot start, with the same results', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'news-pool-broken-'));
    generateCorpus(dir, 150);
    const broken = path.join(dir, 'broken-worker.mjs');
    writeFileSync(broken, 'throw new Error("this worker cannot start");\n');
    const pool = createParsePool(2, pathToFileURL(broken));
    const names = readdirSync(dir).filter((name) => name.endsWith('.md'));
    const reads = new Map<string, unknown>();
    const calls: string[] = [];
    await pool.readAll(
      names.map((name) => ({ full: path.join(dir, name), file: name })),
      (request, read) => {
        calls.push(request.file);
        reads.set(request.file, read);
      },
    );
    await pool.close();
    // Each file once, whatever was in flight when the workers failed.
    expect(calls.sort()).toEqual([...names].sort());
    for (const name of names) expect(reads.get(name), name).toEqual(readSeed(path.join(dir, name), name));
  }, 60_000);

  it('ignores cache files that are corrupt', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'news-cache-bad-'));
    for (let shard = 0; shard < 64; shard += 1) {
      writeFileSync(path.join(cacheDir, `index-${shard}.json`), '{ not json');
      writeFileSync(path.join(cacheDir, `${shard}.json`), '{ not json');
    }
    const load = await createSeedLoader({ cacheDir }).load(fixtures);
    expect(load.stats).toEqual({ parsed: 7, cached: 0 });
    expect(load.summary.articlesKept).toBe(3);
  });

  it('parses a file again when its index entry survived but its article was lost', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'news-cache-lost-'));
    const cold = await createSeedLoader({ cacheDir }).load(fixtures);
    for (let shard = 0; shard < 64; shard += 1) writeFileSync(path.join(cacheDir, `${shard}.json`), '{ not json');
    const warm = await createSeedLoader({ cacheDir }).load(fixtures);
    // The index says nothing changed, so nothing is parsed for the report…
    expect(warm.stats).toEqual({ parsed: 0, cached: 7 });
    // …and each kept article is parsed again from its file when it is asked for.
    expect(warm.articles).toEqual(cold.articles);
    expect(warm.issues).toEqual(cold.issues);
  });

  it('scans a folder without reading unchanged articles back', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'news-scan-'));
    cpSync(fixtures, dir, { recursive: true });
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'news-cache-scan-'));
    const cold = await createSeedLoader({ cacheDir }).load(dir);
    // Articles live in shards the scan never opens: break them all, and the scan still answers.
    for (let shard = 0; shard < 64; shard += 1) writeFileSync(path.join(cacheDir, `${shard}.json`), '{ not json');
    const scan = await createSeedLoader({ cacheDir }).scan(dir);
    expect(scan.issues).toEqual(cold.issues);
    expect(scan.summary).toEqual(cold.summary);
    expect(scan.kept).toEqual(cold.kept);
    expect(scan.kept.map(({ id }) => id).sort()).toEqual(cold.articles.map(({ id }) => id).sort());
    expect([...scan.hashes.keys()]).toHaveLength(cold.summary.filesRead);
  });
});

describe('rescanning after an edit, from the last scan', () => {
  /**
   * The mixed fixtures (duplicates, rejected files, warnings) scanned once with a cache, changed
   * by `edit`, and scanned again by a new loader: it must answer as a loader with no cache does.
   */
  async function rescanAfter(edit: (dir: string) => void, keepIndexOf?: string) {
    const dir = mkdtempSync(path.join(tmpdir(), 'news-memo-'));
    cpSync(fixtures, dir, { recursive: true });
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'news-memo-cache-'));
    const first = createSeedLoader({ cacheDir });
    await first.load(dir);
    await first.saved();
    edit(dir);
    if (keepIndexOf !== undefined) {
      // Every other part of the cache's index broken: a scan that read it would parse every file.
      for (let shard = 0; shard < 64; shard += 1) {
        const name = `index-${shard}.json`;
        if (name !== indexFileOf(keepIndexOf)) writeFileSync(path.join(cacheDir, name), '{ not json');
      }
    }
    const again = createSeedLoader({ cacheDir });
    const rescanned = await again.load(dir);
    await again.saved();
    const fresh = await createSeedLoader().load(dir);
    expect({ ...rescanned, stats: undefined }).toEqual({ ...fresh, stats: undefined });
    return rescanned;
  }
  const rewrite = (file: string, change: (text: string) => string) =>
    writeFileSync(file, change(readFileSync(file, 'utf8')));

  it('reads only the edited file, and only its part of the cache', async () => {
    const edited = await rescanAfter(
      (dir) =>
        rewrite(path.join(dir, 'duplicate-of-good.md'), (text) =>
          text.replace('The same story again', 'The same story, edited'),
        ),
      'duplicate-of-good.md',
    );
    expect(edited.stats).toEqual({ parsed: 1, cached: 6 });
    expect(edited.articles.map((article) => article.title)).toContain('The same story, edited');
  });

  it('follows a new warning, and a file touched without a change', async () => {
    const warned = await rescanAfter((dir) =>
      rewrite(path.join(dir, 'good-article.md'), (text) => text.replace('title: "Other coverage"', 'title: 42')),
    );
    expect(warned.stats).toEqual({ parsed: 1, cached: 6 });
    expect(warned.issues.some((issue) => issue.file === 'good-article.md' && issue.severity === 'warning')).toBe(true);
    const touched = await rescanAfter((dir) => utimesSync(path.join(dir, 'no-title.md'), new Date(), new Date(2001, 1, 1)));
    expect(touched.stats).toEqual({ parsed: 0, cached: 7 });
  });

  it.each([
    ['a duplicate given a URL of its own', 'duplicate-of-good.md', (text: string) => text.replace('https://good.example/article', 'https://other.example/a')],
    ['the winning duplicate unpublished', 'duplicate-of-good.md', (text: string) => text.replace('---\n', '---\npublished: false\n')],
    ['an accepted file rejected', 'good-article.md', (text: string) => text.replace(/^title: .*$/m, '')],
    ['a rejected file accepted', 'no-title.md', (text: string) => text.replace('---\n', '---\ntitle: "Now with a title"\n')],
  ])('answers as a full scan for %s', async (_, file, change) => {
    const changed = await rescanAfter((dir) => rewrite(path.join(dir, file), change));
    expect(changed.stats).toEqual({ parsed: 1, cached: 6 });
  });

  it('answers as a full scan when a file is added or removed', async () => {
    const added = await rescanAfter((dir) => cpSync(path.join(dir, 'good-article.md'), path.join(dir, 'added.md')));
    expect(added.summary.filesRead).toBe(8);
    const removed = await rescanAfter((dir) => rmSync(path.join(dir, 'duplicate-of-good.md')));
    expect(removed.summary.filesRead).toBe(6);
  });
});
