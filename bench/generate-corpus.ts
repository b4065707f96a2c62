import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A deterministic synthetic corpus in the exact seed format (see seeds/000_0a2167d0d2ea9f38.txt):
 * the same count and seed always give byte-identical files. Topics come from a skewed pool of 40,
 * articles have 0 to 6 related items, images, a `secured` blob, dates over five years, some are
 * unpublished and some are videos.
 */

/** mulberry32: a small, well-known 32-bit PRNG; enough for test data, never for secrets. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const topicPool = [
  'AI',
  'Machine Learning',
  'Computer Vision',
  'Robotics',
  'Power Apps',
  'Portals',
  'Cloud',
  'Security',
  'Privacy',
  'Startups',
  'Funding',
  'Semiconductors',
  'Quantum Computing',
  'Open Source',
  'Developer Tools',
  'Mobile',
  'Gaming',
  'Space',
  'Climate Tech',
  'Energy',
  'Electric Vehicles',
  'Autonomous Driving',
  'Health Tech',
  'Biotech',
  'Fintech',
  'Crypto',
  'E-commerce',
  'Social Media',
  'Streaming',
  'Policy',
  'Antitrust',
  'Education',
  'Wearables',
  'AR and VR',
  'Smart Home',
  'Networking',
  '5G',
  'Databases',
  'DevOps',
  'Low-code',
];

const providers = Array.from({ length: 60 }, (_, i) => {
  const name = `${['Daily', 'Tech', 'Global', 'Future', 'Open', 'Data'][i % 6]} ${['Wire', 'Times', 'Post', 'Review', 'Journal', 'Insider', 'Digest', 'Report', 'Herald', 'Signal'][Math.floor(i / 6)]}`;
  const domain = `${name.toLowerCase().replace(/\s+/g, '')}.example`;
  return { name, domain };
});

const words = (
  'new model launches record growth users platform update release research team study data cloud chip ' +
  'startup raises funding deal market report security flaw patch privacy rules court ruling app store ' +
  'developers tools open source project preview feature support version global rollout partners network ' +
  'battery electric car robot vision language agents training benchmark results quarter earnings'
).split(' ');

/** Zipf-like weights: the first topics are far more common than the last. */
const topicWeights = topicPool.map((_, i) => 1 / (i + 1) ** 1.1);
const topicWeightSum = topicWeights.reduce((a, b) => a + b, 0);

const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const fiveYearsMs = 5 * 365 * 24 * 3600 * 1000;
const end = Date.UTC(2021, 5, 1);

/** An article that has just arrived (see generateNewerArticles): its date; it is published and reports no event. */
export type Arrival = { date: number };

export function generateArticle(
  index: number,
  random: () => number,
  arrival?: Arrival,
): { name: string; text: string } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const sentence = (min: number, max: number) => {
    const text = Array.from({ length: int(min, max) }, () => pick(words)).join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  const hex = (length: number) => Array.from({ length }, () => pick('0123456789abcdef'.split(''))).join('');
  const blob = (length: number) => Array.from({ length }, () => pick(base64.split(''))).join('');
  const pickTopic = () => {
    let r = random() * topicWeightSum;
    for (let i = 0; i < topicPool.length; i += 1) {
      r -= topicWeights[i] ?? 0;
      if (r <= 0) return topicPool[i] as string;
    }
    return topicPool[0] as string;
  };
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  const q = (text: string) => JSON.stringify(text);

  const id = hex(16);
  const event = arrival ? undefined : eventOf(index);
  // The reports of one event come from different outlets.
  const provider = event
    ? (providers[(event.number * 7 + event.member * 13) % providers.length] ?? pick(providers))
    : pick(providers);
  // Drawn even for an arrival, so that without one the draws, and the corpus, stay byte for byte the same.
  const published = random() > 0.3 || arrival !== undefined;
  const video = random() < 0.04;
  const randomDate = end - Math.floor(random() * fiveYearsMs);
  const date = arrival?.date ?? (event ? event.date + event.member * 7 * 3_600_000 : randomDate);
  const title = event ? event.title : `${sentence(6, 14)} (${index})`;
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const url = `https://${provider.domain}/${new Date(date).getUTCFullYear()}/${slug}-${id}`;
  const topics = [...new Set(Array.from({ length: int(1, 4) }, pickTopic))];
  const videoId = blob(11).replace(/[+/]/g, '_');

  const lines = [
    '---',
    'category: news',
    `title: ${q(title)}`,
    `excerpt: ${q(event ? `${event.excerpt} ${sentence(8, 16)}.` : `${sentence(20, 40)}.`)}`,
    `publishedDateTime: ${iso(date)}`,
    `originalUrl: ${q(url)}`,
    ...(random() < 0.9 ? [`webUrl: ${q(url)}`] : []),
    ...(random() < 0.5 ? [`ampWebUrl: ${q(`${url}/amp/`)}`] : []),
    `type: ${video ? 'video' : 'article'}`,
    `quality: ${int(0, 150)}`,
    `heat: ${random() < 0.3 ? -1 : int(0, 150)}`,
    `published: ${published}`,
    '',
    ...(video
      ? [
          `featuredContent: ${q(`<iframe width="800" height="500" frameborder="0" src="https://www.youtube.com/embed/${videoId}" allow="accelerometer; autoplay; encrypted-media; gyroscope; picture-in-picture" allowfullscreen></iframe>`)}`,
          '',
        ]
      : []),
    'provider:',
    `  name: ${provider.name}`,
    `  domain: ${provider.domain}`,
    '  images:',
    `    - url: ${q(`https://cdn.example/organizations/${provider.domain}-50x50.jpg`)}`,
    '      width: 50',
    '      height: 50',
    '',
    'topics:',
    ...topics.map((topic) => `  - ${topic}`),
    '',
    ...(random() < 0.92
      ? [
          'images:',
          `  - url: ${q(`https://images.example/${id}.jpg`)}`,
          '    width: 1200',
          '    height: 630',
          '    isCached: true',
          '',
        ]
      : []),
  ];
  const relatedCount = int(0, 6);
  if (relatedCount > 0) {
    lines.push('related:');
    for (let r = 0; r < relatedCount; r += 1) {
      const other = pick(providers);
      const otherUrl = `https://${other.domain}/story/${hex(12)}`;
      lines.push(
        `  - title: ${q(sentence(6, 12))}`,
        `    excerpt: ${q(`${sentence(12, 24)}.`)}`,
        `    publishedDateTime: ${iso(date + int(-3, 3) * 3_600_000)}`,
        `    webUrl: ${q(otherUrl)}`,
        '    type: article',
        '    provider:',
        `      name: ${other.name}`,
        `      domain: ${other.domain}`,
        `    quality: ${int(0, 100)}`,
        '    images:',
        `      - url: ${q(`https://images.example/related/${hex(10)}.jpg`)}`,
        '        width: 1000',
        '        height: 600',
        '        isCached: true',
      );
    }
    lines.push('');
  }
  lines.push(`secured: ${q(`${blob(320)}==;${blob(22)}==`)}`, '---', '');
  return { name: `${String(index).padStart(6, '0')}_${id}.md`, text: lines.join('\n') };
}

/** Of every `eventEvery` articles, the first `eventReports` report one event and the next is a decoy. */
const eventEvery = 25;
const eventReports = 4;
const syllables = 'ka lo vi ren tor zu mi sha dex qua fen ol ri bax nu'.split(' ');

/** A made-up name, rare in the archive: the event's (or a decoy's) company and product. */
function nameOf(number: number, salt: number): string {
  const parts = [0, 1, 2].map(
    (i) => syllables[Math.floor(number / syllables.length ** i + salt * (i + 3)) % syllables.length],
  );
  const name = parts.join('');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * Same-story groups, for the stories stage: the first reports of every `eventEvery` articles tell
 * one event (a company launching a product), each outlet with its own headline, within a day;
 * the next article is a decoy: the same kind of news and words, another company, the same days.
 */
export function eventOf(index: number) {
  const number = Math.floor(index / eventEvery);
  const member = index % eventEvery;
  if (member > eventReports) return undefined;
  const decoy = member === eventReports;
  const company = nameOf(number, decoy ? 1 : 0);
  const product = nameOf(number + 7, decoy ? 5 : 2);
  const thing = words[(number * 3) % words.length] ?? 'platform';
  const headlines = [
    `${company} unveils ${product}, a new ${thing} for developers`,
    `${company}’s ${product}: what the new ${thing} does`,
    `Inside ${product}, the ${thing} ${company} launched this week`,
    `${company} launches ${product} ${thing} for developers`,
    `${company} unveils the ${product} ${thing}`,
  ];
  return {
    number,
    member,
    date: Date.UTC(2016, 6, 1) + ((number * 2_654_435_761) % 1_700) * 86_400_000,
    title: headlines[member] ?? '',
    excerpt: `${company} today introduced ${product}, its ${thing}, at an event in ${nameOf(number + 3, 9)}.`,
  };
}

/** Writes `count` articles into `dir`, replacing what was there. */
export function generateCorpus(dir: string, count: number, seed = 1): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const random = createRandom(seed);
  for (let index = 0; index < count; index += 1) {
    const { name, text } = generateArticle(index, random);
    writeFileSync(path.join(dir, name), text);
  }
}

/** The article files of `dir` (not its hidden files, such as the bench's `.generator`), sorted. */
function articleFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort();
}

/** Each article's file, date and `published` flag, read from its front matter (not its related items'). */
export function listArticles(dir: string): { name: string; date: number; published: boolean }[] {
  return articleFiles(dir).map((name) => {
    const text = readFileSync(path.join(dir, name), 'utf8');
    const date = /^publishedDateTime: (.+)$/m.exec(text)?.[1] ?? '';
    return { name, date: Date.parse(date), published: !/^published: false$/m.test(text) };
  });
}

/**
 * Adds `count` articles that have just arrived to the corpus in `dir`: published, an hour apart,
 * the first an hour after its newest article, numbered after its files, none reporting an event
 * of the corpus. The same corpus, count and seed always give the same files. The default seed is
 * not generateCorpus's, whose first draws (the first articles' ids) it would repeat.
 */
export function generateNewerArticles(dir: string, count: number, seed = 2): string[] {
  const articles = listArticles(dir);
  const newest = articles.reduce((latest, { date }) => Math.max(latest, date), -Infinity);
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const arrival = { date: newest + (i + 1) * 3_600_000 };
    const { name, text } = generateArticle(articles.length + i, random, arrival);
    writeFileSync(path.join(dir, name), text);
    return name;
  });
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const [count = '1000', dir = `bench/out/corpus-${count}`, seed = '1'] = process.argv.slice(2);
  generateCorpus(dir, Number(count), Number(seed));
  console.log(`wrote ${count} articles to ${dir}`);
}
