import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { isSeedFile } from './list-files.ts';

/** What changed in the seeds folder: one seed file (relative, with forward slashes), or anything. */
export type SeedChange = { file: string } | 'all';

/**
 * Watches the seeds folder: `onChange` hears each seed file written, added or removed, and `'all'`
 * when a folder comes or goes, the seeds folder itself appears or is replaced, or the system
 * could not say what changed (then the whole folder is listed again). One `fs.watch` per folder,
 * as listSeedFiles walks them: hidden ones aside, a link followed when it leads to a folder inside
 * the seeds folder, which is watched where it really is (a file is named by its real path). While
 * the seeds folder does not exist, its nearest parent that does is watched until it appears.
 *
 * Not Vite's watcher (chokidar): on any event in a folder it reads the whole folder again (at most
 * once a second), statting every file, to find what was added or removed; with 100,000 files in
 * one folder that was 1-2 s of work and garbage after every edit, on the thread that runs the
 * pipeline and answers the page, and its first walk held a watcher per file. Node 20's recursive
 * `fs.watch` polls each file on Linux (300 MB and events 180 ms late for the same folder). A
 * folder's events name the file that changed, which is all the pipeline needs.
 */
export function watchSeedFiles(root: string, onChange: (change: SeedChange) => void): () => void {
  const watchers = new Map<string, FSWatcher>();
  let closed = false;

  const unwatch = (dir: string) => {
    watchers.get(dir)?.close();
    watchers.delete(dir);
  };

  /** Watches `dir` (once) with `listener`; false when it cannot be. */
  const watchFolder = (dir: string, listener: (event: string, name: string | null) => void): boolean => {
    if (watchers.has(dir)) return true;
    try {
      const watcher = watch(dir, listener);
      // The folder removed: what it held is gone, which the next walk and listing see.
      watcher.on('error', () => walkAgain(true));
      watchers.set(dir, watcher);
      return true;
    } catch {
      return false;
    }
  };

  /** What an event in `dir`, a folder of the seeds (`root` or under it), tells. */
  const seedsEvent = (dir: string) => (event: string, name: string | null) => {
    // The folder itself removed or replaced, or the system could not say what changed.
    if (name === null || !existsSync(dir)) {
      walkAgain(true);
      return;
    }
    const full = path.join(dir, name);
    const file = path.relative(root, full).split(path.sep).join('/');
    if (file.split('/').some((part) => part.startsWith('.'))) return;
    if (isSeedFile(file)) onChange({ file });
    // A folder added, removed or renamed; any other file (an editor's backup) is no seed.
    else if (event === 'rename' && (watchers.has(full) || isFolder(full))) walkAgain(true);
  };

  /**
   * Watches every folder there now (each before it is read, so that a folder made meanwhile is
   * seen) and lets go of the others; with no seeds folder, watches its nearest parent instead.
   */
  const walk = async () => {
    const found = new Set<string>();
    const realRoot = await realpath(root).catch(() => root);
    const visit = async (dir: string) => {
      if (closed || found.has(dir) || !watchFolder(dir, seedsEvent(dir))) return;
      found.add(dir);
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        if (entry.name.startsWith('.')) continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await visit(full);
        else if (entry.isSymbolicLink()) {
          const target = await realpath(full).catch(() => '');
          const inside = target.startsWith(realRoot + path.sep);
          if (inside && isFolder(target)) await visit(path.join(root, path.relative(realRoot, target)));
        }
      }
    };
    if (existsSync(root)) await visit(root);
    else {
      let parent = path.dirname(root);
      while (!existsSync(parent) && path.dirname(parent) !== parent) parent = path.dirname(parent);
      // Any event of the parent's may be the seeds folder appearing: walked again, it is watched.
      const appeared = () => {
        if (existsSync(root)) walkAgain(true);
      };
      if (!closed && watchFolder(parent, appeared)) found.add(parent);
      // Made while the parent was not yet watched.
      appeared();
    }
    for (const dir of [...watchers.keys()]) if (!found.has(dir)) unwatch(dir);
  };

  // One walk at a time; a change during one walks again once it is done.
  let walking: Promise<void> | undefined;
  let again = false;
  let tell = false;
  function walkAgain(report: boolean): void {
    tell ||= report;
    if (walking) {
      again = true;
      return;
    }
    walking = walk()
      .catch(() => undefined)
      .then(() => {
        walking = undefined;
        if (closed) return;
        if (again) {
          again = false;
          walkAgain(false);
        } else if (tell) {
          tell = false;
          onChange('all');
        }
      });
  }

  // The first walk tells of nothing: the first run reads the whole folder anyway.
  walkAgain(false);
  return () => {
    closed = true;
    for (const dir of [...watchers.keys()]) unwatch(dir);
  };
}

const isFolder = (full: string): boolean => {
  try {
    return statSync(full, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
};
