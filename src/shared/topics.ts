/**
 * How topics are told apart: case-insensitively, in English. English has no casing rules of its
 * own, so this is the plain Unicode lower case (a test holds the two equal), which is many times
 * faster than asking for the locale: topic chips ask for it on every change of filter.
 */
export const topicKey = (topic: string): string => topic.toLowerCase();

export function isTopicSelected(selected: readonly string[], topic: string): boolean {
  return selected.some((name) => topicKey(name) === topicKey(topic));
}

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
