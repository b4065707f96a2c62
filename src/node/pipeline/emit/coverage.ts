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
  /** The last run's articles and stories, each article's rank by id, and the panels by rank. */
  last?: LastPanels;
};

type LastPanels = {
  articles: readonly Article[];
  stories: readonly Story[];
  rankOf: ReadonlyMap<string, number>;
  panels: readonly Coverage[];
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
  const last = memo?.last;
  const edited = last && editedInPlace(last.articles, articles);
  // After an edit in place, the last run's ranks are this run's.
  const rankOf = last && edited ? last.rankOf : new Map(articles.map((article, rank) => [article.id, rank]));
  const storyMembers = (story: Story | undefined) =>
    story?.ids.flatMap((id, i) => {
      const member = articles[rankOf.get(id) ?? -1];
      return member ? [{ member, reason: story.reasons[i] || 'first report' }] : [];
    }) ?? [];
  if (!memo) {
    const archive = new Set(articles.map((article) => article.url));
    return articles.map((article) => panelOf(article, storyMembers(storyOf.get(article.id)), archive));
  }
  const panelAt = (article: Article): Coverage => {
    const joined = storyMembers(storyOf.get(article.id));
    // The members are the same objects while their files are unchanged (see corpus.ts).
    const members =
      joined.length === 0 ? noMembers : joined.flatMap(({ member, reason }) => [member, reason]);
    const known = memo.byArticle.get(article);
    // The same version, the same URLs: the flags of its links looked up then still hold.
    const version = memo.urls.version;
    const archive = () => (memo.urls.set ??= new Set(memo.urls.list));
    const flags =
      known?.urls === version ? known.flags : article.related.map((item) => archive().has(item.url));
    if (known && sameItems(known.members, members) && sameItems(known.flags, flags)) {
      known.urls = version;
      return known.coverage;
    }
    const coverage = panelOf(article, joined, archive());
    memo.byArticle.set(article, { members, flags, urls: version, coverage });
    return coverage;
  };
  if (last && edited) {
    // An edit in place: only the panels it can change are looked at (looking at every article's
    // took 0.2 s of an edit at 100,000).
    const panels = [...last.panels];
    for (const rank of ranksToRedo(last, stories, articles, edited)) {
      panels[rank] = panelAt(articles[rank] as Article);
    }
    memo.last = { ...last, articles, stories, panels };
    return panels;
  }
  // Until this run's panels are made, no last run (a run that fails half way leaves none behind).
  memo.last = undefined;
  const list = articles.map((article) => article.url);
  if (!sameItems(memo.urls.list, list)) memo.urls = { list, version: memo.urls.version + 1 };
  const panels = articles.map(panelAt);
  memo.last = { articles, stories, rankOf, panels };
  return panels;
}

/**
 * The ranks of the articles that are other objects than the last run's at the same place, when
 * every one of them has the same id and URL (an edit in place: the archive's order and URLs are
 * the last run's); else undefined.
 */
function editedInPlace(lastArticles: readonly Article[], articles: readonly Article[]): number[] | undefined {
  if (lastArticles.length !== articles.length) return undefined;
  const edited: number[] = [];
  for (let rank = 0; rank < articles.length; rank += 1) {
    const article = articles[rank] as Article;
    const before = lastArticles[rank] as Article;
    if (article === before) continue;
    if (article.id !== before.id || article.url !== before.url) return undefined;
    edited.push(rank);
  }
  return edited;
}

/**
 * After an edit in place, the ranks whose panel it can change: the edited articles, and every
 * article of a story, then or now, that is not the same (its articles, in order, and why each
 * joined) or that holds an edited article. An article's panel is made of nothing else.
 */
function ranksToRedo(
  last: LastPanels,
  stories: readonly Story[],
  articles: readonly Article[],
  edited: readonly number[],
): Set<number> {
  const ranks = new Set(edited);
  const editedIds = new Set(edited.map((rank) => (articles[rank] as Article).id));
  const byLead = (list: readonly Story[]) => new Map(list.map((story) => [story.ids[0], story]));
  const before = byLead(last.stories);
  const now = byLead(stories);
  const same = (story: Story, other: Story | undefined) =>
    other !== undefined && sameItems(story.ids, other.ids) && sameItems(story.reasons, other.reasons);
  const redo = (story: Story) => {
    for (const id of story.ids) {
      const rank = last.rankOf.get(id);
      if (rank !== undefined) ranks.add(rank);
    }
  };
  for (const story of stories) {
    if (!same(story, before.get(story.ids[0])) || story.ids.some((id) => editedIds.has(id))) redo(story);
  }
  for (const story of last.stories) if (!same(story, now.get(story.ids[0]))) redo(story);
  return ranks;
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
