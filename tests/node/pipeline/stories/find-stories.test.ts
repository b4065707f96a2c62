import { describe, expect, it } from 'vitest';
import { findStories, storyRules, type Story } from '../../../../src/node/pipeline/stories/find-stories.ts';
import type { Article } from '../../../../src/shared/article-schema.ts';
import { makeArticle } from '../../../fixtures/articles.ts';

const hour = 3600 * 1000;
const at = (hours: number) => new Date(Date.UTC(2021, 2, 1) + hours * hour).toISOString();

/** An archive's everyday articles, so that words like "AI" and "market" weigh what they do in a real one. */
const background = Array.from({ length: 40 }, (_, i) =>
  makeArticle({
    id: `background-${i}`,
    title: `AI market update number ${i} from the technology industry`,
    excerpt: `Companies report AI results, new market data and technology plans for customers (${i}).`,
    publishedAt: at(i * 7),
    provider: { name: `Outlet ${i % 9}` },
  }),
);

const article = (
  id: string,
  hours: number,
  title: string,
  excerpt: string,
  outlet: string,
  more: Partial<Article> = {},
) => makeArticle({ id, title, excerpt, publishedAt: at(hours), provider: { name: outlet }, ...more });

/**
 * The `i`th of several outlets' reports, `prefix-i` from outlet `prefix outlet i`, `every` hours
 * apart from hour `first`: for lists of `[title, excerpt]` mapped to articles.
 */
const reportOf =
  (prefix: string, first: number, every: number) =>
  ([title = '', excerpt = '']: readonly string[], i: number) =>
    article(`${prefix}-${i}`, first + i * every, title, excerpt, `${prefix} outlet ${i}`);

/** The stories among `ids`, as sorted lists of ids. */
function storiesAmong(stories: readonly Story[], ids: readonly string[]): string[][] {
  return stories
    .map((story) => story.ids.filter((id) => ids.includes(id)).sort())
    .filter((story) => story.length > 1)
    .sort();
}

/**
 * A report of a launch (titled and told as given) and one of its party, sharing two words with it:
 * too little alike for a story on their own. `linkedBy` gives the party a related link; `among`
 * the stories the two form beside the background and `other` (the party, linked or not).
 */
function weakPair(launchTitle: string, launchExcerpt: string) {
  const launch = article('weak-a', 100, launchTitle, launchExcerpt, 'Wire One', {
    url: 'https://one.example/zorblax',
  });
  const party = article(
    'weak-b',
    103,
    'Zorblax rocket team celebrates with pizza and cake tonight',
    '',
    'Daily Two',
  );
  const linkedBy = (title: string, url: string): Article => ({
    ...party,
    related: [{ title, url, type: 'article' }],
  });
  const among = (other: Article) =>
    storiesAmong(findStories([...background, launch, other]), ['weak-a', 'weak-b']);
  return { launch, party, linkedBy, among };
}

describe('finding stories', () => {
  const paraphrased = [
    article(
      'zorblax-a',
      0,
      'Acme unveils the Zorblax reusable rocket',
      'Acme Space showed Zorblax, a reusable rocket, at its Nevada site.',
      'Wire One',
    ),
    article(
      'zorblax-b',
      9,
      'Zorblax: inside Acme’s bet on a rocket that flies twice',
      'The Zorblax rocket from Acme Space lands itself in Nevada.',
      'Daily Two',
    ),
    article(
      'zorblax-c',
      30,
      'Acme Space rocket Zorblax lands after first test flight',
      'Acme’s Zorblax rocket flew and landed in Nevada.',
      'Journal Three',
    ),
  ];

  it('groups paraphrased titles of one event from several outlets, the earliest leading', () => {
    const stories = findStories([...background, ...paraphrased]);
    expect(storiesAmong(stories, ['zorblax-a', 'zorblax-b', 'zorblax-c'])).toEqual([
      ['zorblax-a', 'zorblax-b', 'zorblax-c'],
    ]);
    const story = stories.find((found) => found.ids.includes('zorblax-a'));
    expect(story?.ids[0]).toBe('zorblax-a');
    expect(story?.reasons[0]).toBe('');
    expect(
      story?.reasons.slice(1).every((reason) => /title words? in common|words? in common/.test(reason)),
    ).toBe(true);
  });

  it('keeps apart a series of look-alike reports from one outlet, and titles alike but days apart', () => {
    const decoys = ['Speech Recognition', 'Service Robotics', 'Computer Vision'].map((subject, i) =>
      article(
        `decoy-${i}`,
        i,
        `How Will ${subject} Market Deal with the Crisis?`,
        `The global ${subject.toLowerCase()} market is expected to rise with an impressive CAGR.`,
        'MarketWatch',
      ),
    );
    const later = [
      article(
        'launch-1',
        0,
        'Quibble opens its Lisbon office',
        'Quibble opened an office in Lisbon.',
        'Wire One',
      ),
      article(
        'launch-2',
        24 * 10,
        'Quibble opens its Lisbon office',
        'Quibble opened an office in Lisbon.',
        'Daily Two',
      ),
    ];
    const ids = [...decoys, ...later].map((item) => item.id);
    expect(storiesAmong(findStories([...background, ...decoys, ...later]), ids)).toEqual([]);
  });

  it('groups the same title from two outlets, and a release sent again by one', () => {
    const items = [
      article(
        'release-1',
        0,
        'Provance releases ServiceTeam for Power Apps',
        'Gatineau: Provance released ServiceTeam.',
        'Digital Journal',
      ),
      article(
        'release-2',
        20,
        'Provance releases ServiceTeam for Power Apps',
        'Provance released ServiceTeam today.',
        'Finanz',
      ),
      article(
        'release-3',
        50,
        'RE-TRANSMISSION: Provance releases ServiceTeam for Power Apps',
        'Gatineau: Provance released ServiceTeam.',
        'Digital Journal',
      ),
    ];
    const stories = findStories([...background, ...items]);
    expect(storiesAmong(stories, ['release-1', 'release-2', 'release-3'])).toEqual([
      ['release-1', 'release-2', 'release-3'],
    ]);
    expect(stories.find((story) => story.ids.includes('release-2'))?.reasons[1]).toBe('same title');
  });

  it('takes no two titles of no letter or digit for the same title, nor for a related link', () => {
    const marks = [
      article('marks-1', 0, '!!!', 'Zorvex opens a bakery in Lyon.', 'Wire One'),
      article('marks-2', 2, '🔥🔥', 'Quintal wins the chess open in Oslo.', 'Daily Two'),
    ];
    expect(storiesAmong(findStories([...background, ...marks]), ['marks-1', 'marks-2'])).toEqual([]);
    // A weak match that a link would support, by its URL, but not by a title of no letter either.
    const { launch, party, linkedBy, among } = weakPair('!!!', 'Zorblax rocket lands in Nevada');
    expect(among(party)).toEqual([]);
    expect(among(linkedBy('Elsewhere', launch.url))).toEqual([['weak-a', 'weak-b']]);
    expect(among(linkedBy('???', 'https://mirror.example/z'))).toEqual([]);
  });

  it('never grows a story by a path of weak links', () => {
    // a and c share nothing; b shares half its words with each.
    const chain = [
      article(
        'chain-a',
        0,
        'Zorblax rocket lands in Nevada desert',
        'The Zorblax rocket landed in the Nevada desert.',
        'Wire One',
      ),
      article(
        'chain-b',
        5,
        'Zorblax rocket lands; Quibble satellite launches',
        'Zorblax landed while the Quibble satellite launched from Kourou.',
        'Daily Two',
      ),
      article(
        'chain-c',
        10,
        'Quibble satellite launches from Kourou spaceport',
        'The Quibble satellite launched from the Kourou spaceport.',
        'Journal Three',
      ),
    ];
    const stories = storiesAmong(findStories([...background, ...chain]), ['chain-a', 'chain-b', 'chain-c']);
    // b joins a's story; c, alike b but not the story, starts its own.
    expect(stories).toEqual([['chain-a', 'chain-b']]);
  });

  it('takes a related link, by URL or by title as outlets print it, as support for a weak match', () => {
    const { launch, party, linkedBy, among } = weakPair('Zorblax rocket lands in Nevada', '');
    // Two words in common, too little alike for a story on their own...
    expect(among(party)).toEqual([]);
    // ...enough with a link from one to the other, by its URL or by its title, however cased.
    expect(among(linkedBy('Elsewhere', launch.url))).toEqual([['weak-a', 'weak-b']]);
    expect(among(linkedBy('ZORBLAX rocket lands in Nevada!', 'https://mirror.example/z'))).toEqual([
      ['weak-a', 'weak-b'],
    ]);
    // A link lowers the bar: matchStory looks links up only for a score under the usual one.
    expect(storyRules.citedSimilarity).toBeLessThan(storyRules.similarity);
  });

  it('takes a related link as support, never as a match on its own', () => {
    const unrelated = [
      article('linked-a', 0, 'Zorblax rocket lands in Nevada', 'A rocket landing.', 'Wire One'),
      article('linked-b', 3, 'Bees return to London rooftops', 'Urban beekeeping grows.', 'Daily Two', {
        related: [
          { title: 'Zorblax rocket lands in Nevada', url: 'https://example.com/story-x', type: 'article' },
        ],
      }),
    ];
    const ids = unrelated.map((item) => item.id);
    expect(storiesAmong(findStories([...background, ...unrelated]), ids)).toEqual([]);
  });

  // Five outlets within hours, each headline opening on the company's name in its own words, as
  // outlets told IBM's exit from facial recognition: beyond the name, few words in common.
  const burst = [
    ['Kestrova quits drone deliveries after city complaints', 'The retailer will stop flying parcels.'],
    ['Kestrova ditches its delivery drones', 'Noise and safety concerns ground the fleet.'],
    ['Kestrova steps back from drones, calls for rules', 'Its chief asked regulators for national rules.'],
    ['Kestrova is grounding its drone fleet for good', 'Shoppers in three cities get parcels by van again.'],
    ['Kestrova ends drone program amid noise protests', 'Residents had protested for months.'],
  ].map(reportOf('burst', 100, 4));
  const burstIds = burst.map((item) => item.id);

  it('groups a burst of headlines from three outlets or more that open on one name', () => {
    const stories = findStories([...background, ...burst]);
    expect(storiesAmong(stories, burstIds)).toEqual([[...burstIds].sort()]);
    // Most join by the burst alone: their words are not alike enough otherwise.
    const reasons = stories.find((story) => story.ids.includes('burst-0'))?.reasons ?? [];
    expect(
      reasons.filter((reason) => reason.startsWith('headlines open on the same name')).length,
    ).toBeGreaterThan(1);
  });

  it('says a headline joined by its burst did, linked or not, and weighs a burst within its weeks', () => {
    // A report that shares only the name, and links to the first: the burst let it in, not the link.
    const lead = burst[0] as Article;
    const statement = article(
      'burst-linked',
      118,
      'Kestrova statement ends weeks of silence',
      '',
      'Burst outlet 5',
      {
        related: [{ title: 'Elsewhere', url: lead.url, type: 'article' }],
      },
    );
    const story = findStories([...background, ...burst, statement]).find((found) =>
      found.ids.includes('burst-0'),
    );
    expect(story?.reasons[story.ids.indexOf('burst-linked')]).toBe(
      'headlines open on the same name, within a day, linked as related reading',
    );
    // What a burst reads (its day either side) lies in the weeks an article is weighed over.
    expect(storyRules.burstHours).toBeLessThan(storyRules.aroundHours);
  });

  it('keeps the opening word of a headline with a subtitle, not of one after a label', () => {
    const subtitled = burst.map((item, i) =>
      i === 0 ? { ...item, title: 'Kestrova quits drones: what it means' } : item,
    );
    expect(storiesAmong(findStories([...background, ...subtitled.slice(0, 4)]), burstIds)).toEqual([
      ['burst-0', 'burst-1', 'burst-2', 'burst-3'],
    ]);
  });

  it('takes no burst from fewer than three outlets, or from a headline a day after the lead', () => {
    const two = burst.slice(3);
    expect(storiesAmong(findStories([...background, ...two]), burstIds)).toEqual([]);
    // The fifth report, two days later: the first four are a burst, it is not of it.
    const late = [...burst.slice(0, 4), { ...(burst[4] as Article), publishedAt: at(100 + 48) }];
    expect(storiesAmong(findStories([...background, ...late]), burstIds)).toEqual([
      ['burst-0', 'burst-1', 'burst-2', 'burst-3'],
    ]);
  });

  it('follows a burst into the next days, a day at a time, but not into the name’s next event', () => {
    // The weekend after the news: more outlets open on the name, each within a day of the last
    // headline of the burst but more than a day after the lead, and share some words with it.
    const weekend = [
      ['Kestrova drone fleet grounding leaves pilots without work', 'Its delivery drones stay parked.'],
      ['Kestrova customers miss drone deliveries', 'Parcels once flew to their gardens in minutes.'],
      ['Kestrova weighs selling its grounded drone fleet', 'The drones may go to a farm cooperative.'],
      [
        'Kestrova faces questions over drone spending',
        'The fleet cost millions before complaints grounded it.',
      ],
    ].map(reportOf('weekend', 126, 6));
    // Then the name's next event, within a day of the last of them: a burst of its own, whose
    // first report shares a little with the story by chance (less than 0.1), as different events
    // of one name do.
    const warehouse = [
      ['Kestrova opens a warehouse in Lisbon', 'Its drone fleet and delivery vans will serve the country.'],
      ['Kestrova picks Lisbon for its new hub', 'Portugal won the site over Spain.'],
      ['Kestrova to hire hundreds in Portugal', 'Jobs at a new Lisbon warehouse.'],
      ['Kestrova bets on Lisbon', 'A logistics hub opens next year.'],
    ].map(reportOf('warehouse', 160, 4));
    const ids = [...burstIds, ...[...weekend, ...warehouse].map((item) => item.id)];
    const stories = findStories([...background, ...burst, ...weekend, ...warehouse]);
    expect(storiesAmong(stories, ids)).toEqual([
      [...burstIds, ...weekend.map((item) => item.id)].sort(),
      warehouse.map((item) => item.id).sort(),
    ]);
    const story = stories.find((found) => found.ids.includes('burst-0'));
    expect(story?.reasons[story.ids.indexOf('weekend-3')]).toBe(
      'headlines open on the same name, each within a day of the last',
    );
  });

  it('follows a burst only from a headline of it within a day, not across a quiet day', () => {
    // Three more outlets open on the name a day and a half after the burst's last headline (a
    // burst of their own), alike the story but not enough to join it otherwise.
    const later = [
      ['Kestrova drone fleet sold at auction', 'A farm cooperative bought the parked drones.'],
      ['Kestrova auctions its drones', 'The grounded delivery fleet found a buyer.'],
      ['Kestrova drone auction ends an era', 'Parcels by drone are history.'],
    ].map(reportOf('later', 116 + 30, 2));
    const ids = [...burstIds, ...later.map((item) => item.id)];
    expect(storiesAmong(findStories([...background, ...burst, ...later]), ids)).toEqual([
      [...burstIds].sort(),
      later.map((item) => item.id).sort(),
    ]);
  });

  it('lets no lone headline hours ahead of a burst lead it', () => {
    // An op-ed urging the company to do what it announces ten hours later.
    const lone = article(
      'burst-lone',
      90,
      'Kestrova urged to rethink its plans',
      'Campaigners asked the retailer to stop.',
      'Opinion Daily',
    );
    const stories = findStories([...background, lone, ...burst]);
    expect(storiesAmong(stories, [...burstIds, lone.id])).toEqual([[...burstIds].sort()]);
  });

  it('takes no burst from one outlet’s template, though two other outlets open on its word', () => {
    // One outlet's twenty headlines of one pattern, and two other outlets' on the same word that
    // day: three outlets, but not a burst of outlets (the end-to-end adversarial set is so).
    const template = Array.from({ length: 20 }, (_, i) =>
      article(`template-${i}`, 100 + i / 4, `Weekly roundup item${i} code${i % 3}`, '', 'Template Press'),
    );
    const others = [
      article('template-x', 101, 'Weekly roundup other code0 note', '', 'Other One'),
      article('template-y', 102, 'Weekly roundup extra code1 note', '', 'Other Two'),
    ];
    const ids = [...template, ...others].map((item) => item.id);
    expect(storiesAmong(findStories([...background, ...template, ...others]), ids)).toEqual([]);
  });

  it('takes no burst from headlines that open on a label', () => {
    // Five outlets' different news of one day under one label: only the label in common.
    const news = [
      'Port of Arvel reopens to ships',
      'Schools in Bexa close for a week',
      'Markets in Corlin fall sharply',
      'Flights to Dunmor halted',
      'Hospitals in Eskar fill up',
    ];
    const labelled = news.map((text, i) =>
      article(`label-${i}`, 100 + i, `Outbreak: ${text}`, `${text}, officials said.`, `Label outlet ${i}`),
    );
    const ids = labelled.map((item) => item.id);
    expect(storiesAmong(findStories([...background, ...labelled]), ids)).toEqual([]);
  });

  it('takes no burst from a name four outlets open on every day, in its different announcements', () => {
    // A giant of the archive's trade: four outlets open on it every day, each on other news (the
    // news of one day sharing a word or two, as a company's different announcements do).
    const verbs = 'expands opens buys sues hires'.split(' ');
    const subjects = 'cloud chips earnings offices robots satellites lawsuits batteries'.split(' ');
    const daily = Array.from({ length: 40 }, (_, i) =>
      article(
        `daily-${i}`,
        Math.floor(i / 4) * 24 + (i % 4),
        `Vantor ${verbs[i % verbs.length]} ${subjects[i % 8]} and ${subjects[(i + 1) % 8]} unit${i}`,
        `Details of unit${i} and plan${i}.`,
        `Daily outlet ${i % 4}`,
      ),
    );
    const ids = daily.map((item) => item.id);
    expect(storiesAmong(findStories([...background, ...daily]), ids)).toEqual([]);
  });

  it('gives the same stories whatever the order of the articles', () => {
    const all = [...background, ...paraphrased];
    const shuffled = [...all].sort(
      (a, b) => ((a.title.length * 7919) % 13) - ((b.title.length * 7919) % 13) || (a.id < b.id ? 1 : -1),
    );
    expect(findStories(shuffled)).toEqual(findStories(all));
    expect(findStories([...all].reverse())).toEqual(findStories(all));
  });
});
