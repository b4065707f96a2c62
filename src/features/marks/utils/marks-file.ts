import { safeHttpUrl } from '../../../shared/safe-url.ts';
import type { Mark, SavedArticle } from './reading-marks.ts';

/**
 * The file "Export" writes and "Import" reads: every mark, checked on the way in. Its own module,
 * loaded only when the reader exports or imports.
 */

/** The exported file: every mark, in a form `readMarksFile` takes back. */
export type MarksFile = { format: typeof marksFormat; version: 1; marks: Mark[] };
const marksFormat = 'news-reader-marks';

export const marksFile = (marks: Iterable<Mark>): MarksFile => ({
  format: marksFormat,
  version: 1,
  marks: [...marks],
});

/** Larger files are refused unread; 100,000 marks with their saved copies fit well within it. */
export const maxMarksFileBytes = 20 * 1024 * 1024;
const maxMarks = 200_000;

class Refused extends Error {}

/**
 * The marks of an exported file, every one checked; or why the file is refused. One bad mark
 * refuses the whole file, so that an import either applies entirely or changes nothing.
 */
export function readMarksFile(text: string): { marks: Mark[] } | { error: string } {
  if (text.length > maxMarksFileBytes)
    return { error: 'The file is too large to be an export of this reader.' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: 'The file is not JSON.' };
  }
  const file = record(data);
  if (!file || file.format !== marksFormat || file.version !== 1 || !Array.isArray(file.marks)) {
    return { error: 'The file is not an export of this reader (news-reader-marks, version 1).' };
  }
  if (file.marks.length > maxMarks) return { error: `The file has more than ${maxMarks} marks.` };
  try {
    return { marks: file.marks.map((mark, i) => checkedMark(mark, `mark ${i + 1}`)) };
  } catch (error) {
    return { error: `The file was refused: ${error instanceof Error ? error.message : String(error)}.` };
  }
}

function checkedMark(value: unknown, where: string): Mark {
  const mark = record(value);
  if (!mark) throw new Refused(`${where} is not an object`);
  const url = httpUrl(mark.url, `${where}: url`);
  const readAt = mark.readAt === undefined ? undefined : time(mark.readAt, `${where}: readAt`);
  const saved = mark.saved === undefined ? undefined : checkedCopy(mark.saved, `${where}: saved`);
  if (saved && saved.url !== url) throw new Refused(`${where}: the saved copy is of another URL`);
  return { url, ...(readAt !== undefined ? { readAt } : {}), ...(saved ? { saved } : {}) };
}

function checkedCopy(value: unknown, where: string): SavedArticle {
  const copy = record(value);
  if (!copy) throw new Refused(`${where} is not an object`);
  const provider = copy.provider === undefined ? undefined : record(copy.provider);
  if (copy.provider !== undefined && !provider) throw new Refused(`${where}: provider is not an object`);
  if (!Array.isArray(copy.topics) || copy.topics.length > 100)
    throw new Refused(`${where}: topics is not a list`);
  const excerpt = copy.excerpt === undefined ? undefined : text(copy.excerpt, `${where}: excerpt`, 5000);
  return {
    savedAt: time(copy.savedAt, `${where}: savedAt`),
    title: text(copy.title, `${where}: title`, 1000),
    url: httpUrl(copy.url, `${where}: url`),
    publishedAt: isoDate(copy.publishedAt, `${where}: publishedAt`),
    type: text(copy.type, `${where}: type`, 50),
    ...(excerpt !== undefined ? { excerpt } : {}),
    ...(provider ? { provider: { name: text(provider.name, `${where}: provider.name`, 200) } } : {}),
    topics: copy.topics.map((topic, i) => text(topic, `${where}: topics[${i}]`, 200)),
  };
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

function text(value: unknown, where: string, max: number): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    throw new Refused(`${where} is not text of at most ${max} characters`);
  }
  return value;
}

function httpUrl(value: unknown, where: string): string {
  const url = typeof value === 'string' && value.length <= 4096 ? safeHttpUrl(value) : undefined;
  if (url === undefined || url !== value) throw new Refused(`${where} is not an http(s) URL`);
  return url;
}

function time(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 8.64e15) {
    throw new Refused(`${where} is not a time`);
  }
  return value;
}

function isoDate(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.length > 40 || Number.isNaN(Date.parse(value))) {
    throw new Refused(`${where} is not a date`);
  }
  return value;
}
