import { isTopicSelected } from '../../../shared/topics.ts';

type TopicChipsProps = {
  topics: readonly string[];
  selected: readonly string[];
  onToggle: (topic: string) => void;
};

/** A card's topics; pressing one adds it to (or removes it from) the topic filter. */
export function TopicChips({ topics, selected, onToggle }: TopicChipsProps) {
  if (topics.length === 0) return null;
  return (
    <ul className="chips" aria-label="Topics">
      {topics.map((topic) => (
        <li key={topic}>
          <button
            type="button"
            className="chip"
            aria-pressed={isTopicSelected(selected, topic)}
            onClick={() => onToggle(topic)}
            aria-label={`Filter by ${topic}`}
          >
            {topic}
          </button>
        </li>
      ))}
    </ul>
  );
}
