import { screen, waitFor, within } from '@testing-library/react';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src/shared/article-schema.ts';
import { topicsShown } from '../../src/shared/data-folder.ts';
import { feedPagesQuery } from '../../src/features/feed/api/feed-pages.ts';
import { makeArticle } from '../fixtures/articles.ts';
import { renderApp, requestedFiles } from '../fixtures/render-app.tsx';

const hourly = (i: number) => new Date(Date.UTC(2021, 5, 1) - i * 3_600_000).toISOString();

/** 45 articles, newest first: every other one in "Even", every third in "Three", every fifth unpublished. */
const many: Article[] = Array.from({ length: 45 }, (_, i) =>
  makeArticle({
    title: `Story ${i}`,
    excerpt: i === 7 ? 'A robot learns to see the ocean floor.' : 'Nothing to see.',
    provider: { name: i === 8 ? 'Ocean Wire' : 'Example News' },
    publishedAt: hourly(i),
    published: i % 5 !== 4,
    topics: [...(i % 2 === 0 ? ['Even'] : []), ...(i % 3 === 0 ? ['Three'] : [])],
  }),
);
const publishedCount = many.filter((a) => a.published).length;

const requested = (fetchMock: { mock: { calls: unknown[][] } }) => requestedFiles(fetchMock, '/data/test/');

function titles() {
  return within(screen.getByRole('list', { name: 'Articles' }))
    .getAllByRole('heading', { level: 2 })
    .map((heading) => heading.textContent);
}

/**
 * jsdom does no layout: here every row of the feed is 100 px tall and the window is as tall as
 * asked, so the virtualised list behaves as in a browser.
 */
function layout(windowHeight: number) {
  vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(windowHeight);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.classList.contains('card-slot') ? 100 : 0;
  });
  vi.spyOn(document.documentElement, 'scrollHeight', 'get').mockReturnValue(1_000_000);
}

beforeEach(() => {
  layout(100_000);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the feed over a paged data folder', () => {
  it('reads page after page, tells each card its place in the set, and loads no index it does not need', async () => {
    const { fetchMock } = renderApp(many, '/', { pageSize: 10 });
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(publishedCount));
    expect(screen.getByRole('status')).toHaveTextContent(`${publishedCount} articles`);
    expect(titles()).toEqual(many.filter((a) => a.published).map((a) => a.title));
    const items = within(screen.getByRole('list', { name: 'Articles' })).getAllByRole('listitem');
    expect(items[0]).toHaveAttribute('aria-posinset', '1');
    expect(items[0]).toHaveAttribute('aria-setsize', String(publishedCount));
    // Pages hold keys from the oldest: the newest articles are on the last page, read first.
    expect(requested(fetchMock)).toEqual(['a/4.json', 'a/3.json', 'a/2.json', 'a/1.json', 'a/0.json']);
  });

  it('counts several topics as their union, each article once, from the topics’ rank lists', async () => {
    const { fetchMock } = renderApp(many, '/?topic=Even&topic=Three');
    const either = many.filter((a, i) => a.published && (i % 2 === 0 || i % 3 === 0));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`${either.length} articles`));
    await waitFor(() => expect(titles()).toEqual(either.map((a) => a.title)));
    const files = requested(fetchMock);
    // Each topic gives its rank list only; every card comes from the full feed's pages.
    expect(files.filter((file) => file.startsWith('t/')).sort()).toEqual(['t/0/keys.json', 't/1/keys.json']);
    expect(files.some((file) => file.startsWith('a/'))).toBe(true);
  });

  it('searches title, excerpt and provider as you type, in the URL, combined with topics', async () => {
    const { user, fetchMock } = renderApp(many);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`${publishedCount} articles`));
    expect(requested(fetchMock).some((file) => file.startsWith('s/'))).toBe(false);
    const historyBefore = window.history.length;

    await user.type(screen.getByRole('searchbox', { name: 'Search articles' }), 'ocean');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('2 articles'));
    expect(titles()).toEqual(['Story 7', 'Story 8']);
    expect(window.location.search).toBe('?q=ocean');
    // One history entry for the whole search, not one per keystroke.
    expect(window.history.length).toBe(historyBefore + 1);
    expect(requested(fetchMock)).toContain('s/base.json');

    await user.click(screen.getByRole('checkbox', { name: 'Even' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 article'));
    expect(titles()).toEqual(['Story 8']);
    expect(window.location.search).toBe('?q=ocean&topic=Even');
  });

  it('fetches, at the first letter of a word, the index shards of the words it starts, so the next keystroke answers from memory', async () => {
    const { user, fetchMock } = renderApp(many);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`${publishedCount} articles`));
    const box = screen.getByRole('searchbox', { name: 'Search articles' });
    const shards = () => requested(fetchMock).filter((file) => /^s\/[\da-f]+-[\da-f]+\.json$/.test(file));

    await user.type(box, 'o');
    // "ocean" and "Ocean Wire": the one shard of words in "o".
    await waitFor(() => expect(shards()).toEqual(['s/6f-63.json']));
    await user.type(box, 'c');
    await waitFor(() => expect(titles()).toEqual(['Story 7', 'Story 8']));
    expect(screen.getByRole('status')).toHaveTextContent('2 articles');
    expect(shards()).toEqual(['s/6f-63.json']);

    // Words in "s": "see" and "story", two shards.
    await user.type(box, ' s');
    await waitFor(() => expect(shards().slice(1).sort()).toEqual(['s/73-65.json', 's/73-74.json']));
    await user.type(box, 'ee');
    await waitFor(() => expect(window.location.search).toBe('?q=oc+see'));
    // Both excerpts say "see".
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('2 articles'));
    expect(titles()).toEqual(['Story 7', 'Story 8']);
    expect(shards()).toHaveLength(3);
  });

  it('fetches nothing on speculation when the connection asks to save data', async () => {
    Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true });
    try {
      const { user, fetchMock } = renderApp(many);
      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`${publishedCount} articles`));
      await user.type(screen.getByRole('searchbox', { name: 'Search articles' }), 's');
      await waitFor(() => expect(window.location.search).toBe('?q=s'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(requested(fetchMock).filter((file) => file.startsWith('s/'))).toEqual([]);
      await user.type(screen.getByRole('searchbox', { name: 'Search articles' }), 'ee');
      await waitFor(() => expect(requested(fetchMock)).toContain('s/73-65.json'));
      expect(requested(fetchMock)).not.toContain('s/73-74.json');
    } finally {
      Reflect.deleteProperty(navigator, 'connection');
    }
  });

  it('a card that did not change since the last filter still filters from the current one', async () => {
    const { user } = renderApp(many, '/?topic=Even');
    await waitFor(() => expect(titles()[0]).toBe('Story 0'));
    await user.type(screen.getByRole('searchbox', { name: 'Search articles' }), 'story');
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('q')).toBe('story'));
    // Story 6 (Even and Three) kept its card through the search: its chip must know about it.
    const card = screen.getByRole('article', { name: 'Story 6' });
    await user.click(within(card).getByRole('button', { name: 'Filter by Three' }));
    const params = new URLSearchParams(window.location.search);
    expect(params.get('q')).toBe('story');
    expect(params.getAll('topic')).toEqual(['Even', 'Three']);
  });

  it('says when a search finds nothing, and clears it', async () => {
    const { user } = renderApp(many, '/?q=zebra');
    expect(await screen.findByText('No articles match “zebra”.')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('0 articles');
    expect(screen.getByRole('searchbox', { name: 'Search articles' })).toHaveValue('zebra');
    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`${publishedCount} articles`));
    expect(window.location.search).toBe('');
  });

  it('offers the commonest topics, and all of them on request', async () => {
    const topical = Array.from({ length: topicsShown + 5 }, (_, i) =>
      makeArticle({ topics: [`Topic ${String(i).padStart(2, '0')}`, ...(i < 3 ? ['Common'] : [])] }),
    );
    const { user, fetchMock } = renderApp(topical);
    const group = await screen.findByRole('group', { name: 'Topics' });
    await waitFor(() => expect(within(group).getAllByRole('checkbox')).toHaveLength(topicsShown));
    expect(within(group).getAllByRole('checkbox')[0]).toHaveAccessibleName('Common');
    expect(requested(fetchMock)).not.toContain('topics.json');

    await user.click(within(group).getByRole('button', { name: 'Show all topics' }));
    await waitFor(() => expect(within(group).getAllByRole('checkbox')).toHaveLength(topicsShown + 6));
    expect(requested(fetchMock)).toContain('topics.json');
    await user.click(within(group).getByRole('button', { name: 'Show fewer topics' }));
    expect(within(group).getAllByRole('checkbox')).toHaveLength(topicsShown);
  });

  it('opens a shared link to a topic outside the commonest ones', async () => {
    const topical = Array.from({ length: topicsShown + 5 }, (_, i) =>
      makeArticle({
        title: `About ${i}`,
        topics: [`Topic ${String(i).padStart(2, '0')}`, ...(i < 30 ? ['Common'] : [])],
      }),
    );
    renderApp(topical, '/?topic=Topic%2034');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 article'));
    expect(titles()).toEqual(['About 34']);
    expect(screen.getByRole('checkbox', { name: 'Topic 34' })).toBeChecked();
  });

  it('keeps only the rows near the window in the DOM, and reads further pages as the reader scrolls', async () => {
    layout(500);
    const { fetchMock } = renderApp(many, '/?unpublished=1', { pageSize: 10 });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('45 articles'));
    await waitFor(() => expect(screen.getAllByRole('article').length).toBeGreaterThan(0));
    const rendered = () => screen.getAllByRole('article').length;
    expect(rendered()).toBeLessThanOrEqual(5 + 2 * 4);
    // Two files for the first screen (6 cards; the newest page holds 5 of the 45), then 24 more
    // read ahead: through a/1, no further.
    expect(requested(fetchMock)).toEqual(['a/4.json', 'a/3.json', 'a/2.json', 'a/1.json']);

    // Scroll to the end of the list as it stands, again and again, until the last article shows.
    const scrollY = vi.spyOn(window, 'scrollY', 'get');
    await waitFor(
      () => {
        scrollY.mockReturnValue(parseFloat(screen.getByRole('list', { name: 'Articles' }).style.height));
        act(() => {
          window.dispatchEvent(new Event('scroll'));
        });
        expect(titles()).toContain('Story 44');
      },
      { timeout: 10_000 },
    );
    expect(rendered()).toBeLessThanOrEqual(5 + 2 * 4);
    expect(titles()).not.toContain('Story 0');
    // Pages hold keys from the oldest: the newest articles are on the last page, read first.
    expect(requested(fetchMock)).toEqual(['a/4.json', 'a/3.json', 'a/2.json', 'a/1.json', 'a/0.json']);
  });
});

/**
 * Runs `act` (a click, a keystroke, as the browser dispatches it) and resolves in the next task:
 * what the DOM shows then is what the browser paints first. React renders the event's update and
 * the query results it causes in microtasks (see scheduleQueryUpdatesInMicrotasks), so an answer
 * from memory is in by then.
 */
async function withinOneTask(act: () => void): Promise<void> {
  const previous = (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT;
  // As in a browser: React schedules its work itself rather than waiting for act().
  Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: false });
  try {
    await new Promise<void>((resolve) => {
      act();
      setTimeout(resolve, 0);
    });
  } finally {
    Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: previous });
  }
}

/** Every value `main`'s aria-busy takes while `act` runs. */
async function busyDuring(act: () => Promise<void>): Promise<(string | null)[]> {
  const main = screen.getByRole('main');
  const values: (string | null)[] = [];
  const observer = new MutationObserver(() => values.push(main.getAttribute('aria-busy')));
  observer.observe(main, { attributes: true, attributeFilter: ['aria-busy'] });
  try {
    await act();
  } finally {
    observer.disconnect();
  }
  return values;
}

describe('answers from memory', () => {
  it('shows a topic whose files are at hand in the render the click causes, with no loading state', async () => {
    // Two articles a page: the first screen of "Three" (six published articles, ranks 0 to 18)
    // spans seven pages of the full feed, fetched side by side once its rank list is in.
    const { user, fetchMock } = renderApp(many, '/', { pageSize: 2 });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`${publishedCount} articles`));
    await user.hover(screen.getByRole('checkbox', { name: 'Three' }));
    const three = many.filter((a, i) => a.published && i % 3 === 0);
    const firstScreen = three.slice(0, 6).map((a) => `a/${Math.floor(many.indexOf(a) / 2)}.json`);
    await waitFor(() => expect(requested(fetchMock)).toEqual(expect.arrayContaining(firstScreen)));
    expect(requested(fetchMock)).toEqual(expect.arrayContaining(['stories.json', 't/1/keys.json']));
    const busy = await busyDuring(async () => {
      await user.click(screen.getByRole('checkbox', { name: 'Three' }));
      await waitFor(() => expect(titles()).toEqual(three.map((a) => a.title)));
    });
    expect(busy).not.toContain('true');
  });

  it('shows a topic filled from memory as it shows one loaded after the click', async () => {
    const three = many.filter((a, i) => a.published && i % 3 === 0).map((a) => a.title);
    /** The click's feed, and every value aria-busy took until it showed. */
    const clickThree = async (user: ReturnType<typeof renderApp>['user'], release = () => {}) => {
      const busy = await busyDuring(async () => {
        await user.click(screen.getByRole('checkbox', { name: 'Three' }));
        release();
        await waitFor(() => expect(titles()).toEqual(three));
      });
      return { busy, status: screen.getByRole('status').textContent, titles: titles() };
    };
    // Its files at hand (the pointer rested on it): filled from memory, shown in one render.
    const { user, fetchMock, unmount } = renderApp(many, '/', { pageSize: 2 });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`${publishedCount} articles`));
    await user.hover(screen.getByRole('checkbox', { name: 'Three' }));
    const pages = many
      .filter((a, i) => a.published && i % 3 === 0)
      .slice(0, 6)
      .map((a) => `a/${Math.floor(many.indexOf(a) / 2)}.json`);
    await waitFor(() => expect(requested(fetchMock)).toEqual(expect.arrayContaining(pages)));
    const fromMemory = await clickThree(user);
    unmount();
    // Its rank list still on the network: shown at once, loading, then read.
    const view = renderApp(many, '/', { pageSize: 2, holding: /\/t\// });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`${publishedCount} articles`));
    const shownFirst = await clickThree(view.user, view.release);
    expect(fromMemory.busy).not.toContain('true');
    expect(shownFirst.busy).toContain('true');
    expect(fromMemory.status).toBe(shownFirst.status);
    expect(fromMemory.titles).toEqual(shownFirst.titles);
  });

  it('answers a keystroke whose index shard came with the word’s first letter before the next task, from memory', async () => {
    const { user, fetchMock } = renderApp(many);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`${publishedCount} articles`));
    const box = screen.getByRole('searchbox', { name: 'Search articles' });
    await user.type(box, 'o');
    await waitFor(() => expect(requested(fetchMock)).toContain('s/6f-63.json'));
    await waitFor(() => expect(screen.getByRole('main')).toHaveAttribute('aria-busy', 'false'));
    const before = requested(fetchMock).length;
    // Whatever the DOM shows between the keystroke and the end of its task is never painted.
    await withinOneTask(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(box, 'oc');
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(screen.getByRole('main')).toHaveAttribute('aria-busy', 'false');
    expect(titles()).toEqual(['Story 7', 'Story 8']);
    expect(requested(fetchMock).slice(before)).toEqual([]);
  });
});

describe('topic intent', () => {
  it('starts loading a topic when the pointer rests on it, so the click answers from memory', async () => {
    const { user, fetchMock } = renderApp(many);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`${publishedCount} articles`));
    const before = requested(fetchMock).length;
    await user.hover(screen.getByRole('checkbox', { name: 'Three' }));
    await waitFor(() => expect(requested(fetchMock).length).toBeGreaterThan(before));
    // Its rank list and the stories (to count and group it); the pages of its first cards are in
    // memory already, read for the full feed.
    await waitFor(() =>
      expect(requested(fetchMock).slice(before)).toEqual(['stories.json', 't/1/keys.json']),
    );
    const after = requested(fetchMock).length;
    await user.click(screen.getByRole('checkbox', { name: 'Three' }));
    const three = many.filter((a, i) => a.published && i % 3 === 0);
    await waitFor(() => expect(titles()).toEqual(three.map((a) => a.title)));
    // The first screen came from the prefetched files; only the read-ahead asks for more.
    expect(
      requested(fetchMock)
        .slice(after)
        .every((file) => /^a\/[2-9]\.json$/.test(file)),
    ).toBe(true);
  });

  it('fetches the top topics and the search base ahead once the first screen is up, so they answer from memory', async () => {
    const { user, fetchMock, queryClient, index } = renderApp(many, '/', { warmUp: true });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`${publishedCount} articles`));
    // Nothing ahead of the first screen…
    expect(requested(fetchMock).every((file) => file.startsWith('a/'))).toBe(true);
    // …then, at idle and one at a time, the search base, the stories, the other orders' first
    // screens, and each topic's rank list (its cards are in the full feed's pages).
    const firstScreen = requested(fetchMock).length;
    await waitFor(() => expect(requested(fetchMock)).toContain('t/1/keys.json'));
    // (The feed's own read-ahead of a/ files may come in between.)
    expect(
      requested(fetchMock)
        .slice(firstScreen)
        .filter((file) => !file.startsWith('a/')),
    ).toEqual([
      's/base.json',
      's/tail.json',
      'stories.json',
      // The first screens of the other orders: oldest first's is the first a/ file; top's, its
      // list of buckets and the highest bucket (these articles have no quality: one bucket).
      'top/buckets.json',
      'top/none.json',
      't/0/keys.json',
      't/1/keys.json',
    ]);

    // Each top topic's first screen was read ahead too, into the query cache…
    const readAhead = index.topics.filter((topic) => {
      const request = {
        view: 'published',
        topics: [topic],
        search: [],
        group: true,
        sort: 'newest',
      } as const;
      return queryClient.getQueryData(feedPagesQuery(index, request).queryKey) !== undefined;
    });
    expect(readAhead.map((topic) => topic.name).sort()).toEqual(['Even', 'Three']);
    const before = requested(fetchMock).length;
    // …so the click shows it with no loading state.
    const even = many.filter((a, i) => a.published && i % 2 === 0);
    const busy = await busyDuring(async () => {
      await user.click(screen.getByRole('checkbox', { name: 'Even' }));
      await waitFor(() => expect(titles().slice(0, 6)).toEqual(even.slice(0, 6).map((a) => a.title)));
    });
    expect(busy).not.toContain('true');
    await user.click(screen.getByRole('checkbox', { name: 'Three' }));
    const either = many.filter((a, i) => a.published && (i % 2 === 0 || i % 3 === 0));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`${either.length} articles`));
    expect(titles().slice(0, 6)).toEqual(either.slice(0, 6).map((a) => a.title));
    // The union's first screen and its count came from the files fetched ahead.
    expect(
      requested(fetchMock)
        .slice(before)
        .every((file) => file.startsWith('a/')),
    ).toBe(true);
  });
});

describe('sort', () => {
  it('answers a change of order from memory once the first screens are read ahead', async () => {
    const { user, fetchMock } = renderApp(many, '/', { warmUp: true });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`${publishedCount} articles`));
    await waitFor(() => expect(requested(fetchMock)).toContain('top/none.json'));
    await waitFor(() => expect(requested(fetchMock)).toContain('t/1/keys.json'));
    const oldest = many.filter((a) => a.published).reverse();
    const busy = await busyDuring(async () => {
      await user.selectOptions(screen.getByRole('combobox', { name: 'Sort' }), 'Oldest first');
      await waitFor(() => expect(titles().slice(0, 3)).toEqual(oldest.slice(0, 3).map((a) => a.title)));
    });
    expect(busy).not.toContain('true');
  });
});
