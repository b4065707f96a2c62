import { topicKey } from './feed-data.ts';

/** Trims topic names, drops empty ones and keeps the first spelling of case-insensitive repeats. */
export function cleanTopics(values: readonly unknown[]): string[] {
  const seen = new Set<string>();
  const topics: string[] = [];
  for (const value of values) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const name = String(value).trim().replace(/\s+/g, ' ');
    const key = topicKey(name);
    if (name === '' || seen.has(key)) continue;
    seen.add(key);
    topics.push(name);
  }
  return topics;
}
