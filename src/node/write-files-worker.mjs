// Writes the files it is sent, for writeFiles (write-files.ts): plain JavaScript, so that it starts
// at once, without the TypeScript loader the parse workers need.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import process from 'node:process';
import { parentPort } from 'node:worker_threads';

/** Folders this thread has made already. */
const made = new Set();

parentPort?.on(
  'message',
  (/** @type {{ id: number; files: [string, string][]; atomic: boolean }} */ { id, files, atomic }) => {
    try {
      for (const [target, text] of files) {
        const dir = dirname(target);
        if (!made.has(dir)) {
          mkdirSync(dir, { recursive: true });
          made.add(dir);
        }
        if (atomic) {
          // Under a temporary name first, so that a reader never sees half a file.
          const temporary = `${target}.${process.pid}.tmp`;
          writeFileSync(temporary, text);
          renameSync(temporary, target);
        } else {
          writeFileSync(target, text);
        }
      }
      parentPort?.postMessage({ id });
    } catch (error) {
      parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  },
);
