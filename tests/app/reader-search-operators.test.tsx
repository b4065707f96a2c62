import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../fixtures/articles.ts';
import { renderApp } from '../fixtures/render-app.tsx';

const articles = [
  makeArticle({
    title: 'Robots learn to see',
    publishedAt: '2021-03-06T09:00:00.000Z',
    topics: ['Computer Vision'],
    provider: { name: 'VentureBeat', domain: 'venturebeat.com' },
  }),
  makeArticle({
    title: 'See robots learn',
    publishedAt: '2021-03-04T09:00:00.000Z',
    topics: ['Robotics'],
    provider: { name: 'Wire Daily' },
  }),
  makeArticle({
    title: 'Drone video of the chip plant',
    type: 'video',
    publishedAt: '2021-03-02T09:00:00.000Z',
    topics: ['Hardware'],
    provider: { name: 'Tube' },
  }),
  makeArticle({ title: 'Chip prices fall', publishedAt: '2021-02-20T09:00:00.000Z', topics: ['Hardware'] }),
];

/** The cards' titles; none when nothing matches (the list gives way to a message). */
const titles = () => {
  const list = screen.queryByRole('list', { name: 'Articles' });
  return list
    ? within(list)
        .queryAllByRole('heading')
        .map((heading) => heading.textContent)
    : [];
};

/** Opens the reader on a search typed in the URL (as a shared link would). */
async function searchFor(query: string, extra = '') {
  const view = renderApp(articles, `/?q=${encodeURIComponent(query)}&group=0${extra}`);
  await waitFor(() => expect(screen.getByRole('status')).not.toHaveTextContent('Loading'));
  return view;
}

describe('search operators', () => {
  it.each([
    ['robot -drone', ['Robots learn to see', 'See robots learn']],
    ['robots -see', []],
    ['drone OR prices', ['Drone video of the chip plant', 'Chip prices fall']],
    ['"robots learn"', ['Robots learn to see', 'See robots learn']],
    ['"learn to see"', ['Robots learn to see']],
    ['topic:"computer vision"', ['Robots learn to see']],
    ['-topic:Hardware', ['Robots learn to see', 'See robots learn']],
    ['provider:venture', ['Robots learn to see']],
    ['provider:venturebeat.com', ['Robots learn to see']],
    ['type:video', ['Drone video of the chip plant']],
    ['after:2021-03-04', ['Robots learn to see', 'See robots learn']],
    ['before:2021-03-04', ['Drone video of the chip plant', 'Chip prices fall']],
    ['date:2021-03-02/2021-03-04', ['See robots learn', 'Drone video of the chip plant']],
    ['date:2021-02', ['Chip prices fall']],
    ['chip after:2021-03-01', ['Drone video of the chip plant']],
  ])('%s', async (query, expected) => {
    await searchFor(query);
    await waitFor(() => expect(titles()).toEqual(expected));
    expect(screen.getByRole('status')).toHaveTextContent(
      `${expected.length} article${expected.length === 1 ? '' : 's'}`,
    );
  });

  it('shows what it cannot read or find as hints, and applies the rest', async () => {
    await searchFor('chip colour:red topic:Gardening after:2021-13-01');
    const hints = screen.getByRole('list', { name: 'Search hints' });
    await waitFor(() => expect(within(hints).getAllByRole('listitem')).toHaveLength(3));
    expect(hints).toHaveTextContent('“colour:” is not an operator');
    expect(hints).toHaveTextContent('“2021-13-01” is not a date');
    expect(hints).toHaveTextContent('No topic is called “Gardening”');
    // The unknown topic matches nothing; the rest still applies.
    expect(screen.getByRole('status')).toHaveTextContent('0 articles');
  });

  it('combines with the topics chosen in the sidebar', async () => {
    await searchFor('chip OR robots', '&topic=Hardware');
    await waitFor(() => expect(titles()).toEqual(['Drone video of the chip plant', 'Chip prices fall']));
  });

  it('explains its syntax one click away', async () => {
    const { user } = await searchFor('');
    await user.click(screen.getByText('Search syntax'));
    expect(await screen.findByText('topic:"Computer Vision"')).toBeVisible();
  });
});
