import { ExternalLink } from '../../../components/external-link.tsx';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { pluralize } from '../../../shared/plural.ts';
import { useNewsIndex } from '../../../lib/news-index.ts';
import { useRelatedCoverage } from '../api/related-query.ts';

type RelatedPanelProps = {
  id: string;
  /** The article's rank, which says where its related coverage is. */
  rank: number;
  /** How many items there are, known before they are loaded. */
  count: number;
  articleTitle: string;
  now: number;
};

/**
 * Other outlets' coverage of the same story, each linking out to its own source. Its items load
 * when the panel opens (or just before, see usePrefetchRelated); until then it says so, and a
 * failure says what happened and offers to try again.
 */
export function RelatedPanel({ id, rank, count, articleTitle, now }: RelatedPanelProps) {
  const index = useNewsIndex();
  const coverage = useRelatedCoverage(index, rank);
  const label = `Related coverage: ${articleTitle}`;
  return (
    <div id={id} className="related">
      {coverage.isPending && (
        <p className="related-status" role="status">
          Loading {pluralize(count, 'related story', 'related stories')}…
        </p>
      )}
      {coverage.isError && (
        <p className="related-status" role="alert">
          The related coverage could not be loaded. {coverage.error.message}{' '}
          <button type="button" className="link-button" onClick={() => void coverage.refetch()}>
            Try again
          </button>
        </p>
      )}
      {coverage.data && (
        <ul className="related-list" aria-label={label}>
          {coverage.data.map((item, index) => (
            // Two items may share a URL: the position keeps keys unique.
            <li key={`${index}:${item.url}`} className="related-item">
              <ExternalLink href={item.url} className="related-title" dir="auto">
                {item.title}
              </ExternalLink>
              <p className="related-meta">
                {item.provider && <span>{item.provider.name}</span>}
                {item.publishedAt && <RelativeTime iso={item.publishedAt} now={now} />}
                {item.type === 'video' && <span className="badge">Video</span>}
              </p>
              {item.excerpt && (
                <p className="related-excerpt" dir="auto">
                  {item.excerpt}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
