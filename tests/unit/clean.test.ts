// Cleaning: clutter lines left out, credits, bullets and datelines trimmed, offsets into the original.
import { describe, expect, it } from 'vitest';
import { cleanBody } from '../../server/extract/clean.ts';

function kept(text: string): string[] {
  return cleanBody(text).map((p) => text.slice(p.start, p.end));
}

describe('cleanBody', () => {
  it.each([
    'Advertisement',
    'Share this article',
    'Subscribe to our newsletter',
    'Sign up for the morning briefing',
    'Read more: the summit in numbers',
    'Get more with myPaper',
    'Learn more',
    '02:37',
    'Photo: AFP',
    '(Getty Images)',
    'By Jane Doe',
    'We use cookies to improve your experience. Accept all cookies.',
  ])('drops clutter line %j', (line) => {
    expect(
      kept(`The talks resumed in Geneva on Monday.\n${line}\nBoth sides agreed to meet again.`),
    ).toEqual(['The talks resumed in Geneva on Monday.', 'Both sides agreed to meet again.']);
  });

  it('keeps a caption and cuts its trailing credit', () => {
    expect(kept('Leaders pose for a photo at the summit. Photo: Reuters')).toEqual([
      'Leaders pose for a photo at the summit.',
    ]);
    expect(kept('Delegates arrive for the vote (Getty Images)')).toEqual([
      'Delegates arrive for the vote',
    ]);
  });

  it('drops repeated lines and doubled teasers', () => {
    const text = 'Teaser headline here\nTeaser headline here\nBody text one.\nBody text one.\nEnd.';
    expect(kept(text)).toEqual(['End.']);
  });

  it('drops repeated topic tags', () => {
    const text = 'Middle East\nThe envoy flew home.\nMiddle East\nShe will return in May.';
    expect(kept(text)).toEqual(['The envoy flew home.', 'She will return in May.']);
  });

  it('keeps the text after a dateline and strips bullets', () => {
    expect(kept('NAIROBI (Reuters) - Kenya recalled its envoy on Friday.')).toEqual([
      'Kenya recalled its envoy on Friday.',
    ]);
    expect(kept('  \u2022 The ministers agreed on a ceasefire plan.')).toEqual([
      'The ministers agreed on a ceasefire plan.',
    ]);
  });

  it('leaves HTML tags and script content out of passages', () => {
    const html =
      '<html><head><script>var x = "Russia attacks";</script></head><body><p>Chile signed the pact.</p><p>Peru objected.</p></body></html>';
    const out = kept(html);
    expect(out).toEqual(['Chile signed the pact.', 'Peru objected.']);
  });

  it('returns offsets into the original text', () => {
    const text = 'Advertisement\r\n\r\n  Ghana welcomed the plan.  \n';
    const [p] = cleanBody(text);
    expect(text.slice(p!.start, p!.end)).toBe('Ghana welcomed the plan.');
  });

  it('handles empty input, a 100,000-character line and 5 MB quickly', () => {
    expect(cleanBody('')).toEqual([]);
    const line = 'word '.repeat(20_000);
    let t0 = performance.now();
    expect(cleanBody(line)).toHaveLength(1);
    expect(performance.now() - t0).toBeLessThan(500);
    const big = 'Sweden and Finland joined the alliance after long talks.\n'.repeat(90_000);
    t0 = performance.now();
    cleanBody(big);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});

describe('datelines', () => {
  it.each([
    ['SUVA, Fiji (Reuters, AFP) - Leaders met on Wednesday.', 'Leaders met on Wednesday.'],
    ['LIMA/BOGOTA - The two ministers spoke by phone.', 'The two ministers spoke by phone.'],
    [
      'KARACHI: The prime minister visited the port on Friday.',
      'The prime minister visited the port on Friday.',
    ],
  ])('cuts %j', (line, rest) => {
    expect(kept(line)).toEqual([rest]);
  });

  it('keeps a sentence that opens with a capitalised word and a colon', () => {
    const line = 'Note: the talks resumed in Geneva on Monday.';
    expect(kept(line)).toEqual([line]);
  });
});
