import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alsoCovering, countStories, outletOf, storyOfRanks } from '../../src/shared/story-ranks.ts';

describe('counting stories', () => {
  // Keys [0, 3, 5] and [1, 4] among 7 articles: ranks [6, 3, 1] and [5, 2].
  const storyOf = storyOfRanks(7, [
    [0, 3, 5],
    [1, 4],
  ]);

  it('names each rank’s story by the rank of its newest article, or by itself', () => {
    expect([...storyOf]).toEqual([0, 1, 2, 1, 4, 2, 1]);
  });

  it('counts the stories of any list of ranks', () => {
    expect(countStories([0, 1, 2, 3, 4, 5, 6], storyOf)).toBe(4);
    expect(countStories([3, 6], storyOf)).toBe(1);
    expect(countStories([0, 4], storyOf)).toBe(2);
    expect(countStories([], storyOf)).toBe(0);
  });

  it('counts as many stories as a Set of the ranks’ stories holds', () => {
    const archive = fc.integer({ min: 2, max: 60 }).chain((size) =>
      fc.record({
        size: fc.constant(size),
        // Keys up to a few beyond the articles: a file written for more articles than the index counts.
        stories: fc.array(
          fc.uniqueArray(fc.integer({ min: 0, max: size + 2 }), { minLength: 2, maxLength: 6 }),
          {
            maxLength: 8,
          },
        ),
        // Repeated, and beyond the lookup.
        ranks: fc.array(fc.integer({ min: 0, max: size + 3 })),
      }),
    );
    fc.assert(
      fc.property(archive, ({ size, stories, ranks }) => {
        // Stories share no article, as the pipeline writes them.
        const taken = new Set<number>();
        const apart = stories
          .map((keys) => keys.filter((key) => !taken.has(key)))
          .filter((keys) => keys.length > 1)
          .map((keys) => (keys.forEach((key) => taken.add(key)), keys.sort((a, b) => a - b)));
        const lookup = storyOfRanks(size, apart);
        const plain = new Set(ranks.map((rank) => lookup[rank] ?? rank)).size;
        expect(countStories(ranks, lookup)).toBe(plain);
      }),
    );
  });

  it('reads keys written for fewer articles as the same stories among more', () => {
    // The same file after 2 newer articles: every rank moves by 2, the stories stay.
    const later = storyOfRanks(9, [
      [0, 3, 5],
      [1, 4],
    ]);
    expect([...later].slice(2).map((story) => story - 2)).toEqual([...storyOf]);
  });
});

describe('naming a story’s other outlets', () => {
  it('names the others, and how many more past three', () => {
    expect(alsoCovering(['Wire', 'Daily'], 'Wire')).toBe('Also Daily');
    expect(alsoCovering(['Wire', 'Daily', 'Post'], 'Daily')).toBe('Also Wire and Post');
    expect(alsoCovering(['A', 'B', 'C', 'D', 'E'], 'A')).toBe('Also B, C, D and E');
    expect(alsoCovering(['A', 'B', 'C', 'D', 'E', 'F'], 'A')).toBe('Also B, C, D and 2 more');
    expect(alsoCovering(['Wire'], 'Wire')).toBe('');
  });

  it('names an outlet by its provider, else by its host', () => {
    expect(outletOf({ provider: { name: 'Wire' }, url: 'https://x.example/' })).toBe('Wire');
    expect(outletOf({ url: 'https://www.x.example/a' })).toBe('x.example');
  });
});
