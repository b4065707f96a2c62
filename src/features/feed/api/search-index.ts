import type { QueryClient } from '@tanstack/react-query';
import { dataPath, type DayKeys, type NewsIndex, type TopicStat } from '../../../shared/data-folder.ts';
import { searchShardKey, searchTokens, searchWords } from '../../../shared/search-words.ts';
import { flaggedRanks, intersectFlags, rankFlags } from '../../../shared/ranks.ts';
import { periodEnd, periodStart, type SearchClause, type SearchTerm } from '../../../lib/search-query.ts';
import { topicKey } from '../../../shared/topics.ts';
import { dataFileQuery } from '../../../lib/data-file.ts';
import { readCards } from './page-query.ts';
import {
  daysQuery,
  providersQuery,
  searchBaseQuery,
  searchShardQuery,
  searchTailQuery,
  typesQuery,
} from './search-files.ts';
import { topicKeysQuery } from './topic-keys-query.ts';

/**
 * Searching the index (this module is its own chunk, loaded with the first search). A search is
 * the feed's filter: the feed's selection reads it, so it lives in the feed's feature.
 */

/** A term's matches as flags over every rank, and what it could not find. */
type Found = { flags: Uint8Array; hints: string[] };

/**
 * Flags over every rank: set when the article has, for each of `words`, a word starting with it
 * (in its title, excerpt, provider or topics), in the shards or in the newest articles' tail.
 */
async function wordFlags(
  client: QueryClient,
  index: NewsIndex,
  words: readonly string[],
): Promise<Uint8Array> {
  const size = index.count.all;
  const [{ shards }, tail] = await Promise.all([
    client.query(searchBaseQuery(index)),
    client.query(searchTailQuery(index)),
  ]);
  const keys = [...new Set(words.map(searchShardKey))].filter((key) => shards.has(key));
  const read = await Promise.all(keys.map((key) => client.query(searchShardQuery(index, key))));
  const byKey = new Map(keys.map((key, i) => [key, read[i] ?? {}]));
  let matching: Uint8Array | undefined;
  for (const word of words) {
    const shard = byKey.get(searchShardKey(word)) ?? {};
    // The word's keys in the shards, and those of the newest articles, not yet in them.
    const postings = [...Object.entries(shard), ...Object.entries(tail)]
      .filter(([term]) => term.startsWith(word))
      .map(([, keys]) => keys);
    const flags = rankFlags(size, postings);
    matching = matching ? intersectFlags(matching, flags) : flags;
  }
  return matching ?? new Uint8Array(size).fill(1);
}

/** Flags over every rank for a whole query (see search-query.ts), and what it could not find. */
export type QueryFlags = { matching: Uint8Array; published: Uint8Array; hints: string[] };

/** A phrase with more candidates than this is searched as its words: checking titles would read too many files. */
export const phraseCandidates = 240;

/**
 * The articles a query matches: every clause must hold, a clause holds when any of its terms does,
 * and an excluded one when none does. Every file is fetched side by side, each once.
 */
export async function queryFlags(
  client: QueryClient,
  index: NewsIndex,
  clauses: readonly SearchClause[],
): Promise<QueryFlags> {
  const size = index.count.all;
  const [base, found] = await Promise.all([
    client.query(searchBaseQuery(index)),
    Promise.all(clauses.map(({ terms }) => Promise.all(terms.map((term) => termFlags(client, index, term))))),
  ]);
  const matching = new Uint8Array(size).fill(1);
  clauses.forEach(({ negated }, i) => {
    const any = new Uint8Array(size);
    for (const { flags } of found[i] ?? [])
      for (let rank = 0; rank < size; rank += 1) if (flags[rank]) any[rank] = 1;
    if (negated) for (let rank = 0; rank < size; rank += 1) any[rank] = any[rank] ? 0 : 1;
    intersectFlags(matching, any);
  });
  const hints = found.flatMap((terms) => terms.flatMap((term) => term.hints));
  return { matching, published: base.published, hints };
}

async function termFlags(
  client: QueryClient,
  index: NewsIndex,
  { field, value }: SearchTerm,
): Promise<Found> {
  const size = index.count.all;
  const some = (flags: Uint8Array): Found => ({ flags, hints: [] });
  const none = (hint: string): Found => ({ flags: new Uint8Array(size), hints: [hint] });
  if (field === 'words') return some(await wordFlags(client, index, searchWords(value)));
  if (field === 'phrase') return phraseFlags(client, index, value);
  if (field === 'topic') {
    const topics = await client.query(dataFileQuery<TopicStat[]>(index, dataPath.topics));
    const topic = topics.find((stat) => topicKey(stat.name) === topicKey(value));
    if (!topic) return none(`No topic is called “${value}”`);
    const keys = await client.query(topicKeysQuery(index, topic.id));
    return some(rankFlags(size, [keys.all]));
  }
  if (field === 'provider') {
    const providers = await client.query(providersQuery(index));
    const wanted = outletKey(value);
    const lists = providers
      .filter(
        ({ name, domain }) => outletKey(name).includes(wanted) || outletKey(domain ?? '').startsWith(wanted),
      )
      .map(({ keys }) => keys);
    return lists.length > 0 ? some(rankFlags(size, lists)) : none(`No source is called “${value}”`);
  }
  if (field === 'type') {
    const types = await client.query(typesQuery(index));
    const list = Object.hasOwn(types, value.toLowerCase()) ? types[value.toLowerCase()] : undefined;
    return list ? some(rankFlags(size, [list])) : none(`No article is of type “${value}”`);
  }
  const days = await client.query(daysQuery(index));
  return some(rangeFlags(size, dateRanks(field, value, days, size)));
}

const outletKey = (name: string) => searchTokens(name).join('');

/** The candidates (articles with the phrase's words) whose title has the words in a row. */
async function phraseFlags(client: QueryClient, index: NewsIndex, phrase: string): Promise<Found> {
  const candidates = await wordFlags(client, index, searchWords(phrase));
  const ranks = flaggedRanks(candidates);
  if (ranks.length > phraseCandidates) {
    return {
      flags: candidates,
      hints: [`“${phrase}” is in too many articles to check as a phrase: its words were searched`],
    };
  }
  const wanted = ` ${searchTokens(phrase).join(' ')} `;
  const flags = new Uint8Array(index.count.all);
  for (const card of await readCards(client, index, [...ranks])) {
    if (` ${searchTokens(card.title).join(' ')} `.includes(wanted)) flags[card.rank] = 1;
  }
  return { flags, hints: [] };
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
