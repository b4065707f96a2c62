import type { ArticleFields } from '../../shared/article-schema.ts';
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

/** What a worker sent, with the article made an object again, and its prepared form kept. */
export type PooledRead = FileRead & { prepared?: PreparedArticle };

export function fromWire(read: WireRead): PooledRead {
  if (read.kind !== 'parsed') return read;
  const { hash, issues, prepared } = read;
  if (!prepared) return { kind: 'parsed', hash, result: { issues } };
  // `related` last, as in the fields' JSON the parse cache keeps (see preparedFieldsJson).
  const article = JSON.parse(prepared.json) as ArticleFields;
  article.related = JSON.parse(prepared.related) as ArticleFields['related'];
  return { kind: 'parsed', hash, result: { article, issues }, prepared };
}
