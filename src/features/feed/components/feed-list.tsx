import {
  defaultRangeExtractor,
  useWindowVirtualizer,
  type Range,
  type Virtualizer,
} from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useImperativeHandle,
  useRef,
  useState,
  type FocusEvent,
  type ReactNode,
  type Ref,
} from 'react';
import { useHydrated } from '../../../hooks/use-hydrated.ts';

/** The window the first screen is laid out for before the browser's is known. */
const phoneWindow = { width: 412, height: 823 };
import type { ArticleSummary } from '../../../shared/article-schema.ts';

type FeedListProps = {
  /** The articles are the previous list's while the next one loads. */
  stale: boolean;
  articles: readonly ArticleSummary[];
  /** How many articles match in all, loaded or not: what screen readers announce as the set size. */
  total: number;
  hasMore: boolean;
  onNeedMore: () => void;
  /** Changes when the reader asks for another list (filters, search): the list goes back to its top. */
  listKey: string;
  /** The card of an article, at a position of the list (0 for the first). */
  renderArticle: (article: ArticleSummary, position: number) => ReactNode;
  ref?: Ref<FeedListHandle>;
};

/** What the keyboard asks of the list. */
export type FeedListHandle = {
  /**
   * Moves focus to the next (1) or previous (-1) card, or to the first one, scrolling it into view;
   * past the last card loaded, it waits for the next page and moves on when it arrives.
   */
  moveFocus: (step: 1 | -1) => void;
  /** The index in `articles` of the card that has focus or had it last in this list. */
  currentIndex: () => number | null;
};

/**
 * A row's height from its ResizeObserver entry, which the browser delivers after layout, before
 * paint. When a row mounts there is no entry yet, and reading its height then would force a layout
 * in the middle of the click or keystroke that added it: the last known height (or the estimate)
 * stands in until the entry arrives, in the same frame.
 */
const measureWithoutForcedLayout = (
  element: Element,
  entry: ResizeObserverEntry | undefined,
  instance: Virtualizer<Window, Element>,
): number => {
  const box = entry?.borderBoxSize[0];
  if (box) return Math.round(box.blockSize);
  const index = instance.indexFromElement(element);
  return (
    instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index)
  );
};

/** Cards are about this tall before they are measured. */
const estimatedHeight = 260;
/** Ask for the next page while this many loaded cards are still ahead. */
const loadAhead = 8;

/**
 * The feed, virtualised against the window: only the cards near the viewport are in the DOM,
 * whatever the number of articles. The list keeps reading order (rows are in DOM order), keeps the
 * card holding focus mounted when it scrolls away, and tells assistive technology each card's
 * position in the whole set.
 */
export function FeedList({
  stale,
  articles,
  total,
  hasMore,
  onNeedMore,
  listKey,
  renderArticle,
  ref,
}: FeedListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const [listTop, setListTop] = useState(0);
  const [focused, setFocused] = useState<number | null>(null);
  const lastFocused = useRef<number | null>(null);
  /** A card the keyboard moved to that is not in the DOM yet: focused once it is. */
  const [wanted, setWanted] = useState<number | null>(null);
  const count = articles.length + (hasMore ? 1 : 0);

  // Where the list starts in the page: measured now, and again whenever the feed's column changes
  // size (an alert above the list, a wrapped toolbar, a resized window).
  useLayoutEffect(() => {
    const list = listRef.current;
    const column = list?.parentElement;
    if (!list || !column) return;
    const measure = () => setListTop(list.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(column);
    return () => observer.disconnect();
  }, []);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (focused === null || focused >= count || indexes.includes(focused)) return indexes;
      return [...indexes, focused].sort((a, b) => a - b);
    },
    [focused, count],
  );

  const hydrated = useHydrated();
  const virtualizer = useWindowVirtualizer({
    count,
    // The window's size from the first render: without it the virtualizer measures the window in
    // an effect, so the first cards would wait for a second render (and the read-ahead would start
    // before them).
    // A page rendered at build time assumes a phone's window, and so does its hydration.
    initialRect: hydrated ? { width: window.innerWidth, height: window.innerHeight } : phoneWindow,
    estimateSize: () => estimatedHeight,
    overscan: 2,
    scrollMargin: listTop,
    getItemKey: (index) => articles[index]?.id ?? 'loading-more',
    rangeExtractor,
    measureElement: measureWithoutForcedLayout,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? -1;
  const lastIndex = items.at(-1)?.index ?? -1;

  useImperativeHandle(
    ref,
    () => ({
      moveFocus: (step) => {
        const from = lastFocused.current;
        const to = Math.max(0, Math.min(count - 1, from === null ? 0 : from + step));
        setWanted(to);
        virtualizer.scrollToIndex(to, { align: 'auto' });
      },
      currentIndex: () => lastFocused.current,
    }),
    [count, virtualizer],
  );

  useLayoutEffect(() => {
    if (wanted === null || wanted >= articles.length) return;
    const card = listRef.current?.querySelector<HTMLElement>(`li[data-index="${wanted}"] article`);
    if (!card) return;
    setWanted(null);
    card.focus({ preventScroll: true });
    // Whole in the window: the virtualizer's scroll was to its estimated place.
    card.scrollIntoView({ block: 'nearest' });
  }, [wanted, articles.length, firstIndex, lastIndex]);

  useEffect(() => {
    if (!hasMore || lastIndex < articles.length - loadAhead) return undefined;
    // In the next task: starting fetches inside the click or keystroke that changed the list would
    // hold up its answer.
    const timer = setTimeout(onNeedMore, 0);
    return () => clearTimeout(timer);
  }, [hasMore, lastIndex, articles.length, onNeedMore]);

  // A new list starts at its top (if the reader had scrolled past it).
  const previousKey = useRef(listKey);
  useEffect(() => {
    if (previousKey.current === listKey) return;
    previousKey.current = listKey;
    setFocused(null);
    setWanted(null);
    lastFocused.current = null;
    // The virtualizer's own record of the scroll position: reading window.scrollY here would force
    // a layout in the middle of the reader's click.
    if ((virtualizer.scrollOffset ?? 0) > listTop) window.scrollTo({ top: 0 });
  }, [listKey, listTop, virtualizer]);

  const onBlur = (event: FocusEvent<HTMLOListElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setFocused(null);
  };

  return (
    <ol
      ref={listRef}
      className={stale ? 'cards stale' : 'cards'}
      aria-label="Articles"
      style={{ height: virtualizer.getTotalSize() }}
      onBlur={onBlur}
    >
      {items.map((item) => {
        const article = articles[item.index];
        const slot = {
          'data-index': item.index,
          ref: virtualizer.measureElement,
          style: { transform: `translateY(${item.start - listTop}px)` },
        };
        return article ? (
          <li
            key={item.key}
            {...slot}
            className="card-slot"
            aria-setsize={total}
            aria-posinset={item.index + 1}
            onFocus={() => {
              setFocused(item.index);
              lastFocused.current = item.index;
            }}
          >
            {renderArticle(article, item.index)}
          </li>
        ) : (
          <li key={item.key} {...slot} className="card-slot loading-more" aria-hidden="true">
            <div className="skeleton" />
          </li>
        );
      })}
    </ol>
  );
}
