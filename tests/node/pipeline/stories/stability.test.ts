import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../../bench/generate-corpus.ts';
import { findStories, type StoryInput } from '../../../../src/node/pipeline/stories/find-stories.ts';
import { generatedSeeds } from '../../../fixtures/generated-seeds.ts';
import { loadSeeds } from '../../../fixtures/load-seeds.ts';

// The generator plants one event every 25 articles, told by the first 4 (see eventOf); the rest
// report nothing in common. A second archive of another seed gives unrelated articles.
const eventEvery = 25;
const eventReports = 4;
const indexOf = (id: string) => Number(id.slice(0, 6));

const day = 86_400_000;
/** An article of an outlet of its own, at `time`. */
const article = (id: string, time: number, title: string, excerpt = ''): StoryInput => ({
  id,
  title,
  excerpt,
  publishedAt: new Date(time).toISOString(),
  url: `https://example.org/${id}`,
  provider: { name: `outlet ${id}` },
  related: [],
});

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

describe('stories are local in time', () => {
  const vocabulary = Array.from(
    { length: 400 },
    (_, i) => `word${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}x`,
  );
  let state = 7;
  const random = () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
  const pick = (n: number) =>
    Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ');
  // 300 articles a day for 10 days (dense: every article has 200 within 15 days), a story of four
  // reports each day, told with the same three names.
  const stretch = (from: number, prefix: string, everyTitle = '') =>
    Array.from({ length: 3000 }, (_, i) => {
      const time = from + Math.floor(i / 300) * day + (i % 300) * 60_000;
      const story = i % 300 < 4 ? `Zorblat${prefix}${Math.floor(i / 300)} Quenvix Trallo` : '';
      const title = `${story} ${everyTitle} ${pick(6)}`;
      return article(`${prefix}${i}`, time, title.trim(), `${story} ${pick(20)}`.trim());
    });
  const start = Date.UTC(2021, 0, 1);

  it('keeps the stories of a dense stretch when articles are added more than 20 days away', () => {
    const near = stretch(start, 'a');
    // Weeks later, an archive full of two of the story's names: weighed over the whole archive,
    // they would become everyday words, and the stretch's stories would fall apart.
    const far = stretch(start + 30 * day, 'b', 'Quenvix Trallo');
    const storiesOf = (articles: StoryInput[]) =>
      findStories(articles).filter((story) => story.ids[0]?.startsWith('a'));
    const alone = storiesOf(near);
    const planted = alone.filter((story) => story.ids.every((id) => Number(id.slice(1)) % 300 < 4));
    expect(planted.map((story) => story.ids.length)).toEqual(Array(10).fill(4));
    expect(storiesOf([...near, ...far])).toEqual(alone);
  });
});

describe('the everyday words of a small archive', () => {
  const start = Date.UTC(2020, 3, 6);
  // Sixty articles of ten days (fewer than the 200 a span is widened to), one in five about the
  // pandemic, as an archive of April 2020 is; and two that share only "robotics" and "pandemic".
  const weeks = Array.from({ length: 60 }, (_, i) =>
    article(
      `w${i}`,
      start + i * 4 * 3_600_000,
      `Gadget${i} review${i}`,
      i % 5 === 0 ? 'Amid the pandemic.' : '',
    ),
  );
  const pair = [
    article('pair-a', start + 5 * day, 'Robotics makers and the pandemic'),
    article('pair-b', start + 5 * day + 3_600_000, 'Pandemic and robotics orders'),
  ];
  // Another archive of 150 articles, a month later, that never names the pandemic.
  const beside = Array.from({ length: 150 }, (_, i) =>
    article(`x${i}`, start + 40 * day + i * 3_600_000, `Widget${i} notes${i}`),
  );

  it('keeps them everyday when another archive is set beside it', () => {
    const together = (articles: StoryInput[]) =>
      findStories(articles).filter((story) => story.ids.some((id) => id.startsWith('pair')));
    // Alone, "pandemic" is in a fifth of the span: everyday, so one word in common is no story.
    expect(together([...weeks, ...pair])).toEqual([]);
    // Beside the other archive, the span widened to 200 holds it in one in fourteen; the weeks
    // alone still say it is everyday.
    expect(together([...weeks, ...pair, ...beside])).toEqual([]);
  });
});

describe('a template is not a story', () => {
  const at = Date.UTC(2022, 0, 1);
  const item = (id: string, title: string, outlet: string): StoryInput => ({
    id,
    title,
    excerpt: `${title}: what it checks.`,
    publishedAt: new Date(at).toISOString(),
    url: `https://${outlet}.example/${id}`,
    provider: { name: outlet },
    related: [],
  });
  const names = ['amp-js', 'cdn-amp', 'ctor', 'img-svg', 'proto-rel', 'rel-map', 'quality', 'topics-map'];
  // Thirty other outlets' articles of that moment, each about something of its own.
  const others = Array.from({ length: 30 }, (_, i) =>
    item(`other-${i}`, `Gadget${i} review${i} topic${i}`, `o${i}`),
  );

  it('keeps apart the articles one outlet titles alike at one moment', () => {
    const fixtures = names.map((name) => item(name, `Hostile fixture ${name}`, 'fixture-press'));
    const grouped = findStories([...fixtures, ...others]).filter((story) =>
      story.ids.some((id) => names.includes(id)),
    );
    expect(grouped).toEqual([]);
  });

  it('groups the same words printed by several outlets at that moment', () => {
    const reports = names
      .slice(0, 4)
      .map((name, i) => item(name, `Zorblat recalls the Quenvix pad ${name}`, `outlet${i}`));
    const [story] = findStories([...reports, ...others]);
    expect(story?.ids.sort()).toEqual(names.slice(0, 4).sort());
  });
});
