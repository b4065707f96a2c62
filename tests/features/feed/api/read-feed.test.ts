import { describe, expect, it } from 'vitest';
import { readFeed, type Cursor, type FeedRead } from '../../../../src/features/feed/api/feed-pages.ts';
import { noSelection } from '../../../../src/features/feed/api/feed-selection.ts';
import type { Article } from '../../../../src/shared/article-schema.ts';
import type { StreamPage } from '../../../../src/features/feed/api/feed-stream.ts';
import { buildDataFolder } from '../../../fixtures/data-folder.ts';
import { dataClient } from '../../../fixtures/data-client.ts';
import { makeArticle } from '../../../fixtures/articles.ts';

const hour = (n: number) => new Date(Date.UTC(2021, 2, 1, n)).toISOString();

/** Eight reports of four events in turn (each told twice, by two outlets, hours apart), and two articles alone. */
const events = [
  'Zorblax rocket lifts off',
  'Quibbit merger approved',
  'Flange chip recalled',
  'Wobble app banned',
];
const articles: Article[] = [
  ...events.flatMap((event, i) => [
    makeArticle({ title: event, publishedAt: hour(i), provider: { name: 'Wire One' } }),
    makeArticle({ title: event, publishedAt: hour(i + 10), provider: { name: 'Daily Two' } }),
  ]),
  makeArticle({ title: 'Nothing like the others', publishedAt: hour(20) }),
  makeArticle({ title: 'Entirely different news', publishedAt: hour(21) }),
];

describe('reading the feed, one card per story', () => {
  const folder = buildDataFolder(articles, 2);
  const read = (group: boolean, cursor: Cursor) => {
    const { client, index } = dataClient(folder);
    const selection = { ids: '', anyTopic: false, search: '', hidden: '' };
    const request: FeedRead = { view: 'published', group, sort: 'newest', selection };
    return readFeed(client, index, request, cursor, noSelection);
  };
  /** Every card, read after read, as the infinite query would. */
  const readToEnd = async (group: boolean) => {
    const pages: StreamPage<Cursor>[] = [await read(group, { kind: 'feed', offset: 0 })];
    for (let next = pages.at(-1)?.next; next; next = pages.at(-1)?.next) pages.push(await read(group, next));
    return pages.flatMap((page) =>
      page.articles.map((article) => `${article.title} / ${article.provider?.name}`),
    );
  };

  it('shows each story once, as its newest report, at that report’s place', async () => {
    expect(folder.index.storyCount).toEqual({ published: 6, all: 6 });
    expect(await readToEnd(true)).toEqual([
      'Entirely different news / Example News',
      'Nothing like the others / Example News',
      ...[...events].reverse().map((event) => `${event} / Daily Two`),
    ]);
  });

  it('fills the first screen with six cards, reading past the reports it passes over', async () => {
    const first = await read(true, { kind: 'feed', offset: 0 });
    expect(first.articles).toHaveLength(6);
    // What is left are older reports of stories already shown.
    if (!first.next) throw new Error('the feed ended early');
    expect(await read(true, first.next)).toEqual({ articles: [], next: null });
  });

  it('remembers across reads which stories it has shown', async () => {
    // The first read stops after the newest four reports; the second meets the older ones.
    const all = await readToEnd(false);
    expect(all).toHaveLength(10);
    const first = await read(true, { kind: 'feed', offset: 0 });
    const later = first.articles.slice(2, 4).map((article) => article.story?.id);
    expect(later.every((id) => id !== undefined)).toBe(true);
    const resumed = await read(true, { kind: 'feed', offset: 4, storiesShown: later as string[] });
    expect(resumed.articles.map((article) => article.story?.id)).not.toContain(later[0]);
  });

  it('shows every article with grouping off', async () => {
    expect(await readToEnd(false)).toHaveLength(10);
  });
});
