import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { appKey, forgetShell } from '../../src/node/app-shell.mjs';
import { snapshot } from '../../bench/growth.ts';
import { dataFiles } from '../fixtures/build.ts';
import { generatedSeeds } from '../fixtures/generated-seeds.ts';

/** `npm run build -- …args` on `seeds`, as a user runs it: its exit code and output. */
async function npmBuild(
  seeds: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['src/node/cli/build.mjs', ...args], {
      env: {
        ...process.env,
        NEWS_SEEDS_DIR: seeds,
        NEWS_STRICT: '',
        NEWS_SITE_URL: 'https://news.example/',
        ...env,
      },
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

/** A copy of a seeds folder, and two output folders, their kept shells forgotten afterwards. */
function scratch(from: string): { seeds: string; outDir: string; other: string; done: () => void } {
  const seeds = path.join(mkdtempSync(path.join(tmpdir(), 'news-build-cli-')), 'seeds');
  cpSync(from, seeds, { recursive: true });
  const outDir = mkdtempSync(path.join(tmpdir(), 'news-dist-'));
  const other = mkdtempSync(path.join(tmpdir(), 'news-dist-'));
  const done = () => {
    forgetShell(process.cwd(), outDir);
    forgetShell(process.cwd(), other);
  };
  return { seeds, outDir, other, done };
}

describe('npm run build', () => {
  it('builds the data alone while the app is unchanged, into exactly the site a full build makes', async () => {
    const { seeds, outDir, other, done } = scratch(generatedSeeds(60));
    const into = (dir: string, ...more: string[]) => ['--outDir', dir, '--emptyOutDir', ...more];
    try {
      const first = await npmBuild(seeds, into(outDir));
      expect(first.code, first.output).toBe(0);
      expect(first.output).not.toMatch(dataAlone);
      const siteBefore = site(outDir);
      writeFileSync(path.join(outDir, 'stale.html'), 'left by an older build');

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
      const second = await npmBuild(seeds, into(outDir));
      expect(second.code, second.output).toBe(0);
      expect(second.output).toMatch(dataAlone);
      // The parse cache of the build before, found through the bundled pipeline's own paths.
      expect(second.output).toMatch(/\(2 parsed, 60 from the cache\)/);
      const after = site(outDir);
      // The app's files as they were: scripts, styles, the worker, the icons.
      for (const file of ['sw.js', 'favicon.ico', 'pwa-192x192.png', 'manifest.webmanifest'])
        expect(after.get(file), file).toBe(siteBefore.get(file));
      for (const [file, sha1] of siteBefore)
        if (file.startsWith(`assets${path.sep}`)) expect(after.get(file), file).toBe(sha1);
      const rewritten = [...after].filter(([file, sha1]) => siteBefore.get(file) !== sha1);
      expect(rewritten.filter(([file]) => file.startsWith(`story${path.sep}`)).length).toBeGreaterThan(0);
      expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toContain('Built by the data alone');
      expect((await npmBuild(seeds, into(other, '--full'))).code).toBe(0);
      expect(after).toEqual(site(other));
      expect(dataFiles(outDir)).toEqual(dataFiles(other));

      // An app file of other bytes, or --full: Vite builds everything again.
      writeFileSync(path.join(outDir, 'sw.js'), `${readFileSync(path.join(outDir, 'sw.js'), 'utf8')};`);
      const third = await npmBuild(seeds, into(outDir));
      expect(third.code, third.output).toBe(0);
      expect(third.output).not.toMatch(dataAlone);
      expect(site(outDir)).toEqual(site(other));
      expect((await npmBuild(seeds, into(outDir))).output).toMatch(dataAlone);
      expect((await npmBuild(seeds, into(outDir, '--full'))).output).not.toMatch(dataAlone);
      // Other options, another app: the base path is in every page.
      const based = await npmBuild(seeds, into(outDir, '--base', '/news/'));
      expect(based.output).not.toMatch(dataAlone);
      expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toContain('/news/assets/');
    } finally {
      done();
    }
  }, 120_000);

  it('leaves the last build whole when the data alone fails, and says why', async () => {
    const { seeds, outDir, done } = scratch('seeds');
    try {
      expect((await npmBuild(seeds, ['--outDir', outDir])).code).toBe(0);
      const before = snapshot(outDir);
      writeFileSync(path.join(seeds, 'broken.md'), '---\ntitle: [unclosed\n---\n');
      const strict = await npmBuild(seeds, ['--outDir', outDir], { NEWS_STRICT: '1' });
      expect(strict.output).toMatch(dataAlone);
      expect(strict.code).toBe(1);
      expect(strict.output).toMatch(/NEWS_STRICT=1: 1 seed file\(s\) rejected/);
      expect(strict.output).toMatch(/broken\.md/);
      expect(snapshot(outDir)).toEqual(before);

      // The data folder's root cannot be written: the page stays the last build's, whose data is there.
      rmSync(path.join(seeds, 'broken.md'));
      writeFileSync(
        path.join(seeds, 'newer.md'),
        readFileSync(path.join('seeds', readdirSync('seeds')[0] ?? ''), 'utf8')
          .replace(/^title: .*$/m, 'title: "Newer"')
          .replace(/^(originalUrl|webUrl): .*$/gm, '$1: "https://newer.example/"'),
      );
      const page = readFileSync(path.join(outDir, 'index.html'), 'utf8');
      rmSync(path.join(outDir, 'data', 'index.json'));
      mkdirSync(path.join(outDir, 'data', 'index.json'));
      const failed = await npmBuild(seeds, ['--outDir', outDir]);
      expect(failed.output).toMatch(dataAlone);
      expect(failed.code).toBe(1);
      expect(failed.output).toMatch(/index\.json/);
      expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe(page);
    } finally {
      done();
    }
  }, 60_000);

  it('says how to use it when an option is unknown', async () => {
    const result = await npmBuild('seeds', ['--outdir', 'x']);
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
    expect(withPublic).not.toBe(edited);
    const keys = new Set([withPublic]);
    for (const file of [
      'index.html',
      'vite.config.ts',
      'tsconfig.app.json',
      '.env',
      'node_modules/.package-lock.json',
    ]) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), 'x');
      keys.add(appKey(root, { outDir: 'dist' }));
    }
    keys.add(appKey(root, { outDir: 'dist', base: '/news/' }));
    keys.add(appKey(root, { outDir: 'dist', emptyOutDir: true }));
    process.env.VITE_FLAG = '1';
    try {
      keys.add(appKey(root, { outDir: 'dist' }));
    } finally {
      delete process.env.VITE_FLAG;
    }
    expect(keys.size).toBe(9);
  });
});
