import { useRef, useState } from 'react';
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
  // Whether the reader just stopped keeping them: said, with the focus back on the save button.
  const [stopped, setStopped] = useState(false);
  const saveButton = useRef<HTMLButtonElement>(null);
  const names = topics.map((topic) => topic.name);
  const listed = names.join(', ');
  const allKept = names.every((name) => kept.names.includes(name));
  const these = topics.length > 1 ? 'these topics' : 'this topic';
  const saveAll = async () => {
    setStopped(false);
    for (const topic of topics) await save.mutateAsync(topic);
    keepTopics(names, index);
  };
  const stop = () => {
    forgetTopics(names);
    setStopped(true);
    saveButton.current?.focus();
  };
  const message = stopped
    ? `${listed} no longer kept on this device; what was saved stays until it expires.`
    : save.isPending
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
        ref={saveButton}
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
          <button type="button" className="link-button" onClick={stop}>
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
