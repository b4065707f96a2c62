import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import {
  cspViolations,
  expectNoAxeViolations,
  expectSafeLinksAndImages,
  recordCspViolations,
} from './page-checks.ts';

type SeedFile = {
  title: string;
  originalUrl: string;
  provider: { name: string };
  topics: string[];
  related: { title: string; webUrl: string }[];
};

// Expected values come straight from the seed file, read here without the app's pipeline.
const seedText = readFileSync(path.join(import.meta.dirname, '../../seeds/000_0a2167d0d2ea9f38.txt'), 'utf8');
const seed = parse(seedText.split(/^---$/m)[1] ?? '') as SeedFile;

test.beforeEach(async ({ page }) => {
  await recordCspViolations(page);
});

test('opens on the bundled seed: 0 articles, 1 unpublished, no accessibility violations', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('News reader');
  await expect(page.getByRole('status')).toHaveText('0 articles');
  await expect(page.getByRole('switch', { name: 'Show unpublished (1)' })).not.toBeChecked();
  await expect(page.getByText('No published articles yet. 1 unpublished article is hidden.')).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await cspViolations(page)).toEqual([]);
});

test('shows the unpublished seed with its related coverage, every link going to its source', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('switch', { name: 'Show unpublished (1)' }).check();
  await expect(page.getByRole('status')).toHaveText('1 article');
  await expect(page).toHaveURL(/\?unpublished=1$/);

  const card = page.getByRole('article', { name: seed.title });
  await expect(card.getByRole('heading', { level: 2 })).toHaveText(seed.title);
  await expect(card.getByText(seed.provider.name, { exact: true })).toBeVisible();
  await expect(card.getByText('Unpublished', { exact: true })).toBeVisible();
  await expect(card.getByRole('list', { name: 'Topics' }).getByRole('listitem')).toHaveText(seed.topics);

  const title = card.getByRole('link', { name: seed.title });
  await expect(title).toHaveAttribute('href', seed.originalUrl);
  await expect(title).toHaveAttribute('target', '_blank');
  await expect(title).toHaveAttribute('rel', /\bnoopener\b/);

  const toggle = card.getByRole('button', { name: `${seed.related.length} related` });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const panel = card.getByRole('list', { name: `Related reading: ${seed.title}` });
  await expect(panel.getByRole('listitem')).toHaveCount(5);
  for (const item of seed.related) {
    const link = panel.getByRole('link', { name: item.title });
    await expect(link).toHaveAttribute('href', item.webUrl);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', /\bnoopener\b/);
  }
  await expectSafeLinksAndImages(page);
  await expectNoAxeViolations(page);
  expect(await cspViolations(page)).toEqual([]);
});

test('clicking through opens the source in a new tab that cannot reach the reader', async ({
  page,
  context,
}) => {
  // The machine is offline: answer for the source site so the new tab has a page to show.
  await context.route(`${new URL(seed.originalUrl).origin}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>source</title>' }),
  );
  await page.goto('/?unpublished=1');
  const popupPromise = page.waitForEvent('popup');
  await page.getByRole('link', { name: seed.title }).click();
  const popup = await popupPromise;
  await popup.waitForLoadState();
  expect(popup.url()).toBe(seed.originalUrl);
  expect(await popup.evaluate(() => window.opener as unknown)).toBeNull();
  await expect(page.getByRole('status')).toHaveText('1 article');
});

test('filters by a topic chip, keeps it through a reload, and Back undoes it', async ({ page }) => {
  await page.goto('/?unpublished=1');
  await page.getByRole('button', { name: 'Filter by AI', exact: true }).click();
  await expect(page).toHaveURL(/topic=AI/);
  await expect(page.getByRole('checkbox', { name: 'AI', exact: true })).toBeChecked();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'AI', exact: true })).toBeChecked();
  await expect(page.getByRole('status')).toHaveText('1 article');
  await page.goBack();
  await expect(page.getByRole('checkbox', { name: 'AI', exact: true })).not.toBeChecked();
});

test('the Content-Security-Policy refuses an injected inline script', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('status')).toHaveText('0 articles');
  const ran = await page.evaluate(async () => {
    const refused = new Promise((resolve) => document.addEventListener('securitypolicyviolation', resolve));
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.body.append(script);
    // An inline script that may run runs as it is appended; one refused is reported by this event.
    await refused;
    return (window as unknown as { __injected?: boolean }).__injected ?? false;
  });
  expect(ran).toBe(false);
  expect(await cspViolations(page)).toEqual([expect.stringMatching(/^script-src/)]);
});

test('works at phone width with nothing wider than the screen', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/?unpublished=1');
  await expect(page.getByRole('status')).toHaveText('1 article');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
});

test('when the data fails to load, an error offers a retry that works', async ({ page }) => {
  let failures = 0;
  await page.route('**/data/a/0.*.json', async (route) => {
    if (failures === 0) {
      failures += 1;
      await route.fulfill({ status: 503, body: 'unavailable' });
    } else {
      await route.continue();
    }
  });
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The articles could not be loaded. The server answered 503');
  await expect(page.getByRole('status')).toHaveText('No articles loaded');
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('status')).toHaveText('0 articles');
  await expect(alert).toHaveCount(0);
  expect(failures).toBe(1);
});

test('remote images failing (always, offline) leave tidy cards and shift nothing', async ({ page }) => {
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { __shifts: number[] }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('/?unpublished=1');
  const card = page.getByRole('article');
  const media = card.locator('.card-media');
  const before = await media.boundingBox();
  // Wait until the card image and the provider logo have both failed and left the page.
  await expect(card.locator('img')).toHaveCount(0);
  const after = await media.boundingBox();
  expect(after).toEqual(before);
  expect(before?.width).toBeGreaterThan(100);
  expect((before?.width ?? 0) / (before?.height ?? 1)).toBeCloseTo(16 / 9, 1);
  await expect(card.locator('.card-media-placeholder')).toHaveText('V');
  const shifts = await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts);
  expect(shifts.reduce((sum, value) => sum + value, 0)).toBe(0);
});
