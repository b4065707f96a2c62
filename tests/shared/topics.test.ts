import { describe, expect, it } from 'vitest';
import { cleanTopics } from '../../src/shared/topics.ts';

describe('cleanTopics', () => {
  it('trims, drops empty names and keeps the first spelling of repeats', () => {
    expect(cleanTopics(['  AI ', '', 'ai', 'Computer   Vision', 'Computer Vision', '   '])).toEqual([
      'AI',
      'Computer Vision',
    ]);
  });

  it('keeps numbers as names and skips other values', () => {
    expect(cleanTopics([2021, null, { name: 'x' }, ['y'], 'Power Apps'])).toEqual(['2021', 'Power Apps']);
  });
});
