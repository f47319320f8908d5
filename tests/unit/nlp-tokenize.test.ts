// The UD-style tokenizer: offsets that always slice the text, the named English cases (clitics,
// U.S., abbreviations, hyphens, numbers, quotes, URLs), Unicode names, sentence splitting, and
// linear time on hostile input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../server/nlp/tokenize/index.ts';

/** Token texts per sentence. */
function split(text: string): string[][] {
  return tokenize(text).map((s) => s.tokens.map((t) => t.text));
}

/** All token texts, sentences flattened. */
function words(text: string): string[] {
  return split(text).flat();
}

/** Sentence texts as sliced from the input. */
function sentenceTexts(text: string): string[] {
  return tokenize(text).map((s) => text.slice(s.start, s.end));
}

function checkInvariants(text: string): void {
  const sentences = tokenize(text);
  let last = 0;
  const covered: string[] = [];
  for (const s of sentences) {
    expect(s.tokens.length).toBeGreaterThan(0);
    expect(s.start).toBe(s.tokens[0]!.start);
    expect(s.end).toBe(s.tokens[s.tokens.length - 1]!.end);
    for (const t of s.tokens) {
      expect(t.start).toBeGreaterThanOrEqual(last);
      expect(t.end).toBeGreaterThan(t.start);
      expect(t.end).toBeLessThanOrEqual(text.length);
      expect(text.slice(t.start, t.end)).toBe(t.text);
      covered.push(t.text);
      last = t.end;
    }
  }
  // Nothing but white space is left out, and no token splits a surrogate pair.
  expect(covered.join('')).toBe(text.replace(/[\s\u200b\u2060\ufeff]+/gu, ''));
  for (const s of sentences) {
    for (const t of s.tokens) {
      const before = text.charCodeAt(t.start - 1);
      const first = text.charCodeAt(t.start);
      const splitsPair =
        t.start > 0 && before >= 0xd800 && before <= 0xdbff && first >= 0xdc00 && first <= 0xdfff;
      expect(splitsPair).toBe(false);
    }
  }
}

describe('tokenize: clitics and contractions', () => {
  it('splits negation and pronoun clitics the way UD English does', () => {
    expect(words("Accra didn't sign and Lomé won't either; they can't agree, we're told.")).toEqual(
      [
        'Accra',
        'did',
        "n't",
        'sign',
        'and',
        'Lomé',
        'wo',
        "n't",
        'either',
        ';',
        'they',
        'ca',
        "n't",
        'agree',
        ',',
        'we',
        "'re",
        'told',
        '.',
      ],
    );
    expect(words("It'll pass, she'd said, they've voted and I'm sure.")).toEqual([
      'It',
      "'ll",
      'pass',
      ',',
      'she',
      "'d",
      'said',
      ',',
      'they',
      "'ve",
      'voted',
      'and',
      'I',
      "'m",
      'sure',
      '.',
    ]);
    expect(words('The junta cannot wait.')).toEqual(['The', 'junta', 'can', 'not', 'wait', '.']);
  });

  it('handles the curly apostrophe and the possessive', () => {
    expect(words('Nairobi’s envoy doesn’t think Kampala’s offer is final.')).toEqual([
      'Nairobi',
      '’s',
      'envoy',
      'does',
      'n’t',
      'think',
      'Kampala',
      '’s',
      'offer',
      'is',
      'final',
      '.',
    ]);
    expect(words("the ministers' talks")).toEqual(['the', 'ministers', "'", 'talks']);
  });

  it('keeps apostrophes inside names and decades', () => {
    expect(words("O'Higgins met d'Almeida in the 1990's.")).toEqual([
      "O'Higgins",
      'met',
      "d'Almeida",
      'in',
      'the',
      "1990's",
      '.',
    ]);
  });
});

describe('tokenize: abbreviations, initials and numbers', () => {
  it('keeps U.S. and U.N. whole without ending the sentence', () => {
    const text = 'The U.S. and the U.N. condemned the raid near Goma.';
    expect(split(text)).toEqual([
      ['The', 'U.S.', 'and', 'the', 'U.N.', 'condemned', 'the', 'raid', 'near', 'Goma', '.'],
    ]);
  });

  it('does not end sentences at titles, months, company suffixes or "No."', () => {
    const text =
      'Gen. Abdourahamane Tiani met Mr. Bazoum on Jan. 12 at No. 3 Avenue, and Sahel Mining Inc. agreed.';
    expect(split(text)).toHaveLength(1);
    expect(words(text)).toContain('Gen.');
    expect(words(text)).toContain('Jan.');
    expect(words(text)).toContain('No.');
    expect(words(text)).toContain('Inc.');
  });

  it('keeps initials with their name', () => {
    expect(split('Envoy J. K. Mensah arrived in Abuja. Talks began.')).toEqual([
      ['Envoy', 'J.', 'K.', 'Mensah', 'arrived', 'in', 'Abuja', '.'],
      ['Talks', 'began', '.'],
    ]);
  });

  it('ends a sentence after an abbreviation when a sentence opener follows, not before lower case', () => {
    expect(sentenceTexts('The delegation flew back to the U.S. The talks had failed.')).toEqual([
      'The delegation flew back to the U.S.',
      'The talks had failed.',
    ]);
    expect(sentenceTexts('Shares of Andes Copper Inc. rose after the vote.')).toHaveLength(1);
  });

  it('keeps numbers whole and splits percent and currency signs', () => {
    expect(words('Lima pledged $1,000,000, 3.5 tonnes and 10% more by 5pm.')).toEqual([
      'Lima',
      'pledged',
      '$',
      '1,000,000',
      ',',
      '3.5',
      'tonnes',
      'and',
      '10',
      '%',
      'more',
      'by',
      '5',
      'pm',
      '.',
    ]);
  });
});

describe('tokenize: hyphens, URLs, quotes and punctuation', () => {
  it('splits hyphenated compounds as EWT and GUM do, keeping prefixes like co- and non-', () => {
    expect(words('Quito-based rebels and Timor-Leste')).toEqual([
      'Quito',
      '-',
      'based',
      'rebels',
      'and',
      'Timor',
      '-',
      'Leste',
    ]);
    expect(words('a co-founder of the non-state group al-Shabaab')).toEqual([
      'a',
      'co-founder',
      'of',
      'the',
      'non-state',
      'group',
      'al',
      '-',
      'Shabaab',
    ]);
  });

  it('gives a hyphenated name offsets that cover it whole', () => {
    const text = 'Troops from Guinea-Bissau arrived.';
    const tokens = tokenize(text)[0]!.tokens;
    const first = tokens.findIndex((t) => t.text === 'Guinea');
    expect(text.slice(tokens[first]!.start, tokens[first + 2]!.end)).toBe('Guinea-Bissau');
  });

  it('keeps URLs and e-mail addresses whole, leaving trailing punctuation out', () => {
    expect(
      words('See https://example.org/report?id=7&lang=en. Or write to press@mfa.example.gh.'),
    ).toEqual([
      'See',
      'https://example.org/report?id=7&lang=en',
      '.',
      'Or',
      'write',
      'to',
      'press@mfa.example.gh',
      '.',
    ]);
    expect(words('(www.example.com/a_b)')).toEqual(['(', 'www.example.com/a_b', ')']);
    expect(words('Follow @Sahel_Watch and #ceasefire updates.')).toEqual([
      'Follow',
      '@Sahel_Watch',
      'and',
      '#ceasefire',
      'updates',
      '.',
    ]);
  });

  it('keeps closing quotes with the sentence they close', () => {
    expect(sentenceTexts('"We will not yield." The minister then left Tbilisi.')).toEqual([
      '"We will not yield."',
      'The minister then left Tbilisi.',
    ]);
    expect(sentenceTexts('She said: “It is over.” Then she flew to Yerevan.')).toEqual([
      'She said: “It is over.”',
      'Then she flew to Yerevan.',
    ]);
    expect(sentenceTexts('(The vote was close.) Observers agreed.')).toEqual([
      '(The vote was close.)',
      'Observers agreed.',
    ]);
  });

  it('lets a quoted question run on into its attribution', () => {
    expect(sentenceTexts('"Why now?" asked the envoy from Dili.')).toHaveLength(1);
  });

  it('splits dashes, ellipses and runs of marks', () => {
    expect(words('Wait... what — really?! Yes -- truly…')).toEqual([
      'Wait',
      '...',
      'what',
      '—',
      'really',
      '?!',
      'Yes',
      '--',
      'truly',
      '…',
    ]);
  });
});

describe('tokenize: Unicode', () => {
  it('keeps accented, decomposed and non-Latin names as single tokens', () => {
    const text =
      'Erdoğan, Radosław Sikorski, Mevlüt Çavuşoğlu and Nguyễn Phú Trọng met Jose\u0301 Ramos, ' +
      'Владимир Зеленский, 王毅 and محمد بن سلمان.';
    expect(words(text)).toEqual([
      'Erdoğan',
      ',',
      'Radosław',
      'Sikorski',
      ',',
      'Mevlüt',
      'Çavuşoğlu',
      'and',
      'Nguyễn',
      'Phú',
      'Trọng',
      'met',
      'Jose\u0301',
      'Ramos',
      ',',
      'Владимир',
      'Зеленский',
      ',',
      '王毅',
      'and',
      'محمد',
      'بن',
      'سلمان',
      '.',
    ]);
  });

  it('never splits a surrogate pair and survives lone surrogates', () => {
    expect(words('Peace 😀🇺🇳 now')).toEqual(['Peace', '😀', '🇺🇳', 'now']);
    for (const text of [
      '\ud800',
      '\udc00abc',
      'a\ud800\ud800b',
      'x\udfff\ud83d',
      '\ud83d\ude00\ud83d',
      'a\ud800\ud800\udc00b',
      '\udbff\udbff\udfff--',
    ]) {
      checkInvariants(text);
    }
  });
});

describe('tokenize: sentences and lines', () => {
  it('splits at . ! ? and keeps lower-case continuations after abbreviations', () => {
    expect(
      sentenceTexts('Talks collapsed! Did Riga object? Yes. Vilnius, e.g. its mayor, did not.'),
    ).toEqual([
      'Talks collapsed!',
      'Did Riga object?',
      'Yes.',
      'Vilnius, e.g. its mayor, did not.',
    ]);
  });

  it('ends sentences at blank lines and after headline-like lines', () => {
    expect(sentenceTexts('Talks resume in Doha\n\nMediators arrived on Monday')).toEqual([
      'Talks resume in Doha',
      'Mediators arrived on Monday',
    ]);
    expect(sentenceTexts('Ceasefire Holds in Kordofan\nResidents returned on Sunday.')).toEqual([
      'Ceasefire Holds in Kordofan',
      'Residents returned on Sunday.',
    ]);
  });

  it('starts a sentence at each bulleted line', () => {
    expect(
      sentenceTexts('Key points\n• Talks resume in Doha\n• Hostages freed\n- A truce holds'),
    ).toEqual(['Key points', '• Talks resume in Doha', '• Hostages freed', '- A truce holds']);
  });

  it('does not split hard-wrapped prose at its line breaks', () => {
    const text =
      'The foreign minister of Paraguay said on Tuesday that the border agreement with\n' +
      'neighbouring Bolivia would be signed before the end of the year, officials said.';
    expect(sentenceTexts(text)).toHaveLength(1);
  });

  it('returns nothing for empty or blank text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \n\t\u00a0 ')).toEqual([]);
  });
});

describe('tokenize: offsets on hostile text (property)', () => {
  const alphabet = [
    'a',
    'Z',
    'é',
    'ğ',
    '\u0301',
    '\u200d',
    '1',
    '0',
    ' ',
    '\n',
    '\n\n',
    '\t',
    '\u00a0',
    '.',
    '!',
    '?',
    ',',
    ';',
    ':',
    '-',
    '—',
    "'",
    '’',
    '"',
    '“',
    '”',
    '(',
    ')',
    '[',
    ']',
    '@',
    '/',
    '$',
    '%',
    '&',
    '#',
    '_',
    'U.S.',
    'Mr.',
    "n't",
    "'s",
    'http://',
    'www.',
    '😀',
    '\ud800',
    '\udc00',
    'Ж',
    '東',
    '…',
    '...',
    'e-mail',
    'Inc.',
    ':)',
  ];
  const hostile = fc
    .array(fc.constantFrom(...alphabet), { maxLength: 80 })
    .map((parts) => parts.join(''));

  it('every token slices the text; tokens are ordered, non-overlapping, inside their sentence', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        checkInvariants(text);
      }),
      { numRuns: 600 },
    );
  });

  it('holds for arbitrary UTF-16 strings too', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        checkInvariants(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('tokenize: linear time on hostile input', () => {
  /**
   * Milliseconds per call, best of `trials` trials of `reps` calls each. Timing eight calls of the
   * small input against one of the large keeps both trials equally long, so load from other
   * processes and garbage collection weigh on both sides alike.
   */
  function perCall(text: string, reps: number, trials = 3): number {
    let best = Infinity;
    for (let trial = 0; trial < trials; trial++) {
      const started = performance.now();
      for (let r = 0; r < reps; r++) tokenize(text);
      best = Math.min(best, (performance.now() - started) / reps);
    }
    return best;
  }

  // Sizes are the 8x input; inputs made of one-character tokens stay smaller so that a single
  // sentence of tens of thousands of tokens does not turn the figure into a garbage-collector test.
  const inputs: Array<[string, (n: number) => string, number]> = [
    ['200k characters without spaces', (n) => 'abcdefghij'.repeat(n / 10), 200_000],
    ['100k periods', (n) => '.'.repeat(n), 100_000],
    ['spaced question marks', (n) => '? '.repeat(n / 2), 100_000],
    ['spaced ellipses and brackets', (n) => 'a... ) '.repeat(n / 7), 98_000],
    ['a long run of one quote mark', (n) => '"'.repeat(n), 200_000],
    ['mixed quote marks', (n) => '"\'“”‘’`'.repeat(n / 7), 28_000],
    ['U.S.U.S.U.S...', (n) => 'U.S.'.repeat(n / 4), 200_000],
    ['hyphen chains', (n) => 'a-1-'.repeat(n / 4), 48_000],
    ['digit groups', (n) => '1-234-5678,'.repeat(n / 11), 176_000],
    ['apostrophes', (n) => "n't's'".repeat(n / 6), 72_000],
    ['mixed scripts', (n) => 'Ωmega-Київ東京Mr.É\u0301😀:)'.repeat(n / 20), 160_000],
    ['prose', (n) => 'Officials in Dakar said talks would resume. '.repeat(n / 44), 176_000],
  ];

  // Timing on a shared machine: a failed comparison is measured again (twice at most).
  it.each(inputs)(
    '%s: 8x the input takes under 24x the time',
    { retry: 2 },
    (_name, make, size) => {
      const small = make(size / 8);
      const large = make(size);
      perCall(small, 8, 2); // warm-up
      // Inputs that take well under a millisecond are repeated so each trial lasts about 5 ms.
      const once = Math.max(perCall(large, 1, 2), 0.01);
      const reps = Math.min(64, Math.max(1, Math.ceil(5 / once)));
      const smallMs = perCall(small, 8 * reps);
      const largeMs = perCall(large, reps);
      expect(largeMs).toBeLessThan(24 * smallMs);
    },
  );
});
