import { useEffect, useRef } from 'react';
import { tinykeys } from 'tinykeys';
import { shortcutKeys, type ShortcutAction, type ShortcutSettings } from '../utils/shortcuts.ts';

/** Inputs that take no typing: a shortcut pressed on one of them is a shortcut. */
const pressOnly = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);

/** Whether keys pressed on `target` are typing (a text field, a list, editable text) or in a dialog. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('dialog, textarea, select, [contenteditable]')) return true;
  return target instanceof HTMLInputElement && !pressOnly.has(target.type);
}

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
      ignore: (event) => event.ctrlKey || event.metaKey || typingIn(event.target),
    });
  }, [settings]);
}
