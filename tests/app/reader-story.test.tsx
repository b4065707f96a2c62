import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../fixtures/articles.ts';
import { renderApp } from '../fixtures/render-app.tsx';

// A story of two outlets, deep in an archive of 60 articles (three pages of 20).
const first = makeArticle({
  id: 'acme-rocket-wire-one',
  title: 'Acme unveils the Zorblax rocket',
  publishedAt: '2021-03-01T08:00:00.000Z',
  provider: { name: 'Wire One' },
});
const second = makeArticle({
  title: 'Acme unveils the Zorblax rocket',
  publishedAt: '2021-03-01T09:00:00.000Z',
  provider: { name: 'Daily Two' },
});
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

  it('says when the archive has no such story, and shows the feed', async () => {
    renderApp(archive, '/?story=no-such-article', { pageSize: 20 });
    const shared = await screen.findByRole('region', { name: 'Shared story' });
    expect(await within(shared).findByText(/This story is not in the archive/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('60 articles'));
    expect(screen.getAllByRole('article', { name: /^Later news/ }).length).toBeGreaterThan(5);
  });
});
