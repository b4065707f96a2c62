import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Runs axe-core on the page as it is, in light and in dark mode, and fails on any violation. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations, passes } = await new AxeBuilder({ page }).analyze();
    // Guards against a run that checked nothing (an empty page passes every rule).
    expect(passes.length).toBeGreaterThan(10);
    const summary = violations.map((violation) => ({
      colorScheme,
      id: violation.id,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
    expect(summary).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Records Content-Security-Policy violations from the first script on; read them with `cspViolations`. */
export async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = violations;
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
}

export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

/**
 * Every link and image on the page is http(s), and every link out opens safely in a new tab; the
 * only links that stay on the site are to its feeds.
 */
export async function expectSafeLinksAndImages(page: Page): Promise<void> {
  const found = await page.evaluate(() => ({
    links: [...document.querySelectorAll('a[href]')].map((a) => ({
      href: a.getAttribute('href') ?? '',
      target: a.getAttribute('target'),
      rel: a.getAttribute('rel') ?? '',
    })),
    sources: [...document.querySelectorAll('[src]')].map((element) => (element as HTMLImageElement).src),
  }));
  for (const link of found.links) {
    if (link.href.startsWith('#')) continue;
    // The site's own files (its feeds) are the only links that stay on it.
    if (link.href.startsWith('/feeds/')) {
      expect(link.href).toMatch(/^\/feeds\/[a-z0-9/.-]+$/);
      continue;
    }
    expect(link.href).toMatch(/^https?:\/\//);
    expect(link.target).toBe('_blank');
    expect(link.rel.split(' ')).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
  }
  for (const source of found.sources) expect(source).toMatch(/^https?:\/\//);
}

/** Waits until the page has drawn two more frames: what a scroll or a click changed is on screen. */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

/** Waits until the page has painted twice and no further page of the feed is loading. */
async function settle(page: Page): Promise<void> {
  await nextFrames(page);
  await page.waitForFunction(() => {
    const loader = document.querySelector('.loading-more');
    if (!loader) return true;
    const box = loader.getBoundingClientRect();
    return box.top > window.innerHeight * 2;
  });
}

/**
 * Scrolls the virtualised feed from its top to its very end, a screen at a time, calling `onScreen`
 * at each stop: the way to see every card when only those near the viewport are in the DOM.
 * Returns the most cards the DOM held at once.
 */
export async function scrollThroughFeed(page: Page, onScreen: () => Promise<void>): Promise<number> {
  await page.evaluate(() => window.scrollTo(0, 0));
  let most = 0;
  for (let stop = 0; stop < 10_000; stop += 1) {
    await settle(page);
    await onScreen();
    most = Math.max(most, await page.locator('article').count());
    const atEnd = await page.evaluate(() => {
      const end = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
      return end && !document.querySelector('.loading-more');
    });
    if (atEnd) return most;
    await page.evaluate(() => window.scrollBy(0, window.innerHeight * 0.8));
  }
  throw new Error('the feed never ended');
}

/** The titles of the cards in the DOM now, in order. */
export function cardTitles(page: Page): Promise<string[]> {
  return page.locator('article h2').allTextContents();
}
