import { describe, expect, it } from 'vitest';
import { emitDataFolder } from '../../../../src/node/pipeline/emit/data-folder.ts';
import { dataPath, type DataPage, type TopicStat } from '../../../../src/shared/data-folder.ts';
import type { StoryKeys } from '../../../../src/shared/story-ranks.ts';
import { makeArticle } from '../../../fixtures/articles.ts';

const at = (hour: number) => new Date(Date.UTC(2021, 2, 1, hour)).toISOString();

describe('stories in the data folder', () => {
  // Newest first, as the corpus stage gives them: ranks 0 to 4.
  const follow = makeArticle({
    id: 'follow',
    publishedAt: at(9),
    topics: ['Chips'],
    provider: { name: 'Daily Two' },
  });
  const alone = makeArticle({ id: 'alone', publishedAt: at(8), topics: ['Chips'] });
  const draft = makeArticle({
    id: 'draft',
    publishedAt: at(7),
    published: false,
    provider: { name: 'Wire One' },
  });
  const lead = makeArticle({
    id: 'lead',
    publishedAt: at(6),
    topics: ['Chips'],
    provider: { name: 'Wire One' },
  });
  const other = makeArticle({
    id: 'other',
    publishedAt: at(5),
    url: 'https://www.noprovider.example/a',
    provider: undefined,
  });
  const articles = [follow, alone, draft, lead, other];
  const stories = [
    { ids: ['lead', 'draft', 'follow'], reasons: ['', 'same title', '3 title words in common'] },
    { ids: ['other', 'alone'], reasons: ['', 'same title'] },
  ];
  const { index, files } = emitDataFolder({ articles, stories }, 12);
  const file = (path: string) => files.find((each) => each.path === path)?.data;

  it('lists each story of several articles as its keys (positions from the oldest)', () => {
    // Ranks [0, 2, 3] and [1, 4] among 5.
    expect(file(dataPath.stories) as StoryKeys).toEqual([
      [1, 2, 4],
      [0, 3],
    ]);
  });

  it('gives each card its story: the lead’s id and every outlet, once, lead first', () => {
    // The page holds them oldest first: other, lead, draft, alone, follow.
    const { articles: cards } = file(dataPath.page(0)) as DataPage;
    expect(cards.map((card) => card.story)).toEqual([
      { id: 'other', outlets: ['noprovider.example', 'Example News'] },
      { id: 'lead', outlets: ['Wire One', 'Daily Two'] },
      { id: 'lead', outlets: ['Wire One', 'Daily Two'] },
      { id: 'other', outlets: ['noprovider.example', 'Example News'] },
      { id: 'lead', outlets: ['Wire One', 'Daily Two'] },
    ]);
  });

  it('counts the stories of each view and of each topic', () => {
    expect(index.count).toEqual({ published: 4, all: 5 });
    // Published: follow and lead are one story, alone and other another.
    expect(index.storyCount).toEqual({ published: 2, all: 2 });
    const [chips] = file(dataPath.topics) as TopicStat[];
    expect(chips).toMatchObject({ name: 'Chips', all: 3, storyCount: { published: 2, all: 2 } });
  });

  it('leaves an article alone without a story', () => {
    const single = emitDataFolder({ articles: [makeArticle()], stories: [] }, 12);
    expect(
      (single.files.find((each) => each.path === dataPath.page(0))?.data as DataPage).articles[0],
    ).not.toHaveProperty('story');
    expect(single.index.storyCount).toEqual({ published: 1, all: 1 });
  });
});
