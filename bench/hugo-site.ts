import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The baseline of the cold-build target: Debian's `hugo` building a minimal site (a list page,
 * single pages and a `topics` taxonomy) over the same files. Only `hugo` itself is timed.
 */
export function prepareHugoSite(corpusDir: string, siteDir: string): void {
  rmSync(siteDir, { recursive: true, force: true });
  const content = path.join(siteDir, 'content', 'news');
  mkdirSync(content, { recursive: true });
  for (const name of readdirSync(corpusDir))
    cpSync(path.join(corpusDir, name), path.join(content, name.replace(/\.\w+$/, '.md')));
  writeFileSync(
    path.join(siteDir, 'hugo.yaml'),
    [
      'baseURL: http://localhost/',
      'title: News',
      'disableKinds: [RSS, sitemap, robotsTXT]',
      'taxonomies:',
      '  topic: topics',
      '',
    ].join('\n'),
  );
  const layouts = path.join(siteDir, 'layouts', '_default');
  mkdirSync(layouts, { recursive: true });
  writeFileSync(
    path.join(layouts, 'list.html'),
    '<!doctype html><title>{{ .Title }}</title><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>\n',
  );
  writeFileSync(
    path.join(layouts, 'single.html'),
    '<!doctype html><title>{{ .Title }}</title><h1>{{ .Title }}</h1><p>{{ .Params.excerpt }}</p>{{ range .Params.topics }}<a href="/topics/{{ . | urlize }}/">{{ . }}</a>{{ end }}\n',
  );
}
