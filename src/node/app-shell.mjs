// The app as the last `npm run build` left it (docs/growth.md, step 3). Plain JavaScript, checked
// by TypeScript through its JSDoc: `npm run build` (cli/build.mjs) reads it before anything is
// compiled, so that a build whose app changed starts Vite at Node's own speed (through tsx,
// importing Vite took 1.3 s against 0.2 s).
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

/**
 * What a build whose app did not change needs of the last one: the app's files do not depend on
 * the articles (the data is a piece the page names), so such a build keeps them and needs from
 * Vite only its `index.html` before the data went in: the shell.
 *
 * @typedef {object} Shell
 * @property {string} key The digest of the app's inputs and the build's options (see appKey).
 * @property {string} root
 * @property {string} base
 * @property {string} cacheDir
 * @property {boolean} emptyOutDir
 * @property {string} html `index.html` as Vite wrote it, before the data (see pageOf in site.ts).
 * @property {Record<string, string>} files Every file of the app in the output folder (scripts,
 *   styles, worker, icons, public files), with its SHA-1.
 */

/** Set by `npm run build` for the Vite build it runs: the news plugin then keeps its shell under that key. */
export const shellKeyVariable = 'NEWS_SHELL_KEY';

/** Inputs of the app at the root, besides `src/` and `public/`: a change to any means Vite must bundle again. */
const rootInputs = /^(index\.html|package(-lock)?\.json|vite\.config\.ts|tsconfig[\w.]*\.json|\.env(\..*)?)$/;

/**
 * Files under `dir`, relative to it, with forward slashes; none when it does not exist.
 *
 * @param {string} dir
 * @returns {string[]}
 */
function filesIn(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/**
 * The digest of what Vite's output depends on: every file of `src/` and `public/`, the page, the
 * lockfile and the configuration at the root, the build's `options`, the `VITE_` variables and
 * Node's version. (The pipeline's code is in `src/` too: a change to it bundles again, which is safe.)
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
    ...['src', 'public'].flatMap((dir) => filesIn(path.join(root, dir)).map((file) => `${dir}/${file}`)),
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
export const shellFile = (root, outDir) =>
  path.join(
    root,
    'node_modules/.vite/news-shell',
    `${createHash('sha1').update(outDir).digest('hex').slice(0, 16)}.json`,
  );

/**
 * @param {string} file
 * @param {Shell} shell
 */
export function saveShell(file, shell) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(shell));
  renameSync(`${file}.tmp`, file);
}

/** @param {string} file */
export const forgetShell = (file) => rmSync(file, { force: true });

/**
 * SHA-1 of a file's bytes.
 *
 * @param {string} file
 */
export const sha1Of = (file) => createHash('sha1').update(readFileSync(file)).digest('hex');

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
  /** @type {Shell} */
  let shell;
  try {
    /** @type {unknown} */
    const kept = JSON.parse(readFileSync(shellFile(root, outDir), 'utf8'));
    shell = /** @type {Shell} */ (kept);
  } catch {
    return undefined;
  }
  if (shell.key !== key || shell.root !== root) return undefined;
  for (const [file, sha1] of Object.entries(shell.files)) {
    const full = path.join(outDir, file);
    if (!existsSync(full) || sha1Of(full) !== sha1) return undefined;
  }
  return shell;
}
