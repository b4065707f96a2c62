import type { ReactNode } from 'react';

type ExternalLinkProps = {
  href: string;
  children: ReactNode;
  className?: string;
  /** `auto` for text from articles, which may be right-to-left. */
  dir?: 'auto';
  /** What the keyboard's shortcuts find it by (`open`: a card's source). */
  'data-card-action'?: string;
};

/** A link out to a source: always a new tab, never handing it `window.opener` or the referrer. */
export function ExternalLink({ href, children, className, ...rest }: ExternalLinkProps) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className={className} {...rest}>
      {children}
    </a>
  );
}
