import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, expectSafeLinksAndImages } from './page-checks.ts';

// The AI archive of April 2020: Project CORaiL (Intel and Accenture's coral reef AI) was reported by
// Forbes, Phys.org and Engadget on the same day, under three different headlines.
test('a story of three outlets: each report’s panel lists the other two, with why, linking to them', async ({
  page,
}) => {
  await page.goto('/?q=coral');
  await expect(page.getByRole('status')).toHaveText('3 articles');
  const forbes = page.getByRole('article', { name: 'Intel & Accenture Use AI To Save The Coral Reef' });
  await forbes.getByRole('button', { name: /^\d+ related$/ }).click();
  const story = forbes.getByRole('list', {
    name: 'Same story: Intel & Accenture Use AI To Save The Coral Reef',
  });
  await expect(story.getByRole('link')).toHaveText([
    'Using artificial intelligence to save coral reefs',
    'Intel is using AI to gather real-time data on coral reef health',
  ]);
  await expect(story).toContainText('Phys.org');
  await expect(story).toContainText('Engadget');
  await expect(story).toContainText('title words in common');
  for (const link of await story.getByRole('link').all()) {
    await expect(link).toHaveAttribute('href', /^https:\/\/(phys\.org|www\.engadget\.com)\//);
  }
  await expectSafeLinksAndImages(page);
  await expectNoAxeViolations(page);
});

test('look-alike market reports of one outlet stay apart', async ({ page }) => {
  await page.goto('/?unpublished=1&q=deal%20crisis');
  await expect(page.getByRole('status')).toHaveText('3 articles');
  for (const card of await page.getByRole('article').all()) {
    await card.getByRole('button', { name: /^\d+ related$/ }).click();
    await expect(card.getByRole('list', { name: /^Same story: / })).toHaveCount(0);
  }
});
