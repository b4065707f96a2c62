import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSeeds } from '../../fixtures/load-seeds.ts';
import { articleSchema, type Article } from '../../../src/shared/article-schema.ts';
import {
  allCases,
  awkwardCases,
  brokenCases,
  canaryFiles,
  neutralisedCases,
  prototypeCases,
  type HostileCase,
} from '../../fixtures/hostile/cases.ts';
import { writeHostileFolder } from '../../fixtures/hostile/write-folder.ts';

let load: Awaited<ReturnType<typeof loadSeeds>>;

beforeAll(async () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'news-hostile-')), 'seeds');
  writeHostileFolder(dir);
  load = await loadSeeds(dir);
});

const issuesOf = (file: string) => load.issues.filter((issue) => issue.file === file);
const articleTitled = (title: string) => load.articles.filter((article) => article.title === title);

/** Like toMatchObject, but an expected `undefined` means the field is absent. */
function expectArticle(article: Article | undefined, expected: Partial<Article>): void {
  expect(article).toBeDefined();
  for (const [key, value] of Object.entries(expected) as [string, unknown][]) {
    if (value === undefined) expect(article?.[key as keyof Article]).toBeUndefined();
    else expect(article).toMatchObject({ [key]: value });
  }
}

describe('the adversarial seed set', () => {
  it('has at least 40 broken files and 30 valid but awkward ones', () => {
    expect(brokenCases.length + neutralisedCases.length + prototypeCases.length).toBeGreaterThanOrEqual(40);
    expect(awkwardCases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(allCases.map((c) => c.file)).size).toBe(allCases.length);
  });

  describe.each(brokenCases.map((c): [string, HostileCase] => [c.file, c]))('rejects %s', (file, { expect: expected }) => {
    it('with one error naming the file and the reason, and nothing shipped', () => {
      if (expected.outcome !== 'rejected') throw new Error('not a rejected case');
      const issues = issuesOf(file);
      const errors = issues.filter((issue) => issue.severity === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]?.message).toMatch(expected.reason);
      if (expected.field) expect(errors[0]?.field).toBe(expected.field);
      expect(issues.every((issue) => issue.file === file)).toBe(true);
    });
  });

  describe.each(neutralisedCases.map((c): [string, HostileCase] => [c.file, c]))('neutralises %s', (file, { expect: expected }) => {
    it('keeps the article without the bad part, with a warning for each', () => {
      if (expected.outcome !== 'neutralised') throw new Error('not a neutralised case');
      expect(issuesOf(file).map((issue) => [issue.severity, issue.field])).toEqual(
        expected.warnings.map((warning) => ['warning', warning.field]),
      );
      issuesOf(file).forEach((issue, index) => expect(issue.message).toMatch(expected.warnings[index]?.reason ?? /^$/));
      const matches = articleTitled(expected.article.title);
      expect(matches).toHaveLength(1);
      expectArticle(matches[0], expected.article);
    });
  });

  describe.each([...prototypeCases, ...awkwardCases].map((c): [string, HostileCase] => [c.file, c]))(
    'keeps %s',
    (file, { expect: expected }) => {
      it('with the right values and no report line', () => {
        if (expected.outcome !== 'kept') throw new Error('not a kept case');
        expect(issuesOf(file)).toEqual([]);
        const matches = articleTitled(expected.article.title);
        expect(matches).toHaveLength(1);
        expectArticle(matches[0], expected.article);
      });
    },
  );

  it('keeps fifty related items in order', () => {
    const [article] = articleTitled('Fifty related items');
    expect(article?.related).toHaveLength(50);
    expect(article?.related[49]).toEqual({
      title: 'Related story number 50',
      url: 'https://related.example/50',
      publishedAt: '2022-01-02T00:00:00.000Z',
      type: 'article',
      provider: { name: 'Outlet 50' },
    });
  });

  it('drops nothing without a line in the report', () => {
    const kept = load.articles.length;
    const rejected = new Set(load.issues.filter((i) => i.severity === 'error').map((i) => i.file));
    expect(rejected.size).toBe(brokenCases.length);
    expect(kept + rejected.size).toBe(allCases.length);
    expect(load.summary).toEqual({
      filesRead: allCases.length - 2, // the two symbolic links are reported, not read
      articlesKept: neutralisedCases.length + prototypeCases.length + awkwardCases.length,
      filesRejected: brokenCases.length,
      // Neutralised files' warnings, plus those that came before a rejection ("originalUrl: not http(s)").
      warnings:
        neutralisedCases.reduce((n, c) => n + (c.expect.outcome === 'neutralised' ? c.expect.warnings.length : 0), 0) +
        load.issues.filter((issue) => issue.severity === 'warning' && rejected.has(issue.file)).length,
    });
  });

  it('ships only articles that satisfy the output schema, with http(s) links only', () => {
    for (const article of load.articles) expect(articleSchema.safeParse(article).error).toBeUndefined();
    expect(JSON.stringify(load.articles)).not.toMatch(/SECRET-|javascript:|vbscript:|data:|file:/i);
  });

  it('never ran code from a seed and never touched Object.prototype', () => {
    for (const name of canaryFiles) expect(existsSync(name)).toBe(false);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.prototype).not.toHaveProperty('isAdmin');
  });
});
