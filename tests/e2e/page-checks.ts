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

/** Every link and image on the page is http(s), and every link out opens safely in a new tab. */
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
    expect(link.href).toMatch(/^https?:\/\//);
    expect(link.target).toBe('_blank');
    expect(link.rel.split(' ')).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
  }
  for (const source of found.sources) expect(source).toMatch(/^https?:\/\//);
}
