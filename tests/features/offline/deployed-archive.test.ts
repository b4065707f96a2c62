import { afterEach, describe, expect, it, vi } from 'vitest';
import { archiveReplaced } from '../../../src/features/offline/api/deployed-archive.ts';
import { indexUrl } from '../../../src/lib/news-index.ts';
import type { NewsIndex } from '../../../src/shared/data-folder.ts';
import { makeArticle } from '../../fixtures/articles.ts';
import { buildDataFolder } from '../../fixtures/data-folder.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

const indexOf = (titles: string[]): NewsIndex => ({
  ...buildDataFolder(titles.map((title) => makeArticle({ title }))).index,
  base: '/data/',
});

/** The server's index is `deployed`, or it answers `status`, or the network fails. */
function serve(answer: NewsIndex | number | Error) {
  const fetchMock = vi.fn((url: string, init?: RequestInit) => {
    expect([url, init?.cache]).toEqual([indexUrl, 'no-cache']);
    if (answer instanceof Error) return Promise.reject(answer);
    return Promise.resolve(
      typeof answer === 'number'
        ? new Response('nope', { status: answer })
        : new Response(JSON.stringify(answer), { status: 200 }),
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('the deployed archive', () => {
  const opened = indexOf(['One', 'Two']);

  it('is the one the page opened with while the server names the same pieces', async () => {
    const fetchMock = serve(JSON.parse(JSON.stringify(opened)) as NewsIndex);
    expect(await archiveReplaced(opened)).toBe(false);
    expect(fetchMock).toHaveBeenCalledOnce();
  });

  it('is another once a deploy changed any article', async () => {
    serve(indexOf(['One', 'Two, retitled']));
    expect(await archiveReplaced(opened)).toBe(true);
    serve(indexOf(['One', 'Two', 'Three']));
    expect(await archiveReplaced(opened)).toBe(true);
  });

  it('says nothing new when the server cannot answer', async () => {
    serve(503);
    expect(await archiveReplaced(opened)).toBe(false);
    serve(new TypeError('Failed to fetch'));
    expect(await archiveReplaced(opened)).toBe(false);
  });
});
