import { describe, expect, it } from 'vitest';
import {
  deltaEncode,
  encodeBitSet,
  encodeKeyList,
  flaggedRanks,
  flagsFromBits,
  intersectFlags,
  rankFlags,
  splitPublished,
} from '../../src/shared/ranks.ts';

/** The ranks of `keys` among `size` articles (rank = size - 1 - key), ascending. */
const ranksOf = (keys: readonly number[], size: number) =>
  keys.map((key) => size - 1 - key).sort((a, b) => a - b);

describe('rank sets', () => {
  it('unites and intersects key lists as ranks, listed in ascending order', () => {
    // Key lists as deltas: [1, 4] is keys 1 and 5, which among 8 articles are ranks 6 and 2.
    const union = rankFlags(8, [
      [1, 4],
      [0, 5, 2],
    ]);
    expect([...flaggedRanks(union)]).toEqual(ranksOf([1, 5, 0, 7], 8));
    expect([...flaggedRanks(intersectFlags(union, rankFlags(8, [[5, 1, 1]])))]).toEqual(ranksOf([5, 7], 8));
    expect([...flaggedRanks(rankFlags(3, []))]).toEqual([]);
  });

  it('unites key lists in either encoding', () => {
    const size = 1_003;
    const sparse = [3, 40, 41, 500, 1_002];
    const dense = Array.from({ length: 700 }, (_, i) => i + (i > 350 ? 300 : 0)).filter((key) => key < size);
    const lists = [encodeKeyList(sparse), encodeKeyList(dense)];
    expect(typeof lists[1]).toBe('string');
    expect([...flaggedRanks(rankFlags(size, lists))]).toEqual(
      ranksOf([...new Set([...sparse, ...dense])], size),
    );
    // Bits past the last article are no one's.
    expect(flaggedRanks(rankFlags(10, [btoa(String.fromCharCode(0xff, 0xff))])).length).toBe(10);
  });

  it('reads a base64 bit set of keys and splits a selection into both views', () => {
    // Keys 0, 2 and 9 set (bytes 0b00000101 and 0b00000010): ranks 9, 7 and 0 among 10.
    const published = flagsFromBits(btoa(String.fromCharCode(5, 2)), 10);
    expect([...flaggedRanks(published)]).toEqual([0, 7, 9]);
    const selection = splitPublished(rankFlags(10, [[0, 1, 1, 1, 6]]), published);
    expect([...selection.all]).toEqual(ranksOf([0, 1, 2, 3, 9], 10));
    expect([...selection.published]).toEqual([0, 7, 9]);
    // Bits past the end of the feed (the last byte's padding) are no one's.
    expect([...flaggedRanks(flagsFromBits(btoa(String.fromCharCode(0xff, 0xff)), 10))]).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
  });

  it('reads a list written for fewer articles as the same articles among more', () => {
    // Keys 1 and 3, written when there were 5 articles, read after 3 newer ones came.
    const written = [encodeKeyList([1, 3]), encodeBitSet([1, 3])];
    for (const list of written) {
      expect([...flaggedRanks(rankFlags(5, [list]))]).toEqual([1, 3]);
      expect([...flaggedRanks(rankFlags(8, [list]))]).toEqual([4, 6]);
    }
  });
});

describe('key list encodings', () => {
  it('delta-encodes ascending keys and back', () => {
    expect(deltaEncode([3, 5, 9, 10])).toEqual([3, 2, 4, 1]);
    expect([...flaggedRanks(rankFlags(11, [[3, 2, 4, 1]]))]).toEqual(ranksOf([3, 5, 9, 10], 11));
    expect(deltaEncode([])).toEqual([]);
  });

  it('stores a key list as deltas when sparse and as a bit set when dense, both read back alike', () => {
    const sparse = [5, 900, 50_000];
    const dense = Array.from({ length: 30_000 }, (_, i) => i * 3 + 1);
    const sparseList = encodeKeyList(sparse);
    const denseList = encodeKeyList(dense);
    expect(sparseList).toEqual([5, 895, 49_100]);
    expect(typeof denseList).toBe('string');
    expect((denseList as string).length).toBeLessThan(JSON.stringify(deltaEncode(dense)).length / 3);
    expect([...flaggedRanks(rankFlags(100_000, [sparseList]))]).toEqual(ranksOf(sparse, 100_000));
    expect([...flaggedRanks(rankFlags(100_000, [denseList]))]).toEqual(ranksOf(dense, 100_000));
    expect([...flaggedRanks(rankFlags(100_000, [denseList, sparseList]))]).toEqual(
      ranksOf([...dense, ...sparse], 100_000),
    );
  });

  it('encodes a list of any length: every key of 300,000 articles', () => {
    // A spread of this many arguments (Math.max(...keys)) overflowed the stack at 300,000 articles.
    const every = Array.from({ length: 300_000 }, (_, key) => key);
    const list = encodeKeyList(every);
    expect(typeof list).toBe('string');
    expect(flaggedRanks(rankFlags(300_000, [list])).length).toBe(300_000);
  });

  it('keeps a list’s bytes whatever the archive’s size: a bit set ends at its last key', () => {
    const dense = Array.from({ length: 300 }, (_, i) => i * 2);
    expect(encodeKeyList(dense)).toBe(encodeBitSet(dense));
    expect(atob(encodeBitSet(dense)).length).toBe(Math.ceil(599 / 8));
  });
});
