import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openArchive, readArchive, type Archive } from '../../../src/node/pipeline/archive.ts';
import { emitNews } from '../../../src/node/pipeline/build-news.ts';
import { openParseCache } from '../../../src/node/pipeline/parse-cache.ts';
import { generatedSeeds } from '../../fixtures/generated-seeds.ts';
import { seedFields, seedText } from '../../fixtures/seed-text.ts';

/** Everything a run gives: the report, the index, every piece's text, the feeds, sitemap and story pages. */
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
    pages: output.pages,
    storyPages: output.storyPages,
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
  // A related link to an article that may be added, or not: its panel marks it when it is there.
  linksTo: fc.option(fc.nat(20), { nil: undefined }),
});

type Fields = typeof fields extends fc.Arbitrary<infer T> ? T : never;

/** How `retouch` changes one field of a file's text, from the fields drawn. */
const retouch = {
  title: (text: string, { title }: Fields) => text.replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`),
  date: (text: string, { date }: Fields) =>
    text.replace(/^publishedDateTime: .*$/m, `publishedDateTime: ${date}`),
  published: (text: string) =>
    text.replace(
      /^published: (true|false)$/m,
      (_, value) => `published: ${value === 'true' ? 'false' : 'true'}`,
    ),
  topics: (text: string, { topics }: Fields) =>
    text.replace(/^topics:( \[\])?\n( {2}- .*\n)*/m, `topics: ${JSON.stringify(topics)}\n`),
  quality: (text: string, { quality }: Fields) => text.replace(/^quality: .*$/m, `quality: ${quality}`),
  // The provider's (two spaces in; its related items' are four).
  domain: (text: string, { quality }: Fields) =>
    text.replace(/^ {2}domain: .*$/m, `  domain: outlet${quality}.example`),
  type: (text: string) =>
    text.replace(/^type: (\w+)$/m, (_, type) => `type: ${type === 'article' ? 'video' : 'article'}`),
};
const retouches = Object.keys(retouch) as (keyof typeof retouch)[];

/** A change to the folder: the file it touches, by its position among the files (modulo their count). */
const change = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), fields, url: fc.nat(20) }),
  fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), fields }),
  fc.record({ kind: fc.constant('copy' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('break' as const), at: fc.nat() }),
  // The same name but its extension: the two files' slugs collide, and both article ids change.
  fc.record({ kind: fc.constant('twin' as const), at: fc.nat(), fields }),
  // One field of a file and nothing else, as an author edits: what is kept for the fields not
  // changed must still follow the one that is.
  {
    arbitrary: fc.record({
      kind: fc.constant('retouch' as const),
      at: fc.nat(),
      field: fc.constantFrom(...retouches),
      fields,
    }),
    weight: 3,
  },
);
type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

const textOf = (values: Omit<Fields, 'linksTo'> & { linksTo?: number | undefined }, url: string) =>
  seedText(
    seedFields({
      title: values.title,
      publishedDateTime: values.date,
      topics: values.topics,
      published: values.published,
      quality: values.quality,
      originalUrl: url,
      webUrl: url,
      ...(values.linksTo === undefined
        ? {}
        : {
            related: [
              { title: 'Read also', webUrl: `https://example.com/new/${values.linksTo}`, type: 'article' },
            ],
          }),
    }),
  );

/** Makes `change` in `dir`; returns the file it touched. */
function apply(dir: string, step: Change, serial: number): string {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort();
  const at = 'at' in step ? (names[step.at % names.length] ?? '') : '';
  const file =
    step.kind === 'add' || step.kind === 'copy'
      ? `new-${serial}.md`
      : step.kind === 'twin'
        ? at.replace(/\.md$/, '.txt')
        : at;
  const full = path.join(dir, file);
  if (step.kind === 'twin') writeFileSync(full, textOf(step.fields, `https://example.com/twin/${serial}`));
  if (step.kind === 'add') writeFileSync(full, textOf(step.fields, `https://example.com/new/${step.url}`));
  if (step.kind === 'edit') writeFileSync(full, textOf(step.fields, `https://example.com/edit/${at}`));
  // The same source URL as another file: merged into one article, with a warning.
  if (step.kind === 'copy') cpSync(path.join(dir, at), full);
  if (step.kind === 'delete') rmSync(full);
  if (step.kind === 'retouch')
    writeFileSync(full, retouch[step.field](readFileSync(full, 'utf8'), step.fields));
  if (step.kind === 'break') writeFileSync(full, '---\ntitle: [unclosed\n---\n');
  return file;
}

describe('the archive, run after run', () => {
  it('gives what a build from scratch gives, after any adds, edits, copies and deletes', async () => {
    // Each run after one to three changes, as a watcher may report several at once (a rename is
    // a delete and an add: every place after it shifts, the list's length stays).
    const runs = fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(runs, async (batches) => {
        const dir = path.join(mkdtempSync(path.join(tmpdir(), 'news-archive-')), 'seeds');
        cpSync(generatedSeeds(40), dir, { recursive: true });
        const archive = openArchive(dir, openParseCache(), true);
        await runOf(archive);
        let serial = 0;
        for (const steps of batches) {
          const files = steps.map((step) => apply(dir, step, (serial += 1)));
          const incremental = await runOf(archive, files);
          expect(incremental).toEqual(await coldRun(dir));
        }
      }),
      { numRuns: 30 },
    );
  }, 120_000);

  it('reads only the files it is told changed, and lists again when a folder did', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'news-archive-list-')), 'seeds');
    cpSync(generatedSeeds(40), dir, { recursive: true });
    const archive = openArchive(dir, openParseCache(), true);
    // A time in whole seconds, which an edit can be given back exactly (see below).
    const other = path.join(dir, readdirSync(dir).sort()[1] ?? '');
    utimesSync(other, 1e9, 1e9);
    await readArchive(archive);
    const values = {
      title: 'robot deal',
      date: '2021-05-01T00:00:00Z',
      topics: [],
      published: true,
      quality: 50,
    };
    writeFileSync(path.join(dir, 'a-new-one.md'), textOf(values, 'https://a.example/1'));
    // An old file edited too, but not named: it is not looked at, its last parse stays.
    const [old = ''] = readdirSync(dir).sort();
    writeFileSync(
      path.join(dir, old),
      readFileSync(path.join(dir, old), 'utf8').replace(/^title: "/m, 'title: "Unseen '),
    );
    const told = await readArchive(archive, ['a-new-one.md']);
    expect(told.stats).toEqual({ parsed: 1, cached: 40 });
    expect(told.corpus.summary.filesRead).toBe(41);
    expect(told.corpus.articles.some((article) => article.title.startsWith('Unseen '))).toBe(false);
    // Named, a file is read, even with its size and time as they were (an edit in the same tick).
    writeFileSync(other, readFileSync(other, 'utf8').replace(/^title: "(.{6})/m, 'title: "Seen!!'));
    utimesSync(other, 1e9, 1e9);
    const named = await readArchive(archive, [path.basename(other)]);
    expect(named.corpus.articles.some((article) => article.title.startsWith('Seen!!'))).toBe(true);
    // A folder of new files: a change the listing cannot be patched with, so it is walked again.
    const sub = path.join(dir, 'more');
    cpSync(path.join(dir, 'a-new-one.md'), path.join(sub, 'copy.md'), { recursive: true });
    const relisted = await readArchive(archive, ['more']);
    expect(relisted.corpus.summary).toEqual((await coldRun(dir)).summary);
    expect(relisted.corpus.summary.filesRead).toBe(42);
    // Named and gone: read no more, and forgotten by the parse cache (which is saved to disk).
    rmSync(path.join(dir, 'a-new-one.md'));
    const gone = await readArchive(archive, ['a-new-one.md']);
    expect(gone.corpus.summary.filesRead).toBe(41);
    expect(archive.cache.get('a-new-one.md')).toBeUndefined();
    expect(archive.cache.get(path.basename(other))).toBeDefined();
  });

  it('reads a linked file again when its target changes, though a watcher names another file', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'news-archive-link-')), 'seeds');
    cpSync(generatedSeeds(40), dir, { recursive: true });
    const values = {
      title: 'Linked one',
      date: '2021-05-01T00:00:00Z',
      topics: [],
      published: true,
      quality: 50,
    };
    writeFileSync(path.join(dir, 'target.src'), textOf(values, 'https://a.example/linked'));
    symlinkSync('target.src', path.join(dir, 'link.md'));
    const archive = openArchive(dir, openParseCache(), true);
    await runOf(archive);
    writeFileSync(
      path.join(dir, 'target.src'),
      textOf({ ...values, title: 'Linked two' }, 'https://a.example/linked'),
    );
    writeFileSync(path.join(dir, 'b.md'), textOf({ ...values, title: 'Another' }, 'https://a.example/b'));
    const run = await runOf(archive, ['b.md']);
    expect(run).toEqual(await coldRun(dir));
    expect(run.pieces.size).toBeGreaterThan(0);
  });
});
