import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SeedIssue } from './issue.ts';

const seedExtensions = new Set(['.md', '.markdown', '.txt']);

export function isSeedFile(file: string): boolean {
  const name = path.basename(file);
  return !name.startsWith('.') && seedExtensions.has(path.extname(name).toLowerCase());
}

/** Whether `file` is in `sorted` (a listing's files, sorted as Array#sort sorts strings), by halves. */
export function isListed(sorted: readonly string[], file: string): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as string) < file) low = middle + 1;
    else high = middle;
  }
  return sorted[low] === file;
}

export type FileListing = {
  /** Seed files as paths relative to the folder, with forward slashes, sorted. */
  files: string[];
  issues: SeedIssue[];
  /** Whether a symbolic link was met: a file may then change under another name than it is listed by. */
  links: boolean;
};

/**
 * Lists every seed file under `root`, recursively. Hidden files and folders are skipped, as are
 * other extensions. Symbolic links are followed only when they resolve inside `root`: a link
 * leading out of the folder is reported and ignored. Real folders are walked before links, and a
 * file or folder reached twice is listed once, under its real path.
 */
export async function listSeedFiles(root: string): Promise<FileListing> {
  const realRoot = await realpath(root).catch((error: unknown) => {
    throw new Error(`the seeds folder ${root} cannot be read (${error instanceof Error ? error.message : String(error)})`);
  });
  if (!(await stat(realRoot)).isDirectory()) throw new Error(`${root} is not a folder`);
  const issues: SeedIssue[] = [];
  const found = new Map<string, string>(); // real path -> listed path
  const walked = new Set<string>();
  const links: { abs: string; rel: string }[] = [];

  async function walk(dir: string, relDir: string): Promise<void> {
    walked.add(await realpath(dir));
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const abs = path.join(dir, entry.name);
      const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
      if (entry.isSymbolicLink()) links.push({ abs, rel });
      else if (entry.isDirectory()) await walk(abs, rel);
      else if (entry.isFile() && isSeedFile(entry.name)) found.set(abs, rel);
    }
  }

  await walk(realRoot, '');
  const walkedLinks = links.length > 0;
  // Links last, so that whatever is also reachable by its real path is listed under it.
  while (links.length > 0) {
    const { abs, rel } = links.shift() as { abs: string; rel: string };
    const target = await realpath(abs).catch(() => undefined);
    if (target === undefined) {
      if (isSeedFile(rel)) issues.push({ severity: 'error', file: rel, message: 'is a broken symbolic link' });
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
    if (info.isDirectory() && !walked.has(target)) await walk(abs, rel);
    else if (info.isFile() && isSeedFile(rel) && !found.has(target)) found.set(target, rel);
  }
  return { files: [...found.values()].sort(), issues, links: walkedLinks };
}
