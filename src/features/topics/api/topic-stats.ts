import { useQuery } from '@tanstack/react-query';
import {
  dataPath,
  topicsShown,
  type NewsIndex,
  type TopicStat,
  type View,
} from '../../../shared/data-folder.ts';
import { topicKey } from '../../../shared/topics.ts';
import { dataFileQuery } from '../../../lib/data-file.ts';

export type TopicChoices = {
  /** The topics to offer in `view`, most common first, the chosen ones always among them. */
  offered: TopicStat[];
  /** The chosen topics resolved to their ids and counts; undefined while the full list loads. */
  selected: TopicStat[] | undefined;
  /** More topics exist than are offered. */
  more: boolean;
  loadingAll: boolean;
};

/**
 * The topics of the sidebar. The index carries the commonest ones; the full list (`topics.json`)
 * is fetched only when the reader asks for every topic or a URL names one the index lacks.
 */
export function useTopicChoices(
  index: NewsIndex,
  view: View,
  chosen: readonly string[],
  showAll: boolean,
): TopicChoices {
  const known = new Map(index.topics.map((topic) => [topicKey(topic.name), topic]));
  const needAll = showAll || chosen.some((name) => !known.has(topicKey(name)));
  const all = useQuery({ ...dataFileQuery<TopicStat[]>(index, dataPath.topics), enabled: needAll });
  const pool = needAll && all.data ? all.data : index.topics;
  const byKey = new Map(pool.map((topic) => [topicKey(topic.name), topic]));
  const selected =
    needAll && !all.data && !all.isError
      ? undefined
      : chosen.map((name) => byKey.get(topicKey(name)) ?? unknownTopic(name));
  const chosenKeys = new Set(chosen.map(topicKey));
  const inView = pool
    .filter((topic) => topic[view] > 0 || chosenKeys.has(topicKey(topic.name)))
    .sort((x, y) => y[view] - x[view] || x.name.localeCompare(y.name, 'en'));
  const limited = showAll
    ? inView
    : inView.filter((topic, i) => i < topicsShown || chosenKeys.has(topicKey(topic.name)));
  const offered = [...limited, ...(selected ?? []).filter((topic) => topic.id < 0)];
  return {
    offered,
    selected,
    more: !showAll && index.topicTotal[view] > limited.length,
    loadingAll: needAll && all.isPending,
  };
}

/** A topic a URL names that the archive does not have: it matches nothing. */
const unknownTopic = (name: string): TopicStat => ({
  ...{ id: -1, name, published: 0, all: 0 },
  storyCount: { published: 0, all: 0 },
});
