import { useEffect, useRef, type ReactNode } from 'react';
import type { ArticleSummary } from '../shared/article-schema.ts';
import type { NewsIndex } from '../shared/data-folder.ts';
import { useStoryCard } from '../features/feed/api/story-card.ts';
import { LoadError } from '../features/feed/components/load-error.tsx';

type StoryFocusProps = {
  index: NewsIndex;
  /** The story's address (`?story=<id>`): its first report's id. */
  id: string;
  renderArticle: (article: ArticleSummary, position: number) => ReactNode;
  /** Opens the related panel of the article `id` (see useCardRenderer). */
  openRelated: (id: string) => void;
  onClose: () => void;
};

/**
 * The story a link named, first, above the feed: its card with its coverage open and focused, so
 * that a reader who followed a shared link lands on what was shared. "Close" (or Back) returns to
 * the feed.
 */
export function StoryFocus({ index, id, renderArticle, openRelated, onClose }: StoryFocusProps) {
  const card = useStoryCard(index, id);
  const section = useRef<HTMLElement>(null);
  const focused = useRef('');
  const found = card.data ?? undefined;
  useEffect(() => {
    if (found && found.relatedCount > 0) openRelated(found.id);
  }, [found, openRelated]);
  // Once its panel is drawn (or at once, for a card without one), the story takes the focus.
  useEffect(() => {
    if (!found || focused.current === found.id) return;
    const panel = section.current?.querySelector<HTMLElement>('.related');
    if (!panel && found.relatedCount > 0) return;
    (panel ?? section.current)?.focus();
    focused.current = found.id;
  });
  return (
    <section ref={section} className="story-focus" aria-label="Shared story" tabIndex={-1}>
      <div className="story-focus-bar">
        <h2>Shared story</h2>
        <button type="button" className="link-button" onClick={onClose}>
          Close
        </button>
      </div>
      {card.isPending && <p role="status">Finding the story…</p>}
      {card.isError && (
        <LoadError error={card.error} retrying={card.isFetching} onRetry={() => void card.refetch()} />
      )}
      {card.data === null && <p>This story is not in the archive (any more): the feed is below.</p>}
      {found && renderArticle(found, 1)}
    </section>
  );
}
