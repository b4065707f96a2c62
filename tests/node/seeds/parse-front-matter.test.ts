import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxFileBytes, parseFrontMatter } from '../../../src/node/seeds/parse-front-matter.ts';
import { parseSeed } from '../../../src/node/seeds/parse-seed.ts';
import { generatedSeeds } from '../../fixtures/generated-seeds.ts';
import { seedFields, seedText, utf8 } from '../../fixtures/seed-text.ts';
import { thoroughFrontMatter } from '../../fixtures/thorough-yaml.ts';

function refused(text: string | Uint8Array) {
  const result = parseFrontMatter(typeof text === 'string' ? utf8(text) : text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result;
}

describe('parseFrontMatter', () => {
  it('reads YAML front matter into plain data', () => {
    const result = parseFrontMatter(utf8(seedText()));
    expect(result.ok && result.data.title).toBe('A headline');
    expect(result.ok && result.data.provider).toMatchObject({ name: 'Example News' });
  });

  it('does not care about a byte-order mark or CRLF line endings', () => {
    const result = parseFrontMatter(utf8(`\uFEFF${seedText().replace(/\n/g, '\r\n')}`));
    expect(result.ok && result.data.title).toBe('A headline');
  });

  it('keeps dates as text rather than YAML timestamps', () => {
    const result = parseFrontMatter(utf8('---\ntitle: x\npublishedDateTime: 2021-03-04T07:00:00Z\n---\n'));
    expect(result.ok && result.data.publishedDateTime).toBe('2021-03-04T07:00:00Z');
  });

  it('gives the line of a field', () => {
    const result = parseFrontMatter(utf8('---\ntitle: x\nrelated:\n  - title: a\n  - title: b\n    webUrl: c\n---\n'));
    expect(result.ok && result.lineOf(['title'])).toBe(2);
    expect(result.ok && result.lineOf(['related', 1, 'webUrl'])).toBe(6);
    // A field that is absent points at the nearest ancestor that exists.
    expect(result.ok && result.lineOf(['related', 1, 'missing'])).toBe(5);
  });

  it.each([
    ['an empty file', '', 'is empty'],
    ['a blank file', '  \n\n', 'is empty'],
    ['a file without front matter', 'title: x\n', 'has no front matter'],
    ['front matter that is never closed', '---\ntitle: x\n', 'never closed'],
    ['an empty front matter', '---\n---\n', 'empty front matter'],
    ['a list instead of a mapping', '---\n- a\n- b\n---\n', 'not a mapping'],
    ['a scalar instead of a mapping', '---\njust text\n---\n', 'not a mapping'],
    ['JSON front matter', '---json\n{"title": "x"}\n---\n', 'only YAML'],
    ['CoffeeScript front matter', '---coffee\ntitle: "x"\n---\n', 'only YAML'],
  ])('refuses %s', (_, text, reason) => {
    expect(refused(text).message).toContain(reason);
  });

  it('refuses invalid YAML with the line of the problem', () => {
    const result = refused('---\ntitle: x\nexcerpt: [unclosed\nheat: 1\n---\n');
    expect(result.message).toMatch(/^has invalid YAML: /);
    expect(result.line).toBeGreaterThanOrEqual(3);
  });

  it('reports values with an unknown YAML tag and keeps them as inert text', () => {
    const text = [
      '---',
      'title: !!js/function "function () { globalThis.__pwned = true }"',
      'publishedDateTime: 2021-03-04T07:00:00Z',
      'originalUrl: https://example.com/a',
      'provider:',
      '  name: !!binary aGVsbG8=',
      'topics:',
      '  - AI',
      '  - !custom Robots',
      '---',
      '',
    ].join('\n');
    const result = parseFrontMatter(utf8(text));
    expect(result.ok && result.unknownTags).toEqual([
      { path: ['title'], tag: '!!js/function' },
      { path: ['provider', 'name'], tag: '!!binary' },
      { path: ['topics', 1], tag: '!custom' },
    ]);
    expect(result.ok && result.data.title).toBe('function () { globalThis.__pwned = true }');
    expect((globalThis as { __pwned?: boolean }).__pwned).toBeUndefined();
    const { article, issues } = parseSeed(utf8(text), 'tagged.md');
    expect(article?.topics).toEqual(['AI', 'Robots']);
    expect(issues).toEqual([
      { severity: 'warning', file: 'tagged.md', line: 2, field: 'title', message: 'has the unknown YAML tag !!js/function; its value was read as plain text' },
      { severity: 'warning', file: 'tagged.md', line: 6, field: 'provider.name', message: 'has the unknown YAML tag !!binary; its value was read as plain text' },
      { severity: 'warning', file: 'tagged.md', line: 9, field: 'topics[1]', message: 'has the unknown YAML tag !custom; its value was read as plain text' },
    ]);
  });

  it('refuses duplicate keys', () => {
    const result = refused('---\ntitle: a\ntitle: b\n---\n');
    expect(result.message).toMatch(/invalid YAML: .*unique/i);
    expect(result.line).toBe(3);
  });

  it('refuses binary and non-UTF-8 files', () => {
    expect(refused(new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01])).message).toBe('is a binary file, not text');
    expect(refused(new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a])).message).toBe('is not valid UTF-8 text');
  });

  it('refuses files over the size limit before parsing them', () => {
    const huge = new Uint8Array(maxFileBytes + 1).fill(0x61);
    expect(refused(huge).message).toContain('seed files are limited to');
  });

  it('never runs JavaScript front matter', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'news-js-'));
    const marker = path.join(dir, 'ran');
    for (const language of ['js', 'javascript', 'JS']) {
      const text = `---${language}\n{ title: require('fs').writeFileSync(${JSON.stringify(marker)}, 'x') }\n---\n`;
      expect(refused(text).message).toMatch(/only YAML/);
    }
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i += 1) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${prev}`).join(',')}]`);
    }
    const result = refused(`---\ntitle: x\n${levels.join('\n')}\n---\n`);
    expect(result.message).toMatch(/aliases that expand too far/);
  });

  it('reads an ampersand or asterisk in text as text, and a real anchor as an anchor', () => {
    const text = parseFrontMatter(utf8('---\ntitle: "R&D spend * 2"\nexcerpt: A & B\n---\n'));
    expect(text.ok && text.data).toEqual({ title: 'R&D spend * 2', excerpt: 'A & B' });
    const anchored = parseFrontMatter(utf8('---\ntitle: &t Same\nexcerpt: *t\n---\n'));
    expect(anchored.ok && anchored.data).toEqual({ title: 'Same', excerpt: 'Same' });
  });

  it('keeps __proto__ and constructor keys as plain data, never touching Object.prototype', () => {
    const result = parseFrontMatter(
      utf8('---\ntitle: x\n__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\n---\n'),
    );
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(result.ok && Object.getPrototypeOf(result.data)).toBe(Object.prototype);
  });

  it('returns fresh data on every call, even for the same text', () => {
    const text = utf8(seedText());
    const first = parseFrontMatter(text);
    const second = parseFrontMatter(text);
    expect(first.ok && second.ok && first.data !== second.data).toBe(true);
  });
});

describe('the fast YAML path', () => {
  const thorough = thoroughFrontMatter;

  it('reads every file of a generated archive exactly as the thorough parser does', () => {
    const corpus = generatedSeeds(192);
    for (const name of readdirSync(corpus)) {
      const bytes = readFileSync(path.join(corpus, name));
      const result = parseFrontMatter(bytes);
      expect(result.ok && result.data, name).toEqual(thorough(bytes.toString('utf8')));
    }
  });

  it('gives plain JSON data: a non-finite number becomes null, a __proto__ key stays an own key', () => {
    const text = '---\ntitle: x\nquality: .inf\nheat: -.Inf\nlist: [.nan, 1, {a: .inf}]\n__proto__: .nan\n---\n';
    const result = parseFrontMatter(utf8(text));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).toEqual(thorough(text));
    expect(result.data).toEqual(
      JSON.parse('{"title":"x","quality":null,"heat":null,"list":[null,1,{"a":null}],"__proto__":null}'),
    );
    expect(Object.hasOwn(result.data, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(result.data, '__proto__')?.value).toBeNull();
    expect(Object.getPrototypeOf(result.data)).toBe(Object.prototype);
  });

  it('reads the bundled seed and a generated one exactly as the thorough parser does', () => {
    const text = readFileSync('seeds/000_0a2167d0d2ea9f38.txt', 'utf8');
    const result = parseFrontMatter(utf8(text));
    expect(result.ok && result.data).toEqual(thorough(text));
    const generated = seedText(seedFields({ published: false, topics: ['a & b', '*star'], excerpt: 'x: &y *z' }));
    const fromGenerated = parseFrontMatter(utf8(generated));
    expect(fromGenerated.ok && fromGenerated.data).toEqual(thorough(generated));
  });
});
