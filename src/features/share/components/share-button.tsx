import { useEffect, useState } from 'react';
import type { ArticleSummary } from '../../../shared/article-schema.ts';
import { useHydrated } from '../../../hooks/use-hydrated.ts';
import { shareUrl, siteOfPage } from '../share-link.ts';

type ShareButtonProps = {
  article: Pick<ArticleSummary, 'id' | 'title' | 'story'>;
  describedBy: string;
};

/**
 * "Share": the system's share sheet where the browser has the Web Share API, else "Copy link",
 * which puts the address on the clipboard and says so for a few seconds (or shows the address
 * to copy by hand when the clipboard refuses).
 */
export function ShareButton({ article, describedBy }: ShareButtonProps) {
  const [said, setSaid] = useState('');
  // The page drawn at build time says "Copy link"; the browser's own abilities are known after.
  const hydrated = useHydrated();
  useEffect(() => {
    if (said === '') return undefined;
    const timer = setTimeout(() => setSaid(''), 4000);
    return () => clearTimeout(timer);
  }, [said]);
  const canShare = hydrated && typeof navigator.share === 'function';
  const share = async () => {
    const url = shareUrl(article, siteOfPage());
    if (canShare) {
      try {
        await navigator.share({ title: article.title, url });
      } catch (error) {
        // Closing the share sheet is no failure.
        if (!(error instanceof DOMException && error.name === 'AbortError')) setSaid('Could not share');
      }
      return;
    }
    try {
      await navigator.clipboard.writeText(url);
      setSaid('Link copied');
    } catch {
      setSaid(`Copy this link: ${url}`);
    }
  };
  return (
    <>
      <button
        type="button"
        className="card-button share-button"
        data-card-action="share"
        aria-describedby={describedBy}
        onClick={() => void share()}
      >
        {canShare ? 'Share' : 'Copy link'}
      </button>
      {said !== '' && (
        <span role="status" className="share-status">
          {said}
        </span>
      )}
    </>
  );
}
