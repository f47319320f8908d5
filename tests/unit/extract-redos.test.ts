// Extractor against inputs built to trigger catastrophic regex backtracking or quadratic scans
// (long runs of what its patterns repeat: spaces, punctuation, brackets, quotes, names, titles,
// hyphens, dates, markup): each must stay sound, and 8x the input must take far less than the 64x a quadratic scan would.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../server/extract/index.ts';

const SHAPES: Record<string, string> = {
  'spaces and tabs': 'Germany \t \u00a0 \t  ',
  'punctuation run': '.,;:!?…—–-',
  'open brackets': '((([[[{{{',
  'bracketed acronyms': 'the Alliance (ABC) (DEF) ',
  'straight quotes': '"\'"\' ',
  'curly quotes': '“‘’” ',
  'capitalised words': 'Ab Cd Ef Gh ',
  'known names': 'Xi Jinping Joe Biden Kim Jong Un ',
  'title chains': 'President Prime Minister Foreign Minister ',
  'title modifiers': 'former acting then- newly elected ',
  'hyphen chains': 'Russia-Ukraine-',
  possessives: "China's Russia's Japan's ",
  'of-the chains': 'the ministry of the office of the ',
  dates: 'January 5, 2023, on Monday, last week, ',
  digits: '1,000.5 2,5 3/4/5 ',
  newlines: 'Share on Twitter\n\n\r\n',
  markup: '<div><p>&amp;&#39;<!-- ',
  'speaker colons': 'ISLAMABAD: BEIJING: ',
  'commas after a name': 'Wang Yi, , , ',
  'verb soup': 'criticized accused praised met signed ',
};

function make(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

function sound(text: string) {
  const x = extractArticle({ text });
  for (const e of x.events) {
    expect(text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.quote);
  }
  for (const a of x.actors) {
    for (const m of a.mentions) {
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeLessThanOrEqual(text.length);
    }
  }
}

function fastest(text: string): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    extractArticle({ text });
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('extractor under backtracking bait', () => {
  for (const [name, unit] of Object.entries(SHAPES)) {
    it(`stays sound and linear on ${name}`, () => {
      sound(make(unit, 2_000));
      const small = fastest(make(unit, 2_500));
      const large = fastest(make(unit, 20_000));
      // Linear is 8x, quadratic 64x; 24x leaves room for a loaded machine, and the floor absorbs
      // timer noise on tiny inputs.
      expect(large, `${small.toFixed(1)} ms -> ${large.toFixed(1)} ms`).toBeLessThan(
        Math.max(24 * small, 300),
      );
    });
  }

  it('stays sound and linear with the bait inside ordinary sentences', () => {
    const sentence = (i: number) =>
      `Germany criticized France ${Object.values(SHAPES)[i % 20]!.repeat(3)} on Monday. `;
    const article = (n: number) => Array.from({ length: n }, (_, i) => sentence(i)).join('');
    sound(article(20));
    const small = fastest(article(20));
    const large = fastest(article(160));
    expect(large, `${small.toFixed(1)} ms -> ${large.toFixed(1)} ms`).toBeLessThan(
      Math.max(24 * small, 300),
    );
  });
});
