import type { Article } from '../../../shared/article-schema.ts';
import { dataPath, type DayRanks, type ProviderRanks } from '../../../shared/data-folder.ts';
import { encodeRankList, type RankList } from '../../../shared/ranks.ts';
import { hostOf, outletOf } from '../../../shared/story-ranks.ts';
import type { DataFile } from './data-file.ts';

/**
 * What the search operators read (see search-query.ts): `types.json` (each type's ranks),
 * `providers.json` (each outlet with its ranks) and `days.json` (the first rank of each day:
 * ranks follow time, so a date range is a range of ranks).
 */
export function facetFiles(articles: readonly Article[]): DataFile[] {
  const size = articles.length;
  const byType = new Map<string, number[]>();
  const byProvider = new Map<string, { name: string; domain?: string; ranks: number[] }>();
  const days: DayRanks = [];
  articles.forEach((article, rank) => {
    const typed = byType.get(article.type) ?? [];
    typed.push(rank);
    byType.set(article.type, typed);
    const name = outletOf(article);
    const outlet = byProvider.get(name.toLowerCase()) ?? {
      name,
      domain: article.provider?.domain ?? hostOf(article.url),
      ranks: [],
    };
    outlet.ranks.push(rank);
    byProvider.set(name.toLowerCase(), outlet);
    const day = article.publishedAt.slice(0, 10);
    if (days.at(-1)?.[0] !== day) days.push([day, rank]);
  });
  const types: Record<string, RankList> = Object.fromEntries(
    [...byType].map(([type, ranks]) => [type, encodeRankList(ranks, size)]),
  );
  const providers: ProviderRanks = [...byProvider.values()].map(({ name, domain, ranks }) => ({
    name,
    ...(domain ? { domain } : {}),
    ranks: encodeRankList(ranks, size),
  }));
  return [
    { path: dataPath.types, data: types },
    { path: dataPath.providers, data: providers },
    { path: dataPath.days, data: days },
  ];
}
