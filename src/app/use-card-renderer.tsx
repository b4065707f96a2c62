import { useCallback, useState } from 'react';
import type { ArticleSummary } from '../shared/article-schema.ts';
import type { NewsIndex } from '../shared/data-folder.ts';
import type { Marks } from '../features/marks/api/marks.ts';
import { usePrefetchRelated } from '../features/related/api/related-query.ts';
import { useMediaQuery } from '../hooks/use-media-query.ts';
import { useNow } from '../hooks/use-now.ts';
import { FeedCard } from './feed-card.tsx';

type CardOptions = {
  selectedTopics: readonly string[];
  onTopic: (topic: string) => void;
  /** Cards stand for their stories (see FeedCard's showStory). */
  group: boolean;
  marks: Marks;
  onMark: (article: ArticleSummary, action: 'open' | 'read' | 'save') => void;
  pageLoaded: boolean;
};

/**
 * How the feed (and the Saved view) draws an article: a FeedCard, its related panel open or not
 * (kept here, so that it survives the card scrolling away), and toggling or opening that panel.
 */
export function useCardRenderer(
  index: NewsIndex,
  { selectedTopics, onTopic, group, marks, onMark, pageLoaded }: CardOptions,
) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const now = useNow();
  // Cards show their pictures large from 640 px; on phones, as thumbnails (see styles.css).
  const largePictures = useMediaQuery('(min-width: 640px)');
  const prefetchRelated = usePrefetchRelated(index);
  const toggleRelated = useCallback((id: string) => {
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);
  const openRelated = useCallback((id: string) => {
    setExpanded((open) => (open.has(id) ? open : new Set(open).add(id)));
  }, []);
  const renderArticle = (article: ArticleSummary, position: number) => (
    <FeedCard
      article={article}
      first={position === 0 && largePictures}
      holdImage={!pageLoaded && !(position === 0 && largePictures)}
      now={now}
      selectedTopics={selectedTopics}
      onTopic={onTopic}
      expanded={expanded.has(article.id)}
      onToggleRelated={toggleRelated}
      onRelatedIntent={prefetchRelated}
      showStory={group}
      read={marks.get(article.url)?.readAt !== undefined}
      saved={marks.get(article.url)?.saved !== undefined}
      onMark={onMark}
    />
  );
  return { renderArticle, toggleRelated, openRelated };
}
