import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../fixtures/articles.ts';
import { renderApp } from '../fixtures/render-app.tsx';

const day = (n: number) => new Date(Date.UTC(2021, 4, 20 - n)).toISOString();
const newest = makeArticle({ title: 'Newest, so-so', publishedAt: day(0), quality: 10, topics: ['Chips'] });
const best = makeArticle({ title: 'Best robot story', publishedAt: day(1), quality: 90 });
const oldest = makeArticle({
  title: 'Oldest, good robot',
  publishedAt: day(2),
  quality: 50,
  topics: ['Chips'],
});
const plain = makeArticle({ title: 'No quality given', publishedAt: day(3), topics: ['Chips'] });
const draft = makeArticle({
  title: 'Draft, the very best',
  publishedAt: day(1),
  quality: 100,
  published: false,
});
const articles = [newest, best, oldest, plain, draft];

const titles = () =>
  within(screen.getByRole('list', { name: 'Articles' }))
    .getAllByRole('heading')
    .map((heading) => heading.textContent);

describe('sort', () => {
  it('orders newest first by default, oldest first, or top, in the URL', async () => {
    const { user } = renderApp(articles);
    await waitFor(() => expect(titles()).toEqual([newest, best, oldest, plain].map((a) => a.title)));
    const sort = screen.getByRole('combobox', { name: 'Sort' });
    await user.selectOptions(sort, 'Oldest first');
    expect(window.location.search).toBe('?sort=oldest');
    await waitFor(() => expect(titles()).toEqual([plain, oldest, best, newest].map((a) => a.title)));
    await user.selectOptions(sort, 'Top');
    expect(window.location.search).toBe('?sort=top');
    // Quality first, then newest; an article without one last.
    await waitFor(() => expect(titles()).toEqual([best, oldest, newest, plain].map((a) => a.title)));
    await user.click(screen.getByRole('switch', { name: 'Show unpublished (1)' }));
    await waitFor(() => expect(titles()[0]).toBe(draft.title));
    window.history.back();
    await waitFor(() => expect(titles()).toEqual([best, oldest, newest, plain].map((a) => a.title)));
  });

  it('combines with a topic and a search', async () => {
    const { user } = renderApp(articles, '/?sort=top&topic=Chips');
    await waitFor(() => expect(titles()).toEqual([oldest, newest, plain].map((a) => a.title)));
    expect(screen.getByRole('status')).toHaveTextContent('3 articles');
    await user.type(screen.getByRole('searchbox', { name: 'Search articles' }), 'robot');
    await waitFor(() => expect(titles()).toEqual([oldest.title]));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort' }), 'Oldest first');
    await user.click(screen.getByRole('checkbox', { name: 'Chips' }));
    await waitFor(() => expect(titles()).toEqual([oldest, best].map((a) => a.title)));
  });

  it('shows a story, oldest first, as its first report', async () => {
    const wire = makeArticle({
      title: 'Acme unveils Zorblax',
      publishedAt: day(5),
      provider: { name: 'Wire One' },
    });
    const daily = makeArticle({
      title: 'Acme unveils Zorblax',
      publishedAt: day(4),
      provider: { name: 'Daily Two' },
    });
    renderApp([wire, daily], '/?sort=oldest');
    const card = await screen.findByRole('article', { name: wire.title });
    expect(card).toHaveTextContent('Wire One');
    expect(card).toHaveTextContent('Also Daily Two');
  });
});
