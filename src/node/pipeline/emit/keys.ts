import { rankOfKey } from '../../../shared/data-folder.ts';

/**
 * Ascending ranks (positions newest first, as the corpus orders its articles) as the ascending
 * keys the data folder stores (positions counted from the oldest, see data-folder.ts).
 */
/** The corpus' articles (or anything by article), newest first, in the order of their keys: oldest first. */
export const byKey = <T>(newestFirst: readonly T[]): T[] => [...newestFirst].reverse();

export const keysOfRanks = (ascending: readonly number[], count: number): number[] =>
  ascending.map((rank) => rankOfKey(rank, count)).reverse();
