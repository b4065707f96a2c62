import { statSync, watch, type FSWatcher } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { isSeedFile } from './list-files.ts';

/** What changed in the seeds folder: one seed file (relative, with forward slashes), or anything. */
export type SeedChange = { file: string } | 'all';

/**
 * Watches the seeds folder: `onChange` hears each seed file written, added or removed, and `'all'`
 * when a folder comes or goes or the system could not say what changed (then the whole folder is
 * listed again). One `fs.watch` per folder, the folders found as listSeedFiles walks them.
 *
 * Not Vite's watcher (chokidar): on any event in a folder it reads the whole folder again,
 * statting every file, to find what was added or removed; with 100,000 files in one folder that
 * was 1-2 s of work and garbage after every edit, on the thread that runs the pipeline and
 * answers the page (and its first walk held 100,000 watched entries). Node's recursive
 * `fs.watch` polls each file on Linux in Node 20 (300 MB and 180 ms late for the same folder).
 * Folder events name the file that changed, which is all the pipeline needs.
 */
export async function watchSeedFiles(root: string, onChange: (change: SeedChange) => void): Promise<() => void> {
  const watchers = new Map<string, FSWatcher>();
  let closed = false;

  const watchFolder = (dir: string) => {
    if (closed || watchers.has(dir)) return;
    try {
      const watcher = watch(dir, (_event, name) => {
        if (name === null) {
          onChange('all');
          return;
        }
        const full = path.join(dir, name);
        const file = path.relative(root, full).split(path.sep).join('/');
        if (file.split('/').some((part) => part.startsWith('.'))) return;
        if (isSeedFile(file)) onChange({ file });
        // A folder added, removed or renamed; any other file (an editor's backup) is no seed.
        else if (watchers.has(full) || statSync(full, { throwIfNoEntry: false })?.isDirectory()) void rewatch();
      });
      // The folder removed: whatever it held is gone, which the next listing sees.
      watcher.on('error', () => {
        watcher.close();
        watchers.delete(dir);
        onChange('all');
      });
      watchers.set(dir, watcher);
    } catch {
      onChange('all');
    }
  };

  /** Watches every folder there now, and lets go of those that are gone; tells of a change. */
  const rewatch = async () => {
    const folders = await foldersUnder(root);
    if (closed) return;
    for (const [dir, watcher] of watchers) {
      if (folders.has(dir)) continue;
      watcher.close();
      watchers.delete(dir);
    }
    for (const dir of folders) watchFolder(dir);
    onChange('all');
  };

  for (const dir of await foldersUnder(root)) watchFolder(dir);
  return () => {
    closed = true;
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
  };
}

/** `root` and every folder under it, hidden ones aside (as listSeedFiles walks them; links are not followed). */
async function foldersUnder(root: string): Promise<Set<string>> {
  const folders = new Set<string>();
  const walk = async (dir: string) => {
    folders.add(dir);
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries)
      if (entry.isDirectory() && !entry.name.startsWith('.')) await walk(path.join(dir, entry.name));
  };
  await walk(root);
  return folders;
}
