type RelatedToggleProps = {
  count: number;
  expanded: boolean;
  controls: string;
  describedBy: string;
  onToggle: () => void;
};

/** The disclosure button, "5 related", that opens the related panel in place. */
export function RelatedToggle({ count, expanded, controls, describedBy, onToggle }: RelatedToggleProps) {
  return (
    <button
      type="button"
      className="related-toggle"
      aria-expanded={expanded}
      aria-controls={controls}
      aria-describedby={describedBy}
      onClick={onToggle}
    >
      <span className="chevron" aria-hidden="true" />
      {count} related
    </button>
  );
}
