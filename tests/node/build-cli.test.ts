import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { appKey, forgetShell, shellFile } from '../../src/node/app-shell.mjs';
import { snapshot } from '../../bench/growth.ts';
import { dataFiles } from '../fixtures/build.ts';
import { generatedSeeds } from '../fixtures/generated-seeds.ts';

/** `npm run build -- …args` on `seeds`, as a user runs it: its exit code and output. */
async function npmBuild(seeds: string, ...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['src/node/cli/build.mjs', ...args], {
      env: { ...process.env, NEWS_SEEDS_DIR: seeds, NEWS_STRICT: '', NEWS_SITE_URL: 'https://news.example/' },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, output: stdout + stderr };
  }
}

const dataAlone = /building the data alone/;

/** Every file of `outDir` but the data folder's pieces, by path: what a reader sees of the site. */
function site(outDir: string): Map<string, string> {
  const files = new Map([...snapshot(outDir)].map(([file, { sha1 }]) => [file, sha1]));
  for (const file of files.keys()) if (file.startsWith(`data${path.sep}`)) files.delete(file);
  return files;
}

describe('npm run build', () => {
  it('builds the data alone while the app is unchanged, into exactly the site a full build makes', async () => {
    const seeds = path.join(mkdtempSync(path.join(tmpdir(), 'news-build-cli-')), 'seeds');
    cpSync(generatedSeeds(60), seeds, { recursive: true });
    const outDir = mkdtempSync(path.join(tmpdir(), 'news-dist-'));
    const full = mkdtempSync(path.join(tmpdir(), 'news-dist-'));
    try {
      const first = await npmBuild(seeds, '--outDir', outDir);
      expect(first.code, first.output).toBe(0);
      expect(first.output).not.toMatch(dataAlone);
      const app = (dir: string) =>
        readdirSync(path.join(dir, 'assets')).map((name) =>
          readFileSync(path.join(dir, 'assets', name), 'utf8'),
        );
      const assetsBefore = app(outDir);
      const siteBefore = site(outDir);

      // Newer articles, one of them joining the story of the last: the data alone is built, and the
      // site is a full build's of the same files (the story's page among them).
      const [last = ''] = readdirSync(seeds).sort().reverse();
      const text = readFileSync(path.join(seeds, last), 'utf8');
      writeFileSync(
        path.join(seeds, 'zzz-same-story.md'),
        text.replace(/^(originalUrl|webUrl): ".*"$/gm, '$1: "https://other.example/same-story"'),
      );
      writeFileSync(
        path.join(seeds, 'zzz-newer.md'),
        text
          .replace(/^title: ".*"$/m, 'title: "Built by the data alone"')
          .replace(/^(originalUrl|webUrl): ".*"$/gm, '$1: "https://newer.example/article"')
          .replace(/^publishedDateTime: .*$/m, 'publishedDateTime: 2031-01-01T00:00:00Z'),
      );
      const second = await npmBuild(seeds, '--outDir', outDir);
      expect(second.code, second.output).toBe(0);
      expect(second.output).toMatch(dataAlone);
      expect(second.output).toMatch(/data\/: [\d,]+ of [\d,]+ pieces written/);
      expect(app(outDir)).toEqual(assetsBefore);
      const rewritten = [...site(outDir)].filter(([file, sha1]) => siteBefore.get(file) !== sha1);
      expect(rewritten.filter(([file]) => file.startsWith(`story${path.sep}`)).length).toBeGreaterThan(0);
      expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toContain('Built by the data alone');
      expect((await npmBuild(seeds, '--outDir', full, '--full')).code).toBe(0);
      expect(site(outDir)).toEqual(site(full));
      expect(dataFiles(outDir)).toEqual(dataFiles(full));

      // An app file gone, or --full: Vite builds everything again.
      const [asset = ''] = readdirSync(path.join(outDir, 'assets'));
      rmSync(path.join(outDir, 'assets', asset));
      const third = await npmBuild(seeds, '--outDir', outDir);
      expect(third.code, third.output).toBe(0);
      expect(third.output).not.toMatch(dataAlone);
      expect(site(outDir)).toEqual(site(full));
      expect((await npmBuild(seeds, '--outDir', outDir, '--full')).output).not.toMatch(dataAlone);
      // Other options, another app: the base path is in every page.
      const based = await npmBuild(seeds, '--outDir', outDir, '--base', '/news/');
      expect(based.output).not.toMatch(dataAlone);
      expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toContain('/news/assets/');
    } finally {
      forgetShell(shellFile(process.cwd(), outDir));
      forgetShell(shellFile(process.cwd(), full));
    }
  }, 120_000);

  it('leaves the last build whole when the data alone fails, and says why', async () => {
    const seeds = path.join(mkdtempSync(path.join(tmpdir(), 'news-build-cli-')), 'seeds');
    cpSync('seeds', seeds, { recursive: true });
    const outDir = mkdtempSync(path.join(tmpdir(), 'news-dist-'));
    try {
      expect((await npmBuild(seeds, '--outDir', outDir)).code).toBe(0);
      const before = snapshot(outDir);
      writeFileSync(path.join(seeds, 'broken.md'), '---\ntitle: [unclosed\n---\n');
      const strict = await promisify(execFile)('node', ['src/node/cli/build.mjs', '--outDir', outDir], {
        env: { ...process.env, NEWS_SEEDS_DIR: seeds, NEWS_STRICT: '1' },
      }).then(
        () => ({ code: 0, output: '' }),
        (error: unknown) => {
          const { code, stderr } = error as { code: number; stderr: string };
          return { code, output: stderr };
        },
      );
      expect(strict.code).toBe(1);
      expect(strict.output).toMatch(/NEWS_STRICT=1: 1 seed file\(s\) rejected/);
      expect(strict.output).toMatch(/broken\.md/);
      expect(snapshot(outDir)).toEqual(before);
    } finally {
      forgetShell(shellFile(process.cwd(), outDir));
    }
  }, 60_000);

  it('says how to use it when an option is unknown', async () => {
    const result = await npmBuild('seeds', '--outdir', 'x');
    expect(result.code).toBe(2);
    expect(result.output).toMatch(/usage: npm run build/);
  });
});

describe('the app key', () => {
  it('changes with the app, its configuration and the options, not with the articles', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'news-app-key-'));
    mkdirSync(path.join(root, 'src/app'), { recursive: true });
    mkdirSync(path.join(root, 'seeds'));
    writeFileSync(path.join(root, 'src/app/main.tsx'), 'render();');
    writeFileSync(path.join(root, 'package-lock.json'), '{}');
    writeFileSync(path.join(root, 'seeds/a.md'), 'one');
    const key = appKey(root, { outDir: 'dist' });
    writeFileSync(path.join(root, 'seeds/a.md'), 'two');
    writeFileSync(path.join(root, 'notes.md'), 'not the app');
    expect(appKey(root, { outDir: 'dist' })).toBe(key);
    expect(appKey(root, { outDir: 'elsewhere' })).not.toBe(key);
    writeFileSync(path.join(root, 'src/app/main.tsx'), 'render(); ');
    const edited = appKey(root, { outDir: 'dist' });
    expect(edited).not.toBe(key);
    writeFileSync(path.join(root, 'package-lock.json'), '{ }');
    expect(appKey(root, { outDir: 'dist' })).not.toBe(edited);
    mkdirSync(path.join(root, 'public'));
    writeFileSync(path.join(root, 'public/robots.txt'), 'x');
    const withPublic = appKey(root, { outDir: 'dist' });
    process.env.VITE_FLAG = '1';
    try {
      expect(appKey(root, { outDir: 'dist' })).not.toBe(withPublic);
    } finally {
      delete process.env.VITE_FLAG;
    }
  });
});
