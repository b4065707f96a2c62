import { generateAtomFeed, generateJsonFeed, generateOpml, generateRssFeed } from 'feedsmith';
import type { Article } from '../../../shared/article-schema.ts';
import { feedPath, opmlPath, siteTitle, type FeedFormat } from '../../../shared/feed-paths.ts';
import { topicKey } from '../../../shared/topics.ts';
import { deriveByKey, deriveFromPicked, keepOnlyKeys, type KeyedMemo, type PickedMemo } from '../memo.ts';

/** A file written as it is (not JSON of a value), at a path relative to the site's base. */
export type TextFile = { path: string; text: string };

/** How many articles the archive's feed carries: the newest. */
export const feedLength = 50;

/**
 * How many a topic's feed carries: fewer, as feed hosts commonly do (25 is Blogger's), since a
 * new article rewrites the feeds of each of its topics: at 100,000 articles, 10 new ones touched
 * 15 feed sets of 145 KB, 60 % of every byte such a deploy changed.
 */
export const topicFeedLength = 25;

/**
 * The feeds of the archive and of each topic, in RSS 2.0, Atom 1.0 and JSON Feed 1.1 (written by
 * feedsmith, which alone among the maintained writers does JSON Feed 1.1), and the OPML of the
 * topic feeds (when there are topics). Each carries the newest published articles, `feedLength`
 * of the archive's and `topicFeedLength` of a topic's (`articles` are newest first); an item's id is its source URL. `siteUrl` is where the site is served, ending in `/`
 * (an absolute URL, or the base path when it is not known); links to the site start with it.
 * Nothing in them changes unless the articles do: a feed's date is its newest item's.
 */
export function feedFiles(articles: readonly Article[], siteUrl: string, memo?: FeedMemo): TextFile[] {
  // Which articles each feed carries is kept while every article's publication and topics are
  // the same: at 100,000 articles, finding them took 0.2-0.25 s of a dev-server edit of a title.
  const carried = deriveFromPicked(
    memo?.carried,
    articles,
    ({ published, topics }) => [published, ...topics],
    () => carriedBy(articles),
  );
  const at = (ranks: readonly number[]) => ranks.map((rank) => articles[rank] as Article);
  // A feed's files are kept while it carries the same articles (the same objects): at 100,000
  // articles, 0.06 s of a dev-server edit went to writing again the feeds of 30 topics.
  const formats = (feed: Feed) =>
    deriveByKey(memo?.files, feed.topic, [siteUrl, ...feed.articles], () => formatsOf(feed, siteUrl));
  const byName = carried.topics;
  keepOnlyKeys(memo?.files, new Set([undefined, ...byName.map(({ name }) => name)]));
  return [
    ...formats({ title: siteTitle, articles: at(carried.archive) }),
    ...byName.flatMap(({ name, ranks }) => formats({ title: name, topic: name, articles: at(ranks) })),
    // OPML asks for at least one outline: an archive without topics has no OPML.
    ...(byName.length > 0
      ? [
          {
            path: opmlPath,
            text: opmlOf(
              byName.map(({ name }) => name),
              siteUrl,
            ),
          },
        ]
      : []),
  ];
}

type Feed = { title: string; topic?: string; articles: readonly Article[] };

/** The ranks of the articles each feed carries: the archive's, and each topic's, by name. */
type Carried = { archive: number[]; topics: { name: string; ranks: number[] }[] };

/**
 * What a long-lived process keeps of the feeds from run to run: which articles each carries, and
 * each feed's files, by its topic (none for the archive's).
 */
export type FeedMemo = { carried: PickedMemo<Carried>; files: KeyedMemo<string | undefined, TextFile[]> };

export const emptyFeedMemo = (): FeedMemo => ({ carried: {}, files: new Map() });

/**
 * The newest published articles of the archive and of each topic (told apart case-insensitively,
 * named by their newest spelling cleaned for XML), as ranks in `articles` (newest first).
 */
function carriedBy(articles: readonly Article[]): Carried {
  const archive: number[] = [];
  const topics = new Map<string, { name: string; ranks: number[] }>();
  // Each topic's name cleaned once, not at each of its articles (0.03 s less at 100,000).
  const cleaned = new Map<string, string>();
  const clean = (name: string) => {
    const text = cleaned.get(name) ?? xmlText(name);
    cleaned.set(name, text);
    return text;
  };
  articles.forEach((article, rank) => {
    if (!article.published) return;
    if (archive.length < feedLength) archive.push(rank);
    for (const name of article.topics.map(clean)) {
      const topic = topics.get(topicKey(name)) ?? { name, ranks: [] };
      topics.set(topicKey(name), topic);
      if (topic.ranks.length < topicFeedLength) topic.ranks.push(rank);
    }
  });
  return { archive, topics: [...topics.values()].sort((a, b) => a.name.localeCompare(b.name, 'en')) };
}

function formatsOf(feed: Feed, siteUrl: string): TextFile[] {
  const url = (format: FeedFormat) => siteUrl + feedPath(format, feed.topic);
  const home = feed.topic === undefined ? siteUrl : `${siteUrl}?topic=${encodeURIComponent(feed.topic)}`;
  const title = feed.topic === undefined ? siteTitle : `${siteTitle}: ${feed.topic}`;
  const description =
    feed.topic === undefined ? 'The newest articles of the archive' : `The newest articles on ${feed.topic}`;
  // Only the articles a feed carries are cleaned (all of them took 0.25 s of 0.6 s at 100,000).
  const articles = feed.articles.map(cleanText);
  // A feed without items still has a date; the epoch keeps it the same from build to build.
  const updated = new Date(articles[0]?.publishedAt ?? 0);
  const rss = generateRssFeed({
    title,
    link: home,
    description,
    lastBuildDate: updated,
    atom: { links: [{ href: url('rss'), rel: 'self', type: 'application/rss+xml' }] },
    items: articles.map((article) => ({
      title: article.title,
      link: article.url,
      guid: { value: article.url, isPermaLink: true },
      pubDate: new Date(article.publishedAt),
      // RSS readers take a description for HTML, so the plain text is escaped to show as it is.
      description: article.excerpt ? escapeHtml(article.excerpt) : undefined,
      categories: article.topics.map((name) => ({ name })),
      dc: article.provider ? { creators: [article.provider.name] } : undefined,
    })),
  });
  const atom = generateAtomFeed({
    // A tag-like URN names the feed wherever the site is served.
    id: `urn:news-reader:${feedPath('atom', feed.topic)}`,
    title: { value: title, type: 'text' },
    subtitle: { value: description, type: 'text' },
    updated,
    authors: [{ name: siteTitle }],
    links: [
      { href: url('atom'), rel: 'self', type: 'application/atom+xml' },
      { href: home, rel: 'alternate', type: 'text/html' },
    ],
    entries: articles.map((article) => ({
      id: article.url,
      title: { value: article.title, type: 'text' },
      links: [{ href: article.url, rel: 'alternate' }],
      published: new Date(article.publishedAt),
      updated: new Date(article.publishedAt),
      summary: article.excerpt ? { value: article.excerpt, type: 'text' } : undefined,
      categories: article.topics.map((term) => ({ term })),
      authors: article.provider ? [{ name: article.provider.name }] : undefined,
    })),
  });
  // feedsmith types what it returns as `unknown`: it is the feed as JSON Feed 1.1's object.
  const json = generateJsonFeed({
    title,
    home_page_url: home,
    feed_url: url('json'),
    description,
    items: articles.map((article) => ({
      id: article.url,
      url: article.url,
      title: article.title,
      // JSON Feed asks every item for content: the excerpt, else the title.
      content_text: article.excerpt || article.title,
      summary: article.excerpt || undefined,
      image: article.image?.url,
      date_published: new Date(article.publishedAt),
      tags: article.topics,
      authors: article.provider ? [{ name: article.provider.name }] : undefined,
    })),
  }) as { items?: unknown[] };
  return [
    { path: feedPath('rss', feed.topic), text: rss },
    { path: feedPath('atom', feed.topic), text: atom },
    // JSON Feed asks for `items` even when there are none; feedsmith leaves an empty list out.
    {
      path: feedPath('json', feed.topic),
      text: `${JSON.stringify({ ...json, items: json.items ?? [] }, null, 2)}\n`,
    },
  ];
}

function opmlOf(topics: readonly string[], siteUrl: string): string {
  return generateOpml({
    head: { title: `${siteTitle}: topic feeds` },
    body: {
      outlines: topics.map((name) => ({
        text: name,
        title: name,
        type: 'rss',
        xmlUrl: siteUrl + feedPath('rss', name),
        htmlUrl: `${siteUrl}?topic=${encodeURIComponent(name)}`,
      })),
    },
  });
}

/**
 * The article with its text fields trimmed and kept to the characters XML 1.0 allows (no control
 * characters but tab and line breaks, no U+FFFE, no lone surrogate), which feedsmith passes through.
 */
function cleanText(article: Article): Article {
  return {
    ...article,
    title: xmlText(article.title),
    excerpt: article.excerpt === undefined ? undefined : xmlText(article.excerpt),
    topics: article.topics.map(xmlText),
    provider: article.provider && { ...article.provider, name: xmlText(article.provider.name) },
  };
}

const notInXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const xmlText = (text: string) => text.replace(notInXml, '').trim();

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
