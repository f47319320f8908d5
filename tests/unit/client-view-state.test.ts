// View state as pure functions and its URL (de)serialisation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as model from '../../server/model/index.ts';
import {
  ACTOR_KINDS,
  DEFAULT_VIEW,
  PLOVER_TYPES,
  POLARITIES,
  QUADS,
  allows,
  filtersActive,
  parseView,
  select,
  serializeView,
  setDateRange,
  setFocus,
  setListValue,
  setMinConfidence,
  setMode,
  type ViewState,
} from '../../client/src/state/index.ts';

describe('client vocabularies', () => {
  it('mirror the server model', () => {
    expect([...PLOVER_TYPES]).toEqual([...model.PLOVER_TYPES]);
    expect([...QUADS]).toEqual([...model.QUADS]);
    expect([...POLARITIES]).toEqual([...model.POLARITIES]);
    expect([...ACTOR_KINDS]).toEqual([...model.ACTOR_KINDS]);
  });
});

describe('view state updates', () => {
  it('hides one polarity and collapses back to "all" when it is shown again', () => {
    const hidden = setListValue(DEFAULT_VIEW, 'polarities', 'hostile', false);
    expect(hidden.filters.polarities).toEqual(['cooperative', 'neutral']);
    expect(allows(hidden.filters, 'polarities', 'hostile')).toBe(false);
    expect(allows(hidden.filters, 'polarities', 'neutral')).toBe(true);
    expect(filtersActive(hidden.filters)).toBe(true);
    const back = setListValue(hidden, 'polarities', 'hostile', true);
    expect(back.filters.polarities).toBeNull();
    expect(filtersActive(back.filters)).toBe(false);
  });

  it('keeps list values in the vocabulary order whatever order they are toggled in', () => {
    let s = setListValue(DEFAULT_VIEW, 'kinds', 'state', false);
    s = setListValue(s, 'kinds', 'person', false);
    s = setListValue(s, 'kinds', 'person', true);
    expect(s.filters.kinds).toEqual(['person', 'organization']);
  });

  it('does not mutate the state it is given', () => {
    const before = JSON.stringify(DEFAULT_VIEW);
    setListValue(DEFAULT_VIEW, 'types', 'ASSAULT', false);
    setMinConfidence(DEFAULT_VIEW, 0.5);
    setFocus(DEFAULT_VIEW, 'x', 2);
    expect(JSON.stringify(DEFAULT_VIEW)).toBe(before);
  });

  it('clamps confidence and focus depth, and orders a reversed date range', () => {
    expect(setMinConfidence(DEFAULT_VIEW, 1.7).filters.minConfidence).toBe(1);
    expect(setMinConfidence(DEFAULT_VIEW, -1).filters.minConfidence).toBe(0);
    expect(setFocus(DEFAULT_VIEW, 'a', 9).focus).toEqual({ id: 'a', depth: 3 });
    expect(setFocus(DEFAULT_VIEW, 'a', 0).focus).toEqual({ id: 'a', depth: 1 });
    const r = setDateRange(DEFAULT_VIEW, '2023-05', '2022-01');
    expect([r.filters.from, r.filters.to]).toEqual(['2022-01', '2023-05']);
  });

  it('drops an edge selection when switching between dyads and events, keeps a node one', () => {
    const edge = select(DEFAULT_VIEW, { kind: 'edge', id: 'd:a>b' });
    expect(setMode(edge, 'events').selection).toBeNull();
    const node = select(DEFAULT_VIEW, { kind: 'node', id: 'a' });
    expect(setMode(node, 'events').selection).toEqual({ kind: 'node', id: 'a' });
    expect(setMode(node, 'dyads')).toBe(node);
  });
});

describe('view state in the URL', () => {
  it('leaves defaults out of the query string', () => {
    expect(serializeView(DEFAULT_VIEW)).toBe('');
    expect(parseView('')).toEqual(DEFAULT_VIEW);
  });

  it('round-trips a full view', () => {
    const view: ViewState = {
      filters: {
        polarities: ['cooperative'],
        types: ['AGREE', 'CONSULT'],
        quads: ['verbal-cooperation'],
        kinds: ['person', 'state'],
        minConfidence: 0.35,
        from: '2022-01',
        to: '2022-11',
      },
      mode: 'events',
      selection: { kind: 'edge', id: 'e:evt-1' },
      focus: { id: 'xi-jinping', depth: 2 },
      path: { from: 'fumio-kishida', to: 'kim-jong-un' },
      camera: { x: 0.5, y: 0.4321, ratio: 0.75 },
      showEventless: true,
      colorBy: 'bloc',
    };
    expect(parseView(`?${serializeView(view)}`)).toEqual(view);
  });

  it('drops invalid values instead of failing', () => {
    const v = parseView(
      'pol=hostile,bogus&types=NOPE&conf=abc&from=2022-13&to=2022-02&mode=weird&sel=x:1&depth=9&focus=a&cam=1,2&pfrom=a',
    );
    expect(v.filters.polarities).toEqual(['hostile']);
    expect(v.filters.types).toEqual([]);
    expect(v.filters.minConfidence).toBe(0);
    expect(v.filters.from).toBeNull();
    expect(v.filters.to).toBe('2022-02');
    expect(v.mode).toBe('dyads');
    expect(v.selection).toBeNull();
    expect(v.focus).toEqual({ id: 'a', depth: 1 });
    expect(v.camera).toBeNull();
    expect(v.path).toBeNull();
  });

  it('round-trips arbitrary views (property)', () => {
    const subset = <T extends string>(all: readonly T[]) =>
      fc
        .option(fc.subarray([...all]), { nil: null })
        .map((l) => (l && l.length === all.length ? null : l));
    const month = fc
      .tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
    const id = fc
      .stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .filter((s) => s.length > 0 && s.length < 60);
    const arb = fc.record({
      filters: fc.record({
        polarities: subset(POLARITIES),
        types: subset(PLOVER_TYPES),
        quads: subset(QUADS),
        kinds: subset(ACTOR_KINDS),
        minConfidence: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
        from: fc.option(month, { nil: null }),
        to: fc.option(month, { nil: null }),
      }),
      mode: fc.constantFrom('dyads' as const, 'events' as const),
      selection: fc.option(
        fc.record({ kind: fc.constantFrom('node' as const, 'edge' as const), id }),
        { nil: null },
      ),
      focus: fc.option(
        fc.record({ id, depth: fc.constantFrom(1 as const, 2 as const, 3 as const) }),
        { nil: null },
      ),
      path: fc.option(fc.record({ from: id, to: id }), { nil: null }),
      camera: fc.option(
        fc.record({
          x: fc.integer({ min: -10000, max: 10000 }).map((n) => n / 1000),
          y: fc.integer({ min: -10000, max: 10000 }).map((n) => n / 1000),
          ratio: fc.integer({ min: 1, max: 10000 }).map((n) => n / 1000),
        }),
        { nil: null },
      ),
      showEventless: fc.boolean(),
      colorBy: fc.constantFrom('kind' as const, 'bloc' as const),
    });
    fc.assert(
      fc.property(arb, (raw) => {
        const view = setDateRange(raw as ViewState, raw.filters.from, raw.filters.to);
        expect(parseView(serializeView(view))).toEqual(view);
      }),
    );
  });
});
