import type { ReactNode } from 'react';

type ToggleSwitchProps = {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** The label, naming the switch. */
  children: ReactNode;
  disabled?: boolean;
};

/** A labelled on/off switch ("Group stories", "Show unpublished (N)"). */
export function ToggleSwitch({ checked, onChange, children, disabled = false }: ToggleSwitchProps) {
  return (
    <label className="toggle">
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>{children}</span>
    </label>
  );
}
