import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  emptyFeedMemo,
  feedFiles,
  feedLength,
  topicFeedLength,
  type FeedMemo,
  type TextFile,
} from '../../../../src/node/pipeline/emit/feed-files.ts';
import type { Article } from '../../../../src/shared/article-schema.ts';
import { feedPath, opmlPath, type FeedFormat } from '../../../../src/shared/feed-paths.ts';
import { topicKey } from '../../../../src/shared/topics.ts';
import { makeArticle } from '../../../fixtures/articles.ts';
import { readAtom, readJsonFeed, readOpml, readRss, type FeedItem } from '../../../fixtures/feeds.ts';
import { generatedSeeds } from '../../../fixtures/generated-seeds.ts';
import { loadSeeds } from '../../../fixtures/load-seeds.ts';

const readers: Record<FeedFormat, (text: string) => { title: string; items: FeedItem[] }> = {
  rss: readRss,
  atom: readAtom,
  json: readJsonFeed,
};
const formats = Object.keys(readers) as FeedFormat[];

const formatOf = (file: string): FeedFormat =>
  formats.find((format) => file.endsWith(feedPath(format).slice(6))) ?? 'rss';

function fileAt(files: readonly TextFile[], file: string): string {
  const found = files.find(({ path: name }) => name === file);
  if (!found) throw new Error(`no ${file} among ${files.length} files`);
  return found.text;
}

/** What a reader should see of an article: the fields a feed item carries. */
const expectedItem = (article: Article): FeedItem => ({
  id: article.url,
  title: article.title,
  link: article.url,
  date: new Date(article.publishedAt),
  outlet: article.provider?.name,
  excerpt: article.excerpt,
  topics: article.topics,
});

/** RSS dates (RFC 822) hold whole seconds, and the generator's dates have milliseconds. */
const toWholeSeconds = (item: FeedItem): FeedItem => ({
  ...item,
  date: new Date(Math.floor(item.date.getTime() / 1000) * 1000),
});

/** 80 articles newest first, one in 8 unpublished, with three topics spread over them. */
function archive(): Article[] {
  return Array.from({ length: 80 }, (_, i) =>
    makeArticle({
      publishedAt: new Date(Date.UTC(2024, 0, 1) - i * 3_600_000).toISOString(),
      published: i % 8 !== 3,
      topics: [i % 2 === 0 ? 'Power Apps' : 'AI', ...(i % 5 === 0 ? ['Model-driven apps'] : [])],
      excerpt: i % 7 === 0 ? undefined : `What happened, part ${i}.`,
      provider: i % 9 === 0 ? undefined : { name: `Outlet ${i % 4}` },
    }),
  );
}

describe('feedFiles', () => {
  const articles = archive();
  const published = articles.filter((article) => article.published);
  const files = feedFiles(articles, 'https://news.example/reader/');

  it.each(formats)('gives the archive the newest %s items, published ones only', (format) => {
    const feed = readers[format](fileAt(files, feedPath(format)));
    expect(feed.title).toBe('News reader');
    expect(feed.items).toEqual(published.slice(0, feedLength).map(expectedItem));
  });

  it.each(formats)('gives each topic its own %s feed of its newest published articles', (format) => {
    for (const topic of ['Power Apps', 'AI', 'Model-driven apps']) {
      const feed = readers[format](fileAt(files, feedPath(format, topic)));
      const expected = published
        .filter((article) => article.topics.includes(topic))
        .slice(0, topicFeedLength);
      expect(feed.title).toBe(`News reader: ${topic}`);
      expect(feed.items.map(({ id }) => id)).toEqual(expected.map(({ url }) => url));
    }
  });

  it('never lists an unpublished article, in any feed', () => {
    const hidden = articles.filter((article) => !article.published).map(({ url }) => url);
    expect(hidden.length).toBe(10);
    const listed = files
      .filter(({ path: file }) => file !== opmlPath)
      .flatMap(({ path: file, text }) => readers[formatOf(file)](text).items.map(({ id }) => id));
    expect(listed.length).toBeGreaterThan(100);
    expect(listed.filter((id) => hidden.includes(id))).toEqual([]);
  });

  it('writes feeds of a topic only its unpublished articles carry nowhere', () => {
    const only = feedFiles([makeArticle({ published: false, topics: ['Secret'] }), ...articles], '/');
    expect(only.some(({ path: file }) => file.includes(feedPath('rss', 'Secret')))).toBe(false);
    expect(readOpml(fileAt(only, opmlPath)).outlines.map(({ text }) => text)).not.toContain('Secret');
  });

  it('writes valid, empty feeds and no OPML for an archive with nothing published', () => {
    const empty = feedFiles([makeArticle({ published: false, topics: ['AI'] })], '/');
    expect(empty.map(({ path: file }) => file)).toEqual(formats.map((format) => feedPath(format)));
    for (const format of formats) expect(readers[format](fileAt(empty, feedPath(format))).items).toEqual([]);
  });

  it('links each feed to itself and to the site, under the site URL', () => {
    expect(readRss(fileAt(files, feedPath('rss', 'AI'))).selfLink).toBe(
      'https://news.example/reader/feeds/topic/ai/rss.xml',
    );
    expect(readAtom(fileAt(files, feedPath('atom'))).selfLink).toBe(
      'https://news.example/reader/feeds/atom.xml',
    );
    expect(readJsonFeed(fileAt(files, feedPath('json', 'AI'))).feedUrl).toBe(
      'https://news.example/reader/feeds/topic/ai/feed.json',
    );
    // An Atom feed's id names it wherever the site is served.
    expect(readAtom(fileAt(files, feedPath('atom'))).id).toBe(
      readAtom(fileAt(feedFiles(articles, '/'), feedPath('atom'))).id,
    );
  });

  it('lists every topic feed in the OPML', () => {
    const opml = readOpml(fileAt(files, opmlPath));
    expect(opml.outlines.map(({ text }) => text).sort()).toEqual(['AI', 'Model-driven apps', 'Power Apps']);
    for (const outline of opml.outlines) {
      expect(outline.type).toBe('rss');
      expect(outline.xmlUrl).toBe(`https://news.example/reader/${feedPath('rss', outline.text)}`);
      expect(outline.htmlUrl).toBe(`https://news.example/reader/?topic=${encodeURIComponent(outline.text)}`);
    }
  });

  it('writes the same files for the same articles, at paths named by the topics alone', () => {
    expect(feedFiles(articles, 'https://news.example/reader/')).toEqual(files);
    const paths = files.map(({ path: file }) => file);
    expect(paths).toContain('feeds/topic/power-apps/rss.xml');
    expect(paths).toContain('feeds/topic/model--driven-apps/atom.xml');
    expect(paths.length).toBe(3 + 3 * 3 + 1);
  });

  it('keeps hostile text well-formed and as it was, less what XML cannot hold', () => {
    const title = 'Q&A: <script>alert(1)</script> ]]> and "quotes" \u0001\u0008\u000b\ufffe\ud800 end';
    const excerpt = '<b>Bold</b> & ]]> <![CDATA[ \u001f';
    const hostile = makeArticle({
      title,
      excerpt,
      url: 'https://example.com/a?b=1&c=<2>',
      topics: ['R&D <lab>', ']]>'],
      provider: { name: 'A & B <News>' },
    });
    const hostileFiles = feedFiles([hostile], '/');
    const clean = (text: string) =>
      ['\u0001', '\u0008', '\u000b', '\u001f', '\ufffe', '\ud800'].reduce(
        (left, gone) => left.replaceAll(gone, ''),
        text,
      );
    for (const format of formats) {
      const [item] = readers[format](fileAt(hostileFiles, feedPath(format))).items;
      expect(item).toEqual({
        ...expectedItem(hostile),
        title: clean(title),
        excerpt: clean(excerpt).trim(),
        topics: ['R&D <lab>', ']]>'],
      });
    }
    for (const topic of hostile.topics) {
      expect(readRss(fileAt(hostileFiles, feedPath('rss', topic))).title).toBe(`News reader: ${topic}`);
    }
    expect(
      readOpml(fileAt(hostileFiles, opmlPath))
        .outlines.map(({ text }) => text)
        .sort(),
    ).toEqual(['R&D <lab>', ']]>']);
  });
});

describe('feeds of a realistic archive', async () => {
  // The generator's archive (many topics, unpublished articles, secured blobs); tests/corpus checks the real ones.
  const dir = generatedSeeds(192);
  const corpus = await loadSeeds(dir);
  const files = feedFiles(corpus.articles, '/');
  const published = corpus.articles.filter((article) => article.published);

  it('read back in every format, with the newest published articles of each topic', () => {
    expect(published.length).toBeGreaterThan(feedLength);
    for (const format of formats) {
      expect(readers[format](fileAt(files, feedPath(format))).items.map(toWholeSeconds)).toEqual(
        published.slice(0, feedLength).map(expectedItem).map(toWholeSeconds),
      );
    }
    const topics = new Set(published.flatMap((article) => article.topics.map(topicKey)));
    // Some topic has more published articles than its feed carries.
    const largest = Math.max(
      ...[...topics].map(
        (key) => published.filter((article) => article.topics.some((name) => topicKey(name) === key)).length,
      ),
    );
    expect(largest).toBeGreaterThan(topicFeedLength);
    const opml = readOpml(fileAt(files, opmlPath));
    expect(opml.outlines.length).toBe(topics.size);
    for (const { text: topic } of opml.outlines) {
      const expected = published.filter((article) =>
        article.topics.some((name) => topicKey(name) === topicKey(topic)),
      );
      for (const format of formats) {
        const feed = readers[format](fileAt(files, feedPath(format, topic)));
        expect(feed.items.map(({ id }) => id)).toEqual(
          expected.slice(0, topicFeedLength).map(({ url }) => url),
        );
      }
    }
  });

  it('carry nothing of the secured blobs', () => {
    const blobs = readdirSync(dir)
      .map((name) => /^secured: "?([^"\n]{24})/m.exec(readFileSync(path.join(dir, name), 'utf8'))?.[1])
      .filter((blob) => blob !== undefined);
    expect(blobs.length).toBeGreaterThan(50);
    for (const { text } of files) {
      expect(text).not.toMatch(/secured/i);
      for (const blob of blobs) expect(text).not.toContain(blob);
    }
  });

  it('kept from run to run (the dev server), are what a run from scratch writes', () => {
    const memo: FeedMemo = emptyFeedMemo();
    const one = makeArticle({ topics: ['AI'] });
    // A topic whose name XML cannot hold a letter of: cleaned, it is empty, like no topic at all.
    const other = makeArticle({ publishedAt: '2021-03-05T07:00:00.000Z', topics: ['\u0001'] });
    const runs = [
      [one],
      [other],
      [other, one],
      [{ ...other, title: 'Retitled' }, one],
      // The same articles in their places, each feed carrying others.
      [{ ...other, topics: ['AI'] }, one],
      [
        { ...other, topics: ['AI'] },
        { ...one, published: false },
      ],
      [{ ...other, topics: ['ai', 'Robots'] }, one],
      [one],
    ];
    for (const articles of runs) expect(feedFiles(articles, '/', memo)).toEqual(feedFiles(articles, '/'));
  });
});
