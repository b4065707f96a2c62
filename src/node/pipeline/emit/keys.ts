import { rankOfKey } from '../../../shared/data-folder.ts';

/**
 * Ascending ranks (positions newest first, as the corpus orders its articles) as the ascending
 * keys the data folder stores (positions counted from the oldest, see data-folder.ts).
 */
export const keysOfRanks = (ascending: readonly number[], count: number): number[] =>
  ascending.map((rank) => rankOfKey(rank, count)).reverse();
