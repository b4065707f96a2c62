import { JSDOM } from 'jsdom';
import ogs from 'open-graph-scraper';
import { describe, expect, it } from 'vitest';
import { ranksById } from '../../../../src/node/pipeline/emit/keys.ts';
import { sitemapFiles, sitemapLimits } from '../../../../src/node/pipeline/emit/sitemap-files.ts';
import {
  pagedStories,
  storyDocument,
  storyLoader,
  storyPageParts,
  type StoryPage,
} from '../../../../src/node/pipeline/emit/story-pages.ts';
import type { Article } from '../../../../src/shared/article-schema.ts';
import { laterBy } from '../../../../src/shared/time-apart.ts';
import { makeArticle } from '../../../fixtures/articles.ts';

const siteUrl = 'https://news.example.org/reader/';
const at = (hours: number) => new Date(Date.UTC(2021, 2, 4, 7) + hours * 3_600_000).toISOString();

/** A story of three reports, newest first (the lead, Reuters's, first), and an article of its own. */
function story(): { articles: Article[]; ids: string[] } {
  const other = makeArticle({ id: 'other', publishedAt: at(-1) });
  const reuters = makeArticle({
    id: 'lead',
    title: 'Glasses <b>with</b> faces & "names"',
    excerpt: 'The company weighs it </script><script>alert(1)</script>.',
    publishedAt: at(0),
    provider: { name: 'Reuters' },
    url: 'https://reuters.example/glasses',
    topics: ['AI', 'Privacy'],
  });
  const verge = makeArticle({
    id: 'verge',
    title: 'Of course it is considering faces for its glasses',
    publishedAt: at(3),
    provider: { name: 'The Verge' },
    url: 'https://verge.example/glasses',
    image: { url: 'https://verge.example/glasses.jpg', width: 1200, height: 630 },
    topics: ['AI'],
  });
  const wired = makeArticle({
    id: 'wired',
    title: 'It mulls a launch of face-reading glasses',
    publishedAt: at(27),
    provider: { name: 'Wired' },
    url: 'https://wired.example/glasses',
  });
  return { articles: [wired, verge, reuters, other], ids: ['lead', 'verge', 'wired'] };
}

/** A story's page alone, as the dev server serves it: its path and its document. */
function storyPage(story: StoryPage, site: string) {
  const parts = storyPageParts(story, site);
  return { path: parts.path, text: storyDocument(parts) };
}

function page() {
  const { articles, ids } = story();
  const [paged] = pagedStories(articles, [{ ids, reasons: ids.map(() => '') }], ranksById(articles));
  if (!paged) throw new Error('no story page');
  return storyPage(paged, siteUrl);
}

const documentOf = (html: string) => new JSDOM(html).window.document;
const metaOf = (document: Document, key: string) =>
  document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');

describe("a story's page", () => {
  it("lives under its lead's id, and tells the story from its first report", () => {
    const { path, text } = page();
    expect(path).toBe('story/lead/index.html');
    const document = documentOf(text);
    expect(document.querySelector('h1')?.textContent).toBe('Glasses <b>with</b> faces & "names"');
    expect(document.querySelector('h1 b')).toBeNull();
    expect(document.body.textContent).toContain('3 reports from 3 outlets: Reuters, The Verge, Wired.');
    expect(document.body.textContent).toContain('Topics: AI, Privacy');
    const steps = [...document.querySelectorAll('.timeline li')].map((li) => li.textContent);
    expect(steps).toEqual([
      expect.stringMatching(/^First reported by Reuters, 4 March 2021, 07:00 UTC/),
      expect.stringMatching(/^The Verge, 3 hours later \(4 March 2021, 10:00 UTC\)/),
      expect.stringMatching(/^Wired, 1 day 3 hours later/),
    ]);
    const links = [...document.querySelectorAll('.timeline a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([
      'https://reuters.example/glasses',
      'https://verge.example/glasses',
      'https://wired.example/glasses',
    ]);
  });

  it('runs nothing of an article: no script but its JSON-LD, which no text can close early', () => {
    const document = documentOf(page().text);
    const scripts = [...document.querySelectorAll('script')];
    expect(scripts.map((script) => script.type)).toEqual(['application/ld+json']);
    expect(document.body.textContent).toContain('</script><script>alert(1)</script>');
  });

  it('carries the tags link previews read, its own address as og:url and canonical', () => {
    const document = documentOf(page().text);
    const address = `${siteUrl}story/lead/`;
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(address);
    expect({
      type: metaOf(document, 'og:type'),
      title: metaOf(document, 'og:title'),
      url: metaOf(document, 'og:url'),
      image: metaOf(document, 'og:image'),
      card: metaOf(document, 'twitter:card'),
    }).toEqual({
      type: 'article',
      title: 'Glasses <b>with</b> faces & "names"',
      url: address,
      image: 'https://verge.example/glasses.jpg',
      card: 'summary_large_image',
    });
    expect(metaOf(document, 'og:description')).toMatch(/^The company weighs it/);
    type ListItem = { item: { '@type': string; url: string } };
    const ld = JSON.parse(
      document.querySelector('script[type="application/ld+json"]')?.textContent ?? '',
    ) as {
      itemListElement: ListItem[];
    };
    expect(ld.itemListElement.map(({ item }) => item)).toEqual([
      expect.objectContaining({ '@type': 'NewsArticle', url: 'https://reuters.example/glasses' }),
      expect.objectContaining({ '@type': 'NewsArticle', url: 'https://verge.example/glasses' }),
      expect.objectContaining({ '@type': 'NewsArticle', url: 'https://wired.example/glasses' }),
    ]);
  });

  it('reads as a chat service reads it (open-graph-scraper on the page)', async () => {
    const { result, error } = await ogs({ html: page().text });
    expect(error).toBe(false);
    expect(result.ogTitle).toBe('Glasses <b>with</b> faces & "names"');
    expect(result.ogUrl).toBe(`${siteUrl}story/lead/`);
    expect(result.ogType).toBe('article');
    expect(result.ogImage?.[0]?.url).toBe('https://verge.example/glasses.jpg');
    expect(result.twitterCard).toBe('summary_large_image');
  });

  it('keeps its bytes when other articles arrive; a story of one article has none', () => {
    const { articles, ids } = story();
    const before = storyPage(
      pagedStories(articles, [{ ids, reasons: [] }], ranksById(articles))[0] as never,
      siteUrl,
    );
    const newer = makeArticle({ publishedAt: at(100) });
    const after = storyPage(
      pagedStories([newer, ...articles], [{ ids, reasons: [] }], ranksById([newer, ...articles]))[0] as never,
      siteUrl,
    );
    expect(after).toEqual(before);
    expect(pagedStories(articles, [{ ids: ['lead', 'gone'], reasons: [] }], ranksById(articles))).toEqual([]);
  });

  it('takes the place of the reader’s root in its built page, its scripts loaded by name', () => {
    const { articles, ids } = story();
    const parts = storyPageParts(
      pagedStories(articles, [{ ids, reasons: [] }], ranksById(articles))[0] as never,
      siteUrl,
    );
    const shell = [
      '<!doctype html>\n<html lang="en">\n  <head>',
      '    <meta http-equiv="Content-Security-Policy" content="default-src \'self\'">',
      '    <meta name="description" content="A fast feed." />',
      '    <title>News reader</title>',
      '    <script type="module" crossorigin src="/assets/index-abc.js"></script>',
      '    <link rel="modulepreload" crossorigin href="/assets/vendor-def.js">',
      '  </head>\n  <body>',
      '    <div id="root"></div>',
      '    <noscript>The news reader needs JavaScript.</noscript>',
      '  </body>\n</html>\n',
    ].join('\n');
    const document = documentOf(storyDocument(parts, { html: shell, loader: '/story-reader.js' }));
    expect(document.title).toBe('Glasses <b>with</b> faces & "names" · News reader');
    expect(document.querySelectorAll('meta[name="description"]')).toHaveLength(1);
    expect(metaOf(document, 'description')).toMatch(/^The company weighs it/);
    // The reader's scripts are named by their content, which every change of the app changes: a
    // page loads them through a script of a fixed name, so that its bytes change only with its story.
    expect(
      [...document.querySelectorAll('script[type="module"]')].map((script) => script.getAttribute('src')),
    ).toEqual(['/story-reader.js']);
    expect(storyLoader(shell)).toBe('import "/assets/index-abc.js";\n');
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')).not.toBeNull();
    expect(document.querySelector('link[rel="modulepreload"]')).toBeNull();
    expect(document.querySelector('noscript')).toBeNull();
    expect(document.querySelector('#root > .story-page h1')?.textContent).toBe(
      'Glasses <b>with</b> faces & "names"',
    );
    expect(metaOf(document, 'og:url')).toBe(`${siteUrl}story/lead/`);
  });

  it('says how much later each report came', () => {
    expect([0, 20_000, 25 * 60_000, 3_600_000, 26 * 3_600_000, 48 * 3_600_000].map(laterBy)).toEqual([
      'at the same time',
      'at the same time',
      '25 minutes later',
      '1 hour later',
      '1 day 2 hours later',
      '2 days later',
    ]);
  });
});

describe('the sitemap', () => {
  const entries = Array.from({ length: 7 }, (_, i) => ({ path: `story/s${i}/`, lastmod: at(i) }));
  const urlsOf = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);

  it('is an index of parts within the limits, listing every address once, in order', () => {
    const files = sitemapFiles(entries, siteUrl, { urls: 3, bytes: sitemapLimits.bytes });
    const index = files.find((file) => file.path === 'sitemap.xml')?.text ?? '';
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const parts = urlsOf(index);
    expect(parts).toEqual([1, 2, 3].map((n) => `${siteUrl}sitemap-${n}.xml`));
    const listed = parts.map((url) => files.find((file) => siteUrl + file.path === url)?.text ?? '');
    for (const part of listed) expect(urlsOf(part).length).toBeLessThanOrEqual(3);
    expect(listed.flatMap(urlsOf)).toEqual(entries.map(({ path }) => siteUrl + path));
    expect(index).toContain(`<lastmod>${at(6)}</lastmod>`);
  });

  it('starts a new part before one would pass its byte limit', () => {
    const files = sitemapFiles(entries, siteUrl, { urls: 50_000, bytes: 400 });
    const parts = files.filter((file) => /^sitemap-\d+\.xml$/.test(file.path));
    expect(parts.length).toBeGreaterThan(1);
    for (const { text } of parts) expect(Buffer.byteLength(text)).toBeLessThanOrEqual(400);
    expect(parts.flatMap(({ text }) => urlsOf(text))).toHaveLength(entries.length);
  });

  it('is named in robots.txt; without an absolute site address there is none', () => {
    const robots = sitemapFiles(entries, siteUrl).find((file) => file.path === 'robots.txt')?.text;
    expect(robots).toBe(`User-agent: *\nAllow: /\nSitemap: ${siteUrl}sitemap.xml\n`);
    expect(sitemapFiles(entries, '/reader/')).toEqual([
      { path: 'robots.txt', text: 'User-agent: *\nAllow: /\n' },
    ]);
  });
});
