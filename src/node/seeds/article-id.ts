import { createHash } from 'node:crypto';

/**
 * Article ids derive from the file path only, so they are stable across builds: the path without
 * its extension, with every run of characters outside [a-z0-9_-] turned into one hyphen. When two
 * paths collapse to the same slug (`a b.md`, `a-b.txt`), each gets a short hash of its full path.
 */
export function articleIds(paths: readonly string[]): Map<string, string> {
  const slugs = new Map(paths.map((file) => [file, slugOf(file)]));
  const uses = new Map<string, number>();
  for (const slug of slugs.values()) uses.set(slug, (uses.get(slug) ?? 0) + 1);
  return new Map(
    [...slugs].map(([file, slug]) => [file, (uses.get(slug) ?? 0) > 1 ? `${slug}-${shortHash(file)}` : slug]),
  );
}

function slugOf(file: string): string {
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
