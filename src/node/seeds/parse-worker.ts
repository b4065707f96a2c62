import { parentPort } from 'node:worker_threads';
import { readSeed } from './parse-seed.ts';
import { toWire, type ParseRequest, type ParseResponse } from './worker-wire.ts';

parentPort?.on('message', ({ id, files }: ParseRequest) => {
  const response: ParseResponse = {
    id,
    results: files.map(({ full, file, knownHash, id }) => toWire(readSeed(full, file, knownHash), id)),
  };
  parentPort?.postMessage(response);
});
