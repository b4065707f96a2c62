import { useState } from 'react';

type RemoteImageProps = {
  src: string;
  width?: number | undefined;
  height?: number | undefined;
  className?: string;
  /** Load at once and before other images (the first screen's largest), rather than lazily. */
  priority?: boolean;
  /** Called when the image cannot be loaded, so the caller can keep its placeholder. */
  onFailure?: () => void;
};

/**
 * A decorative remote image: lazy, and removed from the page when it fails to load, so a broken
 * image icon never shows. It fades in over whatever placeholder sits behind it.
 */
export function RemoteImage({
  src,
  width,
  height,
  className,
  priority = false,
  onFailure,
}: RemoteImageProps) {
  const [state, setState] = useState<'loading' | 'loaded' | 'failed'>('loading');
  if (state === 'failed') return null;
  return (
    <img
      src={src}
      alt=""
      width={width}
      height={height}
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : 'auto'}
      decoding="async"
      referrerPolicy="no-referrer"
      className={className}
      data-state={state}
      onLoad={() => setState('loaded')}
      onError={() => {
        setState('failed');
        onFailure?.();
      }}
    />
  );
}
