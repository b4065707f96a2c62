import { describe, expect, it } from 'vitest';
import {
  defaultShortcutSettings,
  keyLabel,
  keyOfEvent,
  readShortcutSettings,
  shortcutKeys,
} from '../../../../src/features/keyboard/utils/shortcuts.ts';

const press = (
  key: string,
  mods: Partial<Record<'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey', boolean>> = {},
) => keyOfEvent({ key, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, ...mods });

describe('shortcut keys', () => {
  it('writes a pressed key as tinykeys reads it', () => {
    expect(press('n')).toBe('n');
    expect(press('N', { shiftKey: true })).toBe('Shift+N');
    expect(press('x', { altKey: true })).toBe('Alt+x');
    expect(press('?', { shiftKey: true })).toBe('[Shift]+?');
    expect(press('/')).toBe('[Shift]+/');
    expect(press(' ')).toBe('Space');
    expect(press('ArrowDown')).toBe('ArrowDown');
  });

  it('leaves modifiers alone and the browser’s own shortcuts to the browser', () => {
    expect(press('Shift', { shiftKey: true })).toBeUndefined();
    expect(press('r', { ctrlKey: true })).toBeUndefined();
    expect(press('r', { metaKey: true })).toBeUndefined();
  });

  it('shows a sequence and a symbol as a reader reads them', () => {
    expect(keyLabel('g t')).toBe('g then t');
    expect(keyLabel('[Shift]+?')).toBe('?');
    expect(keyLabel('Shift+N')).toBe('Shift+N');
  });
});

describe('shortcut settings', () => {
  it('puts the reader’s keys before the defaults', () => {
    const keys = shortcutKeys({ enabled: true, keys: { next: 'n' } });
    expect(keys.next).toBe('n');
    expect(keys.previous).toBe('k');
  });

  it('reads what was stored, and nothing it does not know', () => {
    expect(readShortcutSettings({ enabled: false, keys: { next: 'n' } })).toEqual({
      enabled: false,
      keys: { next: 'n' },
    });
    for (const junk of [null, 'on', 42, [], { enabled: 'no' }]) {
      expect(readShortcutSettings(junk)).toEqual(defaultShortcutSettings);
    }
    expect(
      readShortcutSettings({ keys: { next: 7, previous: ' x', open: 'x'.repeat(40), nope: 'q' } }),
    ).toEqual(defaultShortcutSettings);
  });
});
