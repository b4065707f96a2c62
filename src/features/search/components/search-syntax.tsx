/** The search language (see src/shared/search-query.ts), as the reader needs it. */
export function SearchSyntax() {
  return (
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
  );
}
