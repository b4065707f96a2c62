import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeArticle, twoOutletStory } from '../fixtures/articles.ts';
import { renderApp } from '../fixtures/render-app.tsx';
import { indexUrl } from '../../src/lib/news-index.ts';
import { reloadPage } from '../../src/lib/reload-page.ts';

// jsdom cannot navigate, and its location.reload cannot be spied on.
vi.mock('../../src/lib/reload-page.ts', () => ({ reloadPage: vi.fn() }));

const related = Array.from({ length: 5 }, (_, i) => ({
  title: `Coverage ${i + 1}`,
  url: `https://outlet${i + 1}.example/story`,
  type: 'article',
  provider: { name: `Outlet ${i + 1}` },
}));

const seedLike = makeArticle({
  title: 'Facebook’s new computer vision model',
  url: 'https://venturebeat.com/story/',
  published: false,
  provider: { name: 'VentureBeat', domain: 'venturebeat.com' },
  topics: ['Computer Vision', 'AI', 'Facebook AI'],
  related,
});

const apps = makeArticle({
  title: 'Power Apps news',
  topics: ['Power Apps'],
  publishedAt: '2021-05-01T00:00:00.000Z',
});
const portals = makeArticle({
  title: 'Portals news',
  topics: ['Power Apps', 'Portals'],
  publishedAt: '2021-06-01T00:00:00.000Z',
});
const video = makeArticle({
  title: 'A video',
  type: 'video',
  videoId: 'WJk-Y8LQlfE',
  topics: ['Power Apps'],
});

function cardTitles() {
  return within(screen.getByRole('list', { name: 'Articles' }))
    .getAllByRole('heading', { level: 2 })
    .map((heading) => heading.textContent);
}

describe('the feed', () => {
  it('hides the only, unpublished, article and offers to show it', async () => {
    const { user } = renderApp([seedLike]);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('0 articles'));
    const toggle = screen.getByRole('switch', { name: 'Show unpublished (1)' });
    expect(toggle).not.toBeChecked();
    expect(
      screen.getByText(/No published articles yet\. 1 unpublished article is hidden\./),
    ).toBeInTheDocument();

    await user.click(toggle);
    expect(screen.getByRole('status')).toHaveTextContent('1 article');
    expect(window.location.search).toBe('?unpublished=1');
    const card = screen.getByRole('article', { name: 'Facebook’s new computer vision model' });
    expect(within(card).getByText('VentureBeat')).toBeInTheDocument();
    expect(within(card).getByText('Unpublished')).toBeInTheDocument();
    for (const topic of ['Computer Vision', 'AI', 'Facebook AI']) {
      expect(within(card).getByRole('button', { name: `Filter by ${topic}` })).toBeInTheDocument();
    }
    const link = within(card).getByRole('link', { name: 'Facebook’s new computer vision model' });
    expect(link).toHaveAttribute('href', 'https://venturebeat.com/story/');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('reveals unpublished articles from the empty state too', async () => {
    const { user } = renderApp([seedLike]);
    await user.click(await screen.findByRole('button', { name: 'Reveal 1 unpublished article' }));
    expect(screen.getByRole('status')).toHaveTextContent('1 article');
    expect(screen.getByRole('switch', { name: 'Show unpublished (1)' })).toBeChecked();
  });

  it('opens the related panel in place, each item linking to its own source', async () => {
    const { user, requested } = renderApp([seedLike], '/?unpublished=1');
    const button = await screen.findByRole('button', { name: '5 related' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('list', { name: /Related reading/ })).not.toBeInTheDocument();
    // The feed's pages say how many there are; the items themselves wait until they are wanted.
    expect(requested().filter((file) => file.startsWith('r/'))).toEqual([]);

    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const panel = await screen.findByRole('list', {
      name: 'Related reading: Facebook’s new computer vision model',
    });
    // aria-controls names the panel by id, which no Testing Library query looks up.
    // eslint-disable-next-line testing-library/no-node-access
    expect(document.getElementById(button.getAttribute('aria-controls') ?? '')).toContainElement(panel);
    const links = within(panel).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(related.map((item) => item.url));
    for (const link of links) expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(requested().filter((file) => file.startsWith('r/'))).toEqual(['r/0.json']);

    await user.click(button);
    expect(screen.queryByRole('list', { name: /Related reading/ })).not.toBeInTheDocument();
    // Opened again, it answers from memory.
    await user.click(button);
    expect(screen.getByRole('list', { name: /Related reading/ })).toBeInTheDocument();
  });

  describe('a story told by two outlets', () => {
    const [first, second] = twoOutletStory({
      related: [{ title: 'Background on Acme', url: 'https://elsewhere.example/acme', type: 'article' }],
    });

    it('shows one card for the story, its newest report, naming the other outlet', async () => {
      const { user } = renderApp([first, second]);
      const card = await screen.findByRole('article', { name: 'Acme unveils the Zorblax rocket' });
      expect(screen.getByRole('status')).toHaveTextContent('2 articles in 1 story');
      expect(within(card).getByRole('link', { name: 'Acme unveils the Zorblax rocket' })).toHaveAttribute(
        'href',
        second.url,
      );
      expect(card).toHaveTextContent('Also Wire One');
      await user.click(within(card).getByRole('button', { name: '1 related' }));
      const story = await within(card).findByRole('list', {
        name: 'Same story: Acme unveils the Zorblax rocket',
      });
      expect(within(story).getByRole('link', { name: 'Acme unveils the Zorblax rocket' })).toHaveAttribute(
        'href',
        first.url,
      );
      expect(story).toHaveTextContent('Wire One');
      expect(story).toHaveTextContent('first report');
    });

    it('shows each article on its own with "Group stories" off, in the URL, and back with Back', async () => {
      const { user } = renderApp([first, second]);
      await screen.findByRole('article', { name: 'Acme unveils the Zorblax rocket' });
      await user.click(screen.getByRole('switch', { name: 'Group stories' }));
      await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(2));
      expect(window.location.search).toBe('?group=0');
      expect(screen.getByRole('status')).toHaveTextContent(/^2 articles$/);
      expect(screen.queryByText('Also Wire One')).not.toBeInTheDocument();
      // The older card, from Wire One, is second: its panel lists the other outlet, then its own reading.
      const [, card] = screen.getAllByRole('article', { name: 'Acme unveils the Zorblax rocket' });
      if (!card) throw new Error('no second card');
      await user.click(within(card).getByRole('button', { name: '2 related' }));
      const story = await within(card).findByRole('list', {
        name: 'Same story: Acme unveils the Zorblax rocket',
      });
      expect(within(story).getByRole('link', { name: 'Acme unveils the Zorblax rocket' })).toHaveAttribute(
        'href',
        second.url,
      );
      expect(story).toHaveTextContent('Daily Two');
      expect(story).toHaveTextContent('same title');
      const reading = within(card).getByRole('list', {
        name: 'Related reading: Acme unveils the Zorblax rocket',
      });
      expect(within(reading).getByRole('link', { name: 'Background on Acme' })).toBeInTheDocument();
      expect(within(card).getByRole('heading', { name: 'Same story' })).toBeInTheDocument();
      window.history.back();
      await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
      expect(screen.getByRole('switch', { name: 'Group stories' })).toBeChecked();
    });
  });

  it('starts loading related coverage when a pointer rests on its button', async () => {
    const { user, requested } = renderApp([seedLike], '/?unpublished=1');
    const button = await screen.findByRole('button', { name: '5 related' });
    await user.hover(button);
    await waitFor(() => expect(requested()).toContain('r/0.json'));
  });

  it('says when related coverage cannot be loaded, and loads it on a retry', async () => {
    const { user, recover } = renderApp([seedLike], '/?unpublished=1', { failing: /\/r\// });
    await user.click(await screen.findByRole('button', { name: '5 related' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The related coverage could not be loaded. The server answered 503');
    recover();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    const panel = await screen.findByRole('list', { name: /Related reading/ });
    expect(within(panel).getAllByRole('link')).toHaveLength(5);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('works from the keyboard alone', async () => {
    const { user } = renderApp([seedLike]);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('0 articles'));
    await user.tab();
    expect(screen.getByRole('link', { name: 'Skip to articles' })).toHaveFocus();
    screen.getByRole('switch', { name: 'Show unpublished (1)' }).focus();
    await user.keyboard(' ');
    expect(screen.getByRole('status')).toHaveTextContent('1 article');
    screen.getByRole('button', { name: '5 related' }).focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('list', { name: /Related reading/ })).toBeInTheDocument();
  });

  it('lists in the order of the build (newest first) and filters by topic, with counts, in the URL', async () => {
    const { user } = renderApp([portals, apps, video, seedLike]);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('3 articles'));
    expect(cardTitles()).toEqual(['Portals news', 'Power Apps news', 'A video']);

    const topics = screen.getByRole('group', { name: 'Topics' });
    const checkboxes = within(topics).getAllByRole('checkbox');
    expect(checkboxes).toEqual([
      within(topics).getByRole('checkbox', { name: 'Power Apps', description: '3 articles' }),
      within(topics).getByRole('checkbox', { name: 'Portals', description: '1 article' }),
    ]);
    expect(within(topics).getByRole('checkbox', { name: 'Portals' })).toHaveAccessibleDescription(
      '1 article',
    );

    await user.click(within(topics).getByRole('checkbox', { name: 'Portals' }));
    expect(screen.getByRole('status')).toHaveTextContent('1 article');
    expect(window.location.search).toBe('?topic=Portals');
    expect(cardTitles()).toEqual(['Portals news']);

    act(() => window.history.back());
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('3 articles'));
    expect(within(topics).getByRole('checkbox', { name: 'Portals' })).not.toBeChecked();
  });

  it('counts topics over all articles once unpublished ones are shown', async () => {
    renderApp([apps, seedLike], '/?unpublished=1');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('2 articles'));
    const topics = screen.getByRole('group', { name: 'Topics' });
    expect(within(topics).getAllByRole('checkbox')).toEqual(
      ['AI', 'Computer Vision', 'Facebook AI', 'Power Apps'].map((name) =>
        within(topics).getByRole('checkbox', { name, description: '1 article' }),
      ),
    );
  });

  it('filters by a topic chip on a card, and the chip shows it is active', async () => {
    const { user } = renderApp([apps, portals]);
    const card = await screen.findByRole('article', { name: 'Portals news' });
    await user.click(within(card).getByRole('button', { name: 'Filter by Portals' }));
    expect(screen.getByRole('status')).toHaveTextContent('1 article');
    expect(within(card).getByRole('button', { name: 'Filter by Portals' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByRole('checkbox', { name: 'Portals' })).toBeChecked();
  });

  it('opens with the topics of a shared URL and offers to clear them when nothing matches', async () => {
    const { user } = renderApp([apps, portals], '/?topic=Nothing');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('0 articles'));
    expect(screen.getByRole('checkbox', { name: 'Nothing' })).toBeChecked();
    expect(screen.getByText('No articles in these topics.')).toBeInTheDocument();
    await user.click(within(screen.getByRole('main')).getByRole('button', { name: 'Clear topics' }));
    expect(screen.getByRole('status')).toHaveTextContent('2 articles');
    expect(window.location.search).toBe('');
  });

  it('marks videos with a badge', async () => {
    renderApp([apps, video]);
    const card = await screen.findByRole('article', { name: 'A video' });
    expect(within(card).getByText('Video')).toBeInTheDocument();
    expect(
      within(screen.getByRole('article', { name: 'Power Apps news' })).queryByText('Video'),
    ).not.toBeInTheDocument();
  });

  it('says when there are no articles at all', async () => {
    renderApp([]);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('0 articles'));
    expect(screen.getByText(/No articles yet/)).toBeInTheDocument();
  });

  it('shows loading, then an error with a retry that works', async () => {
    const { user, fetchMock, requested } = renderApp([apps], '/', { failFirst: 1 });
    expect(screen.getByRole('status')).toHaveTextContent('Loading articles…');
    const alert = await screen.findByRole('alert');
    expect(screen.getByRole('status')).toHaveTextContent('No articles loaded');
    expect(alert).toHaveTextContent(
      'The articles could not be loaded. The server answered 503 Service Unavailable.',
    );
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 article'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // The first request (the page's manifest) failed; the retry fetched it, then the page.
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(requested()).toEqual(['a/0.json']);
  });

  it('offers to reload, not to retry, when a newer build has replaced the files the page reads', async () => {
    const { user } = renderApp([apps], '/', { gone: /\/a\// });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'The articles could not be loaded. The archive was updated since this page was opened.',
    );
    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    expect(reloadPage).toHaveBeenCalledOnce();
    expect(within(alert).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });
});

describe('the first screen', () => {
  it('waits for the index where the page has none, and offers a retry when it cannot be read', async () => {
    const { user, fetchMock } = renderApp([apps], '/', { indexFetched: true, failFirst: 1 });
    expect(screen.getByRole('status')).toHaveTextContent('Loading the archive…');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'The articles could not be loaded. The server answered 503 Service Unavailable.',
    );
    expect(fetchMock).toHaveBeenCalledWith(indexUrl, expect.anything());
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 article'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('needs no request when its files come with the page, as the build puts them there', async () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      // Ten days apart: look-alike titles, but no two reports of one story.
      makeArticle({
        title: `Story ${i}`,
        publishedAt: new Date(Date.UTC(2021, 0, 400 - i * 10)).toISOString(),
      }),
    );
    // Pages the feed reads ahead wait until the first screen is checked, however slow the run.
    const { requested, release } = renderApp(many, '/', { bundled: true, holding: /\/a\/\d+\./ });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('40 articles'));
    // The cards come from the bundled pages, never fetched: the newest, a/3, holds 4 of the 40
    // (keys count from the oldest), and a/2 the next 12.
    expect(cardTitles().length).toBeGreaterThan(2);
    for (const title of cardTitles()) expect(title).toMatch(/^Story ([0-9]|1[0-5])$/);
    release();
    // Only later pages are fetched, as the feed reads ahead.
    await waitFor(() => expect(requested()).toContain('a/1.json'));
    expect(requested().filter((file) => file === 'a/3.json' || file === 'a/2.json')).toEqual([]);
  });
});
