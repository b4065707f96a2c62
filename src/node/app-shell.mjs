// The app as the last `npm run build` left it (docs/growth.md, step 3). Plain JavaScript, checked
// by TypeScript through its JSDoc: `npm run build` (cli/build.mjs) reads it before anything is
// compiled, so that a build whose app changed starts Vite at Node's own speed (through tsx,
// importing Vite took 1.3 s against 0.2 s).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { filesUnder, writeWhole } from './files.mjs';

/**
 * What a build whose app did not change needs of the last one. The app's files do not depend on
 * the articles (the data is a piece the page names), so such a build keeps them, and needs from
 * Vite only its `index.html` before the data went in: the shell.
 *
 * @typedef {object} Shell
 * @property {string} key The digest of the app's inputs and the build's options (see appKey).
 * @property {string} root
 * @property {string} base
 * @property {string} cacheDir
 * @property {boolean} emptyOutDir
 * @property {import('./pipeline/run-news.ts').NewsOptions} options The news plugin's own options.
 * @property {string} html `index.html` as Vite wrote it, before the data (see pageOf in site.ts).
 * @property {Record<string, string>} files Every file of the app in the output folder (scripts,
 *   styles, the worker, icons, public files), with its SHA-1.
 */

/**
 * What the news plugin knows of the shell at the end of its part of a Vite build; the service
 * worker and the icons are written after it (vite-plugin-pwa's `closeBundle`), so the app's files
 * are listed once the whole build is done (see keepShell).
 *
 * @typedef {Omit<Shell, 'files'> & { site: string[] }} ShellMade
 */

/** Set by `npm run build` for the Vite build it runs: the news plugin then offers its shell under that key. */
export const shellKeyVariable = 'NEWS_SHELL_KEY';

/**
 * Inputs of the app at the root, besides `src/`, `public/` and the installed packages (as npm
 * lists them, `node_modules/.package-lock.json`): a change to any means Vite must bundle again.
 */
const rootInputs =
  /^(index\.html|package(-lock)?\.json|vite\.config\.[cm]?[jt]s|tsconfig[\w.]*\.json|\.env(\..*)?|pwa-assets\.config\.[cm]?[jt]s)$/;

/**
 * The digest of what Vite's output depends on: every file of `src/` and `public/`, the page, the
 * lockfile, the packages installed and the configuration at the root, the build's `options`, the
 * `VITE_` variables, NODE_ENV and Node's version. (The pipeline's code is in `src/` too: a change
 * to it bundles again, which is safe.)
 *
 * @param {string} root
 * @param {Record<string, unknown>} options
 * @returns {string}
 */
export function appKey(root, options) {
  const hash = createHash('sha1');
  const env = Object.entries(process.env).filter(([name]) => name.startsWith('VITE_') || name === 'NODE_ENV');
  hash.update(JSON.stringify({ options, env: env.sort(), node: process.version }));
  const inputs = [
    ...readdirSync(root).filter((name) => rootInputs.test(name) && statSync(path.join(root, name)).isFile()),
    ...['node_modules/.package-lock.json'].filter((file) => existsSync(path.join(root, file))),
    ...['src', 'public'].flatMap((dir) => filesUnder(path.join(root, dir)).map((file) => `${dir}/${file}`)),
  ].sort();
  for (const file of inputs)
    hash
      .update(`${file}\0`)
      .update(readFileSync(path.join(root, file)))
      .update('\0');
  return hash.digest('hex');
}

/**
 * Where the shell of a build into `outDir` is kept: in Vite's cache folder, never in `outDir`.
 *
 * @param {string} root
 * @param {string} outDir
 */
const shellFile = (root, outDir) =>
  path.join(
    root,
    'node_modules/.vite/news-shell',
    `${createHash('sha1').update(outDir).digest('hex').slice(0, 16)}.json`,
  );

/** @param {string} file */
const madeFile = (file) => file.replace(/\.json$/, '.made.json');

/**
 * Writes `value` as JSON into `file`, whole or not at all.
 *
 * @param {string} file
 * @param {unknown} value
 */
function writeJson(file, value) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeWhole(file, JSON.stringify(value));
}

/**
 * The JSON in `file`, or undefined.
 *
 * @param {string} file
 * @returns {unknown}
 */
function readJson(file) {
  try {
    /** @type {unknown} */
    const value = JSON.parse(readFileSync(file, 'utf8'));
    return value;
  } catch {
    return undefined;
  }
}

/**
 * Called by the news plugin at the end of its part of a Vite build run by `npm run build`.
 *
 * @param {string} outDir
 * @param {ShellMade} made
 */
export const shellMade = (outDir, made) => writeJson(madeFile(shellFile(made.root, outDir)), made);

/**
 * Forgets the shell kept for `outDir`: before a Vite build, and by a Vite build that `npm run
 * build` did not run (its shell is not keyed).
 *
 * @param {string} root
 * @param {string} outDir
 */
export function forgetShell(root, outDir) {
  rmSync(shellFile(root, outDir), { force: true });
  rmSync(madeFile(shellFile(root, outDir)), { force: true });
}

/**
 * SHA-1 of a file's bytes.
 *
 * @param {string} file
 */
const sha1Of = (file) => createHash('sha1').update(readFileSync(file)).digest('hex');

/**
 * Once a Vite build run by `npm run build` is done: keeps the shell the news plugin made, with
 * every file of `outDir` but the data folder, the page and the site's files (the feeds, story
 * pages, sitemap), with its SHA-1, as the app's files.
 *
 * @param {string} root
 * @param {string} outDir
 */
export function keepShell(root, outDir) {
  const made = /** @type {ShellMade | undefined} */ (readJson(madeFile(shellFile(root, outDir))));
  if (!made) throw new Error(`the build into ${outDir} made no shell`);
  const { site, ...shell } = made;
  const notApp = new Set(['index.html', ...site]);
  const appFiles = filesUnder(outDir).filter((file) => !notApp.has(file) && !file.startsWith('data/'));
  const files = Object.fromEntries(appFiles.map((file) => [file, sha1Of(path.join(outDir, file))]));
  writeJson(shellFile(root, outDir), { ...shell, files });
  rmSync(madeFile(shellFile(root, outDir)), { force: true });
}

/**
 * The shell kept for `outDir` when its key is `key` and every file of the app is still there with
 * its bytes; otherwise undefined: the app must be built again.
 *
 * @param {string} root
 * @param {string} outDir
 * @param {string} key
 * @returns {Shell | undefined}
 */
export function keptShell(root, outDir, key) {
  const shell = /** @type {Shell | undefined} */ (readJson(shellFile(root, outDir)));
  if (shell?.key !== key || shell.root !== root) return undefined;
  for (const [file, sha1] of Object.entries(shell.files)) {
    const full = path.join(outDir, file);
    if (!existsSync(full) || sha1Of(full) !== sha1) return undefined;
  }
  return shell;
}
