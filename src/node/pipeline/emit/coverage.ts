import type { Article } from '../../../shared/article-schema.ts';
import type { Coverage, StoryItem } from '../../../shared/data-folder.ts';
import type { Story } from '../stories/find-stories.ts';
import { sameItems } from '../memo.ts';

/**
 * What a long-lived process keeps of the panels from run to run: each article's last panel, with
 * what it was made of (see coverageOf). A panel made of the same things is the same object, so
 * that the pages holding it compare equal at once (see renderDataFolder).
 */
export type PanelMemo = WeakMap<Article, { madeOf: readonly unknown[]; coverage: Coverage }>;

/**
 * Each article's panel: the other articles of its story, oldest first (the lead, "first
 * report", then each with why it joined), then the file's own related reading, less every link
 * already listed (the article itself, its story, an earlier item), each marked when it is an
 * article of this archive.
 * With a `memo` (the dev server), an article's panel is made again only when its article, the
 * articles of its story, why each joined or which of its links are articles of the archive
 * changed, so that the pages holding it compare equal at once: at 100,000 articles, comparing
 * the pages with the last run's took 0.55 s of each edit, 0.08 s with panels and cards kept.
 * (Deciding it still visits every article's links: 0.55 s an edit, as making them all did.)
 */
export function coverageOf(
  articles: readonly Article[],
  stories: readonly Story[],
  memo?: PanelMemo,
): Map<string, Coverage> {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const archive = new Set(articles.map((article) => article.url));
  const storyOf = new Map<string, Story>();
  for (const story of stories) for (const id of story.ids) storyOf.set(id, story);
  return new Map(
    articles.map((article) => {
      const story = storyOf.get(article.id);
      const joined =
        story?.ids.flatMap((id, i) => {
          const member = byId.get(id);
          return member ? [{ member, reason: story.reasons[i] || 'first report' }] : [];
        }) ?? [];
      if (!memo) return [article.id, panelOf(article, joined, archive)];
      // The members are the same objects while their files are unchanged (see corpus.ts).
      const madeOf = [
        ...joined.flatMap(({ member, reason }) => [member, reason]),
        ...article.related.map((item) => archive.has(item.url)),
      ];
      const known = memo.get(article);
      if (known && sameItems(known.madeOf, madeOf)) return [article.id, known.coverage];
      const coverage = panelOf(article, joined, archive);
      memo.set(article, { madeOf, coverage });
      return [article.id, coverage];
    }),
  );
}

/** The panel of `article`, whose story's articles (itself among them) joined it as `joined` says. */
function panelOf(
  article: Article,
  joined: readonly { member: Article; reason: string }[],
  archive: ReadonlySet<string>,
): Coverage {
  const sameStory = joined.flatMap(({ member, reason }): StoryItem[] => {
    if (member.id === article.id) return [];
    const { id, title, url, publishedAt, type, provider } = member;
    return [{ id, title, url, publishedAt, type, ...(provider ? { provider } : {}), reason }];
  });
  const listed = new Set([article.url, ...sameStory.map((item) => item.url)]);
  const related = article.related.flatMap((item) => {
    if (listed.has(item.url)) return [];
    listed.add(item.url);
    return [archive.has(item.url) ? { ...item, inArchive: true as const } : item];
  });
  return { sameStory, related };
}
