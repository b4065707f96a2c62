import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { scheduleQueryUpdatesInMicrotasks } from '../src/app/query-client.ts';

// As the app does at startup (src/app/main.tsx).
scheduleQueryUpdatesInMicrotasks();

afterEach(() => {
  cleanup();
});

// Two busy cores: give findBy/waitFor longer than the default second before they give up. The
// expectations themselves are unchanged, and no test asserts a duration.
configure({ asyncUtilTimeout: 5000 });

// jsdom does no layout, so it has no ResizeObserver; every element measures 0 and the
// virtualised feed renders all its rows. Layout itself is tested in Chromium (tests/e2e).
// (The DOM typings say it always exists; in jsdom it does not.)
if (!('ResizeObserver' in globalThis)) {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
