import { useId } from 'react';

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
      <ul className="search-hints" aria-live="polite" aria-label="Search hints">
        {hints.map((hint) => (
          <li key={hint}>{hint}</li>
        ))}
      </ul>
      <details className="search-syntax">
        <summary>Search syntax</summary>
        <dl>
          <dt>
            <code>robot vis</code>
          </dt>
          <dd>every word starts a word of the title, excerpt, source or topics</dd>
          <dt>
            <code>"exact phrase"</code>
          </dt>
          <dd>those words in a row in the title</dd>
          <dt>
            <code>-word</code>
          </dt>
          <dd>without it (also before an operator or a phrase)</dd>
          <dt>
            <code>chip OR drone</code>
          </dt>
          <dd>either</dd>
          <dt>
            <code>topic:"Computer Vision"</code>, <code>provider:venturebeat</code>, <code>type:video</code>
          </dt>
          <dd>a topic, a source (its name or domain), a type</dd>
          <dt>
            <code>after:2021-03-01</code>, <code>before:2021-03-05</code>, <code>date:2021-03/2021-04</code>
          </dt>
          <dd>published on or after, before, within (a year, month or day)</dd>
        </dl>
      </details>
    </search>
  );
}
