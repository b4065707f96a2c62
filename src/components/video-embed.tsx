import { useState, type ReactNode } from 'react';

/** The only embed host: YouTube's privacy-enhanced mode, which sets no cookies until play. */
const embedOrigin = 'https://www.youtube-nocookie.com';

type VideoEmbedProps = {
  videoId: string;
  title: string;
  /** Shown until the reader asks for the video: the article's image or a placeholder. */
  poster: ReactNode;
};

/**
 * Click-to-load video: nothing from the video host loads until the reader presses play. The
 * player is our own iframe built from the video id, sandboxed, never the seed's HTML.
 */
export function VideoEmbed({ videoId, title, poster }: VideoEmbedProps) {
  const [playing, setPlaying] = useState(false);
  if (playing) {
    return (
      <iframe
        className="video-frame"
        src={`${embedOrigin}/embed/${encodeURIComponent(videoId)}?autoplay=1`}
        title={`Video: ${title}`}
        sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"
        allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
        referrerPolicy="strict-origin-when-cross-origin"
      />
    );
  }
  return (
    <>
      {poster}
      <button type="button" className="video-play" data-card-action="play" onClick={() => setPlaying(true)}>
        <span className="video-play-icon" aria-hidden="true" />
        <span className="visually-hidden">Play video: {title}</span>
      </button>
    </>
  );
}
