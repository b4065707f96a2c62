import { useId } from 'react';
import { feedMediaTypes, feedPath, opmlPath, type FeedFormat } from '../../../shared/feed-paths.ts';

const formats: { format: FeedFormat; label: string }[] = [
  { format: 'rss', label: 'RSS' },
  { format: 'atom', label: 'Atom' },
  { format: 'json', label: 'JSON Feed' },
];

const url = (file: string) => `${import.meta.env.BASE_URL}${file}`;

type FeedLinksProps = {
  /** The chosen topics that have published articles: each has feeds of its own. */
  topics: readonly string[];
  /** Whether any topic has a feed, so that the OPML of the topic feeds exists. */
  anyTopicFeeds: boolean;
};

/**
 * "Subscribe": the feeds of what is on screen, for another reader. With topics chosen, each
 * topic's RSS, Atom and JSON Feed, announced in the page's head too (the archive's feeds are
 * announced by index.html); otherwise the archive's, and the OPML of every topic feed.
 */
export function FeedLinks({ topics, anyTopicFeeds }: FeedLinksProps) {
  const headingId = useId();
  const feeds =
    topics.length > 0
      ? topics.map((topic) => ({ topic, name: topic }))
      : [{ topic: undefined, name: 'All articles' }];
  return (
    <section className="feed-links" aria-labelledby={headingId}>
      <h2 id={headingId} className="sidebar-heading">
        Subscribe
      </h2>
      <ul>
        {feeds.map(({ topic, name }) => (
          <li key={name}>
            <span className="feed-name">{name}</span>{' '}
            {formats.map(({ format, label }) => (
              <a
                key={format}
                className="feed-link"
                href={url(feedPath(format, topic))}
                type={feedMediaTypes[format]}
                aria-label={`${name} in ${label}`}
              >
                {label}
              </a>
            ))}
            {topic !== undefined &&
              formats.map(({ format, label }) => (
                // React places these in the document's head: feed readers find the topic's feeds.
                <link
                  key={format}
                  rel="alternate"
                  type={feedMediaTypes[format]}
                  title={`${topic} (${label})`}
                  href={url(feedPath(format, topic))}
                />
              ))}
          </li>
        ))}
        {topics.length === 0 && anyTopicFeeds && (
          <li>
            <a
              className="feed-link"
              href={url(opmlPath)}
              type="text/x-opml"
              aria-label="Every topic feed: OPML"
            >
              Every topic feed (OPML)
            </a>
          </li>
        )}
      </ul>
    </section>
  );
}
