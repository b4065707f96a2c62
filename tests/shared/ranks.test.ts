import { describe, expect, it } from 'vitest';
import {
  flaggedRanks,
  flagsFromBits,
  intersectFlags,
  splitPublished,
  unionFlags,
} from '../../src/shared/ranks.ts';

describe('rank sets', () => {
  it('unites, intersects and lists ranks in ascending order', () => {
    const union = unionFlags(8, [[1, 5], Uint32Array.from([0, 5, 7])]);
    expect([...flaggedRanks(union)]).toEqual([0, 1, 5, 7]);
    expect([...flaggedRanks(intersectFlags(union, unionFlags(8, [[5, 6, 7]])))]).toEqual([5, 7]);
    expect([...flaggedRanks(unionFlags(3, []))]).toEqual([]);
  });

  it('reads a base64 bit set and splits a selection into both views', () => {
    // Bits 0, 2 and 9 set: bytes 0b00000101 and 0b00000010.
    const published = flagsFromBits(btoa(String.fromCharCode(5, 2)), 10);
    expect([...flaggedRanks(published)]).toEqual([0, 2, 9]);
    const { a, p } = splitPublished(unionFlags(10, [[0, 1, 2, 3, 9]]), published);
    expect([...a]).toEqual([0, 1, 2, 3, 9]);
    expect([...p]).toEqual([0, 2, 9]);
  });
});
