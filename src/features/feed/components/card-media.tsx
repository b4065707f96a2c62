import { useState } from 'react';
import { RemoteImage } from '../../../components/remote-image.tsx';
import type { Article } from '../../../shared/article-schema.ts';
import { VideoEmbed } from '../../video/components/video-embed.tsx';

type CardMediaProps = { article: Article };

/**
 * The card's picture in a fixed 16:9 frame, so nothing shifts whether the image loads, fails
 * (always, offline) or is missing: the placeholder underneath shows the provider's initial.
 */
export function CardMedia({ article }: CardMediaProps) {
  const [failed, setFailed] = useState(false);
  const provider = article.provider?.name ?? new URL(article.url).hostname.replace(/^www\./, '');
  const poster = (
    <div className="card-media-poster" data-image={article.image && !failed ? 'shown' : 'missing'}>
      <span className="card-media-placeholder" aria-hidden="true">
        {provider.slice(0, 1).toUpperCase()}
      </span>
      {article.image && (
        <RemoteImage
          src={article.image.url}
          width={article.image.width}
          height={article.image.height}
          className="card-media-image"
          onFailure={() => setFailed(true)}
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
