import type { NewsIndex, TopicStat, View } from '../shared/data-folder.ts';
import { FeedLinks } from '../features/feeds/components/feed-links.tsx';
import { SaveOffline } from '../features/offline/components/save-offline.tsx';

type TakeAlongProps = { index: NewsIndex; selected: readonly TopicStat[] | undefined; view: View };

/** The view, taken elsewhere: its feeds for another reader, and its topics saved for offline. */
export function TakeAlong({ index, selected = [], view }: TakeAlongProps) {
  const withFeeds = selected.filter((topic) => topic.published > 0);
  return (
    <>
      <FeedLinks
        topics={withFeeds.map((topic) => topic.name)}
        anyTopicFeeds={index.topicTotal.published > 0}
      />
      {selected.length > 0 && (
        <SaveOffline
          key={selected.map((topic) => topic.id).join()}
          index={index}
          topics={selected}
          view={view}
        />
      )}
    </>
  );
}
