import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../bench/generate-corpus.ts';
import { openArchive, readArchive } from '../../../src/node/pipeline/archive.ts';
import { openParseCache, shardCount } from '../../../src/node/pipeline/parse-cache.ts';
import { listSeedFiles } from '../../../src/node/seeds/list-files.ts';
import { readSeedFolder } from '../../../src/node/pipeline/read-seeds.ts';
import { parseSeed, readSeed } from '../../../src/node/seeds/parse-seed.ts';
import { formatReport } from '../../../src/node/seeds/report.ts';

import { seedFields, seedText } from '../../fixtures/seed-text.ts';

const fixtures = 'tests/fixtures/seeds/mixed';

/** Stages 1 to 3 on a folder, with a parse cache kept in `cacheDir` (in memory without one). */
async function load(dir: string, cacheDir?: string) {
  const { corpus: read, stats } = await readArchive(openArchive(dir, openParseCache(cacheDir)));
  return { ...read, stats };
}

describe('loading a folder of seeds', () => {
  it('keeps good files, rejects bad ones and reports every problem', async () => {
    const { articles, issues, summary } = await load(fixtures);
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
    const { articles } = await load(fixtures);
    expect(articles.find((article) => article.id === 'nested-crlf')).toMatchObject({
      publishedAt: '2021-04-01T08:00:00.000Z',
      url: 'https://crlf.example/a',
      topics: ['Robotics'],
    });
  });

  it('prints the report with a summary line', async () => {
    const { issues, summary } = await load(fixtures);
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
    const { articles } = await load(fixtures);
    expect(JSON.stringify(articles)).not.toContain('FIXTURE-SECRET');
  });

  it('reads the bundled seed as the one unpublished VentureBeat article with five related items', async () => {
    const { articles, summary } = await load('seeds');
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

  it('re-parses only the files whose content changed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'news-cache-'));
    cpSync(fixtures, dir, { recursive: true });
    const cache = openParseCache();
    const first = await readArchive(openArchive(dir, cache));
    expect(first.stats).toEqual({ parsed: 7, cached: 0 });
    writeFileSync(
      path.join(dir, 'nested/crlf.txt'),
      '---\ntitle: Edited\npublishedDateTime: 2021-04-01T08:00:00Z\nwebUrl: https://crlf.example/a\n---\n',
    );
    const second = await readArchive(openArchive(dir, cache));
    expect(second.stats).toEqual({ parsed: 1, cached: 6 });
    const byId = (read: typeof first, id: string) =>
      read.corpus.articles.find((article) => article.id === id);
    expect(byId(second, 'nested-crlf')?.title).toBe('Edited');
    // Unchanged files come from the cache: the very same parsed objects, not a re-parse.
    expect(byId(second, 'nested-draft')?.topics).toBe(byId(first, 'nested-draft')?.topics);
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
      expect('hash' in read && read.hash).toBe(sha(text));
      expect('parsed' in read && read.parsed?.article?.title).toBe(title);
    }
    expect(long.length).toBeGreaterThan(200_000);
  });
});

describe('the parse cache on disk', () => {
  it('lets a new process re-parse only the file that changed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'news-disk-cache-'));
    cpSync(fixtures, dir, { recursive: true });
    const cacheDir = path.join(mkdtempSync(path.join(tmpdir(), 'news-cache-dir-')), 'seeds');

    const cold = await load(dir, cacheDir);
    expect(cold.stats).toEqual({ parsed: 7, cached: 0 });

    const warm = await load(dir, cacheDir);
    expect(warm.stats).toEqual({ parsed: 0, cached: 7 });
    expect(warm.articles).toEqual(cold.articles);
    expect(warm.issues).toEqual(cold.issues);

    writeFileSync(
      path.join(dir, 'nested/crlf.txt'),
      '---\ntitle: Edited once\npublishedDateTime: 2021-04-01T08:00:00Z\nwebUrl: https://crlf.example/a\n---\n',
    );
    const touched = await load(dir, cacheDir);
    expect(touched.stats).toEqual({ parsed: 1, cached: 6 });
    expect(touched.articles.find((article) => article.id === 'nested-crlf')?.title).toBe('Edited once');

    // Rewritten with the same content (a new modification time): read and hashed, not parsed.
    const again = readFileSync(path.join(dir, 'nested/crlf.txt'));
    utimesSync(path.join(dir, 'nested/crlf.txt'), new Date(), new Date(Date.now() + 60_000));
    writeFileSync(path.join(dir, 'nested/crlf.txt'), again);
    const rewritten = await load(dir, cacheDir);
    expect(rewritten.stats).toEqual({ parsed: 0, cached: 7 });

    // A file removed is forgotten by the cache too.
    rmSync(path.join(dir, 'nested/crlf.txt'));
    expect((await load(dir, cacheDir)).stats).toEqual({ parsed: 0, cached: 6 });
  });

  // Writes 300 files and starts worker threads: seconds, not milliseconds, on two busy cores.
  it('parses on worker threads with the same result as on this thread, and fills the same cache', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'news-pool-'));
    generateCorpus(dir, 300);
    writeFileSync(path.join(dir, 'bad.md'), '---\ntitle: no date\n---\n');
    const { files } = await listSeedFiles(dir);
    const pooledCache = mkdtempSync(path.join(tmpdir(), 'news-pool-cache-'));
    const cache = openParseCache(pooledCache);
    const pooled = await readSeedFolder(dir, files, cache, { poolAbove: 0 });
    cache.save();
    const here = await readSeedFolder(dir, files, openParseCache(), { poolAbove: Number.POSITIVE_INFINITY });
    expect(pooled.stats).toEqual({ parsed: 301, cached: 0 });
    expect(pooled.files).toEqual(here.files);
    expect(
      pooled.files.map(({ file, parsed }) => ({
        hash: parsed.hash,
        ...parseSeed(readFileSync(path.join(dir, file)), file),
      })),
    ).toEqual(pooled.files.map(({ parsed }) => parsed));
    expect(pooled.files.find(({ file }) => file === 'bad.md')?.parsed.issues[0]?.severity).toBe('error');
    const warm = await load(dir, pooledCache);
    expect(warm.stats).toEqual({ parsed: 0, cached: 301 });
    expect(warm.articles).toHaveLength(300);
  }, 120_000);

  it('reports a file that cannot be read and keeps every other', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'news-unreadable-'));
    cpSync(fixtures, dir, { recursive: true });
    const { files } = await listSeedFiles(dir);
    rmSync(path.join(dir, 'good-article.md'));
    const read = await readSeedFolder(dir, files, openParseCache());
    expect(read.unreadable).toEqual([
      {
        severity: 'error',
        file: 'good-article.md',
        message: expect.stringMatching(/^could not be read: ENOENT/) as string,
      },
    ]);
    expect(read.files).toHaveLength(files.length - 1);
  });

  it('reads since the last read what a full read gives, keeping every other entry as it was', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'news-since-'));
    cpSync(fixtures, dir, { recursive: true });
    const { files } = await listSeedFiles(dir);
    const [first = '', second = '', third = ''] = files;
    const kept = readFileSync(path.join(dir, first));
    rmSync(path.join(dir, first));
    const cache = openParseCache();
    const last = await readSeedFolder(dir, files, cache);
    expect(last.unreadable.map(({ file }) => file)).toEqual([first]);
    // The file that could not be read is there again, unnamed; one named was edited, one deleted.
    writeFileSync(path.join(dir, first), kept);
    const edited = readFileSync(path.join(dir, second), 'utf8').replace(/^title: .*$/m, 'title: "Edited"');
    writeFileSync(path.join(dir, second), edited);
    rmSync(path.join(dir, third));
    const listed = files.filter((file) => file !== third);
    const since = await readSeedFolder(dir, listed, cache, {
      since: { last, changed: new Set([second, third]) },
    });
    const full = await readSeedFolder(dir, listed, openParseCache());
    expect(since.files).toEqual(full.files);
    expect(since.unreadable).toEqual([]);
    expect(since.stats).toEqual({ parsed: 2, cached: listed.length - 2 });
    // Every entry not looked at is the last read's object, for the stages that keep by place.
    const untouched = since.files.filter(({ file }) => ![first, second].includes(file));
    expect(untouched.length).toBeGreaterThan(0);
    for (const entry of untouched) expect(last.files).toContain(entry);
  });

  it('ignores cache files that are corrupt or of another version, and writes them again', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'news-cache-bad-'));
    for (let shard = 0; shard < shardCount; shard += 1) {
      const text = shard % 2 === 0 ? '{ not json' : JSON.stringify({ version: 'another', entries: [] });
      writeFileSync(path.join(cacheDir, `${shard}.json`), text);
    }
    const read = await load(fixtures, cacheDir);
    expect(read.stats).toEqual({ parsed: 7, cached: 0 });
    expect(read.summary.articlesKept).toBe(3);
    // Every shard is this version's now, those of no file too: none is read for nothing again.
    const versions = new Set(
      Array.from(
        { length: shardCount },
        (_, shard) =>
          (JSON.parse(readFileSync(path.join(cacheDir, `${shard}.json`), 'utf8')) as { version: string })
            .version,
      ),
    );
    expect(versions.size).toBe(1);
    expect(versions.has('another')).toBe(false);
    expect((await load(fixtures, cacheDir)).stats).toEqual({ parsed: 0, cached: 7 });
  });
});
