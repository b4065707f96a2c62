import { fnv1a } from './fnv-hash.ts';

/**
 * Which key an article has, by its source URL (`u/<n>.json`): what the browser needs to find the
 * articles its reader marked (marks are kept by URL, and outlive builds); and by its id
 * (`i/<n>.json`): what an address of a story (`?story=<id>`) needs. Each is split into files by a
 * hash, so that finding a few reads a few small files.
 */
export type UrlKeys = Record<string, number>;

/** Ids by their key, split like URLs (see UrlKeys). */
export type IdKeys = Record<string, number>;

/**
 * How many lookup files of about `perFile` entries (half to all of it) an archive of `articles`
 * has: a power of two, so that it changes (and every entry moves) only when the archive doubles.
 */
const fileCount = (articles: number, perFile: number): number =>
  2 ** Math.max(0, Math.ceil(Math.log2(articles / perFile)));

export const urlFileCount = (articles: number): number => fileCount(articles, 256);

/** The lookup file that holds `url`, of an archive of `articles`. */
export const urlFileOf = (url: string, articles: number): number => fnv1a(url) % urlFileCount(articles);

/** Smaller files than the URLs' (about 7 KB at 100,000): a new article rewrites one of them. */
export const idFileCount = (articles: number): number => fileCount(articles, 128);

/** The lookup file that holds the article `id`, of an archive of `articles`. */
export const idFileOf = (id: string, articles: number): number => fnv1a(id) % idFileCount(articles);
