import { expect, test } from '@playwright/test';
import {
  allCases,
  awkwardCases,
  brokenCases,
  neutralisedCases,
  prototypeCases,
} from '../fixtures/hostile/cases.ts';
import {
  cspViolations,
  expectNoAxeViolations,
  recordCspViolations,
  scrollThroughFeed,
} from './page-checks.ts';

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
  // A tall window: many cards per screen, so fewer stops (the feed stays virtualised).
  await page.setViewportSize({ width: 1280, height: 4000 });
  await page.goto('/?unpublished=1');
  await expect(page.getByRole('status')).toHaveText(`${keptTitles.length} articles`);

  // Open every related panel and start every video, screen by screen, so that all content has been
  // on the page; collect what each screen holds.
  const found = {
    pwned: [] as (string | null)[],
    hrefs: [] as string[],
    srcs: [] as string[],
    handlers: [] as string[],
    frames: [] as string[],
    scripts: [] as { src: string; inline: string }[],
    titles: new Map<string, string>(),
  };
  let videos = 0;
  const collect = async () => {
    const screen = await page.evaluate(() => {
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
        titles: [...document.querySelectorAll('li[aria-posinset]')].map(
          (li) =>
            [li.getAttribute('aria-posinset') ?? '', li.querySelector('h2')?.textContent ?? ''] as const,
        ),
      };
    });
    found.pwned.push(screen.pwned);
    found.hrefs.push(...screen.hrefs);
    found.srcs.push(...screen.srcs);
    found.scripts.push(...screen.scripts);
    found.handlers.push(...screen.handlers);
    found.frames.push(...screen.frames);
    for (const [position, title] of screen.titles) found.titles.set(position, title);
  };
  await scrollThroughFeed(page, async () => {
    await collect();
    // One at a time: each panel that opens moves (and may unmount) the cards below it.
    const closed = page.getByRole('button', { name: /^\d+ related$/, expanded: false });
    while ((await closed.count()) > 0) await closed.first().click();
    // Their items load as they open: every one of them is on the page before it is collected.
    await expect(page.getByText(/^Loading \d+ related stor/)).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
    const playButtons = page.getByRole('button', { name: /^Play video: / });
    while ((await playButtons.count()) > 0) {
      await playButtons.first().click();
      videos += 1;
    }
    // Clicking may have scrolled: what is on screen now is collected too.
    await collect();
  });
  expect(videos).toBeGreaterThanOrEqual(2);
  expect(found.frames.length).toBeGreaterThanOrEqual(videos);
  const origin = new URL(page.url()).origin;
  expect(found.pwned.filter((value) => value !== null)).toEqual([]);
  expect(found.handlers).toEqual([]);
  for (const url of [...found.hrefs, ...found.srcs]) expect(url).toMatch(/^https?:\/\//);
  for (const script of found.scripts) {
    expect(script.src.startsWith(`${origin}/assets/`)).toBe(true);
    expect(script.inline).toBe('');
  }
  for (const frame of found.frames)
    expect(frame).toMatch(/^https:\/\/www\.youtube-nocookie\.com\/embed\/[\w-]{11}\?autoplay=1$/);

  // Every kept title exactly once in the whole feed.
  const shown = [...found.titles.values()];
  expect(found.titles.size).toBe(keptTitles.length);
  for (const title of keptTitles)
    expect(
      shown.filter((t) => t === title),
      title,
    ).toHaveLength(1);
  await expect(page.getByText('A file outside the seeds folder')).toHaveCount(0);
  expect(await cspViolations(page)).toEqual([]);
});

test('the adversarial set passes axe-core, in light and dark', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/?unpublished=1');
  await expect(page.getByRole('status')).toHaveText(`${keptTitles.length} articles`);
  // axe-core is slow per run: a tall window puts many cards in each of the few screens it checks.
  await page.setViewportSize({ width: 1280, height: 6000 });
  await scrollThroughFeed(page, () => expectNoAxeViolations(page));
});

test('the fixture set is the one the unit tests check', () => {
  expect(brokenCases.length + keptTitles.length).toBe(allCases.length);
  expect(new Set(keptTitles).size).toBe(keptTitles.length);
});
