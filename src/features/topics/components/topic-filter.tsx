import { useId } from 'react';
import { isTopicSelected } from '../../../shared/feed-data.ts';

export type TopicCount = { name: string; count: number };
import { pluralize } from '../../../shared/plural.ts';

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
  return (
    <fieldset className="topic-filter">
      <legend>Topics</legend>
      {topics.length === 0 ? (
        <p className="muted">No topics yet.</p>
      ) : (
        <ul className="topic-list">
          {topics.map((topic, index) => (
            <li key={topic.name}>
              <label
                className="topic-option"
                onPointerEnter={() => onIntent?.(topic.name)}
                onFocus={() => onIntent?.(topic.name)}
              >
                <input
                  type="checkbox"
                  checked={isTopicSelected(selected, topic.name)}
                  onChange={() => onToggle(topic.name)}
                  aria-describedby={`${id}-${index}`}
                />
                <span className="topic-name">{topic.name}</span>
                <span className="topic-count" aria-hidden="true">
                  {topic.count}
                </span>
              </label>
              {/* Referenced by aria-describedby: "Portals, checkbox, 15 articles". */}
              <span id={`${id}-${index}`} hidden>
                {pluralize(topic.count, 'article')}
              </span>
            </li>
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
