import { useEffect, useRef } from 'react';
import { tinykeys } from 'tinykeys';
import { shortcutKeys, type ShortcutAction, type ShortcutSettings } from '../../../shared/shortcuts.ts';

export type ShortcutHandlers = Partial<Record<ShortcutAction, (event: KeyboardEvent) => void>>;

/**
 * Listens for the shortcuts (tinykeys), each calling its handler; none while single-key shortcuts
 * are off, and none while typing in a field (tinykeys' own rule) or in a dialog.
 */
export function useShortcuts(settings: ShortcutSettings, handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!settings.enabled) return undefined;
    const keys = shortcutKeys(settings);
    const bindings = Object.fromEntries(
      (Object.entries(keys) as [ShortcutAction, string][]).map(([action, key]) => [
        key,
        (event: KeyboardEvent) => {
          const handler = latest.current[action];
          if (!handler) return;
          event.preventDefault();
          handler(event);
        },
      ]),
    );
    return tinykeys(window, bindings, {
      ignore: (event) => {
        const target = event.target instanceof Element ? event.target : null;
        return (
          event.ctrlKey ||
          event.metaKey ||
          target?.closest('input, textarea, select, [contenteditable], dialog') != null
        );
      },
    });
  }, [settings]);
}
