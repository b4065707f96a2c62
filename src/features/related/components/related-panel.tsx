import { ExternalLink } from '../../../components/external-link.tsx';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { pluralize } from '../../../lib/plural.ts';
import type { ReadingItem, StoryItem } from '../../../shared/data-folder.ts';
import { useNewsIndex } from '../../../lib/news-index.ts';
import { useRelatedCoverage } from '../api/related-query.ts';
import { RetryButton } from '../../../components/retry-button.tsx';
import { outletOf } from '../../../shared/story-ranks.ts';
import { laterBy } from '../../../shared/time-apart.ts';

type RelatedPanelProps = {
  id: string;
  /** The article's rank, which says where its coverage is. */
  rank: number;
  /** How many items there are, known before they are loaded. */
  count: number;
  articleTitle: string;
  /** The card's own report: when, and by whom (the first of its story's timeline, or a later one). */
  own: { publishedAt: string; outlet: string };
  now: number | null;
};

/**
 * The article's wider coverage, in place: "Same story" (the other outlets' reports of the same
 * event, each with why it is the same story) and "Related reading" (the file's own list), every
 * item linking out to its source. The items load when the panel opens (or just before, see
 * usePrefetchRelated); until then it says so, and a failure says what happened and offers a retry.
 */
export function RelatedPanel({ id, rank, count, articleTitle, own, now }: RelatedPanelProps) {
  const index = useNewsIndex();
  const coverage = useRelatedCoverage(index, rank);
  return (
    <div id={id} className="related" role="group" aria-label={`Coverage: ${articleTitle}`} tabIndex={-1}>
      {coverage.isPending && (
        <p className="related-status" role="status">
          Loading {pluralize(count, 'related story', 'related stories')}…
        </p>
      )}
      {coverage.isError && (
        <p className="related-status" role="alert">
          The related coverage could not be loaded. {coverage.error.message}{' '}
          <RetryButton
            error={coverage.error}
            className="link-button"
            onRetry={() => void coverage.refetch()}
          />
        </p>
      )}
      {coverage.data && coverage.data.sameStory.length > 0 && (
        <StoryTimeline articleTitle={articleTitle} own={own} items={coverage.data.sameStory} />
      )}
      {coverage.data &&
        parts.map(
          ({ key, heading }) =>
            coverage.data[key].length > 0 && (
              <ItemList
                key={key}
                heading={heading}
                articleTitle={articleTitle}
                items={coverage.data[key]}
                now={now}
              />
            ),
        )}
    </div>
  );
}

/** The panel's two parts, in order. */
const parts = [
  { key: 'sameStory', heading: 'Same story' },
  { key: 'related', heading: 'Related reading' },
] as const;

type ItemListProps = {
  heading: string;
  articleTitle: string;
  items: readonly (StoryItem | ReadingItem)[];
  now: number | null;
};

function ItemList({ heading, articleTitle, items, now }: ItemListProps) {
  return (
    <>
      <h3 className="related-heading">{heading}</h3>
      <ul className="related-list" aria-label={`${heading}: ${articleTitle}`}>
        {items.map((item) => (
          <li key={item.url} className="related-item">
            <ExternalLink href={item.url} className="related-title" dir="auto">
              {item.title}
            </ExternalLink>
            <p className="related-meta">
              {item.provider && <span>{item.provider.name}</span>}
              {item.publishedAt && <RelativeTime iso={item.publishedAt} now={now} />}
              {item.type === 'video' && <span className="badge">Video</span>}
              {'reason' in item && <span className="related-reason">{item.reason}</span>}
              {'inArchive' in item && <span className="badge">In this archive</span>}
            </p>
            {'excerpt' in item && item.excerpt && (
              <p className="related-excerpt" dir="auto">
                {item.excerpt}
              </p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

type StoryTimelineProps = {
  articleTitle: string;
  own: RelatedPanelProps['own'];
  items: readonly StoryItem[];
};

const whenFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
});

/** Who reported the story when: its first report, then each later one and how much later. */
function StoryTimeline({ articleTitle, own, items }: StoryTimelineProps) {
  const reports = [
    own,
    ...items.map((item) => ({ publishedAt: item.publishedAt, outlet: outletOf(item) })),
  ].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
  const [first, ...later] = reports;
  if (!first) return null;
  const start = Date.parse(first.publishedAt);
  return (
    <>
      <h3 className="related-heading">Timeline</h3>
      <ol className="story-timeline" aria-label={`Timeline: ${articleTitle}`}>
        <li>
          First reported by {first.outlet},{' '}
          <time dateTime={first.publishedAt}>{whenFormat.format(new Date(first.publishedAt))}</time>
        </li>
        {later.map((report, i) => (
          <li key={`${report.outlet}-${report.publishedAt}-${i}`}>
            {report.outlet}, {laterBy(Date.parse(report.publishedAt) - start)}
          </li>
        ))}
      </ol>
    </>
  );
}
