import { describe, expect, it } from 'vitest';
import {
  filesPerGroup,
  manifestPath,
  pieceGroup,
  pieceName,
  piecePattern,
  topicsPerGroup,
} from '../../src/shared/pieces.ts';

describe('pieces', () => {
  it('groups a data file by its path alone: numbered runs, topics, shards by first letter, the rest', () => {
    expect(pieceGroup('a/0.json')).toBe('a-0');
    expect(pieceGroup(`a/${filesPerGroup - 1}.json`)).toBe('a-0');
    expect(pieceGroup(`r/${filesPerGroup}.json`)).toBe('r-1');
    expect(pieceGroup('u/3.json')).toBe('u-0');
    expect(pieceGroup('top/buckets.json')).toBe('top');
    expect(pieceGroup('top/90.json')).toBe('top');
    expect(pieceGroup(`t/${topicsPerGroup}/keys.json`)).toBe('t-1');
    expect(pieceGroup('s/73-65.json')).toBe('s-73');
    for (const file of ['s/base.json', 'stories.json', 'topics.json', 'types.json', 'days.json']) {
      expect(pieceGroup(file)).toBe('misc');
    }
  });

  it('names a piece by its path and hash, and a manifest by its group', () => {
    expect(pieceName('t/3/keys.json', 'Ab-_0123xy')).toBe('t/3/keys.Ab-_0123xy.json');
    expect(pieceName(manifestPath('s-73'), 'Ab-_0123xy')).toBe('m/s-73.Ab-_0123xy.json');
  });

  it('knows a piece by its URL, under any base, and nothing else of the data folder', () => {
    const url = (file: string) => `https://news.example/reader/data/${file}`;
    expect(piecePattern.test(url(pieceName('t/3/keys.json', 'Ab-_0123xy')))).toBe(true);
    expect(piecePattern.test(`/data/${pieceName('a/12.json', '0123456789')}`)).toBe(true);
    expect(piecePattern.test(url('root.json'))).toBe(false);
    expect(piecePattern.test(url('a/12.json'))).toBe(false);
    expect(piecePattern.test('https://news.example/feeds/feed.json')).toBe(false);
  });
});
