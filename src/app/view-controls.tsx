import type { FeedParams } from '../shared/feed-params.ts';
import { ToggleSwitch } from '../components/toggle-switch.tsx';
import { SortSelect } from '../features/feed/components/sort-select.tsx';

type ViewControlsProps = {
  params: FeedParams;
  onChange: (params: FeedParams) => void;
  savedCount: number;
  unpublishedCount: number;
};

/** How the feed is shown, beside its status line: its order, and what it leaves out or groups. */
export function ViewControls({ params, onChange, savedCount, unpublishedCount }: ViewControlsProps) {
  const set = (change: Partial<FeedParams>) => onChange({ ...params, ...change });
  return (
    <>
      <SortSelect sort={params.sort} onChange={(sort) => set({ sort })} />
      <ToggleSwitch checked={params.hideRead} onChange={(hideRead) => set({ hideRead })}>
        Hide read
      </ToggleSwitch>
      <ToggleSwitch checked={params.savedOnly} onChange={(savedOnly) => set({ savedOnly })}>
        Saved ({savedCount.toLocaleString('en')})
      </ToggleSwitch>
      <ToggleSwitch checked={params.groupStories} onChange={(groupStories) => set({ groupStories })}>
        Group stories
      </ToggleSwitch>
      <ToggleSwitch checked={params.showUnpublished} onChange={(showUnpublished) => set({ showUnpublished })}>
        Show unpublished ({unpublishedCount.toLocaleString('en')})
      </ToggleSwitch>
    </>
  );
}
