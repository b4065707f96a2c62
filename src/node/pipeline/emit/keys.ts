import { rankOfKey } from '../../../shared/data-folder.ts';

/** The corpus' articles (or anything by article), newest first, in the order of their keys: oldest first. */
export const byKey = <T>(newestFirst: readonly T[]): T[] => [...newestFirst].reverse();

/** Each article's rank (its place in `newestFirst`) by its id. */
export const ranksById = (newestFirst: readonly { id: string }[]): Map<string, number> =>
  new Map(newestFirst.map(({ id }, rank) => [id, rank]));

/**
 * Ascending ranks (positions newest first, as the corpus orders its articles) as the ascending
 * keys the data folder stores (positions counted from the oldest, see data-folder.ts).
 */
export const keysOfRanks = (ascending: readonly number[], count: number): number[] =>
  ascending.map((rank) => rankOfKey(rank, count)).reverse();
