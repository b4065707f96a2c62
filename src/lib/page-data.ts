import { pageDataMeta, type PageData } from '../shared/data-folder.ts';

let request: Promise<PageData | undefined> | undefined;

/**
 * The page's data (see PageData), asked for once: by boot.ts as it fetches the app, so that the
 * two arrive together, and awaited by main.tsx. None for a page that names none (a story's, the
 * dev server's), or whose data cannot be read: the reader then fetches the index alone.
 */
export function pageData(page: Document = document): Promise<PageData | undefined> {
  request ??= load(page.querySelector<HTMLMetaElement>(`meta[name="${pageDataMeta}"]`)?.content);
  return request;
}

// Not fetchJson (data-file.ts): boot.ts loads this before the app, without react-query.
async function load(url: string | undefined): Promise<PageData | undefined> {
  if (!url) return undefined;
  try {
    const response = await fetch(url);
    return response.ok ? ((await response.json()) as PageData) : undefined;
  } catch {
    return undefined;
  }
}
