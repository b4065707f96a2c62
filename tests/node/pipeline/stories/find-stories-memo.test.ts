import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findStories,
  storyRules,
  type StoryInput,
  type StoryMemo,
} from '../../../../src/node/pipeline/stories/find-stories.ts';

// Articles over three months: two dense months (stories told by several outlets, filler
// between; every article with more than 200 within 15 days) and a sparse tail, so that spans of
// weighing are both the 15 days and widened to the nearest 200 articles.
const day = 86_400_000;
const start = Date.UTC(2022, 2, 1);
const names = ['Quorvex', 'Blent', 'Marlowe', 'Tessary', 'Vindle', 'Oskaro', 'Pellan', 'Rudrik'];
const filler = 'market cloud chip robot data court privacy battery model funding partner study'.split(' ');

function article(id: string, time: number, title: string, outlet: string): StoryInput {
  return {
    id,
    title,
    excerpt: `${title}, the company said on ${new Date(time).toUTCString().slice(0, 11)}.`,
    publishedAt: new Date(time).toISOString(),
    url: `https://${outlet}.example/${id}`,
    provider: { name: outlet },
    related: [],
  };
}

// Bursts 0 to 2 in the sparse tail, 3 in the dense months (whose weeks are 15 days, not the whole
// tail, so that a change 15 days after it can start a run again in the middle of its story); each
// opens on its own name.
const burstDays = [70, 82, 94, 30];
const burstNames = [...names.slice(0, 3), 'Zephyrin'];
const burstStart = (burst: number) => start + (burstDays[burst] ?? 0) * day;

function archive(): StoryInput[] {
  const articles: StoryInput[] = [];
  for (let i = 0; i < 760; i += 1) {
    const dense = i < 720;
    const time = start + (dense ? i * 2 * 3_600_000 : 60 * day + (i - 720) * 1.2 * day);
    const name = names[Math.floor(i / 9) % names.length] ?? '';
    const title =
      i % 9 < 4
        ? `${name} unveils ${name}Pad ${filler[i % 7]} for ${filler[(i + 3) % 12]}`
        : `${filler[i % 12]} ${filler[(i * 7) % 12]} report number ${i}`;
    articles.push(article(`a${i}`, time, title, `outlet${i % 6}`));
  }
  // In the sparse tail, bursts of headlines opening on a name (see openingBurst): one of exactly
  // as many outlets as a burst needs, which a change can break, one of one fewer, which a change
  // can make one.
  for (const [burst, outlets] of [
    [0, storyRules.burstOutlets],
    [1, storyRules.burstOutlets - 1],
  ] as const) {
    for (let k = 0; k < outlets; k += 1) {
      const time = burstStart(burst) + k * 3 * 3_600_000;
      // Only the name in common: too little for a story but for the burst.
      const title = `${names[burst]} ${filler[k]} ${filler[(k + 5) % 12]} item${burst}${k}`;
      articles.push({ ...article(`b${burst}-${k}`, time, title, `burst${k}`), excerpt: '' });
    }
  }
  // And two bursts told over two days, every 5 hours, their headlines sharing one word beside the
  // name: those more than a day after the first join by following it (see burstBar).
  for (const burst of [2, 3])
    for (let k = 0; k < 8; k += 1) {
      const time = burstStart(burst) + k * 5 * 3_600_000;
      const title = `${burstNames[burst]} harbour ${filler[k]} item${burst}${k} quay${burst}${k} pier${burst}${k}`;
      articles.push({ ...article(`b${burst}-${k}`, time, title, `burst${k}`), excerpt: '' });
    }
  return articles;
}

type Change =
  | { kind: 'add'; at: number; name: number; outlet: number }
  | { kind: 'retitle'; which: number; name: number }
  | { kind: 'rename'; which: number; word: number }
  | { kind: 'move'; which: number; by: number }
  | { kind: 'delete'; which: number }
  // A headline opening on a burst's name, near it: a burst of two made one of three...
  | { kind: 'burst'; burst: number; outlet: number; hours: number }
  // ...and one of the bursts' own headlines deleted: a burst of three made one of two.
  | { kind: 'unburst'; burst: number; member: number };

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    at: fc.integer({ min: -5 * day, max: 110 * day }),
    name: fc.nat(names.length - 1),
    outlet: fc.nat(9),
  }),
  fc.record({ kind: fc.constant('retitle' as const), which: fc.nat(), name: fc.nat(names.length - 1) }),
  // A title replaced by one word of the filler: the word's share of its weeks moves, and with it
  // the weights of the articles around, though no time changes.
  fc.record({ kind: fc.constant('rename' as const), which: fc.nat(), word: fc.nat(filler.length - 1) }),
  fc.record({
    kind: fc.constant('move' as const),
    which: fc.nat(),
    by: fc.integer({ min: -3 * day, max: 3 * day }),
  }),
  fc.record({ kind: fc.constant('delete' as const), which: fc.nat() }),
  fc.record({
    kind: fc.constant('burst' as const),
    burst: fc.nat(3),
    outlet: fc.nat(5),
    hours: fc.integer({ min: -30, max: 30 }),
  }),
  fc.record({ kind: fc.constant('unburst' as const), burst: fc.nat(3), member: fc.nat(3) }),
);

function applied(articles: StoryInput[], next: Change, serial: number): StoryInput[] {
  const pick = (which: number) => which % articles.length;
  switch (next.kind) {
    case 'add':
      return [
        ...articles,
        article(
          `n${serial}`,
          start + next.at,
          `${names[next.name]} unveils a new pad`,
          `outlet${next.outlet}`,
        ),
      ];
    case 'retitle':
      return articles.map((item, i) =>
        i === pick(next.which) ? { ...item, title: `${names[next.name]} unveils ${item.title}` } : item,
      );
    case 'rename':
      return articles.map((item, i) =>
        i === pick(next.which) ? { ...item, title: filler[next.word] ?? '', excerpt: '' } : item,
      );
    case 'move':
      return articles.map((item, i) =>
        i === pick(next.which)
          ? { ...item, publishedAt: new Date(Date.parse(item.publishedAt) + next.by).toISOString() }
          : item,
      );
    case 'delete':
      return articles.filter((_, i) => i !== pick(next.which));
    case 'burst':
      return [
        ...articles,
        {
          ...article(
            `n${serial}`,
            burstStart(next.burst) + next.hours * 3_600_000,
            `${burstNames[next.burst]} joins item${serial}`,
            `burst${next.outlet}`,
          ),
          excerpt: '',
        },
      ];
    case 'unburst':
      return articles.filter((item) => item.id !== `b${next.burst}-${next.member}`);
  }
}

const byBurst = (reason: string) => reason.startsWith('headlines open on the same name');

describe('stories found again after a change', () => {
  const changesAgree = () =>
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 6 }), (changes) => {
        let articles = archive();
        const memo: StoryMemo = {};
        expect(findStories(articles, memo)).toEqual(findStories(articles));
        changes.forEach((next, serial) => {
          articles = applied(articles, next, serial);
          expect(findStories(articles, memo)).toEqual(findStories(articles));
        });
      }),
      { numRuns: 30 },
    );

  it('are the stories of a cold run, change after change', changesAgree);

  // With spans of weighing shorter than a story's 120 hours, a change moves decisions beyond the
  // profiles it weighs again: the pass must go on until its open stories are the last run's. (Two
  // days, not one: the weeks of an article must hold its burst's day either side.)
  it('are the stories of a cold run when weighed over two days only', () => {
    const rules = { ...storyRules };
    Object.assign(storyRules, { aroundHours: 48, aroundArticles: 10 });
    try {
      expect(findStories(archive()).some((story) => story.reasons.some(byBurst))).toBe(true);
      changesAgree();
    } finally {
      Object.assign(storyRules, rules);
    }
  });

  it('finds the same stories when nothing changed, and after a failed run starts cold', () => {
    const articles = archive();
    const memo: StoryMemo = {};
    const first = findStories(articles, memo);
    expect(first.length).toBeGreaterThan(5);
    // The burst of just enough outlets forms by the burst alone: changes reach the rule.
    expect(first.some((story) => story.reasons.some(byBurst))).toBe(true);
    // The burst of two days is one story, its last headlines let in by following it.
    for (const burst of [2, 3]) {
      const told = first.find((story) => story.ids.includes(`b${burst}-0`));
      expect(told?.ids).toEqual(Array.from({ length: 8 }, (_, k) => `b${burst}-${k}`));
      expect(told?.reasons.slice(5).every(byBurst)).toBe(true);
    }
    expect(findStories(articles, memo)).toEqual(first);
    const broken = [
      ...articles,
      { ...articles[0], id: 'bad', provider: undefined, url: 'not a url' } as StoryInput,
    ];
    expect(() => findStories(broken, memo)).toThrow();
    expect(memo.last).toBeUndefined();
    expect(findStories(articles, memo)).toEqual(first);
  });
});
