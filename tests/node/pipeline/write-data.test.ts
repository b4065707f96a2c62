import { mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitDataFolder } from '../../../src/node/pipeline/emit/data-folder.ts';
import { findStories } from '../../../src/node/pipeline/stories/find-stories.ts';
import { filesUnder } from '../../../src/node/files.mjs';
import { finishDataFolder, pieceWriter, renderDataFolder } from '../../../src/node/pipeline/write-data.ts';
import type { Article } from '../../../src/shared/article-schema.ts';
import { indexFile, type NewsIndex } from '../../../src/shared/data-folder.ts';
import { compareNewestFirst } from '../../../src/shared/feed-order.ts';
import { manifestPath, pieceGroup, pieceName, type Manifest } from '../../../src/shared/pieces.ts';
import { makeArticle } from '../../fixtures/articles.ts';

const day = (n: number) => new Date(Date.UTC(2021, 0, 31 - n)).toISOString();
const emitted = (articles: readonly Article[]) => {
  const sorted = [...articles].sort(compareNewestFirst);
  return emitDataFolder({ articles: sorted, stories: findStories(sorted) }, 2);
};

/** The folder of `articles` rendered in memory: the names, each piece's text by name, and the index. */
const folderOf = (articles: readonly Article[]) => {
  const texts = new Map<string, string>();
  const { files, index } = emitted(articles);
  const folder = renderDataFolder(files, (name, text) => texts.set(name, text));
  const newsIndex: NewsIndex = { base: '/data/', pieces: folder.root, ...index };
  return { ...folder, texts, newsIndex, textOf: (file: string) => texts.get(folder.files.get(file) ?? '') };
};

/** A build's writing: each piece as it is rendered, then the old ones deleted and the index. */
function writeDataFolder(root: string, folder: ReturnType<typeof folderOf>) {
  const writer = pieceWriter(root);
  for (const [name, text] of folder.texts) writer.sink(name, text);
  return { written: writer.written(), deleted: finishDataFolder(root, folder, folder.newsIndex) };
}

/** Each data file's text, by path. */
const textsByPath = (folder: ReturnType<typeof folderOf>) =>
  new Map([...folder.files.keys()].map((file) => [file, folder.textOf(file)]));

/** Every file under `root`, by path, with its text. */
const contents = (root: string) =>
  new Map(filesUnder(root).map((file) => [file, readFileSync(path.join(root, file), 'utf8')]));

/** Each data file's text as the written index names it: index, then manifest, then piece. */
function readThroughRoot(root: string): Map<string, string> {
  const { pieces } = JSON.parse(readFileSync(path.join(root, indexFile), 'utf8')) as NewsIndex;
  const files = new Map<string, string>();
  for (const [group, hash] of Object.entries(pieces)) {
    const manifest = JSON.parse(
      readFileSync(path.join(root, pieceName(manifestPath(group), hash)), 'utf8'),
    ) as Manifest;
    for (const [file, fileHash] of Object.entries(manifest)) {
      expect(pieceGroup(file)).toBe(group);
      files.set(file, readFileSync(path.join(root, pieceName(file, fileHash)), 'utf8'));
    }
  }
  return files;
}

const articles = Array.from({ length: 9 }, (_, i) =>
  makeArticle({ title: `Story ${i}`, publishedAt: day(i), topics: [i % 2 ? 'Odd' : 'Even'] }),
);
const retitled = articles.map((article, i) => (i === 4 ? { ...article, title: 'Zebras escape' } : article));

describe('writing the data folder as pieces', () => {
  it('writes every piece once, named by its content, and an index that reaches every file', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'news-data-'));
    const folder = folderOf(articles);
    expect(writeDataFolder(root, folder)).toEqual({ written: folder.pieces.size, deleted: 0 });
    expect(writeDataFolder(root, folderOf(articles))).toEqual({ written: 0, deleted: 0 });
    expect(JSON.parse(readFileSync(path.join(root, indexFile), 'utf8'))).toEqual(folder.newsIndex);
    expect(readThroughRoot(root)).toEqual(textsByPath(folder));
    for (const [name, text] of folder.texts) expect(readFileSync(path.join(root, name), 'utf8')).toBe(text);
  });

  it('leaves every piece an edit did not touch as it was, name and bytes', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'news-data-edit-'));
    const before = folderOf(articles);
    writeDataFolder(root, before);
    const times = new Map(filesUnder(root).map((file) => [file, statSync(path.join(root, file)).mtimeMs]));
    const after = folderOf(retitled);
    const { written } = writeDataFolder(root, after);
    const changed = [...after.pieces].filter((name) => !before.pieces.has(name));
    expect(written).toBe(changed.length);
    // Its feed page and the search shards of the old and new words, with their manifests; not the rest.
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(before.pieces.size / 3);
    for (const name of before.pieces) {
      if (after.pieces.has(name)) expect(statSync(path.join(root, name)).mtimeMs).toBe(times.get(name));
    }
    expect(readThroughRoot(root)).toEqual(textsByPath(after));
  });

  it('keeps the pieces of the build before, for pages still open, and deletes older ones', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'news-data-keep-'));
    const first = folderOf(articles);
    const second = folderOf(retitled);
    const third = folderOf([...retitled, makeArticle({ title: 'Newest', publishedAt: day(-1) })]);
    writeDataFolder(root, first);
    writeDataFolder(root, second);
    // Every piece of the first build is still there: a page opened on it reads on.
    for (const name of first.pieces) expect(contents(root).has(name)).toBe(true);
    const { deleted } = writeDataFolder(root, third);
    const kept = new Set([...second.pieces, ...third.pieces, indexFile]);
    expect([...contents(root).keys()].sort()).toEqual([...kept].sort());
    expect(deleted).toBe([...first.pieces].filter((name) => !kept.has(name)).length);
  });

  it('deletes what an older layout left, and trusts no piece a root does not name', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'news-data-old-'));
    writeDataFolder(root, folderOf(articles));
    rmSync(path.join(root, indexFile));
    const folder = folderOf(retitled);
    writeDataFolder(root, folder);
    expect([...contents(root).keys()].sort()).toEqual([...folder.pieces, indexFile].sort());
  });

  it('keeps the pieces of a folder of the layout before, whose root was root.json', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'news-data-legacy-'));
    const old = folderOf(articles);
    writeDataFolder(root, old);
    renameSync(path.join(root, indexFile), path.join(root, 'root.json'));
    writeFileSync(path.join(root, 'root.json'), JSON.stringify(old.root));
    const next = folderOf(retitled);
    writeDataFolder(root, next);
    expect([...contents(root).keys()].sort()).toEqual(
      [...new Set([...old.pieces, ...next.pieces, indexFile])].sort(),
    );
  });

  it('serves the last good build while one fails half way, and deletes what it left next time', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'news-data-failed-'));
    const good = folderOf(articles);
    writeDataFolder(root, good);
    const before = contents(root);
    // A build that rendered its pieces, then failed before its root was written.
    const failed = folderOf(retitled);
    const writer = pieceWriter(root);
    for (const [name, text] of failed.texts) writer.sink(name, text);
    expect(writer.written()).toBeGreaterThan(0);
    expect(readThroughRoot(root)).toEqual(textsByPath(good));
    for (const [file, text] of before) expect(contents(root).get(file)).toBe(text);
    // The next build names neither the failed one's new pieces nor keeps them.
    const next = folderOf([...articles, makeArticle({ title: 'Newest', publishedAt: day(-1) })]);
    writeDataFolder(root, next);
    const kept = new Set([...good.pieces, ...next.pieces, indexFile]);
    expect([...contents(root).keys()].sort()).toEqual([...kept].sort());
  });

  it('gives the same pieces whatever the order of the articles', () => {
    expect(folderOf([...articles].reverse()).root).toEqual(folderOf(articles).root);
    expect(folderOf([...articles, makeArticle()]).root).not.toEqual(folderOf(articles).root);
  });
});
