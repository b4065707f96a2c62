import { prepareArticle, type PreparedArticle } from '../feed-data/build-feed-data.ts';
import type { SeedIssue } from './issue.ts';
import type { FileRead } from './parse-seed.ts';

/** A batch of files for a parse worker to read and parse, and its answer: one result per file, in order. */
export type ReadRequest = {
  full: string;
  file: string;
  knownHash?: string;
  /** The id the article will have, when known: the worker then hashes its text too. */
  id?: string;
};
export type ParseRequest = { id: number; files: ReadRequest[] };
export type ParseResponse = { id: number; results: WireRead[] };

/**
 * A `FileRead` as a worker sends it. An accepted article travels as its prepared JSON text (which
 * the build needs anyway, see PreparedArticle) rather than as an object: strings cross threads
 * cheaply, and the text and search words are worked out on the worker, not on the thread that
 * builds the feed.
 */
export type WireRead =
  | Exclude<FileRead, { kind: 'parsed' }>
  | { kind: 'parsed'; hash: string; issues: SeedIssue[]; prepared?: PreparedArticle };

/** A parse result on a parse worker, about to be sent. */
export function toWire(read: FileRead, id?: string): WireRead {
  if (read.kind !== 'parsed') return read;
  const { article, issues } = read.result;
  return {
    kind: 'parsed',
    hash: read.hash,
    issues,
    ...(article ? { prepared: prepareArticle(article, id) } : {}),
  };
}

/**
 * What a worker sent, as this thread keeps it. An accepted article stays in its prepared form
 * (text and facts, see PreparedArticle): a cold build of 100,000 articles never needs them as
 * objects here, and parsing them would cost this thread, and its garbage collector, seconds.
 */
export type PreparedRead = { kind: 'prepared'; hash: string; issues: SeedIssue[]; prepared: PreparedArticle };
export type PooledRead = FileRead | PreparedRead;

export function fromWire(read: WireRead): PooledRead {
  if (read.kind !== 'parsed') return read;
  const { hash, issues, prepared } = read;
  return prepared ? { kind: 'prepared', hash, issues, prepared } : { kind: 'parsed', hash, result: { issues } };
}
