import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openArchive, readArchive, type Archive } from '../../../src/node/pipeline/archive.ts';
import { emitNews } from '../../../src/node/pipeline/build-news.ts';
import { openParseCache } from '../../../src/node/pipeline/parse-cache.ts';
import { generatedSeeds } from '../../fixtures/generated-seeds.ts';
import { seedFields, seedText } from '../../fixtures/seed-text.ts';

/** Everything a run gives: the report, the index, every piece's text, the feeds. */
async function runOf(archive: Archive, changed?: readonly string[]) {
  const { corpus } = await readArchive(archive, changed);
  const pieces = new Map<string, string>();
  const output = emitNews(corpus, '/', (name, text) => pieces.set(name, text), archive.kept);
  return {
    summary: corpus.summary,
    issues: corpus.issues,
    stories: corpus.stories,
    index: output.index,
    root: output.folder.root,
    files: output.folder.files,
    pieces: new Map([...output.folder.pieces].map((name) => [name, pieces.get(name)])),
    feeds: output.feeds,
    firstScreen: output.firstScreen,
  };
}

/** What a build from scratch of the folder gives: no parse, listing or piece kept. */
const coldRun = (dir: string) => runOf(openArchive(dir, openParseCache()));

// Words the titles are made of, few enough that edits make and break stories.
const words = ['robot', 'chip', 'privacy', 'launch', 'cloud', 'deal', 'ruling', 'model', 'data', 'city'];
const title = fc
  .array(fc.constantFrom(...words), { minLength: 3, maxLength: 6 })
  .map((list) => list.join(' '));
// Within the generated archive's last months, so that new articles land among the old ones too.
const date = fc
  .integer({ min: Date.UTC(2021, 2, 1), max: Date.UTC(2021, 5, 10) })
  .map((time) => new Date(time).toISOString());
const fields = fc.record({
  title,
  date,
  topics: fc.subarray(['AI', 'Privacy', 'Robots']),
  published: fc.boolean(),
  quality: fc.integer({ min: 0, max: 100 }),
});

/** A change to the folder: the file it touches, by its position among the files (modulo their count). */
const change = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), fields, url: fc.nat(1000) }),
  fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), fields }),
  fc.record({ kind: fc.constant('copy' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('break' as const), at: fc.nat() }),
);
type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

const textOf = (values: typeof fields extends fc.Arbitrary<infer T> ? T : never, url: string) =>
  seedText(
    seedFields({
      title: values.title,
      publishedDateTime: values.date,
      topics: values.topics,
      published: values.published,
      quality: values.quality,
      originalUrl: url,
      webUrl: url,
    }),
  );

/** Makes `change` in `dir`; returns the file it touched. */
function apply(dir: string, step: Change, serial: number): string {
  const names = readdirSync(dir).sort();
  const at = 'at' in step ? (names[step.at % names.length] ?? '') : '';
  const file = step.kind === 'add' || step.kind === 'copy' ? `new-${serial}.md` : at;
  const full = path.join(dir, file);
  if (step.kind === 'add') writeFileSync(full, textOf(step.fields, `https://example.com/new/${step.url}`));
  if (step.kind === 'edit') writeFileSync(full, textOf(step.fields, `https://example.com/edit/${at}`));
  // The same source URL as another file: merged into one article, with a warning.
  if (step.kind === 'copy') cpSync(path.join(dir, at), full);
  if (step.kind === 'delete') rmSync(full);
  if (step.kind === 'break') writeFileSync(full, '---\ntitle: [unclosed\n---\n');
  return file;
}

describe('the archive, run after run', () => {
  it('gives what a build from scratch gives, after any adds, edits, copies and deletes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 5 }), async (steps) => {
        const dir = path.join(mkdtempSync(path.join(tmpdir(), 'news-archive-')), 'seeds');
        cpSync(generatedSeeds(40), dir, { recursive: true });
        const archive = openArchive(dir, openParseCache(), true);
        await runOf(archive);
        for (const [serial, step] of steps.entries()) {
          const file = apply(dir, step, serial);
          const incremental = await runOf(archive, [file]);
          expect(incremental).toEqual(await coldRun(dir));
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('reads only the files it is told changed, and lists again when a folder did', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'news-archive-list-')), 'seeds');
    cpSync(generatedSeeds(40), dir, { recursive: true });
    const archive = openArchive(dir, openParseCache(), true);
    await readArchive(archive);
    const values = {
      title: 'robot deal',
      date: '2021-05-01T00:00:00Z',
      topics: [],
      published: true,
      quality: 50,
    };
    writeFileSync(path.join(dir, 'a-new-one.md'), textOf(values, 'https://a.example/1'));
    const told = await readArchive(archive, ['a-new-one.md']);
    expect(told.stats).toEqual({ parsed: 1, cached: 40 });
    expect(told.corpus.summary.filesRead).toBe(41);
    // A folder of new files: a change the listing cannot be patched with, so it is walked again.
    const sub = path.join(dir, 'more');
    cpSync(path.join(dir, 'a-new-one.md'), path.join(sub, 'copy.md'), { recursive: true });
    const relisted = await readArchive(archive, ['more']);
    expect(relisted.corpus.summary).toEqual((await coldRun(dir)).summary);
    expect(relisted.corpus.summary.filesRead).toBe(42);
  });
});
