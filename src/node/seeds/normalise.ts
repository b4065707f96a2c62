import type { z } from 'zod';
import { requiredFields, seedSchema, type ArticleFields } from '../../shared/article-schema.ts';
import type { SeedIssue } from './issue.ts';
import type { FieldPath } from './parse-front-matter.ts';

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
  for (let attempt = 0; attempt <= maxDroppedFields; attempt += 1) {
    const result = seedSchema.safeParse(current);
    if (result.success) return { article: result.data, issues };
    const [issue] = result.error.issues as [z.core.$ZodIssue, ...z.core.$ZodIssue[]];
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    const target = droppable(current, path);
    const line = lineOf(path);
    const where = { file, ...(line !== undefined ? { line } : {}), ...(path.length ? { field: fieldName(path) } : {}) };
    if (target === undefined) {
      issues.push({ severity: 'error', ...where, message: `${issue.message}; the file was rejected` });
      return { issues };
    }
    issues.push({
      severity: 'warning',
      ...where,
      message: `${issue.message}; ${target.length === path.length ? 'the field was ignored' : `${fieldName(target)} was dropped`}`,
    });
    current = without(current, target);
  }
  issues.push({ severity: 'error', file, message: `has more than ${maxDroppedFields} invalid fields; the file was rejected` });
  return { issues };
}

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

/** A copy of `root` without the value at `path`; the input is never mutated. */
function without(root: unknown, path: FieldPath): unknown {
  const [key, ...rest] = path;
  if (key === undefined || typeof root !== 'object' || root === null) return root;
  if (Array.isArray(root)) {
    return rest.length === 0
      ? root.filter((_, index) => index !== key)
      : root.map((item, index) => (index === key ? without(item, rest) : item));
  }
  // Object.fromEntries defines own properties, so a `__proto__` key stays an ordinary key.
  return Object.fromEntries(
    Object.entries(root).flatMap(([name, value]) =>
      name !== key ? [[name, value]] : rest.length > 0 ? [[name, without(value, rest)]] : [],
    ),
  );
}
