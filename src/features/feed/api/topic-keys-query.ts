import { dataPath, type NewsIndex, type TopicKeys } from '../../../shared/data-folder.ts';
import { dataFileQuery } from '../../../lib/data-file.ts';

/** One topic's keys (`t/<id>/keys.json`), published and all: unions of topics and `topic:` read them. */
export const topicKeysQuery = (index: NewsIndex, topic: number) =>
  dataFileQuery<TopicKeys>(index, dataPath.topicKeys(topic));
