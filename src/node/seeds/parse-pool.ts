import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readSeed } from './parse-seed.ts';
import { fromWire, type ParseRequest, type ParseResponse, type PooledRead, type ReadRequest } from './worker-wire.ts';

export type ParsePool = {
  /**
   * `readSeed` on a worker: the file is read, hashed and parsed there, not on this thread, and an
   * accepted article comes with its prepared form (see PreparedArticle).
   */
  read: (request: ReadRequest) => Promise<PooledRead>;
  close: () => Promise<void>;
};

/** Files sent to a worker at once: few messages, yet every worker kept busy. */
const batchSize = 64;

/**
 * Reads and parses seed files on every core: `size` worker threads, each fed batches of paths in
 * turn, so that this thread neither reads nor hashes nor parses. If a worker cannot start (no tsx,
 * say), its files are read here instead: slower, same result.
 */
export function createParsePool(size = availableParallelism()): ParsePool {
  type Pending = ReadRequest & { resolve: (result: PooledRead) => void };
  const waiting = new Map<number, Pending[]>();
  const workers: Worker[] = [];
  let broken = false;
  let queue: Pending[] = [];
  let nextId = 0;
  let nextWorker = 0;
  let timer: ReturnType<typeof setImmediate> | undefined;

  const parseHere = (batch: readonly Pending[]) => {
    for (const item of batch) item.resolve(readSeed(item.full, item.file, item.knownHash));
  };

  for (let i = 0; i < size; i += 1) {
    const worker = new Worker(new URL('./parse-worker-boot.mjs', import.meta.url));
    worker.on('message', ({ id, results }: ParseResponse) => {
      const batch = waiting.get(id) ?? [];
      waiting.delete(id);
      batch.forEach((item, index) => {
        const result = results[index];
        item.resolve(result ? fromWire(result) : readSeed(item.full, item.file, item.knownHash));
      });
    });
    worker.on('error', () => {
      broken = true;
      for (const batch of waiting.values()) parseHere(batch);
      waiting.clear();
    });
    workers.push(worker);
  }

  const flush = () => {
    timer = undefined;
    const all = queue;
    queue = [];
    for (let start = 0; start < all.length; start += batchSize) {
      const batch = all.slice(start, start + batchSize);
      if (broken) {
        parseHere(batch);
        continue;
      }
      const id = nextId++;
      waiting.set(id, batch);
      const request: ParseRequest = {
        id,
        files: batch.map(({ full, file, knownHash, id }) => ({ full, file, knownHash, id })),
      };
      (workers[nextWorker++ % workers.length] as Worker).postMessage(request);
    }
  };

  return {
    read: (request) =>
      new Promise((resolve) => {
        queue.push({ ...request, resolve });
        if (queue.length >= batchSize) flush();
        else timer ??= setImmediate(flush);
      }),
    close: async () => {
      if (timer) clearImmediate(timer);
      flush();
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
