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
});
