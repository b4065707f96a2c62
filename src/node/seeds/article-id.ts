import { createHash } from 'node:crypto';

/**
 * Article ids derive from the file path only, so they are stable across builds: the path without
 * its extension, with every run of characters outside [a-z0-9_-] turned into one hyphen. When two
 * paths collapse to the same slug (`a b.md`, `a-b.txt`), each gets a short hash of its full path.
 */
export function articleIds(paths: readonly string[]): Map<string, string> {
  const slugs = paths.map(slugOf);
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const slug of slugs) {
    if (seen.has(slug)) shared.add(slug);
    else seen.add(slug);
  }
  const ids = new Map<string, string>();
  for (const [i, file] of paths.entries()) {
    const slug = slugs[i] ?? '';
    ids.set(file, shared.has(slug) ? `${slug}-${shortHash(file)}` : slug);
  }
  return ids;
}

/** A path that is its own slug once its extension is cut: by far the commonest case. */
const plainName = /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?\.(?:md|markdown|txt)$/;

/** A file's name without its extension: its id when the name is already a slug and no other file claims it. */
export const plainId = (file: string): string => file.slice(0, file.lastIndexOf('.'));

function slugOf(file: string): string {
  if (plainName.test(file)) return plainId(file);
  const withoutExtension = file.replace(/\.(md|markdown|txt)$/i, '');
  const slug = withoutExtension
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'article' : slug;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}
