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

// The coral story's address names its first report, Forbes's.
const coralId = '2020-04-22-intel-accenture-use-ai-to-save-the-coral-reef';

test('a story’s address opens the reader on it, its coverage open and focused', async ({ page }) => {
  await page.goto(`/?story=${coralId}`);
  const shared = page.getByRole('region', { name: 'Shared story' });
  const card = shared.getByRole('article', { name: coral.forbes });
  await expect(card).toBeVisible();
  const panel = card.getByRole('group', { name: `Coverage: ${coral.forbes}` });
  await expect(panel).toBeFocused();
  await expect(panel.getByRole('list', { name: `Same story: ${coral.forbes}` }).getByRole('link')).toHaveText(
    [coral.physOrg, coral.engadget],
  );
  await expectNoAxeViolations(page);
  await shared.getByRole('button', { name: 'Close' }).click();
  await expect(shared).toHaveCount(0);
  await page.goBack();
  await expect(page.getByRole('region', { name: 'Shared story' })).toBeVisible();
});

test('“Copy link” puts the story page’s address on the clipboard', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?q=coral');
  const card = page.getByRole('article', { name: coral.engadget });
  // Chromium on Linux has no Web Share API: the button copies.
  await card.getByRole('button', { name: 'Copy link' }).click();
  await expect(card.getByRole('status')).toHaveText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}story/${coralId}/`);
});

test.describe('a story page without the reader’s scripts', () => {
  test('tells the story, previews itself, is in the sitemap, and leads into the reader', async ({
    page,
    baseURL,
  }) => {
    // The app never loads (blocked, as for a reader without scripts; axe itself needs script).
    await page.route('**/assets/*.js', (route) => route.abort());
    const address = `${baseURL}story/${coralId}/`;
    await page.goto(address);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(coral.forbes);
    await expect(page.getByRole('listitem')).toHaveCount(3);
    await expect(page.getByRole('listitem').first()).toContainText('First reported by Forbes');
    await expect(page.getByRole('listitem').getByRole('link')).toHaveText([
      coral.forbes,
      coral.physOrg,
      coral.engadget,
    ]);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', address);
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', address);
    await expectNoAxeViolations(page);
    const sitemap = await (await page.request.get(`${baseURL}sitemap-1.xml`)).text();
    expect(sitemap).toContain(`<loc>${address}</loc>`);
    await expect(page.getByRole('link', { name: 'Open this story in the reader' })).toHaveAttribute(
      'href',
      `${baseURL}?story=${coralId}`,
    );
  });
});

test('a story page becomes the reader with that story open, axe clean', async ({ page }) => {
  // The page carries no data of its own (it would change with every deploy): the reader fetches the index.
  const index = page.waitForRequest(/\/data\/index\.json$/);
  await page.goto(`/story/${coralId}/`);
  await index;
  const shared = page.getByRole('region', { name: 'Shared story' });
  await expect(shared.getByRole('article')).toHaveAccessibleName(coral.forbes);
  await expect(shared.getByRole('group', { name: `Coverage: ${coral.forbes}` })).toBeFocused();
  await expectNoAxeViolations(page);
  await shared.getByRole('button', { name: 'Close' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('article').first()).toBeVisible();
});
