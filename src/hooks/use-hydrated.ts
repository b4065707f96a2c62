import { useSyncExternalStore } from 'react';

const noChange = () => () => undefined;

/** False while the page is rendered at build time and while the browser hydrates it; true after. */
export const useHydrated = (): boolean =>
  useSyncExternalStore(
    noChange,
    () => true,
    () => false,
  );
