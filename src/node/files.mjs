// Plain JavaScript, checked through its JSDoc: `npm run build` (cli/build.mjs) needs it before
// anything is compiled (see app-shell.mjs).
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
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

/**
 * Writes `text` into `file` whole or not at all: written beside it under a name of its own, then
 * renamed into place, so that a build stopped half way, or another beside it, never leaves half a
 * file under the name.
 *
 * @param {string} file
 * @param {string} text
 */
export function writeWhole(file, text) {
  const temporary = `${file}.${randomUUID()}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
