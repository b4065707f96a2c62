import { useId } from 'react';
import { sortOrders, type SortOrder } from '../utils/feed-params.ts';

const labels: Record<SortOrder, string> = { newest: 'Newest first', oldest: 'Oldest first', top: 'Top' };

type SortSelectProps = { sort: SortOrder; onChange: (sort: SortOrder) => void; disabled?: boolean };

/** The feed's order: newest first, oldest first, or top (the archive's own quality, then newest). */
export function SortSelect({ sort, onChange, disabled = false }: SortSelectProps) {
  const id = useId();
  return (
    <span className="sort">
      <label htmlFor={id}>Sort</label>
      <select
        id={id}
        value={sort}
        disabled={disabled}
        onChange={(event) => onChange(sortOrders.find((order) => order === event.target.value) ?? 'newest')}
      >
        {sortOrders.map((order) => (
          <option key={order} value={order}>
            {labels[order]}
          </option>
        ))}
      </select>
    </span>
  );
}
