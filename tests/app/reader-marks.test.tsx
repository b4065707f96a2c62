import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { clearMarks, marksQuery } from '../../src/features/marks/api/marks.ts';
import { marksFile } from '../../src/features/marks/utils/marks-file.ts';
import { makeArticle, twoOutletStory } from '../fixtures/articles.ts';
import { renderApp } from '../fixtures/render-app.tsx';

// One story told by two outlets, and an article alone.
const [wire, daily] = twoOutletStory();
const alone = makeArticle({ title: 'Chip prices fall', publishedAt: '2021-03-02T09:00:00.000Z' });
const articles = [wire, daily, alone];

/** The keyboard loads once the first cards are up (see reader-page.tsx). */
const keyboardReady = () =>
  waitFor(() => expect(screen.getByRole('button', { name: 'Keyboard shortcuts' })).toBeEnabled());
const card = (title: string) => screen.getByRole('article', { name: title });
const isRead = (title: string) => within(card(title)).queryByText('Read', { selector: '.badge' }) !== null;

afterEach(async () => {
  await clearMarks();
});

describe('read and saved', () => {
  it('marks the whole story read when its source opens, and keeps it on this device', async () => {
    const { user, unmount, queryClient } = renderApp(articles);
    const story = await screen.findByRole('article', { name: wire.title });
    // The marks kept on this device load with the page; a click before then waits for them.
    await waitFor(() => expect(queryClient.getQueryState(marksQuery.queryKey)?.status).toBe('success'));
    const link = within(story).getByRole('link', { name: wire.title });
    link.addEventListener('click', (event) => event.preventDefault());
    await user.click(link);
    expect(isRead(wire.title)).toBe(true);
    expect(within(story).getByRole('button', { name: 'Mark as unread' })).toBeInTheDocument();
    expect(isRead(alone.title)).toBe(false);
    // Both reports of the story, seen one by one.
    await user.click(screen.getByRole('switch', { name: 'Group stories' }));
    await waitFor(() => expect(screen.getAllByRole('article', { name: wire.title })).toHaveLength(2));
    await waitFor(() =>
      expect(
        screen
          .getAllByRole('article', { name: wire.title })
          .every((report) => within(report).queryByText('Read', { selector: '.badge' })),
      ).toBe(true),
    );

    unmount();
    renderApp(articles, '/?group=0');
    await waitFor(() =>
      expect(
        screen
          .getAllByRole('article', { name: wire.title })
          .map((report) => within(report).queryByText('Read', { selector: '.badge' }) !== null),
      ).toEqual([true, true]),
    );
  });

  it('marks read and unread with its button or m, and saves with its button or s', async () => {
    const { user } = renderApp(articles);
    await screen.findByRole('article', { name: alone.title });
    await keyboardReady();
    await user.click(within(card(alone.title)).getByRole('button', { name: 'Mark as read' }));
    expect(isRead(alone.title)).toBe(true);
    // Focus is in that card (on its button): it is the current card.
    await user.keyboard('m');
    expect(isRead(alone.title)).toBe(false);
    await user.keyboard('s');
    expect(within(card(alone.title)).getByRole('button', { name: 'Save' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await user.click(within(card(alone.title)).getByRole('button', { name: 'Save' }));
    expect(within(card(alone.title)).getByRole('button', { name: 'Save' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });

  it('shows only the saved articles in the Saved view, in the URL', async () => {
    const { user } = renderApp(articles);
    await screen.findByRole('article', { name: alone.title });
    await user.click(within(card(alone.title)).getByRole('button', { name: 'Save' }));
    await user.click(screen.getByRole('switch', { name: 'Saved (1)' }));
    expect(window.location.search).toBe('?saved=1');
    expect(screen.getByRole('status')).toHaveTextContent('1 saved article');
    expect(
      screen
        .getAllByRole('article')
        .map(
          (article) =>
            article.getAttribute('aria-labelledby') && within(article).getByRole('heading').textContent,
        ),
    ).toEqual([alone.title]);
    await user.type(screen.getByRole('searchbox', { name: 'Search articles' }), 'rocket');
    expect(screen.getByRole('status')).toHaveTextContent('0 saved articles');
    expect(screen.getByText('No saved article matches the search and topics.')).toBeInTheDocument();
  });

  it('exports its marks, and imports a file only when all of it is sound', async () => {
    const { user } = renderApp(articles);
    await screen.findByRole('article', { name: alone.title });
    const input = screen.getByLabelText('A file of marks to import');
    const hostile = new File(
      [JSON.stringify(marksFile([{ url: alone.url, readAt: 1 }, { url: 'javascript:alert(1)' }]))],
      'marks.json',
      { type: 'application/json' },
    );
    await user.upload(input, hostile);
    expect(
      await screen.findByText(/^Nothing imported\. The file was refused: mark 2: url/),
    ).toBeInTheDocument();
    expect(isRead(alone.title)).toBe(false);

    const sound = new File([JSON.stringify(marksFile([{ url: alone.url, readAt: 1 }]))], 'marks.json', {
      type: 'application/json',
    });
    await user.upload(input, sound);
    expect(await screen.findByText('Imported 1 marks.')).toBeInTheDocument();
    expect(isRead(alone.title)).toBe(true);
  });
});

describe('hide read', () => {
  it('leaves out what was read, says so in the status line and the URL, and counts honestly', async () => {
    const { user } = renderApp(articles);
    await screen.findByRole('article', { name: alone.title });
    await user.click(within(card(alone.title)).getByRole('button', { name: 'Mark as read' }));
    await user.click(screen.getByRole('switch', { name: 'Hide read' }));
    expect(window.location.search).toBe('?hideread=1');
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('2 of 3 articles in 1 story, read hidden'),
    );
    expect(
      screen.getAllByRole('article').map((article) => within(article).getByRole('heading').textContent),
    ).toEqual([wire.title]);
    // Read now, the story stays where it is (dimmed) until "Hide read" is switched on again.
    const story = card(wire.title);
    await user.click(within(story).getByRole('button', { name: 'Mark as read' }));
    expect(card(wire.title)).toBeInTheDocument();
    await user.click(screen.getByRole('switch', { name: 'Hide read' }));
    await user.click(screen.getByRole('switch', { name: 'Hide read' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('0 of 3 articles, read hidden'));
    expect(screen.getByText(/All 3 articles here are read/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show read articles' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('3 articles in 2 stories'));
  });

  it('combines with a search and a topic', async () => {
    const { user } = renderApp(
      [...articles, makeArticle({ title: 'Chip makers merge', topics: ['Chips'] })],
      '/?hideread=1',
    );
    await screen.findByRole('article', { name: alone.title });
    await user.click(within(card(alone.title)).getByRole('button', { name: 'Mark as read' }));
    await user.click(screen.getByRole('switch', { name: 'Hide read' }));
    await user.click(screen.getByRole('switch', { name: 'Hide read' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search articles' }), 'chip');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 of 2 articles, read hidden'));
    expect(screen.getByRole('article', { name: 'Chip makers merge' })).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Chips' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 of 1 article, read hidden'));
  });
});
