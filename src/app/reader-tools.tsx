import { lazy, Suspense, type ComponentProps } from 'react';
import type { NewsIndex, TopicStat, View } from '../shared/data-folder.ts';
import { MarksTransfer } from '../features/marks/components/marks-transfer.tsx';
import { useRefreshKeptTopics } from '../features/offline/api/kept-topics.ts';
import { KeyboardShortcuts } from './keyboard-shortcuts.tsx';
import { TakeAlong } from './take-along.tsx';

// The service worker, registered once the first cards are up, and never by a dev server.
const UpdatePrompt = lazy(() => import('../features/offline/components/update-prompt.tsx'));

type ReaderToolsProps = ComponentProps<typeof KeyboardShortcuts> & {
  index: NewsIndex;
  selected: readonly TopicStat[] | undefined;
  view: View;
};

/**
 * What the reader does besides reading: feeds and offline reading (the topics kept offline are
 * saved again from a new archive), the keyboard, the export of marks. Beside the feed on wide
 * screens, after it on phones (see ReaderPage).
 */
export function ReaderTools({ index, selected, view, ...keyboard }: ReaderToolsProps) {
  useRefreshKeptTopics(index, keyboard.load);
  return (
    <>
      <TakeAlong index={index} selected={selected} view={view} />
      <Suspense>{import.meta.env.PROD && keyboard.load && <UpdatePrompt />}</Suspense>
      <KeyboardShortcuts {...keyboard} />
      <MarksTransfer />
    </>
  );
}
