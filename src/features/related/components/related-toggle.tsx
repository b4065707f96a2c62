type RelatedToggleProps = {
  count: number;
  expanded: boolean;
  controls: string;
  describedBy: string;
  onToggle: () => void;
  /** The reader is about to press it: a pointer rests on it, or the keyboard reached it. */
  onIntent: () => void;
};

/** The disclosure button, "5 related", that opens the related panel in place. */
export function RelatedToggle({
  count,
  expanded,
  controls,
  describedBy,
  onToggle,
  onIntent,
}: RelatedToggleProps) {
  return (
    <button
      type="button"
      className="related-toggle"
      aria-expanded={expanded}
      aria-controls={controls}
      aria-describedby={describedBy}
      onClick={onToggle}
      onPointerEnter={onIntent}
      onFocus={onIntent}
    >
      <span className="chevron" aria-hidden="true" />
      {count} related
    </button>
  );
}
