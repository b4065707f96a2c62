import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { corpusDir } from './playwright.config.ts';
import {
  cspViolations,
  expectNoAxeViolations,
  expectSafeLinksAndImages,
  recordCspViolations,
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
  await page.goto('/');
  const status = page.getByRole('status');
  await expect(status).toHaveText('131 articles');
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('article')).toHaveCount(131);
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
  await expect(status).toHaveText('191 articles');
  expect(await cspViolations(page)).toEqual([]);
});

test('several topics match any of them', async ({ page }) => {
  await page.goto('/?topic=Portals&topic=AI%20Builder');
  await expect(page.getByRole('status')).toHaveText('19 articles');
});

test('each of the 12 videos carries a video badge', async ({ page }) => {
  expect(videoTitles).toHaveLength(12);
  await page.goto('/?unpublished=1');
  await expect(page.getByRole('status')).toHaveText('191 articles');
  for (const title of videoTitles) {
    await expect(
      page.getByRole('article', { name: title }).getByText('Video', { exact: true }),
    ).toBeVisible();
  }
  await expect(page.locator('.badge-video')).toHaveCount(12);
});

test('every link and image is http(s), and there are no accessibility violations', async ({ page }) => {
  // axe-core checks 191 cards twice (light and dark): slow on two cores, so more time than usual.
  test.setTimeout(180_000);
  await page.goto('/?unpublished=1');
  await expect(page.getByRole('status')).toHaveText('191 articles');
  await expectSafeLinksAndImages(page);
  await expectNoAxeViolations(page);
});

test('a video plays only after a click, from youtube-nocookie.com', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('status')).toHaveText('131 articles');
  await expect(page.locator('iframe')).toHaveCount(0);
  const play = page.getByRole('button', { name: /^Play video: / }).first();
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
  await page.screenshot({ path: path.join(import.meta.dirname, '../../docs/screenshot.png') });
});
