import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newsPlugin } from '../../src/node/vite-plugin-news.ts';
import { articleSchema } from '../../src/shared/article-schema.ts';
import type { NewsIndex } from '../../src/shared/data-folder.ts';
import { allCases, brokenCases } from '../fixtures/hostile/cases.ts';
import { writeHostileFolder } from '../fixtures/hostile/write-folder.ts';
import { buildWith, dataFiles, filesUnder, securedValues, shippedArticles } from '../fixtures/build.ts';
import { generatedSeeds } from '../fixtures/generated-seeds.ts';
import { emitNews, readCorpus } from '../../src/node/pipeline/build-news.ts';
import { openParseCache } from '../../src/node/pipeline/parse-cache.ts';
import { feedPath, opmlPath } from '../../src/shared/feed-paths.ts';
import { readAtom, readJsonFeed, readOpml, readRss } from '../fixtures/feeds.ts';
import { precacheUrls, withoutHashes } from '../fixtures/precache.ts';

/** An archive the size of the Power Apps corpus, from the bench's generator (see tests/corpus for the real one). */
const archiveSize = 192;

describe('the news plugin', () => {
  it('resolves the virtual module to the index, pointing at the dev server', async () => {
    const plugin = newsPlugin({ seedsDir: 'seeds' });
    const hook = (name: 'configResolved' | 'resolveId' | 'load') => {
      const value = plugin[name] as unknown;
      return (typeof value === 'function' ? value : (value as { handler: unknown }).handler) as (
        ...args: unknown[]
      ) => unknown;
    };
    hook('configResolved')({
      root: process.cwd(),
      cacheDir: mkdtempSync(path.join(tmpdir(), 'news-vite-cache-')),
      base: '/',
      command: 'serve',
      logger: { info() {}, warn() {} },
    });
    expect(hook('resolveId')('virtual:news')).toBe('\0virtual:news');
    const code = await hook('load').call(
      { error: (message: string) => new Error(message) },
      '\0virtual:news',
    );
    const [indexLine, devLine] = String(code).split('\n');
    const index = JSON.parse(indexLine?.replace(/^export const index = |;$/g, '') ?? '') as NewsIndex;
    expect(index).toEqual({
      base: expect.stringMatching(/^\/@news\/[0-9a-f]{12}\/$/) as string,
      pageSize: 12,
      count: { published: 0, all: 1 },
      storyCount: { published: 0, all: 1 },
      topics: ['AI', 'Computer Vision', 'Facebook AI'].map((name, id) => ({
        ...{ id, name, published: 0, all: 1 },
        storyCount: { published: 0, all: 1 },
      })),
      topicTotal: { published: 0, all: 3 },
    });
    expect(devLine).toBe('export const devIndexUrl = "/@news/index.json";');
  });

  it('builds the seed into a data folder named by its content, with the Content-Security-Policy', async () => {
    const outDir = await buildWith('seeds');
    const [data] = readdirSync(path.join(outDir, 'data'));
    expect(data).toMatch(/^[0-9a-f]{12}$/);
    expect(shippedArticles(outDir).map((article) => article.title)).toEqual([
      'Facebook’s new computer vision model achieves state-of-the-art performance by learning from random images',
    ]);
    const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    expect(html).toMatch(/script-src &#39;self&#39;;/);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
  });

  it('ships none of the secured blobs anywhere in dist/', async () => {
    const corpus = generatedSeeds(archiveSize);
    const outDir = await buildWith(corpus);
    const secrets = securedValues(corpus);
    expect(secrets).toHaveLength(archiveSize);
    const shipped = filesUnder(outDir).map((file) => readFileSync(file, 'utf8'));
    for (const secret of secrets) {
      // Each half of the blob ("ciphertext;iv") is checked on its own as well.
      for (const part of [secret, ...secret.split(';')]) {
        expect(shipped.some((text) => text.includes(part))).toBe(false);
      }
    }
    expect(shippedArticles(outDir)).toHaveLength(archiveSize);
  });

  it('writes the feeds and the OPML whose every URL is a file of dist/', async () => {
    const outDir = await buildWith(generatedSeeds(archiveSize));
    const opml = readOpml(readFileSync(path.join(outDir, opmlPath), 'utf8'));
    expect(opml.outlines.map(({ text }) => text)).toContain('Power Apps');
    for (const { xmlUrl } of opml.outlines) {
      expect(xmlUrl.startsWith('/feeds/topic/')).toBe(true);
      expect(readRss(readFileSync(path.join(outDir, xmlUrl), 'utf8')).items.length).toBeGreaterThan(0);
    }
    expect(readRss(readFileSync(path.join(outDir, feedPath('rss')), 'utf8')).items).toHaveLength(50);
    expect(readAtom(readFileSync(path.join(outDir, feedPath('atom')), 'utf8')).items).toHaveLength(50);
    expect(readJsonFeed(readFileSync(path.join(outDir, feedPath('json')), 'utf8')).items).toHaveLength(50);
  });

  it('precaches the app shell only, the same list for 1 article as for 192', async () => {
    const outDir = await buildWith(generatedSeeds(archiveSize));
    const urls = precacheUrls(outDir);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toEqual(expect.arrayContaining(['index.html', 'manifest.webmanifest', 'pwa-192x192.png']));
    expect(urls.filter((url) => /^assets\/index-[\w-]+\.js$/.test(url))).toHaveLength(1);
    // No file of the data folder, and no feed: what grows with the archive is read as it is needed.
    expect(
      urls.filter(
        (url) => !/^(assets\/[\w.-]+\.(js|css)|[\w.-]+\.(html|png|ico|svg|webmanifest))$/.test(url),
      ),
    ).toEqual([]);
    for (const url of urls) expect(dataFiles(outDir).has(url.replace(/^data\/[^/]+\//, ''))).toBe(false);
    expect(withoutHashes(precacheUrls(await buildWith('seeds')))).toEqual(withoutHashes(urls));
  });

  it('makes the reader installable: a manifest, its icons from one image, light and dark colours', async () => {
    const outDir = await buildWith('seeds');
    const manifest = JSON.parse(readFileSync(path.join(outDir, 'manifest.webmanifest'), 'utf8')) as {
      name: string;
      display: string;
      start_url: string;
      theme_color: string;
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({ name: 'News reader', display: 'standalone', start_url: '.' });
    expect(manifest.icons.map(({ sizes, purpose }) => `${sizes}${purpose ? ` ${purpose}` : ''}`)).toEqual(
      expect.arrayContaining(['192x192', '512x512', '512x512 maskable']),
    );
    for (const icon of manifest.icons) {
      const png = readFileSync(path.join(outDir, icon.src));
      // A PNG of the size it claims (its IHDR chunk holds the width and height).
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
    }
    const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest">');
    expect(html).toMatch(
      /<meta name="theme-color" media="\(prefers-color-scheme: light\)" content="#f6f7f9"/,
    );
    expect(html).toMatch(/<meta name="theme-color" media="\(prefers-color-scheme: dark\)" content="#0f1115"/);
    expect(manifest.theme_color).toBe('#f6f7f9');
  });

  it('updates the data folder in place after an edit, exactly as a build from scratch would write it', async () => {
    const seeds = path.join(mkdtempSync(path.join(tmpdir(), 'news-rebuild-')), 'seeds');
    cpSync(generatedSeeds(archiveSize), seeds, { recursive: true });
    const outDir = mkdtempSync(path.join(tmpdir(), 'news-dist-'));
    const first: string[] = [];
    await buildWith(seeds, false, outDir, first);
    expect(first.join('\n')).toMatch(/data\/[0-9a-f]{12}\/: ([\d,]+) of \1 files written/);
    writeFileSync(path.join(outDir, 'stale.js'), 'left by an older build');

    const [name] = readdirSync(seeds).sort();
    const file = path.join(seeds, name ?? '');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: "/m, 'title: "Edited: '));
    const second: string[] = [];
    await buildWith(seeds, false, outDir, second);
    const [, written, total] = /: (\d+) of ([\d,]+) files written/.exec(second.join('\n')) ?? [];
    expect(Number(written)).toBeGreaterThan(0);
    expect(Number(written)).toBeLessThan(Number(total?.replace(',', '')) / 4);
    expect(existsSync(path.join(outDir, 'stale.js'))).toBe(false);
    expect(readdirSync(path.join(outDir, 'data')).sort()).toEqual([expect.any(String), 'manifest.json']);
    expect(shippedArticles(outDir).some((article) => article.title.startsWith('Edited: '))).toBe(true);
    const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    expect(readdirSync(path.join(outDir, 'assets')).length).toBeGreaterThan(0);
    expect(html).toContain('<script type="module"');

    const fresh = await buildWith(seeds);
    expect(dataFiles(outDir)).toEqual(dataFiles(fresh));

    // The oldest article made the newest: every other article's rank, and so their pages, change.
    const [oldest] = shippedArticles(outDir).slice(-1);
    const oldestFile = readdirSync(seeds).find((name) => name.startsWith(oldest?.id ?? '-')) ?? '';
    const moved = path.join(seeds, oldestFile);
    writeFileSync(
      moved,
      readFileSync(moved, 'utf8').replace(
        /^publishedDateTime: .*$/m,
        'publishedDateTime: 2030-01-01T00:00:00Z',
      ),
    );
    await buildWith(seeds, false, outDir);
    expect(shippedArticles(outDir)[0]?.id).toBe(oldest?.id);
    expect(dataFiles(outDir)).toEqual(dataFiles(await buildWith(seeds)));

    // A file removed changes every rank after it: the folder is written whole, and still right,
    // over the earlier one (its files changed in place, not deleted and made again).
    const firstPage = () => {
      const [version] = readdirSync(path.join(outDir, 'data')).filter((name) => name !== 'manifest.json');
      return statSync(path.join(outDir, 'data', version ?? '', 'a', '0.json'), { bigint: true });
    };
    const before = firstPage();
    rmSync(file);
    const third: string[] = [];
    await buildWith(seeds, false, outDir, third);
    expect(third.join('\n')).toMatch(/of [\d,]+ files written/);
    expect(dataFiles(outDir)).toEqual(dataFiles(await buildWith(seeds)));
    expect(firstPage().birthtimeNs).toBe(before.birthtimeNs);
  }, 60_000);

  it('writes exactly the folder the stages emit', async () => {
    const seeds = generatedSeeds(200);
    const outDir = await buildWith(seeds);
    const { corpus } = await readCorpus(seeds, openParseCache());
    const { folder } = emitNews(corpus, '/');
    const written = dataFiles(outDir);
    expect([...written.keys()]).toEqual(
      ['manifest.json', ...[...folder.files.keys()].map((file) => path.join(folder.version, file))].sort(
        (a, b) => (a < b ? -1 : 1),
      ),
    );
    for (const [file, { text }] of folder.files)
      expect(written.get(path.join(folder.version, file)), file).toBe(text);
  }, 60_000);

  it('leaves the last good build whole when a strict build fails', async () => {
    const outDir = await buildWith('seeds');
    const before = filesUnder(outDir).map((file) => [file, readFileSync(file, 'utf8')]);
    await expect(buildWith('tests/fixtures/seeds/mixed', true, outDir)).rejects.toThrow(/NEWS_STRICT=1/);
    expect(filesUnder(outDir).map((file) => [file, readFileSync(file, 'utf8')])).toEqual(before);
    expect(existsSync(path.join(outDir, 'index.html'))).toBe(true);
  });

  it('fails the build in strict mode when a file is rejected, and only then', async () => {
    await expect(buildWith('tests/fixtures/seeds/mixed', true)).rejects.toThrow(
      /NEWS_STRICT=1: 3 seed file\(s\) rejected/,
    );
    const outDir = await buildWith('tests/fixtures/seeds/mixed', false);
    expect(shippedArticles(outDir)).toHaveLength(3);
    await expect(buildWith('seeds', true)).resolves.toBeTruthy();
  });

  it('fails the strict build on the adversarial set, and builds it otherwise without crashing', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'news-hostile-build-')), 'seeds');
    writeHostileFolder(dir);
    await expect(buildWith(dir, true)).rejects.toThrow(
      new RegExp(`NEWS_STRICT=1: ${brokenCases.length} seed file`),
    );
    const outDir = await buildWith(dir, false);
    const articles = shippedArticles(outDir);
    expect(articles.length).toBe(allCases.length - brokenCases.length);
    for (const article of articles) expect(articleSchema.safeParse(article).error).toBeUndefined();
    const shipped = filesUnder(outDir)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    expect(shipped).not.toMatch(/SECRET-/);
  });

  it('names the folder when it does not exist', async () => {
    await expect(buildWith('no/such/folder')).rejects.toThrow(
      /the seeds folder \S*no\/such\/folder cannot be read .*set NEWS_SEEDS_DIR/,
    );
  });
});
