import { describe, expect, it } from 'vitest';
import { feedPagesQuery } from '../../../../src/features/feed/api/feed-pages.ts';
import {
  selectionKey,
  selectionQuery,
  type FeedRequest,
} from '../../../../src/features/feed/api/feed-selection.ts';
import { pageQuery } from '../../../../src/features/feed/api/page-query.ts';
import { storiesQuery } from '../../../../src/features/feed/api/stories-query.ts';
import { topicKeysQuery } from '../../../../src/features/feed/api/topic-keys-query.ts';
import { fillTopicsFromCache } from '../../../../src/features/feed/api/topics-now.ts';
import type { Article } from '../../../../src/shared/article-schema.ts';
import { dataPath, type TopicStat } from '../../../../src/shared/data-folder.ts';
import { makeArticle } from '../../../fixtures/articles.ts';
import { dataClient } from '../../../fixtures/data-client.ts';
import { buildDataFolder } from '../../../fixtures/data-folder.ts';

const hour = (n: number) => new Date(Date.UTC(2021, 2, 1, n)).toISOString();
/** Reports of the same events by two outlets (stories), in three topics, some unpublished. */
const articles: Article[] = Array.from({ length: 40 }, (_, i) =>
  makeArticle({
    title: `Event ${i % 13} happened`,
    publishedAt: hour(i),
    published: i % 7 !== 3,
    provider: { name: i % 2 === 0 ? 'Wire One' : 'Daily Two' },
    topics: [
      ...(i % 2 === 0 ? ['Even'] : []),
      ...(i % 3 === 0 ? ['Three'] : []),
      ...(i % 5 === 0 ? ['Five'] : []),
    ],
  }),
);
const folder = buildDataFolder(articles, 4);
const topics = JSON.parse(folder.render(dataPath.topics) ?? '') as TopicStat[];
const topic = (name: string) => topics.find((stat) => stat.name === name) as TopicStat;

const requests: FeedRequest[] = [['Even'], ['Even', 'Three'], ['Three', 'Five', 'Even']].flatMap((names) =>
  (['published', 'all'] as const).flatMap((view) =>
    [true, false].flatMap((group) =>
      (['newest', 'oldest'] as const).map((sort) => ({
        view,
        topics: names.map(topic),
        search: [],
        group,
        sort,
      })),
    ),
  ),
);

describe('filling a topic change from the cache', () => {
  it('puts in the same selection and first screen as the queries read', async () => {
    for (const request of requests) {
      const plain = dataClient(folder);
      const selection = await plain.client.query(selectionQuery(plain.index, selectionKey(request)));
      const feed = await plain.client.infiniteQuery(feedPagesQuery(plain.index, request));

      // Every file at hand, read by other views before: nothing of this request itself.
      const { client, index } = dataClient(folder);
      await client.query(storiesQuery(index));
      for (const { id } of request.topics) await client.query(topicKeysQuery(index, id));
      for (let page = 0; page * 4 < articles.length; page += 1) await client.query(pageQuery(index, page));
      fillTopicsFromCache(client, index, request);
      expect(client.getQueryData(selectionQuery(index, selectionKey(request)).queryKey)).toEqual(selection);
      expect(client.getQueryData(feedPagesQuery(index, request).queryKey)).toEqual(feed);
    }
  });

  it('leaves the change to the queries when a file is missing', async () => {
    const request = requests[2] as FeedRequest;
    const { client, index, requested } = dataClient(folder);
    await client.query(storiesQuery(index));
    fillTopicsFromCache(client, index, request);
    expect(client.getQueryData(feedPagesQuery(index, request).queryKey)).toBeUndefined();
    expect(requested()).toEqual(['stories.json']);
  });
});
