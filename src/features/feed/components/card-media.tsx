import { RemoteImage } from '../../../components/remote-image.tsx';
import type { ArticleSummary } from '../../../shared/article-schema.ts';
import { VideoEmbed } from '../../../components/video-embed.tsx';

type CardMediaProps = {
  article: ArticleSummary;
  /** The first card's picture loads at once and first (the page preloads it too), not lazily. */
  first?: boolean | undefined;
  /** The placeholder alone for now: pictures wait for the page to load, but for a large first one. */
  hold?: boolean | undefined;
};

/**
 * The card's picture in a fixed 16:9 frame, so nothing shifts whether the image loads, fails
 * (always, offline) or is missing: the placeholder underneath shows the provider's initial.
 */
export function CardMedia({ article, first = false, hold = false }: CardMediaProps) {
  const provider = article.provider?.name ?? new URL(article.url).hostname.replace(/^www\./, '');
  // A video without an image of its own shows YouTube's thumbnail until it is played.
  const image =
    article.image ??
    (article.videoId
      ? { url: `https://i.ytimg.com/vi/${article.videoId}/hqdefault.jpg`, width: 480, height: 360 }
      : undefined);
  const poster = (
    <div className="card-media-poster">
      <span className="card-media-placeholder" aria-hidden="true">
        {provider.slice(0, 1).toUpperCase()}
      </span>
      {image && !hold && (
        <RemoteImage
          src={image.url}
          width={image.width}
          height={image.height}
          className="card-media-image"
          priority={first}
        />
      )}
    </div>
  );
  return (
    <div className="card-media" style={{ ['--hue' as string]: hueOf(provider) }}>
      {article.videoId ? (
        <VideoEmbed videoId={article.videoId} title={article.title} poster={poster} />
      ) : (
        poster
      )}
    </div>
  );
}

/** A stable colour per provider, so placeholders are told apart without any image. */
function hueOf(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 360;
  return hash;
}
