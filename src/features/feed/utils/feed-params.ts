import { articleIdPattern } from '../../../shared/story-paths.ts';
import { isTopicSelected, topicKey } from '../../../shared/topics.ts';

/** The orders of the feed: newest first (the default), oldest first, and top (`quality`, then newest). */
export const sortOrders = ['newest', 'oldest', 'top'] as const;
export type SortOrder = (typeof sortOrders)[number];

/** What the reader chose to see; it lives in the URL so that links share it. */
export type FeedParams = {
  topics: string[];
  showUnpublished: boolean;
  /** The search, as typed. */
  query: string;
  /** One card per story (the default), or one per article. */
  groupStories: boolean;
  /** Only the articles the reader saved. */
  savedOnly: boolean;
  /** Leave out the articles the reader has read. */
  hideRead: boolean;
  sort: SortOrder;
  /** The story shown first, its coverage open, by its first report's id; '' for none. */
  story: string;
};

/** Reads `?q=robot&topic=AI&topic=Computer%20Vision&unpublished=1&group=0&saved=1&hideread=1&sort=oldest&story=<id>`. */
export function parseFeedParams(search: string): FeedParams {
  const params = new URLSearchParams(search);
  const seen = new Set<string>();
  const topics = params
    .getAll('topic')
    .map((topic) => topic.trim())
    .filter((topic) => {
      const key = topicKey(topic);
      if (topic === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return {
    topics,
    showUnpublished: params.get('unpublished') === '1',
    query: params.get('q') ?? '',
    groupStories: params.get('group') !== '0',
    savedOnly: params.get('saved') === '1',
    hideRead: params.get('hideread') === '1',
    sort: sortOrders.find((order) => order === params.get('sort')) ?? 'newest',
    // An article id; anything else names no story.
    story: articleIdPattern.exec(params.get('story') ?? '')?.[0] ?? '',
  };
}

/** The query string for `params`, keeping unrelated parameters of `base` as they are. */
export function formatFeedParams(params: FeedParams, base = ''): string {
  const search = new URLSearchParams(base);
  search.delete('q');
  search.delete('topic');
  search.delete('unpublished');
  search.delete('group');
  search.delete('saved');
  search.delete('hideread');
  search.delete('sort');
  search.delete('story');
  if (params.query.trim() !== '') search.set('q', params.query);
  for (const topic of params.topics) search.append('topic', topic);
  if (params.showUnpublished) search.set('unpublished', '1');
  if (!params.groupStories) search.set('group', '0');
  if (params.savedOnly) search.set('saved', '1');
  if (params.hideRead) search.set('hideread', '1');
  if (params.sort !== 'newest') search.set('sort', params.sort);
  if (params.story !== '') search.set('story', params.story);
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

export function toggleTopic(params: FeedParams, topic: string): FeedParams {
  return {
    ...params,
    topics: isTopicSelected(params.topics, topic)
      ? params.topics.filter((t) => topicKey(t) !== topicKey(topic))
      : [...params.topics, topic],
  };
}
