/** An article's id, which names its story too: what the build makes of its file's name. */
export const articleIdPattern = /^[a-z0-9_-]+$/;

/**
 * Where a story's page is, relative to the site's base: under its lead's id, the same in every
 * build, so that a link to a story outlives deploys (see story-pages.ts).
 */
export const storyPagePath = (id: string): string => `story/${id}/`;

/** The reader's address with the story of `id` first (relative to the site's base, see FeedParams). */
export const storyQuery = (id: string): string => `?story=${id}`;

/** The story a story page's path names (`…/story/<id>/`), or ''. */
export const storyOfPath = (pathname: string): string =>
  /\/story\/([^/]+)\/$/.exec(pathname)?.[1]?.match(articleIdPattern)?.[0] ?? '';
