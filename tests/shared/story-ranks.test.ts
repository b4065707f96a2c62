import { describe, expect, it } from 'vitest';
import { alsoCovering, countStories, outletOf, storyKeys } from '../../src/shared/story-ranks.ts';

describe('counting stories', () => {
  const keys = storyKeys(7, [
    [1, 3, 6],
    [2, 5],
  ]);

  it('keys each rank by its story’s first rank, or by itself', () => {
    expect([...keys]).toEqual([0, 1, 2, 1, 4, 2, 1]);
  });

  it('counts the stories of any list of ranks', () => {
    expect(countStories([0, 1, 2, 3, 4, 5, 6], keys)).toBe(4);
    expect(countStories([3, 6], keys)).toBe(1);
    expect(countStories([0, 4], keys)).toBe(2);
    expect(countStories([], keys)).toBe(0);
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
