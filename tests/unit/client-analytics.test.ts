// The explorer's analytics helpers, without a browser: timeline stacking and read-outs, bloc
// colours through the node reducer, the filters as API query parameters, export file names, the
// ranking's number format, imported-event provenance, and the API client's analytics calls.
import { describe, expect, it } from 'vitest';
import {
  ApiRequestError,
  attachmentName,
  createApiClient,
  type Timeline,
} from '../../client/src/api/index.ts';
import { whileComputing } from '../../client/src/panels/while-computing.ts';
import {
  BLOC_PALETTE,
  UNALIGNED_COLOR,
  blocColoring,
  reduceNode,
  type DisplayModel,
} from '../../client/src/graph/index.ts';
import {
  describeBucket,
  describeTimeline,
  formatMeasure,
  provenanceText,
  QUAD_ORDER,
  safeUrl,
  signedScore,
  stackTimeline,
} from '../../client/src/panels/index.ts';
import { niceBound } from '../../client/src/panels/timeline-data.ts';
import {
  DEFAULT_VIEW,
  eventFilterQuery,
  exportQuery,
  filterQuery,
  matchesNothing,
  parseView,
  serializeView,
  setColorBy,
  setFocus,
  setListValue,
  type ViewState,
} from '../../client/src/state/index.ts';

type Bucket = Timeline['buckets'][number];

function bucket(
  period: string,
  byQuad: Partial<Record<(typeof QUAD_ORDER)[number], number>>,
  net: number,
): Bucket {
  const full = Object.fromEntries(QUAD_ORDER.map((q) => [q, byQuad[q] ?? 0])) as Bucket['byQuad'];
  const eventCount = Object.values(full).reduce((a, b) => a + b, 0);
  return { period, start: `${period}-01`, eventCount, netScore: net, byQuad: full };
}

describe('timeline stacking', () => {
  const buckets = [
    bucket('2024-03', { 'verbal-cooperation': 2, 'verbal-conflict': 1 }, 3.5),
    bucket('2024-04', {}, 0),
    bucket('2024-05', { 'material-cooperation': 1, 'material-conflict': 3 }, -22),
  ];

  it('gives running totals bottom to top, the last being each period’s event count', () => {
    const s = stackTimeline(buckets);
    expect(s.labels).toEqual(['2024-03', '2024-04', '2024-05']);
    expect(s.x).toEqual([0, 1, 2]);
    expect(s.stacks).toHaveLength(QUAD_ORDER.length);
    expect(s.stacks[s.stacks.length - 1]).toEqual(buckets.map((b) => b.eventCount));
    // Running totals never decrease from one quad to the next.
    for (let i = 1; i < s.stacks.length; i++) {
      s.stacks[i]!.forEach((v, j) => expect(v).toBeGreaterThanOrEqual(s.stacks[i - 1]![j]!));
    }
    // Each quad's own count is the step between consecutive totals.
    QUAD_ORDER.forEach((q, i) =>
      buckets.forEach((b, j) =>
        expect(s.stacks[i]![j]! - (i === 0 ? 0 : s.stacks[i - 1]![j]!)).toBe(b.byQuad[q]),
      ),
    );
    expect(s.net).toEqual([3.5, 0, -22]);
  });

  it('reads out a period and the whole span', () => {
    expect(describeBucket(buckets[0]!)).toBe(
      '2024-03: 3 events (2 verbal cooperation, 1 verbal conflict), net +3.5',
    );
    expect(describeBucket(buckets[1]!)).toBe('2024-04: 0 events, net 0');
    expect(describeTimeline({ buckets, offTimeline: 0, granularity: 'month' })).toBe(
      '7 events over 3 months, 2024-03 to 2024-05, net −18.5.',
    );
    expect(describeTimeline({ buckets: [], offTimeline: 4, granularity: 'week' })).toBe(
      '0 events, net 0; 4 events dated too coarsely for weeks are left out.',
    );
  });

  it('signs scores with a true minus and rounds to one decimal', () => {
    expect(signedScore(2.04)).toBe('+2');
    expect(signedScore(-0.04)).toBe('0');
    expect(signedScore(-12.46)).toBe('−12.5');
  });

  it('rounds axis bounds up to 1, 2 or 5 times a power of ten', () => {
    for (const x of [0.3, 1, 1.2, 3.85, 7, 10, 12.5, 260]) {
      const b = niceBound(x);
      expect(b).toBeGreaterThanOrEqual(x);
      expect(b).toBeLessThan(x * 2.5 + 1e-9);
      const mantissa = b / 10 ** Math.floor(Math.log10(b));
      expect([1, 2, 5]).toContain(Math.round(mantissa * 1000) / 1000);
    }
  });
});

describe('bloc colours', () => {
  const blocs = [
    { members: [{ id: 'a' }, { id: 'b' }] },
    { members: [{ id: 'c' }] },
    ...Array.from({ length: BLOC_PALETTE.length }, (_v, i) => ({ members: [{ id: `x${i}` }] })),
  ];
  const coloring = blocColoring(blocs);

  it('gives each bloc its palette colour in order, and grey past the palette', () => {
    expect(coloring.colors.get('a')).toBe(BLOC_PALETTE[0]);
    expect(coloring.colors.get('b')).toBe(BLOC_PALETTE[0]);
    expect(coloring.colors.get('c')).toBe(BLOC_PALETTE[1]);
    expect(coloring.colors.get(`x${BLOC_PALETTE.length - 1}`)).toBe(UNALIGNED_COLOR);
    expect(new Set(BLOC_PALETTE).size).toBe(BLOC_PALETTE.length);
    expect(BLOC_PALETTE).not.toContain(UNALIGNED_COLOR);
  });

  it('recolours through the reducer without touching the attributes, and still dims', () => {
    const model: DisplayModel = {
      nodes: new Set(['a', 'c', 'z']),
      edges: new Map(),
      adjacency: new Map([['a', new Set(['c'])]]),
      pathNodes: new Set(),
      pathEdges: new Set(),
      documentNodes: new Set(),
      documentEdges: new Set(),
      eventless: 0,
    };
    const attrs = {
      x: 0,
      y: 0,
      size: 5,
      color: '#2f6fd0',
      label: 'A',
      kind: 'state',
      eventCount: 1,
    };
    const frozen = Object.freeze({ ...attrs });
    const idle = { hovered: null, selection: null };
    expect(reduceNode(model, idle, 'a', frozen as never, coloring).color).toBe(BLOC_PALETTE[0]);
    expect(reduceNode(model, idle, 'z', frozen as never, coloring).color).toBe(UNALIGNED_COLOR);
    expect(reduceNode(model, idle, 'a', frozen as never, null).color).toBe(attrs.color);
    expect(frozen.color).toBe(attrs.color);
    // Hovering a shows c in its bloc colour and dims z as before.
    const hover = { hovered: 'a', selection: null };
    expect(reduceNode(model, hover, 'c', frozen as never, coloring).color).toBe(BLOC_PALETTE[1]);
    expect(reduceNode(model, hover, 'z', frozen as never, coloring).color).not.toBe(
      UNALIGNED_COLOR,
    );
  });

  it('keeps colour by bloc in the URL', () => {
    const v = setColorBy(DEFAULT_VIEW, 'bloc');
    expect(serializeView(v)).toBe('color=bloc');
    expect(parseView(serializeView(v)).colorBy).toBe('bloc');
    expect(parseView('color=rainbow').colorBy).toBe('kind');
    expect(setColorBy(DEFAULT_VIEW, 'kind')).toBe(DEFAULT_VIEW);
  });
});

describe('filters as API parameters', () => {
  const view: ViewState = setFocus(
    setListValue(
      {
        ...DEFAULT_VIEW,
        filters: { ...DEFAULT_VIEW.filters, from: '2024-03', minConfidence: 0.4 },
      },
      'polarities',
      'hostile',
      false,
    ),
    'france',
    2,
  );

  it('sends only the restricting filters, named as the API names them', () => {
    expect(filterQuery(DEFAULT_VIEW.filters)).toEqual({});
    expect(filterQuery(view.filters)).toEqual({
      from: '2024-03',
      polarity: ['cooperative', 'neutral'],
      minConfidence: 0.4,
    });
    const kinds = setListValue(view, 'kinds', 'person', false).filters;
    expect(filterQuery(kinds).kind).toEqual(['state', 'organization']);
    expect(eventFilterQuery(kinds)).not.toHaveProperty('kind');
    expect(eventFilterQuery(kinds).polarity).toEqual(['cooperative', 'neutral']);
  });

  it('tells when a list filter lets nothing through', () => {
    expect(matchesNothing(view.filters)).toBe(false);
    let none = view;
    for (const q of [
      'verbal-cooperation',
      'material-cooperation',
      'verbal-conflict',
      'material-conflict',
    ] as const) {
      none = setListValue(none, 'quads', q, false);
    }
    expect(none.filters.quads).toEqual([]);
    expect(matchesNothing(none.filters)).toBe(true);
  });

  it('exports the filtered ego view with every event as an edge', () => {
    expect(exportQuery(view, 'csv', 'nodes')).toEqual({
      from: '2024-03',
      polarity: ['cooperative', 'neutral'],
      minConfidence: 0.4,
      format: 'csv',
      table: 'nodes',
      focus: 'france',
      depth: 2,
      mode: 'events',
    });
    expect(exportQuery(DEFAULT_VIEW, 'gexf')).toEqual({ format: 'gexf', mode: 'events' });
  });
});

describe('small formatters', () => {
  it('reads attachment names, never a folder', () => {
    expect(attachmentName('attachment; filename=stancegraph.gexf')).toBe('stancegraph.gexf');
    expect(attachmentName('attachment; filename="a b.csv"')).toBe('a b.csv');
    expect(attachmentName("attachment; filename*=UTF-8''caf%C3%A9.json")).toBe('café.json');
    expect(attachmentName('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(attachmentName('inline')).toBeNull();
    expect(attachmentName(null)).toBeNull();
  });

  it('shows counts as integers and other measures to three places', () => {
    expect(formatMeasure('degree', 4)).toBe('4');
    expect(formatMeasure('weighted-degree', 12)).toBe('12');
    expect(formatMeasure('pagerank', 0.123456)).toBe('0.123');
    expect(formatMeasure('betweenness', 0)).toBe('0.000');
  });

  it('names an imported event’s file and row, and links only http(s) sources', () => {
    expect(provenanceText({ file: 'events.csv', row: 12 })).toBe(
      'imported from events.csv, row 12',
    );
    expect(safeUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
    expect(safeUrl(null)).toBeNull();
  });
});

describe('API client analytics calls', () => {
  function fake(body: string, headers: Record<string, string>) {
    const seen: string[] = [];
    const fetchImpl = (async (input: RequestInfo | URL) => {
      seen.push(String(input));
      return new Response(body, { status: 200, headers });
    }) as typeof fetch;
    return { seen, api: createApiClient({ fetch: fetchImpl }) };
  }

  it('asks for rankings, blocs and timelines with the filters', async () => {
    const { seen, api } = fake('{"items":[]}', { 'content-type': 'application/json' });
    await api.metrics({ measure: 'degree', limit: 25, polarity: ['hostile'] });
    await api.blocs({ limit: 1, kind: ['state', 'person'] });
    await api.timeline({ actor: 'japan', partner: null, granularity: 'week', from: '2024-01' });
    expect(seen).toEqual([
      '/api/metrics?measure=degree&limit=25&polarity=hostile',
      '/api/blocs?limit=1&kind=state%2Cperson',
      '/api/timeline?actor=japan&granularity=week&from=2024-01',
    ]);
  });

  it('returns an export as a file named by the server', async () => {
    const { seen, api } = fake('id,source\r\n', {
      'content-type': 'text/csv',
      'content-disposition': 'attachment; filename=stancegraph-edges.csv',
    });
    const file = await api.exportFile({ format: 'csv', table: 'edges' });
    expect(seen).toEqual(['/api/export?format=csv&table=edges']);
    expect(file.fileName).toBe('stancegraph-edges.csv');
    expect(await file.blob.text()).toBe('id,source\r\n');
  });

  it('turns a refused export into an error with the API message', async () => {
    const fetchImpl = (async () =>
      new Response(
        JSON.stringify({ error: { code: 'bad_parameter', message: 'no such format' } }),
        {
          status: 400,
          headers: { 'content-type': 'application/json' },
        },
      )) as typeof fetch;
    const api = createApiClient({ fetch: fetchImpl });
    await expect(api.exportFile({ format: 'pdf' })).rejects.toThrow('no such format');
  });

  it('asks again after Retry-After while the server is computing, then gives the answer', async () => {
    const answers = [503, 503, 200];
    const seen: string[] = [];
    const fetchImpl = (async (input: RequestInfo | URL) => {
      seen.push(String(input));
      const status = answers.shift()!;
      const body =
        status === 503
          ? {
              error: {
                code: 'analysis_pending',
                message: 'the pagerank ranking is being computed',
              },
            }
          : { measure: 'pagerank', total: 3, exact: true, version: 4, items: [] };
      return new Response(JSON.stringify(body), {
        status,
        headers: {
          'content-type': 'application/json',
          ...(status === 503 ? { 'retry-after': '3' } : {}),
        },
      });
    }) as typeof fetch;
    const api = createApiClient({ fetch: fetchImpl });
    const slept: number[] = [];
    let pending = 0;
    const m = await whileComputing(
      () => api.metrics({ measure: 'pagerank', limit: 25 }),
      { wanted: () => true, onPending: () => pending++ },
      async (ms) => void slept.push(ms),
    );
    expect(m).toMatchObject({ total: 3, version: 4 });
    expect(pending).toBe(2);
    expect(slept).toEqual([3000, 3000]);
    expect(seen).toHaveLength(3);
  });

  it('stops asking once the answer is no longer wanted, and passes other errors on', async () => {
    const pendingError = new ApiRequestError(503, 'analysis_pending', 'being computed', 1);
    let asked = 0;
    let wanted = true;
    const none = await whileComputing(
      async () => {
        asked++;
        throw pendingError;
      },
      { wanted: () => wanted, onPending: () => (wanted = false) },
      async () => undefined,
    );
    expect(none).toBeNull();
    expect(asked).toBe(1);
    const busy = new ApiRequestError(503, 'extraction_busy', 'busy', 1);
    await expect(
      whileComputing(
        async () => {
          throw busy;
        },
        { wanted: () => true, onPending: () => undefined },
        async () => undefined,
      ),
    ).rejects.toBe(busy);
  });
});
