import { expect, test } from '@playwright/test';
import {
  allCases,
  awkwardCases,
  brokenCases,
  neutralisedCases,
  prototypeCases,
} from '../fixtures/hostile/cases.ts';
import { cspViolations, expectNoAxeViolations, recordCspViolations } from './page-checks.ts';

const keptTitles = [...neutralisedCases, ...prototypeCases, ...awkwardCases].map((c) => {
  if (c.expect.outcome === 'rejected') throw new Error(`${c.file} is not kept`);
  return c.expect.article.title;
});

test.beforeEach(async ({ page }) => {
  await recordCspViolations(page);
});

test('the adversarial set: nothing runs, nothing unsafe is linked, every valid title shows once', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/?unpublished=1');
  await expect(page.getByRole('status')).toHaveText(`${keptTitles.length} articles`);

  // Open every related panel and start every video, so that all content is on the page.
  const relatedButtons = page.getByRole('button', { name: /^\d+ related$/ });
  for (const button of await relatedButtons.all()) await button.click();
  await expect(page.getByRole('button', { name: /^\d+ related$/, expanded: false })).toHaveCount(0);
  const playButtons = page.getByRole('button', { name: /^Play video: / });
  const videos = await playButtons.count();
  expect(videos).toBeGreaterThanOrEqual(2);
  while ((await playButtons.count()) > 0) await playButtons.first().click();
  await expect(page.locator('iframe')).toHaveCount(videos);

  const found = await page.evaluate(() => {
    const elements = [...document.querySelectorAll('*')];
    return {
      pwned: (window as unknown as { __pwned?: string }).__pwned ?? null,
      hrefs: [...document.querySelectorAll('[href]')].map((e) => (e as HTMLAnchorElement).href),
      srcs: [...document.querySelectorAll('[src]')].map((e) => (e as HTMLImageElement).src),
      scripts: [...document.scripts].map((s) => ({ src: s.src, inline: s.textContent })),
      handlers: elements.flatMap((e) =>
        [...e.attributes]
          .filter((a) => a.name.toLowerCase().startsWith('on'))
          .map((a) => `${e.tagName} ${a.name}`),
      ),
      frames: [...document.querySelectorAll('iframe')].map((f) => f.src),
      origin: window.location.origin,
    };
  });
  expect(found.pwned).toBeNull();
  expect(found.handlers).toEqual([]);
  for (const url of [...found.hrefs, ...found.srcs]) expect(url).toMatch(/^https?:\/\//);
  for (const script of found.scripts) {
    expect(script.src.startsWith(`${found.origin}/assets/`)).toBe(true);
    expect(script.inline).toBe('');
  }
  for (const frame of found.frames)
    expect(frame).toMatch(/^https:\/\/www\.youtube-nocookie\.com\/embed\/[\w-]{11}\?autoplay=1$/);

  for (const title of keptTitles) {
    await expect(page.getByRole('heading', { level: 2, name: title, exact: true }), title).toHaveCount(1);
  }
  await expect(page.getByText('A file outside the seeds folder')).toHaveCount(0);
  expect(await cspViolations(page)).toEqual([]);
});

test('the adversarial set passes axe-core, in light and dark', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/?unpublished=1');
  await expect(page.getByRole('status')).toHaveText(`${keptTitles.length} articles`);
  await expectNoAxeViolations(page);
});

test('the fixture set is the one the unit tests check', () => {
  expect(brokenCases.length + keptTitles.length).toBe(allCases.length);
  expect(new Set(keptTitles).size).toBe(keptTitles.length);
});
