import type { RankList } from './feed-data.ts';

/**
 * Sets of articles as ascending ranks (see feed-data.ts), combined as flags over the whole feed:
 * one pass per list, no sorting, whatever the size of the lists.
 */

/** Flags over `size` ranks, set for every rank in any of `lists` (either encoding of `RankList`). */
export function rankListFlags(size: number, lists: Iterable<RankList>): Uint8Array {
  const flags = new Uint8Array(size);
  for (const list of lists) {
    if (typeof list === 'string') {
      orBits(flags, list);
    } else {
      let rank = 0;
      for (const delta of list) {
        rank += delta;
        flags[rank] = 1;
      }
    }
  }
  return flags;
}

/**
 * How many of `size` ranks are in any of `lists`: a union counted without listing it, over a bit
 * set (an eighth of the flags' size), a byte at a time.
 */
export function unionSize(size: number, lists: Iterable<RankList>): number {
  const bits = new Uint8Array(Math.ceil(size / 8));
  for (const list of lists) {
    if (typeof list === 'string') {
      const bytes = atob(list);
      const end = Math.min(bytes.length, bits.length);
      for (let byte = 0; byte < end; byte += 1) bits[byte] = (bits[byte] ?? 0) | bytes.charCodeAt(byte);
    } else {
      let rank = 0;
      for (const delta of list) {
        rank += delta;
        if (rank < size) bits[rank >> 3] = (bits[rank >> 3] ?? 0) | (1 << (rank & 7));
      }
    }
  }
  // Bits past the end of the feed (the last byte's padding) are not ranks.
  if (size % 8 !== 0) bits[bits.length - 1] = (bits[bits.length - 1] ?? 0) & ((1 << (size % 8)) - 1);
  let count = 0;
  for (const byte of bits) count += bitCount[byte] ?? 0;
  return count;
}

/** The number of bits set in each byte value. */
const bitCount = Uint8Array.from({ length: 256 }, (_, value) => {
  let count = 0;
  for (let rest = value; rest > 0; rest >>= 1) count += rest & 1;
  return count;
});

/** Clears, in place, every flag of `flags` that `other` does not have. */
export function intersectFlags(flags: Uint8Array, other: Uint8Array): Uint8Array {
  for (let i = 0; i < flags.length; i += 1) flags[i] = (flags[i] ?? 0) & (other[i] ?? 0);
  return flags;
}

/** The ranks whose flag is set, ascending. */
export function flaggedRanks(flags: Uint8Array): Uint32Array {
  const ranks = new Uint32Array(flags.length);
  let next = 0;
  for (let i = 0; i < flags.length; i += 1) if (flags[i]) ranks[next++] = i;
  return ranks.slice(0, next);
}

/**
 * Sets, in place, the flag of every rank whose bit is set in a base64 bit set. Byte by byte: a
 * byte with no bit set (most of them, in a sparse list) costs one comparison.
 */
function orBits(flags: Uint8Array, base64: string): Uint8Array {
  const bytes = atob(base64);
  const end = Math.min(bytes.length, Math.ceil(flags.length / 8));
  for (let byte = 0; byte < end; byte += 1) {
    const bits = bytes.charCodeAt(byte);
    if (bits === 0) continue;
    const first = byte << 3;
    for (let bit = 0; bit < 8 && first + bit < flags.length; bit += 1) {
      if ((bits >> bit) & 1) flags[first + bit] = 1;
    }
  }
  return flags;
}

/** Flags from a base64 bit set, bit `i` of byte `i >> 3` for rank `i`. */
export function flagsFromBits(base64: string, size: number): Uint8Array {
  return orBits(new Uint8Array(size), base64);
}

/** Both views of a selection: every matching rank, and the published ones among them. */
export type Selection = { a: Uint32Array; p: Uint32Array };

export function splitPublished(matching: Uint8Array, published: Uint8Array): Selection {
  const a = flaggedRanks(matching);
  return { a, p: flaggedRanks(intersectFlags(matching, published)) };
}
