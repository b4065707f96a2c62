import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../../../src/node/pipeline/corpus.ts';
import { storiesLine } from '../../../../src/node/pipeline/stories/story-report.ts';
import { makeArticle } from '../../../fixtures/articles.ts';

const corpusOf = (articles: Corpus['articles'], stories: Corpus['stories']): Corpus => ({
  articles,
  stories,
  issues: [],
  files: new Map(articles.map((article) => [article.id, `${article.id}.md`])),
  summary: { filesRead: articles.length, articlesKept: articles.length, filesRejected: 0, warnings: 0 },
});

describe('the report’s line on stories', () => {
  it('counts the stories and names the largest by its lead’s title', () => {
    const articles = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => makeArticle({ id, title: `Title ${id}` }));
    const stories = [
      { ids: ['b', 'a'], reasons: ['', 'why'] },
      { ids: ['e', 'c', 'd'], reasons: ['', 'why', 'why'] },
    ];
    expect(storiesLine(corpusOf(articles, stories))).toBe(
      '6 articles in 3 stories; 2 told by more than one article, the largest by 3: “Title e”',
    );
  });

  it('says nothing when no story has more than one article', () => {
    expect(storiesLine(corpusOf([makeArticle()], []))).toBeUndefined();
  });
});
