import { describe, expect, it } from 'vitest';
import { normaliseSeed } from '../../../src/node/seeds/normalise.ts';
import { seedFields } from '../../fixtures/seed-text.ts';

const file = 'story.md';

function kept(overrides: Record<string, unknown>) {
  const result = normaliseSeed(seedFields(overrides), file);
  if (!result.article) throw new Error(`expected the article to be kept: ${JSON.stringify(result.issues)}`);
  return result;
}

function rejected(overrides: Record<string, unknown>) {
  const result = normaliseSeed(seedFields(overrides), file);
  expect(result.article).toBeUndefined();
  expect(result.issues.filter((issue) => issue.severity === 'error')).toHaveLength(1);
  return result.issues.find((issue) => issue.severity === 'error');
}

describe('normaliseSeed', () => {
  it('turns valid front matter into the article the browser receives', () => {
    const { article, issues } = kept({});
    expect(issues).toEqual([]);
    expect(article).toEqual({
      title: 'A headline',
      url: 'https://example.com/story',
      publishedAt: '2021-03-04T07:00:00.000Z',
      excerpt: 'What happened, in two lines.',
      category: 'news',
      type: 'article',
      quality: 74,
      heat: -1,
      published: true,
      provider: {
        name: 'Example News',
        domain: 'example.com',
        logo: { url: 'https://example.com/logo.png', width: 50, height: 50 },
      },
      topics: ['AI'],
      image: { url: 'https://example.com/image.jpg', width: 1200, height: 630 },
      related: [],
    });
  });

  it('never ships the secured blob, the body or unknown fields', () => {
    const { article } = kept({ secured: 'TOP-SECRET', content: 'body', somethingNew: 1 });
    expect(JSON.stringify(article)).not.toMatch(/TOP-SECRET|somethingNew/);
  });

  it('links to originalUrl, else webUrl', () => {
    expect(kept({ originalUrl: 'https://a.example/', webUrl: 'https://b.example/' }).article?.url).toBe('https://a.example/');
    expect(kept({ originalUrl: undefined, webUrl: 'https://b.example/' }).article?.url).toBe('https://b.example/');
  });

  it('keeps unpublished articles, flagged', () => {
    expect(kept({ published: false }).article?.published).toBe(false);
    expect(kept({ published: undefined }).article?.published).toBe(true);
    expect(kept({ published: 'false' }).article?.published).toBe(false);
  });

  it('cleans topics and accepts numbers written as strings', () => {
    const { article } = kept({ topics: [' AI ', 'ai', '', 'Vision'], quality: '81', heat: '-1' });
    expect(article?.topics).toEqual(['AI', 'Vision']);
    expect(article?.quality).toBe(81);
    expect(article?.heat).toBe(-1);
  });

  it('turns a YouTube featuredContent into a video id', () => {
    const html = '<iframe width="800" src="https://www.youtube.com/embed/WJk-Y8LQlfE" allowfullscreen></iframe>';
    expect(kept({ type: 'video', featuredContent: html }).article).toMatchObject({ type: 'video', videoId: 'WJk-Y8LQlfE' });
  });

  it('drops any other featuredContent with a warning', () => {
    const { article, issues } = kept({ featuredContent: '<script>alert(1)</script>' });
    expect(article?.videoId).toBeUndefined();
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'warning', file, field: 'featuredContent', message: expect.stringMatching(/not a YouTube/) }),
    ]);
  });

  it.each([
    ['title', { title: undefined }, 'title: is missing'],
    ['title', { title: '   ' }, 'title: is empty'],
    ['title', { title: 42 }, 'title: must be text, not number 42'],
    ['publishedDateTime', { publishedDateTime: undefined }, 'publishedDateTime: is missing'],
    ['publishedDateTime', { publishedDateTime: 'last Tuesday' }, 'is not an ISO 8601 date-time'],
  ])('rejects a bad %s', (field, overrides, reason) => {
    const error = rejected(overrides);
    expect(`${error?.field ?? ''}: ${error?.message ?? ''}`).toContain(reason);
    expect(error).toMatchObject({ file, field });
    expect(error?.message).toMatch(/the file was rejected$/);
  });

  it('rejects a file without any safe source link, after warning about the unsafe one', () => {
    const result = normaliseSeed(seedFields({ originalUrl: 'javascript:alert(1)', webUrl: undefined }), file);
    expect(result.article).toBeUndefined();
    expect(result.issues.map((issue) => [issue.severity, issue.field ?? '', issue.message])).toEqual([
      ['warning', 'originalUrl', '"javascript:alert(1)" is not an http(s) URL; the field was ignored'],
      ['error', '', 'has no http(s) source link: originalUrl or webUrl is required; the file was rejected'],
    ]);
  });

  it('falls back to webUrl when originalUrl is unsafe', () => {
    const { article, issues } = kept({ originalUrl: 'data:text/html,x', webUrl: 'https://safe.example/' });
    expect(article?.url).toBe('https://safe.example/');
    expect(issues).toHaveLength(1);
  });

  it('drops an unsafe image and uses the next safe one', () => {
    const { article, issues } = kept({
      images: [{ url: 'javascript:alert(1)' }, { url: 'https://example.com/second.jpg', width: '640', height: 360 }],
    });
    expect(article?.image).toEqual({ url: 'https://example.com/second.jpg', width: 640, height: 360 });
    expect(issues).toEqual([expect.objectContaining({ field: 'images[0].url', message: expect.stringMatching(/images\[0\] was dropped$/) })]);
  });

  it('drops an unsafe provider logo but keeps the provider', () => {
    const { article } = kept({ provider: { name: 'P', images: [{ url: 'vbscript:x' }] } });
    expect(article?.provider).toEqual({ name: 'P' });
  });

  it('drops a provider without a name', () => {
    const { article, issues } = kept({ provider: { domain: 'x.example' } });
    expect(article?.provider).toBeUndefined();
    expect(issues[0]).toMatchObject({ field: 'provider.name', message: 'is missing; provider was dropped' });
  });

  describe('related items', () => {
    const item = (overrides: Record<string, unknown> = {}) => ({
      title: 'Other coverage',
      webUrl: 'https://other.example/a',
      publishedDateTime: '2021-03-04T15:04:00Z',
      provider: { name: 'Other' },
      ...overrides,
    });

    it('keeps an item whose webUrl is unsafe when another link is safe', () => {
      const { article, issues } = kept({
        related: [item({ webUrl: 'file:///etc/passwd', ampWebUrl: 'https://amp.example/a' })],
      });
      expect(article?.related[0]?.url).toBe('https://amp.example/a');
      expect(issues).toEqual([expect.objectContaining({ field: 'related[0].webUrl', message: expect.stringMatching(/the field was ignored$/) })]);
    });

    it('keeps each item with its own link', () => {
      const { article } = kept({ related: [item(), item({ webUrl: undefined, originalUrl: 'https://o.example/' })] });
      expect(article?.related).toEqual([
        { title: 'Other coverage', url: 'https://other.example/a', publishedAt: '2021-03-04T15:04:00.000Z', type: 'article', provider: { name: 'Other' } },
        { title: 'Other coverage', url: 'https://o.example/', publishedAt: '2021-03-04T15:04:00.000Z', type: 'article', provider: { name: 'Other' } },
      ]);
    });

    it('drops an item without a title or a safe link, with a warning each', () => {
      const { article, issues } = kept({
        related: [item({ title: undefined }), item({ webUrl: ' JAVASCRIPT:alert(1)' }), item()],
      });
      expect(article?.related).toHaveLength(1);
      expect(issues.map((issue) => [issue.field, issue.message])).toEqual([
        ['related[0].title', 'is missing; related[0] was dropped'],
        ['related[1].webUrl', '" JAVASCRIPT:alert(1)" is not an http(s) URL; related[1] was dropped'],
      ]);
      expect(issues.every((issue) => issue.severity === 'warning')).toBe(true);
    });

    it('accepts an empty list and fifty items', () => {
      expect(kept({ related: [] }).article?.related).toEqual([]);
      const many = Array.from({ length: 50 }, (_, i) => item({ webUrl: `https://other.example/${i}` }));
      expect(kept({ related: many }).article?.related).toHaveLength(50);
    });
  });

  it('reports the line of the field when it is known', () => {
    const result = normaliseSeed(seedFields({ title: undefined }), file, (path) => (path[0] === 'title' ? 7 : undefined));
    expect(result.issues[0]).toMatchObject({ line: 7 });
  });

  it('never mutates its input', () => {
    const input = seedFields({ images: [{ url: 'javascript:x' }] });
    const copy = structuredClone(input);
    normaliseSeed(input, file);
    expect(input).toEqual(copy);
  });
});
