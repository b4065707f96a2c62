import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStories } from '../fixtures/check-seeds.ts';
import { seedFields, seedText } from '../fixtures/seed-text.ts';

/** A folder of four articles: two print the same headline (one story), one is the same event in other words, one is another. */
function folder(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'news-check-stories-')), 'seeds');
  mkdirSync(dir);
  const seed = (file: string, title: string, hour: number, outlet: string) =>
    writeFileSync(
      path.join(dir, file),
      seedText(
        seedFields({
          title,
          excerpt: '',
          publishedDateTime: `2021-03-04T${String(hour).padStart(2, '0')}:00:00Z`,
          originalUrl: `https://${outlet}/${file}`,
          webUrl: `https://${outlet}/${file}`,
          provider: { name: outlet, domain: outlet },
        }),
      ),
    );
  seed('a.md', 'Zorbex buys Quintal for two billion', 1, 'one.example');
  seed('b.md', 'Zorbex buys Quintal for two billion', 2, 'two.example');
  seed('c.md', 'Deal done: the maker of chips changes hands', 3, 'three.example');
  seed('d.md', 'Harbour city opens a new bridge', 4, 'four.example');
  return dir;
}

const labels = { stories: [{ event: 'Zorbex buys Quintal', files: ['a.md', 'b.md', 'c.md'] }] };

describe('npm run check:stories', () => {
  it('scores the stories found against the folder’s stories.json, naming each pair missed', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'stories.json'), JSON.stringify(labels));
    const result = await checkStories(dir);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[1]).toBe(
      'precision 1.000 (1 of 1 pairs made are labelled), recall 0.333 (1 of 3 labelled pairs found)',
    );
    expect(result.stdout).toContain('missed pairs (2):\n  a.md\n  c.md\n');
    expect(result.stdout).toContain(
      '“Zorbex buys Quintal for two billion” / “Deal done: the maker of chips changes hands”',
    );
    expect(result.stdout).toContain('pairs wrongly made (0):');
  });

  it('reads labels from another file, and counts a pair no label holds as wrong', async () => {
    const dir = folder();
    const other = path.join(path.dirname(dir), 'labels.json');
    writeFileSync(other, JSON.stringify({ stories: [{ files: ['a.md', 'c.md'] }] }));
    const result = await checkStories(dir, other, '--json');
    expect(result.code).toBe(0);
    const scores = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(scores).toMatchObject({
      precision: 0,
      recall: 0,
      wrong: [['a.md', 'b.md']],
      missed: [['a.md', 'c.md']],
    });
  });

  it('names the labels file and what is wrong with it, and exits 2', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'stories.json'), JSON.stringify({ stories: [{ files: ['a.md'] }] }));
    const result = await checkStories(dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${path.join(dir, 'stories.json')}: not a labels file (stories.0.files:`);
    expect((await checkStories(path.join(dir, 'missing'))).code).toBe(2);
    expect((await checkStories()).stderr).toContain('usage: npm run check:stories -- DIR [LABELS]');
  });
});
