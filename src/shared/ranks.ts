/**
 * Sets of articles as the data folder stores them: ascending keys (an article's key is its
 * position counted from the oldest, see data-folder.ts, so a newer article appends and no key
 * moves), whichever way is shorter: deltas (`[3, 2, 4]` for 3, 5, 9), or, for a dense list, a
 * base64 bit set up to the list's last key (bit `i` of byte `i >> 3` for key `i`). Either way a
 * list the new articles do not join keeps its bytes.
 */
export type KeyList = number[] | string;

/** The keys of a list in either encoding, ascending. */
export function decodeKeyList(list: KeyList): number[] {
  if (typeof list !== 'string') {
    let key = 0;
    return list.map((delta) => (key += delta));
  }
  const bytes = base64Bytes(list);
  const keys: number[] = [];
  for (let byte = 0; byte < bytes.length; byte += 1) {
    const bits = bytes[byte] ?? 0;
    for (let bit = 0; bit < 8; bit += 1) if ((bits >> bit) & 1) keys.push((byte << 3) + bit);
  }
  return keys;
}

/** `[3, 5, 9]` → `[3, 2, 4]`: small numbers that compress well. */
export function deltaEncode(ascending: readonly number[]): number[] {
  return ascending.map((value, index) => value - (index === 0 ? 0 : (ascending[index - 1] ?? 0)));
}

/** `ascending` keys in the shorter of the two encodings of `KeyList`. */
export function encodeKeyList(ascending: readonly number[]): KeyList {
  const deltas = deltaEncode(ascending);
  const bitSetLength = Math.ceil(Math.ceil(((ascending.at(-1) ?? -1) + 1) / 8) / 3) * 4;
  return JSON.stringify(deltas).length <= bitSetLength + 2 ? deltas : encodeBitSet(ascending);
}

/** Ascending `keys` as a base64 bit set up to the last of them: bit `i` of byte `i >> 3` for key `i`. */
export function encodeBitSet(keys: readonly number[]): string {
  const bytes = new Uint8Array(Math.ceil(((keys.at(-1) ?? -1) + 1) / 8));
  for (const key of keys) bytes[key >> 3] = (bytes[key >> 3] ?? 0) | (1 << (key & 7));
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * The browser combines sets as flags over ranks (positions in the feed, newest first: rank
 * `size - 1 - key`), one pass per list, no sorting, whatever the size of the lists.
 */

/** Flags over `size` ranks, set for the article of every key in any of `lists` (either encoding). */
export function rankFlags(size: number, lists: Iterable<KeyList>): Uint8Array {
  const flags = new Uint8Array(size);
  for (const list of lists) {
    if (typeof list === 'string') {
      orBits(flags, list);
    } else {
      let key = 0;
      for (const delta of list) {
        key += delta;
        if (key < size) flags[size - 1 - key] = 1;
      }
    }
  }
  return flags;
}

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
 * Sets, in place, the flag of the rank of every key whose bit is set in a base64 bit set. Byte by
 * byte: a byte with no bit set (most of them, in a sparse list) costs one comparison.
 */
function orBits(flags: Uint8Array, base64: string): Uint8Array {
  const size = flags.length;
  const bytes = base64Bytes(base64);
  const end = Math.min(bytes.length, Math.ceil(size / 8));
  for (let byte = 0; byte < end; byte += 1) {
    const bits = bytes[byte] ?? 0;
    if (bits === 0) continue;
    const first = byte << 3;
    for (let bit = 0; bit < 8 && first + bit < size; bit += 1) {
      if ((bits >> bit) & 1) flags[size - 1 - (first + bit)] = 1;
    }
  }
  return flags;
}

/** Flags over `size` ranks from a base64 bit set of keys (bit `i` of byte `i >> 3` for key `i`). */
export function flagsFromBits(base64: string, size: number): Uint8Array {
  return orBits(new Uint8Array(size), base64);
}

/** Both views of a selection: every matching rank, and the published ones among them. */
export type Selection = { all: Uint32Array; published: Uint32Array };

export function splitPublished(matching: Uint8Array, published: Uint8Array): Selection {
  const all = flaggedRanks(matching);
  return { all, published: flaggedRanks(intersectFlags(matching, published)) };
}
