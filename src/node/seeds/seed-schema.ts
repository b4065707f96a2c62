import { z } from 'zod';
import type { ArticleFields } from '../../shared/article-schema.ts';
import { toUtcIso } from '../../shared/published-date.ts';
import { safeHttpUrl } from '../../shared/safe-url.ts';
import { cleanTopics } from '../../shared/topics.ts';
import { youtubeIdFromEmbed } from '../../shared/youtube.ts';

/**
 * The schema of one seed file's front matter. Parsing a file's front matter with it yields the
 * article the browser receives, minus its id (`ArticleFields`, from the output schema).
 * Fields that are not listed (secured, the body, anything new) are stripped, so they never ship.
 * Error messages are phrases that follow the field name in the report ("title: is missing").
 */

function describe(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  if (typeof input === 'string')
    return JSON.stringify(input.length > 80 ? `${input.slice(0, 77)}...` : input);
  if (typeof input === 'number' || typeof input === 'boolean') return `${typeof input} ${String(input)}`;
  return typeof input;
}

const expected = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? 'is missing' : `must be ${what}, not ${describe(issue.input)}`;

const requiredText = z
  .string({ error: expected('text') })
  .trim()
  .min(1, { error: 'is empty' });

const optionalText = z.string({ error: expected('text') }).trim();

const httpUrl = z.string({ error: expected('a URL') }).transform((value, ctx) => {
  const url = safeHttpUrl(value);
  if (url === undefined) {
    ctx.addIssue({ code: 'custom', message: `${describe(value)} is not an http(s) URL` });
    return z.NEVER;
  }
  return url;
});

const isoDateTime = z.unknown().transform((value, ctx) => {
  const iso = toUtcIso(value);
  if (iso === undefined) {
    ctx.addIssue({
      code: 'custom',
      message:
        value === undefined
          ? 'is missing'
          : `${describe(value)} is not an ISO 8601 date-time (like 2021-03-04T07:00:00Z)`,
    });
    return z.NEVER;
  }
  return iso;
});

/** A finite number, also when written as a string ("74"). */
const numeric = z.unknown().transform((value, ctx) => {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)
        ? Number(value)
        : Number.NaN;
  if (!Number.isFinite(number)) {
    ctx.addIssue({ code: 'custom', message: `must be a number, not ${describe(value)}` });
    return z.NEVER;
  }
  return number;
});

const dimension = numeric.pipe(z.number().positive({ error: 'must be a positive number' }));

const flag = z.unknown().transform((value, ctx) => {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) {
    return value.trim().toLowerCase() === 'true';
  }
  ctx.addIssue({ code: 'custom', message: `must be true or false, not ${describe(value)}` });
  return z.NEVER;
});

const kind = z
  .string({ error: expected('text') })
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9-]*$/, { error: 'must be a single word such as article or video' });

const imageSchema = z.object(
  {
    url: httpUrl,
    width: dimension.optional(),
    height: dimension.optional(),
  },
  { error: expected('a mapping with a url') },
);

const providerSchema = z
  .object(
    {
      name: requiredText,
      domain: optionalText.optional(),
      images: z.array(imageSchema, { error: expected('a list') }).optional(),
    },
    { error: expected('a mapping with a name') },
  )
  .transform(({ name, domain, images }) => ({
    name,
    ...(domain ? { domain } : {}),
    ...(images?.[0] ? { logo: images[0] } : {}),
  }));

const topicsSchema = z.unknown().transform((value, ctx) => {
  if (Array.isArray(value)) return cleanTopics(value);
  if (typeof value === 'string') return cleanTopics([value]);
  ctx.addIssue({ code: 'custom', message: `must be a list of names, not ${describe(value)}` });
  return z.NEVER;
});

const videoIdSchema = z.string({ error: expected('text') }).transform((html, ctx) => {
  const id = youtubeIdFromEmbed(html);
  if (id === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: 'is not a YouTube <iframe> embed; only YouTube videos are shown',
    });
    return z.NEVER;
  }
  return id;
});

const relatedSchema = z
  .object(
    {
      title: requiredText,
      excerpt: optionalText.optional(),
      publishedDateTime: isoDateTime.optional(),
      webUrl: httpUrl.optional(),
      originalUrl: httpUrl.optional(),
      ampWebUrl: httpUrl.optional(),
      cdnAmpWebUrl: httpUrl.optional(),
      type: kind.optional(),
      provider: providerSchema.optional(),
      images: z.array(imageSchema, { error: expected('a list') }).optional(),
    },
    { error: expected('a mapping') },
  )
  .transform((item, ctx) => {
    const url = item.webUrl ?? item.originalUrl ?? item.ampWebUrl ?? item.cdnAmpWebUrl;
    if (url === undefined) {
      ctx.addIssue({ code: 'custom', message: 'has no http(s) link (webUrl, originalUrl or an AMP URL)' });
      return z.NEVER;
    }
    return {
      title: item.title,
      url,
      ...(item.excerpt ? { excerpt: item.excerpt } : {}),
      ...(item.publishedDateTime ? { publishedAt: item.publishedDateTime } : {}),
      type: item.type ?? 'article',
      ...(item.provider ? { provider: item.provider } : {}),
      ...(item.images?.[0] ? { image: item.images[0] } : {}),
    };
  });

export const seedSchema = z
  .object(
    {
      title: requiredText,
      publishedDateTime: isoDateTime,
      originalUrl: httpUrl.optional(),
      webUrl: httpUrl.optional(),
      ampWebUrl: httpUrl.optional(),
      cdnAmpWebUrl: httpUrl.optional(),
      excerpt: optionalText.optional(),
      category: optionalText.optional(),
      type: kind.optional(),
      quality: numeric.optional(),
      heat: numeric.optional(),
      published: flag.optional(),
      provider: providerSchema.optional(),
      topics: topicsSchema.optional(),
      images: z.array(imageSchema, { error: expected('a list') }).optional(),
      related: z.array(relatedSchema, { error: expected('a list') }).optional(),
      featuredContent: videoIdSchema.optional(),
    },
    { error: expected('a mapping of fields') },
  )
  .transform((seed, ctx): ArticleFields => {
    const url = seed.originalUrl ?? seed.webUrl;
    if (url === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'has no http(s) source link: originalUrl or webUrl is required',
      });
      return z.NEVER;
    }
    return {
      title: seed.title,
      url,
      ...(seed.ampWebUrl || seed.cdnAmpWebUrl ? { ampUrl: seed.ampWebUrl ?? seed.cdnAmpWebUrl } : {}),
      publishedAt: seed.publishedDateTime,
      ...(seed.excerpt ? { excerpt: seed.excerpt } : {}),
      ...(seed.category ? { category: seed.category } : {}),
      type: seed.type ?? 'article',
      ...(seed.quality !== undefined ? { quality: seed.quality } : {}),
      ...(seed.heat !== undefined ? { heat: seed.heat } : {}),
      published: seed.published ?? true,
      ...(seed.provider ? { provider: seed.provider } : {}),
      topics: seed.topics ?? [],
      ...(seed.images?.[0] ? { image: seed.images[0] } : {}),
      related: seed.related ?? [],
      ...(seed.featuredContent ? { videoId: seed.featuredContent } : {}),
    };
  });

/** Fields whose absence or invalidity rejects the whole file. */
export const requiredFields: readonly string[] = ['title', 'publishedDateTime'];

/**
 * What a dropped field becomes instead of its schema default. A `published` that cannot be read
 * hides the article: an editor's rejection must never be undone by a typo.
 */
export const fallbackOnDrop: Readonly<Record<string, unknown>> = { published: false };
