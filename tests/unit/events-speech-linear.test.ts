// Reported-speech chains without full stops ("Japan said China said ...", "X said that Y said that",
// "told ... that", quotes inside quotes) up to 200,000 characters: the event stage must stay sound,
// give the innermost speaker's charge, and take linear time (8x the input far below the 64x of a quadratic scan).
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../server/extract/index.ts';

const CHAINS: Record<string, string> = {
  'said chains': 'Japan said China said ',
  'said that chains': 'Brazil said that Argentina said that ',
  'told that chains': 'Kenya told Ethiopia that Egypt told Sudan that ',
  'nested quotes': 'Peru said “Chile said ‘Bolivia said “',
  'according to chains': 'according to Norway, Sweden said ',
};

function make(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)) + 'Iran attacked Iraq.';
}

function fastest(text: string): number {
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const started = performance.now();
    extractArticle({ text });
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('reported speech chains', () => {
  for (const [name, unit] of Object.entries(CHAINS)) {
    it(`stays sound and linear on ${name}`, () => {
      const text = make(unit, 2_000);
      const x = extractArticle({ text });
      for (const e of x.events)
        expect(text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.quote);
      expect(x.events.some((e) => e.target === 'iran' && e.type === 'ACCUSE')).toBe(true);
      const small = fastest(make(unit, 12_500));
      const large = fastest(make(unit, 100_000));
      expect(large, `${small.toFixed(1)} ms -> ${large.toFixed(1)} ms`).toBeLessThan(
        Math.max(24 * small, 300),
      );
    }, 120_000);
  }

  it('handles a 200,000-character chain in one sentence', () => {
    const text = make(CHAINS['said chains']!, 200_000);
    const x = extractArticle({ text });
    expect(x.events.some((e) => e.target === 'iran' && e.type === 'ACCUSE')).toBe(true);
  }, 120_000);
});
