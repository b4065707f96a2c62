/**
 * Ascending ranks, stored whichever way is shorter: deltas (`[3, 2, 4]` for 3, 5, 9), or, for a
 * dense list, a base64 bit set over the whole feed (bit `i` of byte `i >> 3` for rank `i`).
 */
export type RankList = number[] | string;

/** `[3, 5, 9]` → `[3, 2, 4]`: small numbers that compress well. */
export function deltaEncode(ascending: readonly number[]): number[] {
  return ascending.map((value, index) => value - (index === 0 ? 0 : (ascending[index - 1] ?? 0)));
}

/** `ascending` ranks out of `size` articles, in the shorter of the two encodings of `RankList`. */
export function encodeRankList(ascending: readonly number[], size: number): RankList {
  const deltas = deltaEncode(ascending);
  const bitSetLength = Math.ceil(Math.ceil(size / 8) / 3) * 4;
  return JSON.stringify(deltas).length <= bitSetLength + 2 ? deltas : encodeBitSet(ascending, size);
}

/** `ranks` out of `size` as a base64 bit set: bit `i` of byte `i >> 3` for rank `i`. */
export function encodeBitSet(ranks: Iterable<number>, size: number): string {
  const bytes = new Uint8Array(Math.ceil(size / 8));
  for (const rank of ranks) bytes[rank >> 3] = (bytes[rank >> 3] ?? 0) | (1 << (rank & 7));
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * Sets of articles as ascending ranks (see data-folder.ts), combined as flags over the whole feed:
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
 * set held as 32-bit words (a thirty-second of the flags' length), so that even its first run, before the
 * engine compiles it, is short.
 */
export function unionSize(size: number, lists: Iterable<RankList>): number {
  const words = new Uint32Array(Math.ceil(size / 32));
  for (const list of lists) {
    if (typeof list === 'string') {
      const bytes = base64Bytes(list);
      const end = Math.min(bytes.length, words.length * 4);
      // Bit `i` of byte `i >> 3` is bit `i & 31` of word `i >> 5`: on a little-endian machine (every
      // one a browser runs on) the bytes read as words already, four at a time.
      const whole = littleEndian && bytes.byteOffset % 4 === 0 ? end >> 2 : 0;
      const aligned = new Uint32Array(bytes.buffer, bytes.byteOffset, whole);
      for (let word = 0; word < whole; word += 1)
        words[word] = ((words[word] ?? 0) | (aligned[word] ?? 0)) >>> 0;
      for (let byte = whole * 4; byte < end; byte += 1) {
        const bits = bytes[byte] ?? 0;
        if (bits !== 0) words[byte >> 2] = ((words[byte >> 2] ?? 0) | (bits << ((byte & 3) << 3))) >>> 0;
      }
    } else {
      let rank = 0;
      for (const delta of list) {
        rank += delta;
        if (rank < size) words[rank >> 5] = ((words[rank >> 5] ?? 0) | (1 << (rank & 31))) >>> 0;
      }
    }
  }
  // Bits past the end of the feed (the last word's padding) are not ranks.
  if (size % 32 !== 0)
    words[words.length - 1] = ((words[words.length - 1] ?? 0) & ((1 << (size % 32)) - 1)) >>> 0;
  let count = 0;
  for (const word of words) {
    // The bits set in a 32-bit word, counted in parallel.
    let bits = word - ((word >>> 1) & 0x55555555);
    bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
    count += Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  }
  return count;
}

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** A base64 string's bytes: natively where the browser can, else through atob. */
function base64Bytes(base64: string): Uint8Array {
  const native = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array }).fromBase64;
  if (native) return native.call(Uint8Array, base64);
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return bytes;
}

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
  const bytes = base64Bytes(base64);
  const end = Math.min(bytes.length, Math.ceil(flags.length / 8));
  for (let byte = 0; byte < end; byte += 1) {
    const bits = bytes[byte] ?? 0;
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
export type Selection = { all: Uint32Array; published: Uint32Array };

export function splitPublished(matching: Uint8Array, published: Uint8Array): Selection {
  const all = flaggedRanks(matching);
  return { all, published: flaggedRanks(intersectFlags(matching, published)) };
}
