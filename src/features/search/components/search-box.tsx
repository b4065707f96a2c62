import { useId } from 'react';

type SearchBoxProps = {
  query: string;
  onChange: (query: string) => void;
};

/**
 * Search as you type over titles, excerpts, providers and topics; every word must match the start
 * of a word in the article. The index loads with the first search, not with the page.
 */
export function SearchBox({ query, onChange }: SearchBoxProps) {
  const id = useId();
  return (
    <search className="search">
      <label htmlFor={id} className="search-label">
        Search articles
      </label>
      <input
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
    </search>
  );
}
