import { describe, expect, it } from 'vitest';
import {
  flaggedRanks,
  flagsFromBits,
  intersectFlags,
  splitPublished,
  rankListFlags,
  deltaEncode,
  encodeRankList,
} from '../../src/shared/ranks.ts';

describe('rank sets', () => {
  it('unites, intersects and lists ranks in ascending order', () => {
    // Rank lists as deltas: [1, 4] is ranks 1 and 5.
    const union = rankListFlags(8, [
      [1, 4],
      [0, 5, 2],
    ]);
    expect([...flaggedRanks(union)]).toEqual([0, 1, 5, 7]);
    expect([...flaggedRanks(intersectFlags(union, rankListFlags(8, [[5, 1, 1]])))]).toEqual([5, 7]);
    expect([...flaggedRanks(rankListFlags(3, []))]).toEqual([]);
  });

  it('unites rank lists in either encoding', () => {
    const size = 1_003;
    const sparse = [3, 40, 41, 500, 1_002];
    const dense = Array.from({ length: 700 }, (_, i) => i + (i > 350 ? 300 : 0)).filter(
      (rank) => rank < size,
    );
    const lists = [encodeRankList(sparse, size), encodeRankList(dense, size)];
    expect(typeof lists[1]).toBe('string');
    expect([...flaggedRanks(rankListFlags(size, lists))]).toEqual(
      [...new Set([...sparse, ...dense])].sort((a, b) => a - b),
    );
    // Bits past the end of the feed are not ranks.
    expect(flaggedRanks(rankListFlags(10, [btoa(String.fromCharCode(0xff, 0xff))])).length).toBe(10);
  });

  it('reads a base64 bit set and splits a selection into both views', () => {
    // Bits 0, 2 and 9 set: bytes 0b00000101 and 0b00000010.
    const published = flagsFromBits(btoa(String.fromCharCode(5, 2)), 10);
    expect([...flaggedRanks(published)]).toEqual([0, 2, 9]);
    const selection = splitPublished(rankListFlags(10, [[0, 1, 1, 1, 6]]), published);
    expect([...selection.all]).toEqual([0, 1, 2, 3, 9]);
    expect([...selection.published]).toEqual([0, 2, 9]);
    // Bits past the end of the feed (the last byte's padding) are not ranks.
    expect([...flaggedRanks(flagsFromBits(btoa(String.fromCharCode(0xff, 0xff)), 10))]).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
  });
});

describe('rank list encodings', () => {
  it('delta-encodes ascending ranks and back', () => {
    expect(deltaEncode([3, 5, 9, 10])).toEqual([3, 2, 4, 1]);
    expect([...flaggedRanks(rankListFlags(11, [[3, 2, 4, 1]]))]).toEqual([3, 5, 9, 10]);
    expect(deltaEncode([])).toEqual([]);
  });

  it('stores a rank list as deltas when sparse and as a bit set when dense, both read back alike', () => {
    const sparse = [5, 900, 50_000];
    const dense = Array.from({ length: 30_000 }, (_, i) => i * 3 + 1);
    const sparseList = encodeRankList(sparse, 100_000);
    const denseList = encodeRankList(dense, 100_000);
    expect(sparseList).toEqual([5, 895, 49_100]);
    expect(typeof denseList).toBe('string');
    expect((denseList as string).length).toBeLessThan(JSON.stringify(deltaEncode(dense)).length / 3);
    expect([...flaggedRanks(rankListFlags(100_000, [sparseList]))]).toEqual(sparse);
    expect([...flaggedRanks(rankListFlags(100_000, [denseList]))]).toEqual(dense);
    expect([...flaggedRanks(rankListFlags(100_000, [denseList, sparseList]))]).toEqual(
      [...dense, ...sparse].sort((a, b) => a - b),
    );
  });
});
