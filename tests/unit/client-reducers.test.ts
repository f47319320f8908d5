// The graph view's pure parts: render graph, display model, reducers, event filter, curvature,
// histogram, text marks and the deterministic layout run. No WebGL.
import { describe, expect, it } from 'vitest';
import type { GraphExport } from '../../client/src/api/index.ts';
import {
  affiliationEdgeKey,
  buildDataGraph,
  buildRenderGraph,
  computeDisplayModel,
  createLayoutRun,
  layoutInput,
  dyadEdgeKey,
  eventEdgeKey,
  eventPasses,
  monthHistogram,
  parallelCurvatures,
  POLARITY_COLORS,
  reduceEdge,
  reduceNode,
  seedPosition,
  type Interaction,
} from '../../client/src/graph/index.ts';

import { partnerStances, eventRows, segmentText } from '../../client/src/panels/index.ts';
import {
  DEFAULT_VIEW,
  select,
  setDateRange,
  setFocus,
  setListValue,
  setMode,
  setShowEventless,
  type ViewState,
} from '../../client/src/state/index.ts';

type Kind = 'person' | 'state' | 'organization';
type Pol = 'cooperative' | 'hostile' | 'neutral';

function node(key: string, kind: Kind, eventCount: number) {
  return {
    key,
    attributes: {
      kind,
      name: key.toUpperCase(),
      label: key.toUpperCase(),
      country: null,
      aliases: [],
      documents: 1,
      eventCount,
      outCount: 0,
      inCount: 0,
      cooperative: 0,
      hostile: 0,
      neutral: 0,
      x: 0,
      y: 0,
      size: 5,
    },
  };
}

function event(
  key: string,
  source: string,
  target: string,
  polarity: Pol,
  date: string | null,
  confidence = 0.8,
) {
  const eventType =
    polarity === 'hostile' ? 'THREATEN' : polarity === 'cooperative' ? 'AGREE' : 'CONSULT';
  const quad = polarity === 'hostile' ? 'verbal-conflict' : 'verbal-cooperation';
  return {
    key,
    source,
    target,
    attributes: {
      kind: 'event' as const,
      id: key,
      eventType,
      quad,
      polarity,
      score: polarity === 'hostile' ? -4 : polarity === 'cooperative' ? 3 : 1,
      mode: null,
      date,
      datePrecision:
        date === null ? null : date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year',
      confidence,
      document: 'doc1',
      extractor: 'test',
      evidence: { sentence: 0, start: 0, end: 4, quote: `q-${key}` },
      type: 'arrow' as const,
    },
  };
}

/** a <-> b cooperative (two events one way, one back), a -> c hostile, c -> d neutral, e alone, p in org o. */
function fixture(): GraphExport {
  return {
    attributes: { mode: 'events', focus: null, depth: null },
    options: { type: 'directed', multi: true, allowSelfLoops: true },
    nodes: [
      node('a', 'state', 4),
      node('b', 'state', 3),
      node('c', 'person', 2),
      node('d', 'organization', 1),
      node('e', 'state', 0),
      node('p', 'person', 0),
      node('o', 'organization', 0),
    ],
    edges: [
      event('e1', 'a', 'b', 'cooperative', '2022-01-10'),
      event('e2', 'a', 'b', 'cooperative', '2022-03'),
      event('e3', 'b', 'a', 'cooperative', '2022', 0.4),
      event('e4', 'a', 'c', 'hostile', '2022-02-01'),
      event('e5', 'c', 'd', 'neutral', null),
      {
        key: 'aff1',
        source: 'p',
        target: 'o',
        attributes: { kind: 'affiliation', role: 'member', document: 'doc1', type: 'arrow' },
      },
    ],
  } as unknown as GraphExport;
}

function setup(view: ViewState = DEFAULT_VIEW, path: string[] | null = null) {
  const data = buildDataGraph(fixture());
  const render = buildRenderGraph(data);
  return { data, render, model: computeDisplayModel(data, render, view, path) };
}

const none: Interaction = { hovered: null, selection: null };

describe('render graph', () => {
  it('has one edge per dyad and one per event, curving only reciprocal or parallel edges', () => {
    const { render } = setup();
    expect(render.hasEdge(dyadEdgeKey('a', 'b'))).toBe(true);
    expect(render.getEdgeAttribute(dyadEdgeKey('a', 'b'), 'events')).toEqual(['e1', 'e2']);
    expect(render.getEdgeAttribute(dyadEdgeKey('a', 'b'), 'type')).toBe('curvedArrow');
    expect(render.getEdgeAttribute(dyadEdgeKey('a', 'c'), 'type')).toBe('arrow');
    expect(render.getEdgeAttribute(eventEdgeKey('e4'), 'curvature')).toBe(0);
    const c1 = render.getEdgeAttribute(eventEdgeKey('e1'), 'curvature');
    const c2 = render.getEdgeAttribute(eventEdgeKey('e2'), 'curvature');
    expect(c1).toBeGreaterThan(0);
    expect(c2).toBeGreaterThan(c1);
    expect(render.getEdgeAttribute(dyadEdgeKey('a', 'c'), 'color')).toBe(POLARITY_COLORS.hostile);
  });

  it('does not write into the data graph', () => {
    const data = buildDataGraph(fixture());
    const before = JSON.stringify(data.export());
    const render = buildRenderGraph(data);
    computeDisplayModel(data, render, setListValue(DEFAULT_VIEW, 'polarities', 'hostile', false));
    expect(JSON.stringify(data.export())).toBe(before);
  });

  it('starts from seeded positions, and keeps given ones', () => {
    const data = buildDataGraph(fixture());
    const r1 = buildRenderGraph(data);
    const r2 = buildRenderGraph(data);
    expect(r1.getNodeAttributes('a')).toEqual(r2.getNodeAttributes('a'));
    expect(seedPosition('a', 7)).not.toEqual(seedPosition('b', 7));
    const kept = buildRenderGraph(data, new Map([['a', { x: 42, y: -1 }]]));
    expect([kept.getNodeAttribute('a', 'x'), kept.getNodeAttribute('a', 'y')]).toEqual([42, -1]);
  });

  it('fans out any number of parallel edges with distinct curvatures', () => {
    const edges = Array.from({ length: 4 }, (_, i) => ({ key: `k${i}`, source: 'x', target: 'y' }));
    const c = parallelCurvatures(edges);
    expect(new Set(c.values()).size).toBe(4);
  });
});

describe('display model', () => {
  it('shows actors with events and dyad edges by default, and counts the actors left out', () => {
    const { model } = setup();
    expect([...model.nodes].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(model.eventless).toBe(3);
    expect(model.edges.has(dyadEdgeKey('a', 'b'))).toBe(true);
    expect(model.edges.has(eventEdgeKey('e1'))).toBe(false);
    expect(model.edges.get(dyadEdgeKey('a', 'b'))).toEqual({ count: 2, polarity: 'cooperative' });
  });

  it('shows actors without events, and their affiliations, on request', () => {
    const { model } = setup(setShowEventless(DEFAULT_VIEW, true));
    expect([...model.nodes].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'o', 'p']);
    expect(model.edges.has(affiliationEdgeKey('p', 'o'))).toBe(true);
    expect(model.eventless).toBe(3);
  });

  it('keeps a selected actor drawn even without events', () => {
    const { model } = setup(select(DEFAULT_VIEW, { kind: 'node', id: 'e' }));
    expect(model.nodes.has('e')).toBe(true);
    expect(model.eventless).toBe(2);
  });

  it('counts actors left without events by the filters', () => {
    const { model } = setup(setListValue(DEFAULT_VIEW, 'polarities', 'neutral', false));
    expect(model.nodes.has('d')).toBe(false);
    expect(model.eventless).toBe(4);
  });

  it('spotlights the actors and edges of one document', () => {
    const data = buildDataGraph({
      ...fixture(),
      edges: fixture().edges.map((e) =>
        e.key === 'e4' ? { ...e, attributes: { ...e.attributes, document: 'doc2' } } : e,
      ),
    } as GraphExport);
    const render = buildRenderGraph(data);
    const model = computeDisplayModel(data, render, DEFAULT_VIEW, null, {
      id: 'doc2',
      actors: ['a', 'c', 'e'],
    });
    // e has no event, so it is not drawn and not spotlit.
    expect([...model.documentNodes].sort()).toEqual(['a', 'c']);
    expect([...model.documentEdges]).toEqual([dyadEdgeKey('a', 'c')]);
    const b = reduceNode(model, none, 'b', render.getNodeAttributes('b'));
    const a = reduceNode(model, none, 'a', render.getNodeAttributes('a'));
    expect(a.highlighted).toBe(true);
    expect(b.color).not.toBe(render.getNodeAttribute('b', 'color'));
    const ab = dyadEdgeKey('a', 'b');
    const ac = dyadEdgeKey('a', 'c');
    const abShown = reduceEdge(model, none, ab, render.getEdgeAttributes(ab), 'a', 'b');
    const acShown = reduceEdge(model, none, ac, render.getEdgeAttributes(ac), 'a', 'c');
    expect(abShown.color).not.toBe(render.getEdgeAttribute(ab, 'color'));
    expect(acShown.color).toBe(render.getEdgeAttribute(ac, 'color'));
    expect(acShown.size).toBeGreaterThan(render.getEdgeAttribute(ac, 'size'));
  });

  it('shows event edges instead in events mode', () => {
    const { model } = setup(setMode(DEFAULT_VIEW, 'events'));
    expect(model.edges.has(eventEdgeKey('e1'))).toBe(true);
    expect(model.edges.has(dyadEdgeKey('a', 'b'))).toBe(false);
  });

  it('hides hostile edges, and actors left without events, when hostile is filtered out', () => {
    const { model } = setup(setListValue(DEFAULT_VIEW, 'polarities', 'hostile', false));
    expect(model.edges.has(dyadEdgeKey('a', 'c'))).toBe(false);
    expect(model.edges.has(dyadEdgeKey('a', 'b'))).toBe(true);
    expect(model.nodes.has('e')).toBe(false);
    expect(model.nodes.has('c')).toBe(true); // still has a neutral event
  });

  it('filters by kind, confidence and date range', () => {
    const noPersons = setup(setListValue(DEFAULT_VIEW, 'kinds', 'person', false)).model;
    expect(noPersons.nodes.has('c')).toBe(false);
    expect(noPersons.edges.has(dyadEdgeKey('a', 'c'))).toBe(false);
    const confident = setup({
      ...DEFAULT_VIEW,
      filters: { ...DEFAULT_VIEW.filters, minConfidence: 0.5 },
    }).model;
    expect(confident.edges.has(dyadEdgeKey('b', 'a'))).toBe(false);
    const feb = setup(setDateRange(DEFAULT_VIEW, '2022-02', '2022-03')).model;
    expect(feb.edges.get(dyadEdgeKey('a', 'b'))).toEqual({ count: 1, polarity: 'cooperative' });
    expect(feb.edges.has(dyadEdgeKey('c', 'd'))).toBe(false); // undated
  });

  it('limits an ego view to the focus depth', () => {
    expect([...setup(setFocus(DEFAULT_VIEW, 'b', 1)).model.nodes].sort()).toEqual(['a', 'b']);
    expect([...setup(setFocus(DEFAULT_VIEW, 'b', 2)).model.nodes].sort()).toEqual(['a', 'b', 'c']);
    expect([...setup(setFocus(DEFAULT_VIEW, 'b', 3)).model.nodes].sort()).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it('marks the edges along a path in both directions', () => {
    const { model } = setup(DEFAULT_VIEW, ['b', 'a', 'c']);
    expect([...model.pathEdges].sort()).toEqual(
      [dyadEdgeKey('a', 'b'), dyadEdgeKey('b', 'a'), dyadEdgeKey('a', 'c')].sort(),
    );
  });
});

describe('reducers', () => {
  it('hides what the model hides and keeps the rest as drawn', () => {
    const { render, model } = setup(setListValue(DEFAULT_VIEW, 'polarities', 'hostile', false));
    expect(reduceNode(model, none, 'e', render.getNodeAttributes('e')).hidden).toBe(true);
    const a = reduceNode(model, none, 'a', render.getNodeAttributes('a'));
    expect(a.hidden).toBeUndefined();
    expect(a.color).toBe(render.getNodeAttribute('a', 'color'));
    const ac = dyadEdgeKey('a', 'c');
    expect(reduceEdge(model, none, ac, render.getEdgeAttributes(ac), 'a', 'c').hidden).toBe(true);
  });

  it('on hover, highlights the neighbourhood and dims the rest', () => {
    const { render, model } = setup();
    const ia: Interaction = { hovered: 'b', selection: null };
    const b = reduceNode(model, ia, 'b', render.getNodeAttributes('b'));
    const a = reduceNode(model, ia, 'a', render.getNodeAttributes('a'));
    const d = reduceNode(model, ia, 'd', render.getNodeAttributes('d'));
    expect(b.highlighted).toBe(true);
    expect(a.forceLabel).toBe(true);
    expect(a.color).toBe(render.getNodeAttribute('a', 'color'));
    expect(d.color).not.toBe(render.getNodeAttribute('d', 'color'));
    expect(d.label).toBeNull();
    const cd = dyadEdgeKey('c', 'd');
    expect(reduceEdge(model, ia, cd, render.getEdgeAttributes(cd), 'c', 'd').color).not.toBe(
      render.getEdgeAttribute(cd, 'color'),
    );
  });

  it('recolours and resizes a dyad edge from its filtered events', () => {
    const data = buildDataGraph({
      ...fixture(),
      edges: [
        ...fixture().edges,
        event('e6', 'a', 'c', 'cooperative', '2022-05'),
        event('e7', 'a', 'c', 'cooperative', '2022-06'),
      ],
    } as GraphExport);
    const render = buildRenderGraph(data);
    const ac = dyadEdgeKey('a', 'c');
    const all = computeDisplayModel(data, render, DEFAULT_VIEW);
    const full = reduceEdge(all, none, ac, render.getEdgeAttributes(ac), 'a', 'c');
    expect(full.color).toBe(POLARITY_COLORS.cooperative);
    const onlyHostile = setListValue(
      setListValue(DEFAULT_VIEW, 'polarities', 'cooperative', false),
      'polarities',
      'neutral',
      false,
    );
    const m = computeDisplayModel(data, render, onlyHostile);
    const reduced = reduceEdge(m, none, ac, render.getEdgeAttributes(ac), 'a', 'c');
    expect(reduced.color).toBe(POLARITY_COLORS.hostile);
    expect(reduced.size).toBeLessThan(full.size);
  });

  it('does not mutate the attributes it is given', () => {
    const { render, model } = setup(DEFAULT_VIEW, ['a', 'b']);
    const attrs = render.getNodeAttributes('d');
    const copy = { ...attrs };
    reduceNode(model, { hovered: 'a', selection: { kind: 'node', id: 'a' } }, 'd', attrs);
    expect(attrs).toEqual(copy);
  });
});

describe('PLOVER type from eventType', () => {
  it('labels event edges and filters by eventType, never by the sigma program in type', () => {
    const { data, render } = setup();
    expect(data.getEdgeAttribute('e4', 'type')).toBe('arrow');
    expect(render.getEdgeAttribute(eventEdgeKey('e4'), 'label')).toBe('THREATEN');
    expect(render.getEdgeAttribute(eventEdgeKey('e5'), 'label')).toBe('CONSULT');
    const noThreats = setListValue(DEFAULT_VIEW, 'types', 'THREATEN', false).filters;
    const passing = data.filterEdges((_k, a) => a.kind === 'event' && eventPasses(a, noThreats));
    expect(passing.sort()).toEqual(['e1', 'e2', 'e3', 'e5']);
    const rows = eventRows(data, ['e4', 'e5'], DEFAULT_VIEW.filters);
    expect(rows.map((r) => r.eventType)).toEqual(['THREATEN', 'CONSULT']);
  });
});

describe('event filter dates', () => {
  const f = (from: string | null, to: string | null) =>
    setDateRange(DEFAULT_VIEW, from, to).filters;
  const e = (date: string | null) => ({
    polarity: 'neutral' as const,
    eventType: 'CONSULT' as const,
    quad: 'verbal-cooperation' as const,
    confidence: 1,
    date,
  });
  it('keeps a partial date only when it lies wholly inside the range', () => {
    expect(eventPasses(e('2022-03-15'), f('2022-03', '2022-03'))).toBe(true);
    expect(eventPasses(e('2022'), f('2022-03', '2022-03'))).toBe(false);
    expect(eventPasses(e('2022'), f('2022-01', '2022-12'))).toBe(true);
    expect(eventPasses(e(null), f('2022-01', null))).toBe(false);
    expect(eventPasses(e(null), f(null, null))).toBe(true);
  });
});

describe('panel data', () => {
  it('lists events newest first with undated last, and partner stances', () => {
    const data = buildDataGraph(fixture());
    const rows = eventRows(data, data.edges('a'), DEFAULT_VIEW.filters);
    expect(rows.map((r) => r.key)).toEqual(['e2', 'e4', 'e1', 'e3']);
    const partners = partnerStances('a', rows);
    expect(partners[0]).toEqual({
      id: 'b',
      count: 3,
      cooperative: 3,
      hostile: 0,
      neutral: 0,
      netScore: 9,
    });
    expect(partners[1]).toMatchObject({ id: 'c', count: 1, hostile: 1, netScore: -4 });
  });

  it('builds a month histogram with empty months filled in', () => {
    const bins = monthHistogram(['2022-01-05', '2022-03', '2022', null, '2022-03-30']);
    expect(bins).toEqual([
      { month: '2022-01', count: 1 },
      { month: '2022-02', count: 0 },
      { month: '2022-03', count: 2 },
    ]);
    expect(monthHistogram(['2021-12', '2022-01'])).toHaveLength(2);
  });

  it('segments text at mark boundaries, covering it exactly', () => {
    const text = 'Xi met Kim in Beijing.';
    const segs = segmentText(text, [
      { start: 0, end: 2, kind: 'mention' },
      { start: 0, end: 10, kind: 'evidence' },
      { start: 30, end: 40, kind: 'mention' },
    ]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs[0]).toMatchObject({
      text: 'Xi',
      marks: [{ kind: 'mention' }, { kind: 'evidence' }],
    });
    expect(segs[1]!.text).toBe(' met Kim');
    expect(segs[1]!.marks.map((m) => m.kind)).toEqual(['evidence']);
    expect(segs.at(-1)!.marks).toEqual([]);
  });
});

describe('layout run', () => {
  it('is deterministic and stops within its budget', () => {
    const render = buildRenderGraph(buildDataGraph(fixture()));
    const run = () => {
      const r = createLayoutRun(layoutInput(render));
      let s = r.step();
      let guard = 0;
      while (!s.settled && guard++ < 1000) s = r.step();
      return s;
    };
    const a = run();
    const b = run();
    expect(a.settled).toBe(true);
    expect(a).toEqual(b);
    expect(a.iterations).toBeGreaterThan(0);
    expect(a.xs.every(Number.isFinite)).toBe(true);
  });
});
