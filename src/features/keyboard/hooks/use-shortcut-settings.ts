import { useCallback, useState } from 'react';
import { readShortcutSettings, type ShortcutSettings } from '../utils/shortcuts.ts';

const storageKey = 'news-reader:shortcuts';

function load(): ShortcutSettings {
  try {
    return readShortcutSettings(JSON.parse(localStorage.getItem(storageKey) ?? 'null'));
  } catch {
    return readShortcutSettings(null);
  }
}

/** The reader's shortcut settings, kept on this device (localStorage). */
export function useShortcutSettings(): [ShortcutSettings, (next: ShortcutSettings) => void] {
  const [settings, setSettings] = useState(load);
  const save = useCallback((next: ShortcutSettings) => {
    setSettings(next);
    try {
      localStorage.setItem(storageKey, JSON.stringify(next));
    } catch {
      // Storage refused (private mode, quota): the choice holds for this visit.
    }
  }, []);
  return [settings, save];
}
