import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/e2e/chromium.ts';
import { createHash } from 'node:crypto';
import { openArchive, readArchive } from '../src/node/pipeline/archive.ts';
import { openParseCache, parseCacheDir } from '../src/node/pipeline/parse-cache.ts';
import { findStories } from '../src/node/pipeline/stories/find-stories.ts';
import { generateCorpus } from './generate-corpus.ts';
import { growthRun, growthTables, markdownTable, timedBuild, type GrowthResult } from './growth.ts';
import { prepareHugoSite } from './hugo-site.ts';

/**
 * `npm run bench [-- --sizes 1000,10000,100000,300000] [--no-journeys] [--no-growth | --growth-only]`:
 * builds synthetic corpora, serves each build, drives Chromium, and prints one table (also written
 * to bench/out/results.json), with each cold build's peak memory; then the growth run at 100,000,
 * else at the largest size (bench/growth.ts: what 10 newer articles and one retitled article cost
 * a build and the dev server), unless `--no-growth`; then runs the scale journeys in Chromium. `--growth-only` runs the growth run alone. Timings on a
 * shared two-core machine are noisy, so the targets are ratios against baselines measured in the
 * same run: the 1,000-article build, the cold build, and Debian's hugo on the same files.
 */

type Row = {
  articles: number;
  coldBuildSeconds: number;
  /** The cold build's peak resident memory (GNU time's %M), when GNU time is there. */
  coldPeakMb: number | null;
  warmBuildSeconds: number;
  hugoSeconds: number | null;
  /** The story stage alone (findStories over every article), in the same process as nothing else. */
  storySeconds: number;
  bytesBeforeFirstCardGzip: number;
  timeToFirstCardMs: number;
  cardsInDom: number;
  /** Until the feed answers (DOM updated, nothing loading). */
  topicChangeP50Ms: number;
  topicChangeP95Ms: number;
  /** Until the next frame after that is painted. */
  topicChangePaintedP95Ms: number;
  searchKeystrokeP50Ms: number;
  searchKeystrokeP95Ms: number;
  searchKeystrokePaintedP95Ms: number;
  operatorKeystrokeP50Ms: number;
  operatorKeystrokeP95Ms: number;
  /** Choosing another order in "Sort", until the feed has answered. */
  sortChangeP50Ms: number;
  sortChangeP95Ms: number;
  sortChangePaintedP95Ms: number;
  /** Bytes before the first card of the oldest-first and the top order, opened from a link. */
  oldestFirstCardGzip: number;
  topFirstCardGzip: number;
  jsHeapMb: number;
};

const root = path.resolve(import.meta.dirname, '..');
/** 52 keystrokes over words of the generator's vocabulary, prefixes of them, and a miss. */
const searchQueries = ['robot vision', 'chip market', 'security patch', 'cloud', 'zebra'];
/** Keystrokes of searches with operators: an exclusion, OR, a phrase, a topic, a type and dates. */
const operatorQueries = [
  'robot -vision',
  'chip OR cloud after:2019',
  '"data team" type:article',
  'topic:Robotics -app',
];
const out = path.join(root, 'bench/out');

/**
 * Where earlier outputs wait until the run is over. This machine's ext4 runs without a journal,
 * and then, to give a file a new inode, the kernel skips every inode freed in the last minute or
 * more, checking each in turn (ext4's `recently_deleted`): 27,000 files written just after as many
 * were deleted took 10 to 20 s of system time instead of 1 to 2. So nothing is deleted while a
 * build (ours or hugo's) is being timed: an old output is moved here, a rename, and this folder is
 * deleted once every figure is in.
 */
const trash = path.join(out, 'trash');
let setAsideCount = 0;
function setAside(dir: string): void {
  if (!existsSync(dir)) return;
  mkdirSync(trash, { recursive: true });
  renameSync(dir, path.join(trash, `${process.pid}-${setAsideCount++}`));
}

function seconds(command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const start = performance.now();
  const result = spawnSync(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr.toString().slice(-2000)}`);
  return (performance.now() - start) / 1000;
}

/** Debian's hugo, the baseline of the cold build: installed here if it is missing (needs root). */
function hasHugo(): boolean {
  if (spawnSync('hugo', ['version']).status === 0) return true;
  console.error('bench: installing hugo with apt-get…');
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
  spawnSync('apt-get', ['install', '-y', '-qq', 'hugo'], {
    stdio: 'ignore',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return spawnSync('hugo', ['version']).status === 0;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function serve(outDir: string, port: number): Promise<() => void> {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort'],
    {
      cwd: root,
      stdio: 'ignore',
      detached: true,
    },
  );
  for (let i = 0; i < 100; i += 1) {
    const ok = await fetch(`http://localhost:${port}/`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return () => process.kill(-(server.pid ?? 0));
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('vite preview did not start');
}

/**
 * In the page: runs `act` and resolves with two figures in milliseconds: until the feed has
 * answered it (the DOM shows the new state and nothing is loading: `main` is not aria-busy, checked
 * after every DOM change), and until the next frame after that has been painted (style, layout and
 * paint included, and the wait for the frame).
 */
const timedInPage = `
window.__timed = (act) => new Promise((resolve) => {
  const main = document.querySelector('main');
  const done = () => main.getAttribute('aria-busy') !== 'true';
  const start = performance.now();
  let finished = false;
  const finish = () => {
    if (finished || !done()) return;
    finished = true;
    observer.disconnect();
    const answered = performance.now() - start;
    requestAnimationFrame(() => setTimeout(() => resolve([answered, performance.now() - start]), 0));
  };
  const observer = new MutationObserver(finish);
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
  act();
  // React commits a click or a keystroke synchronously; one more task covers any effect.
  setTimeout(finish, 0);
  setTimeout(() => { if (!finished) { finished = true; observer.disconnect(); resolve([10_000, 10_000]); } }, 10_000);
});`;

const pause = () => new Promise((resolve) => setTimeout(resolve, 50));

type Timed = (act: () => void) => Promise<[number, number]>;
/** Answer times and paint times of a series of interactions. */
type Latencies = { answered: number[]; painted: number[] };
const latencies = (pairs: [number, number][]): Latencies => ({
  answered: pairs.map(([answered]) => answered),
  painted: pairs.map(([, painted]) => painted),
});

/**
 * Changes a control `runs` times, timing each until the feed has answered: a topic (the first three
 * checkboxes, ticked and unticked in turn), or the order in "Sort" (oldest, top, newest, in turn).
 */
async function controlLatencies(page: Page, control: 'topic' | 'sort', runs: number): Promise<Latencies> {
  const times: [number, number][] = [];
  for (let i = 0; i < runs; i += 1) {
    times.push(
      await page.evaluate(
        ([n, what]) =>
          (window as unknown as { __timed: Timed }).__timed(() => {
            if (what === 'topic') {
              const boxes = document.querySelectorAll<HTMLInputElement>('fieldset input[type=checkbox]');
              boxes[n % Math.min(3, boxes.length)]?.click();
              return;
            }
            const select = document.querySelector<HTMLSelectElement>('select');
            if (!select) return;
            select.value = ['oldest', 'top', 'newest'][n % 3] ?? 'newest';
            select.dispatchEvent(new Event('change', { bubbles: true }));
          }),
        [i, control] as const,
      ),
    );
    await pause();
  }
  // Back to the feed as it opens.
  await page.goto(page.url().split('?')[0] ?? '');
  return latencies(times);
}

/** Types queries into the search box a key at a time (and clears it between them), timing every keystroke. */
async function searchLatencies(page: Page, queries: readonly string[]): Promise<Latencies> {
  const times: [number, number][] = [];
  for (const query of queries) {
    for (const value of [...Array.from(query, (_, i) => query.slice(0, i + 1)), '']) {
      times.push(
        await page.evaluate(
          (text) =>
            (window as unknown as { __timed: Timed }).__timed(() => {
              const input = document.querySelector<HTMLInputElement>('input[type=search]');
              if (!input) return;
              // What a keystroke does: the input's value changes and an input event fires.
              Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, text);
              input.dispatchEvent(new Event('input', { bubbles: true }));
            }),
          value,
        ),
      );
      await pause();
    }
  }
  return latencies(times);
}

/** Notes, in the page, when the first card appears. */
function firstCardScript() {
  new MutationObserver((_, observer) => {
    // The page arrives with the default view's first cards (prerendered); another view's are the app's.
    const prerenderedOnly = window.location.search !== '' && document.readyState === 'loading';
    if (!prerenderedOnly && document.querySelector('article')) {
      (window as unknown as { __firstCard: number }).__firstCard = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

/**
 * Every resource of our own origin that had arrived when the first card showed (the page's
 * Resource Timing says when each ended; reads started after it, such as the read-ahead, do not
 * count), measured as gzip would send it: vite preview does not compress, so each body is fetched
 * again here and compressed.
 */
async function bytesBeforeFirstCard(page: Page): Promise<number> {
  const urls = await page.evaluate(() => {
    const firstCard = (window as unknown as { __firstCard: number }).__firstCard;
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    return [
      location.href,
      ...entries.filter((entry) => entry.responseEnd <= firstCard).map((entry) => entry.name),
    ].filter((name) => name.startsWith(location.origin));
  });
  const sizes = await Promise.all(
    urls.map(async (resource) => gzipSync(Buffer.from(await (await fetch(resource)).arrayBuffer())).length),
  );
  return sizes.reduce((a, b) => a + b, 0);
}

async function measureBrowser(url: string) {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(timedInPage);
    await page.addInitScript(firstCardScript);
    await page.goto(url);
    await page.waitForSelector('article', { timeout: 300_000 });
    const bytes = await bytesBeforeFirstCard(page);
    // Time to first card: the median of this load and eight more, each in a fresh context (nothing
    // cached), since a single page load on a busy two-core machine is noisy (one size's loads
    // spread from 456 to 668 ms in a quiet run here, which five loads did not settle).
    const firstCards = [
      await page.evaluate(() => (window as unknown as { __firstCard: number }).__firstCard),
    ];
    for (let i = 0; i < 8; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const fresh = await context.newPage();
      await fresh.addInitScript(firstCardScript);
      await fresh.goto(url);
      await fresh.waitForSelector('article', { timeout: 300_000 });
      firstCards.push(await fresh.evaluate(() => (window as unknown as { __firstCard: number }).__firstCard));
      await context.close();
    }
    const timeToFirstCard = percentile(firstCards, 50);
    // The first screen of the other orders, each opened from a link in a fresh context.
    const orderBytes: number[] = [];
    for (const order of ['oldest', 'top']) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const fresh = await context.newPage();
      await fresh.addInitScript(firstCardScript);
      await fresh.goto(`${url}?sort=${order}`);
      await fresh.waitForSelector('article', { timeout: 300_000 });
      orderBytes.push(await bytesBeforeFirstCard(fresh));
      await context.close();
    }
    // Cards in the DOM: on the first screen, and after scrolling 40 screens down the feed.
    let cardsInDom = await page.locator('article').count();
    for (let i = 0; i < 40; i += 1) {
      await page.mouse.wheel(0, 800);
      await page.waitForTimeout(60);
      cardsInDom = Math.max(cardsInDom, await page.locator('article').count());
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    const topics = await controlLatencies(page, 'topic', 50);
    const searches = await searchLatencies(page, searchQueries);
    const sorts = await controlLatencies(page, 'sort', 30);
    const operators = await searchLatencies(page, operatorQueries);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return {
      bytesBeforeFirstCardGzip: bytes,
      timeToFirstCardMs: timeToFirstCard,
      cardsInDom,
      topicChangeP50Ms: percentile(topics.answered, 50),
      topicChangeP95Ms: percentile(topics.answered, 95),
      topicChangePaintedP95Ms: percentile(topics.painted, 95),
      searchKeystrokeP50Ms: percentile(searches.answered, 50),
      searchKeystrokeP95Ms: percentile(searches.answered, 95),
      searchKeystrokePaintedP95Ms: percentile(searches.painted, 95),
      operatorKeystrokeP50Ms: percentile(operators.answered, 50),
      operatorKeystrokeP95Ms: percentile(operators.answered, 95),
      sortChangeP50Ms: percentile(sorts.answered, 50),
      sortChangeP95Ms: percentile(sorts.answered, 95),
      sortChangePaintedP95Ms: percentile(sorts.painted, 95),
      oldestFirstCardGzip: orderBytes[0] ?? 0,
      topFirstCardGzip: orderBytes[1] ?? 0,
      jsHeapMb: heap.usedSize / 1024 / 1024,
    };
  } finally {
    await browser.close();
  }
}

async function benchSize(articles: number, port: number): Promise<Row> {
  const corpus = path.join(out, `corpus-${articles}`);
  // Made again when the generator changed: a hidden file (never read as a seed) names its version.
  const generator = createHash('sha256')
    .update(readFileSync(path.join(root, 'bench/generate-corpus.ts')))
    .digest('hex');
  const marker = path.join(corpus, '.generator');
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== `${generator}:${articles}`) {
    generateCorpus(corpus, articles);
    writeFileSync(marker, `${generator}:${articles}`);
  }
  const outDir = path.join(out, `dist-${articles}`);
  const env = { NEWS_SEEDS_DIR: corpus, NEWS_STRICT: '' };
  // The cold build starts with neither an output nor the plugin's parse cache (see
  // src/node/vite-plugin-news.ts), as in a fresh clone.
  setAside(outDir);
  setAside(path.join(root, 'node_modules/.vite/news-reader'));
  const { seconds: coldBuildSeconds, peakMb: coldPeakMb } = timedBuild(corpus, outDir, out);
  // Edit one file: a new title, so that the article, its pages and its search words all change.
  const [first] = readdirSync(corpus)
    .filter((name) => name.endsWith('.md'))
    .sort();
  const edited = path.join(corpus, first ?? '');
  writeFileSync(edited, readFileSync(edited, 'utf8').replace(/^title: "/m, 'title: "Edited: '));
  // The app is the same: `npm run build` builds the data alone (see cli/build.mjs).
  const warmBuildSeconds = seconds(
    'npm',
    ['run', 'build', '--', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'silent'],
    env,
  );

  const storySeconds = await timeStoryStage(corpus);

  let hugoSeconds: number | null = null;
  if (hasHugo()) {
    const site = path.join(out, `hugo-${articles}`);
    setAside(site);
    prepareHugoSite(corpus, site);
    hugoSeconds = seconds('hugo', ['--quiet', '--source', site, '--destination', path.join(site, 'public')]);
    setAside(site);
  }

  // The builds and hugo leave up to gigabytes of written files for the kernel to flush, which it
  // does in the background, competing with the page loads measured next: flush them first, so
  // that every size is measured on a quiet machine.
  spawnSync('sync');
  const stop = await serve(outDir, port);
  try {
    const browser = await measureBrowser(`http://localhost:${port}/`);
    return {
      articles,
      coldBuildSeconds,
      coldPeakMb,
      warmBuildSeconds,
      hugoSeconds,
      storySeconds,
      ...browser,
    };
  } finally {
    stop();
  }
}

/** The story stage's time on `corpus`, its parse read from the cache the builds left. */
async function timeStoryStage(corpus: string): Promise<number> {
  const cache = openParseCache(parseCacheDir(path.join(root, 'node_modules/.vite'), corpus));
  const { corpus: read } = await readArchive(openArchive(corpus, cache));
  // Copies, so that the stage derives every article's facts and words again, as a cold build does
  // (only the vocabulary they share stays known).
  const articles = read.articles.map((article) => ({ ...article }));
  const start = performance.now();
  findStories(articles);
  return (performance.now() - start) / 1000;
}

function fixed(value: number | null, digits = 1): string {
  return value === null || Number.isNaN(value) ? 'n/a' : value.toFixed(digits);
}

function table(rows: Row[]): string {
  const base = rows.find((row) => row.articles === 1000) ?? rows[0];
  const header = [
    'articles',
    'cold build s',
    'cold peak MB',
    'warm build s',
    'warm/cold',
    'hugo s',
    'cold/hugo',
    'stories s',
    'stories/cold',
    'first-card KB gz',
    'vs 1k',
    'first card ms',
    'vs 1k',
    'cards in DOM',
    'topic p50/p95 ms',
    'painted p95',
    'search p50/p95 ms',
    'painted p95',
    'operators p50/p95 ms',
    'sort p50/p95 ms',
    'painted p95',
    'oldest/top first-card KB',
    'heap MB',
  ];
  const lines = rows.map((row) => [
    row.articles.toLocaleString('en'),
    fixed(row.coldBuildSeconds),
    fixed(row.coldPeakMb, 0),
    fixed(row.warmBuildSeconds),
    fixed(row.warmBuildSeconds / row.coldBuildSeconds, 3),
    fixed(row.hugoSeconds),
    row.hugoSeconds ? fixed(row.coldBuildSeconds / row.hugoSeconds, 3) : 'n/a',
    fixed(row.storySeconds, 2),
    fixed(row.storySeconds / row.coldBuildSeconds, 3),
    fixed(row.bytesBeforeFirstCardGzip / 1024),
    base ? fixed(row.bytesBeforeFirstCardGzip / base.bytesBeforeFirstCardGzip, 2) : 'n/a',
    fixed(row.timeToFirstCardMs, 0),
    base ? fixed(row.timeToFirstCardMs / base.timeToFirstCardMs, 2) : 'n/a',
    String(row.cardsInDom),
    `${fixed(row.topicChangeP50Ms)} / ${fixed(row.topicChangeP95Ms)}`,
    fixed(row.topicChangePaintedP95Ms),
    `${fixed(row.searchKeystrokeP50Ms)} / ${fixed(row.searchKeystrokeP95Ms)}`,
    fixed(row.searchKeystrokePaintedP95Ms),
    `${fixed(row.operatorKeystrokeP50Ms)} / ${fixed(row.operatorKeystrokeP95Ms)}`,
    `${fixed(row.sortChangeP50Ms)} / ${fixed(row.sortChangeP95Ms)}`,
    fixed(row.sortChangePaintedP95Ms),
    `${fixed(row.oldestFirstCardGzip / 1024)} / ${fixed(row.topFirstCardGzip / 1024)}`,
    fixed(row.jsHeapMb),
  ]);
  return markdownTable(header, lines);
}

const sizesArg = process.argv.indexOf('--sizes');
// 300,000 shows how memory and time grow past the target size (see docs/growth.md for 1,000,000).
const sizes = (sizesArg >= 0 ? (process.argv[sizesArg + 1] ?? '') : '1000,10000,100000,300000')
  .split(',')
  .map(Number);
const growthOnly = process.argv.includes('--growth-only');
mkdirSync(out, { recursive: true });
if (existsSync(trash)) {
  console.error('bench: deleting what an interrupted run set aside (the first builds may be slower for it)…');
  rmSync(trash, { recursive: true, force: true });
}
const rows: Row[] = [];
for (const [index, size] of (growthOnly ? [] : sizes).entries()) {
  console.error(`bench: ${size.toLocaleString('en')} articles…`);
  rows.push(await benchSize(size, 4500 + index));
}
if (rows.length > 0) console.log(table(rows));
let growth: GrowthResult | undefined;
if (!process.argv.includes('--no-growth')) {
  // At the size the targets name when it was asked for, else at the largest.
  const growthSize = sizes.includes(100_000) ? 100_000 : Math.max(...sizes);
  growth = await growthRun({ articles: growthSize, out, setAside, port: 4600 });
  console.log(`\n${growthTables(growth)}`);
}
writeFileSync(
  path.join(out, 'results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), rows, growth }, null, 2)}\n`,
);
// The history of runs, newest first, for docs/benchmarks.md; the README quotes the latest run.
const history = path.join(root, 'docs/benchmarks.md');
const heading =
  '# Benchmark runs\n\nWritten by `npm run bench`, newest first. Targets at 100,000 articles: see the README.\n';
const earlier = existsSync(history) ? readFileSync(history, 'utf8').replace(heading, '') : '';
const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).stdout.toString().trim();
// What was measured may not be the commit alone: say so.
const uncommitted = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root })
  .stdout.toString()
  .trim();
const tables = [...(rows.length > 0 ? [`${table(rows)}\n`] : []), ...(growth ? [growthTables(growth)] : [])];
writeFileSync(
  history,
  `${heading}\n## ${new Date().toISOString()} (commit ${commit}${uncommitted ? ', with uncommitted changes' : ''})\n\n${tables.join('\n')}${earlier}`,
);
console.log(`\nwritten to ${path.relative(root, path.join(out, 'results.json'))} and docs/benchmarks.md`);
rmSync(trash, { recursive: true, force: true });

// The journeys at 100,000 articles in Chromium (tests/e2e/scale.spec.ts): the figures above hold
// only if the reader still works at that size. `--no-journeys` leaves them to `npm run test:e2e:scale`.
if (!process.argv.includes('--no-journeys') && !growthOnly) {
  console.error('bench: the scale journeys (npm run test:e2e:scale)…');
  const journeys = spawnSync('npm', ['run', 'test:e2e:scale'], { cwd: root, stdio: 'inherit' });
  if (journeys.status !== 0) {
    console.error('bench: the scale journeys failed');
    process.exitCode = 1;
  }
}
