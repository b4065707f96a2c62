import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '/work/main/tests/e2e/chromium.ts';
const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage();
page.on('console', (m) => {
  if (!m.text().includes('ERR_NAME')) console.log('console', m.type(), m.text().slice(0, 300));
});
page.on('pageerror', (e) => console.log('pageerror', e.message.slice(0, 300)));
await page.goto('http://localhost:4320/?topic=AI&unpublished=1');
await page.waitForTimeout(5000);
console.log(await page.getByRole('status').count());
await browser.close();
