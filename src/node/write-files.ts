import { Worker } from 'node:worker_threads';
import { writeBatch } from './write-batch.mjs';

/** Text sent to a writer at once: few messages, each writer kept busy. */
const batchBytes = 1 << 20;
/**
 * Batches a writer holds at once when the texts are made as they are sent: one being written, one
 * waiting. Texts that exist already (an array) are all sent at once, so that the writers go on
 * while this thread is busy with something else.
 */
const batchesAhead = 2;

export type WriteOptions = {
  /** Worker threads to write on; 0 writes on this thread. */
  writers?: number;
  /**
   * Each file is written beside its target under a temporary name, then renamed over it, so that
   * a reader never sees half a file; in order, one writer, when `writers` is 1.
   */
  atomic?: boolean;
  /** The writers' script; tests give one that fails. */
  script?: URL;
};

/**
 * Writes `files` ([path, text] pairs, made one by one as they are needed) on worker threads,
 * synchronously there, file after file: at 100,000 articles a data folder is 35,000 files, and
 * creating a file is mostly the kernel's work, which then runs on every core while this thread
 * makes the next texts (or goes on with the build). Writing synchronously on this thread took 5 s;
 * fs/promises, with its promise, file handle and thread-pool trip per file, was slower still.
 * Folders are made as needed. Without workers (`writers` 0, or when one cannot start), the files
 * are written here.
 */
export async function writeFiles(
  files: Iterable<readonly [string, string]>,
  { writers = 2, atomic = false, script }: WriteOptions = {},
): Promise<void> {
  const pool = startWriters(
    writers,
    atomic,
    Array.isArray(files) ? Number.POSITIVE_INFINITY : batchesAhead,
    script,
  );
  if (!pool) {
    writeHere(files, atomic);
    return;
  }
  try {
    let batch: [string, string][] = [];
    let bytes = 0;
    for (const [target, text] of files) {
      batch.push([target, text]);
      bytes += text.length;
      if (bytes >= batchBytes) {
        await pool.send(batch);
        batch = [];
        bytes = 0;
      }
    }
    if (batch.length > 0) await pool.send(batch);
    await pool.done();
  } finally {
    await pool.close();
  }
}

/** Above this many bytes, a save (see writeAtomically) goes to a worker; below it, it is written at once. */
const backgroundBytes = 4 << 20;

/**
 * Writes files that a reader may be reading meanwhile (the parse cache and its memo): in order, each
 * under a temporary name and then renamed; a large save (a first build's) on one worker thread, so
 * that it is written while this thread goes on with the build, a small one (after an edit) at once.
 */
export function writeAtomically(files: readonly (readonly [string, string])[]): Promise<void> {
  const bytes = files.reduce((total, [, text]) => total + text.length, 0);
  return writeFiles(files, { writers: bytes > backgroundBytes ? 1 : 0, atomic: true });
}

function writeHere(files: Iterable<readonly [string, string]>, atomic: boolean): void {
  writeBatch(files, atomic, new Set());
}

type Writers = {
  /** Hands a batch to the least busy writer; settles once one can take more. */
  send: (batch: [string, string][]) => Promise<void>;
  /** Settles when every batch is written; rejects with the first failure. */
  done: () => Promise<void>;
  close: () => Promise<void>;
};

function startWriters(
  count: number,
  atomic: boolean,
  ahead: number,
  script: URL = new URL('./write-files-worker.mjs', import.meta.url),
): Writers | undefined {
  if (count < 1) return undefined;
  let workers: Worker[];
  try {
    workers = Array.from({ length: count }, () => new Worker(script));
  } catch {
    return undefined;
  }
  const load = new Map<Worker, number>(workers.map((worker) => [worker, 0]));
  const pending = new Map<number, [string, string][]>();
  let failure: Error | undefined;
  let broken = false;
  let nextId = 0;
  /** Called whenever a writer finishes a batch (or fails). */
  let wake = () => {};
  const settled = () =>
    new Promise<void>((resolve) => {
      wake = resolve;
    });
  for (const worker of workers) {
    worker.on('message', ({ id, error }: { id: number; error?: string }) => {
      if (!pending.delete(id)) return;
      load.set(worker, (load.get(worker) ?? 1) - 1);
      if (error !== undefined) failure ??= new Error(`could not write the data folder: ${error}`);
      wake();
    });
    // A writer that cannot run (its script missing from a bundle, say): from now on every batch is
    // written here, those it held included (writing a file twice is harmless).
    worker.on('error', () => {
      broken = true;
      const stranded = [...pending.values()];
      pending.clear();
      try {
        for (const batch of stranded) writeHere(batch, atomic);
      } catch (error) {
        failure ??= error instanceof Error ? error : new Error(String(error));
      }
      wake();
    });
  }
  const leastBusy = () => workers.reduce((a, b) => ((load.get(a) ?? 0) <= (load.get(b) ?? 0) ? a : b));
  return {
    send: async (batch) => {
      for (;;) {
        if (failure) throw failure;
        if (broken) {
          writeHere(batch, atomic);
          return;
        }
        const worker = leastBusy();
        if ((load.get(worker) ?? 0) < ahead) {
          const id = nextId++;
          pending.set(id, batch);
          load.set(worker, (load.get(worker) ?? 0) + 1);
          worker.postMessage({ id, files: batch, atomic });
          return;
        }
        await settled();
      }
    },
    done: async () => {
      while (pending.size > 0 && !failure) await settled();
      if (failure) throw failure;
    },
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
