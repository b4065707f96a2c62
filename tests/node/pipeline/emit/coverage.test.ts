import { describe, expect, it } from 'vitest';
import { coverageOf, emptyPanelMemo } from '../../../../src/node/pipeline/emit/coverage.ts';
import { ranksById } from '../../../../src/node/pipeline/emit/keys.ts';
import { makeArticle } from '../../../fixtures/articles.ts';

describe('what a panel lists', () => {
  const lead = makeArticle({
    id: 'lead',
    title: 'Acme unveils Zorblax',
    publishedAt: '2021-03-01T08:00:00.000Z',
    provider: { name: 'Wire One' },
  });
  const second = makeArticle({
    id: 'second',
    title: 'Zorblax, seen up close',
    publishedAt: '2021-03-01T12:00:00.000Z',
    provider: { name: 'Daily Two' },
    related: [
      { title: 'Acme unveils Zorblax', url: lead.url, type: 'article' },
      { title: 'Background on Acme', url: 'https://elsewhere.example/acme', type: 'article' },
      { title: 'Background on Acme, again', url: 'https://elsewhere.example/acme', type: 'article' },
      { title: 'Another story of this archive', url: 'https://example.com/other', type: 'article' },
    ],
  });
  const other = makeArticle({ id: 'other', url: 'https://example.com/other', title: 'Something else' });
  const articles = [second, lead, other];
  const panels = coverageOf(
    articles,
    [{ ids: ['lead', 'second'], reasons: ['', '3 title words in common'] }],
    ranksById(articles),
  );
  // By rank, as the articles came.
  const panel = (id: string) => panels[articles.findIndex((article) => article.id === id)];

  it('lists the other articles of the story, each with its outlet, date and why', () => {
    expect(panel('second')?.sameStory).toEqual([
      {
        id: 'lead',
        title: 'Acme unveils Zorblax',
        url: lead.url,
        publishedAt: lead.publishedAt,
        type: 'article',
        provider: { name: 'Wire One' },
        reason: 'first report',
      },
    ]);
    expect(panel('lead')?.sameStory.map((item) => [item.id, item.reason])).toEqual([
      ['second', '3 title words in common'],
    ]);
    expect(panel('other')).toEqual({ sameStory: [], related: [] });
  });

  it('lists the file’s own related reading without a URL twice, marking what is in the archive', () => {
    expect(panel('second')?.related).toEqual([
      { title: 'Background on Acme', url: 'https://elsewhere.example/acme', type: 'article' },
      {
        title: 'Another story of this archive',
        url: 'https://example.com/other',
        type: 'article',
        inArchive: true,
      },
    ]);
  });
});

describe('panels kept from the last run (the dev server)', () => {
  const at = (day: number) => `2021-01-0${day}T00:00:00.000Z`;
  const lead = makeArticle({ id: 'lead', publishedAt: at(1) });
  const gone = makeArticle({ id: 'gone', publishedAt: at(2) });
  const newer = makeArticle({ id: 'newer', publishedAt: at(3) });
  const story = { ids: ['lead', 'gone'], reasons: ['', 'same words'] };

  it('drop an article gone from the archive though the stories still name it', () => {
    // Gone at the newest end (no key moves), and from the middle (a newer one moves).
    for (const [before, after] of [
      [[gone, lead], [lead]],
      [
        [newer, gone, lead],
        [newer, lead],
      ],
    ]) {
      const memo = emptyPanelMemo();
      const panelsOf = (articles: typeof before, kept?: typeof memo) =>
        coverageOf(articles ?? [], [story], ranksById(articles ?? []), kept);
      panelsOf(before, memo);
      expect(panelsOf(after, memo)).toEqual(panelsOf(after));
    }
  });
});
