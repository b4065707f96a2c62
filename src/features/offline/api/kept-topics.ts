import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useOnline } from '../../../hooks/use-online.ts';
import { dataFileQuery, newsKey } from '../../../lib/data-file.ts';
import { dataPath, type NewsIndex, type TopicStat } from '../../../shared/data-folder.ts';
import { saveTopicOffline } from './save-topic.ts';

/**
 * The topics this device keeps for offline reading, by name (a topic's id is a build's own), and
 * the archive they were last saved from (see newsKey). A deploy gives the pieces a topic reads new
 * names as their content changes (its newest page, its list, their manifests): a topic saved once
 * would then not open offline. So a saved topic is kept, as a subscription is: the page saves it
 * again from each new archive it opens (see useRefreshKeptTopics).
 */
export type KeptTopics = { names: readonly string[]; archive: string };

const storageKey = 'news-reader:offline-topics';
const none: KeptTopics = { names: [], archive: '' };

/** What storage holds, or nothing kept when it holds something else. */
export function readKeptTopics(stored: unknown): KeptTopics {
  if (typeof stored !== 'object' || stored === null) return none;
  const { names, archive } = stored as { names?: unknown; archive?: unknown };
  if (!Array.isArray(names) || typeof archive !== 'string') return none;
  return { names: names.filter((name): name is string => typeof name === 'string'), archive };
}

// One object per stored text, as useSyncExternalStore needs: read again only when it changed.
let cached: { text: string | null; kept: KeptTopics } | undefined;
function load(): KeptTopics {
  let text: string | null = null;
  try {
    text = localStorage.getItem(storageKey);
  } catch {
    // Storage refused (private mode): nothing kept.
  }
  if (cached?.text !== text) {
    let stored: unknown = null;
    try {
      stored = JSON.parse(text ?? 'null');
    } catch {
      // Not JSON: nothing kept.
    }
    cached = { text, kept: readKeptTopics(stored) };
  }
  return cached.kept;
}

const listeners = new Set<() => void>();
function store(kept: KeptTopics): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(kept));
  } catch {
    // Storage refused: the topics are saved now, and not kept up to date.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab of the reader kept or forgot a topic.
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

/** Adds `names` to the kept topics, saved from the archive `index` describes. */
export function keepTopics(names: readonly string[], index: NewsIndex): void {
  const { names: before, archive } = load();
  const all = [...new Set([...before, ...names])];
  // The others were saved from `archive`: when it is another, they are saved again at the next load.
  store({ names: all, archive: before.length === 0 ? archiveOf(index) : archive });
}

/** Stops keeping `names` (what was saved stays in the cache until it expires). */
export function forgetTopics(names: readonly string[]): void {
  const { names: before, archive } = load();
  store({ names: before.filter((name) => !names.includes(name)), archive });
}

/** The kept topics, as storage holds them now. */
export const useKeptTopics = (): KeptTopics => useSyncExternalStore(subscribe, load, () => none);

const archiveOf = (index: NewsIndex) => newsKey(index).join('/');

/**
 * Saves the kept topics again when the page opens another archive than they were saved from, once
 * `ready` (the first screen is up), online, and a service worker keeps what is fetched; then notes
 * the archive. Once an archive for each page: two tabs open on two archives would otherwise take
 * turns saving, each noting its own. A topic the archive no longer has stays kept, and is skipped.
 */
export function useRefreshKeptTopics(index: NewsIndex, ready: boolean): void {
  const client = useQueryClient();
  const kept = useKeptTopics();
  const online = useOnline();
  const refreshed = useRef(new Set<string>());
  const archive = archiveOf(index);
  const due = ready && online && kept.names.length > 0 && kept.archive !== archive;
  useEffect(() => {
    if (!due || refreshed.current.has(archive)) return;
    if (!('serviceWorker' in navigator && navigator.serviceWorker.controller)) return;
    refreshed.current.add(archive);
    void refreshKeptTopics(client, index, archive);
  }, [due, client, index, archive]);
}

/**
 * Saves each kept topic from `index`, one after another (a topic that fails leaves the others
 * saved), and notes `archive` when every one was, and no other tab kept another meanwhile; else
 * the next page load tries again.
 */
async function refreshKeptTopics(client: QueryClient, index: NewsIndex, archive: string): Promise<void> {
  const { names } = load();
  let saved = true;
  try {
    const topics = await client.query(dataFileQuery<TopicStat[]>(index, dataPath.topics));
    for (const name of names) {
      const topic = topics.find((stat) => stat.name === name);
      if (topic) await saveTopicOffline(client, index, topic, () => undefined).catch(() => (saved = false));
    }
  } catch {
    saved = false;
  }
  const now = load().names;
  if (saved && now.every((name) => names.includes(name))) store({ names: now, archive });
}
