import {
  cardOf,
  dataPath,
  type DataPage,
  type DayKeys,
  type NewsIndex,
  type ProviderKeys,
  type SearchBase,
  type SearchShard,
  type TopicKeys,
  type TopicStat,
} from './data-folder.ts';
import { searchShardKey, searchTokens, searchWords } from './search-words.ts';
import { flaggedRanks, flagsFromBits, intersectFlags, rankFlags, type KeyList } from './ranks.ts';
import { isMissing, type Missing, type Peek } from './feed-stream.ts';
import { periodEnd, periodStart, type SearchClause, type SearchTerm } from './search-query.ts';
import { topicKey } from './topics.ts';

/**
 * The search index, loaded on first use (this module is its own chunk): a base file saying which
 * articles are published and which shards exist, then one shard per two-letter word start.
 * Shards stay in the query cache, so each keystroke after the first two letters is computation only.
 */

const decodedBases = new WeakMap<SearchBase, { size: number; published: Uint8Array; shards: Set<string> }>();

/**
 * The search base, decoded once per file read and archive size: an unchanged file is shared by
 * builds of other sizes (the dev server's, after an edit), whose ranks differ.
 */
function decodedBase(index: NewsIndex, raw: SearchBase) {
  const size = index.count.all;
  let decoded = decodedBases.get(raw);
  if (decoded?.size !== size) {
    decoded = { size, published: flagsFromBits(raw.published, size), shards: new Set(raw.shards) };
    decodedBases.set(raw, decoded);
  }
  return decoded;
}

/** The shards of every word starting with `initial` (one character), by the search base. */
export function shardsStarting(raw: SearchBase, initial: string): string[] {
  const prefix = `${searchShardKey(initial)}-`;
  return raw.shards.filter((key) => key.startsWith(prefix)).map((key) => dataPath.searchShard(key));
}

export type SearchFlags = { matching: Uint8Array; published: Uint8Array };

/**
 * Flags over every rank: set when the article has, for each of `words`, a word starting with it
 * (in its title, excerpt, provider or topics). Also returns the published flags. Synchronous over
 * the files at hand; names the ones it lacks (see readAll in src/shared/feed-stream.ts).
 */
export function searchFlagsNow(
  index: NewsIndex,
  words: readonly string[],
  peek: Peek<unknown>,
): SearchFlags | Missing {
  const raw = peek(dataPath.searchBase) as SearchBase | undefined;
  if (!raw) return { missing: [dataPath.searchBase, dataPath.searchTail] };
  const { published, shards } = decodedBase(index, raw);
  const files = [
    dataPath.searchTail,
    ...[...new Set(words.map(searchShardKey))].filter((key) => shards.has(key)).map(dataPath.searchShard),
  ];
  const missing = files.filter((file) => peek(file) === undefined);
  if (missing.length > 0) return { missing };

  const size = index.count.all;
  const tail = peek(dataPath.searchTail) as SearchShard;
  let matching: Uint8Array | undefined;
  for (const word of words) {
    const key = searchShardKey(word);
    const shard = shards.has(key) ? (peek(dataPath.searchShard(key)) as SearchShard) : {};
    // The word's keys in the shards, and those of the newest articles, not yet in them.
    const postings = [...Object.entries(shard), ...Object.entries(tail)]
      .filter(([term]) => term.startsWith(word))
      .map(([, keys]) => keys);
    const flags = rankFlags(size, postings);
    matching = matching ? intersectFlags(matching, flags) : flags;
  }
  return { matching: matching ?? new Uint8Array(size).fill(1), published };
}

/** Flags over every rank for a whole query (see search-query.ts), and what it could not find. */
export type QueryFlags = SearchFlags & { hints: string[] };

/** A phrase with more candidates than this is searched as its words: checking titles would read too many files. */
export const phraseCandidates = 240;

/**
 * The articles a query matches: every clause must hold, a clause holds when any of its terms does,
 * and an excluded one when none does. Synchronous over the files at hand, like searchFlagsNow.
 */
export function queryFlagsNow(
  index: NewsIndex,
  clauses: readonly SearchClause[],
  peek: Peek<unknown>,
): QueryFlags | Missing {
  const size = index.count.all;
  const hints: string[] = [];
  const missing = new Set<string>();
  /** A file at hand, else undefined, noting it as missing. */
  const need = (file: string): unknown => {
    const value = peek(file);
    if (value === undefined) missing.add(file);
    return value;
  };
  const wordFlags = (words: readonly string[]) => {
    const found = searchFlagsNow(index, words, peek);
    if (!isMissing(found)) return found;
    for (const file of found.missing) missing.add(file);
    return undefined;
  };
  const termFlags = ({ field, value }: SearchTerm): Uint8Array | undefined => {
    if (field === 'words') return wordFlags(searchWords(value))?.matching;
    if (field === 'phrase')
      return phraseFlags(index, value, wordFlags(searchWords(value))?.matching, need, hints);
    if (field === 'topic') {
      const topic = (need(dataPath.topics) as TopicStat[] | undefined)?.find(
        (stat) => topicKey(stat.name) === topicKey(value),
      );
      if (!topic)
        return missing.has(dataPath.topics)
          ? undefined
          : nothing(size, hints, `No topic is called “${value}”`);
      const ranks = need(dataPath.topicKeys(topic.id)) as TopicKeys | undefined;
      return ranks && rankFlags(size, [ranks.all]);
    }
    if (field === 'provider') {
      const providers = need(dataPath.providers) as ProviderKeys | undefined;
      if (!providers) return undefined;
      const wanted = outletKey(value);
      const lists = providers
        .filter(
          ({ name, domain }) =>
            outletKey(name).includes(wanted) || outletKey(domain ?? '').startsWith(wanted),
        )
        .map(({ keys }) => keys);
      return lists.length > 0
        ? rankFlags(size, lists)
        : nothing(size, hints, `No source is called “${value}”`);
    }
    if (field === 'type') {
      const types = need(dataPath.types) as Record<string, KeyList> | undefined;
      if (!types) return undefined;
      const list = Object.hasOwn(types, value.toLowerCase()) ? types[value.toLowerCase()] : undefined;
      return list ? rankFlags(size, [list]) : nothing(size, hints, `No article is of type “${value}”`);
    }
    const days = need(dataPath.days) as DayKeys | undefined;
    return days && rangeFlags(size, dateRanks(field, value, days, size));
  };
  const raw = need(dataPath.searchBase) as SearchBase | undefined;
  const matching = new Uint8Array(size).fill(1);
  for (const { negated, terms } of clauses) {
    const flags = terms.map(termFlags);
    if (flags.some((each) => each === undefined)) continue;
    const any = new Uint8Array(size);
    for (const each of flags as Uint8Array[])
      for (let rank = 0; rank < size; rank += 1) if (each[rank]) any[rank] = 1;
    if (negated) for (let rank = 0; rank < size; rank += 1) any[rank] = any[rank] ? 0 : 1;
    intersectFlags(matching, any);
  }
  if (missing.size > 0 || !raw) return { missing: [...missing] };
  return { matching, published: decodedBase(index, raw).published, hints };
}

const outletKey = (name: string) => searchTokens(name).join('');

function nothing(size: number, hints: string[], hint: string): Uint8Array {
  hints.push(hint);
  return new Uint8Array(size);
}

/** The candidates (articles with the phrase's words) whose title has the words in a row. */
function phraseFlags(
  index: NewsIndex,
  phrase: string,
  candidates: Uint8Array | undefined,
  need: (file: string) => unknown,
  hints: string[],
): Uint8Array | undefined {
  if (!candidates) return undefined;
  const ranks = flaggedRanks(candidates);
  if (ranks.length > phraseCandidates) {
    hints.push(`“${phrase}” is in too many articles to check as a phrase: its words were searched`);
    return candidates;
  }
  const wanted = ` ${searchTokens(phrase).join(' ')} `;
  const flags = new Uint8Array(index.count.all);
  let complete = true;
  for (const rank of ranks) {
    const { page: number, slot } = cardOf(rank, index);
    const page = need(dataPath.page(number)) as DataPage | undefined;
    if (!page) complete = false;
    const title = page?.articles[slot]?.title ?? '';
    if (` ${searchTokens(title).join(' ')} `.includes(wanted)) flags[rank] = 1;
  }
  return complete ? flags : undefined;
}

/**
 * How many articles were published on or after `day`: ranks `[0, that)` (keys follow time, oldest
 * first, and `days` says each day's first key).
 */
function ranksSince(day: string, days: DayKeys, size: number): number {
  const first = days.find(([each]) => each >= day)?.[1];
  return first === undefined ? 0 : size - first;
}

/** The ranks `[from, to)` of a date operator. */
function dateRanks(field: string, value: string, days: DayKeys, size: number): [number, number] {
  if (field === 'after') return [0, ranksSince(periodStart(value), days, size)];
  if (field === 'before') return [ranksSince(periodStart(value), days, size), size];
  const [from = '', to = from] = value.split('/');
  return [
    to ? ranksSince(periodEnd(to), days, size) : 0,
    from ? ranksSince(periodStart(from), days, size) : size,
  ];
}

function rangeFlags(size: number, [from, to]: [number, number]): Uint8Array {
  const flags = new Uint8Array(size);
  flags.fill(1, from, Math.max(from, to));
  return flags;
}
