// The kept event edges past their bound: the oldest dropped first, but an edge asked for since it
// was kept is spared once and goes to the back; a spared edge not asked for again goes in its
// turn; the bound always holds, and an edge whose actors changed since it was written is not
// given and not kept.
import { describe, expect, it } from 'vitest';
import { buildGraph, EventFragments } from '../../server/graph/index.ts';

/** A text of `units` code units naming the event. */
const text = (event: number, units = 100) => `${event}:`.padEnd(units, '.');

describe('EventFragments', () => {
  it('drops the oldest edge not asked for since it was kept, sparing the others once', () => {
    const kept = new EventFragments(buildGraph([]), 500);
    for (let e = 1; e <= 5; e++) kept.set(e, 0, text(e));
    expect(kept.get(1, 0)).toBe(text(1));
    expect(kept.get(3, 0)).toBe(text(3));
    // Over the bound: 1 is spared (asked for), 2 goes.
    kept.set(6, 0, text(6));
    expect(kept.get(2, 0)).toBeUndefined();
    expect(kept.size).toEqual({ entries: 5, units: 500 });
    // Next, 3 is spared and 4 goes; then 5, then 6, never asked for.
    kept.set(7, 0, text(7));
    expect(kept.get(4, 0)).toBeUndefined();
    kept.set(8, 0, text(8));
    expect(kept.get(5, 0)).toBeUndefined();
    // Now 6 is the oldest, then 1 (spared once, not asked for again), then 7, then 3.
    kept.set(9, 0, text(9));
    kept.set(10, 0, text(10));
    expect(kept.get(6, 0)).toBeUndefined();
    expect(kept.get(1, 0)).toBeUndefined();
    for (const e of [3, 7, 8, 9, 10]) expect(kept.get(e, 0)).toBe(text(e));
    expect(kept.size).toEqual({ entries: 5, units: 500 });
  });

  it('keeps the order through replaced and dropped edges', () => {
    const kept = new EventFragments(buildGraph([]), 500);
    for (let e = 1; e <= 5; e++) kept.set(e, 0, text(e));
    // 2 written again goes to the back; 3 is dropped as out of date.
    kept.set(2, 0, text(2));
    expect(kept.get(3, 1)).toBeUndefined();
    kept.set(6, 0, text(6));
    expect(kept.size).toEqual({ entries: 5, units: 500 });
    // Over the bound: the oldest is 1 (not the first 2, nor the dropped 3).
    kept.set(7, 0, text(7));
    expect(kept.get(1, 0)).toBeUndefined();
    for (const e of [2, 4, 5, 6, 7]) expect(kept.get(e, 0)).toBe(text(e));
    // Every older edge was just asked for: each is spared once, so the new 8 is the one that goes.
    kept.set(8, 0, text(8));
    expect(kept.get(8, 0)).toBeUndefined();
    for (const e of [2, 4, 5, 6, 7]) expect(kept.get(e, 0)).toBe(text(e));
  });

  it('stays correct over many rewrites under its bound', () => {
    const kept = new EventFragments(buildGraph([]), 10_000);
    for (let round = 0; round < 5_000; round++) kept.set(round % 10, round, text(round % 10));
    expect(kept.size).toEqual({ entries: 10, units: 1_000 });
    for (let e = 0; e < 10; e++) expect(kept.get(e, 0)).toBe(text(e));
  });

  it('drops what a plain list in the same order drops, over random writes and reads', () => {
    // The reference: a list oldest first, walked from the front past the bound.
    type Entry = { event: number; builtAt: number; text: string; used: boolean };
    let list: Entry[] = [];
    const bound = 3_000;
    const units = () => list.reduce((n, f) => n + f.text.length, 0);
    const kept = new EventFragments(buildGraph([]), bound);
    let seed = 11;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let step = 0; step < 20_000; step++) {
      const event = random(60);
      if (random(3) === 0) {
        const builtAt = random(4);
        const t = text(event, 20 + random(200));
        list = list.filter((f) => f.event !== event);
        list.push({ event, builtAt, text: t, used: false });
        while (units() > bound) {
          const oldest = list.shift()!;
          if (oldest.used) list.push({ ...oldest, used: false });
        }
        kept.set(event, builtAt, t);
      } else {
        const changedAt = random(5);
        const f = list.find((e) => e.event === event);
        let expected: string | undefined;
        if (f && changedAt > f.builtAt) list = list.filter((e) => e !== f);
        else if (f) {
          f.used = true;
          expected = f.text;
        }
        expect(kept.get(event, changedAt)).toBe(expected);
      }
      expect(kept.size).toEqual({ entries: list.length, units: units() });
    }
  });

  it('holds its bound when every edge was asked for', () => {
    const kept = new EventFragments(buildGraph([]), 1_000);
    for (let e = 1; e <= 40; e++) {
      kept.set(e, e, text(e, 30 + (e % 7) * 20));
      for (let f = 1; f <= e; f++) kept.get(f, 0);
      expect(kept.size.units).toBeLessThanOrEqual(1_000);
    }
    // Every edge asked for after each write: the walk spares them all once and still ends.
    expect(kept.size.entries).toBeGreaterThan(10);
  });

  it('gives no edge whose actors changed after it was written, and drops it', () => {
    const kept = new EventFragments(buildGraph([]), 1_000);
    kept.set(1, 5, text(1));
    expect(kept.get(1, 5)).toBe(text(1));
    expect(kept.get(1, 6)).toBeUndefined();
    expect(kept.get(1, 0)).toBeUndefined();
    expect(kept.size).toEqual({ entries: 0, units: 0 });
  });
});
