import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchSeedFiles, type SeedChange } from '../../../src/node/seeds/watch-files.ts';

describe('watching the seeds folder', () => {
  let parent: string;
  let root: string;
  let heard: SeedChange[];
  let stop: () => void;

  beforeEach(() => {
    parent = mkdtempSync(path.join(tmpdir(), 'watch-seeds-'));
    root = path.join(parent, 'seeds');
    mkdirSync(path.join(root, 'old'), { recursive: true });
    writeFileSync(path.join(root, 'kept.md'), 'x');
    heard = [];
    stop = () => {};
  });

  afterEach(() => {
    stop();
    rmSync(parent, { recursive: true, force: true });
  });

  const files = () => heard.flatMap((change) => (change === 'all' ? [] : [change.file]));
  /** Waits until `file` has been named once more than it had been. */
  const namedAgain = async (file: string, act: () => void) => {
    const before = files().filter((name) => name === file).length;
    act();
    await vi.waitFor(() => expect(files().filter((name) => name === file).length).toBeGreaterThan(before));
  };

  it('names each seed file written, edited or removed, in the folder and in the folders under it', async () => {
    stop = watchSeedFiles(root, (change) => heard.push(change));
    await vi.waitFor(() => {
      writeFileSync(path.join(root, 'new.md'), 'a');
      expect(files()).toContain('new.md');
    });
    await namedAgain('kept.md', () => writeFileSync(path.join(root, 'kept.md'), 'edited'));
    await namedAgain('old/inner.markdown', () => writeFileSync(path.join(root, 'old', 'inner.markdown'), 'b'));
    await namedAgain('new.md', () => rmSync(path.join(root, 'new.md')));
    expect(heard).not.toContain('all');
  });

  it('says "all" when a folder comes or goes, and then watches the new one', async () => {
    stop = watchSeedFiles(root, (change) => heard.push(change));
    await vi.waitFor(() => {
      writeFileSync(path.join(root, 'ready.md'), 'a');
      expect(files()).toContain('ready.md');
    });
    mkdirSync(path.join(root, 'later'));
    await vi.waitFor(() => expect(heard).toContain('all'));
    await vi.waitFor(() => {
      writeFileSync(path.join(root, 'later', 'deep.md'), 'c');
      expect(files()).toContain('later/deep.md');
    });
    heard = [];
    rmSync(path.join(root, 'old'), { recursive: true });
    await vi.waitFor(() => expect(heard).toContain('all'));
  });

  it('follows a link to a folder inside the seeds folder, naming files by their real path', async () => {
    symlinkSync(path.join(root, 'old'), path.join(root, 'linked'));
    stop = watchSeedFiles(root, (change) => heard.push(change));
    await vi.waitFor(() => {
      writeFileSync(path.join(root, 'linked', 'through.md'), 'd');
      expect(files()).toContain('old/through.md');
    });
  });

  it('waits for a seeds folder that does not exist yet, and for one removed and made again', async () => {
    rmSync(root, { recursive: true });
    stop = watchSeedFiles(root, (change) => heard.push(change));
    // Time for the watcher to find the folder missing, so that its appearing is a change.
    await new Promise((resolve) => setTimeout(resolve, 500));
    mkdirSync(root);
    await vi.waitFor(() => expect(heard).toContain('all'));
    await vi.waitFor(() => {
      writeFileSync(path.join(root, 'first.md'), 'e');
      expect(files()).toContain('first.md');
    });
    heard = [];
    rmSync(root, { recursive: true });
    await vi.waitFor(() => expect(heard).toContain('all'));
    mkdirSync(root);
    await vi.waitFor(() => {
      writeFileSync(path.join(root, 'second.md'), 'f');
      expect(files()).toContain('second.md');
    });
  });

  it('ignores other files and hidden ones, and stops when told', async () => {
    stop = watchSeedFiles(root, (change) => heard.push(change));
    await vi.waitFor(() => {
      writeFileSync(path.join(root, 'ready.md'), 'a');
      expect(files()).toContain('ready.md');
    });
    heard = [];
    writeFileSync(path.join(root, 'notes.json'), '{}');
    writeFileSync(path.join(root, '.draft.md'), 'hidden');
    writeFileSync(path.join(root, 'marker.md'), 'after them');
    await vi.waitFor(() => expect(files()).toContain('marker.md'));
    // (The last write of ready.md may still be heard.)
    expect([...new Set(files())].filter((file) => file !== 'ready.md')).toEqual(['marker.md']);
    expect(heard).not.toContain('all');
    stop();
    writeFileSync(path.join(root, 'unheard.md'), 'd');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(files()).not.toContain('unheard.md');
  });
});
