import { searchTokens, searchWords } from '../shared/search-words.ts';

/**
 * The search box's language, in the tradition of Gmail and FreshRSS: words (each must start a
 * word of the article), `"exact phrase"` (in titles), `-` before any term to exclude it, `OR`
 * between terms, and operators `topic:`, `provider:`, `type:`, `after:`, `before:` and `date:`
 * (`2021`, `2021-03`, `2021-03-04`, or a range `2021-03/2021-04`). What cannot be read (an unknown
 * operator, a bad date) is left out with a hint; the rest applies. Pure: no I/O.
 */

export const searchFields = ['topic', 'provider', 'type', 'after', 'before', 'date'] as const;
export type SearchField = (typeof searchFields)[number];

/** One condition: words, a phrase, or an operator and its value. */
export type SearchTerm = { field: 'words' | 'phrase' | SearchField; value: string };
/** Terms joined by OR, or one term; `negated` (one term only) excludes what it matches. */
export type SearchClause = { negated: boolean; terms: SearchTerm[] };
/** Clauses that must all hold, and what could not be read. */
export type SearchQuery = { clauses: SearchClause[]; hints: string[] };

/** A whole token: runs of characters and quoted parts (an unclosed quote runs to the end). */
const tokenPattern = /(?:[^\s"]+|"[^"]*"?)+/g;
const dayPattern = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/** The first day of a year, month or day (`2021-03` → `2021-03-01`). */
export const periodStart = (date: string): string => `${date}${'-01'.repeat((10 - date.length) / 3)}`;

/** The day after a year, month or day (`2021` → `2022-01-01`). */
export function periodEnd(date: string): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const next =
    date.length === 4
      ? Date.UTC(year + 1, 0, 1)
      : date.length === 7
        ? Date.UTC(year, month, 1)
        : Date.UTC(year, month - 1, day + 1);
  return new Date(next).toISOString().slice(0, 10);
}

/** A date of `after:`, `before:` or `date:` as written (year, month or day), if it is one. */
export function isSearchDate(value: string): boolean {
  if (!dayPattern.test(value)) return false;
  // A day that exists: Date reads 2021-02-30 as March the 2nd, so it must come back the same.
  const date = new Date(`${periodStart(value)}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function dateProblem(field: SearchField, value: string): string | undefined {
  const dates = field === 'date' ? value.split('/') : [value];
  if (dates.length > 2 || dates.every((date) => date === '')) return `“${field}:${value}” is not a date`;
  const bad = dates.find((date) => date !== '' && !isSearchDate(date));
  return bad === undefined ? undefined : `“${bad}” is not a date (2021, 2021-03 or 2021-03-04)`;
}

/** One token as a term, or why it cannot be read. */
function termOf(token: string): SearchTerm | { hint: string } | undefined {
  const operator = /^([A-Za-z]+):(.*)$/.exec(token);
  if (operator) {
    const field = (operator[1] ?? '').toLowerCase();
    const value = (operator[2] ?? '').replaceAll('"', '').trim();
    const known = searchFields.find((name) => name === field);
    if (!known)
      return { hint: `“${field}:” is not an operator (${searchFields.map((f) => `${f}:`).join(', ')})` };
    if (value === '') return { hint: `“${field}:” needs a value` };
    const problem = ['after', 'before', 'date'].includes(known) ? dateProblem(known, value) : undefined;
    return problem ? { hint: problem } : { field: known, value };
  }
  const value = token.replaceAll('"', '').replace(/\s+/g, ' ').trim();
  if (searchWords(value).length === 0) return undefined;
  // Quotes anywhere make a phrase: `ab"c d"` is the phrase "abc d".
  return token.includes('"') ? { field: 'phrase', value } : { field: 'words', value };
}

export function parseSearchQuery(text: string): SearchQuery {
  const clauses: SearchClause[] = [];
  const hints: string[] = [];
  let joinNext = false;
  for (const token of text.match(tokenPattern) ?? []) {
    if (token === 'OR') {
      joinNext = clauses.length > 0;
      continue;
    }
    const negated = token.length > 1 && token.startsWith('-');
    const term = termOf(negated ? token.slice(1) : token);
    if (!term) continue;
    if ('hint' in term) {
      hints.push(term.hint);
      continue;
    }
    const previous = clauses.at(-1);
    // OR joins terms that include: an exclusion stands as its own clause (`a OR -b` is `a -b`).
    if (joinNext && previous && !previous.negated && !negated) previous.terms.push(term);
    else clauses.push({ negated, terms: [term] });
    joinNext = false;
  }
  return { clauses, hints };
}

/** The query written back as text: parsing it gives the same clauses. */
export function formatSearchQuery({ clauses }: Pick<SearchQuery, 'clauses'>): string {
  const write = ({ field, value }: SearchTerm) => {
    if (field === 'phrase') return `"${value}"`;
    const quoted = /\s/.test(value) ? `"${value}"` : value;
    return field === 'words' ? value : `${field}:${quoted}`;
  };
  return clauses
    .map(({ negated, terms }) => terms.map((term) => `${negated ? '-' : ''}${write(term)}`).join(' OR '))
    .join(' ');
}

/** What matching an article one by one reads of it (a saved copy has it). */
export type Searchable = {
  title: string;
  excerpt?: string;
  provider?: { name: string; domain?: string };
  topics: readonly string[];
  type: string;
  publishedAt: string;
};

/** Whether one article matches the clauses, as the index would find it (for the Saved view's copies). */
export function matchesQuery(article: Searchable, clauses: readonly SearchClause[]): boolean {
  const tokens = searchTokens(
    [article.title, article.excerpt, article.provider?.name, ...article.topics].join(' '),
  );
  const day = article.publishedAt.slice(0, 10);
  const holds = ({ field, value }: SearchTerm): boolean => {
    if (field === 'words')
      return searchWords(value).every((word) => tokens.some((token) => token.startsWith(word)));
    if (field === 'phrase')
      return ` ${searchTokens(article.title).join(' ')} `.includes(` ${searchTokens(value).join(' ')} `);
    if (field === 'topic') return article.topics.some((topic) => topic.toLowerCase() === value.toLowerCase());
    if (field === 'provider') {
      const wanted = searchTokens(value).join('');
      return (
        searchTokens(article.provider?.name ?? '')
          .join('')
          .includes(wanted) ||
        searchTokens(article.provider?.domain ?? '')
          .join('')
          .startsWith(wanted)
      );
    }
    if (field === 'type') return article.type.toLowerCase() === value.toLowerCase();
    if (field === 'after') return day >= periodStart(value);
    if (field === 'before') return day < periodStart(value);
    const [from = '', to = from] = value.split('/');
    return (from === '' || day >= periodStart(from)) && (to === '' || day < periodEnd(to));
  };
  return clauses.every(({ negated, terms }) => terms.some(holds) !== negated);
}
