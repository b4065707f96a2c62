import { memo, useId } from 'react';
import { isTopicSelected } from '../../../shared/topics.ts';

export type TopicCount = { name: string; count: number };
import { useHydrated } from '../../../hooks/use-hydrated.ts';
import { pluralize } from '../../../lib/plural.ts';

type TopicFilterProps = {
  topics: readonly TopicCount[];
  selected: readonly string[];
  onToggle: (topic: string) => void;
  onClear: () => void;
  /** More topics exist than are listed. */
  more: boolean;
  showingAll: boolean;
  loading: boolean;
  onShowAll: (all: boolean) => void;
  /** The reader is about to toggle `topic` (pointer over it, or focus on it). */
  onIntent?: (topic: string) => void;
};

/**
 * The "Topics" group: one checkbox per topic with its article count, the commonest first (the
 * rest on request). Several may be chosen; an article matches when it carries any of them.
 */
export function TopicFilter({
  topics,
  selected,
  onToggle,
  onClear,
  more,
  showingAll,
  loading,
  onShowAll,
  onIntent,
}: TopicFilterProps) {
  const id = useId();
  // A prerendered page's boxes wait for the app: a box ticked before it runs would lie.
  const hydrated = useHydrated();
  return (
    <fieldset className="topic-filter" disabled={!hydrated}>
      <legend>Topics</legend>
      {topics.length === 0 ? (
        <p className="muted">No topics yet.</p>
      ) : (
        <ul className="topic-list">
          {topics.map((topic, index) => (
            <TopicOption
              key={topic.name}
              name={topic.name}
              count={topic.count}
              checked={isTopicSelected(selected, topic.name)}
              describedBy={`${id}-${index}`}
              onToggle={onToggle}
              onIntent={onIntent}
            />
          ))}
        </ul>
      )}
      {(more || showingAll) && (
        <button
          type="button"
          className="link-button"
          onClick={() => onShowAll(!showingAll)}
          aria-busy={loading || undefined}
        >
          {loading ? 'Loading topics…' : showingAll ? 'Show fewer topics' : 'Show all topics'}
        </button>
      )}
      {selected.length > 0 && (
        <button type="button" className="link-button" onClick={onClear}>
          Clear topics
        </button>
      )}
    </fieldset>
  );
}

type TopicOptionProps = {
  name: string;
  count: number;
  checked: boolean;
  describedBy: string;
  onToggle: (topic: string) => void;
  onIntent: ((topic: string) => void) | undefined;
};

/** One topic's checkbox; memoised, so that a click re-renders the option it changed, not all of them. */
const TopicOption = memo(function TopicOption({
  name,
  count,
  checked,
  describedBy,
  onToggle,
  onIntent,
}: TopicOptionProps) {
  return (
    <li>
      <label
        className="topic-option"
        onPointerEnter={() => onIntent?.(name)}
        onFocus={() => onIntent?.(name)}
      >
        <input
          type="checkbox"
          checked={checked}
          onChange={() => onToggle(name)}
          aria-describedby={describedBy}
        />
        <span className="topic-name">{name}</span>
        <span className="topic-count" aria-hidden="true">
          {count}
        </span>
      </label>
      {/* Referenced by aria-describedby: "Portals, checkbox, 15 articles". */}
      <span id={describedBy} hidden>
        {pluralize(count, 'article')}
      </span>
    </li>
  );
});
