import { memo, useId } from 'react';
import type { ArticleSummary } from '../shared/article-schema.ts';
import { alsoCovering, outletOf } from '../shared/story-ranks.ts';
import { ArticleCard } from '../features/feed/components/article-card.tsx';
import { RelatedPanel } from '../features/related/components/related-panel.tsx';
import { RelatedToggle } from '../features/related/components/related-toggle.tsx';
import { TopicChips } from '../features/topics/components/topic-chips.tsx';
import { MarkButtons } from '../features/marks/components/mark-buttons.tsx';
import { ShareButton } from '../features/share/components/share-button.tsx';

type FeedCardProps = {
  article: ArticleSummary;
  /** The first card of the feed: its picture is the first screen's largest, asked for at once. */
  first?: boolean;
  /** Show the picture's placeholder only, for now: the page is still loading (see ReaderPage). */
  holdImage?: boolean;
  now: number | null;
  selectedTopics: readonly string[];
  onTopic: (topic: string) => void;
  /** Whether the related panel is open; kept by the feed, so it survives the card scrolling away. */
  expanded: boolean;
  onToggleRelated: (id: string) => void;
  /** The reader is about to open the related panel of the article at this rank. */
  onRelatedIntent: (rank: number) => void;
  /** The card stands for the article's story: it names the story's other outlets. */
  showStory: boolean;
  read: boolean;
  saved: boolean;
  /** What the reader does with the article: opens its source, marks it read or unread, saves it. */
  onMark: (article: ArticleSummary, action: 'open' | 'read' | 'save') => void;
};

/** A card of the feed with its topic chips and its related coverage. */
function Card({
  article,
  first,
  holdImage,
  now,
  selectedTopics,
  onTopic,
  expanded,
  onToggleRelated,
  onRelatedIntent,
  showStory,
  read,
  saved,
  onMark,
}: FeedCardProps) {
  const id = useId();
  const titleId = `${id}-title`;
  const panelId = `${id}-related`;
  const hasRelated = article.relatedCount > 0;
  const related = (
    <>
      <div className="card-actions">
        {hasRelated && (
          <RelatedToggle
            count={article.relatedCount}
            expanded={expanded}
            controls={panelId}
            describedBy={titleId}
            onToggle={() => onToggleRelated(article.id)}
            onIntent={() => onRelatedIntent(article.rank)}
          />
        )}
        <MarkButtons
          read={read}
          saved={saved}
          describedBy={titleId}
          onToggleRead={() => onMark(article, 'read')}
          onToggleSaved={() => onMark(article, 'save')}
        />
        <ShareButton article={article} describedBy={titleId} />
      </div>
      {hasRelated && expanded && (
        <RelatedPanel
          id={panelId}
          rank={article.rank}
          count={article.relatedCount}
          articleTitle={article.title}
          own={{ publishedAt: article.publishedAt, outlet: outletOf(article) }}
          now={now}
        />
      )}
    </>
  );
  return (
    <ArticleCard
      article={article}
      now={now}
      titleId={titleId}
      also={showStory && article.story ? alsoCovering(article.story.outlets, outletOf(article)) : undefined}
      chips={<TopicChips topics={article.topics} selected={selectedTopics} onToggle={onTopic} />}
      related={related}
      read={read}
      onOpen={() => onMark(article, 'open')}
      first={first}
      holdImage={holdImage}
    />
  );
}

/**
 * Memoised on all its props: a card re-renders when anything it is given changes (the handlers
 * keep their identity, see useLatestCallback). The feed is virtualised, so a change of topics
 * re-renders the dozen cards on screen, not the archive.
 */
export const FeedCard = memo(Card);
