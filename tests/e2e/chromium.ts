import type { LaunchOptions } from '@playwright/test';

/**
 * How this machine runs a browser: Debian's Chromium (nothing downloads one of its own), headless,
 * with the background networking that the closed network would refuse switched off. Shared by
 * the end-to-end tests and the bench.
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
