import { useSyncExternalStore } from 'react';

/** How often relative dates ("5 minutes ago") are brought up to date. */
const intervalMs = 60_000;

let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(onChange: () => void): () => void {
  if (listeners.size === 0) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const listener of listeners) listener();
    }, intervalMs);
  }
  listeners.add(onChange);
  return () => {
    listeners.delete(onChange);
    if (listeners.size === 0) clearInterval(timer);
  };
}

/**
 * The current time, refreshed every minute so relative dates stay true; null while the page is
 * rendered at build time and hydrated, when there is no "now" both sides agree on (dates are then
 * shown as dates).
 */
export const useNow = (): number | null =>
  useSyncExternalStore(
    subscribe,
    () => now,
    () => null,
  );
