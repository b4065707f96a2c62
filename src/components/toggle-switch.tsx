import type { ReactNode } from 'react';

type ToggleSwitchProps = {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** The label, naming the switch. */
  children: ReactNode;
};

/** A labelled on/off switch ("Group stories", "Show unpublished (N)"). */
export function ToggleSwitch({ checked, onChange, children }: ToggleSwitchProps) {
  return (
    <label className="toggle">
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>{children}</span>
    </label>
  );
}
