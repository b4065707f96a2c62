import { fnv1a } from './fnv-hash.ts';

/**
 * Which key an article has, by its source URL: what the browser needs to find the articles its
 * reader marked (marks are kept by URL, and outlive builds). The URLs are split into files of
 * about 128 to 256 by a hash, so that finding a few reads a few small files.
 */
export type UrlKeys = Record<string, number>;

const urlsPerFile = 256;

/**
 * How many lookup files an archive of `articles` has: a power of two, so that it changes (and every
 * URL moves) only when the archive doubles, not with every 256 articles.
 */
export const urlFileCount = (articles: number): number =>
  2 ** Math.max(0, Math.ceil(Math.log2(articles / urlsPerFile)));

/** The lookup file that holds `url`, of an archive of `articles`. */
export const urlFileOf = (url: string, articles: number): number => fnv1a(url) % urlFileCount(articles);
