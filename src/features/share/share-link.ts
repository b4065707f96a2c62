import type { ArticleSummary } from '../../shared/article-schema.ts';
import { storyPagePath, storyQuery } from '../../shared/story-paths.ts';

/**
 * The address to share for a card: its story's page (`story/<id>/`, which link previews can read)
 * when it has other reports, else the reader with it first (`?story=<id>`). `site` is where the
 * reader is served, ending in `/`.
 */
export const shareUrl = (article: Pick<ArticleSummary, 'id' | 'story'>, site: string): string =>
  site + (article.story ? storyPagePath(article.story.id) : storyQuery(article.id));

/** Where the reader is served: the page's origin and the build's base. */
export const siteOfPage = (): string => new URL(import.meta.env.BASE_URL, window.location.origin).href;
