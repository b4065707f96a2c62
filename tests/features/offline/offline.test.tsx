import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataPath } from '../../../src/shared/data-folder.ts';
import { makeArticle } from '../../fixtures/articles.ts';
import { renderApp } from '../../fixtures/render-app.tsx';

function goOffline(offline: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(!offline);
  act(() => {
    window.dispatchEvent(new Event(offline ? 'offline' : 'online'));
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

// 30 articles of Power Apps, newest first, each with related coverage; one more of Portals.
const apps = Array.from({ length: 30 }, (_, i) =>
  makeArticle({
    title: `Apps ${i}`,
    topics: ['Power Apps'],
    publishedAt: new Date(Date.UTC(2021, 5, 30) - i * 86_400_000).toISOString(),
    related: [{ title: `About apps ${i}`, url: `https://other.example/${i}`, type: 'article' }],
  }),
);
const portals = makeArticle({
  title: 'Portals',
  topics: ['Portals'],
  publishedAt: '2021-01-01T00:00:00.000Z',
});

describe('offline', () => {
  it('says so in a banner while the device is offline', async () => {
    renderApp([...apps, portals]);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('31 articles'));
    expect(screen.queryByText('You are offline.')).toBeNull();
    goOffline(true);
    expect(screen.getByText('You are offline.')).toBeVisible();
    goOffline(false);
    expect(screen.queryByText('You are offline.')).toBeNull();
  });

  it('says that a view was never kept on this device when it cannot load offline', async () => {
    renderApp([...apps, portals], '/?topic=Portals', { failing: /\/t\// });
    goOffline(true);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This view is not on this device.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeEnabled();
  });

  it('saves a topic for offline: its ranks, the pages of its cards, stories and each article’s coverage', async () => {
    const { user, fetchMock, requested, index } = renderApp([...apps, portals], '/?topic=Power%20Apps', {
      pageSize: 4,
    });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('30 articles'));
    fetchMock.mockClear();
    await user.click(screen.getByRole('button', { name: 'Save this topic for offline' }));
    expect(await screen.findByText('Saved Power Apps for offline reading: 30 articles.')).toBeVisible();
    const fetched = new Set(requested());
    const topic = index.topics.find((stat) => stat.name === 'Power Apps');
    // Ranks 0 to 29 are in the full feed's pages 0 to 7, 4 a page: its cards and their coverage.
    const expected = [
      dataPath.topicKeys(topic?.id ?? -1),
      dataPath.stories,
      dataPath.topics,
      ...[0, 1, 2, 3, 4, 5, 6, 7].flatMap((page) => [dataPath.page(page), dataPath.relatedPage(page)]),
    ];
    expect([...fetched].sort()).toEqual(expected.sort());
  });

  it('says when a topic could not be saved', async () => {
    const { user } = renderApp([...apps, portals], '/?topic=Portals', { failing: /\/r\// });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 article'));
    await user.click(screen.getByRole('button', { name: 'Save this topic for offline' }));
    expect(
      await screen.findByText(/^Could not save Portals for offline\. The server answered 503 for /),
    ).toBeVisible();
  });
});
