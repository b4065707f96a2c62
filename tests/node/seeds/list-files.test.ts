import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSeedFiles } from '../../../src/node/seeds/list-files.ts';

function folder(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'news-list-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('listSeedFiles', () => {
  it('finds .md, .markdown and .txt files recursively, sorted, skipping hidden and other files', async () => {
    const root = folder({
      'b.md': '',
      'a.TXT': '',
      'deep/er/c.markdown': '',
      'notes.json': '',
      '.hidden.md': '',
      '.git/d.md': '',
      'odd name (1).md': '',
    });
    const { files, issues } = await listSeedFiles(root);
    expect(files).toEqual(['a.TXT', 'b.md', 'deep/er/c.markdown', 'odd name (1).md']);
    expect(issues).toEqual([]);
  });

  it('follows links inside the folder but never out of it', async () => {
    const outside = folder({ 'secret.md': '---\ntitle: outside\n---\n' });
    const root = folder({ 'real/a.md': '' });
    symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'escape.md'));
    symlinkSync(outside, path.join(root, 'escape-dir'));
    symlinkSync(path.join(root, 'real/a.md'), path.join(root, 'inside.md'));
    symlinkSync(path.join(root, 'real'), path.join(root, 'loop'));
    symlinkSync(path.join(root, 'missing.md'), path.join(root, 'broken.md'));
    const alias = folder({ 'b.md': '' });
    symlinkSync(alias, path.join(root, 'real', 'alias-dir'));
    const { files, issues } = await listSeedFiles(root);
    // inside.md and loop/ lead to real/a.md, which is listed once, under its real path.
    expect(files).toEqual(['real/a.md']);
    expect(issues.map((issue) => [issue.file, issue.message])).toEqual([
      ['broken.md', 'is a broken symbolic link'],
      ['escape-dir', 'is a symbolic link that leads outside the seeds folder; it was not read'],
      ['escape.md', 'is a symbolic link that leads outside the seeds folder; it was not read'],
      ['real/alias-dir', 'is a symbolic link that leads outside the seeds folder; it was not read'],
    ]);
  });
});
