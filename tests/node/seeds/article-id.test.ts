import { describe, expect, it } from 'vitest';
import { articleIds } from '../../../src/node/seeds/article-id.ts';

describe('articleIds', () => {
  it('derives stable, URL-safe ids from the path', () => {
    const ids = articleIds(['000_0a2167d0d2ea9f38.txt', 'news/2021/Big Story!.md']);
    expect(ids.get('000_0a2167d0d2ea9f38.txt')).toBe('000_0a2167d0d2ea9f38');
    expect(ids.get('news/2021/Big Story!.md')).toBe('news-2021-big-story');
  });

  it('keeps ids unique when paths collapse to the same slug', () => {
    const ids = articleIds(['a b.md', 'a-b.txt', 'c.md']);
    const values = [...ids.values()];
    expect(new Set(values).size).toBe(3);
    expect(ids.get('c.md')).toBe('c');
    expect(ids.get('a b.md')).toMatch(/^a-b-[0-9a-f]{8}$/);
    expect(articleIds(['a b.md', 'a-b.txt']).get('a b.md')).toBe(ids.get('a b.md'));
  });

  it('gives a name made only of symbols an id too', () => {
    expect(articleIds(['!!!.md']).get('!!!.md')).toBe('article');
  });
});
