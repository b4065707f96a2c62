import { ExternalLink } from '../../../components/external-link.tsx';
import { RelativeTime } from '../../../components/relative-time.tsx';
import type { RelatedItem } from '../../../shared/article-schema.ts';

type RelatedPanelProps = {
  id: string;
  items: readonly RelatedItem[];
  articleTitle: string;
  now: number;
};

/** Other outlets' coverage of the same story, each linking out to its own source. */
export function RelatedPanel({ id, items, articleTitle, now }: RelatedPanelProps) {
  return (
    <ul id={id} className="related" aria-label={`Related coverage: ${articleTitle}`}>
      {items.map((item, index) => (
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
  );
}
