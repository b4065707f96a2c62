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
 * `derive` over a list, remembered for the last list only: given the same objects in the same
 * order again (the older articles of an archive that grew, in a long-lived process), it gives
 * the last result. `derive` must be pure and the objects never changed.
 */
export function memoLastList<T, V>(derive: (list: readonly T[]) => V): (list: readonly T[]) => V {
  let last: { list: readonly T[]; value: V } | undefined;
  return (list) => {
    const same = last?.list.length === list.length && list.every((item, i) => item === last?.list[i]);
    if (last && same) return last.value;
    const value = derive(list);
    last = { list: [...list], value };
    return value;
  };
}
