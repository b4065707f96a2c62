import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../fixtures/articles.ts';
import { renderApp } from '../../fixtures/render-app.tsx';

const articles = [
  makeArticle({
    title: 'Apps',
    topics: ['Power Apps', 'Model-driven apps'],
    publishedAt: '2021-06-01T00:00:00.000Z',
  }),
  makeArticle({ title: 'Hidden', topics: ['Secret'], published: false }),
];

const subscribe = () => screen.getByRole('region', { name: 'Subscribe' });
// Links in the head have no role: the feed readers that look for them read the DOM.
const alternates = () =>
  // eslint-disable-next-line testing-library/no-node-access
  [...document.head.querySelectorAll('link[rel="alternate"]')].map((link) => link.getAttribute('href'));

describe('the feed links', () => {
  it('offer the archive feeds and the OPML of the topic feeds', async () => {
    renderApp(articles);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 article'));
    const links = within(subscribe()).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['RSS', '/feeds/rss.xml'],
      ['Atom', '/feeds/atom.xml'],
      ['JSON Feed', '/feeds/feed.json'],
      ['Every topic feed (OPML)', '/feeds/topics.opml'],
    ]);
    expect(within(subscribe()).getByRole('link', { name: 'All articles in Atom' })).toHaveAttribute(
      'type',
      'application/atom+xml',
    );
    expect(alternates()).toEqual([]);
  });

  it('offer each chosen topic its own feeds, announced in the head too', async () => {
    const { user } = renderApp(articles, '/?topic=Power%20Apps');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 article'));
    expect(within(subscribe()).getByRole('link', { name: 'Power Apps in RSS' })).toHaveAttribute(
      'href',
      '/feeds/topic/power-apps/rss.xml',
    );
    expect(alternates()).toEqual([
      '/feeds/topic/power-apps/rss.xml',
      '/feeds/topic/power-apps/atom.xml',
      '/feeds/topic/power-apps/feed.json',
    ]);

    await user.click(screen.getByRole('checkbox', { name: 'Model-driven apps' }));
    expect(within(subscribe()).getByRole('link', { name: 'Model-driven apps in JSON Feed' })).toHaveAttribute(
      'href',
      '/feeds/topic/model--driven-apps/feed.json',
    );
    expect(within(subscribe()).queryByRole('link', { name: /OPML/ })).toBeNull();

    await user.click(screen.getByRole('checkbox', { name: 'Power Apps' }));
    await user.click(screen.getByRole('checkbox', { name: 'Model-driven apps' }));
    expect(alternates()).toEqual([]);
  });
});
