/**
 * Where a story's page is, relative to the site's base: under its lead's id, the same in every
 * build, so that a link to a story outlives deploys (see story-pages.ts).
 */
export const storyPagePath = (id: string): string => `story/${id}/`;
