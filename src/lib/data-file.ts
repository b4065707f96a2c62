import { queryOptions, type QueryClient } from '@tanstack/react-query';

/** Fetches one file of the data folder as JSON; a failed answer becomes an error that says why. */
export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal });
  if (!response.ok) {
    throw new Error(
      `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
    );
  }
  return (await response.json()) as T;
}

/**
 * One file of the data folder as a query: fetched once, kept for the life of the page (a data
 * folder's name changes with its content, so a file never goes stale), shared by every view
 * that needs it.
 */
export const dataFileQuery = <T>(base: string, file: string) =>
  queryOptions({
    queryKey: ['news', base, file],
    queryFn: ({ signal }) => fetchJson<T>(`${base}${file}`, signal),
    staleTime: Infinity,
  });

/** A data file if the query cache has it; never a fetch. */
export const peekDataFile = (client: QueryClient, base: string, file: string): unknown =>
  client.getQueryData(dataFileQuery<unknown>(base, file).queryKey);

/** A data file from the cache at once when it is there, else from the network. */
export function loadDataFile<T>(client: QueryClient, base: string, file: string): T | Promise<T> {
  return (peekDataFile(client, base, file) as T | undefined) ?? client.query(dataFileQuery<T>(base, file));
}
