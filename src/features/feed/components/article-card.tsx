import type { ReactNode } from 'react';
import { ExternalLink } from '../../../components/external-link.tsx';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { RemoteImage } from '../../../components/remote-image.tsx';
import type { ArticleSummary } from '../../../shared/article-schema.ts';
import { CardMedia } from './card-media.tsx';

type ArticleCardProps = {
  article: ArticleSummary;
  now: number | null;
  /** The id of the card's title, which names the card (and what else refers to it). */
  titleId: string;
  /** The story's other outlets ("Also VentureBeat and Engadget"), when the card stands for a story. */
  also?: string;
  /** What goes under the excerpt: the topic chips. */
  chips?: ReactNode;
  /** What goes last: the card's buttons (related coverage, read, save) and the related panel. */
  related?: ReactNode;
  /** The reader has read it (or its story): dimmed, and marked as read. */
  read?: boolean;
  /** The reader opens the source (a click on the title, the keyboard's o or Enter). */
  onOpen?: () => void;
  /** The first card of the feed, and whether its picture waits (see CardMedia). */
  first?: boolean;
  holdImage?: boolean | undefined;
};

/** One article of the feed: picture, source, time, title linking out, excerpt, then its slots. */
export function ArticleCard({
  article,
  now,
  titleId,
  also,
  chips,
  related,
  read,
  onOpen,
  first,
  holdImage,
}: ArticleCardProps) {
  const provider = article.provider;
  return (
    // Focusable, for the keyboard's next and previous card (see FeedList).
    <article
      className="card"
      aria-labelledby={titleId}
      data-published={article.published}
      data-read={read ? true : undefined}
      data-video={article.videoId ? true : undefined}
      tabIndex={-1}
    >
      <CardMedia article={article} first={first} hold={holdImage} />
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
          {read && <span className="badge badge-read">Read</span>}
        </p>
        <h2 className="card-title" id={titleId}>
          <ExternalLink href={article.url} dir="auto" data-card-action="open" onOpen={onOpen}>
            {article.title}
          </ExternalLink>
        </h2>
        {article.excerpt && (
          <p className="card-excerpt" dir="auto">
            {article.excerpt}
          </p>
        )}
        {also && (
          <p className="card-also" dir="auto">
            {also}
          </p>
        )}
        {chips}
        {related}
      </div>
    </article>
  );
}
