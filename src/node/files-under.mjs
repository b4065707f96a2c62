// Plain JavaScript, checked through its JSDoc: `npm run build` (cli/build.mjs) needs it before
// anything is compiled (see app-shell.mjs).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Files under `dir`, relative to it, with forward slashes; none when it does not exist.
 *
 * @param {string | false} dir
 * @returns {string[]}
 */
export function filesUnder(dir) {
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}
