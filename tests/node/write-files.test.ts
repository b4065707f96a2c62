import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFiles } from '../../src/node/write-files.ts';

const folders: string[] = [];
const folder = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'news-write-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** 300 files in 30 folders, some large enough to fill a batch alone. */
const filesIn = (root: string) =>
  Array.from({ length: 300 }, (_, i): [string, string] => [
    path.join(root, 't', String(i % 30), `${i}.json`),
    i % 50 === 0 ? 'x'.repeat(1_200_000) : JSON.stringify({ i }),
  ]);

const written = (root: string) =>
  new Map(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(root, file), readFileSync(file, 'utf8')] as const;
      }),
  );

describe('writeFiles', () => {
  it('writes every file, folders made as needed, on worker threads as on this one', async () => {
    const onWorkers = folder();
    const here = folder();
    let made = 0;
    // Texts are made as they are needed: an iterable, not an array.
    function* lazily(root: string): Iterable<[string, string]> {
      for (const entry of filesIn(root)) {
        made += 1;
        yield entry;
      }
    }
    await writeFiles(lazily(onWorkers));
    expect(made).toBe(300);
    await writeFiles(filesIn(here), { writers: 0 });
    const expected = new Map(filesIn('').map(([file, text]) => [file, text]));
    expect(written(onWorkers)).toEqual(expected);
    expect(written(here)).toEqual(expected);
  });

  it('writes under a temporary name first when asked, leaving only the targets', async () => {
    for (const writers of [0, 1]) {
      const root = folder();
      writeFileSync(path.join(root, 'old.json'), 'before');
      await writeFiles([[path.join(root, 'old.json'), 'after'], ...filesIn(root)], { writers, atomic: true });
      const files = written(root);
      expect(files.get('old.json')).toBe('after');
      expect(files.size).toBe(301);
    }
  });

  it('fails with the reason when a file cannot be written', async () => {
    const root = folder();
    writeFileSync(path.join(root, 't'), 'a file where a folder should be');
    await expect(writeFiles(filesIn(root))).rejects.toThrow(
      /could not write the data folder: .*(EEXIST|ENOTDIR)/,
    );
  });

  it('writes everything on this thread when the writers cannot start', async () => {
    const root = folder();
    await writeFiles(filesIn(root), { script: new URL('./no-such-worker.mjs', import.meta.url) });
    expect(written(root).size).toBe(300);
  });
});
