// placesApart keeps exactly the places that no actor mention overlaps, as testing every mention
// would, for mentions sorted by start (overlapping ones included) and places in any order.
import { describe, expect, it } from 'vitest';
import { placesApart } from '../../server/extract/actors/places-apart.ts';
import type { Mention } from '../../server/extract/types.ts';

const span = (start: number, end: number, actor = 'x'): Mention => ({
  actor,
  start,
  end,
  sentence: 0,
  via: 'name',
});

describe('placesApart', () => {
  it('drops a place a mention touches and keeps one beside it', () => {
    // "Lima" [10, 14) inside the mention "the Lima Group" [6, 20); "Quito" [30, 35) alone
    const mentions = [span(0, 4, 'peru'), span(6, 20, 'lima-group')];
    const places = [span(10, 14, 'lima'), span(30, 35, 'quito'), span(4, 6, 'gap')];
    expect(placesApart(places, mentions).map((p) => p.actor)).toEqual(['quito', 'gap']);
  });

  it('sees a long mention that started before shorter ones', () => {
    const mentions = [span(0, 100, 'long'), span(10, 12), span(20, 22)];
    expect(placesApart([span(50, 55, 'inside')], mentions)).toEqual([]);
    expect(placesApart([span(100, 104, 'after')], mentions).map((p) => p.actor)).toEqual(['after']);
  });

  it('agrees with testing every mention on random spans', () => {
    let seed = 11;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let trial = 0; trial < 200; trial++) {
      const mentions: Mention[] = [];
      for (let k = next(12); k > 0; k--) {
        const start = next(200);
        mentions.push(span(start, start + 1 + next(30)));
      }
      mentions.sort((a, b) => a.start - b.start || a.end - b.end);
      const places: Mention[] = [];
      for (let k = next(12); k > 0; k--) {
        const start = next(200);
        places.push(span(start, start + 1 + next(10), `p${k}`));
      }
      const expected = places.filter(
        (p) => !mentions.some((m) => m.start < p.end && p.start < m.end),
      );
      expect(placesApart(places, mentions)).toEqual(expected);
    }
  });
});
