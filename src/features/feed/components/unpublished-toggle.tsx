type UnpublishedToggleProps = {
  count: number;
  checked: boolean;
  onChange: (checked: boolean) => void;
};

/** "Show unpublished (N)": reveals the articles an editor rejected, marked as such. */
export function UnpublishedToggle({ count, checked, onChange }: UnpublishedToggleProps) {
  return (
    <label className="toggle">
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>Show unpublished ({count.toLocaleString('en')})</span>
    </label>
  );
}
