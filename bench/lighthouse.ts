/**
 * `npm run lighthouse [-- CORPUS]`: Lighthouse 12.2.3 (mobile, its default simulated throttling)
 * on a production build of a corpus (default: the Power Apps archive), as a static host would
 * serve it (compressed, assets cached for good). Remote images cannot load on this machine, so a
 * copy of the corpus points its images at a second local server, which answers each with a JPEG
 * of the size the file declares. Prints the four scores and LCP, and adds the run to
 * docs/lighthouse.md.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import sharp from 'sharp';
import { build } from 'vite';
import { chromiumLaunchOptions } from '../tests/e2e/chromium.ts';

const root = path.resolve(import.meta.dirname, '..');
const corpus = path.resolve(root, process.argv[2] ?? '../shared/corpus/smartable-power-apps');
const work = path.join(root, 'bench/out/lighthouse');
const seeds = path.join(work, 'seeds');
const dist = path.join(work, 'dist');
const sitePort = 4600;
const imagePort = 4601;

/** Each image of the copy, by its path on the image server, with the size its file declares (else 1200 × 630). */
const images = new Map<string, { width: number; height: number }>();

/** The corpus, with every image (article pictures, outlet logos: the `url:` keys) at `imageOrigin`. */
function copyCorpus(imageOrigin: string): void {
  rmSync(seeds, { recursive: true, force: true });
  mkdirSync(seeds, { recursive: true });
  for (const name of readdirSync(corpus)) {
    const text = readFileSync(path.join(corpus, name), 'utf8');
    const local = text.replace(
      /^(\s*-?\s*url: )"(https?:\/\/[^"]+)"(\r?\n\s*width: (\d+)\r?\n\s*height: (\d+))?/gm,
      (_, key: string, url: string, size = '', width = '1200', height = '630') => {
        const file = `/img/${createHash('sha1').update(url).digest('hex').slice(0, 16)}.jpg`;
        images.set(file, { width: Number(width), height: Number(height) });
        return `${key}"${imageOrigin}${file}"${size}`;
      },
    );
    writeFileSync(path.join(seeds, name), local);
  }
}

/** A photograph's stand-in: a gradient with grain, as a JPEG of quality 80 (as large as a photo). */
async function jpegOf({ width, height }: { width: number; height: number }, seed: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  let state = seed || 1;
  for (let i = 0; i < width * height; i += 1) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const grain = (state % 24) - 12;
    const x = (i % width) / width;
    const y = Math.floor(i / width) / height;
    pixels[i * 3] = Math.max(0, Math.min(255, 40 + 180 * x + grain));
    pixels[i * 3 + 1] = Math.max(0, Math.min(255, 90 + 120 * y + grain));
    pixels[i * 3 + 2] = Math.max(0, Math.min(255, 200 - 120 * x * y + grain));
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain',
  '.opml': 'text/x-opml',
};

/** The build as a static host serves it: gzip for text, hashed assets cached for a year, the page for any path. */
function serveSite(): Server {
  return createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (answerImage(pathname, response)) return;
    let file = path.join(dist, pathname);
    if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory())
      file = path.join(dist, 'index.html');
    const type = types[path.extname(file)] ?? 'application/octet-stream';
    let body = readFileSync(file);
    const text = /^(text|application\/(json|xml|manifest))|svg/.test(type);
    if (text && /\bgzip\b/.test(String(request.headers['accept-encoding']))) {
      body = gzipSync(body, { level: 9 });
      response.setHeader('Content-Encoding', 'gzip');
    }
    const immutable = pathname.startsWith('/assets/') || pathname.startsWith('/data/');
    response.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    response.setHeader('Content-Type', type);
    response.end(body);
  }).listen(sitePort, '127.0.0.1');
}

const jpegs = new Map<string, Promise<Buffer>>();

/** Answers an image of the copy, made once, or says it is not one. */
function answerImage(pathname: string, response: ServerResponse): boolean {
  const size = images.get(pathname);
  if (!size) return false;
  void (jpegs.get(pathname) ?? Promise.reject(new Error(`${pathname} was not made`))).then((body) => {
    response.setHeader('Content-Type', 'image/jpeg');
    response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    response.end(body);
  });
  return true;
}

function serveImages(): Server {
  return createServer((request, response) => {
    if (answerImage(new URL(request.url ?? '/', 'http://x').pathname, response)) return;
    response.statusCode = 404;
    response.end();
  }).listen(imagePort, '127.0.0.1');
}

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** Builds the copy with its images at `imageOrigin`, serves it, and runs Lighthouse on its page. */
async function measure(imageOrigin: string, report: string) {
  copyCorpus(imageOrigin);
  process.env.NEWS_SEEDS_DIR = seeds;
  await build({ root, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  // Every picture made before the page is asked for: the servers answer at once, as a static host would.
  for (const [file, size] of images) {
    const made = jpegs.get(file) ?? jpegOf(size, parseInt(file.slice(5, 13), 16));
    jpegs.set(file, made);
    await made;
  }
  const servers = [serveSite(), serveImages()];
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumLaunchOptions.executablePath,
    chromeFlags: chromiumLaunchOptions.args ?? [],
  });
  let result: Awaited<ReturnType<typeof lighthouse>>;
  try {
    result = await lighthouse(`http://127.0.0.1:${sitePort}/`, {
      port: chrome.port,
      output: 'html',
      logLevel: 'error',
      onlyCategories: [...categories],
    });
  } finally {
    chrome.kill();
    for (const server of servers) server.close();
  }
  if (!result) throw new Error('Lighthouse returned no result');
  const { lhr } = result;
  writeFileSync(path.join(work, `${report}.html`), String(result.report));
  writeFileSync(path.join(work, `${report}.json`), JSON.stringify(lhr));
  for (const [id, audit] of Object.entries(lhr.audits)) {
    if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative')
      console.log(`  ${report}: ${id} ${audit.score} ${audit.displayValue ?? ''}`);
  }
  const scores = categories.map((id) => Math.round((lhr.categories[id]?.score ?? 0) * 100));
  const lcp = lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN;
  return { scores, lcp };
}

mkdirSync(work, { recursive: true });
// Remote pictures live on other sites, so the first run serves them from another origin; the
// second, from the page's own, as a site that hosts its pictures would.
const runs = [
  { images: 'another origin', report: 'images-elsewhere', origin: `http://127.0.0.1:${imagePort}` },
  { images: 'the page’s origin', report: 'images-same-origin', origin: `http://127.0.0.1:${sitePort}` },
];
const rows = [
  '| images served from | performance | accessibility | best practices | SEO | LCP |',
  '| --- | --- | --- | --- | --- | --- |',
];
for (const run of runs) {
  const { scores, lcp } = await measure(run.origin, run.report);
  rows.push(`| ${run.images} | ${scores.join(' | ')} | ${(lcp / 1000).toFixed(2)} s |`);
}
console.log(rows.join('\n'));
const history = path.join(root, 'docs/lighthouse.md');
const heading =
  '# Lighthouse runs\n\nWritten by `npm run lighthouse` (Lighthouse 12.2.3, mobile, simulated throttling), newest first.\n';
const earlier = existsSync(history) ? readFileSync(history, 'utf8').replace(heading, '') : '';
const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).stdout.toString().trim();
const name = path.basename(corpus);
writeFileSync(
  history,
  `${heading}\n## ${new Date().toISOString()} (commit ${commit}, ${name})\n\n${rows.join('\n')}\n${earlier}`,
);
console.log(`reports: ${path.relative(root, work)}/*.html; history: docs/lighthouse.md`);
