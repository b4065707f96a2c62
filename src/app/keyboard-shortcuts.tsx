import { lazy, Suspense, type ComponentProps } from 'react';

// The keyboard (tinykeys, the bindings, the dialog's button) loads once the first cards are up: it
// was 1.9 KB (gzip) of the first screen, which is held to 110 KB (see the README's scale table).
const ReaderShortcuts = lazy(async () => ({
  default: (await import('./reader-shortcuts.tsx')).ReaderShortcuts,
}));

/** The keyboard's button until the keyboard has loaded: in its place, so that nothing moves. */
const loading = (
  <button type="button" className="link-button shortcuts-button" disabled>
    Keyboard shortcuts
  </button>
);

type KeyboardShortcutsProps = ComponentProps<typeof ReaderShortcuts> & {
  /** Load the keyboard now (once the first cards are up). */
  load: boolean;
};

/** The reader's keyboard (see reader-shortcuts.tsx), loaded when `load` first holds. */
export function KeyboardShortcuts({ load, ...props }: KeyboardShortcutsProps) {
  return load ? (
    <Suspense fallback={loading}>
      <ReaderShortcuts {...props} />
    </Suspense>
  ) : (
    loading
  );
}
