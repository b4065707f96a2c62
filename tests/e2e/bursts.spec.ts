import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, expectSafeLinksAndImages } from './page-checks.ts';

// June 2020, facial recognition: on June 9 twelve outlets reported IBM's exit from the business,
// each headline opening on "IBM" in its own words, sharing little else (the month is about facial
// recognition, so those words weigh nothing). One story, found by the burst of headlines. (Most
// of the month's files are unpublished: the views show them; the day's search keeps every card of
// it on the first screen.)
const ibm = {
  first: 'IBM gets out of facial recognition business',
  newest: 'IBM is canceling its facial recognition programs',
  reports: 12,
};

test('a burst of paraphrased headlines is one card, its panel saying why each report joined', async ({
  page,
}) => {
  await page.goto('/?q=ibm%20date%3A2020-06-09&unpublished=1');
  const card = page.getByRole('article', { name: ibm.newest });
  await expect(card).toBeVisible();
  // The first report is in the story, not a card of its own.
  await expect(page.getByRole('article', { name: ibm.first })).toHaveCount(0);
  // Eleven other outlets: three named, then how many more.
  await expect(card).toContainText(/Also [^,]+, [^,]+, .+ and 8 more/);
  await card.getByRole('button', { name: /^\d+ related$/ }).click();
  const story = card.getByRole('list', { name: `Same story: ${ibm.newest}` });
  await expect(story.getByRole('link')).toHaveCount(ibm.reports - 1);
  await expect(story.getByRole('link', { name: ibm.first })).toHaveAttribute(
    'href',
    /^https:\/\/www\.reuters\.com\//,
  );
  await expect(story).toContainText('first report');
  await expect(story).toContainText('headlines open on the same name, within a day');
  await expectSafeLinksAndImages(page);
  await expectNoAxeViolations(page);
});

test('with “Group stories” off each report of the burst is a card of its own', async ({ page }) => {
  // Oldest first, so that the first reports open the list.
  await page.goto('/?q=ibm%20date%3A2020-06-09&unpublished=1&group=0&sort=oldest');
  await expect(page.getByRole('article', { name: ibm.first })).toBeVisible();
  await expect(page.getByText(/^Also /)).toHaveCount(0);
  // Its panel still lists the story it belongs to.
  const first = page.getByRole('article', { name: ibm.first });
  await first.getByRole('button', { name: /^\d+ related$/ }).click();
  await expect(first.getByRole('list', { name: `Same story: ${ibm.first}` }).getByRole('link')).toHaveCount(
    ibm.reports - 1,
  );
});
