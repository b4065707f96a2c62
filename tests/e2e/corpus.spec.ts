import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { corpusDir } from './servers.ts';
import {
  cspViolations,
  expectNoAxeViolations,
  expectSafeLinksAndImages,
  recordCspViolations,
  scrollThroughFeed,
} from './page-checks.ts';

const corpus = path.join(import.meta.dirname, '../..', corpusDir);
const videoTitles = readdirSync(corpus)
  .map((name) => readFileSync(path.join(corpus, name), 'utf8'))
  .filter((text) => /^type: video\s*$/m.test(text))
  .map((text) => JSON.parse(/^title: (".*")\s*$/m.exec(text)?.[1] ?? '""') as string);

test.beforeEach(async ({ page }) => {
  await recordCspViolations(page);
});

test('the real corpus: 131 articles, a topic in the URL, reload, Back, unpublished', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  const status = page.getByRole('status');
  await expect(status).toHaveText('131 articles');
  // The feed is virtualised: scrolled from top to end it shows each of the 131 in turn, each
  // announced in its place in the set, with never more than a screenful or two in the DOM.
  const seen = new Map<string, string>();
  const sizes = new Set<string | null>();
  const most = await scrollThroughFeed(page, async () => {
    const items = await page.evaluate(() =>
      [...document.querySelectorAll('ol[aria-label="Articles"] > li:has(article)')].map((li) => ({
        size: li.getAttribute('aria-setsize'),
        position: li.getAttribute('aria-posinset') ?? '',
        title: li.querySelector('h2')?.textContent ?? '',
      })),
    );
    for (const item of items) {
      sizes.add(item.size);
      seen.set(item.position, item.title);
    }
  });
  expect([...sizes]).toEqual(['131']);
  expect([...seen.keys()].map(Number).sort((a, b) => a - b)).toEqual(
    Array.from({ length: 131 }, (_, i) => i + 1),
  );
  expect(most).toBeLessThanOrEqual(60);
  const topics = page.getByRole('group', { name: 'Topics' });
  await expect(topics.getByRole('checkbox', { name: 'Portals', exact: true })).toHaveAccessibleDescription(
    '15 articles',
  );

  await topics.getByRole('checkbox', { name: 'Portals', exact: true }).check();
  await expect(status).toHaveText('15 articles');
  await expect(page).toHaveURL(/\?topic=Portals$/);

  await page.reload();
  await expect(status).toHaveText('15 articles');
  await expect(topics.getByRole('checkbox', { name: 'Portals', exact: true })).toBeChecked();

  await page.goBack();
  await expect(status).toHaveText('131 articles');
  await page.goForward();
  await expect(status).toHaveText('15 articles');
  await page.goBack();

  await page.getByRole('switch', { name: 'Show unpublished (60)' }).check();
  // Nine of the unpublished articles are further reports of five stories.
  await expect(status).toHaveText('191 articles in 182 stories');
  expect(await cspViolations(page)).toEqual([]);
});

test('several topics match any of them', async ({ page }) => {
  await page.goto('/?topic=Portals&topic=AI%20Builder');
  await expect(page.getByRole('status')).toHaveText('19 articles');
});

test('each of the 12 videos carries a video badge', async ({ page }) => {
  expect(videoTitles).toHaveLength(12);
  await page.goto('/?unpublished=1&group=0');
  await expect(page.getByRole('status')).toHaveText('191 articles');
  const badged = new Set<string>();
  const titles = new Set<string>();
  await scrollThroughFeed(page, async () => {
    const cards = await page.evaluate(() =>
      [...document.querySelectorAll('article')].map((card) => ({
        title: card.querySelector('h2')?.textContent ?? '',
        video: [...card.querySelectorAll('.badge')].some((badge) => badge.textContent === 'Video'),
      })),
    );
    for (const card of cards) {
      titles.add(card.title);
      if (card.video) badged.add(card.title);
    }
  });
  expect(titles.size).toBeGreaterThan(150);
  expect([...badged].sort()).toEqual([...videoTitles].sort());
});

test('every link and image is http(s), and there are no accessibility violations', async ({ page }) => {
  // axe-core checks every screenful of 191 cards twice (light and dark): slow on two cores, so a
  // tall window puts many cards on each of the few screens it checks.
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 6000 });
  await page.goto('/?unpublished=1');
  await expect(page.getByRole('status')).toHaveText('191 articles in 182 stories');
  await scrollThroughFeed(page, async () => {
    await expectSafeLinksAndImages(page);
    await expectNoAxeViolations(page);
  });
});

test('a video plays only after a click, from youtube-nocookie.com', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('status')).toHaveText('131 articles');
  await expect(page.locator('iframe')).toHaveCount(0);
  const play = page.getByRole('button', { name: /^Play video: / }).first();
  while ((await play.count()) === 0) await page.mouse.wheel(0, 600);
  const name = (await play.getAttribute('aria-label')) ?? (await play.innerText());
  await play.click();
  const frame = page.locator('iframe');
  await expect(frame).toHaveCount(1);
  await expect(frame).toHaveAttribute(
    'src',
    /^https:\/\/www\.youtube-nocookie\.com\/embed\/[\w-]{11}\?autoplay=1$/,
  );
  await expect(frame).toHaveAttribute('sandbox', /allow-scripts/);
  expect(await frame.getAttribute('title')).toBe(name.replace(/^Play video: /, 'Video: '));
  expect(await cspViolations(page)).toEqual([]);
});

test('screenshot for the README', async ({ page }) => {
  await page.goto('/?topic=Portals');
  await expect(page.getByRole('status')).toHaveText('15 articles');
  // Into test-results/ on every run; into the README's docs/ only when asked, so that running the
  // tests never changes a tracked file.
  const target = process.env.UPDATE_SCREENSHOT
    ? path.join(import.meta.dirname, '../../docs/screenshot.png')
    : test.info().outputPath('screenshot.png');
  await page.screenshot({ path: target });
});

test('Tab walks the virtualised feed in reading order, far past the first screen', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('status')).toHaveText('131 articles');
  await page.locator('li[aria-posinset="1"] article h2 a').focus();
  const positions: number[] = [];
  while (positions.length < 400 && (positions.at(-1) ?? 0) < 30) {
    await page.keyboard.press('Tab');
    const position = await page.evaluate(() =>
      Number(document.activeElement?.closest('li[aria-posinset]')?.getAttribute('aria-posinset') ?? 0),
    );
    expect(position, 'focus left the feed').toBeGreaterThan(0);
    positions.push(position);
  }
  // Every card from 1 to 30 is reached, in order, none skipped.
  const visited = [...new Set(positions)];
  expect(visited).toEqual(Array.from({ length: visited.length }, (_, i) => i + 1));
  expect(visited.length).toBeGreaterThanOrEqual(30);
  expect(await page.locator('article').count()).toBeLessThanOrEqual(60);
});

test('a story told by two outlets: each card’s panel lists the other report, with why, linking to it', async ({
  page,
}) => {
  await page.goto('/?unpublished=1&q=fleshes');
  await expect(page.getByRole('status')).toHaveText('2 articles in 1 story');
  await expect(page.getByRole('article')).toHaveCount(1);
  await page.getByRole('switch', { name: 'Group stories' }).click();
  await expect(page.getByRole('status')).toHaveText('2 articles');
  const [newer, older] = await page.getByRole('article').all();
  if (!newer || !older) throw new Error('expected two cards');
  await newer.getByRole('button', { name: /^\d+ related$/ }).click();
  const story = newer.getByRole('list', { name: 'Same story: Microsoft fleshes out Power Apps' });
  const link = story.getByRole('link', { name: 'Microsoft fleshes out Power Apps' });
  await expect(link).toHaveAttribute(
    'href',
    'https://www.infoworld.com/article/3617869/microsoft-fleshes-out-power-apps.html',
  );
  await expect(story).toContainText('InfoWorld');
  await expect(story).toContainText('first report');
  await older.getByRole('button', { name: /^\d+ related$/ }).click();
  await expect(older.getByRole('list', { name: /^Same story: / })).toContainText('same title');
  await expectSafeLinksAndImages(page);
  await expectNoAxeViolations(page);
});

test('the keyboard: j and r on a card, the shortcuts dialog, and shortcuts turned off', async ({ page }) => {
  await page.goto('/?unpublished=1&q=fleshes');
  await expect(page.getByRole('status')).toHaveText('2 articles in 1 story');
  // The keyboard loads once the first cards are up.
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeEnabled();
  await page.keyboard.press('j');
  const card = page.getByRole('article');
  await expect(card).toBeFocused();
  await page.keyboard.press('r');
  await expect(card.getByRole('list', { name: /^Same story: / })).toBeVisible();
  // o opens the source in a new tab (answered here: this machine has no internet).
  await page
    .context()
    .route(/^https:\/\//, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>The source</title>' }),
    );
  const title = card.getByRole('heading').getByRole('link');
  const href = await title.getAttribute('href');
  const colour = () => title.evaluate((link) => getComputedStyle(link).color);
  const unreadColour = await colour();
  const [source] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('o')]);
  await source.waitForLoadState();
  expect(source.url()).toBe(href);
  await source.close();
  // Opening it marked the story read, and dimmed it; s saves it. Both are kept through a reload (IndexedDB).
  await expect(card.getByText('Read', { exact: true })).toBeVisible();
  expect(await colour()).not.toBe(unreadColour);
  await page.keyboard.press('s');
  await expect(card.getByRole('button', { name: 'Save' })).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(page.getByRole('article').getByText('Read', { exact: true })).toBeVisible();
  await page.getByRole('switch', { name: 'Saved (1)' }).check();
  await expect(page.getByRole('status')).toHaveText('1 saved article');
  await expect(page).toHaveURL(/[?&]saved=1/);
  await page.getByRole('switch', { name: 'Saved (1)' }).uncheck();
  // Both reports of the story were marked read: "Hide read" leaves nothing, and says so.
  await page.getByRole('switch', { name: 'Hide read' }).check();
  await expect(page.getByRole('status')).toHaveText('0 of 2 articles, read hidden');
  await expect(page).toHaveURL(/[?&]hideread=1/);
  await page.getByRole('button', { name: 'Show read articles' }).click();
  await expect(page.getByRole('status')).toHaveText('2 articles in 1 story');
  await page.getByRole('article').focus();

  await page.keyboard.press('Shift+?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('switch', { name: 'Keyboard shortcuts' }).uncheck();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Off, and still off after a reload: j types nothing and moves nothing.
  await page.reload();
  await expect(page.getByRole('status')).toHaveText('2 articles in 1 story');
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeEnabled();
  await page.keyboard.press('j');
  await expect(page.getByRole('article')).not.toBeFocused();
  await expect(page.getByRole('searchbox', { name: 'Search articles' })).toHaveValue('fleshes');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('the page arrives with its first cards drawn, and the app takes over the same cards', async ({
  page,
  request,
}) => {
  const html = await (await request.get('/')).text();
  const drawn = [...html.matchAll(/<h2 class="card-title"[^>]*><a [^>]*>([^<]+)<\/a>/g)].map(
    ([, title]) => title,
  );
  expect(drawn.length).toBeGreaterThan(0);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('net::ERR')) errors.push(message.text());
  });
  // The first card as the page drew it, before any script ran.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { __drawn: Element | null }).__drawn = document.querySelector('article');
    });
  });
  await page.goto('/');
  // The keyboard loads once the app runs: by then it has hydrated the page.
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeEnabled();
  expect(await page.getByRole('article').first().getByRole('heading').textContent()).toBe(
    drawn[0]?.replaceAll('&amp;', '&').replaceAll('&#x27;', "'"),
  );
  expect(
    await page.evaluate(
      () => document.querySelector('article') === (window as unknown as { __drawn: Element }).__drawn,
    ),
  ).toBe(true);
  expect(errors).toEqual([]);
});

test('on a phone, cards are headlines with a thumbnail beside the title; wider, a picture beside the text', async ({
  page,
}) => {
  await page.setViewportSize({ width: 412, height: 823 });
  await page.goto('/');
  const card = page.getByRole('article').first();
  const media = card.locator('.card-media');
  const title = card.getByRole('heading', { level: 2 });
  await expect(title).toBeVisible();
  let [mediaBox, titleBox] = [await media.boundingBox(), await title.boundingBox()];
  expect(mediaBox?.width).toBeLessThan(100);
  expect(mediaBox?.x).toBeGreaterThan((titleBox?.x ?? 0) + (titleBox?.width ?? 0) - 1);
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect.poll(async () => (await media.boundingBox())?.width).toBeGreaterThan(200);
  [mediaBox, titleBox] = [await media.boundingBox(), await title.boundingBox()];
  expect(mediaBox?.x).toBeLessThan(titleBox?.x ?? 0);
  await expectNoAxeViolations(page);
});
