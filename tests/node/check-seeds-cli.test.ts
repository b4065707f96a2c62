import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { checkSeeds } from '../fixtures/check-seeds.ts';
import { brokenCases } from '../fixtures/hostile/cases.ts';
import { writeHostileFolder } from '../fixtures/hostile/write-folder.ts';

describe('npm run check:seeds', () => {
  it('exits 0 on the bundled seed, with a summary line', async () => {
    const result = await checkSeeds('seeds');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('1 file read, 1 article kept, 0 files rejected, 0 warnings');
  });

  it('exits 1 when a file is rejected, naming each file and reason', async () => {
    const result = await checkSeeds('tests/fixtures/seeds/mixed');
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toContain(
      'tests/fixtures/seeds/mixed/no-title.md: error: title: is missing; the file was rejected',
    );
    expect(lines.at(-1)).toBe('7 files read, 3 articles kept, 3 files rejected, 2 warnings');
  });

  it('exits 1 on the adversarial set, naming every broken file with its reason', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'news-cli-')), 'hostile');
    writeHostileFolder(dir);
    const result = await checkSeeds(dir);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    for (const { file, expect: expected } of brokenCases) {
      if (expected.outcome !== 'rejected') continue;
      const line = lines.find(
        (text) =>
          text.startsWith(`${path.relative(process.cwd(), dir)}/${file}`) && text.includes(': error: '),
      );
      expect(line, file).toBeDefined();
      expect(line).toMatch(expected.reason);
    }
    expect(lines.at(-1)).toMatch(
      new RegExp(
        `^\\d+ files read, \\d+ articles kept, ${brokenCases.length} files rejected, \\d+ warnings$`,
      ),
    );
  });

  it('refuses --json without --stories, and unknown options', async () => {
    expect((await checkSeeds('seeds', '--json')).code).toBe(2);
    expect((await checkSeeds('seeds', '--nope')).code).toBe(2);
  });

  it('exits 2 when the folder does not exist', async () => {
    const result = await checkSeeds('no/such/folder');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^check:seeds: the seeds folder no\/such\/folder cannot be read/);
  });
});
