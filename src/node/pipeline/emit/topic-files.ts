import type { Article } from '../../../shared/article-schema.ts';
import {
  dataPath,
  topicsShown,
  type NewsIndex,
  type TopicKeys,
  type TopicStat,
  type View,
} from '../../../shared/data-folder.ts';
import { encodeKeyList } from '../../../shared/ranks.ts';
import { topicKey } from '../../../shared/topics.ts';
import type { DataFile } from './data-file.ts';
import { keysOfRanks } from './keys.ts';
import { storyCounts, type StoryLookup } from './story-files.ts';

/** A topic's name and counts of articles, as its articles alone give them (the stories aside). */
type TopicCounts = Omit<TopicStat, 'storyCount'>;

/** A topic with the ranks of its articles, all and published ones. */
export type Topic = TopicCounts & { ranks: number[]; publishedRanks: number[] };

/**
 * Every topic of the feed (told apart case-insensitively, named by its first spelling), commonest
 * first: the order gives each topic its id. Read from the articles' topics and publication alone.
 */
export function topicsOf(articles: readonly Article[]): Topic[] {
  const byKey = new Map<string, Topic>();
  articles.forEach((article, rank) => {
    for (const name of article.topics) {
      const key = topicKey(name);
      const topic = byKey.get(key) ?? { id: 0, name, published: 0, all: 0, ranks: [], publishedRanks: [] };
      byKey.set(key, topic);
      topic.all += 1;
      topic.ranks.push(rank);
      if (article.published) {
        topic.published += 1;
        topic.publishedRanks.push(rank);
      }
    }
  });
  const topics = [...byKey.values()].sort(byCount('all'));
  topics.forEach((topic, id) => {
    topic.id = id;
  });
  return topics;
}

/** Each topic as the index and `topics.json` list it: with the stories its articles make. */
export const topicStats = (topics: readonly Topic[], stories: StoryLookup): TopicStat[] =>
  topics.map(({ id, name, published, all, ranks, publishedRanks }) => ({
    ...{ id, name, published, all },
    storyCount: storyCounts(stories, ranks, publishedRanks),
  }));

const byCount = (view: View) => (x: TopicCounts, y: TopicCounts) =>
  y[view] - x[view] || x.name.localeCompare(y.name, 'en');

/** The index's part of the topics: the commonest of each view, and how many there are. */
export function topicIndex(topics: readonly TopicStat[]): Pick<NewsIndex, 'topics' | 'topicTotal'> {
  const published = topics.filter((topic) => topic.published > 0);
  const shown = new Set([
    ...[...published].sort(byCount('published')).slice(0, topicsShown),
    ...topics.slice(0, topicsShown),
  ]);
  return {
    topics: topics.filter((topic) => shown.has(topic)),
    topicTotal: { published: published.length, all: topics.length },
  };
}

/** `topics.json`: every topic. */
export const topicsFile = (topics: readonly TopicStat[]): DataFile => ({
  path: dataPath.topics,
  data: topics,
});

/**
 * Each topic's keys (`t/<id>/keys.json`): a topic's feed reads its cards from the full feed's
 * pages, where each card is stored once.
 */
export function topicKeyFiles(topics: readonly Topic[], articleCount: number): DataFile[] {
  return topics.map((topic) => {
    const keys: TopicKeys = {
      published: encodeKeyList(keysOfRanks(topic.publishedRanks, articleCount)),
      all: encodeKeyList(keysOfRanks(topic.ranks, articleCount)),
    };
    return { path: dataPath.topicKeys(topic.id), data: keys };
  });
}
