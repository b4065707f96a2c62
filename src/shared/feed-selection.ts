import type { Article } from './article-schema.ts';

export type TopicCount = { name: string; count: number };

const topicKey = (topic: string) => topic.toLocaleLowerCase('en');

/** Published articles, or all of them when the reader asked for unpublished ones too. */
export function visibleArticles(articles: readonly Article[], showUnpublished: boolean): Article[] {
  return showUnpublished ? [...articles] : articles.filter((article) => article.published);
}

/**
 * Every topic with the number of `articles` that carry it, most common first, then by name.
 * Topics that differ only in case are one topic, shown in their first spelling.
 * `alsoList` adds topics (such as ones chosen in the URL) with a count of 0 when absent.
 */
export function countTopics(articles: readonly Article[], alsoList: readonly string[] = []): TopicCount[] {
  const counts = new Map<string, TopicCount>();
  for (const article of articles) {
    for (const topic of article.topics) {
      const entry = counts.get(topicKey(topic));
      if (entry) entry.count += 1;
      else counts.set(topicKey(topic), { name: topic, count: 1 });
    }
  }
  for (const topic of alsoList) {
    if (!counts.has(topicKey(topic))) counts.set(topicKey(topic), { name: topic, count: 0 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en'));
}

/** Articles carrying any of `topics`; all of them when no topic is chosen. */
export function filterByTopics(articles: readonly Article[], topics: readonly string[]): Article[] {
  if (topics.length === 0) return [...articles];
  const wanted = new Set(topics.map(topicKey));
  return articles.filter((article) => article.topics.some((topic) => wanted.has(topicKey(topic))));
}

export function isTopicSelected(selected: readonly string[], topic: string): boolean {
  return selected.some((name) => topicKey(name) === topicKey(topic));
}

export function countUnpublished(articles: readonly Article[]): number {
  return articles.reduce((count, article) => count + (article.published ? 0 : 1), 0);
}
