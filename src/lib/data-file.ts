import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { NewsIndex } from '../shared/data-folder.ts';
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
export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal });
  if (response.status === 404 || response.status === 410) throw new ArchiveReplacedError();
  if (!response.ok) {
    throw new Error(
      `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
    );
  }
  return (await response.json()) as T;
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
    staleTime: Infinity,
  });

/** Where a data file's piece is: its group's manifest names it. */
export async function pieceUrl(client: QueryClient, index: NewsIndex, file: string): Promise<string> {
  const manifest = await client.query(manifestQuery(index, pieceGroup(file)));
  const hash = manifest[file];
  if (hash === undefined) throw new Error(`${file} is not in this archive.`);
  return `${index.base}${pieceName(file, hash)}`;
}

/**
 * One file of the data folder as a query: fetched once, kept for the life of the page, shared by
 * every view that needs it. Its key holds its group's manifest hash, which changes whenever a file
 * of the group does: a new index (the dev server's, after an edit) refetches only what changed.
 */
export const dataFileQuery = <T>(index: NewsIndex, file: string) =>
  // Not the whole index in the key: a file's query stays when only other groups change.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  queryOptions({
    queryKey: ['news', index.base, index.pieces[pieceGroup(file)] ?? '', file],
    queryFn: async ({ client, signal }) => fetchJson<T>(await pieceUrl(client, index, file), signal),
    staleTime: Infinity,
  });

/** A data file if the query cache has it; never a fetch. */
export const peekDataFile = (client: QueryClient, index: NewsIndex, file: string): unknown =>
  client.getQueryData(dataFileQuery<unknown>(index, file).queryKey);

/** A data file from the cache at once when it is there, else from the network. */
export function loadDataFile<T>(client: QueryClient, index: NewsIndex, file: string): T | Promise<T> {
  return (peekDataFile(client, index, file) as T | undefined) ?? client.query(dataFileQuery<T>(index, file));
}
