import { lazy, Suspense, useEffect, useState, type RefObject } from 'react';
import { tinykeys } from 'tinykeys';
import type { ArticleSummary } from '../shared/article-schema.ts';
import { useShortcutSettings } from '../features/keyboard/hooks/use-shortcut-settings.ts';
import { useShortcuts } from '../features/keyboard/hooks/use-shortcuts.ts';
import type { FeedListHandle } from '../features/feed/components/feed-list.tsx';

type ReaderShortcutsProps = {
  list: RefObject<FeedListHandle | null>;
  articles: readonly ArticleSummary[];
  onToggleRelated: (id: string) => void;
  onMark: (article: ArticleSummary, action: 'read' | 'save') => void;
};

// Loaded when first opened, not with the page.
const ShortcutsDialog = lazy(async () => ({
  default: (await import('../features/keyboard/components/shortcuts-dialog.tsx')).ShortcutsDialog,
}));

/** The element of a card, by its index in the feed, when it is in the DOM. */
const cardAt = (index: number | null | undefined) =>
  index === null || index === undefined
    ? null
    : document.querySelector<HTMLElement>(`li[data-index="${index}"] article`);

const clickIn = (card: HTMLElement | null, action: string) =>
  card?.querySelector<HTMLElement>(`[data-card-action="${action}"]`)?.click();

/**
 * The reader's keyboard: the shortcuts acting on the feed and the page, and the button and dialog
 * that list them, turn them off or change their keys.
 */
export function ReaderShortcuts({ list, articles, onToggleRelated, onMark }: ReaderShortcutsProps) {
  const [settings, setSettings] = useShortcutSettings();
  const [helpOpen, setHelpOpen] = useState(false);
  const current = () => list.current?.currentIndex();
  const mark = (action: 'read' | 'save') => {
    const article = articles[current() ?? -1];
    if (article) onMark(article, action);
  };
  useShortcuts(settings, {
    next: () => list.current?.moveFocus(1),
    previous: () => list.current?.moveFocus(-1),
    open: () => clickIn(cardAt(current()), 'open'),
    related: () => {
      const article = articles[current() ?? -1];
      if (article && article.relatedCount > 0) onToggleRelated(article.id);
    },
    video: () => clickIn(cardAt(current()), 'play'),
    read: () => mark('read'),
    save: () => mark('save'),
    share: () => clickIn(cardAt(current()), 'share'),
    search: () => document.querySelector<HTMLElement>('search input')?.focus(),
    topics: () => document.querySelector<HTMLElement>('.topic-filter input')?.focus(),
    help: () => setHelpOpen(true),
  });
  // Enter on a card itself (not on a link or a button in it) opens its source, shortcuts on or off.
  useEffect(
    () =>
      tinykeys(window, {
        Enter: (event) => {
          const target = event.target instanceof HTMLElement ? event.target : null;
          if (target?.matches('li[data-index] > article')) clickIn(target, 'open');
        },
      }),
    [],
  );
  return (
    <>
      <button type="button" className="link-button shortcuts-button" onClick={() => setHelpOpen(true)}>
        Keyboard shortcuts
      </button>
      {helpOpen && (
        <Suspense fallback={null}>
          <ShortcutsDialog
            open
            onClose={() => setHelpOpen(false)}
            settings={settings}
            onChange={setSettings}
          />
        </Suspense>
      )}
    </>
  );
}
