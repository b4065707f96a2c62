import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from '../../src/shared/safe-url.ts';

describe('safeHttpUrl', () => {
  it.each([
    ['https://example.com/a?b=c', 'https://example.com/a?b=c'],
    ['http://example.com', 'http://example.com/'],
    ['  https://example.com/padded  ', 'https://example.com/padded'],
    ['HTTPS://Example.COM/Path', 'https://example.com/Path'],
  ])('keeps %j as %j', (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '  javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/path',
    '/relative/path',
    'mailto:someone@example.com',
    'https://user:pass@example.com/',
    '',
    '   ',
  ])('refuses %j', (input) => {
    expect(safeHttpUrl(input)).toBeUndefined();
  });

  it('refuses values that are not strings', () => {
    expect(safeHttpUrl(42)).toBeUndefined();
    expect(safeHttpUrl({ url: 'https://example.com' })).toBeUndefined();
    expect(safeHttpUrl(undefined)).toBeUndefined();
  });

  it('takes a link already in its parsed form as it is, and gives every other link as the URL parser would', () => {
    // The reference: the parser's answer, which safeHttpUrl skips for links already in that form.
    const parsed = (value: string): string | undefined => {
      const trimmed = value.trim();
      // eslint-disable-next-line no-control-regex
      if (trimmed === '' || /[\u0000-\u001f\u007f]/.test(trimmed)) return undefined;
      let url: URL;
      try {
        url = new URL(trimmed);
      } catch {
        return undefined;
      }
      const http = url.protocol === 'http:' || url.protocol === 'https:';
      return http && url.hostname !== '' && url.username === '' && url.password === '' ? url.href : undefined;
    };
    const piece = (...options: string[]) => fc.constantFrom(...options);
    const host = fc
      .array(
        piece(
          'example',
          'news',
          'a-b',
          'A',
          'xn--bcher-kva',
          'xn--zz',
          '-x',
          'x-',
          '1',
          '0x10',
          '255',
          'ex_ample',
          'é',
          'com',
        ),
        {
          minLength: 1,
          maxLength: 4,
        },
      )
      .map((labels) => labels.join('.'));
    const text = (alphabet: string[]) =>
      fc.array(piece(...alphabet), { maxLength: 8 }).map((parts) => parts.join(''));
    const tricky = [
      'a',
      'Z',
      '0',
      '-',
      '.',
      '..',
      '/',
      '%2e',
      '%2E',
      '%41',
      '%',
      '%zz',
      '\\',
      '^',
      '`',
      '{',
      '}',
      ' ',
      "'",
      '"',
      '<',
      'é',
      '|',
      '[',
      ']',
      '~',
      '@',
      ':',
      '?',
      '#',
      '&',
      '=',
      '+',
    ];
    const link = fc
      .tuple(
        piece('http', 'https', 'HTTP', 'hTTps', 'ftp', 'javascript'),
        piece('://', ':/', ':', '://user@', '://u:p@'),
        host,
        piece('', ':80', ':443', ':8080', ':'),
        piece('', '/'),
        text(tricky),
        piece('', '?'),
        text(tricky),
        piece('', '#'),
        text(tricky),
        piece('', ' ', '\t'),
      )
      .map((parts) => parts.join(''));
    const web = fc.webUrl({
      validSchemes: ['http', 'https'],
      withQueryParameters: true,
      withFragments: true,
      authoritySettings: {
        withPort: true,
        withUserInfo: true,
        withIPv4: true,
        withIPv6: true,
        withIPv4Extended: true,
      },
    });
    // Links near the form taken as it is: mostly plain parts, now and then one the parser changes.
    const some = (plain: string[], changed: string[], separator: string, maxLength = 4) =>
      fc
        .array(
          fc.oneof({ weight: 6, arbitrary: piece(...plain) }, { weight: 1, arbitrary: piece(...changed) }),
          {
            maxLength,
          },
        )
        .map((parts) => parts.join(separator));
    const near = fc
      .tuple(
        fc.oneof(
          { weight: 6, arbitrary: piece('https://', 'http://') },
          { weight: 1, arbitrary: piece('HTTP://', 'https:/') },
        ),
        some(
          ['example', 'news', 'a-b', 'x1', '9'],
          ['xn--bcher-kva', 'xn--zz', 'a--b', '-x', 'x-', 'A', '0x10', 'é', '_'],
          '.',
        ),
        fc.oneof(
          { weight: 6, arbitrary: piece('.com/', '.co/') },
          { weight: 1, arbitrary: piece('', '.com', '.1/', '.com:443/', '.com./') },
        ),
        some(
          ['a', 'story', '2021', 'a-b_c', '~x', "it's", 'a%20b', '%41', '', 'x.y', '...'],
          [
            '.',
            '..',
            '%2e',
            '%2E',
            '.%2E',
            '%2e.',
            'a^b',
            'a\\b',
            'a`b',
            'é',
            'a b',
            '{x}',
            '|',
            '[1]',
            '%',
            '%zz',
            'a"b',
            '<',
          ],
          '/',
        ),
        fc.oneof(
          piece(''),
          some(
            ['a=1', 'b', 'c=%20', '/x', '?', 'q=a.b'],
            ["q='x'", 'd=^', 'e=`', 'x=é', '/..', 'a b', '#'],
            '&',
          ).map((q) => `?${q}`),
        ),
        fc.oneof(
          piece(''),
          some(['top', "it's", '/x', '?y', 'a=1'], ['a`b', 'é', 'a b', '#', '<'], '-').map((f) => `#${f}`),
        ),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(link, web, near), (value) => {
        expect(safeHttpUrl(value)).toBe(parsed(value));
      }),
      { numRuns: 20_000 },
    );
    // The fast form itself: written links are mostly so.
    expect(safeHttpUrl('https://news.example/2021/a-story_1?id=3&x=%20y#top')).toBe(
      'https://news.example/2021/a-story_1?id=3&x=%20y#top',
    );
  });
});
