import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../../src/shared/article-schema.ts';
import {
  emitDataFolder,
  emptyEmitMemo,
  type EmitMemo,
} from '../../../../src/node/pipeline/emit/data-folder.ts';
import { feedPages, type PageMemo } from '../../../../src/node/pipeline/emit/feed-pages.ts';
import type { DataPage, StoredCard } from '../../../../src/shared/data-folder.ts';
import { findStories, type Story } from '../../../../src/node/pipeline/stories/find-stories.ts';
import { makeArticle, twoOutletStory } from '../../../fixtures/articles.ts';

const withoutProvider = ({ provider: _, ...article }: Article): Article => article;

/** The data folder of `articles` (any order), with `kept` from the runs before, or from scratch. */
const folderOf = (articles: readonly Article[], kept?: EmitMemo) => {
  const newestFirst = [...articles].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  return emitDataFolder({ articles: newestFirst, stories: findStories(newestFirst) }, 2, undefined, kept);
};

describe('cards and panels kept from run to run (the dev server)', () => {
  it('are what a run from scratch makes, as a story gains and loses outlets and links gain and lose their article', () => {
    const kept = emptyEmitMemo();
    const thirdUrl = 'https://three.example/zorblax';
    const [wire, daily] = twoOutletStory({
      related: [{ title: 'The third report', url: thirdUrl, type: 'article' }],
    });
    // Of the same story...
    const third = makeArticle({
      title: wire.title,
      url: 'https://three.example/zorblax-too',
      publishedAt: '2021-03-01T10:00:00.000Z',
      provider: { name: 'Third Times' },
    });
    // ...and the article the first report links to, of another.
    const linked = makeArticle({ url: thirdUrl, publishedAt: '2021-02-01T10:00:00.000Z' });
    const others = [makeArticle(), makeArticle({ publishedAt: '2021-03-05T07:00:00.000Z' })];
    // The same link's article as the newest of all, which leaves no other article's key moved.
    const newestLinked = makeArticle({ url: thirdUrl, publishedAt: '2022-01-01T10:00:00.000Z' });
    const runs = [
      [wire, daily, ...others],
      [wire, daily, linked, ...others],
      [wire, daily, third, linked, ...others],
      [wire, third, ...others],
      [wire, daily, ...others],
      // A report edited: the same id, a new object, another outlet's name.
      [wire, { ...daily, provider: { name: 'Daily Two, renamed' } }, ...others],
      [wire, daily, ...others, newestLinked],
      [wire, daily, ...others],
    ];
    for (const articles of runs) expect(folderOf(articles, kept)).toEqual(folderOf(articles));
  });

  it('follow why an article joined its story, which other articles can change', () => {
    const kept = emptyEmitMemo();
    const at = (hours: number) => new Date(Date.UTC(2021, 2, 15) + hours * 3_600_000).toISOString();
    const story = [
      ['Zorblax plant opens', 'Kestrel quorvane bramlet tindrop welkin said on Monday.', 'One'],
      ['Zorblax factory news', 'Kestrel quorvane bramlet tindrop welkin, the firm said.', 'Two'],
    ].map(([title, excerpt, name], hour) =>
      makeArticle({ title, excerpt, publishedAt: at(hour), provider: { name: name as string } }),
    );
    const weeks = Array.from({ length: 200 }, (_, i) =>
      makeArticle({
        title: `Filler ${i} alpha${i}`,
        excerpt: `Word${i} beta${i}.`,
        publishedAt: at((i - 100) * 3),
      }),
    );
    // Sixty reports of the days after that name "kestrel": it no longer weighs, one word fewer in common.
    const kestrels = Array.from({ length: 60 }, (_, i) =>
      makeArticle({
        title: `Other ${i} delta${i}`,
        excerpt: `Kestrel epsilon${i}.`,
        publishedAt: at(24 + i * 4.8),
      }),
    );
    const reasonsOf = (articles: readonly Article[]) =>
      findStories(articles).find((found) => found.ids.includes(story[0]?.id ?? ''))?.reasons;
    expect(reasonsOf([...story, ...weeks])).toEqual(['', '6 words in common']);
    expect(reasonsOf([...story, ...weeks, ...kestrels])).toEqual(['', '5 words in common']);
    for (const articles of [
      [...story, ...weeks],
      [...story, ...weeks, ...kestrels],
    ])
      expect(folderOf(articles, kept)).toEqual(folderOf(articles));
  });

  it('are the same objects while what they are made of is', () => {
    const kept = emptyEmitMemo();
    const articles = [...twoOutletStory(), makeArticle()];
    const first = folderOf(articles, kept).files;
    const again = folderOf(
      [...articles, makeArticle({ publishedAt: '2021-03-09T07:00:00.000Z' })],
      kept,
    ).files;
    const cardsOf = (files: typeof first) =>
      files.flatMap(({ path, data }) =>
        path.startsWith('a/') ? (data as { articles: unknown[] }).articles : [],
      );
    const firstCards = cardsOf(first);
    expect(cardsOf(again).filter((card) => firstCards.includes(card))).toHaveLength(firstCards.length);
  });

  it('keep the files made from a few fields of each article only while each of those is unchanged', () => {
    const kept = emptyEmitMemo();
    const [a, b, c] = [
      makeArticle({ topics: ['AI'] }),
      makeArticle({
        publishedAt: '2021-03-05T07:00:00.000Z',
        topics: ['AI', 'Robots'],
        // In the archive once a's URL is this.
        related: [{ title: 'Elsewhere', url: 'https://elsewhere.example/a', type: 'article' }],
      }),
      // No outlet named: its source's host names it.
      withoutProvider(makeArticle({ publishedAt: '2021-03-06T07:00:00.000Z', topics: ['Robots'] })),
    ] as [Article, Article, Article];
    const story: Story = { ids: [a.id, b.id], reasons: ['', 'the same words'] };
    const emit = (articles: readonly Article[], stories: readonly Story[], memo?: EmitMemo) =>
      emitDataFolder(
        { articles: [...articles].sort((x, y) => y.publishedAt.localeCompare(x.publishedAt)), stories },
        2,
        undefined,
        memo,
      );
    const runs: [Article[], Story[]][] = [
      [[a, b, c], []],
      // A story forms, and nothing else changes: the topics' story counts do.
      [[a, b, c], [story]],
      [[{ ...a, published: false }, b, c], []],
      [[{ ...a, id: 'renamed' }, b, c], []],
      [[{ ...a, url: 'https://elsewhere.example/a' }, b, c], []],
      [[{ ...a, type: 'video' }, b, c], []],
      [[{ ...a, quality: 90 }, b, c], []],
      [[{ ...a, provider: { name: 'Example News', domain: 'other.example' } }, b, c], []],
      [[{ ...a, provider: { name: 'Other News', domain: 'example.com' } }, b, c], []],
      [[{ ...a, topics: ['Robots'] }, b, c], []],
      [[{ ...a, publishedAt: '2021-03-05T06:00:00.000Z' }, b, c], []],
      [[a, b, { ...c, url: 'https://another-host.example/c' }], []],
      [[{ ...a, title: 'Only the title' }, b, c], []],
      [[a, b], []],
    ];
    // Each run one change away from the one before: a change, then back.
    for (const [articles, stories] of runs.flatMap((run) => [run, runs[0] as [Article[], Story[]]])) {
      expect(emit(articles, stories, kept)).toEqual(emit(articles, stories));
    }
    // The same articles, their stories changing: why one joined, then who joined.
    const stories: Story[][] = [
      [story],
      [{ ...story, reasons: ['', 'other words'] }],
      [{ ids: [a.id, c.id], reasons: ['', 'other words'] }],
      [{ ids: [a.id, b.id, c.id], reasons: ['', 'the same words', 'the same words'] }],
      [story],
      [],
    ];
    for (const list of stories) expect(emit([a, b, c], list, kept)).toEqual(emit([a, b, c], list));
  });

  it('keep a page of the full feed while it holds the same cards, and make it again otherwise', () => {
    // Cards newest first; a step replaces the card at a place, adds a newer one or drops the newest.
    const step = fc.oneof(
      fc.record({ replace: fc.nat() }),
      fc.constant({ add: true as const }),
      fc.constant({ drop: true as const }),
    );
    let serial = 0;
    const card = () => ({ id: `card-${(serial += 1)}` }) as StoredCard;
    fc.assert(
      fc.property(fc.nat(12), fc.array(step, { maxLength: 8 }), (size, steps) => {
        let cards = Array.from({ length: size }, card);
        const memo: PageMemo<StoredCard, DataPage> = {};
        let last = feedPages(cards, 3, memo);
        expect(last).toEqual(feedPages(cards, 3));
        for (const change of steps) {
          if ('replace' in change && cards.length > 0) {
            const at = change.replace % cards.length;
            cards = cards.map((old, i) => (i === at ? card() : old));
          }
          if ('add' in change) cards = [card(), ...cards];
          if ('drop' in change) cards = cards.slice(1);
          const pages = feedPages(cards, 3, memo);
          expect(pages).toEqual(feedPages(cards, 3));
          pages.forEach(({ data }, page) => {
            const before = last[page]?.data as DataPage | undefined;
            const same =
              before?.articles.length === (data as DataPage).articles.length &&
              before.articles.every((item, i) => item === (data as DataPage).articles[i]);
            expect(data === before).toBe(same);
          });
          last = pages;
        }
      }),
    );
  });
});
