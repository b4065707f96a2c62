import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { feedLength } from '../../src/node/pipeline/emit/feed-files.ts';
import { parseFrontMatter } from '../../src/node/seeds/parse-front-matter.ts';
import { feedPath, opmlPath } from '../../src/shared/feed-paths.ts';
import { buildWith, filesUnder, shippedArticles } from '../fixtures/build.ts';
import { readAtom, readJsonFeed, readOpml, readRss } from '../fixtures/feeds.ts';
import { loadSeeds } from '../fixtures/load-seeds.ts';
import { precacheUrls } from '../fixtures/precache.ts';
import { thoroughFrontMatter } from '../fixtures/thorough-yaml.ts';
import { askedCorpora } from './corpora.ts';

/** What every real archive must give, whoever wrote it: the checks of tests/node, on data nobody here wrote. */
describe.each(askedCorpora())('the archive %s', (folder) => {
  const seedFiles = () =>
    readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) =>
      /\.(md|markdown|txt)$/i.test(name),
    );

  it('reads every file exactly as the thorough YAML parser does', () => {
    const names = seedFiles();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const bytes = readFileSync(path.join(folder, name));
      let expected: unknown;
      try {
        expected = thoroughFrontMatter(bytes.toString('utf8'));
      } catch {
        expect(parseFrontMatter(bytes).ok, name).toBe(false);
        continue;
      }
      const result = parseFrontMatter(bytes);
      expect(result.ok && result.data, name).toEqual(expected);
    }
  });

  it('builds a dist/ with every article, no secured blob, a shell-only precache and feeds that read back', async () => {
    const corpus = await loadSeeds(folder);
    const outDir = await buildWith(folder);
    expect(shippedArticles(outDir).map((article) => article.url)).toEqual(
      corpus.articles.map((article) => article.url),
    );

    const secrets = seedFiles()
      .map((name) => /^secured:\s*"?([^"\n]+)/m.exec(readFileSync(path.join(folder, name), 'utf8'))?.[1])
      .filter((secret) => secret !== undefined);
    const shipped = filesUnder(outDir).map((file) => readFileSync(file, 'utf8'));
    for (const secret of secrets) {
      // Each half of the blob ("ciphertext;iv") is checked on its own as well.
      for (const part of [secret, ...secret.split(';')].filter((part) => part.length >= 16)) {
        expect(
          shipped.some((text) => text.includes(part)),
          part,
        ).toBe(false);
      }
    }

    expect(precacheUrls(outDir).filter((url) => url.startsWith('data/'))).toEqual([]);

    const published = corpus.articles.filter((article) => article.published);
    const newest = published.slice(0, feedLength).map((article) => article.url);
    expect(
      readRss(readFileSync(path.join(outDir, feedPath('rss')), 'utf8')).items.map(({ id }) => id),
    ).toEqual(newest);
    expect(
      readAtom(readFileSync(path.join(outDir, feedPath('atom')), 'utf8')).items.map(({ id }) => id),
    ).toEqual(newest);
    expect(
      readJsonFeed(readFileSync(path.join(outDir, feedPath('json')), 'utf8')).items.map(({ id }) => id),
    ).toEqual(newest);
    const topics = new Set(
      published.flatMap((article) => article.topics.map((topic) => topic.toLowerCase())),
    );
    // An archive without a published topic has no topic feeds, and no OPML to list them.
    const opmlFile = path.join(outDir, opmlPath);
    expect(existsSync(opmlFile)).toBe(topics.size > 0);
    if (topics.size === 0) return;
    const opml = readOpml(readFileSync(opmlFile, 'utf8'));
    expect(opml.outlines).toHaveLength(topics.size);
    for (const { xmlUrl } of opml.outlines) {
      expect(readRss(readFileSync(path.join(outDir, xmlUrl), 'utf8')).items.length).toBeGreaterThan(0);
    }
  });
});
