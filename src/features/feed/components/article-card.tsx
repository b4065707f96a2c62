import { memo, useId } from 'react';
import { ExternalLink } from '../../../components/external-link.tsx';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { RemoteImage } from '../../../components/remote-image.tsx';
import type { ArticleSummary } from '../../../shared/article-schema.ts';
import { isTopicSelected } from '../../../shared/topics.ts';
import { RelatedPanel } from '../../related/components/related-panel.tsx';
import { RelatedToggle } from '../../related/components/related-toggle.tsx';
import { TopicChips } from '../../topics/components/topic-chips.tsx';
import { CardMedia } from './card-media.tsx';

type ArticleCardProps = {
  article: ArticleSummary;
  now: number;
  selectedTopics: readonly string[];
  onTopic: (topic: string) => void;
  /** Whether the related panel is open; kept by the feed, so it survives the card scrolling away. */
  expanded: boolean;
  onToggleRelated: (id: string) => void;
  /** The reader is about to open the related panel of the article at this rank. */
  onRelatedIntent: (rank: number) => void;
};

function Card({
  article,
  now,
  selectedTopics,
  onTopic,
  expanded,
  onToggleRelated,
  onRelatedIntent,
}: ArticleCardProps) {
  const id = useId();
  const titleId = `${id}-title`;
  const panelId = `${id}-related`;
  const provider = article.provider;
  return (
    <article className="card" aria-labelledby={titleId} data-published={article.published}>
      <CardMedia article={article} />
      <div className="card-body">
        <p className="card-meta">
          {provider?.logo && (
            // A fixed frame, so that a logo failing to load (always, offline) moves nothing.
            <span className="provider-logo-frame">
              <RemoteImage src={provider.logo.url} width={16} height={16} className="provider-logo" />
            </span>
          )}
          {provider && (
            <span className="provider-name" dir="auto">
              {provider.name}
            </span>
          )}
          <RelativeTime iso={article.publishedAt} now={now} />
          {article.type === 'video' && <span className="badge badge-video">Video</span>}
          {!article.published && <span className="badge badge-unpublished">Unpublished</span>}
        </p>
        <h2 className="card-title" id={titleId}>
          <ExternalLink href={article.url} dir="auto">
            {article.title}
          </ExternalLink>
        </h2>
        {article.excerpt && (
          <p className="card-excerpt" dir="auto">
            {article.excerpt}
          </p>
        )}
        <TopicChips topics={article.topics} selected={selectedTopics} onToggle={onTopic} />
        {article.relatedCount > 0 && (
          <>
            <RelatedToggle
              count={article.relatedCount}
              expanded={expanded}
              controls={panelId}
              describedBy={titleId}
              onToggle={() => onToggleRelated(article.id)}
              onIntent={() => onRelatedIntent(article.rank)}
            />
            {expanded && (
              <RelatedPanel
                id={panelId}
                rank={article.rank}
                count={article.relatedCount}
                articleTitle={article.title}
                now={now}
              />
            )}
          </>
        )}
      </div>
    </article>
  );
}

/** The same card: the same article, time and panel, and the same of its topics chosen. */
function sameCard(before: ArticleCardProps, after: ArticleCardProps): boolean {
  return (
    before.article === after.article &&
    before.now === after.now &&
    before.expanded === after.expanded &&
    before.onTopic === after.onTopic &&
    before.onToggleRelated === after.onToggleRelated &&
    before.onRelatedIntent === after.onRelatedIntent &&
    (before.selectedTopics === after.selectedTopics ||
      before.article.topics.every(
        (topic) =>
          isTopicSelected(before.selectedTopics, topic) === isTopicSelected(after.selectedTopics, topic),
      ))
  );
}

/**
 * One article of the feed. Memoised: choosing a topic re-renders only the cards that show it, so
 * a click answers sooner (the handlers it is given must keep their identity, see useLatestCallback).
 */
export const ArticleCard = memo(Card, sameCard);
