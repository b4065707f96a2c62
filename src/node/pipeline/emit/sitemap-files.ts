import type { TextFile } from './feed-files.ts';
import { escapeMarkup } from './markup.ts';

/** An address of the site, relative to its base, and the last time what it shows changed. */
export type SitemapEntry = { path: string; lastmod: string };

/** sitemaps.org's limits of one sitemap file: 50,000 URLs and 50 MB (52,428,800 bytes). */
export const sitemapLimits = { urls: 50_000, bytes: 52_428_800 };

/**
 * `sitemap.xml`, a sitemap index, and its parts `sitemap-1.xml`, `sitemap-2.xml`…, each within
 * `sitemapLimits`, listing `entries` in their order (put the newest last: a new story then
 * changes only the last part and the index); and `robots.txt`, which names the index. A sitemap
 * holds absolute URLs only: without an absolute `siteUrl` (see NEWS_SITE_URL) there is none, and
 * robots.txt only allows everything.
 */
export function sitemapFiles(
  entries: readonly SitemapEntry[],
  siteUrl: string,
  limits = sitemapLimits,
): TextFile[] {
  const allowAll = 'User-agent: *\nAllow: /\n';
  if (!/^https?:\/\//.test(siteUrl)) return [{ path: 'robots.txt', text: allowAll }];
  const head =
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n';
  const tail = '</urlset>\n';
  const parts: { lines: string[]; bytes: number; lastmod: string }[] = [];
  for (const { path, lastmod } of entries) {
    const line = `<url><loc>${escapeMarkup(siteUrl + path)}</loc><lastmod>${lastmod}</lastmod></url>\n`;
    const bytes = Buffer.byteLength(line);
    const last = parts.at(-1);
    const fits =
      last &&
      last.lines.length < limits.urls &&
      Buffer.byteLength(head + tail) + last.bytes + bytes <= limits.bytes;
    const part = fits ? last : { lines: [], bytes: 0, lastmod };
    if (part !== last) parts.push(part);
    part.lines.push(line);
    part.bytes += bytes;
    if (lastmod > part.lastmod) part.lastmod = lastmod;
  }
  const files = parts.map((part, i) => ({
    path: `sitemap-${i + 1}.xml`,
    text: head + part.lines.join('') + tail,
    lastmod: part.lastmod,
  }));
  const index = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...files.map(
      ({ path, lastmod }) =>
        `<sitemap><loc>${escapeMarkup(siteUrl + path)}</loc><lastmod>${lastmod}</lastmod></sitemap>`,
    ),
    '</sitemapindex>',
    '',
  ].join('\n');
  return [
    { path: 'sitemap.xml', text: index },
    ...files.map(({ path, text }) => ({ path, text })),
    { path: 'robots.txt', text: `${allowAll}Sitemap: ${siteUrl}sitemap.xml\n` },
  ];
}
