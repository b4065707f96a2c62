import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeArticle } from '../fixtures/articles.ts';
import { renderApp } from '../fixtures/render-app.tsx';

const day = (n: number) => new Date(Date.UTC(2021, 4, 20 - n)).toISOString();
const articles = [
  makeArticle({ title: 'First news', publishedAt: day(0), topics: ['Chips'] }),
  makeArticle({
    title: 'Second news',
    publishedAt: day(1),
    related: [{ title: 'Background', url: 'https://elsewhere.example/b', type: 'article' }],
  }),
  makeArticle({ title: 'Third news', publishedAt: day(2) }),
];

/** No card has focus (the keyboard moved nothing). */
const expectNoCardFocused = () => {
  for (const article of screen.queryAllByRole('article')) expect(article).not.toHaveFocus();
};
/** The keyboard loads once the first cards are up (see reader-page.tsx). */
const keyboardReady = () =>
  waitFor(() => expect(screen.getByRole('button', { name: 'Keyboard shortcuts' })).toBeEnabled());
const card = (title: string) => screen.getByRole('article', { name: title });

afterEach(() => localStorage.clear());

describe('keyboard shortcuts', () => {
  it('moves from card to card with j and k, never past either end', async () => {
    const { user } = renderApp(articles);
    await screen.findByRole('article', { name: 'First news' });
    await keyboardReady();
    await user.keyboard('j');
    expect(card('First news')).toHaveFocus();
    await user.keyboard('jj');
    expect(card('Third news')).toHaveFocus();
    await user.keyboard('j');
    expect(card('Third news')).toHaveFocus();
    await user.keyboard('k');
    expect(card('Second news')).toHaveFocus();
  });

  it('opens the related coverage with r and the source with o or Enter', async () => {
    const { user } = renderApp(articles);
    await screen.findByRole('article', { name: 'First news' });
    await keyboardReady();
    const opened: string[] = [];
    const link = (title: string) => within(card(title)).getByRole('link', { name: title });
    link('Second news').addEventListener('click', (event) => {
      opened.push('Second news');
      event.preventDefault();
    });
    await user.keyboard('jj');
    await user.keyboard('r');
    expect(
      await within(card('Second news')).findByRole('list', { name: 'Related reading: Second news' }),
    ).toBeVisible();
    await user.keyboard('r');
    await waitFor(() => expect(within(card('Second news')).queryByRole('list')).not.toBeInTheDocument());
    await user.keyboard('o');
    card('Second news').focus();
    await user.keyboard('{Enter}');
    expect(opened).toEqual(['Second news', 'Second news']);
  });

  it('goes to the search with / and to the topics with g then t', async () => {
    const { user } = renderApp(articles);
    await screen.findByRole('article', { name: 'First news' });
    await keyboardReady();
    await user.keyboard('/');
    const box = screen.getByRole('searchbox', { name: 'Search articles' });
    expect(box).toHaveFocus();
    // Typing in a field is typing, not shortcuts.
    await user.keyboard('jk');
    expect(box).toHaveValue('jk');
    expectNoCardFocused();
    await user.clear(box);
    box.blur();
    await user.keyboard('gt');
    expect(screen.getByRole('checkbox', { name: 'Chips' })).toHaveFocus();
  });

  it('lists the shortcuts with ?, and turns them off for good with its switch', async () => {
    const { user, unmount } = renderApp(articles);
    await screen.findByRole('article', { name: 'First news' });
    await keyboardReady();
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByRole('rowheader', { name: 'Next card' })).toBeInTheDocument();
    expect(within(dialog).getByRole('row', { name: /Go to the topics g then t/ })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('switch', { name: 'Keyboard shortcuts' }));
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.keyboard('j?');
    expectNoCardFocused();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    // Kept on this device: a new visit finds them off, and the button still opens the list.
    unmount();
    const { user: returning } = renderApp(articles);
    await screen.findByRole('article', { name: 'First news' });
    await keyboardReady();
    await returning.keyboard('j');
    expectNoCardFocused();
    await returning.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    expect(
      within(screen.getByRole('dialog')).getByRole('switch', { name: 'Keyboard shortcuts' }),
    ).not.toBeChecked();
  });

  it('gives an action another key, refusing one another action has', async () => {
    const { user } = renderApp(articles);
    await screen.findByRole('article', { name: 'First news' });
    await keyboardReady();
    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    await user.click(within(dialog).getByRole('button', { name: 'Change the key for Next card' }));
    await user.keyboard('k');
    expect(within(dialog).getByText('k already does “Previous card”.')).toBeInTheDocument();
    await user.keyboard('n');
    expect(within(dialog).getByRole('row', { name: /Next card n/ })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await user.keyboard('j');
    expectNoCardFocused();
    await user.keyboard('nn');
    expect(card('Second news')).toHaveFocus();
  });
});
