import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitDataFolder } from '../../../src/node/pipeline/emit/data-folder.ts';
import { findStories } from '../../../src/node/pipeline/stories/find-stories.ts';
import { filesUnder } from '../../../src/node/pipeline/out-dir.ts';
import { renderDataFolder, writeDataFolder } from '../../../src/node/pipeline/write-data.ts';
import type { Article } from '../../../src/shared/article-schema.ts';
import { compareNewestFirst } from '../../../src/shared/feed-order.ts';
import { makeArticle } from '../../fixtures/articles.ts';

const day = (n: number) => new Date(Date.UTC(2021, 0, 31 - n)).toISOString();
const folderOf = (articles: readonly Article[]) => {
  const sorted = [...articles].sort(compareNewestFirst);
  return renderDataFolder(emitDataFolder({ articles: sorted, stories: findStories(sorted) }, 2).files);
};

/** Every file under `root`, by path, with its text. */
const contents = (root: string) =>
  new Map(filesUnder(root).map((file) => [file, readFileSync(path.join(root, file), 'utf8')]));

/** What a fresh write of `articles` into an empty folder gives. */
function fresh(articles: readonly Article[]) {
  const root = mkdtempSync(path.join(tmpdir(), 'news-data-fresh-'));
  writeDataFolder(root, folderOf(articles));
  return contents(root);
}

const articles = Array.from({ length: 9 }, (_, i) =>
  makeArticle({ title: `Story ${i}`, publishedAt: day(i), topics: [i % 2 ? 'Odd' : 'Even'] }),
);

describe('writing the data folder', () => {
  it('writes every file the first time, then only what changed', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'news-data-'));
    const first = folderOf(articles);
    expect(writeDataFolder(root, first)).toBe(first.files.size);
    expect(readdirSync(root).sort()).toEqual([first.version, 'manifest.json']);
    expect(writeDataFolder(root, folderOf(articles))).toBe(0);

    // A new title: its feed page, its topic page and the search shards of its words, nothing else.
    const edited = articles.map((article, i) => (i === 4 ? { ...article, title: 'Zebras escape' } : article));
    const changes = writeDataFolder(root, folderOf(edited));
    expect(changes).toBeGreaterThan(0);
    expect(changes).toBeLessThan(first.files.size / 2);
    expect(contents(root)).toEqual(fresh(edited));
  });

  it('rewrites the files of other articles when an edit moves them', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'news-data-moved-'));
    writeDataFolder(root, folderOf(articles));
    const page = (folder: Map<string, string>) =>
      [...folder].find(([file]) => file.endsWith('/a/0.json'))?.[1] ?? '';
    const before = page(contents(root));
    // The oldest story becomes the newest: every other article moves down one rank.
    const moved = articles.map((article, i) => (i === 8 ? { ...article, publishedAt: day(-1) } : article));
    writeDataFolder(root, folderOf(moved));
    const after = contents(root);
    expect(page(after)).not.toBe(before);
    expect(page(after)).toContain('"title":"Story 0"');
    expect(after).toEqual(fresh(moved));
  });

  it('writes everything again when the last write did not finish', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'news-data-broken-'));
    const folder = folderOf(articles);
    writeDataFolder(root, folder);
    rmSync(path.join(root, 'manifest.json'));
    expect(writeDataFolder(root, folder)).toBe(folder.files.size);
    expect(contents(root)).toEqual(fresh(articles));
  });

  it('names the folder by its content', () => {
    expect(folderOf(articles).version).toBe(folderOf([...articles].reverse()).version);
    expect(folderOf(articles).version).toMatch(/^[0-9a-f]{12}$/);
    expect(folderOf([...articles, makeArticle()]).version).not.toBe(folderOf(articles).version);
  });
});
