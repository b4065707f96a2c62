import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { parseFeedParams } from '../../src/features/feed/utils/feed-params.ts';
import { makeArticle, twoOutletStory } from '../fixtures/articles.ts';
import { renderApp } from '../fixtures/render-app.tsx';

// A story of two outlets, deep in an archive of 60 articles (three pages of 20).
const [first, second] = twoOutletStory({ id: 'acme-rocket-wire-one' });
const newer = Array.from({ length: 58 }, (_, i) =>
  makeArticle({
    title: `Later news ${i}`,
    publishedAt: new Date(Date.UTC(2021, 3, 1) + i * 3_600_000).toISOString(),
  }),
);
const archive = [first, second, ...newer];

describe('a story’s address, ?story=<id>', () => {
  it('shows the story first with its coverage open and focused; Close and Back return to the feed', async () => {
    window.history.replaceState(null, '', '/?topic=AI');
    window.history.pushState(null, '', '/?story=acme-rocket-wire-one');
    const { user, requested } = renderApp(archive, window.location.href, { pageSize: 20 });
    const shared = await screen.findByRole('region', { name: 'Shared story' });
    const card = await within(shared).findByRole('article', { name: 'Acme unveils the Zorblax rocket' });
    const story = await within(card).findByRole('list', {
      name: 'Same story: Acme unveils the Zorblax rocket',
    });
    expect(within(story).getByRole('link', { name: 'Acme unveils the Zorblax rocket' })).toHaveAttribute(
      'href',
      second.url,
    );
    const panel = within(card).getByRole('group', { name: 'Coverage: Acme unveils the Zorblax rocket' });
    await waitFor(() => expect(panel).toHaveFocus());
    expect(within(card).getByRole('button', { name: '1 related' })).toHaveAttribute('aria-expanded', 'true');
    // One small lookup file, then the page that holds the card.
    expect(requested().filter((file) => file.startsWith('i/'))).toHaveLength(1);

    await user.click(within(shared).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('region', { name: 'Shared story' })).not.toBeInTheDocument();
    expect(window.location.search).toBe('');
    window.history.back();
    expect(await screen.findByRole('region', { name: 'Shared story' })).toBeInTheDocument();
  });

  it('reads the story from a story page’s address, and leaves it for the reader’s own', async () => {
    const { user } = renderApp(archive, '/story/acme-rocket-wire-one/', { pageSize: 20 });
    const shared = await screen.findByRole('region', { name: 'Shared story' });
    expect(
      await within(shared).findByRole('article', { name: 'Acme unveils the Zorblax rocket' }),
    ).toBeInTheDocument();
    await user.click(within(shared).getByRole('button', { name: 'Close' }));
    expect(window.location.pathname).toBe('/');
    expect(window.location.search).toBe('');
    expect(screen.queryByRole('region', { name: 'Shared story' })).not.toBeInTheDocument();
  });

  it('says when the archive has no such story, and shows the feed', async () => {
    renderApp(archive, '/?story=no-such-article', { pageSize: 20 });
    const shared = await screen.findByRole('region', { name: 'Shared story' });
    expect(await within(shared).findByText(/This story is not in the archive/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('60 articles'));
    expect(screen.getAllByRole('article', { name: /^Later news/ }).length).toBeGreaterThan(5);
  });
});

describe('the timeline in a story’s panel', () => {
  it('says who reported it first, and how much later each other outlet did', async () => {
    const { user } = renderApp(archive, '/?q=zorblax', { pageSize: 20 });
    const card = await screen.findByRole('article', { name: 'Acme unveils the Zorblax rocket' });
    await user.click(within(card).getByRole('button', { name: '1 related' }));
    const timeline = await within(card).findByRole('list', {
      name: 'Timeline: Acme unveils the Zorblax rocket',
    });
    const steps = within(timeline)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(steps).toEqual([
      expect.stringMatching(/^First reported by Wire One, (1 March|March 1)/),
      'Daily Two, 1 hour later',
    ]);
  });
});

describe('Share on each card', () => {
  it('copies the story page’s address where the browser cannot share, and says so', async () => {
    const { user } = renderApp(archive, '/?q=zorblax', { pageSize: 20 });
    const card = await screen.findByRole('article', { name: 'Acme unveils the Zorblax rocket' });
    await user.click(within(card).getByRole('button', { name: 'Copy link' }));
    expect(await within(card).findByRole('status')).toHaveTextContent('Link copied');
    expect(await navigator.clipboard.readText()).toBe(
      `${window.location.origin}/story/acme-rocket-wire-one/`,
    );
  });

  it('copies a lone article’s address in the reader, also with c on the current card', async () => {
    const { user } = renderApp(archive, '/?q=%22later%20news%2057%22', { pageSize: 20 });
    const card = await screen.findByRole('article', { name: 'Later news 57' });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Keyboard shortcuts' })).toBeEnabled());
    await user.keyboard('j');
    expect(card).toHaveFocus();
    await user.keyboard('c');
    expect(await within(card).findByRole('status')).toHaveTextContent('Link copied');
    const id = newer[57]?.id ?? '';
    expect(await navigator.clipboard.readText()).toBe(`${window.location.origin}/?story=${id}`);
    // The address opens the reader on that article.
    expect(parseFeedParams(new URL(await navigator.clipboard.readText()).search).story).toBe(id);
  });

  it('uses the system share sheet where there is one, and a closed sheet is no failure', async () => {
    const shared: ShareData[] = [];
    const share = vi.fn((data: ShareData) => {
      shared.push(data);
      return shared.length > 1 ? Promise.reject(new DOMException('closed', 'AbortError')) : Promise.resolve();
    });
    Object.defineProperty(navigator, 'share', { value: share, configurable: true });
    try {
      const { user } = renderApp(archive, '/?q=zorblax', { pageSize: 20 });
      const card = await screen.findByRole('article', { name: 'Acme unveils the Zorblax rocket' });
      await user.click(within(card).getByRole('button', { name: 'Share' }));
      expect(shared).toEqual([
        {
          title: 'Acme unveils the Zorblax rocket',
          url: `${window.location.origin}/story/acme-rocket-wire-one/`,
        },
      ]);
      await user.click(within(card).getByRole('button', { name: 'Share' }));
      expect(within(card).queryByRole('status')).not.toBeInTheDocument();
    } finally {
      Reflect.deleteProperty(navigator, 'share');
    }
  });
});
