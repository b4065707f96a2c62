import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { eventOf } from '../../bench/generate-corpus.ts';
import { scaleCorpusDir, scaleSize, smallScaleOutDir } from './servers.ts';
import { precacheUrls } from '../fixtures/precache.ts';
import { cspViolations, expectNoAxeViolations, nextFrames, recordCspViolations } from './page-checks.ts';

/**
 * The reader's journeys at 100,000 articles (the generated corpus of bench/generate-corpus.ts):
 * the same behaviour as on the real corpus, checked against values read here from the files
 * themselves, without the app's pipeline.
 */

type Seed = {
  title: string;
  url: string;
  published: boolean;
  date: string;
  text: string;
  topics: string[];
  related: string[];
  quality: number;
  /** The event the generator made it report (one story, told by several outlets), else its own name. */
  story: string;
};

const dir = path.join(import.meta.dirname, '../..', scaleCorpusDir);

function readSeeds(): Seed[] {
  return readdirSync(dir).map((name) => {
    const event = eventOf(Number(/^\d+/.exec(name)?.[0]));
    const text = readFileSync(path.join(dir, name), 'utf8');
    const field = (key: string) => new RegExp(`^${key}: (.*)$`, 'm').exec(text)?.[1] ?? '';
    const quoted = (key: string) => JSON.parse(field(key) || '""') as string;
    const topics = /^topics:\n((?: {2}- .*\n)+)/m.exec(text)?.[1] ?? '';
    return {
      title: quoted('title'),
      url: quoted('originalUrl'),
      published: field('published') === 'true',
      date: field('publishedDateTime'),
      quality: Number(field('quality') || Number.NEGATIVE_INFINITY),
      text: [quoted('title'), quoted('excerpt'), /^ {2}name: (.*)$/m.exec(text)?.[1] ?? ''].join(' '),
      topics: topics
        .split('\n')
        .filter(Boolean)
        .map((line) => line.replace(/^ {2}- /, '')),
      related: [...text.matchAll(/^ {4}webUrl: (".*")$/gm)].map((m) => JSON.parse(m[1] ?? '""') as string),
      // A decoy shares the event's words, not the event.
      story: event && event.member < 4 ? `event ${event.number}` : name,
    };
  });
}

const seeds = readSeeds();
const published = seeds.filter((seed) => seed.published);
const count = (n: number) => `${n.toLocaleString('en')} article${n === 1 ? '' : 's'}`;
/** The status line for `shown`, one card per story: "12 articles in 9 stories". */
const statusText = (shown: readonly Seed[]) => {
  const stories = new Set(shown.map((seed) => seed.story)).size;
  return stories < shown.length
    ? `${count(shown.length)} in ${stories.toLocaleString('en')} stories`
    : count(shown.length);
};
const withTopic = (topic: string) => (seed: Seed) => seed.topics.includes(topic);
/** Every word must start a word of the title, excerpt, provider or topics. */
const matches = (query: string) => (seed: Seed) =>
  query
    .toLowerCase()
    .split(/\s+/)
    .every((word) =>
      new RegExp(`(^|[^\\p{L}\\p{N}])${word}`, 'u').test([seed.text, ...seed.topics].join(' ').toLowerCase()),
    );
const newest = [...published].sort((a, b) => (a.date < b.date ? 1 : -1))[0] as Seed;

async function maxCardsWhileScrolling(page: Page, screens: number): Promise<number> {
  let most = 0;
  for (let i = 0; i < screens; i += 1) {
    await page.mouse.wheel(0, 800);
    await nextFrames(page);
    most = Math.max(most, await page.locator('article').count());
  }
  return most;
}

test.beforeEach(async ({ page }) => {
  await recordCspViolations(page);
});

test('opens 100,000 articles on the published count, a bounded DOM, and the newest first', async ({
  page,
}) => {
  expect(seeds).toHaveLength(scaleSize);
  await page.goto('/');
  await expect(page.getByRole('status')).toHaveText(statusText(published));
  await expect(
    page.getByRole('switch', {
      name: `Show unpublished (${(seeds.length - published.length).toLocaleString('en')})`,
    }),
  ).toBeVisible();
  await expect(page.locator('article h2').first()).toHaveText(newest.title);
  // One card per story.
  await expect(page.locator('li[aria-posinset="1"]')).toHaveAttribute(
    'aria-setsize',
    String(new Set(published.map((seed) => seed.story)).size),
  );
  expect(await maxCardsWhileScrolling(page, 40)).toBeLessThanOrEqual(60);
  expect(await cspViolations(page)).toEqual([]);
});

test('filters by topics in the URL, through reload, Back and Forward, and shows unpublished ones', async ({
  page,
}) => {
  const status = page.getByRole('status');
  await page.goto('/');
  await expect(status).toHaveText(statusText(published));
  const topics = page.getByRole('group', { name: 'Topics' });
  await topics.getByRole('checkbox', { name: 'Robotics', exact: true }).check();
  await expect(status).toHaveText(statusText(published.filter(withTopic('Robotics'))));
  await expect(page).toHaveURL(/\?topic=Robotics$/);
  await page.reload();
  await expect(status).toHaveText(statusText(published.filter(withTopic('Robotics'))));
  // The count comes from the index at once; the cards once the feed is no longer busy.
  await expect(page.getByRole('main')).toHaveAttribute('aria-busy', 'false');
  await expect(page.locator('article h2').first()).toBeVisible();
  for (const title of await page.locator('article h2').allTextContents()) {
    expect(published.find((seed) => seed.title === title)?.topics).toContain('Robotics');
  }

  await topics.getByRole('checkbox', { name: 'Space', exact: true }).check();
  const either = published.filter((seed) => withTopic('Robotics')(seed) || withTopic('Space')(seed));
  await expect(status).toHaveText(statusText(either));
  await page.goBack();
  await expect(status).toHaveText(statusText(published.filter(withTopic('Robotics'))));
  await page.goForward();
  await expect(status).toHaveText(statusText(either));

  await page.getByRole('switch', { name: /^Show unpublished/ }).check();
  await expect(status).toHaveText(
    statusText(seeds.filter((seed) => withTopic('Robotics')(seed) || withTopic('Space')(seed))),
  );
});

test('searches as you type, combined with a topic, and the URL shares the view', async ({
  page,
  context,
}) => {
  const status = page.getByRole('status');
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search articles' }).pressSequentially('robot vis');
  await expect(status).toHaveText(statusText(published.filter(matches('robot vis'))));
  await expect(page).toHaveURL(/\?q=robot\+vis$/);
  await page
    .getByRole('group', { name: 'Topics' })
    .getByRole('checkbox', { name: 'Cloud', exact: true })
    .check();
  const both = published.filter((seed) => matches('robot vis')(seed) && withTopic('Cloud')(seed));
  await expect(status).toHaveText(statusText(both));

  // The shared link opens the same view in a fresh tab.
  const shared = await context.newPage();
  await shared.goto(page.url());
  await expect(shared.getByRole('status')).toHaveText(statusText(both));
  await expect(shared.getByRole('searchbox', { name: 'Search articles' })).toHaveValue('robot vis');
  await expect(shared.getByRole('checkbox', { name: 'Cloud', exact: true })).toBeChecked();
  await expect(shared.getByRole('main')).toHaveAttribute('aria-busy', 'false');
  const titles = await shared.locator('article h2').allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  for (const title of titles) expect(both.map((seed) => seed.title)).toContain(title);
});

test('related coverage stays open and focus stays put while the feed scrolls far away and back', async ({
  page,
  context,
}) => {
  await page.goto('/');
  const card = page.getByRole('article', { name: newest.title });
  const toggle = card.getByRole('button', { name: /^\d+ related$/ });
  if (newest.related.length === 0) {
    await expect(toggle).toHaveCount(0);
    return;
  }
  await toggle.click();
  const panel = card.getByRole('list', { name: `Related reading: ${newest.title}` });
  await expect(panel.getByRole('link')).toHaveCount(newest.related.length);
  expect(
    await panel.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
  ).toEqual(newest.related);

  const link = card.getByRole('link', { name: newest.title });
  await expect(link).toHaveAttribute('href', newest.url);
  await expect(link).toHaveAttribute('target', '_blank');
  await link.focus();
  await page.evaluate(() => window.scrollTo(0, 30_000));
  await nextFrames(page);
  // Far from the top, the focused card is still in the DOM, still focused.
  expect(
    await page.evaluate(() => document.activeElement?.closest('article')?.querySelector('h2')?.textContent),
  ).toBe(newest.title);
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(panel).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');

  // Clicking through opens the source in a new tab that cannot reach the reader.
  await context.route(`${new URL(newest.url).origin}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>source</title>' }),
  );
  const popupPromise = page.waitForEvent('popup');
  await link.click();
  const popup = await popupPromise;
  await popup.waitForLoadState();
  expect(popup.url()).toBe(newest.url);
  expect(await popup.evaluate(() => window.opener as unknown)).toBeNull();
});

test('sorts oldest first and top, in the URL', async ({ page }) => {
  await page.goto('/?sort=oldest');
  const oldest = [...published].sort((a, b) => (a.date < b.date ? -1 : 1))[0] as Seed;
  await expect(page.locator('article h2').first()).toHaveText(oldest.title);
  await page.getByRole('combobox', { name: 'Sort' }).selectOption('Top');
  await expect(page).toHaveURL(/\?sort=top$/);
  const top = [...published].sort((a, b) => b.quality - a.quality || (a.date < b.date ? 1 : -1))[0] as Seed;
  await expect(page.locator('article h2').first()).toHaveText(top.title);
  await expect(page.getByRole('status')).toHaveText(statusText(published));
});

test('searches with operators: an exclusion and a date, with a hint for what it cannot read', async ({
  page,
}) => {
  await page.goto('/');
  const box = page.getByRole('searchbox', { name: 'Search articles' });
  await box.fill('robot -vision after:2019-06-01 colour:red');
  const expected = published.filter(
    (seed) => matches('robot')(seed) && !matches('vision')(seed) && seed.date >= '2019-06-01',
  );
  await expect(page.getByRole('status')).toHaveText(statusText(expected));
  await expect(page.getByRole('list', { name: 'Search hints' })).toContainText(
    '“colour:” is not an operator',
  );
  await expect(page).toHaveURL(/\?q=robot\+-vision\+after%3A2019-06-01\+colour%3Ared$/);
});

/** Presses Tab until `focused` holds (at most `limit` times), as a keyboard user moves on. */
async function tabUntil(page: Page, focused: () => Promise<boolean>, limit = 80): Promise<void> {
  for (let i = 0; i < limit && !(await focused()); i += 1) await page.keyboard.press('Tab');
  expect(await focused(), 'reached by Tab').toBe(true);
}

const activeIs = (page: Page, selector: string) => () =>
  page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector);

test('a keyboard-only journey: search with an operator, sort, j through 100 cards, mark, save, and shortcuts off', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await expect(page.getByRole('status')).toHaveText(statusText(published));
  // The keyboard loads once the first cards are up.
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeEnabled();
  // Search with an operator, from / .
  await page.keyboard.press('/');
  await page.keyboard.type('robot -vision');
  const found = published.filter((seed) => matches('robot')(seed) && !matches('vision')(seed));
  await expect(page.getByRole('status')).toHaveText(statusText(found));
  // Sort oldest first: Tab to the order, an arrow to change it.
  await tabUntil(page, activeIs(page, 'select'));
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/sort=oldest/);
  // On to the cards, then j through 100 of them.
  await tabUntil(page, activeIs(page, 'li[aria-posinset] *'));
  let most = 0;
  const start = await page.evaluate(() =>
    Number(document.activeElement?.closest('li[aria-posinset]')?.getAttribute('aria-posinset')),
  );
  for (let step = 1; step <= 100; step += 1) {
    await page.keyboard.press('j');
    await expect(page.locator(`li[aria-posinset="${start + step}"] > article`)).toBeFocused();
    const { inView, cards } = await page.evaluate(() => {
      const box = document.activeElement?.getBoundingClientRect();
      return {
        inView: box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight,
        cards: document.querySelectorAll('article').length,
      };
    });
    expect(inView, `card ${start + step} in view`).toBe(true);
    most = Math.max(most, cards);
  }
  expect(most).toBeLessThanOrEqual(60);
  const card = page.locator(`li[aria-posinset="${start + 100}"] > article`);
  const title = (await card.getByRole('heading').textContent()) ?? '';
  // Its related panel, read and saved.
  await page.keyboard.press('r');
  await expect(card.getByRole('list').first()).toBeVisible();
  await page.keyboard.press('m');
  await page.keyboard.press('s');
  await expect(card.getByText('Read', { exact: true })).toBeVisible();
  // Kept through a reload, on this device.
  await page.reload();
  await expect(page.getByRole('switch', { name: 'Saved (1)' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeEnabled();
  // From the search box (its query kept in the URL), Tab on to the Saved switch.
  await page.keyboard.press('/');
  await tabUntil(
    page,
    async () =>
      (await page.evaluate(() => document.activeElement?.closest('label')?.textContent ?? '')) ===
      'Saved (1)',
  );
  await page.keyboard.press('Space');
  await expect(page.getByRole('status')).toHaveText('1 saved article');
  await expect(page.getByRole('article').getByRole('heading')).toHaveText(title);
  // The help dialog, checked by axe; single-key shortcuts off; then j types and moves nothing.
  await page.keyboard.press('Shift+?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await tabUntil(page, activeIs(page, 'dialog input[role="switch"]'));
  await page.keyboard.press('Space');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const url = page.url();
  await page.keyboard.press('j');
  await page.keyboard.press('/');
  expect(page.url()).toBe(url);
  await expect(page.getByRole('article')).not.toBeFocused();
  await expect(page.getByRole('searchbox', { name: 'Search articles' })).not.toBeFocused();
  await expect(page.getByRole('searchbox', { name: 'Search articles' })).toHaveValue('robot -vision');
});

test('the service worker precaches the same shell at 100,000 articles as at 1,000, and no data', () => {
  const root = path.join(import.meta.dirname, '../..');
  const large = path.join(root, '.e2e/scale');
  const small = path.join(root, smallScaleOutDir);
  const urls = precacheUrls(large);
  expect(urls.length).toBeGreaterThan(10);
  expect(urls.filter((url) => /^(data|feeds|story)\/|\.html$/.test(url))).toEqual([]);
  // The app holds no article: the same worker, byte for byte, its precache list and revisions too.
  expect(readFileSync(path.join(large, 'sw.js'), 'utf8')).toBe(
    readFileSync(path.join(small, 'sw.js'), 'utf8'),
  );
});
