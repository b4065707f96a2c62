import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readSeed } from './parse-seed.ts';
import { fromWire, type ParseRequest, type ParseResponse, type PooledRead, type ReadRequest } from './worker-wire.ts';

export type ParsePool = {
  /**
   * `readSeed` on the workers for every request: each file is read, hashed and parsed there, not
   * on this thread, and an accepted article comes with its prepared form (see PreparedArticle).
   * `onRead` is called on this thread as each result arrives, in no particular order; the promise
   * settles when every file has been read.
   */
  readAll: (requests: readonly ReadRequest[], onRead: (request: ReadRequest, read: PooledRead) => void) => Promise<void>;
  /** One file, the same way. */
  read: (request: ReadRequest) => Promise<PooledRead>;
  close: () => Promise<void>;
};

/** Files sent to a worker at once: few messages, yet every worker kept busy. */
const batchSize = 64;
/** Batches a worker holds at once: one to work on, more waiting, so that it never idles. */
const batchesAhead = 3;

type Batch = { requests: readonly ReadRequest[]; onRead: (request: ReadRequest, read: PooledRead) => void; done: () => void };

/**
 * Reads and parses seed files on every core: `size` worker threads, each fed batches of paths, so
 * that this thread neither reads nor hashes nor parses, and handles one message per batch rather
 * than a promise per file. If a worker cannot start (no tsx, say), its files are read here
 * instead: slower, same result.
 */
export function createParsePool(
  size = availableParallelism(),
  /** The worker's script; tests give one that fails. */
  script: URL = new URL('./parse-worker-boot.mjs', import.meta.url),
): ParsePool {
  const inFlight = new Map<number, Batch>();
  const load = new Map<Worker, number>();
  const queue: Batch[] = [];
  const workers: Worker[] = [];
  let broken = false;
  let nextId = 0;

  const readHere = ({ requests, onRead, done }: Batch) => {
    for (const request of requests) onRead(request, readSeed(request.full, request.file, request.knownHash));
    done();
  };

  /** Hands queued batches to the least busy workers, up to `batchesAhead` each. */
  const dispatch = () => {
    while (queue.length > 0) {
      if (broken) {
        readHere(queue.shift() as Batch);
        continue;
      }
      const worker = workers.reduce((a, b) => ((load.get(a) ?? 0) <= (load.get(b) ?? 0) ? a : b));
      if ((load.get(worker) ?? 0) >= batchesAhead) return;
      const batch = queue.shift() as Batch;
      const id = nextId++;
      inFlight.set(id, batch);
      load.set(worker, (load.get(worker) ?? 0) + 1);
      const message: ParseRequest = { id, files: [...batch.requests] };
      worker.postMessage(message);
    }
  };

  for (let i = 0; i < size; i += 1) {
    const worker = new Worker(script);
    worker.on('message', ({ id, results }: ParseResponse) => {
      const batch = inFlight.get(id);
      inFlight.delete(id);
      load.set(worker, (load.get(worker) ?? 1) - 1);
      if (batch) {
        batch.requests.forEach((request, index) => {
          const result = results[index];
          batch.onRead(request, result ? fromWire(result) : readSeed(request.full, request.file, request.knownHash));
        });
        batch.done();
      }
      dispatch();
    });
    worker.on('error', () => {
      broken = true;
      const stranded = [...inFlight.values()];
      inFlight.clear();
      for (const batch of stranded) readHere(batch);
      dispatch();
    });
    workers.push(worker);
    load.set(worker, 0);
  }

  const readAll: ParsePool['readAll'] = async (requests, onRead) => {
    const batches: Promise<void>[] = [];
    for (let start = 0; start < requests.length; start += batchSize) {
      batches.push(
        new Promise<void>((done) => {
          queue.push({ requests: requests.slice(start, start + batchSize), onRead, done });
        }),
      );
    }
    dispatch();
    await Promise.all(batches);
  };

  return {
    readAll,
    read: async (request) => {
      let answer: PooledRead | undefined;
      await readAll([request], (_, read) => {
        answer = read;
      });
      return answer as PooledRead;
    },
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
