import { describe, expect, it } from 'vitest';
import { youtubeIdFromEmbed } from '../../src/shared/youtube.ts';

describe('youtubeIdFromEmbed', () => {
  it('reads the id from the corpus form of an embed', () => {
    const html =
      '<iframe width="800" height="500" frameborder="0" src="https://www.youtube.com/embed/WJk-Y8LQlfE" allow="accelerometer; autoplay" allowfullscreen></iframe>';
    expect(youtubeIdFromEmbed(html)).toBe('WJk-Y8LQlfE');
  });

  it('accepts single quotes, the nocookie host and query strings', () => {
    expect(
      youtubeIdFromEmbed("<iframe src='https://www.youtube-nocookie.com/embed/abcdefghijk?rel=0'></iframe>"),
    ).toBe('abcdefghijk');
  });

  it.each([
    ['another host', '<iframe src="https://evil.example/embed/WJk-Y8LQlfE"></iframe>'],
    ['a look-alike host', '<iframe src="https://www.youtube.com.evil.example/embed/WJk-Y8LQlfE"></iframe>'],
    [
      'an event handler',
      '<iframe src="https://www.youtube.com/embed/WJk-Y8LQlfE" onload="alert(1)"></iframe>',
    ],
    [
      'srcdoc',
      '<iframe srcdoc="<script>alert(1)</script>" src="https://www.youtube.com/embed/WJk-Y8LQlfE"></iframe>',
    ],
    ['a script', '<script>alert(1)</script>'],
    [
      'a script after the iframe',
      '<iframe src="https://www.youtube.com/embed/WJk-Y8LQlfE"></iframe><script>x</script>',
    ],
    ['a javascript: src', '<iframe src="javascript:alert(1)"></iframe>'],
    ['a malformed id', '<iframe src="https://www.youtube.com/embed/not-an-id!"></iframe>'],
    ['a watch page', '<iframe src="https://www.youtube.com/watch?v=WJk-Y8LQlfE"></iframe>'],
    ['plain text', 'hello'],
  ])('refuses %s', (_, html) => {
    expect(youtubeIdFromEmbed(html)).toBeUndefined();
  });
});
