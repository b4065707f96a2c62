import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SeedIssue } from './issue.ts';

const seedExtensions = new Set(['.md', '.markdown', '.txt']);

export function isSeedFile(name: string): boolean {
  return !path.basename(name).startsWith('.') && seedExtensions.has(path.extname(name).toLowerCase());
}

export type FileListing = {
  /** Seed files as paths relative to the folder, with forward slashes, sorted. */
  files: string[];
  issues: SeedIssue[];
};

/**
 * Lists every seed file under `root`, recursively. Hidden files and folders are skipped, as are
 * other extensions. Symbolic links are followed only when they resolve inside `root`: a link
 * leading out of the folder is reported and ignored, and a folder is never walked twice.
 */
export async function listSeedFiles(root: string): Promise<FileListing> {
  const realRoot = await realpath(root);
  const files: string[] = [];
  const issues: SeedIssue[] = [];
  const visited = new Set<string>([realRoot]);

  async function walk(dir: string, relDir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const abs = path.join(dir, entry.name);
      const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await realpath(abs).catch(() => undefined);
        if (target === undefined) {
          if (isSeedFile(entry.name)) {
            issues.push({ severity: 'error', file: rel, message: 'is a broken symbolic link' });
          }
          continue;
        }
        if (target !== realRoot && !target.startsWith(realRoot + path.sep)) {
          issues.push({
            severity: 'error',
            file: rel,
            message: 'is a symbolic link that leads outside the seeds folder; it was not read',
          });
          continue;
        }
        const info = await stat(target);
        isDir = info.isDirectory();
        isFile = info.isFile();
        if (isDir && visited.has(target)) continue;
        if (isDir) visited.add(target);
      } else if (isDir) {
        visited.add(await realpath(abs));
      }
      if (isDir) await walk(abs, rel);
      else if (isFile && isSeedFile(entry.name)) files.push(rel);
    }
  }

  const rootInfo = await lstat(root);
  if (!rootInfo.isDirectory() && !rootInfo.isSymbolicLink()) {
    throw new Error(`${root} is not a folder`);
  }
  await walk(root, '');
  files.sort();
  return { files, issues };
}
