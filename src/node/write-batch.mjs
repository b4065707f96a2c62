// Writing a batch of files, shared by writeFiles (write-files.ts) on this thread and by its worker
// threads (write-files-worker.mjs): plain JavaScript, so that the workers start without the
// TypeScript loader the parse workers need.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import process from 'node:process';

/**
 * Writes each `[path, text]` of `files`, synchronously, making folders as needed (`made` holds the
 * ones made already). With `atomic`, each file is written under a temporary name first and then
 * renamed over its target, so that a reader never sees half a file.
 *
 * @param {Iterable<readonly [string, string]>} files
 * @param {boolean} atomic
 * @param {Set<string>} made
 * @returns {void}
 */
export function writeBatch(files, atomic, made) {
  for (const [target, text] of files) {
    const dir = dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    if (atomic) {
      const temporary = `${target}.${process.pid}.tmp`;
      writeFileSync(temporary, text);
      renameSync(temporary, target);
    } else {
      writeFileSync(target, text);
    }
  }
}
