import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchSeedFiles, type SeedChange } from '../../../src/node/seeds/watch-files.ts';

describe('watching the seeds folder', () => {
  let root: string;
  let heard: SeedChange[];
  let stop: () => void;

  beforeEach(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'watch-seeds-'));
    mkdirSync(path.join(root, 'old'));
    writeFileSync(path.join(root, 'kept.md'), 'x');
    heard = [];
    stop = await watchSeedFiles(root, (change) => heard.push(change));
  });

  afterEach(() => {
    stop();
    rmSync(root, { recursive: true, force: true });
  });

  const files = () => heard.flatMap((change) => (change === 'all' ? [] : [change.file]));

  it('names each seed file written, edited or removed, in the folder and in the folders under it', async () => {
    writeFileSync(path.join(root, 'new.md'), 'a');
    await vi.waitFor(() => expect(files()).toContain('new.md'));
    writeFileSync(path.join(root, 'kept.md'), 'edited');
    await vi.waitFor(() => expect(files()).toContain('kept.md'));
    writeFileSync(path.join(root, 'old', 'inner.markdown'), 'b');
    await vi.waitFor(() => expect(files()).toContain('old/inner.markdown'));
    rmSync(path.join(root, 'new.md'));
    await vi.waitFor(() => expect(files().filter((file) => file === 'new.md').length).toBeGreaterThan(1));
    expect(heard).not.toContain('all');
  });

  it('says "all" when a folder comes or goes, and then watches the new one', async () => {
    mkdirSync(path.join(root, 'later'));
    await vi.waitFor(() => expect(heard).toContain('all'));
    writeFileSync(path.join(root, 'later', 'deep.md'), 'c');
    await vi.waitFor(() => expect(files()).toContain('later/deep.md'));
    heard = [];
    rmSync(path.join(root, 'old'), { recursive: true });
    await vi.waitFor(() => expect(heard).toContain('all'));
  });

  it('ignores other files and hidden ones, and stops when told', async () => {
    writeFileSync(path.join(root, 'notes.json'), '{}');
    writeFileSync(path.join(root, '.draft.md'), 'hidden');
    writeFileSync(path.join(root, 'marker.md'), 'after them');
    await vi.waitFor(() => expect(files()).toContain('marker.md'));
    expect(new Set(files())).toEqual(new Set(['marker.md']));
    expect(heard).not.toContain('all');
    stop();
    writeFileSync(path.join(root, 'unheard.md'), 'd');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(files()).not.toContain('unheard.md');
  });
});
