import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { ToggleSwitch } from '../../../components/toggle-switch.tsx';
import {
  keyLabel,
  keyOfEvent,
  shortcutActions,
  shortcutKeys,
  type ShortcutAction,
  type ShortcutSettings,
} from '../utils/shortcuts.ts';

type ShortcutsDialogProps = {
  open: boolean;
  onClose: () => void;
  settings: ShortcutSettings;
  onChange: (settings: ShortcutSettings) => void;
};

/**
 * Every shortcut, with a switch that turns single-key shortcuts off (WCAG 2.1.4) and a way to
 * give each action another key. A modal `<dialog>`: Escape closes it, focus returns where it was.
 */
export function ShortcutsDialog({ open, onClose, settings, onChange }: ShortcutsDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [changing, setChanging] = useState<ShortcutAction | null>(null);
  const [problem, setProblem] = useState('');
  const keys = shortcutKeys(settings);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const record = (action: ShortcutAction, event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'Tab') return;
    event.preventDefault();
    event.stopPropagation();
    if (event.key === 'Escape') {
      setChanging(null);
      return;
    }
    const key = keyOfEvent(event);
    if (!key) return;
    const taken = shortcutActions.find(({ id }) => id !== action && keys[id] === key);
    if (taken) {
      setProblem(`${keyLabel(key)} already does “${taken.label}”.`);
      return;
    }
    setProblem('');
    setChanging(null);
    onChange({ ...settings, keys: { ...settings.keys, [action]: key } });
  };

  return (
    <dialog
      ref={dialog}
      className="shortcuts-dialog"
      aria-labelledby={titleId}
      onClose={() => {
        setChanging(null);
        setProblem('');
        onClose();
      }}
    >
      <h2 id={titleId}>Keyboard shortcuts</h2>
      <ToggleSwitch checked={settings.enabled} onChange={(enabled) => onChange({ ...settings, enabled })}>
        Keyboard shortcuts
      </ToggleSwitch>
      <table className="shortcuts-table">
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Key</th>
            <th scope="col">
              <span className="visually-hidden">Change</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shortcutActions.map(({ id, label }) => (
            <tr key={id}>
              <th scope="row">{label}</th>
              <td>
                <kbd>{keyLabel(keys[id])}</kbd>
              </td>
              <td>
                <button
                  type="button"
                  className="link-button"
                  aria-label={
                    changing === id ? `Press the new key for ${label}` : `Change the key for ${label}`
                  }
                  onClick={() => setChanging(changing === id ? null : id)}
                  onKeyDown={changing === id ? (event) => record(id, event) : undefined}
                  onBlur={() => changing === id && setChanging(null)}
                >
                  {changing === id ? 'Press a key…' : 'Change'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p aria-live="polite" className="shortcuts-problem">
        {problem}
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={() => onChange({ ...settings, keys: {} })}>
          Restore the default keys
        </button>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
