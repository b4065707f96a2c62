import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { searchFiles } from '../../../src/node/pipeline/emit/search-files.ts';
import {
  deriveFromList,
  changedPlaces,
  deriveFromPicked,
  keptWords,
  mapByPlace,
  memoByObject,
  type ListMemo,
  type PickedMemo,
  type PlaceMemo,
} from '../../../src/node/pipeline/memo.ts';
import type { Article } from '../../../src/shared/article-schema.ts';
import { makeArticle } from '../../fixtures/articles.ts';

describe('remembering what was derived', () => {
  it('keeps words as the plain list of them, in their order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string()), (words) => {
        expect(keptWords(new Set(words))).toEqual(words);
        expect(keptWords(words.values())).toEqual(words);
      }),
    );
  });

  it('derives once per object, and again for another object', () => {
    let calls = 0;
    const size = memoByObject((list: readonly number[]) => {
      calls += 1;
      return list.length;
    });
    const list = [1, 2, 3];
    expect([size(list), size(list), size([...list])]).toEqual([3, 3, 3]);
    expect(calls).toBe(2);
  });

  it('gives the last result for the same objects in the same order, and derives again otherwise', () => {
    let calls = 0;
    const joined = (list: readonly { name: string }[]) => {
      calls += 1;
      return list.map((item) => item.name).join();
    };
    const memo: ListMemo<{ name: string }, string> = {};
    const [a, b] = [{ name: 'a' }, { name: 'b' }];
    expect(deriveFromList(memo, [a, b], joined)).toBe('a,b');
    expect(deriveFromList(memo, [a, b], joined)).toBe('a,b');
    expect(calls).toBe(1);
    expect(deriveFromList(memo, [b, a], joined)).toBe('b,a');
    expect(deriveFromList(memo, [a, { name: 'b' }], joined)).toBe('a,b');
    expect(deriveFromList(memo, [a], joined)).toBe('a');
    expect(calls).toBe(4);
    // Without a memo, nothing is kept.
    expect(deriveFromList(undefined, [a], joined)).toBe('a');
    expect(calls).toBe(5);
  });
});

const words = ['robot', 'chip', 'privacy', 'cloud', 'deal', 'ruling'];
const day = (n: number) => new Date(Date.UTC(2021, 0, 1 + n)).toISOString();

describe('the search index of a growing archive', () => {
  it('is what a fresh process makes, whatever articles are added or edited in between', () => {
    // Steps: add a newer article, or retitle the article at a position (a new object, as a re-parse gives).
    const step = fc.oneof(
      fc.record({ add: fc.constantFrom(...words) }),
      fc.record({ at: fc.nat(), title: fc.constantFrom(...words) }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps) => {
        let articles: Article[] = Array.from({ length: 10 }, (_, i) =>
          makeArticle({ title: `${words[i % words.length] ?? ''} ${i}`, publishedAt: day(i) }),
        ).reverse();
        const kept = {};
        const published = (list: readonly Article[]) =>
          list.flatMap((article, rank) => (article.published ? [rank] : []));
        searchFiles(articles, published(articles), 4, kept);
        for (const [i, change] of steps.entries()) {
          if ('add' in change) {
            articles = [makeArticle({ title: change.add, publishedAt: day(100 + i) }), ...articles];
          } else {
            const at = change.at % articles.length;
            articles = articles.map((article, rank) =>
              rank === at ? { ...article, title: change.title } : article,
            );
          }
          // As a fresh process would, without what was kept, from a copy of every article.
          const copies = articles.map((article) => ({ ...article }));
          expect(searchFiles(articles, published(articles), 4, kept)).toEqual(
            searchFiles(copies, published(copies), 4),
          );
        }
      }),
    );
  });

  it('keeps a value derived from picked fields while those and the other values read are the same', () => {
    type Item = { picked: number; other: number };
    const item = fc.record({ picked: fc.nat(3), other: fc.nat(3) });
    const step = fc.oneof(
      fc.record({ add: item, first: fc.boolean() }),
      fc.record({ remove: fc.nat(), first: fc.boolean() }),
      // A copy of an item, with its picked field as it was or not: the shortcut for the same object must not hide it.
      fc.record({
        copy: fc.nat(),
        picked: fc.option(fc.nat(3), { nil: undefined }),
        other: fc.option(fc.nat(3), { nil: undefined }),
      }),
      fc.record({ also: fc.nat(2) }),
    );
    fc.assert(
      fc.property(fc.array(item), fc.array(step, { maxLength: 8 }), (start, steps) => {
        let list: Item[] = start.map((values) => ({ ...values }));
        let also = [0];
        const derive = () => JSON.stringify([list.map(({ picked }) => picked), also]);
        const memo: PickedMemo<string> = {};
        const kept = () => deriveFromPicked(memo, list, ({ picked }) => [picked], derive, also);
        // A second stage over the same lists, which shares the places found changed (see changedPlaces)
        // when its last list is the same.
        const other = () => JSON.stringify(list.map(({ other }) => other));
        const otherMemo: PickedMemo<string> = {};
        const keptOther = () => deriveFromPicked(otherMemo, list, ({ other }) => [other], other);
        expect(kept()).toBe(derive());
        expect(keptOther()).toBe(other());
        for (const [step, change] of steps.entries()) {
          if ('add' in change) list = change.first ? [change.add, ...list] : [...list, change.add];
          if ('remove' in change && list.length > 0) {
            list = change.first ? list.slice(1) : list.slice(0, -1);
          }
          if ('copy' in change && list.length > 0) {
            const at = change.copy % list.length;
            const copy = {
              ...(list[at] as Item),
              ...(change.picked === undefined ? {} : { picked: change.picked }),
              ...(change.other === undefined ? {} : { other: change.other }),
            };
            list = list.map((old, i) => (i === at ? copy : old));
          }
          if ('also' in change) also = [change.also];
          expect(kept()).toBe(derive());
          // Every other run only: its last list is then older than the other stage's.
          if (step % 2 === 1) expect(keptOther()).toBe(other());
        }
      }),
    );
  });

  it('maps by place as a plain map does, whatever items change, come or go', () => {
    type Item = { value: number };
    const step = fc.oneof(
      fc.record({ add: fc.nat(9), first: fc.boolean() }),
      fc.record({ remove: fc.nat(), first: fc.boolean() }),
      // Another object at a place, with its value as it was or not.
      fc.record({ copy: fc.nat(), value: fc.option(fc.nat(9), { nil: undefined }) }),
      fc.record({ also: fc.nat(2) }),
    );
    fc.assert(
      fc.property(fc.array(fc.nat(9)), fc.array(step, { maxLength: 8 }), (start, steps) => {
        let list: Item[] = start.map((value) => ({ value }));
        let also = [0];
        // What `map` reads of the run besides its item: `also`, which must then be passed.
        const map = ({ value }: Item) => value * 10 + (also[0] as number);
        const memo: PlaceMemo<Item, number> = {};
        const kept = () => mapByPlace(memo, list, map, also);
        expect(kept()).toEqual(list.map(map));
        for (const change of steps) {
          if ('add' in change) {
            const item = { value: change.add };
            list = change.first ? [item, ...list] : [...list, item];
          }
          if ('remove' in change && list.length > 0) {
            list = change.first ? list.slice(1) : list.slice(0, -1);
          }
          if ('copy' in change && list.length > 0) {
            const at = change.copy % list.length;
            const copy = { value: change.value ?? (list[at] as Item).value };
            list = list.map((old, i) => (i === at ? copy : old));
          }
          if ('also' in change) also = [change.also];
          expect(kept()).toEqual(list.map(map));
        }
      }),
    );
  });

  it('finds the changed places of a pair of lists, and keeps neither list alive', async () => {
    setFlagsFromString('--expose_gc');
    const collect = runInNewContext('gc') as () => void;
    const list = Array.from({ length: 10 }, (_, i) => ({ i }));
    let before: unknown[] | undefined = list.map((item, i) => (i === 3 ? { ...item } : item));
    expect(changedPlaces(before, list)).toEqual([3]);
    // The last run's list, let go by its owner, is not held by the places found from it.
    const lastRun = new WeakRef(before);
    before = undefined;
    await new Promise((resolve) => setTimeout(resolve, 0));
    collect();
    expect(lastRun.deref()).toBeUndefined();
  });
});
