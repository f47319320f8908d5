// Pure helpers behind the explorer's view: label placement (and keeping labels inside the
// canvas), camera fitting, keyboard movement between actors, the date-range handles, node styling
// by activity and the sentence around an evidence span.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  fitCamera,
  keepInside,
  labelSettings,
  nextNode,
  nodeColor,
  nodeSize,
  placeLabels,
  startNode,
  stepNode,
  KIND_COLORS,
  type LabelBox,
  type NavPoint,
} from '../../client/src/graph/index.ts';
import { handlesFor, monthLabel, rangeFor } from '../../client/src/panels/date-range.ts';
import { sentenceAround } from '../../client/src/api/index.ts';

const box = (key: string, x: number, y: number, priority: number, forced = false): LabelBox => ({
  key,
  x,
  y,
  width: 60,
  height: 16,
  priority,
  forced,
});

const overlap = (a: LabelBox, b: LabelBox) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('label placement', () => {
  it('keeps the bigger of two overlapping labels and every label that fits', () => {
    const kept = placeLabels([box('small', 0, 0, 5), box('big', 30, 5, 12), box('far', 200, 0, 1)]);
    expect(kept.map((b) => b.key)).toEqual(['big', 'far']);
  });

  it('always keeps forced labels, even over a bigger one', () => {
    const kept = placeLabels([box('big', 0, 0, 20), box('hovered', 10, 0, 3, true)]);
    expect(kept.map((b) => b.key)).toEqual(['hovered']);
  });

  it('never keeps two overlapping unforced labels, whatever the input (property)', () => {
    const arb = fc.array(
      fc.record({
        x: fc.integer({ min: 0, max: 400 }),
        y: fc.integer({ min: 0, max: 300 }),
        p: fc.integer({ min: 1, max: 20 }),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(arb, (items) => {
        const boxes = items.map((it, i) => box(`n${i}`, it.x, it.y, it.p));
        const kept = placeLabels(boxes);
        for (let i = 0; i < kept.length; i++) {
          for (let j = i + 1; j < kept.length; j++) {
            if (overlap(kept[i]!, kept[j]!)) return false;
          }
        }
        // Greedy is maximal: every dropped label collides with one kept.
        const keys = new Set(kept.map((k) => k.key));
        return boxes.every((b) => keys.has(b.key) || kept.some((k) => overlap(k, b)));
      }),
    );
  });

  it('is deterministic under input order', () => {
    const boxes = [box('a', 0, 0, 5), box('b', 20, 0, 5), box('c', 40, 0, 5)];
    const one = placeLabels(boxes).map((b) => b.key);
    const two = placeLabels([...boxes].reverse()).map((b) => b.key);
    expect(one).toEqual(two);
  });

  it('offers small graphs more label candidates than large ones', () => {
    const small = labelSettings(20);
    const large = labelSettings(5000);
    expect(small.labelDensity).toBeGreaterThan(large.labelDensity);
    expect(small.labelRenderedSizeThreshold).toBeLessThan(large.labelRenderedSizeThreshold);
  });
});

describe('labels inside the canvas', () => {
  const canvas = { width: 300, height: 200 };

  it('leaves a box that fits where it is', () => {
    const b = box('a', 100, 50, 5);
    expect(keepInside(b, { x: 90, size: 8 }, canvas)).toBe(b);
  });

  it("moves a box running past the right edge to the node's left", () => {
    const b = { ...box('a', 270, 50, 5), width: 80 };
    const moved = keepInside(b, { x: 260, size: 8 }, canvas);
    expect(moved.x + moved.width).toBeLessThanOrEqual(260 - 8);
    expect(moved.y).toBe(50);
  });

  it('keeps every box inside whatever the node position (property)', () => {
    const arb = fc.record({
      x: fc.integer({ min: -50, max: 350 }),
      y: fc.integer({ min: -50, max: 250 }),
      width: fc.integer({ min: 10, max: 290 }),
    });
    fc.assert(
      fc.property(arb, ({ x, y, width }) => {
        const b = { ...box('a', x + 10, y - 10, 5), width };
        const kept = keepInside(b, { x, size: 8 }, canvas);
        return (
          kept.x >= 0 &&
          kept.y >= 0 &&
          kept.x + kept.width <= canvas.width &&
          kept.y + kept.height <= canvas.height
        );
      }),
    );
  });
});

describe('camera fit', () => {
  const opts = {
    viewport: { width: 600, height: 400 },
    unitsPerPixel: 0.002,
    margin: 50,
    minRatio: 0.3,
  };

  it('centres on the points and zooms so the wider side fits inside the margins', () => {
    const target = fitCamera(
      [
        { x: 0.2, y: 0.4 },
        { x: 0.6, y: 0.5 },
      ],
      opts,
    )!;
    expect(target.x).toBeCloseTo(0.4);
    expect(target.y).toBeCloseTo(0.45);
    // 0.4 units across 500 pixels at 0.002 units per pixel.
    expect(target.ratio).toBeCloseTo(0.4 / (500 * 0.002));
  });

  it('lets the taller side decide when it is the tighter fit', () => {
    const target = fitCamera(
      [
        { x: 0, y: 0 },
        { x: 0.1, y: 0.9 },
      ],
      opts,
    )!;
    expect(target.ratio).toBeCloseTo(0.9 / (300 * 0.002));
  });

  it('does not blow up a single point, and has nothing to fit without points', () => {
    expect(fitCamera([{ x: 0.5, y: 0.5 }], opts)!.ratio).toBe(0.3);
    expect(fitCamera([], opts)).toBeNull();
  });
});

describe('sentence around an evidence span', () => {
  const sentences = [
    { start: 0, end: 20 },
    { start: 21, end: 50 },
    { start: 51, end: 80 },
  ];

  it('widens a span to its sentence', () => {
    expect(sentenceAround(sentences, { start: 30, end: 40 })).toEqual({ start: 21, end: 50 });
  });

  it('joins the sentences a span crosses, and keeps a span outside every sentence', () => {
    expect(sentenceAround(sentences, { start: 15, end: 25 })).toEqual({ start: 0, end: 50 });
    expect(sentenceAround(sentences, { start: 85, end: 90 })).toEqual({ start: 85, end: 90 });
  });
});

describe('node style by activity', () => {
  it('makes actors without events small and light, and grows with activity', () => {
    expect(nodeSize(0)).toBeLessThan(labelSettings(20).labelRenderedSizeThreshold);
    expect(nodeSize(1)).toBeGreaterThanOrEqual(labelSettings(20).labelRenderedSizeThreshold);
    expect(nodeSize(10)).toBeGreaterThan(nodeSize(1));
    expect(nodeSize(10_000)).toBe(nodeSize(100_000));
    expect(nodeColor('state', 3)).toBe(KIND_COLORS.state);
    expect(nodeColor('state', 0)).not.toBe(KIND_COLORS.state);
  });
});

describe('keyboard movement', () => {
  // A plus shape around c, with a far node to the right and one off-axis.
  const points = new Map<string, NavPoint>([
    ['c', { x: 100, y: 100, weight: 9 }],
    ['up', { x: 100, y: 40, weight: 1 }],
    ['down', { x: 105, y: 170, weight: 1 }],
    ['left', { x: 30, y: 100, weight: 1 }],
    ['right', { x: 160, y: 95, weight: 1 }],
    ['far-right', { x: 300, y: 100, weight: 1 }],
    ['diagonal', { x: 140, y: 20, weight: 1 }],
  ]);

  it('starts at the most active actor', () => {
    expect(startNode(points)).toBe('c');
    expect(nextNode(points, null, 'left')).toBe('c');
    expect(startNode(new Map())).toBeNull();
  });

  it('moves to the nearest actor in each direction', () => {
    expect(nextNode(points, 'c', 'up')).toBe('up');
    expect(nextNode(points, 'c', 'down')).toBe('down');
    expect(nextNode(points, 'c', 'left')).toBe('left');
    expect(nextNode(points, 'c', 'right')).toBe('right');
    expect(nextNode(points, 'right', 'right')).toBe('far-right');
  });

  it('returns null when nothing lies that way', () => {
    expect(nextNode(points, 'far-right', 'right')).toBeNull();
    expect(nextNode(points, 'left', 'left')).toBeNull();
  });

  it('falls back to the half-plane when nothing lies within the cone', () => {
    const pts = new Map<string, NavPoint>([
      ['a', { x: 0, y: 0, weight: 1 }],
      ['steep', { x: 10, y: 100, weight: 1 }],
    ]);
    expect(nextNode(pts, 'a', 'right')).toBe('steep');
    expect(nextNode(pts, 'a', 'left')).toBeNull();
  });

  const layouts = fc.uniqueArray(
    fc.record({ x: fc.integer({ min: 0, max: 1000 }), y: fc.integer({ min: 0, max: 700 }) }),
    { minLength: 1, maxLength: 25, selector: (p) => `${p.x},${p.y}` },
  );
  const asPoints = (pts: { x: number; y: number }[]) =>
    new Map(pts.map((p, i) => [`n${i}`, { ...p, weight: i % 3 }]));

  it('always moves in the direction pressed (property on random layouts)', () => {
    fc.assert(
      fc.property(
        layouts,
        fc.nat(),
        fc.constantFrom(...(['left', 'right', 'up', 'down'] as const)),
        (pts, k, d) => {
          const m = asPoints(pts);
          const from = `n${k % pts.length}`;
          const to = nextNode(m, from, d);
          if (to === null) return true;
          const a = m.get(from)!;
          const b = m.get(to)!;
          return { left: b.x < a.x, right: b.x > a.x, up: b.y < a.y, down: b.y > a.y }[d];
        },
      ),
    );
  });

  it('steps through every actor by activity with Page Down, and back with Page Up', () => {
    fc.assert(
      fc.property(layouts, (pts) => {
        const m = asPoints(pts);
        const seen: string[] = [];
        let at: string | null = null;
        for (let i = 0; i < m.size; i++) seen.push((at = stepNode(m, at, 1)!));
        expect(new Set(seen).size).toBe(m.size);
        expect(seen[0]).toBe(startNode(m));
        expect(stepNode(m, at, 1)).toBe(seen[0]);
        if (m.size > 1) expect(stepNode(m, seen[1]!, -1)).toBe(seen[0]);
        const weights = seen.map((id) => m.get(id)!.weight);
        expect(weights).toEqual([...weights].sort((x, y) => y - x));
      }),
    );
  });
});

describe('date-range handles', () => {
  const bins = ['2022-09', '2022-10', '2022-11', '2022-12'].map((month, i) => ({
    month,
    count: i + 1,
  }));

  it('labels months the same in every locale', () => {
    expect(monthLabel('2022-10')).toBe('Oct 2022');
    expect(monthLabel('2023-01')).toBe('Jan 2023');
  });

  it('puts the handles at the ends when no range is set, and that means no range', () => {
    expect(handlesFor(bins, null, null)).toEqual({ lo: 0, hi: 4 });
    expect(rangeFor(bins, 0, 4)).toEqual({ from: null, to: null });
  });

  it('maps handle positions to months and back', () => {
    expect(rangeFor(bins, 1, 3)).toEqual({ from: '2022-10', to: '2022-11' });
    expect(handlesFor(bins, '2022-10', '2022-11')).toEqual({ lo: 1, hi: 3 });
    expect(rangeFor(bins, 0, 1)).toEqual({ from: null, to: '2022-09' });
    expect(rangeFor(bins, 3, 4)).toEqual({ from: '2022-12', to: null });
  });

  it('keeps at least one month between the handles', () => {
    expect(rangeFor(bins, 2, 2)).toEqual({ from: '2022-11', to: '2022-11' });
    expect(rangeFor(bins, 9, 0)).toEqual({ from: '2022-12', to: null });
    const h = handlesFor(bins, '2023-05', '2021-01');
    expect(h.hi).toBeGreaterThan(h.lo);
  });

  it('round-trips every pair of handle positions (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 4 }), (a, b) => {
        fc.pre(a < b);
        const r = rangeFor(bins, a, b);
        expect(handlesFor(bins, r.from, r.to)).toEqual({ lo: a, hi: b });
      }),
    );
  });
});
