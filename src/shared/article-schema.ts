import { z } from 'zod';
import { safeHttpUrl } from './safe-url.ts';
import { articleIdPattern } from './story-paths.ts';

/**
 * The article the browser receives, as a schema: the source of the `Article` type and the
 * contract every build output satisfies (tests parse the pipeline's output with it). The browser
 * imports only the types; zod never ships.
 */

const httpUrl = z
  .string()
  .refine((value) => safeHttpUrl(value) === value, { error: 'must be an http(s) URL' });
const text = z.string().trim().min(1);
const isoInstant = z.iso.datetime();

const imageSchema = z.strictObject({
  url: httpUrl,
  width: z.number().positive().optional(),
  height: z.number().positive().optional(),
});

const providerSchema = z.strictObject({
  name: text,
  domain: z.string().optional(),
  logo: imageSchema.optional(),
});

const relatedItemSchema = z.strictObject({
  title: text,
  url: httpUrl,
  excerpt: z.string().optional(),
  publishedAt: isoInstant.optional(),
  type: text,
  provider: providerSchema.optional(),
  image: imageSchema.optional(),
});

export const articleSchema = z.strictObject({
  id: z.string().regex(articleIdPattern),
  title: text,
  /** The source: originalUrl, else webUrl. */
  url: httpUrl,
  ampUrl: httpUrl.optional(),
  publishedAt: isoInstant,
  excerpt: z.string().optional(),
  category: z.string().optional(),
  type: text,
  quality: z.number().optional(),
  heat: z.number().optional(),
  published: z.boolean(),
  provider: providerSchema.optional(),
  topics: z.array(text),
  image: imageSchema.optional(),
  related: z.array(relatedItemSchema),
  /** A YouTube video id, for the reader's own click-to-load embed. */
  videoId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{11}$/)
    .optional(),
});

/**
 * What a card shows, as the data folder's pages hold it: the article without its related coverage
 * (most of its size, and read only when a panel opens), with how many items that coverage has and
 * the article's rank (its place in the full feed, which names the file that holds the coverage).
 */
export const articleSummarySchema = articleSchema.omit({ related: true }).extend({
  rank: z.number().int().nonnegative(),
  relatedCount: z.number().int().nonnegative(),
  /** The story of more than one article this one belongs to: its lead's id, and every outlet in it. */
  story: z.strictObject({ id: z.string(), outlets: z.array(text) }).optional(),
});

export type Article = z.output<typeof articleSchema>;
export type ArticleSummary = z.output<typeof articleSummarySchema>;
export type ArticleFields = Omit<Article, 'id'>;
export type RelatedItem = Article['related'][number];
