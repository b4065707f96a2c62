import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { devSeedsDir } from './servers.ts';

const dir = path.join(import.meta.dirname, '../..', devSeedsDir);
const file = path.join(dir, 'live-update.md');

function writeSeed(title: string): void {
  writeFileSync(
    file,
    [
      '---',
      `title: "${title}"`,
      'publishedDateTime: 2024-01-01T00:00:00Z',
      'originalUrl: "https://live.example/story"',
      'topics: [AI]',
      '---',
      '',
    ].join('\n'),
  );
}

test.afterEach(() => {
  rmSync(file, { force: true });
});

test('the open page follows seed files being added, edited and removed, keeping its filters', async ({
  page,
}) => {
  await page.goto('/?topic=AI&unpublished=1');
  const status = page.getByRole('status');
  await expect(status).toHaveText('1 article');
  // A marker on window proves that the page updated in place rather than reloading.
  await page.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
  });

  writeSeed('Added while the page was open');
  await expect(page.getByRole('heading', { name: 'Added while the page was open' })).toBeVisible();
  await expect(status).toHaveText('2 articles');

  writeSeed('Edited while the page was open');
  await expect(page.getByRole('heading', { name: 'Edited while the page was open' })).toBeVisible();
  await expect(status).toHaveText('2 articles');

  rmSync(file);
  await expect(status).toHaveText('1 article');
  await expect(page).toHaveURL(/\?topic=AI&unpublished=1$/);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(
    true,
  );
});

test('a seed added with the same story as an open card joins its story, and leaves it when removed', async ({
  page,
}) => {
  await page.goto('/?unpublished=1&group=0');
  const seedTitle =
    'Facebook’s new computer vision model achieves state-of-the-art performance by learning from random images';
  const card = page.getByRole('article', { name: seedTitle }).filter({ hasText: 'VentureBeat' });
  await expect(card.getByRole('button', { name: '5 related' })).toBeVisible();
  writeFileSync(
    file,
    [
      '---',
      `title: "${seedTitle}"`,
      'publishedDateTime: 2021-03-04T09:00:00Z',
      'originalUrl: "https://another-outlet.example/facebook-seer"',
      'provider:',
      '  name: Another Outlet',
      '---',
      '',
    ].join('\n'),
  );
  // The seed's card now counts the new report, and its panel lists it as the same story.
  const toggle = card.getByRole('button', { name: '6 related' });
  await expect(toggle).toBeVisible();
  await toggle.click();
  const story = card.getByRole('list', { name: `Same story: ${seedTitle}` });
  await expect(story.getByRole('link')).toHaveAttribute(
    'href',
    'https://another-outlet.example/facebook-seer',
  );
  await expect(story).toContainText('same title');
  // Grouped, the story is one card: the newer report, naming the seed's outlet.
  await page.getByRole('switch', { name: 'Group stories' }).click();
  await expect(page.getByRole('status')).toHaveText('2 articles in 1 story');
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByRole('article')).toContainText('Also VentureBeat');

  rmSync(file);
  await expect(
    page.getByRole('article', { name: seedTitle }).getByRole('button', { name: '5 related' }),
  ).toBeVisible();
});

test('the dev server never registers the service worker', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('status')).toHaveText(/articles?/);
  // The keyboard loads with the service worker's module in a build: by then it would have registered.
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeEnabled();
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  expect((await page.request.get('/sw.js')).headers()['content-type'] ?? '').not.toMatch(/javascript/);
});
