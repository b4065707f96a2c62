/// <reference types="vite-plugin-pwa/react" />
/** Provided by the news plugin (src/node/vite-plugin-news.ts). */
declare module 'virtual:news' {
  /** Counts, the commonest topics and where the data folder is. */
  export const index: import('./shared/data-folder.ts').NewsIndex;
  /** In the dev server only: where to fetch the index again when the seeds change. */
  export const devIndexUrl: string | null;
  /** The data files the first screen of the default view reads, by path in the data folder. */
  export const firstFiles: Record<string, unknown>;
}
