import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compareSnapshots,
  markdownTable,
  median,
  snapshot,
  withTitle,
  type Snapshot,
} from '../../../bench/growth.ts';

const files = (entries: Record<string, [string, number]>): Snapshot =>
  new Map(Object.entries(entries).map(([file, [sha1, bytes]]) => [file, { sha1, bytes }]));

describe('the growth run', () => {
  it('snapshots every file of a folder, in subfolders too, by its SHA-1 and size', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'news-growth-'));
    mkdirSync(path.join(dir, 'data/a'), { recursive: true });
    writeFileSync(path.join(dir, 'index.html'), 'abc');
    writeFileSync(path.join(dir, 'data/a/1.json'), '');
    expect(snapshot(dir)).toEqual(
      files({
        'index.html': ['a9993e364706816aba3e25717850c26c9cd0d89d', 3],
        [path.join('data', 'a', '1.json')]: ['da39a3ee5e6b4b0d3255bfef95601890afd80709', 0],
      }),
    );
  });

  it('counts the files added, modified and deleted, and the bytes of those written', () => {
    const before = files({ kept: ['k', 10], edited: ['e1', 20], gone: ['g', 30] });
    const after = files({ kept: ['k', 10], edited: ['e2', 25], fresh: ['f', 5] });
    expect(compareSnapshots(before, after)).toEqual({
      added: 1,
      modified: 1,
      deleted: 1,
      files: 3,
      changedBytes: 30,
      bytes: 40,
    });
    expect(compareSnapshots(new Map(), after)).toMatchObject({ added: 3, changedBytes: 40, bytes: 40 });
    expect(compareSnapshots(after, after)).toMatchObject({
      added: 0,
      modified: 0,
      deleted: 0,
      changedBytes: 0,
    });
  });

  it('retitles an article, not its related items', () => {
    const text = ['---', 'title: "Old"', 'related:', '  - title: "Other"', '---', ''].join('\n');
    expect(withTitle(text, 'New "one"')).toBe(
      ['---', 'title: "New \\"one\\""', 'related:', '  - title: "Other"', '---', ''].join('\n'),
    );
  });

  it('takes the median of an odd and an even count', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 30, 20])).toBe(25);
  });

  it('prints a Markdown table, its columns as wide as their widest cell', () => {
    expect(markdownTable(['a', 'bb'], [['100', '1']])).toBe(
      ['|   a | bb |', '|-----|----|', '| 100 |  1 |'].join('\n'),
    );
  });
});
