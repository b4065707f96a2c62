import type { ReactNode } from 'react';

type ExternalLinkProps = {
  href: string;
  children: ReactNode;
  className?: string;
  /** `auto` for text from articles, which may be right-to-left. */
  dir?: 'auto';
  /** What the keyboard's shortcuts find it by (`open`: a card's source). */
  'data-card-action'?: string;
  /** Called when the link is followed: a click, a middle click, or Enter. */
  onOpen?: () => void;
};

/** A link out to a source: always a new tab, never handing it `window.opener` or the referrer. */
export function ExternalLink({ href, children, className, onOpen, ...rest }: ExternalLinkProps) {
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className={className}
      onClick={onOpen}
      onAuxClick={(event) => event.button === 1 && onOpen?.()}
      {...rest}
    >
      {children}
    </a>
  );
}
