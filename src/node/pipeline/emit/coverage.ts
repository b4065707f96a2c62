import type { Article } from '../../../shared/article-schema.ts';
import type { Coverage, StoryItem } from '../../../shared/data-folder.ts';
import type { Story } from '../stories/find-stories.ts';
import { sameItems } from '../memo.ts';

/**
 * What a long-lived process keeps of the panels from run to run: each article's last panel, with
 * what it was made of (see coverageOf), and the archive's URLs with a number that changes when
 * they do. A panel made of the same things is the same object, so that the pages holding it
 * compare equal at once (see renderDataFolder).
 */
export type PanelMemo = {
  byArticle: WeakMap<
    Article,
    { members: readonly unknown[]; flags: readonly boolean[]; urls: number; coverage: Coverage }
  >;
  urls: Urls;
};

/** The archive's URLs, newest first, numbered by change; as a set once one was needed. */
type Urls = { list: readonly string[]; version: number; set?: ReadonlySet<string> };

export const emptyPanelMemo = (): PanelMemo => ({ byArticle: new WeakMap(), urls: { list: [], version: 0 } });

/**
 * Each article's panel, by rank: the other articles of its story, oldest first (the lead, "first
 * report", then each with why it joined), then the file's own related reading, less every link
 * already listed (the article itself, its story, an earlier item), each marked when it is an
 * article of this archive.
 * With a `memo` (the dev server), an article's panel is made again only when its article, the
 * articles of its story, why each joined or which of its links are articles of the archive
 * changed, so that the pages holding it compare equal at once: at 100,000 articles, comparing
 * the pages with the last run's took 0.55 s of each edit, 0.08 s with panels and cards kept.
 * Its links are looked up again only when the archive's URLs changed (an article added, removed
 * or moved to another URL): deciding it for every article's links took 0.35 s of an edit.
 */
export function coverageOf(
  articles: readonly Article[],
  stories: readonly Story[],
  memo?: PanelMemo,
): Coverage[] {
  const storyOf = new Map<string, Story>();
  for (const story of stories) for (const id of story.ids) storyOf.set(id, story);
  // Only the articles of a story are looked up by id (0.03 s less an edit than all of them).
  const byId = new Map(
    articles.flatMap((article) => (storyOf.has(article.id) ? [[article.id, article]] : [])),
  );
  const storyMembers = (story: Story | undefined) =>
    story?.ids.flatMap((id, i) => {
      const member = byId.get(id);
      return member ? [{ member, reason: story.reasons[i] || 'first report' }] : [];
    }) ?? [];
  if (!memo) {
    const archive = new Set(articles.map((article) => article.url));
    return articles.map((article) => panelOf(article, storyMembers(storyOf.get(article.id)), archive));
  }
  const list = articles.map((article) => article.url);
  if (!sameItems(memo.urls.list, list)) memo.urls = { list, version: memo.urls.version + 1 };
  const urls: Urls = memo.urls;
  const version = urls.version;
  // Made when a panel is, and kept while the URLs are the same (0.04 s an edit).
  const archive = () => (urls.set ??= new Set(urls.list));
  return articles.map((article) => {
    const joined = storyMembers(storyOf.get(article.id));
    // The members are the same objects while their files are unchanged (see corpus.ts).
    const members =
      joined.length === 0 ? noMembers : joined.flatMap(({ member, reason }) => [member, reason]);
    const known = memo.byArticle.get(article);
    const flags =
      known?.urls === version ? known.flags : article.related.map((item) => archive().has(item.url));
    if (known && sameItems(known.members, members) && sameItems(known.flags, flags)) {
      known.urls = version;
      return known.coverage;
    }
    const coverage = panelOf(article, joined, archive());
    memo.byArticle.set(article, { members, flags, urls: version, coverage });
    return coverage;
  });
}

const noMembers: readonly unknown[] = [];

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
