import { parentPort } from 'node:worker_threads';
import { readSeed, type FileRead } from './parse-seed.ts';

/** A batch of files to read and parse, and the answer: one result per file, in order. */
export type ReadRequest = { full: string; file: string; knownHash?: string };
export type ParseRequest = { id: number; files: ReadRequest[] };
export type ParseResponse = { id: number; results: FileRead[] };

parentPort?.on('message', ({ id, files }: ParseRequest) => {
  const response: ParseResponse = {
    id,
    results: files.map(({ full, file, knownHash }) => readSeed(full, file, knownHash)),
  };
  parentPort?.postMessage(response);
});
