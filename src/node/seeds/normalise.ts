import type { z } from 'zod';
import type { ArticleFields } from '../../shared/article-schema.ts';
import type { SeedIssue } from './issue.ts';
import type { FieldPath } from './parse-front-matter.ts';
import { fallbackOnDrop, requiredFields, seedSchema } from './seed-schema.ts';

export type Normalised = { article?: ArticleFields; issues: SeedIssue[] };

/** More bad fields than this in one file is not a typo but a different format: reject it. */
const maxDroppedFields = 200;

/**
 * Validates front matter against the seed schema. A problem with a required field, or with the
 * file as a whole, rejects it. A problem anywhere else drops the smallest enclosing optional part
 * (the field, or the list item that holds it) with a warning, and validation runs again, so one
 * bad image or related item never costs the article.
 */
export function normaliseSeed(
  data: Record<string, unknown>,
  file: string,
  lineOf: (path: FieldPath) => number | undefined = () => undefined,
): Normalised {
  const issues: SeedIssue[] = [];
  let current: unknown = data;
  // The last warning, kept so that a problem caused by our own drop (an image without the url we
  // just removed) widens that warning instead of adding a second one.
  let last: { issue: SeedIssue; reason: string; dropped: FieldPath } | undefined;
  const removed = new RemovedItems();
  for (let attempt = 0; attempt <= maxDroppedFields; attempt += 1) {
    const result = seedSchema.safeParse(current);
    if (result.success) return { article: result.data, issues };
    const [issue] = result.error.issues as [z.core.$ZodIssue, ...z.core.$ZodIssue[]];
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    const target = droppable(current, path);
    if (last && target && path.length > 0 && isPrefix(path, last.dropped)) {
      last.issue.message = `${last.reason}; ${fieldName(removed.original(target))} was dropped`;
      last.dropped = target;
      current = removed.drop(current, target);
      continue;
    }
    // Paths in messages and line numbers refer to the file, not to our trimmed copy of it.
    const original = removed.original(path);
    const line = lineOf(original);
    const where = {
      file,
      ...(line !== undefined ? { line } : {}),
      ...(path.length ? { field: fieldName(original) } : {}),
    };
    if (target === undefined) {
      issues.push({ severity: 'error', ...where, message: `${issue.message}; the file was rejected` });
      return { issues };
    }
    const fallback = target.length === 1 ? fallbackOnDrop[String(target[0])] : undefined;
    const outcome =
      fallback !== undefined
        ? `it was read as ${JSON.stringify(fallback)}`
        : target.length === path.length
          ? 'the field was ignored'
          : `${fieldName(removed.original(target))} was dropped`;
    const warning: SeedIssue = { severity: 'warning', ...where, message: `${issue.message}; ${outcome}` };
    issues.push(warning);
    last = { issue: warning, reason: issue.message, dropped: target };
    current = removed.drop(current, target);
    if (fallback !== undefined) current = { ...(current as Record<string, unknown>), [String(target[0])]: fallback };
  }
  issues.push({ severity: 'error', file, message: `has more than ${maxDroppedFields} invalid fields; the file was rejected` });
  return { issues };
}

const isPrefix = (prefix: FieldPath, path: FieldPath) =>
  prefix.length <= path.length && prefix.every((key, index) => key === path[index]);

/** `related[2].provider.name`. */
export function fieldName(path: FieldPath): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`))
    .join('');
}

/**
 * The part to drop for a problem at `path`: the value itself when it is present, else the
 * nearest enclosing object or list item (a related item without a title goes as a whole).
 * Undefined when only a required field or the whole file would do.
 */
function droppable(root: unknown, path: FieldPath): FieldPath | undefined {
  for (let depth = path.length; depth > 0; depth -= 1) {
    const candidate = path.slice(0, depth);
    if (depth === 1 && requiredFields.includes(String(candidate[0]))) return undefined;
    if (valueAt(root, candidate) !== undefined) return candidate;
  }
  return undefined;
}

function valueAt(root: unknown, path: FieldPath): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = Object.hasOwn(node, key) ? (node as Record<string | number, unknown>)[key] : undefined;
  }
  return node;
}

/**
 * Drops parts of a copy of the front matter while remembering which list items went, so that a
 * path in the trimmed copy (`related[0]` after `related[0]` was dropped) maps back to the file's
 * own (`related[1]`).
 */
class RemovedItems {
  private readonly byList = new Map<string, number[]>();

  drop(root: unknown, path: FieldPath): unknown {
    const last = path[path.length - 1];
    if (typeof last === 'number') {
      const original = this.original(path);
      const list = JSON.stringify(original.slice(0, -1));
      const indexes = this.byList.get(list) ?? [];
      indexes.push(original[original.length - 1] as number);
      indexes.sort((a, b) => a - b);
      this.byList.set(list, indexes);
    }
    return without(root, path);
  }

  original(path: FieldPath): FieldPath {
    const result: (string | number)[] = [];
    for (const key of path) {
      if (typeof key === 'number') {
        let index = key;
        for (const gone of this.byList.get(JSON.stringify(result)) ?? []) if (gone <= index) index += 1;
        result.push(index);
      } else {
        result.push(key);
      }
    }
    return result;
  }
}

/** A copy of `root` without the value at `path`; the input is never mutated. */
function without(root: unknown, path: FieldPath): unknown {
  const [key, ...rest] = path;
  if (key === undefined || typeof root !== 'object' || root === null) return root;
  if (Array.isArray(root)) {
    const items: unknown[] = root;
    return rest.length === 0
      ? items.filter((_, index) => index !== key)
      : items.map((item, index) => (index === key ? without(item, rest) : item));
  }
  // Object.fromEntries defines own properties, so a `__proto__` key stays an ordinary key.
  return Object.fromEntries(
    Object.entries(root).flatMap(([name, value]) =>
      name !== key ? [[name, value]] : rest.length > 0 ? [[name, without(value, rest)]] : [],
    ),
  );
}
