import { describe, expect, it } from 'vitest';
import { firstScreenOf, summaryOf } from '../../../../src/node/pipeline/emit/feed-pages.ts';
import type { StoredCard } from '../../../../src/shared/data-folder.ts';
import { makeArticle } from '../../../fixtures/articles.ts';

const image = (url: string) => ({ url, width: 1200, height: 630 });

/** Cards at ranks 0.. (newest first), `shape` saying which are unpublished (u) and which share story s. */
function feed(shape: string): StoredCard[] {
  return Array.from(shape, (kind, rank) =>
    summaryOf(
      makeArticle({ published: kind !== 'u', image: image(`https://img.example/${rank}.jpg`) }),
      undefined,
      kind === 's' ? { id: 'story', outlets: ['A', 'B'] } : undefined,
    ),
  );
}

describe('firstScreenOf', () => {
  it('reads the pages from the newest to the sixth card, and preloads the first card’s image', () => {
    expect(firstScreenOf(feed('pppppppppppp'), 12)).toEqual({
      pages: ['a/0.json'],
      image: 'https://img.example/0.jpg',
    });
    // Pages hold keys counted from the oldest: ranks 0 to 5 are keys 11 to 6, on pages 2 and 1.
    expect(firstScreenOf(feed('pppppppppppp'), 4)).toEqual({
      pages: ['a/2.json', 'a/1.json'],
      image: 'https://img.example/0.jpg',
    });
  });

  it('skips unpublished articles and the later reports of a story, as the reader does', () => {
    // Cards: 1, 2 (the story's first report), 5, 6, 7, 8: the sixth card is at rank 8 (key 4),
    // on page 1; the newest, key 12, on page 3.
    expect(firstScreenOf(feed('upssupppppppp'), 4)).toEqual({
      pages: ['a/3.json', 'a/2.json', 'a/1.json'],
      image: 'https://img.example/1.jpg',
    });
  });

  it('reads every page of a short feed, and nothing of an empty one', () => {
    expect(firstScreenOf(feed('ppu'), 2).pages).toEqual(['a/1.json', 'a/0.json']);
    expect(firstScreenOf(feed('uu'), 2)).toEqual({ pages: [] });
    expect(firstScreenOf([], 12)).toEqual({ pages: [] });
  });
});
