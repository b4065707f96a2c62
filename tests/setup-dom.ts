import 'fake-indexeddb/auto';
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

// jsdom does no layout, so it has no ResizeObserver. This stand-in reports each observed element
// once, a microtask after it is observed (a browser reports after layout, before paint), with its
// offsetHeight as its size: 0 unless a test gives elements a height (feed-scale.test.tsx does).
// Layout itself is tested in Chromium (tests/e2e).
// (The DOM typings say ResizeObserver always exists; in jsdom it does not.)
if (!('ResizeObserver' in globalThis)) {
  globalThis.ResizeObserver = class {
    readonly #callback: ResizeObserverCallback;
    readonly #targets = new Set<Element>();
    constructor(callback: ResizeObserverCallback) {
      this.#callback = callback;
    }
    observe(target: Element) {
      this.#targets.add(target);
      queueMicrotask(() => {
        if (!this.#targets.has(target)) return;
        const blockSize = target instanceof HTMLElement ? target.offsetHeight : 0;
        const size = [{ blockSize, inlineSize: 0 }];
        const entry = { target, borderBoxSize: size, contentBoxSize: size } as unknown as ResizeObserverEntry;
        this.#callback([entry], this);
      });
    }
    unobserve(target: Element) {
      this.#targets.delete(target);
    }
    disconnect() {
      this.#targets.clear();
    }
  };
}

// Nor does jsdom scroll, or open a modal <dialog>: stand-ins with the same effect on the DOM (an
// open dialog has its `open` attribute; closing fires `close` and gives focus back to where it
// was, as browsers do). Chromium runs the real ones.
// (The DOM typings say scrollIntoView and showModal always exist; in jsdom they do not.)
if (!('scrollIntoView' in Element.prototype)) Object.assign(Element.prototype, { scrollIntoView() {} });
if (!('showModal' in HTMLDialogElement.prototype)) {
  const openedFrom = new WeakMap<HTMLDialogElement, Element | null>();
  Object.assign(HTMLDialogElement.prototype, {
    showModal(this: HTMLDialogElement) {
      openedFrom.set(this, document.activeElement);
      this.open = true;
    },
    close(this: HTMLDialogElement) {
      if (!this.open) return;
      this.open = false;
      const before = openedFrom.get(this);
      if (before instanceof HTMLElement) before.focus();
      this.dispatchEvent(new Event('close'));
    },
  });
}
