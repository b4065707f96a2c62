import { parentPort } from 'node:worker_threads';
import { parseSeed, type FileResult } from './parse-seed.ts';

/** A batch of files to parse, and the answer: one result per file, in order. */
export type ParseRequest = { id: number; files: { file: string; bytes: Uint8Array }[] };
export type ParseResponse = { id: number; results: FileResult[] };

parentPort?.on('message', ({ id, files }: ParseRequest) => {
  const response: ParseResponse = { id, results: files.map(({ file, bytes }) => parseSeed(bytes, file)) };
  parentPort?.postMessage(response);
});
