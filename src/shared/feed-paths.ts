import { topicSlug } from './topic-slug.ts';

/**
 * Where the build writes the feeds, relative to the site's base: the same paths in every build,
 * so a subscription outlives a deploy. The archive's feeds sit at `feeds/`, each topic's under
 * `feeds/topic/<slug>/`, and `feeds/topics.opml` lists the topic feeds.
 */
export type FeedFormat = 'rss' | 'atom' | 'json';

const fileNames: Record<FeedFormat, string> = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' };

export const feedMediaTypes: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

/** The archive's feed in a format, or a topic's when `topic` names one. */
export const feedPath = (format: FeedFormat, topic?: string): string =>
  topic === undefined ? `feeds/${fileNames[format]}` : `feeds/topic/${topicSlug(topic)}/${fileNames[format]}`;

export const opmlPath = 'feeds/topics.opml';

/** The site's name, as the page and its feeds give it. */
export const siteTitle = 'News reader';
