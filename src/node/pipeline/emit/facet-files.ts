import type { Article } from '../../../shared/article-schema.ts';
import { dataPath, type DayKeys, type ProviderKeys } from '../../../shared/data-folder.ts';
import { encodeKeyList, type KeyList } from '../../../shared/ranks.ts';
import { hostOf, outletOf } from '../../../shared/story-ranks.ts';
import type { DataFile } from './data-file.ts';
import { byKey } from './keys.ts';

/**
 * What the search operators read (see search-query.ts): `types.json` (each type's keys),
 * `providers.json` (each outlet with its keys) and `days.json` (the first key of each day: keys
 * follow time, so a date range is a range of keys).
 */
export function facetFiles(articles: readonly Article[]): DataFile[] {
  const byType = new Map<string, number[]>();
  const byProvider = new Map<string, { name: string; domain?: string; host: string; keys: number[] }>();
  const days: DayKeys = [];
  // Oldest first, so that every list of keys ascends and a newer article appends to it.
  byKey(articles).forEach((article, key) => {
    const typed = byType.get(article.type) ?? [];
    typed.push(key);
    byType.set(article.type, typed);
    const name = outletOf(article);
    const outlet = byProvider.get(name.toLowerCase()) ?? { name, host: hostOf(article.url), keys: [] };
    // The outlet's own domain, whichever of its articles says it; else its first source's host.
    outlet.domain ??= article.provider?.domain;
    outlet.keys.push(key);
    byProvider.set(name.toLowerCase(), outlet);
    const day = article.publishedAt.slice(0, 10);
    if (days.at(-1)?.[0] !== day) days.push([day, key]);
  });
  const types: Record<string, KeyList> = Object.fromEntries(
    [...byType].map(([type, keys]) => [type, encodeKeyList(keys)]),
  );
  const providers: ProviderKeys = [...byProvider.values()].map(({ name, domain, host, keys }) => ({
    name,
    domain: domain ?? host,
    keys: encodeKeyList(keys),
  }));
  return [
    { path: dataPath.types, data: types },
    { path: dataPath.providers, data: providers },
    { path: dataPath.days, data: days },
  ];
}
