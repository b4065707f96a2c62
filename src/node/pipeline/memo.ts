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
