import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeRichText } from './html.ts';

describe('rich text sanitising', () => {
  it.each([
    ['<script>alert(1)</script><p>ok</p>', '<p>ok</p>'],
    ['<img src=x onerror=alert(1)>text', 'text'],
    ['<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'],
    ['<p style="background:url(x)" onclick="x()">p</p>', '<p>p</p>'],
    ['<svg><script>alert(1)</script></svg>after', 'after'],
    ['<iframe src="https://evil.example"></iframe>x', 'x'],
    [
      '<a href="https://ilo.org" target="_blank">ILO</a>',
      '<a href="https://ilo.org" rel="noopener noreferrer nofollow">ILO</a>',
    ],
    ['<ul><li><strong>kept</strong></li></ul>', '<ul><li><strong>kept</strong></li></ul>'],
  ])('%s → %s', (input, output) => {
    expect(sanitizeRichText(input)).toBe(output);
  });

  it('gives the visible text for search', () => {
    expect(htmlToText('<p>One &amp; two</p><ul><li>three</li></ul>')).toBe('One & two\nthree');
  });
});
