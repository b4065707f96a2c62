/**
 * The data folder as immutable pieces (see docs/growth.md): each data file is stored under a name
 * that carries its content's hash, so a name never changes meaning, and a deploy leaves the
 * pieces it did not change as they were, for readers' caches and the upload alike. Pieces are
 * grouped; a group's manifest (itself a piece) maps each of its files to its hash, and the index
 * names each group's manifest by its hash: the small root a build rewrites.
 */

/** A group's manifest: the hash of each of its data files, by path. */
export type Manifest = Record<string, string>;

/** The index's part: each group's manifest, by group, as its hash. */
export type PieceRoot = Record<string, string>;

/** How many numbered files (pages, panels, URL and id lookups) share one manifest. */
export const filesPerGroup = 256;
/** How many topics' files share one manifest. */
export const topicsPerGroup = 64;

/**
 * The group of a data file: numbered files by runs of `filesPerGroup` (`a-0`, `r-3`), topics by
 * runs of `topicsPerGroup` (`t-0`), the "top" order's buckets (`top`), search shards by their
 * first letter (`s-6f`), the small files of the whole archive together (`misc`). A file's group
 * depends on its path alone.
 */
export function pieceGroup(file: string): string {
  const numbered = /^(a|r|u|i)\/(\d+)\.json$/.exec(file);
  if (numbered) return `${numbered[1]}-${Math.floor(Number(numbered[2]) / filesPerGroup)}`;
  const topic = /^t\/(\d+)\//.exec(file);
  if (topic) return `t-${Math.floor(Number(topic[1]) / topicsPerGroup)}`;
  if (file.startsWith('top/')) return 'top';
  const shard = /^s\/([0-9a-f]+)-/.exec(file);
  if (shard) return `s-${shard[1]}`;
  return 'misc';
}

/** Where a group's manifest is, as a data file. */
export const manifestPath = (group: string) => `m/${group}.json`;

/** A data file's piece: its path with its content's hash before the extension. */
export const pieceName = (file: string, hash: string) => file.replace(/\.json$/, `.${hash}.json`);

/**
 * A piece's URL, whatever the base: `…/data/<path>.<hash>.json`, the hash being 10 base64url
 * characters (see write-data.ts). The service worker keeps what it matches.
 */
export const piecePattern = /\/data\/[\w/-]+\.[\w-]{10}\.json$/;
