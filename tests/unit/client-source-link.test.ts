// The explorer's source link: an http(s) URL becomes a link; any other stored value, however it
// is spelled, is shown as text and never becomes an href.
import { describe, expect, it } from 'vitest';
import { safeUrl, sourceLink } from '../../client/src/panels/index.ts';

describe('source link', () => {
  it('links http and https URLs', () => {
    expect(sourceLink('https://news.example.org/a?b=1')).toEqual({
      kind: 'link',
      href: 'https://news.example.org/a?b=1',
    });
    expect(sourceLink('HTTP://Wire.Example.net')).toEqual({
      kind: 'link',
      href: 'http://wire.example.net/',
    });
    expect(sourceLink(null)).toBeNull();
    expect(sourceLink('')).toBeNull();
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\u0000javascript:alert(1)',
    '\u001fjavascript:alert(1)',
    '\njavascript:alert(1)',
    'java\tscript:alert(1)',
    'javascript&#58;alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    ' https://news.example.org/',
    '//evil.example/',
  ])('shows %j as text, never as a link', (url) => {
    expect(safeUrl(url)).toBeNull();
    expect(sourceLink(url)).toEqual({ kind: 'text', text: url });
  });
});
