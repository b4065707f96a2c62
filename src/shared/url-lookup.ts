import { fnv1a } from './fnv-hash.ts';

/**
 * Which rank an article has in this build, by its source URL: what the browser needs to find the
 * articles its reader marked (marks are kept by URL, and outlive builds). The URLs are split into
 * files of about 256 by a hash, so that finding a few reads a few small files.
 */
export type UrlRanks = Record<string, number>;

const urlsPerFile = 256;

/** How many lookup files an archive of `articles` has. */
export const urlFileCount = (articles: number): number => Math.max(1, Math.ceil(articles / urlsPerFile));

/** The lookup file that holds `url`, of an archive of `articles`. */
export const urlFileOf = (url: string, articles: number): number => fnv1a(url) % urlFileCount(articles);
