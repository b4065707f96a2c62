import type { Article } from '../../../shared/article-schema.ts';
import type { Coverage, StoryItem } from '../../../shared/data-folder.ts';
import type { Story } from '../stories/find-stories.ts';

/**
 * Each article's panel: the other articles of its story, oldest first (the lead, "first
 * report", then each with why it joined), then the file's own related reading, less every link
 * already listed (the article itself, its story, an earlier item), each marked when it is an
 * article of this archive.
 */
export function coverageOf(articles: readonly Article[], stories: readonly Story[]): Map<string, Coverage> {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const archive = new Set(articles.map((article) => article.url));
  const storyItems = new Map<string, StoryItem[]>();
  for (const story of stories) {
    const items = story.ids.flatMap((id, i): StoryItem[] => {
      const member = byId.get(id);
      if (!member) return [];
      const { title, url, publishedAt, type, provider } = member;
      return [
        {
          id,
          title,
          url,
          publishedAt,
          type,
          ...(provider ? { provider } : {}),
          reason: story.reasons[i] || 'first report',
        },
      ];
    });
    for (const item of items)
      storyItems.set(
        item.id,
        items.filter((other) => other.id !== item.id),
      );
  }
  return new Map(
    articles.map((article) => {
      const sameStory = storyItems.get(article.id) ?? [];
      const listed = new Set([article.url, ...sameStory.map((item) => item.url)]);
      const related = article.related.flatMap((item) => {
        if (listed.has(item.url)) return [];
        listed.add(item.url);
        return [archive.has(item.url) ? { ...item, inArchive: true as const } : item];
      });
      return [article.id, { sameStory, related }];
    }),
  );
}
