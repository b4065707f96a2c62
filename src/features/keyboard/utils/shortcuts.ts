/**
 * The reader's keyboard shortcuts, in the tradition of Google Reader and Miniflux, and the reader's
 * own choices about them (kept on the device): whether single-key shortcuts are on at all (WCAG
 * 2.1.4) and which key does what. Keys are written as tinykeys writes them: `j`, `g t` (a
 * sequence), `Shift+N`, `[Shift]+?` (a symbol, whichever keyboard needs Shift for it).
 */

export const shortcutActions = [
  { id: 'next', label: 'Next card', key: 'j' },
  { id: 'previous', label: 'Previous card', key: 'k' },
  { id: 'open', label: 'Open the source (also Enter on a card)', key: 'o' },
  { id: 'related', label: 'Open or close the related coverage', key: 'r' },
  { id: 'video', label: 'Play the video', key: 'v' },
  { id: 'read', label: 'Mark the story read or unread', key: 'm' },
  { id: 'save', label: 'Save or unsave', key: 's' },
  { id: 'share', label: 'Share the story, or copy its link', key: 'c' },
  { id: 'search', label: 'Search', key: '/' },
  { id: 'topics', label: 'Go to the topics', key: 'g t' },
  { id: 'help', label: 'This list of shortcuts', key: '[Shift]+?' },
] as const;

export type ShortcutAction = (typeof shortcutActions)[number]['id'];

export type ShortcutSettings = {
  /** Single-key shortcuts on (the default) or off. */
  enabled: boolean;
  /** Keys the reader chose instead of the defaults. */
  keys: Partial<Record<ShortcutAction, string>>;
};

export const defaultShortcutSettings: ShortcutSettings = { enabled: true, keys: {} };

/** The key of each action, the reader's choice first. */
export function shortcutKeys(settings: ShortcutSettings): Record<ShortcutAction, string> {
  return Object.fromEntries(shortcutActions.map(({ id, key }) => [id, settings.keys[id] ?? key])) as Record<
    ShortcutAction,
    string
  >;
}

/** What a shortcut reads of a key press (a DOM KeyboardEvent has it). */
export type KeyPress = {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
};

const modifierKeys = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock', 'Dead']);

/**
 * The key pressed, written as a shortcut (`n`, `Shift+N`, `Alt+x`, `[Shift]+!`); undefined for a
 * modifier on its own or a key with Control or Meta, which belong to the browser.
 */
export function keyOfEvent(event: KeyPress): string | undefined {
  if (modifierKeys.has(event.key) || event.ctrlKey || event.metaKey || event.key === '') return undefined;
  const key = event.key === ' ' ? 'Space' : event.key;
  // A symbol names its shifted character already ("?" is Shift+/ on one keyboard, not on another).
  const symbol = key.length === 1 && !/\p{L}/u.test(key);
  const shift = symbol ? '[Shift]+' : event.shiftKey ? 'Shift+' : '';
  return `${event.altKey ? 'Alt+' : ''}${shift}${key}`;
}

/** How a key is shown in the help: `g t` as "g then t", `[Shift]+?` as "?". */
export const keyLabel = (key: string): string =>
  key
    .split(' ')
    .map((press) => press.replace(/^\[Shift\]\+/, ''))
    .join(' then ');

/** Settings as stored (any JSON), or the defaults for anything that is not a valid part of them. */
export function readShortcutSettings(stored: unknown): ShortcutSettings {
  if (typeof stored !== 'object' || stored === null) return defaultShortcutSettings;
  const { enabled, keys } = stored as { enabled?: unknown; keys?: unknown };
  const chosen: ShortcutSettings['keys'] = {};
  if (typeof keys === 'object' && keys !== null) {
    for (const { id } of shortcutActions) {
      const key: unknown = (keys as Record<string, unknown>)[id];
      if (typeof key === 'string' && /^\S.{0,30}$/.test(key)) chosen[id] = key;
    }
  }
  return { enabled: typeof enabled === 'boolean' ? enabled : true, keys: chosen };
}
