import type { Article } from '../../../shared/article-schema.ts';
import { siteTitle } from '../../../shared/feed-paths.ts';
import { storyPagePath, storyQuery } from '../../../shared/story-paths.ts';
import { laterBy } from '../../../shared/time-apart.ts';
import { outletOf } from '../../../shared/story-ranks.ts';
import type { Story } from '../stories/find-stories.ts';
import { escapeMarkup as escape } from './markup.ts';
import { deriveByKey, keepOnlyKeys, type KeyedMemo } from '../memo.ts';

/** A story as its page tells it: its id (its lead's) and its reports, oldest first. */
export type StoryPage = { id: string; reports: Article[] };

/**
 * The stories that get a page of their own, those of two reports or more (published or not, as
 * the reader groups them), each under its lead's id, which new reports do not change. `rankOf`
 * gives each article's rank in `articles` by its id.
 */
export function pagedStories(
  articles: readonly Article[],
  stories: readonly Story[],
  rankOf: ReadonlyMap<string, number>,
): StoryPage[] {
  return stories.flatMap(({ ids }) => {
    // Through each id's rank, not a map of the articles read from every article's id: at 100,000
    // articles, 0.03-0.05 s of a dev-server edit against 0.11-0.16 s.
    const reports = ids
      .flatMap((id) => {
        const rank = rankOf.get(id);
        return rank === undefined ? [] : [articles[rank] as Article];
      })
      .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || compare(a.id, b.id));
    return reports.length > 1 ? [{ id: ids[0] as string, reports }] : [];
  });
}

/** A story's page in parts, to be put in the reader's own page (see storyDocument). */
export type StoryPageParts = { path: string; title: string; head: string[]; body: string };

/** What a long-lived process keeps of the story pages from run to run: each story's last page, by id. */
export type StoryPageMemo = KeyedMemo<string, StoryPageParts>;

/**
 * Each story's page (see storyPageParts); with a `memo`, the last run's while its reports are the
 * same objects (at 100,000 articles, 4,000 pages made again took 0.15 s of a dev-server edit).
 */
export function storyPagesOf(
  stories: readonly StoryPage[],
  siteUrl: string,
  memo?: StoryPageMemo,
): StoryPageParts[] {
  keepOnlyKeys(memo, new Set(stories.map(({ id }) => id)));
  return stories.map((story) =>
    deriveByKey(memo, story.id, [siteUrl, ...story.reports], () => storyPageParts(story, siteUrl)),
  );
}

/**
 * A story's page, readable with no script: its first report's title and excerpt, the outlets and
 * topics, and a timeline of every report with a plain link to its source. Its head carries what
 * link previews read (Open Graph, Twitter's card, a canonical link) and the reports as schema.org
 * `NewsArticle`s. `siteUrl` is where the site is served, ending in `/`: absolute, or the base
 * path alone, when the page's address and canonical link are relative and previews will not work.
 * Nothing in it changes unless the story does.
 */
export function storyPageParts({ id, reports }: StoryPage, siteUrl: string): StoryPageParts {
  const first = reports[0] as Article;
  const path = storyPagePath(id);
  const url = siteUrl + path;
  const outlets = [...new Set(reports.map(outletOf))];
  const topics = [...new Set(reports.flatMap((report) => report.topics))];
  const image = reports.find((report) => report.image)?.image?.url;
  const description = first.excerpt?.trim() || `${first.title}: ${reports.length} reports.`;
  const summary = `${reports.length} reports from ${outlets.length} outlet${outlets.length === 1 ? '' : 's'}: ${outlets.join(', ')}.`;
  const meta = (attribute: 'property' | 'name', key: string, value: string) =>
    `<meta ${attribute}="${key}" content="${escape(value)}">`;
  const head = [
    meta('name', 'description', description),
    `<link rel="canonical" href="${escape(url)}">`,
    meta('property', 'og:type', 'article'),
    meta('property', 'og:site_name', siteTitle),
    meta('property', 'og:title', first.title),
    meta('property', 'og:description', description),
    meta('property', 'og:url', url),
    ...(image ? [meta('property', 'og:image', image)] : []),
    meta('property', 'article:published_time', first.publishedAt),
    meta('name', 'twitter:card', image ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', first.title),
    meta('name', 'twitter:description', description),
    ...(image ? [meta('name', 'twitter:image', image)] : []),
    `<script type="application/ld+json">${jsonLd(reports, url)}</script>`,
    `<style>${style}</style>`,
  ];
  const timeline = reports.map((report, i) => {
    const when = `<time datetime="${report.publishedAt}">${escape(dateOf(report.publishedAt))}</time>`;
    const who = escape(outletOf(report));
    const lead =
      i === 0
        ? `First reported by ${who}, ${when}`
        : `${who}, ${escape(laterBy(Date.parse(report.publishedAt) - Date.parse(first.publishedAt)))} (${when})`;
    return `<li><p>${lead}</p><p><a href="${escape(report.url)}" rel="noopener noreferrer">${escape(report.title)}</a></p></li>`;
  });
  const body = [
    '<div class="story-page">',
    `<header><a href="${escape(siteUrl)}">${escape(siteTitle)}</a> · <a href="${escape(siteUrl + storyQuery(id))}">Open this story in the reader</a></header>`,
    '<main><article>',
    `<h1>${escape(first.title)}</h1>`,
    `<p class="summary">${escape(summary)}</p>`,
    ...(topics.length > 0 ? [`<p class="topics">Topics: ${escape(topics.join(', '))}</p>`] : []),
    ...(first.excerpt?.trim() ? [`<p>${escape(first.excerpt.trim())}</p>`] : []),
    '<h2>Timeline</h2>',
    `<ol class="timeline">${timeline.join('')}</ol>`,
    '</article></main>',
    '</div>',
  ];
  return {
    path: `${path}index.html`,
    title: `${escape(first.title)} · ${escape(siteTitle)}`,
    head,
    body: body.join('\n'),
  };
}

/**
 * The page of a story: alone, or put in `shell`, the reader's page as Vite built it, before the
 * data went in (see site.ts), in place of its title, its description and its empty root, so that
 * the reader takes the page over (see boot.ts) with its styles and policy. The reader's scripts,
 * whose names change with every change of the app, are loaded through `loader`, a script of a
 * fixed name (see storyLoader): a story that did not change keeps its page's bytes.
 */
export function storyDocument(
  { title, head, body }: StoryPageParts,
  shell?: { html: string; loader: string },
): string {
  if (shell === undefined) {
    const top = [
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<meta name="color-scheme" content="light dark">',
    ];
    return `<!doctype html>\n<html lang="en">\n<head>\n${[...top, `<title>${title}</title>`, ...head].join('\n')}\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
  }
  const { html, loader } = shell;
  if (!html.includes('<div id="root"></div>'))
    throw new Error('index.html has no empty <div id="root"> to put a story page in');
  // Functions, so that no `$&` or `$'` in an article's text is read as a pattern.
  return html
    .replace('<div id="root"></div>', () => `<div id="root">${body}</div>`)
    .replace(/<noscript>[^<]*<\/noscript>\s*/, '')
    .replace(/<title>[^<]*<\/title>/, () => `<title>${title}</title>`)
    .replace(/<meta name="description"[^>]*>\s*/, '')
    .replace(/<link rel="modulepreload"[^>]*>\s*/g, '')
    .replace(/<script type="module"[^>]*><\/script>\s*/g, '')
    .replace('</head>', () => `<script type="module" src="${loader}"></script>\n${head.join('\n')}\n</head>`);
}

/** Where story pages load the reader from: a script of a fixed name, relative to the base. */
export const storyLoaderPath = 'story-reader.js';

/** The loader of story pages: imports the reader's own module scripts, as `html` names them. */
export function storyLoader(html: string): string {
  const sources = [...html.matchAll(/<script type="module"[^>]*\bsrc="([^"]+)"[^>]*><\/script>/g)].map(
    ([, source]) => source,
  );
  return sources.map((source) => `import ${JSON.stringify(source)};\n`).join('');
}

/** The reports as schema.org NewsArticles, in a list: JSON that no `</script>` can end early. */
function jsonLd(reports: readonly Article[], url: string): string {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    url,
    itemListElement: reports.map((report, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      item: {
        '@type': 'NewsArticle',
        headline: report.title,
        url: report.url,
        datePublished: report.publishedAt,
        publisher: { '@type': 'Organization', name: outletOf(report) },
        ...(report.image ? { image: report.image.url } : {}),
      },
    })),
  };
  return JSON.stringify(data).replaceAll('<', '\\u003c');
}

/** "4 March 2020, 07:00 UTC": a static page knows no reader's time zone. */
function dateOf(iso: string): string {
  const date = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${dayFormat.format(date)}, ${two(date.getUTCHours())}:${two(date.getUTCMinutes())} UTC`;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// The dark scheme last: it overrides the colours before it.
const style = [
  '.story-page{margin:0 auto;max-width:42rem;padding:1rem;font:1rem/1.5 system-ui,sans-serif;color:#1b1f24;background:#f6f7f9}',
  'h1{font-size:1.6rem;line-height:1.25}.summary,.topics,time{color:#5b6470}',
  '.timeline{padding-left:1.25rem}.timeline li{margin-bottom:.75rem}.timeline p{margin:0}',
  '@media (prefers-color-scheme:dark){.story-page{color:#e6e8eb;background:#0f1115}.story-page a{color:#8cb4ff}.summary,.topics,time{color:#a3acb7}}',
].join('');
