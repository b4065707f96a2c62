import type { Article, ArticleSummary } from '../../../shared/article-schema.ts';
import { dataPath, type View } from '../../../shared/data-folder.ts';
import { countStories, outletOf, storyOfRanks, type StoryKeys } from '../../../shared/story-ranks.ts';
import type { Story } from '../stories/find-stories.ts';
import type { DataFile } from './data-file.ts';
import { keysOfRanks } from './keys.ts';

/** What the emit stage needs of the stories, by rank: each card's story, and how to count stories. */
export type StoryLookup = {
  /** The story of the article at each rank, when it has others. */
  cardStory: (ArticleSummary['story'] | undefined)[];
  /** How many stories the articles at `ranks` make. */
  count: (ranks: Iterable<number>) => number;
  file: DataFile;
};

/**
 * The stories of `articles` (newest first) by rank, and `stories.json` (their keys); `rankOf`
 * gives each article's rank by its id.
 */
export function storyLookup(
  articles: readonly Article[],
  stories: readonly Story[],
  rankOf: ReadonlyMap<string, number>,
): StoryLookup {
  const cardStory: StoryLookup['cardStory'] = [];
  const keys: StoryKeys = stories.map(({ ids }) => {
    const members = ids.flatMap((id) => rankOf.get(id) ?? []);
    const story = {
      id: ids[0] as string,
      outlets: [...new Set(members.map((rank) => outletOf(articles[rank] as Article)))],
    };
    for (const rank of members) cardStory[rank] = story;
    return keysOfRanks(
      members.sort((a, b) => a - b),
      articles.length,
    );
  });
  const storyOf = storyOfRanks(articles.length, keys);
  return {
    cardStory,
    count: (list) => countStories(list, storyOf),
    file: { path: dataPath.stories, data: keys },
  };
}

/** How many stories each view holds, of the articles at `ranks` (all) with `published` among them. */
export const storyCounts = (
  lookup: StoryLookup,
  ranks: Iterable<number>,
  published: Iterable<number>,
): Record<View, number> => ({ published: lookup.count(published), all: lookup.count(ranks) });
