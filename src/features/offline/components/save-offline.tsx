import { useState } from 'react';
import type { NewsIndex, TopicStat, View } from '../../../shared/data-folder.ts';
import { pluralize } from '../../../lib/plural.ts';
import { forgetTopics, keepTopics, useKeptTopics } from '../api/kept-topics.ts';
import { useSaveTopicOffline, type SaveProgress } from '../api/save-topic.ts';

type SaveOfflineProps = { index: NewsIndex; topics: readonly TopicStat[]; view: View };

/**
 * "Save for offline": fetches the chosen topics' articles ahead, with their related coverage, so
 * that they can be read without a network (the service worker keeps them), and keeps them: the
 * page saves them again from each new archive it opens (see useRefreshKeptTopics), until the
 * reader stops it.
 */
export function SaveOffline({ index, topics, view }: SaveOfflineProps) {
  const [progress, setProgress] = useState<SaveProgress>();
  const save = useSaveTopicOffline(index, setProgress);
  const kept = useKeptTopics();
  const names = topics.map((topic) => topic.name);
  const listed = names.join(', ');
  const allKept = names.every((name) => kept.names.includes(name));
  const these = topics.length > 1 ? 'these topics' : 'this topic';
  const saveAll = async () => {
    for (const topic of topics) await save.mutateAsync(topic);
    keepTopics(names, index);
  };
  const message = save.isPending
    ? `Saving ${listed}… ${progress ? `${progress.done} of ${progress.total} files` : ''}`
    : save.isError
      ? `Could not save ${listed} for offline. ${save.error.message}`
      : save.isSuccess
        ? `Saved ${listed} for offline reading: ${pluralize(
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
        Save {these} for offline
      </button>
      {allKept && (
        <>
          <p className="marks-note">Kept on this device, and saved again with each new edition.</p>
          <button type="button" className="link-button" onClick={() => forgetTopics(names)}>
            Stop keeping {these} offline
          </button>
        </>
      )}
      <p aria-live="polite" className="marks-note">
        {message}
      </p>
    </section>
  );
}
