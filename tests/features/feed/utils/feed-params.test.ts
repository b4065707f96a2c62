import { describe, expect, it } from 'vitest';
import {
  formatFeedParams,
  parseFeedParams,
  toggleTopic,
  type FeedParams,
} from '../../../../src/features/feed/utils/feed-params.ts';

/** The view a bare URL opens. */
const defaults: FeedParams = {
  topics: [],
  showUnpublished: false,
  query: '',
  groupStories: true,
  savedOnly: false,
  hideRead: false,
  sort: 'newest',
  story: '',
};

describe('feed params in the URL', () => {
  it('reads repeated topics, the unpublished flag, the search and story grouping', () => {
    expect(parseFeedParams('?q=robot%20vision&topic=AI&topic=Computer%20Vision&unpublished=1')).toEqual({
      topics: ['AI', 'Computer Vision'],
      showUnpublished: true,
      query: 'robot vision',
      groupStories: true,
      savedOnly: false,
      hideRead: false,
      sort: 'newest',
      story: '',
    });
    expect(parseFeedParams('?group=0').groupStories).toBe(false);
    expect(parseFeedParams('?saved=1').savedOnly).toBe(true);
    expect(parseFeedParams('?hideread=1').hideRead).toBe(true);
    expect(parseFeedParams('?sort=oldest').sort).toBe('oldest');
    expect(parseFeedParams('?sort=top').sort).toBe('top');
    expect(parseFeedParams('?sort=random').sort).toBe('newest');
    expect(parseFeedParams('?group=1').groupStories).toBe(true);
    expect(parseFeedParams('?story=2021-03-04-acme_rocket').story).toBe('2021-03-04-acme_rocket');
    // Only an article id names a story.
    expect(parseFeedParams('?story=../x').story).toBe('');
    expect(parseFeedParams('?story=Acme%20Rocket').story).toBe('');
  });

  it('ignores empty and repeated topics', () => {
    expect(parseFeedParams('?topic=&topic=AI&topic=ai&topic=%20')).toEqual({ ...defaults, topics: ['AI'] });
  });

  it('writes what it reads, keeping unrelated parameters', () => {
    const params = {
      topics: ['AI', 'Computer Vision'],
      showUnpublished: true,
      query: 'chip',
      groupStories: false,
      savedOnly: true,
      hideRead: true,
      sort: 'top' as const,
      story: 'acme-rocket',
    };
    const search = formatFeedParams(params, '?utm=x&topic=Old&q=old&group=1&story=old');
    expect(search).toBe(
      '?utm=x&q=chip&topic=AI&topic=Computer+Vision&unpublished=1&group=0&saved=1&hideread=1&sort=top&story=acme-rocket',
    );
    expect(parseFeedParams(search)).toEqual(params);
  });

  it('writes nothing for the default view, nor for a blank search', () => {
    expect(formatFeedParams(defaults)).toBe('');
    expect(formatFeedParams({ ...defaults, query: '   ' })).toBe('');
  });

  it('toggles a topic in and out, whatever its case', () => {
    const on = toggleTopic({ ...defaults, topics: ['AI'] }, 'Portals');
    expect(on.topics).toEqual(['AI', 'Portals']);
    expect(toggleTopic(on, 'ai').topics).toEqual(['Portals']);
  });
});
