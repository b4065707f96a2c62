import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { indexFile, type NewsIndex } from '../../shared/data-folder.ts';
import { manifestPath, pieceGroup, pieceName, type Manifest, type PieceRoot } from '../../shared/pieces.ts';
import type { DataFile } from './emit/data-file.ts';
import { filesUnder, writeWhole } from '../files.mjs';

/**
 * The data folder as pieces (see src/shared/pieces.ts): each data file's piece name by its path,
 * the name of every piece (the files' and the manifests'), and the root the index carries. The
 * pieces' text went to a PieceSink as it was rendered.
 */
export type RenderedFolder = {
  files: Map<string, string>;
  pieces: Set<string>;
  root: PieceRoot;
};

/** Where each rendered piece goes, by name: the build's folder on disk, the dev server's memory. */
export type PieceSink = (name: string, text: string) => void;

/**
 * What a run rendered, kept for the next by a long-lived process (the dev server): each file's
 * data, by path, with its JSON and hash.
 */
export type RenderMemo = Map<string, { data: unknown; text: string; hash: string }>;

/** SHA-1 as a fingerprint, not a seal (0.3 s for 476 MB, SHA-256 1.3 s), 60 bits of it in the name. */
export const hashOf = (text: string) => createHash('sha1').update(text).digest('base64url').slice(0, 10);

/**
 * Every file as JSON, named by its content, then the manifest of each group, each handed to `sink`
 * as it is made: the text is not kept (at 100,000 articles it is 280 MB a build held until the
 * end). Returns the names and the root naming the manifests. With a `memo` of the last run, a file
 * whose data is deeply equal to the last run's is not rendered again, and the memo becomes this
 * run's (a data file's pages share their articles' objects with the last run's, so most are the
 * same objects: 0.8 s against 2.2 s to render the folder again at 100,000, in one run).
 */
export function renderDataFolder(
  files: Iterable<DataFile>,
  sink: PieceSink,
  memo?: RenderMemo,
): RenderedFolder {
  const rendered: RenderedFolder = { files: new Map(), pieces: new Set(), root: {} };
  const manifests = new Map<string, Manifest>();
  const put = (name: string, text: string) => {
    rendered.pieces.add(name);
    sink(name, text);
  };
  for (const { path: file, data } of files) {
    const known = memo?.get(file);
    const same = known !== undefined && isDeepStrictEqual(known.data, data);
    const text = same ? known.text : JSON.stringify(data);
    const hash = same ? known.hash : hashOf(text);
    memo?.set(file, { data, text, hash });
    const name = pieceName(file, hash);
    rendered.files.set(file, name);
    put(name, text);
    const group = pieceGroup(file);
    const manifest = manifests.get(group) ?? {};
    manifest[file] = hash;
    manifests.set(group, manifest);
  }
  for (const [group, manifest] of [...manifests].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const text = JSON.stringify(manifest);
    const hash = hashOf(text);
    put(pieceName(manifestPath(group), hash), text);
    rendered.root[group] = hash;
  }
  if (memo) for (const file of memo.keys()) if (!rendered.files.has(file)) memo.delete(file);
  return rendered;
}

/**
 * A sink that writes each piece `dataRoot` lacks (a piece's name says its content, so one that is
 * there is right), and counts those it wrote. Pieces written by a build that then fails are named
 * by no root: the site keeps serving the last good one, and the next build deletes them.
 */
export function pieceWriter(dataRoot: string): { sink: PieceSink; written: () => number } {
  let written = 0;
  const made = new Set<string>();
  const sink: PieceSink = (name, text) => {
    const full = path.join(dataRoot, name);
    if (existsSync(full)) return;
    if (!made.has(path.dirname(full))) mkdirSync(path.dirname(full), { recursive: true });
    made.add(path.dirname(full));
    // Whole: a build stopped half way never leaves half a piece under a piece's name.
    writeWhole(full, text);
    written += 1;
  };
  return { sink, written: () => written };
}

/**
 * Stage 5, once the pieces are written (see pieceWriter): deletes every piece named neither by
 * this build nor by the one before it, so a page opened before this deploy still finds what it
 * reads, then writes `index`, whose pieces are the folder's, as the root (see indexFile), with
 * the name of the page's data (see PageData), a piece no manifest names. Until then the last
 * build's index stands, with all its pieces. Returns how many pieces were deleted.
 */
export function finishDataFolder(
  dataRoot: string,
  folder: RenderedFolder,
  index: NewsIndex,
  pageData?: string,
): number {
  const previous = namedBy(dataRoot, readRoot(path.join(dataRoot, indexFile)));
  // A folder of the layout before (its root was `root.json`, the pieces' root alone): kept alike.
  for (const name of namedBy(dataRoot, {
    pieces: readObject(path.join(dataRoot, legacyRootFile)) as PieceRoot,
  }))
    previous.add(name);
  let deleted = 0;
  for (const file of filesUnder(dataRoot)) {
    if (file === indexFile || file === pageData || folder.pieces.has(file) || previous.has(file)) continue;
    rmSync(path.join(dataRoot, file), { force: true });
    deleted += 1;
  }
  mkdirSync(dataRoot, { recursive: true });
  writeWhole(path.join(dataRoot, indexFile), JSON.stringify(pageData ? { ...index, pageData } : index));
  return deleted;
}

/** The pieces a root names, as its manifests on disk list them (none that cannot be read). */
function namedBy(dataRoot: string, { pieces: root, pageData }: WrittenRoot): Set<string> {
  const names = new Set<string>(pageData ? [pageData] : []);
  for (const [group, hash] of Object.entries(root)) {
    const name = pieceName(manifestPath(group), hash);
    names.add(name);
    try {
      const manifest = JSON.parse(readFileSync(path.join(dataRoot, name), 'utf8')) as Manifest;
      for (const [file, fileHash] of Object.entries(manifest)) names.add(pieceName(file, fileHash));
    } catch {
      // A manifest deleted by hand: its pieces are no longer kept.
    }
  }
  return names;
}

/** The root of the layout before `index.json`: deleted by the first build after it, once read. */
const legacyRootFile = 'root.json';

/** What the last build's index names: its pieces' root, and the page's data. */
type WrittenRoot = { pieces: PieceRoot; pageData?: string };

/** What the index in `file` names; nothing if it cannot be read. */
function readRoot(file: string): WrittenRoot {
  const { pieces, pageData } = readObject(file);
  return {
    pieces: typeof pieces === 'object' && pieces !== null ? (pieces as PieceRoot) : {},
    ...(typeof pageData === 'string' ? { pageData } : {}),
  };
}

/** The object `file` holds as JSON; an empty one if it cannot be read, or holds something else. */
function readObject(file: string): Record<string, unknown> {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
