import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/e2e/chromium.ts';
import { parseCacheDir } from '../src/node/pipeline/parse-cache.ts';
import { generateCorpus, generateNewerArticles, listArticles } from './generate-corpus.ts';

/**
 * The growth run of `npm run bench`: what a change costs. A generated corpus is built cold, then
 * again into the same folder (as a deploy does) after 10 newer articles arrive, then after one
 * old article is retitled; each build reports the files and bytes of the output that changed,
 * its time against the cold build's and its peak memory. Then the dev server on the same corpus:
 * its first card, and how long an edited title takes to show in the open page.
 */

/** Each file of a folder, by its path inside it: its SHA-1 and its size. */
export type Snapshot = Map<string, { sha1: string; bytes: number }>;

/**
 * What a build changed in its output folder: files added, modified and deleted, out of the files
 * after it. A file moved to another path counts twice (deleted and added), so the share of files
 * changed can pass 100 %.
 */
export type Change = {
  added: number;
  modified: number;
  deleted: number;
  files: number;
  /** The bytes of the files added or modified, out of `bytes`, every file's after the build. */
  changedBytes: number;
  bytes: number;
};

export type GrowthStep = { step: string; seconds: number; peakMb: number | null } & Change;

export type GrowthResult = {
  articles: number;
  steps: GrowthStep[];
  /** A fresh dev server's time to its first card, from its start; each edit's time until it shows. */
  dev: { firstCardSeconds: number; editMs: number[] };
};

const root = path.resolve(import.meta.dirname, '..');
/** Edits of the newest article's title in the dev server, whose median is reported. */
const devEdits = 5;
const newArticles = 10;

export function snapshot(dir: string): Snapshot {
  const files: Snapshot = new Map();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const content = readFileSync(path.join(entry.parentPath, entry.name));
    files.set(path.relative(dir, path.join(entry.parentPath, entry.name)), {
      sha1: createHash('sha1').update(content).digest('hex'),
      bytes: content.length,
    });
  }
  return files;
}

export function compareSnapshots(before: Snapshot, after: Snapshot): Change {
  const change: Change = { added: 0, modified: 0, deleted: 0, files: after.size, changedBytes: 0, bytes: 0 };
  for (const [file, { sha1, bytes }] of after) {
    change.bytes += bytes;
    const earlier = before.get(file);
    if (earlier?.sha1 === sha1) continue;
    change[earlier ? 'modified' : 'added'] += 1;
    change.changedBytes += bytes;
  }
  for (const file of before.keys()) if (!after.has(file)) change.deleted += 1;
  return change;
}

/** The article's front matter with another title (its related items' titles, indented, stay). */
export function withTitle(text: string, title: string): string {
  return text.replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

/** A Markdown table, each column as wide as its widest cell, numbers and text right-aligned. */
export function markdownTable(header: readonly string[], lines: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padStart(widths[i] ?? 0)).join(' | ')} |`;
  return [format(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(format)].join(
    '\n',
  );
}

/**
 * GNU time, whose `%M` is the largest peak resident memory of the processes it waited for: here the
 * Node process of the build (its worker threads included), far above `npm`'s own. Without it,
 * builds are timed and their memory not read.
 */
const gnuTime = '/usr/bin/time';
const hasGnuTime = () => spawnSync(gnuTime, ['--version']).status === 0;

/**
 * `npm run build` of `corpus` into `outDir` (stale files removed), timed, with its peak memory: the
 * data alone when the last build into `outDir` left the same app there (see cli/build.mjs).
 */
export function timedBuild(
  corpus: string,
  outDir: string,
  out: string,
): { seconds: number; peakMb: number | null } {
  const build = ['npm', 'run', 'build', '--', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'];
  const memoryFile = path.join(out, 'growth-peak-kb.txt');
  const measured = hasGnuTime();
  const [command = '', ...args] = measured ? [gnuTime, '-f', '%M', '-o', memoryFile, ...build] : build;
  // What the last build and the generator wrote is flushed first, so that no build pays for another's writes.
  spawnSync('sync');
  const start = performance.now();
  const result = spawnSync(command, args, {
    cwd: root,
    env: { ...process.env, NEWS_SEEDS_DIR: corpus, NEWS_STRICT: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`npm run build failed: ${result.stderr.toString().slice(-2000)}`);
  const peakMb = measured ? Number(readFileSync(memoryFile, 'utf8').trim()) / 1024 : null;
  return { seconds, peakMb };
}

/** Notes, in the page, when the first card appears (Date.now(), to compare with the server's start). */
function firstCardScript() {
  new MutationObserver((_, observer) => {
    if (!document.querySelector('article')) return;
    (window as unknown as { __firstCard: number }).__firstCard = Date.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

/**
 * In the page: `__watchFor(text)` starts watching for a card showing `text`, and `__shown` then
 * resolves with the time (Date.now()) of the first frame painted after the card showed it. A
 * string, not a function, so that nothing the TypeScript compiler adds travels into the page.
 */
const watchForScript = `
window.__watchFor = (text) => {
  window.__shown = new Promise((resolve, reject) => {
    const shows = () => [...document.querySelectorAll('article')].some((card) => card.textContent.includes(text));
    const observer = new MutationObserver(() => {
      if (!shows()) return;
      observer.disconnect();
      clearTimeout(timeout);
      requestAnimationFrame(() => setTimeout(() => resolve(Date.now()), 0));
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    const timeout = setTimeout(() => { observer.disconnect(); reject(new Error('not shown after 600 s: ' + text)); }, 600000);
  });
};`;

type InPage = { __watchFor: (text: string) => void; __shown: Promise<number>; __firstCard: number };

/** Writes a new title into `file`, and measures the milliseconds until the open page shows it. */
async function timeEdit(page: Page, file: string, title: string): Promise<number> {
  const edited = withTitle(readFileSync(file, 'utf8'), title);
  await page.evaluate((text) => {
    (window as unknown as InPage).__watchFor(text);
  }, title);
  const start = Date.now();
  writeFileSync(file, edited);
  const shown = await page.evaluate(() => (window as unknown as InPage).__shown);
  return shown - start;
}

/** Waits until `url` answers: the dev server answers its page once the pipeline has run (minutes at 100,000). */
async function untilAnswers(url: string): Promise<void> {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    const ok = await fetch(url)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer in ten minutes`);
}

/**
 * The dev server on `corpus`, with the parse cache the builds left (as when a developer starts it
 * after a build): the time from its start to the first card in Chromium, then `devEdits` edits of
 * the title of `newest`, the first card of the feed, each timed until the page shows it.
 */
async function measureDevServer(corpus: string, newest: string, port: number): Promise<GrowthResult['dev']> {
  const url = `http://localhost:${port}/`;
  // Started first, so that the browser's own start is not counted in the server's.
  const browser = await chromium.launch(chromiumLaunchOptions);
  spawnSync('sync');
  const started = Date.now();
  const server = spawn('npx', ['vite', '--port', String(port), '--strictPort'], {
    cwd: root,
    env: { ...process.env, NEWS_SEEDS_DIR: corpus, NEWS_STRICT: '' },
    stdio: 'ignore',
    detached: true,
  });
  try {
    await untilAnswers(url);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(firstCardScript);
    await page.addInitScript(watchForScript);
    await page.goto(url, { waitUntil: 'commit', timeout: 600_000 });
    await page.locator('article').first().waitFor({ timeout: 600_000 });
    const firstCard = await page.evaluate(() => (window as unknown as InPage).__firstCard);
    const editMs: number[] = [];
    for (let i = 1; i <= devEdits; i += 1) {
      editMs.push(
        await timeEdit(page, path.join(corpus, newest), `Edited in the dev server, ${i} of ${devEdits}`),
      );
      // Apart, so that the plugin's 50 ms debounce never folds two edits into one rebuild.
      await page.waitForTimeout(500);
    }
    return { firstCardSeconds: (firstCard - started) / 1000, editMs };
  } finally {
    if (server.pid) process.kill(-server.pid);
    await browser.close();
  }
}

/** The oldest published article of `corpus`: retitling it changes what readers see. */
function oldestPublished(corpus: string): string {
  const [oldest] = listArticles(corpus)
    .filter(({ published }) => published)
    .sort((a, b) => a.date - b.date);
  if (!oldest) throw new Error(`${corpus} has no published article`);
  return oldest.name;
}

export type GrowthOptions = {
  articles: number;
  /** bench/out: the output folder lives there. */
  out: string;
  /** Moves an earlier output out of the way without deleting it (see bench/run.ts). */
  setAside: (dir: string) => void;
  port: number;
};

export async function growthRun({ articles, out, setAside, port }: GrowthOptions): Promise<GrowthResult> {
  // In the system's temporary folder, on the same disk as bench/out/, so it can be set aside.
  const corpus = path.join(tmpdir(), `news-reader-growth-${articles}`);
  const outDir = path.join(out, `growth-dist-${articles}`);
  setAside(corpus);
  setAside(outDir);
  setAside(parseCacheDir(path.join(root, 'node_modules/.vite'), corpus));
  console.error(`bench: growth run at ${articles.toLocaleString('en')} articles: generating…`);
  generateCorpus(corpus, articles);

  const steps: GrowthStep[] = [];
  let before: Snapshot = new Map();
  const step = (name: string) => {
    console.error(`bench: growth run: ${name}…`);
    const build = timedBuild(corpus, outDir, out);
    const after = snapshot(outDir);
    steps.push({ step: name, ...build, ...compareSnapshots(before, after) });
    before = after;
  };
  step('cold build');
  const added = generateNewerArticles(corpus, newArticles);
  step(`${newArticles} newer articles`);
  const oldest = path.join(corpus, oldestPublished(corpus));
  writeFileSync(oldest, withTitle(readFileSync(oldest, 'utf8'), 'The oldest article, retitled'));
  step('oldest retitled');

  console.error('bench: growth run: the dev server…');
  const dev = await measureDevServer(corpus, added.at(-1) ?? '', port);
  setAside(corpus);
  return { articles, steps, dev };
}

const fixed = (value: number | null, digits = 1) =>
  value === null || Number.isNaN(value) ? 'n/a' : value.toFixed(digits);
const percent = (part: number, whole: number) => `${fixed((100 * part) / whole, 2)} %`;
const count = (value: number) => value.toLocaleString('en');

/** Two tables: each build's cost, and the dev server's. */
export function growthTables({ articles, steps, dev }: GrowthResult): string {
  const cold = steps[0]?.seconds ?? Number.NaN;
  const builds = markdownTable(
    [
      `growth at ${count(articles)}`,
      'build s',
      'vs cold',
      'files changed',
      'files %',
      'added / modified / deleted',
      'MB changed',
      'bytes %',
      'peak MB',
    ],
    steps.map((step) => [
      step.step,
      fixed(step.seconds),
      fixed(step.seconds / cold, 3),
      `${count(step.added + step.modified + step.deleted)} of ${count(step.files)}`,
      percent(step.added + step.modified + step.deleted, step.files),
      `${count(step.added)} / ${count(step.modified)} / ${count(step.deleted)}`,
      `${fixed(step.changedBytes / 1024 / 1024)} of ${fixed(step.bytes / 1024 / 1024)}`,
      percent(step.changedBytes, step.bytes),
      fixed(step.peakMb, 0),
    ]),
  );
  const server = markdownTable(
    [
      `dev server at ${count(articles)}`,
      'first card s',
      `edit shown ms, median of ${dev.editMs.length}`,
      'each edit ms',
    ],
    [
      [
        'new server, parse cache kept',
        fixed(dev.firstCardSeconds),
        fixed(median(dev.editMs), 0),
        dev.editMs.join(', '),
      ],
    ],
  );
  return `${builds}\n\n${server}\n`;
}
