import { describe, expect, it } from 'vitest';
import { formatFeedParams, parseFeedParams, toggleTopic } from '../../src/shared/feed-params.ts';

describe('feed params in the URL', () => {
  it('reads repeated topics and the unpublished flag', () => {
    expect(parseFeedParams('?topic=AI&topic=Computer%20Vision&unpublished=1')).toEqual({
      topics: ['AI', 'Computer Vision'],
      showUnpublished: true,
    });
  });

  it('ignores empty and repeated topics', () => {
    expect(parseFeedParams('?topic=&topic=AI&topic=ai&topic=%20')).toEqual({
      topics: ['AI'],
      showUnpublished: false,
    });
  });

  it('writes what it reads, keeping unrelated parameters', () => {
    const search = formatFeedParams(
      { topics: ['AI', 'Computer Vision'], showUnpublished: true },
      '?utm=x&topic=Old',
    );
    expect(search).toBe('?utm=x&topic=AI&topic=Computer+Vision&unpublished=1');
    expect(parseFeedParams(search)).toEqual({ topics: ['AI', 'Computer Vision'], showUnpublished: true });
  });

  it('writes nothing for the default view', () => {
    expect(formatFeedParams({ topics: [], showUnpublished: false })).toBe('');
  });

  it('toggles a topic in and out, whatever its case', () => {
    const on = toggleTopic({ topics: ['AI'], showUnpublished: false }, 'Portals');
    expect(on.topics).toEqual(['AI', 'Portals']);
    expect(toggleTopic(on, 'ai').topics).toEqual(['Portals']);
  });
});
