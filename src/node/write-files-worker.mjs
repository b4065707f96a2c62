// Writes the files it is sent, for writeFiles (write-files.ts).
import { parentPort } from 'node:worker_threads';
import { writeBatch } from './write-batch.mjs';

/** @type {Set<string>} Folders this thread has made already. */
const made = new Set();

parentPort?.on(
  'message',
  (/** @type {{ id: number; files: [string, string][]; atomic: boolean }} */ { id, files, atomic }) => {
    try {
      writeBatch(files, atomic, made);
      parentPort?.postMessage({ id });
    } catch (error) {
      parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  },
);
