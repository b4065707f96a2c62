import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topicSlug } from '../../src/shared/topic-slug.ts';
import { topicKey } from '../../src/shared/topics.ts';

describe('topicSlug', () => {
  it('writes plain names as words joined by dashes, a dash doubled', () => {
    expect(topicSlug('Power Apps')).toBe('power-apps');
    expect(topicSlug('AI')).toBe('ai');
    expect(topicSlug('Model-driven apps')).toBe('model--driven-apps');
  });

  it('adds a hash to any other name, keeping its letters and digits', () => {
    expect(topicSlug('A.I.')).toMatch(/^a-i-[0-9a-z]+$/);
    expect(topicSlug('Café')).toMatch(/^cafe-[0-9a-z]+$/);
    expect(topicSlug('日本')).toMatch(/^[0-9a-z]+$/);
    expect(topicSlug('../../etc')).toMatch(/^etc-[0-9a-z]+$/);
  });

  it('is the same for names told apart only by case', () => {
    expect(topicSlug('Power apps')).toBe(topicSlug('POWER APPS'));
  });

  it('gives topics that differ a different slug, safe in a path', () => {
    const names = ['AI', 'A.I.', 'A I', 'A-I', 'a  i', 'x - y', 'x-y', 'x y', 'x--y'];
    const slugs = names.map(topicSlug);
    expect(new Set(slugs).size).toBe(new Set(names.map(topicKey)).size);
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        fc.pre(topicKey(a) !== topicKey(b));
        expect(topicSlug(a)).not.toBe(topicSlug(b));
        expect(topicSlug(a)).toMatch(/^[a-z0-9-]+$/);
      }),
    );
  });
});
