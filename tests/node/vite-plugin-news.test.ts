import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'vite';
import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../src/shared/article-schema.ts';
import { indexFile, pageDataMeta, type NewsIndex, type PageData } from '../../src/shared/data-folder.ts';
import { manifestPath, pieceName } from '../../src/shared/pieces.ts';
import { readerPlugins } from '../../src/node/reader-plugins.ts';
import { allCases, brokenCases } from '../fixtures/hostile/cases.ts';
import { writeHostileFolder } from '../fixtures/hostile/write-folder.ts';
import { buildWith, dataFiles, filesUnder, securedValues, shippedArticles } from '../fixtures/build.ts';
import { generatedSeeds } from '../fixtures/generated-seeds.ts';
import { loadSeeds } from '../fixtures/load-seeds.ts';
import { emitNews } from '../../src/node/pipeline/build-news.ts';
import { openArchive, readArchive } from '../../src/node/pipeline/archive.ts';
import { openParseCache } from '../../src/node/pipeline/parse-cache.ts';
import { feedPath, opmlPath } from '../../src/shared/feed-paths.ts';
import { readAtom, readJsonFeed, readOpml, readRss } from '../fixtures/feeds.ts';
import { precacheUrls } from '../fixtures/precache.ts';

/** The data a build's page names (see PageData), read from the piece it names. */
function pageDataOf(outDir: string): PageData {
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const [, url = ''] =
    new RegExp(`<meta name="${pageDataMeta}" content="/(data/page\\.[\\w-]{10}\\.json)">`).exec(html) ?? [];
  return JSON.parse(readFileSync(path.join(outDir, url), 'utf8')) as PageData;
}

/** A copy of the last file of `seeds` under a title and an address of its own: one more article. */
function addArticle(seeds: string, title: string): void {
  const [last] = readdirSync(seeds).sort().reverse();
  const text = readFileSync(path.join(seeds, last ?? ''), 'utf8');
  writeFileSync(
    path.join(seeds, 'zzz-newer.md'),
    text
      .replace(/^title: ".*"$/m, `title: "${title}"`)
      .replace(/^(originalUrl|webUrl): ".*"$/gm, '$1: "https://newer.example/article"'),
  );
}

/** An archive the size of the Power Apps corpus, from the bench's generator (see tests/corpus for the real one). */
const archiveSize = 192;

describe('the news plugin', () => {
  it('serves the index from the dev server, pointing at its own data folder', async () => {
    const server = await createServer({
      configFile: false,
      root: process.cwd(),
      cacheDir: mkdtempSync(path.join(tmpdir(), 'news-vite-cache-')),
      logLevel: 'silent',
      plugins: readerPlugins({ seedsDir: 'seeds' }),
      server: { port: 0, host: '127.0.0.1', watch: null },
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    await server.listen();
    try {
      const address = server.resolvedUrls?.local[0] ?? '';
      const index = (await (await fetch(`${address}@news/index.json`)).json()) as NewsIndex;
      expect(index).toEqual({
        base: '/@news/',
        // Each group's manifest by its hash: the feed's page and panels, topics, the search shards…
        pieces: expect.objectContaining({
          misc: expect.stringMatching(/^[\w-]{10}$/) as string,
          'a-0': expect.stringMatching(/^[\w-]{10}$/) as string,
          'r-0': expect.stringMatching(/^[\w-]{10}$/) as string,
          't-0': expect.stringMatching(/^[\w-]{10}$/) as string,
        }) as Record<string, string>,
        pageSize: 12,
        count: { published: 0, all: 1 },
        storyCount: { published: 0, all: 1 },
        topics: ['AI', 'Computer Vision', 'Facebook AI'].map((name, id) => ({
          ...{ id, name, published: 0, all: 1 },
          storyCount: { published: 0, all: 1 },
        })),
        topicTotal: { published: 0, all: 3 },
      });
      const manifest = await fetch(
        `${address}@news/${pieceName(manifestPath('a-0'), index.pieces['a-0'] ?? '')}`,
      );
      expect(manifest.status).toBe(200);
      // The dev server's page carries no data: the reader fetches the index, and again on every change.
      const page = await (await fetch(address)).text();
      expect(page).not.toContain(`name="${pageDataMeta}"`);
    } finally {
      await server.close();
    }
  });

  it('builds the seed into pieces named by their content, with the Content-Security-Policy', async () => {
    const outDir = await buildWith('seeds');
    const pieces = filesUnder(path.join(outDir, 'data')).map((file) =>
      path.relative(path.join(outDir, 'data'), file),
    );
    expect(pieces).toContain(indexFile);
    for (const piece of pieces.filter((name) => name !== indexFile))
      expect(piece).toMatch(/^[\w/-]+\.[\w-]{10}\.json$/);
    expect(shippedArticles(outDir).map((article) => article.title)).toEqual([
      'Facebook’s new computer vision model achieves state-of-the-art performance by learning from random images',
    ]);
    const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    expect(html).toMatch(/script-src &#39;self&#39;;/);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
  });

  it('puts the index and the first screen in the page, and keeps the scripts and worker when articles change', async () => {
    const seeds = path.join(mkdtempSync(path.join(tmpdir(), 'news-shell-')), 'seeds');
    cpSync(generatedSeeds(archiveSize), seeds, { recursive: true });
    const before = await buildWith(seeds);
    const data = pageDataOf(before);
    // The root names the same pieces, and the page's data, to keep it for pages open across a deploy.
    expect(JSON.parse(readFileSync(path.join(before, 'data', indexFile), 'utf8'))).toEqual({
      ...data.index,
      pageData: expect.stringMatching(/^page\.[\w-]{10}\.json$/) as string,
    });
    const files = dataFiles(before);
    expect(Object.keys(data.firstFiles).length).toBeGreaterThan(0);
    for (const [file, content] of Object.entries(data.firstFiles))
      expect(content, file).toEqual(JSON.parse(files.get(file) ?? 'null'));

    addArticle(seeds, 'A newer one');
    const after = await buildWith(seeds);
    // The app: its scripts and styles, and the service worker, whose precache list names them.
    const app = (outDir: string) =>
      new Map(
        [...readdirSync(path.join(outDir, 'assets')).map((name) => `assets/${name}`), 'sw.js'].map((name) => [
          name,
          readFileSync(path.join(outDir, name), 'utf8'),
        ]),
      );
    expect(app(after)).toEqual(app(before));
    expect(pageDataOf(after).index.count.all).toBe(data.index.count.all + 1);
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

  it('writes a page per story, the sitemap of them and robots.txt naming it', async () => {
    const siteUrl = 'https://news.example.org/';
    const log: string[] = [];
    const outDir = await buildWith(generatedSeeds(archiveSize), false, undefined, log, siteUrl);
    expect(log.join('\n')).not.toMatch(/NEWS_SITE_URL/);
    const { stories } = await loadSeeds(generatedSeeds(archiveSize));
    expect(stories.length).toBeGreaterThan(5);
    const storyUrls = stories.map(({ ids }) => `${siteUrl}story/${ids[0]}/`);
    for (const [i, url] of storyUrls.entries()) {
      const page = readFileSync(path.join(outDir, url.slice(siteUrl.length), 'index.html'), 'utf8');
      expect(page).toContain(`<meta property="og:url" content="${url}">`);
      // The reader's own page, which takes it over, loading the reader by a fixed name.
      expect(page).toContain('<script type="module" src="/story-reader.js"></script>');
      // Without the data of the reader's page, which changes with every deploy: the reader fetches it.
      expect(page).not.toContain(`name="${pageDataMeta}"`);
      for (const id of stories[i]?.ids ?? []) {
        const article = shippedArticles(outDir).find((shipped) => shipped.id === id);
        expect(page).toContain(`href="${article?.url}"`);
      }
    }
    const urlsIn = (file: string) =>
      [...readFileSync(path.join(outDir, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map(
        ([, url]) => url,
      );
    const parts = urlsIn('sitemap.xml');
    expect(parts).toEqual([`${siteUrl}sitemap-1.xml`]);
    expect(urlsIn('sitemap-1.xml')).toEqual([siteUrl, ...storyUrls]);
    expect(readFileSync(path.join(outDir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${siteUrl}sitemap.xml`);
    expect(readFileSync(path.join(outDir, 'story-reader.js'), 'utf8')).toMatch(
      /^import "\/assets\/index-[\w-]+\.js";\n$/,
    );
  });

  it('leaves the page of every story a new article does not join as it was', async () => {
    const siteUrl = 'https://news.example.org/';
    const seeds = path.join(mkdtempSync(path.join(tmpdir(), 'news-story-pages-')), 'seeds');
    cpSync(generatedSeeds(archiveSize), seeds, { recursive: true });
    const pagesOf = (outDir: string) =>
      new Map(
        readdirSync(path.join(outDir, 'story')).map((id) => [
          id,
          readFileSync(path.join(outDir, 'story', id, 'index.html'), 'utf8'),
        ]),
      );
    const before = pagesOf(await buildWith(seeds, false, undefined, [], siteUrl));
    expect(before.size).toBeGreaterThan(5);
    addArticle(seeds, 'A newer article of its own');
    const after = pagesOf(await buildWith(seeds, false, undefined, [], siteUrl));
    expect(after).toEqual(before);
  });

  it('says that previews and the sitemap need NEWS_SITE_URL, and writes the pages without it', async () => {
    const log: string[] = [];
    const outDir = await buildWith('seeds', false, undefined, log);
    expect(log.join('\n')).toMatch(/NEWS_SITE_URL is not set: .*link previews.*sitemap\.xml/);
    expect(existsSync(path.join(outDir, 'sitemap.xml'))).toBe(false);
    expect(readFileSync(path.join(outDir, 'robots.txt'), 'utf8')).toBe('User-agent: *\nAllow: /\n');
  });

  it('precaches the app shell only, the same files for 1 article as for 192', async () => {
    const outDir = await buildWith(generatedSeeds(archiveSize));
    const urls = precacheUrls(outDir);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toEqual(expect.arrayContaining(['manifest.webmanifest', 'pwa-192x192.png']));
    expect(urls.filter((url) => /^assets\/index-[\w-]+\.js$/.test(url))).toHaveLength(1);
    // No file of the data folder, no feed, no page: what changes with the articles is read from
    // the network, the page first (see sw.ts).
    expect(
      urls.filter((url) => !/^(assets\/[\w.-]+\.(js|css)|[\w.-]+\.(png|ico|svg|webmanifest))$/.test(url)),
    ).toEqual([]);
    for (const url of urls) expect(dataFiles(outDir).has(url.replace(/^data\/[^/]+\//, ''))).toBe(false);
    expect(precacheUrls(await buildWith('seeds'))).toEqual(urls);
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

  it('rewrites only the pieces an edit changes, and reads exactly as a build from scratch', async () => {
    const seeds = path.join(mkdtempSync(path.join(tmpdir(), 'news-rebuild-')), 'seeds');
    cpSync(generatedSeeds(archiveSize), seeds, { recursive: true });
    const outDir = mkdtempSync(path.join(tmpdir(), 'news-dist-'));
    const first: string[] = [];
    await buildWith(seeds, false, outDir, first);
    expect(first.join('\n')).toMatch(/data\/: ([\d,]+) of \1 pieces written, 0 deleted/);
    writeFileSync(path.join(outDir, 'stale.js'), 'left by an older build');
    const piecesBefore = new Map(
      filesUnder(path.join(outDir, 'data')).map((file) => [file, readFileSync(file, 'utf8')]),
    );

    // One old article retitled: its page, its panels and the search shards of its words change.
    const [name] = readdirSync(seeds).sort();
    const file = path.join(seeds, name ?? '');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: "/m, 'title: "Edited: '));
    const second: string[] = [];
    await buildWith(seeds, false, outDir, second);
    const [, written, total] = /data\/: ([\d,]+) of ([\d,]+) pieces written/.exec(second.join('\n')) ?? [];
    const count = (text?: string) => Number(text?.replace(/,/g, ''));
    expect(count(written)).toBeGreaterThan(0);
    expect(count(written)).toBeLessThan(count(total) / 4);
    // Every piece of the build before is still there, unchanged: a page open on it reads on.
    for (const [piece, text] of piecesBefore) {
      if (!piece.endsWith(`/${indexFile}`)) expect(readFileSync(piece, 'utf8'), piece).toBe(text);
    }
    expect(existsSync(path.join(outDir, 'stale.js'))).toBe(false);
    expect(shippedArticles(outDir).some((article) => article.title.startsWith('Edited: '))).toBe(true);
    const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    expect(readdirSync(path.join(outDir, 'assets')).length).toBeGreaterThan(0);
    expect(html).toContain('<script type="module"');
    expect(dataFiles(outDir)).toEqual(dataFiles(await buildWith(seeds)));

    // The oldest article made the newest, then a file removed: still exactly a fresh build's.
    const [oldest] = shippedArticles(outDir).slice(-1);
    const oldestFile = readdirSync(seeds).find((seed) => seed.startsWith(oldest?.id ?? '-')) ?? '';
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
    rmSync(file);
    await buildWith(seeds, false, outDir);
    expect(dataFiles(outDir)).toEqual(dataFiles(await buildWith(seeds)));
  }, 60_000);

  it('writes exactly the folder the stages emit', async () => {
    const seeds = generatedSeeds(200);
    const outDir = await buildWith(seeds);
    const { corpus } = await readArchive(openArchive(seeds, openParseCache()));
    const texts = new Map<string, string>();
    const { folder } = emitNews(corpus, '/', (name, text) => texts.set(name, text));
    const written = dataFiles(outDir);
    expect([...written.keys()]).toEqual([...folder.files.keys()].sort((a, b) => (a < b ? -1 : 1)));
    for (const [file, name] of folder.files) expect(written.get(file), file).toBe(texts.get(name));
    const pieces = filesUnder(path.join(outDir, 'data')).map((name) =>
      path.relative(path.join(outDir, 'data'), name),
    );
    // And the page's data (see PageData), a piece of its own.
    const [page, ...more] = pieces.filter((name) => /^page\.[\w-]{10}\.json$/.test(name));
    expect([page, more]).toEqual([expect.any(String), []]);
    expect(pieces.filter((name) => name !== page).sort()).toEqual([...folder.pieces, indexFile].sort());
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
