import type { Article } from '../../../shared/article-schema.ts';
import type { Coverage, StoryItem } from '../../../shared/data-folder.ts';
import type { Story } from '../stories/find-stories.ts';
import { deriveFromPicked, sameItems, type PickedMemo } from '../memo.ts';

/**
 * What a long-lived process keeps of the panels from run to run: the last run's articles (newest
 * first) with the panel of each, its stories, and the archive's URLs. A panel made of the same
 * things is the same object, so that the pages holding it compare equal at once (see
 * renderDataFolder).
 */
export type PanelMemo = { last?: LastPanels; urls: PickedMemo<ReadonlySet<string>> };

type LastPanels = {
  articles: readonly Article[];
  panels: readonly Coverage[];
  stories: readonly Story[];
  urlSet: ReadonlySet<string>;
};

export const emptyPanelMemo = (): PanelMemo => ({ urls: {} });

/**
 * Each article's panel, by rank: the other articles of its story, oldest first (the lead, "first
 * report", then each with why it joined), then the file's own related reading, less every link
 * already listed (the article itself, its story, an earlier item), each marked when it is an
 * article of this archive. `rankOf` gives each article's rank by its id.
 * With a `memo` (the dev server), an article is matched with the last run's by its key (its
 * place counted from the oldest, which a newer article leaves as it was), and only the panels a
 * change can touch are made again (see panelsToRedo); every other is the last run's object. At
 * 100,000 articles, panels took 0.74 s of a dev-server run that added one article when every one
 * was made or compared again, 0.25-0.35 s so; a title edit 0.12 s, 0.06-0.07 s with ranks
 * rather than ids and the URL set kept by its articles' places (reading every article's URL and id).
 */
export function coverageOf(
  articles: readonly Article[],
  stories: readonly Story[],
  rankOf: ReadonlyMap<string, number>,
  memo?: PanelMemo,
): Coverage[] {
  // The articles of stories, by id (a panel lists no other), and the story of each.
  const storyOf = new Map<string, Story>();
  const members = new Map<string, Article>();
  for (const story of stories) {
    for (const id of story.ids) {
      storyOf.set(id, story);
      const rank = rankOf.get(id);
      if (rank !== undefined) members.set(id, articles[rank] as Article);
    }
  }
  const panelAt = (article: Article, urlSet: ReadonlySet<string>) => {
    const story = storyOf.get(article.id);
    const joined =
      story?.ids.flatMap((id, i) => {
        const member = members.get(id);
        return member ? [{ member, reason: story.reasons[i] || 'first report' }] : [];
      }) ?? [];
    return panelOf(article, joined, urlSet);
  };
  const last = memo?.last;
  // Until this run's panels are made, no last run (a run that fails half way leaves none behind).
  if (memo) memo.last = undefined;
  // The same set while every article at its place has the URL it had: after an edit in place only
  // the articles that changed are looked at, not every URL (an article added or removed makes
  // the set again, and panelsToRedo then reads every article's links).
  const urlSet = deriveFromPicked(
    memo?.urls,
    articles,
    ({ url }) => [url],
    () => new Set(articles.map(({ url }) => url)),
  );
  const lastRank = (rank: number) => rank - articles.length + (last?.articles.length ?? 0);
  const redo = last && panelsToRedo(last, articles, stories, rankOf, urlSet, lastRank);
  // By rank, not by id: reading every article's id took 0.02 s.
  const panels = articles.map((article, rank) =>
    !last || redo?.has(rank) ? panelAt(article, urlSet) : (last.panels[lastRank(rank)] as Coverage),
  );
  if (memo) memo.last = { articles, panels, stories, urlSet };
  return panels;
}

/**
 * The ranks of the articles whose panel a change since `last` can make other than the last run's:
 * the articles that are not the last run's object at their key (edited, new, or moved by an
 * article added or removed before them), every article of a story, then or now, that is not the
 * same (its articles, in order, and why each joined) or that holds such an article, and every
 * article one of whose links is to a URL that became or stopped being an article of the archive.
 * A panel is made of nothing else. `rankOf`: each article's rank by its id; `lastRank`: the last
 * run's rank of a key's article.
 */
function panelsToRedo(
  last: LastPanels,
  articles: readonly Article[],
  stories: readonly Story[],
  rankOf: ReadonlyMap<string, number>,
  urlSet: ReadonlySet<string>,
  lastRank: (rank: number) => number,
): Set<number> {
  // The articles that are not the last run's at their key, and the last run's that are not there.
  const arrived: Article[] = [];
  const displaced: Article[] = [];
  const redo = new Set<number>();
  articles.forEach((article, rank) => {
    const before = last.articles[lastRank(rank)];
    if (before === article) return;
    arrived.push(article);
    redo.add(rank);
    if (before) displaced.push(before);
  });
  const changed = new Set(arrived.map(({ id }) => id));
  displaced.push(...last.articles.slice(0, Math.max(0, last.articles.length - articles.length)));
  const byLead = (list: readonly Story[]) => new Map(list.map((story) => [story.ids[0], story]));
  const before = byLead(last.stories);
  const now = byLead(stories);
  const same = (story: Story, other: Story | undefined) =>
    other !== undefined && sameItems(story.ids, other.ids) && sameItems(story.reasons, other.reasons);
  const redoAll = (story: Story) => {
    for (const id of story.ids) {
      const rank = rankOf.get(id);
      if (rank !== undefined) redo.add(rank);
    }
  };
  // A story may still name an article gone from the archive (the caller's stories need not be
  // found anew): its panels listed that article.
  const gone = new Set(displaced.map(({ id }) => id));
  const touched = (id: string) => changed.has(id) || gone.has(id);
  for (const story of stories) {
    if (!same(story, before.get(story.ids[0])) || story.ids.some(touched)) redoAll(story);
  }
  for (const story of last.stories) if (!same(story, now.get(story.ids[0]))) redoAll(story);
  if (urlSet !== last.urlSet) {
    // Only an article that is new at its key can bring a URL, only one displaced can take one away.
    const movedUrls = new Set([
      ...arrived.flatMap(({ url }) => (last.urlSet.has(url) ? [] : [url])),
      ...displaced.flatMap(({ url }) => (urlSet.has(url) ? [] : [url])),
    ]);
    articles.forEach((article, rank) => {
      if (article.related.some((item) => movedUrls.has(item.url))) redo.add(rank);
    });
  }
  return redo;
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
