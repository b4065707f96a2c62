import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, expectSafeLinksAndImages } from './page-checks.ts';

// The AI archive of April 2020: Project CORaiL (Intel and Accenture's coral reef AI) was reported by
// Forbes, Phys.org and Engadget on the same day, under three different headlines.
const coral = {
  forbes: 'Intel & Accenture Use AI To Save The Coral Reef',
  physOrg: 'Using artificial intelligence to save coral reefs',
  engadget: 'Intel is using AI to gather real-time data on coral reef health',
};

test('a story of three outlets is one card naming the others, its panel linking to them', async ({
  page,
}) => {
  await page.goto('/?q=coral');
  await expect(page.getByRole('status')).toHaveText('3 articles in 1 story');
  const card = page.getByRole('article');
  await expect(card).toHaveCount(1);
  // The newest report stands for the story; the card names the other two outlets.
  await expect(card.getByRole('heading')).toHaveText(coral.engadget);
  await expect(card).toContainText('Also Forbes and Phys.org');
  await card.getByRole('button', { name: /^\d+ related$/ }).click();
  const story = card.getByRole('list', { name: `Same story: ${coral.engadget}` });
  await expect(story.getByRole('link')).toHaveText([coral.forbes, coral.physOrg]);
  await expect(story).toContainText('first report');
  for (const link of await story.getByRole('link').all()) {
    await expect(link).toHaveAttribute('href', /^https:\/\/(www\.forbes\.com|phys\.org)\//);
  }
  await expectNoAxeViolations(page);
});

test('“Group stories” off shows each report, in the URL, and Back groups them again', async ({ page }) => {
  await page.goto('/?q=coral');
  await expect(page.getByRole('article')).toHaveCount(1);
  await page.getByRole('switch', { name: 'Group stories' }).click();
  await expect(page).toHaveURL(/[?&]group=0(&|$)/);
  await expect(page.getByRole('status')).toHaveText('3 articles');
  await expect(page.getByRole('article')).toHaveCount(3);
  await expect(page.getByText(/^Also /)).toHaveCount(0);
  const forbes = page.getByRole('article', { name: coral.forbes });
  await forbes.getByRole('button', { name: /^\d+ related$/ }).click();
  const story = forbes.getByRole('list', { name: `Same story: ${coral.forbes}` });
  await expect(story.getByRole('link')).toHaveText([coral.physOrg, coral.engadget]);
  await expect(story).toContainText('Phys.org');
  await expect(story).toContainText('Engadget');
  await expect(story).toContainText('title words in common');
  for (const link of await story.getByRole('link').all()) {
    await expect(link).toHaveAttribute('href', /^https:\/\/(phys\.org|www\.engadget\.com)\//);
  }
  await expectSafeLinksAndImages(page);
  await expectNoAxeViolations(page);
  // A shared link opens the same view.
  await page.reload();
  await expect(page.getByRole('article')).toHaveCount(3);
  await page.goBack();
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByRole('switch', { name: 'Group stories' })).toBeChecked();
});

test('the whole archive counts its articles and its stories', async ({ page }) => {
  await page.goto('/?unpublished=1');
  await expect(page.getByRole('status')).toHaveText('95 articles in 89 stories');
});

test('look-alike market reports of one outlet stay apart', async ({ page }) => {
  await page.goto('/?unpublished=1&q=deal%20crisis');
  await expect(page.getByRole('status')).toHaveText('3 articles');
  for (const card of await page.getByRole('article').all()) {
    await card.getByRole('button', { name: /^\d+ related$/ }).click();
    await expect(card.getByRole('list', { name: /^Same story: / })).toHaveCount(0);
  }
});
