/**
 * `derive` remembered by its argument's identity, for as long as the argument lives: the articles
 * of an unchanged file are the same objects from run to run (see corpus.ts), so what a stage
 * derives from one is not derived again. `derive` must be pure and its argument never changed.
 */
export function memoByObject<K extends object, V>(derive: (key: K) => V): (key: K) => V {
  const known = new WeakMap<K, V>();
  return (key) => {
    if (known.has(key)) return known.get(key) as V;
    const value = derive(key);
    known.set(key, value);
    return value;
  };
}

/**
 * Every word kept by keptWords, once: the canonical string of each. It only grows (a dev server
 * keeps the words of articles deleted since it started), as a language's vocabulary does: far
 * slower than the archive (the bench's 100,000 articles have 83,499 words).
 */
const vocabulary = new Map<string, string>();

/**
 * `words` as a memo keeps them, in their order (the caller leaves out repeats): an array, not a
 * set (its hash table), of strings shared by every article that has them (each token is otherwise
 * a string of its own). At 100,000 articles this cut the heap at the end of emit from 816 to
 * 566 MB, and the build's peak from 1.61-1.81 GB (the bench, cold) to 1.29 cold, 1.48 warm.
 */
export const keptWords = (words: Iterable<string>): readonly string[] =>
  Array.from(words, (word) => {
    const known = vocabulary.get(word);
    if (known !== undefined) return known;
    vocabulary.set(word, word);
    return word;
  });

/** The last value derived from a list, with the list: kept by its owner (see Archive) between runs. */
export type ListMemo<T, V> = { last?: { list: readonly T[]; value: V } };

/**
 * `derive(list)`, or the value in `memo` when it was derived from the same objects in the same
 * order (the older articles of an archive that grew, in a long-lived process); the memo then
 * holds this list. `derive` must be pure, and neither the list nor its objects changed after.
 * No memo: derived.
 */
export function deriveFromList<T, V>(
  memo: ListMemo<T, V> | undefined,
  list: readonly T[],
  derive: (list: readonly T[]) => V,
): V {
  const last = memo?.last;
  if (last && sameItems(last.list, list)) return last.value;
  const value = derive(list);
  if (memo) memo.last = { list, value };
  return value;
}

/** Whether two lists hold the same values (the same objects) in the same order. */
export const sameItems = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((item, i) => item === b[i]);

/** The last value derived from a list, with the list and the other values it read (see deriveFromPicked). */
export type PickedMemo<V> = { last?: { list: readonly unknown[]; also: readonly unknown[]; value: V } };

/**
 * `derive()`, or the value in `memo` when `pick` gives the same values of each item of `list` as
 * of the last run's item at its place, and `also` holds the same values: for a stage that reads a
 * few fields of each article, so that an edit of another (a title) keeps what it made. `pick`
 * must give every value of an item that `derive` reads, `also` every other value it reads (the
 * same values in the same order), and `derive` read nothing else that changes. Only an item that
 * is not the last run's object at its place is picked, with the last run's (items are never
 * changed; see changedPlaces): at 100,000 articles, picking every article took 30-40 ms a stage;
 * keeping a list of the picks for the next run, 8-12 ms a stage against 3-6 ms without. No memo:
 * derived.
 */
export function deriveFromPicked<T, V>(
  memo: PickedMemo<V> | undefined,
  list: readonly T[],
  pick: (item: T) => readonly unknown[],
  derive: () => V,
  also: readonly unknown[] = [],
): V {
  if (!memo) return derive();
  const last = memo.last;
  const same =
    last !== undefined &&
    last.list.length === list.length &&
    sameItems(last.also, also) &&
    changedPlaces(last.list, list).every((at) => sameItems(pick(list[at] as T), pick(last.list[at] as T)));
  const value = same ? last.value : derive();
  memo.last = { list, also, value };
  return value;
}

/** The last list mapped by place, its values, and the other values the map read (see mapByPlace). */
export type PlaceMemo<T, V> = {
  last?: { list: readonly T[]; also: readonly unknown[]; values: readonly V[] };
};

/**
 * `list.map(map)`, but at each place where the item is the last run's object, and `also` holds
 * the same values (the same objects), the last run's value there: for a stage that maps every
 * item of a long list where a run changes few (a dev-server edit). `map` must read nothing of
 * the run but its item and `also`. No memo: mapped.
 */
export function mapByPlace<T, V>(
  memo: PlaceMemo<T, V> | undefined,
  list: readonly T[],
  map: (item: T) => V,
  also: readonly unknown[] = [],
): readonly V[] {
  const last = memo?.last;
  const kept = last && last.list.length === list.length && sameItems(last.also, also);
  const values = kept ? [...last.values] : list.map(map);
  if (kept) for (const at of changedPlaces(last.list, list)) values[at] = map(list[at] as T);
  if (memo) memo.last = { list, also, values };
  return values;
}

/**
 * The places found by changedPlaces, by the list they were found in, then by the list it was
 * compared to: both weakly, so that no run's list holds the one before it (a chain of every
 * run's articles, and whatever was derived from them, for as long as the dev server runs).
 */
const changes = new WeakMap<readonly unknown[], WeakMap<readonly unknown[], readonly number[]>>();

/**
 * The places where `list` holds another object than `before` (a list of the same length), found
 * once for a pair of lists: every stage that keeps what it made from this run's articles compares
 * them with the same last run's list (at 100,000 articles, the eight stages' comparisons took
 * 0.09-0.19 s of a dev-server edit, each its own pass).
 */
export function changedPlaces(before: readonly unknown[], list: readonly unknown[]): readonly number[] {
  const byBefore = changes.get(list) ?? new WeakMap<readonly unknown[], readonly number[]>();
  changes.set(list, byBefore);
  const known = byBefore.get(before);
  if (known) return known;
  const places: number[] = [];
  for (let at = 0; at < list.length; at += 1) if (list[at] !== before[at]) places.push(at);
  byBefore.set(before, places);
  return places;
}

/** Values derived by key, each with the items it was made of (see deriveByKey). */
export type KeyedMemo<K, V> = Map<K, { items: readonly unknown[]; value: V }>;

/**
 * `derive()`, or the value `memo` holds for `key` while it was made of the same items (the same
 * objects, in the same order): a story's page while its reports are the same, a feed while it
 * carries the same articles. No memo: derived.
 */
export function deriveByKey<K, V>(
  memo: KeyedMemo<K, V> | undefined,
  key: K,
  items: readonly unknown[],
  derive: () => V,
): V {
  const known = memo?.get(key);
  if (known && sameItems(known.items, items)) return known.value;
  const value = derive();
  memo?.set(key, { items, value });
  return value;
}

/** Forgets every key of `memo` not in `keys` (a story or a topic gone). */
export function keepOnlyKeys<K>(memo: KeyedMemo<K, unknown> | undefined, keys: ReadonlySet<K>): void {
  for (const key of memo?.keys() ?? []) if (!keys.has(key)) memo?.delete(key);
}
