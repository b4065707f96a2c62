import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../../bench/generate-corpus.ts';
import { findStories } from '../../../../src/node/pipeline/stories/find-stories.ts';
import { generatedSeeds } from '../../../fixtures/generated-seeds.ts';
import { loadSeeds } from '../../../fixtures/load-seeds.ts';

// The generator plants one event every 25 articles, told by the first 4 (see eventOf); the rest
// report nothing in common. A second archive of another seed gives unrelated articles.
const eventEvery = 25;
const eventReports = 4;
const indexOf = (id: string) => Number(id.slice(0, 6));

describe('stories of a generated archive with planted stories', async () => {
  const base = (await loadSeeds(generatedSeeds(200))).articles;
  const otherDir = path.join(mkdtempSync(path.join(tmpdir(), 'news-unrelated-')), 'seeds');
  generateCorpus(otherDir, 300, 7);
  const unrelated = (await loadSeeds(otherDir)).articles.filter(
    (article) => indexOf(article.id) % eventEvery > eventReports,
  );
  const planted = new Map<number, string[]>();
  for (const article of base) {
    const index = indexOf(article.id);
    if (index % eventEvery >= eventReports) continue;
    const event = Math.floor(index / eventEvery);
    planted.set(event, [...(planted.get(event) ?? []), article.id]);
  }

  it('keeps every planted story whole and apart, whatever is added beside it and in any order', () => {
    expect(planted.size).toBe(8);
    fc.assert(
      fc.property(fc.subarray(unrelated), fc.integer(), (added, seed) => {
        const articles =
          fc.sample(fc.shuffledSubarray([...base, ...added], { minLength: base.length + added.length }), {
            seed,
            numRuns: 1,
          })[0] ?? [];
        const storyOf = new Map<string, number>();
        findStories(articles).forEach((story, i) => story.ids.forEach((id) => storyOf.set(id, i)));
        const found = [...planted.values()].map((ids) => new Set(ids.map((id) => storyOf.get(id))));
        // Each planted story is one found story, and no two share one.
        for (const stories of found)
          expect([...stories].every((story) => story !== undefined) && stories.size).toBe(1);
        expect(new Set(found.map((stories) => [...stories][0])).size).toBe(planted.size);
      }),
      { numRuns: 25 },
    );
  });
});
