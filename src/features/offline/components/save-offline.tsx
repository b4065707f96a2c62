import { useState } from 'react';
import type { NewsIndex, TopicStat, View } from '../../../shared/data-folder.ts';
import { pluralize } from '../../../lib/plural.ts';
import { useSaveTopicOffline, type SaveProgress } from '../api/save-topic.ts';

type SaveOfflineProps = { index: NewsIndex; topics: readonly TopicStat[]; view: View };

/**
 * "Save for offline": fetches the chosen topics' articles ahead, with their related coverage, so
 * that they can be read without a network (the service worker keeps them).
 */
export function SaveOffline({ index, topics, view }: SaveOfflineProps) {
  const [progress, setProgress] = useState<SaveProgress>();
  const save = useSaveTopicOffline(index, setProgress);
  const names = topics.map((topic) => topic.name).join(', ');
  const saveAll = async () => {
    for (const topic of topics) await save.mutateAsync(topic);
  };
  const message = save.isPending
    ? `Saving ${names}… ${progress ? `${progress.done} of ${progress.total} files` : ''}`
    : save.isError
      ? `Could not save ${names} for offline. ${save.error.message}`
      : save.isSuccess
        ? `Saved ${names} for offline reading: ${pluralize(
            topics.reduce((sum, topic) => sum + topic[view], 0),
            'article',
          )}.`
        : '';
  return (
    <section className="save-offline" aria-label="Offline">
      <button
        type="button"
        className="link-button"
        disabled={save.isPending}
        onClick={() => void saveAll().catch(() => undefined)}
      >
        Save {topics.length > 1 ? 'these topics' : 'this topic'} for offline
      </button>
      <p aria-live="polite" className="marks-note">
        {message}
      </p>
    </section>
  );
}
