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
    'Photo: Getty Images',
    '(Getty Images)',
    '(Reporting by Jane Roe; editing by John Poe)',
    'Harbour Daily now on Telegram - click here to subscribe',
    'Tuesday, March 3rd 2020 - 08:15 UTC',
    'Updated: Feb 11 2021, 09:40 ist',
    '3 hours ago',
    '+12.50 (+0.41%)',
    'By Jane Doe',
    'We use cookies to improve your experience. Accept all cookies.',
  ])('drops clutter line %j', (line) => {
    expect(
      kept(`The talks resumed in Geneva on Monday.\n${line}\nBoth sides agreed to meet again.`),
    ).toEqual(['The talks resumed in Geneva on Monday.', 'Both sides agreed to meet again.']);
  });

  it('keeps a caption and cuts its trailing credit, keeping a news agency it cites', () => {
    expect(kept('Leaders pose for a photo at the summit. Photo: Reuters')).toEqual([
      'Leaders pose for a photo at the summit.',
      'Reuters',
    ]);
    expect(kept('Delegates arrive for the vote (Getty Images)')).toEqual([
      'Delegates arrive for the vote',
    ]);
  });

  it('drops repeated lines and doubled teasers', () => {
    const text = 'Teaser headline here\nTeaser headline here\nBody text one.\nBody text one.\nEnd.';
    expect(kept(text)).toEqual(['Body text one.', 'End.']);
  });

  it('keeps a doubled caption once', () => {
    const cap = 'Delegates arrive for the opening session of the ASEAN summit in Vientiane';
    const text = `The bloc met on Tuesday.\n${cap}\n${cap}\nIt ended on Friday.`;
    expect(kept(text)).toEqual(['The bloc met on Tuesday.', cap, 'It ended on Friday.']);
    // The same line doubled above the story is the page's headline, set aside.
    expect(kept(`${cap}\n${cap}\nThe bloc met on Tuesday.`)).toEqual(['The bloc met on Tuesday.']);
  });

  it('drops repeated topic tags', () => {
    const text = 'Middle East\nThe envoy flew home.\nMiddle East\nShe will return in May.';
    expect(kept(text)).toEqual(['The envoy flew home.', 'She will return in May.']);
  });

  it('keeps the text after a dateline and strips bullets', () => {
    expect(kept('NAIROBI (Reuters) - Kenya recalled its envoy on Friday.')).toEqual([
      'Reuters',
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
    [
      'SUVA, Fiji (Reuters, AFP) - Leaders met on Wednesday.',
      ['Reuters', 'AFP', 'Leaders met on Wednesday.'],
    ],
    ['LIMA/BOGOTA - The two ministers spoke by phone.', ['The two ministers spoke by phone.']],
    [
      'KARACHI: The prime minister visited the port on Friday.',
      ['The prime minister visited the port on Friday.'],
    ],
    [
      'By Jan Kowal OSLO (AP) \u2014 Norway expelled three diplomats on Monday.',
      ['AP', 'Norway expelled three diplomats on Monday.'],
    ],
  ])('cuts %j, keeping the news agencies it cites', (line, rest) => {
    expect(kept(line)).toEqual(rest);
  });

  it('keeps a sentence that opens with a capitalised word and a colon', () => {
    const line = 'Note: the talks resumed in Geneva on Monday.';
    expect(kept(line)).toEqual([line]);
  });
});

describe('page furniture', () => {
  const body =
    'The two presidents met in Lusaka on Tuesday and signed a trade pact after long talks.\n' +
    'Both sides said the border would reopen next month.';

  it('drops a run of headlines and tags after the last paragraph', () => {
    const text = `${body}\nYou might also like\nFarmers protest new grain levy in the capital\nA quiet town prepares for the festival\nWorld news`;
    expect(kept(text)).toEqual(kept(body));
  });

  it('keeps a single last line without a full stop', () => {
    const text = `${body}\nThe minister said the deal was fair`;
    expect(kept(text)).toHaveLength(3);
  });

  it('keeps short lines with no prose before them', () => {
    expect(kept('Chile signs pact\nPeru objects')).toEqual(['Chile signs pact', 'Peru objects']);
  });

  it('drops video titles after their running time', () => {
    const text = `${body}\n01:42\nRebels seize a town near the lake\nThe talks will resume in May.`;
    expect(kept(text)).toEqual([...kept(body), 'The talks will resume in May.']);
  });

  it.each([['Senegal slams the report as \u201cbiased\u201d'], ['Chad calls the vote "a farce"']])(
    'drops a video title ending in a quote: %s',
    (title) => {
      const text = `${body}\n02:10\n${title}\nThe talks will resume in May.`;
      expect(kept(text)).toEqual([...kept(body), 'The talks will resume in May.']);
    },
  );

  it('keeps a quoted sentence after a running time', () => {
    const line = 'The minister said: "We will not yield."';
    expect(kept(`${body}\n02:10\n${line}`)).toEqual([...kept(body), line]);
  });

  it('drops a section label, ticker names and figures', () => {
    const text = `Markets\n\u2022 Index 40\n\n1,234.50\n+5.10 (+0.41%)\n${body}`;
    expect(kept(text)).toEqual(kept(body));
  });

  it.each([
    ['Photo : Jane Roe', []],
    ['Credit: Reuters Photo', ['Reuters']],
    ['Photo: YONHAP News', ['YONHAP News']],
    ['By Reuters', ['Reuters']],
  ])('keeps the agency a credit line %j cites', (line, agencies) => {
    expect(kept(`${line}\n${body}`)).toEqual([...agencies, ...kept(body)]);
  });
});
