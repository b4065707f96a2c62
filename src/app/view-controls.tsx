import type { FeedParams } from '../features/feed/utils/feed-params.ts';
import { ToggleSwitch } from '../components/toggle-switch.tsx';
import { useHydrated } from '../hooks/use-hydrated.ts';
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
  // A prerendered page's controls wait for the app: a switch flipped before it runs would lie.
  const disabled = !useHydrated();
  return (
    <>
      <SortSelect sort={params.sort} onChange={(sort) => set({ sort })} disabled={disabled} />
      <ToggleSwitch checked={params.hideRead} onChange={(hideRead) => set({ hideRead })} disabled={disabled}>
        Hide read
      </ToggleSwitch>
      <ToggleSwitch
        checked={params.savedOnly}
        onChange={(savedOnly) => set({ savedOnly })}
        disabled={disabled}
      >
        Saved ({savedCount.toLocaleString('en')})
      </ToggleSwitch>
      <ToggleSwitch
        checked={params.groupStories}
        onChange={(groupStories) => set({ groupStories })}
        disabled={disabled}
      >
        Group stories
      </ToggleSwitch>
      <ToggleSwitch
        checked={params.showUnpublished}
        onChange={(showUnpublished) => set({ showUnpublished })}
        disabled={disabled}
      >
        Show unpublished ({unpublishedCount.toLocaleString('en')})
      </ToggleSwitch>
    </>
  );
}
