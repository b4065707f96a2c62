/** Provided by the news plugin (src/node/vite-plugin-news.ts). */
declare module 'virtual:news' {
  /** Where the articles' JSON is served: a content-hashed asset in a build. */
  export const articlesUrl: string;
}
