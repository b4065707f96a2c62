import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readKeptTopics } from '../../../src/features/offline/api/kept-topics.ts';
import { newsKey } from '../../../src/lib/data-file.ts';
import { dataPath } from '../../../src/shared/data-folder.ts';
import { makeArticle } from '../../fixtures/articles.ts';
import { renderApp } from '../../fixtures/render-app.tsx';

const storageKey = 'news-reader:offline-topics';
const stored = () => readKeptTopics(JSON.parse(localStorage.getItem(storageKey) ?? 'null'));

// Eight articles of Power Apps, newest first; two of Portals.
const articles = [
  ...Array.from({ length: 8 }, (_, i) =>
    makeArticle({
      title: `Apps ${i}`,
      topics: ['Power Apps'],
      publishedAt: new Date(Date.UTC(2021, 5, 30) - i * 86_400_000).toISOString(),
    }),
  ),
  ...[0, 1].map((i) =>
    makeArticle({
      title: `Portals ${i}`,
      topics: ['Portals'],
      publishedAt: new Date(Date.UTC(2021, 0, 1) - i * 86_400_000).toISOString(),
    }),
  ),
];

/** A service worker in charge of the page, or none (jsdom has no service workers). */
function serviceWorker(controlling: boolean) {
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true,
    value: { controller: controlling ? {} : null },
  });
}

beforeEach(() => {
  localStorage.clear();
});

afterEach(() => {
  Reflect.deleteProperty(navigator, 'serviceWorker');
  localStorage.clear();
});

describe('topics kept offline', () => {
  it('reads what storage holds, and nothing from anything else', () => {
    expect(readKeptTopics({ names: ['AI', 3, 'Robots'], archive: 'news/x/1' })).toEqual({
      names: ['AI', 'Robots'],
      archive: 'news/x/1',
    });
    for (const other of [null, 'AI', [], { names: 'AI', archive: '' }, { names: [] }]) {
      expect(readKeptTopics(other)).toEqual({ names: [], archive: '' });
    }
  });

  it('keeps a saved topic until the reader stops it', async () => {
    const { user, index } = renderApp(articles, '/?topic=Portals');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('2 articles'));
    expect(screen.queryByRole('button', { name: 'Stop keeping this topic offline' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save this topic for offline' }));
    expect(
      await screen.findByText('Kept on this device, and saved again with each new edition.'),
    ).toBeVisible();
    expect(stored()).toEqual({ names: ['Portals'], archive: newsKey(index).join('/') });
    await user.click(screen.getByRole('button', { name: 'Stop keeping this topic offline' }));
    expect(screen.queryByText('Kept on this device, and saved again with each new edition.')).toBeNull();
    expect(stored().names).toEqual([]);
    // Said, and the focus is not lost with the button.
    expect(
      screen.getByText('Portals no longer kept on this device; what was saved stays until it expires.'),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Save this topic for offline' })).toHaveFocus();
  });

  it('saves a kept topic again, unasked, when the page opens another archive', async () => {
    serviceWorker(true);
    localStorage.setItem(storageKey, JSON.stringify({ names: ['Portals', 'Gone'], archive: 'an older one' }));
    const { requested, index } = renderApp(articles);
    await waitFor(() => expect(stored().archive).toBe(newsKey(index).join('/')));
    const portals = index.topics.find((topic) => topic.name === 'Portals');
    // The topic's list (which the home view never reads), and its cards' page with their coverage.
    expect(requested()).toEqual(
      expect.arrayContaining([
        dataPath.topicKeys(portals?.id ?? -1),
        dataPath.stories,
        dataPath.topics,
        dataPath.page(0),
        dataPath.relatedPage(0),
      ]),
    );
    // A topic the archive no longer has stays kept, for an archive that has it again.
    expect(stored().names).toEqual(['Portals', 'Gone']);
  });

  it('saves a kept topic again once for each archive, though another tab notes another', async () => {
    serviceWorker(true);
    localStorage.setItem(storageKey, JSON.stringify({ names: ['Portals'], archive: 'an older one' }));
    const { requested, index } = renderApp(articles);
    await waitFor(() => expect(stored().archive).toBe(newsKey(index).join('/')));
    const other = JSON.stringify({ names: ['Portals'], archive: 'another tab' });
    localStorage.setItem(storageKey, other);
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: storageKey, newValue: other }));
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const portals = index.topics.find((topic) => topic.name === 'Portals');
    expect(requested().filter((file) => file === dataPath.topicKeys(portals?.id ?? -1))).toHaveLength(1);
    expect(stored().archive).toBe('another tab');
  });

  it('saves the other kept topics when one fails, and tries again at the next load', async () => {
    serviceWorker(true);
    localStorage.setItem(
      storageKey,
      JSON.stringify({ names: ['Power Apps', 'Portals'], archive: 'an older one' }),
    );
    // Power Apps, the commonest topic, is topic 0; Portals is topic 1.
    const { requested } = renderApp(articles, '/', { failing: /\/t\/0\// });
    await waitFor(() => expect(requested()).toContain(dataPath.topicKeys(1)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stored()).toEqual({ names: ['Power Apps', 'Portals'], archive: 'an older one' });
  });

  it('saves nothing again while the archive is the one they were saved from, or with no worker', async () => {
    /** The data files a page fetches, opened with `kept` in storage, and what storage then holds. */
    const open = async (kept: unknown) => {
      localStorage.setItem(storageKey, JSON.stringify(kept));
      const { requested, index, unmount } = renderApp(articles);
      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('10 articles'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      unmount();
      const portals = index.topics.find((topic) => topic.name === 'Portals');
      return { files: requested(), topicFile: dataPath.topicKeys(portals?.id ?? -1), index };
    };
    serviceWorker(true);
    const { index } = await open({ names: [], archive: '' });
    const same = await open({ names: ['Portals'], archive: newsKey(index).join('/') });
    serviceWorker(false);
    const noWorker = await open({ names: ['Portals'], archive: 'an older one' });
    for (const { files, topicFile } of [same, noWorker]) {
      expect(files).not.toContain(topicFile);
      expect(files).not.toContain(dataPath.relatedPage(0));
    }
    expect(stored().archive).toBe('an older one');
  });
});
