import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { NewsIndex } from '../shared/data-folder.ts';
import { fnv1a } from '../shared/fnv-hash.ts';
import { manifestPath, pieceGroup, pieceName, type Manifest } from '../shared/pieces.ts';

/**
 * A piece the page's index names is no longer served: a newer build has replaced it (a deploy
 * keeps the pieces of the build before it only). Reloading gets the new index.
 */
export class ArchiveReplacedError extends Error {
  constructor() {
    super('The archive was updated since this page was opened.');
    this.name = 'ArchiveReplacedError';
  }
}

/** Fetches one file of the data folder as JSON; a failed answer becomes an error that says why. */
export async function fetchJson<T>(url: string, signal?: AbortSignal, cache?: RequestCache): Promise<T> {
  const response = await fetch(url, cache ? { signal, cache } : { signal });
  if (response.status === 404 || response.status === 410) throw new ArchiveReplacedError();
  if (!response.ok) {
    throw new Error(
      `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
    );
  }
  return (await response.json()) as T;
}

const versions = new WeakMap<NewsIndex, string>();
/**
 * The start of the key of anything read from one build: its data folder and a hash of its
 * manifests, which change whenever any file does (the dev server's index, after an edit).
 */
export function newsKey(index: NewsIndex): readonly ['news', string, string] {
  let version = versions.get(index);
  if (version === undefined) {
    version = fnv1a(JSON.stringify(index.pieces)).toString(36);
    versions.set(index, version);
  }
  return ['news', index.base, version];
}

/** A group's manifest (see pieces.ts): fetched once, shared by every file of the group. */
const manifestQuery = (index: NewsIndex, group: string) =>
  queryOptions({
    queryKey: ['news', index.base, 'manifest', group, index.pieces[group] ?? ''],
    queryFn: ({ signal }) =>
      fetchJson<Manifest>(
        `${index.base}${pieceName(manifestPath(group), index.pieces[group] ?? '')}`,
        signal,
      ),
    staleTime: 'static',
  });

/** Where a data file's piece is: its group's manifest names it. */
export async function pieceUrl(client: QueryClient, index: NewsIndex, file: string): Promise<string> {
  const manifest = await client.query(manifestQuery(index, pieceGroup(file)));
  const hash = manifest[file];
  if (hash === undefined) throw new Error(`${file} is not in this archive.`);
  return `${index.base}${pieceName(file, hash)}`;
}

/**
 * The key of one data file: its group's manifest hash changes whenever a file of the group does,
 * so a new index (the dev server's, after an edit) refetches only what changed. Not the whole
 * index: a file's query stays when only other groups change.
 */
export const dataFileKey = (index: NewsIndex, file: string) =>
  ['news', index.base, index.pieces[pieceGroup(file)] ?? '', file] as const;

/** Fetches one data file, wherever its piece is. */
export const fetchDataFile = async <T>(
  client: QueryClient,
  index: NewsIndex,
  file: string,
  signal?: AbortSignal,
) => fetchJson<T>(await pieceUrl(client, index, file), signal);

/**
 * One file of the data folder as a query: fetched once, kept for the life of the page (a piece
 * never changes: `staleTime: 'static'`), shared by every view that needs it.
 */
export const dataFileQuery = <T>(index: NewsIndex, file: string) =>
  queryOptions({
    queryKey: dataFileKey(index, file),
    queryFn: ({ client, signal }) => fetchDataFile<T>(client, index, file, signal),
    staleTime: 'static',
  });
