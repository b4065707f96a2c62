import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { useLatestCallback } from '../../../hooks/use-latest-callback.ts';

// The syntax's explanation loads when first opened, not with the page.
const SearchSyntax = lazy(async () => ({ default: (await import('./search-syntax.tsx')).SearchSyntax }));

type SearchBoxProps = {
  query: string;
  onChange: (query: string) => void;
  /** What could not be read or found in the query: shown under the box, never as an error. */
  hints?: readonly string[];
};

/**
 * Search as you type over titles, excerpts, providers and topics, with operators (see
 * search-query.ts) explained one click away. The index loads with the first search, not with the page.
 */
export function SearchBox({ query, onChange, hints = [] }: SearchBoxProps) {
  const id = useId();
  const [syntaxOpen, setSyntaxOpen] = useState(false);
  // The box of a prerendered page takes keystrokes before the app runs: once it does, they count.
  const input = useRef<HTMLInputElement>(null);
  const adoptTyped = useLatestCallback(() => {
    const typed = input.current?.value ?? query;
    if (typed !== query) onChange(typed);
  });
  useEffect(adoptTyped, [adoptTyped]);
  return (
    <search className="search">
      <label htmlFor={id} className="search-label">
        Search articles
      </label>
      <input
        ref={input}
        id={id}
        type="search"
        className="search-input"
        value={query}
        placeholder="Title, source or topic"
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={`${id}-hint`}
      />
      <span id={`${id}-hint`} hidden>
        Results update as you type.
      </span>
      <ul className="search-hints" aria-live="polite" aria-label="Search hints">
        {hints.map((hint) => (
          <li key={hint}>{hint}</li>
        ))}
      </ul>
      <details className="search-syntax" onToggle={(event) => setSyntaxOpen(event.currentTarget.open)}>
        <summary>Search syntax</summary>
        {syntaxOpen && (
          <Suspense fallback={<p>Loading…</p>}>
            <SearchSyntax />
          </Suspense>
        )}
      </details>
    </search>
  );
}
