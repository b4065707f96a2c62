import { describe, expect, it } from 'vitest';
import { noSelection, readFeed, type Cursor } from '../../../../src/features/feed/api/feed-pages.ts';
import type { FeedRequest } from '../../../../src/features/feed/api/feed-selection.ts';
import type { Article } from '../../../../src/shared/article-schema.ts';
import type { DataPage, NewsIndex } from '../../../../src/shared/data-folder.ts';
import { isMissing, type Peek, type StreamPage } from '../../../../src/shared/feed-stream.ts';
import { buildDataFolder } from '../../../fixtures/data-folder.ts';
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
  const index: NewsIndex = { ...folder.index, base: '/data/test/' };
  const { render: fileText } = folder;
  const peek: Peek = (file) => {
    const text = fileText(file);
    return text === undefined ? undefined : (JSON.parse(text) as DataPage);
  };
  const read = (group: boolean, cursor: Cursor) => {
    const request: FeedRequest = { view: 'published', topics: [], search: [], group, sort: 'newest' };
    const page = readFeed(index, request, cursor, noSelection, peek);
    if (isMissing(page)) throw new Error(`missing ${page.missing.join(', ')}`);
    return page;
  };
  /** Every card, read after read, as the infinite query would. */
  const readToEnd = (group: boolean) => {
    const pages: StreamPage<Cursor>[] = [read(group, { kind: 'feed', offset: 0 })];
    for (let next = pages.at(-1)?.next; next; next = pages.at(-1)?.next) pages.push(read(group, next));
    return pages.flatMap((page) =>
      page.articles.map((article) => `${article.title} / ${article.provider?.name}`),
    );
  };

  it('shows each story once, as its newest report, at that report’s place', () => {
    expect(folder.index.storyCount).toEqual({ published: 6, all: 6 });
    expect(readToEnd(true)).toEqual([
      'Entirely different news / Example News',
      'Nothing like the others / Example News',
      ...[...events].reverse().map((event) => `${event} / Daily Two`),
    ]);
  });

  it('fills the first screen with six cards, reading past the reports it passes over', () => {
    const first = read(true, { kind: 'feed', offset: 0 });
    expect(first.articles).toHaveLength(6);
    // What is left are older reports of stories already shown.
    if (!first.next) throw new Error('the feed ended early');
    expect(read(true, first.next)).toEqual({ articles: [], next: null });
  });

  it('remembers across reads which stories it has shown', () => {
    // The first read stops after the newest four reports; the second meets the older ones.
    const all = readToEnd(false);
    expect(all).toHaveLength(10);
    const first = read(true, { kind: 'feed', offset: 0 });
    const later = first.articles.slice(2, 4).map((article) => article.story?.id);
    expect(later.every((id) => id !== undefined)).toBe(true);
    const resumed = read(true, { kind: 'feed', offset: 4, storiesShown: later as string[] });
    expect(resumed.articles.map((article) => article.story?.id)).not.toContain(later[0]);
  });

  it('shows every article with grouping off', () => {
    expect(readToEnd(false)).toHaveLength(10);
  });
});
