// Exports parsed back (GEXF and GraphML with graphology's own parsers, CSV with the import reader)
// and imports of CSV, ICEWS-, PLOVER-style and JSON files into a real store.
import { MultiDirectedGraph } from 'graphology';
import * as gexfModule from 'graphology-gexf';
import * as graphmlModule from 'graphology-graphml';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildGraph,
  exportGraph,
  fillQuotes,
  subgraph,
  viewQuotes,
  type ExportFormat,
  type QuoteSource,
  type StanceGraph,
} from '../../server/graph/index.ts';
import { cameoToPlover, importEvents, readCsv } from '../../server/ingest/index.ts';
import { openSqliteStore } from '../../server/store/index.ts';
import { bundleOf, type EventTuple } from './analytics-fixtures.ts';

type Parser = { parse: typeof gexfModule.parse };
const gexf = ((gexfModule as unknown as { default?: Parser }).default ?? gexfModule) as Parser;
const graphml = ((graphmlModule as unknown as { default?: Parser }).default ??
  graphmlModule) as Parser;

const events: EventTuple[] = [
  ['ostra', 'pellin', 'AGREE', '2024-01-05', 'Ostra agreed, after "long" talks, to help Pellin.'],
  ['pellin', 'ostra', 'ACCUSE', '2024-03', '=Pellin accused Ostra\nof stalling.'],
  ['ostra', 'quorra-league', 'CONSULT', null, 'Ostra consulted the Quorra League.'],
];

const sampleBundle = bundleOf(events, { 'quorra-league': 'organization' }, 'Sample & <wire>');

function sample(): StanceGraph {
  return buildGraph([sampleBundle.extraction]);
}

/** The sample's quotes as the store gives them (the graph keeps only where each quote stands). */
const quotes: QuoteSource = {
  eventQuotes: async (keys) =>
    keys.map(
      (k) =>
        sampleBundle.extraction.events.find(
          (e) => k.document === sampleBundle.extraction.document.id && e.id === k.id,
        )?.evidence.quote ?? null,
    ),
};

/** The sample exported with its quotes. */
const exported = (
  g: StanceGraph,
  format: ExportFormat,
  q: Parameters<typeof exportGraph>[2] = {},
) => exportGraph(g, format, q, undefined, quotes);

describe('GEXF and GraphML exports', () => {
  const g = sample();
  const data = subgraph(g, { layout: false });
  beforeAll(() => fillQuotes(quotes, viewQuotes(data)));

  function checkRoundTrip(back: MultiDirectedGraph) {
    expect(back.nodes().sort()).toEqual(data.nodes.map((n) => n.key).sort());
    for (const n of data.nodes) {
      expect(back.getNodeAttributes(n.key)).toMatchObject({
        label: n.attributes.name,
        kind: n.attributes.kind,
        eventCount: n.attributes.eventCount,
      });
    }
    expect(back.edges().sort()).toEqual(data.edges.map((e) => e.key).sort());
    for (const e of data.edges) {
      const a = e.attributes;
      if (a.kind !== 'event') continue;
      expect(back.source(e.key)).toBe(e.source);
      expect(back.target(e.key)).toBe(e.target);
      const got = back.getEdgeAttributes(e.key);
      expect(got).toMatchObject({
        eventType: a.eventType,
        polarity: a.polarity,
        quad: a.quad,
        score: a.score,
        confidence: a.confidence,
        quote: a.evidence.quote,
        document: a.document,
        evidenceStart: a.evidence.start,
        evidenceEnd: a.evidence.end,
      });
      expect(got.date ?? null).toBe(a.date);
    }
  }

  it('GEXF parses back to the same nodes, edges and attributes', async () => {
    const file = await exported(g, 'gexf');
    expect(file.contentType).toBe('application/gexf+xml');
    checkRoundTrip(gexf.parse(MultiDirectedGraph, file.body) as MultiDirectedGraph);
  });

  it('GEXF declares a dynamic graph and gives dated events their day spans', async () => {
    const xml = (await exported(g, 'gexf')).body;
    expect(xml).toContain('<graph mode="dynamic" timeformat="date" defaultedgetype="directed"');
    expect(xml).toMatch(/<edge start="2024-01-05" end="2024-01-05" id="[^"]*ev0"/);
    expect(xml).toMatch(/<edge start="2024-03-01" end="2024-03-31" id="[^"]*ev1"/);
    expect(xml).toMatch(/<edge id="[^"]*ev2"/);
    expect(xml).toContain('<attribute id="quote" title="quote" type="string"/>');
    expect(xml).toMatch(/kind="ACCUSE"/);
  });

  it('GraphML declares every attribute and parses back to the same graph', async () => {
    const file = await exported(g, 'graphml');
    expect(file.body).toContain('attr.name="label" attr.type="string"');
    expect(file.body).toContain('<key id="e4" for="edge" attr.name="score" attr.type="double"/>');
    checkRoundTrip(graphml.parse(MultiDirectedGraph, file.body) as MultiDirectedGraph);
  });

  it('exports dyads with event counts as weights', async () => {
    const back = graphml.parse(
      MultiDirectedGraph,
      (await exported(g, 'graphml', { mode: 'dyads' })).body,
    ) as MultiDirectedGraph;
    expect(back.getEdgeAttributes('ostra>pellin')).toMatchObject({
      kind: 'dyad',
      eventCount: 1,
      weight: 1,
    });
  });
});

describe('cameoToPlover', () => {
  it('maps codes, their prefixes and codes that lost a leading zero, and nothing else', () => {
    expect(cameoToPlover('042')).toBe('CONSULT');
    expect(cameoToPlover('42')).toBe('CONSULT');
    expect(cameoToPlover('1721')).toBe('COERCE');
    expect(cameoToPlover('075')).toBe('AID');
    expect(cameoToPlover('190')).toBe('ASSAULT');
    // CONCEDE and RETREAT share root 08: only a full code decides.
    expect(cameoToPlover('08')).toBeNull();
    expect(cameoToPlover('010')).toBeNull();
    expect(cameoToPlover('abc')).toBeNull();
  });
});

describe('readCsv', () => {
  it('keeps quoted line breaks, doubled quotes and the line each record starts on', () => {
    const text = '\ufeffa,b\r\n"one\ntwo","say ""hi"""\r\n\r\nx,\n';
    const records = readCsv(text);
    expect(records.map((r) => r.line)).toEqual([1, 2, 5]);
    expect(records[1]!.cells.map((c) => [c.value, c.verbatim])).toEqual([
      ['one\ntwo', true],
      ['say "hi"', false],
    ]);
    const cell = records[1]!.cells[0]!;
    expect(text.slice(cell.start, cell.end)).toBe('one\ntwo');
    expect(records[2]!.cells.map((c) => c.value)).toEqual(['x', '']);
    expect(readCsv('a\tb\n1\t2')[1]!.cells.map((c) => c.value)).toEqual(['1', '2']);
  });
});

describe('CSV export', () => {
  const g = sample();

  it('quotes cells with commas, quotes and line breaks, and defuses formulas', async () => {
    const csv = (await exported(g, 'csv', { affiliations: false })).body;
    expect(csv.split('\r\n')[0]).toMatch(/^id,source,target,kind,eventType,/);
    const [header, ...rows] = readCsv(csv);
    const col = (name: string) => header!.cells.findIndex((c) => c.value === name);
    const quotes = rows.map((r) => r.cells[col('quote')]!.value);
    expect(quotes).toContain('Ostra agreed, after "long" talks, to help Pellin.');
    expect(quotes).toContain("'=Pellin accused Ostra\nof stalling.");
    expect(rows.map((r) => r.cells[col('document')]!.value)).toEqual(
      Array(3).fill(g.documentIds()[0]),
    );
    expect(rows.every((r) => r.cells.length === header!.cells.length)).toBe(true);
  });

  it('gives the nodes table on request', async () => {
    const [header, ...rows] = readCsv((await exported(g, 'csv', { table: 'nodes' })).body);
    expect(header!.cells.map((c) => c.value).slice(0, 3)).toEqual(['id', 'label', 'kind']);
    expect(rows.map((r) => r.cells[0]!.value).sort()).toEqual(['ostra', 'pellin', 'quorra-league']);
  });
});

function memoryStore() {
  return openSqliteStore({ memory: true });
}

describe('importEvents', () => {
  const CSV = [
    'source,target,type,date,quote,url',
    'France,Germany,agree,2024-05-02,"France agreed, with Germany, to talks.",https://example.org/a',
    'Zorbland Front,France,ACCUSE,2024-05,,',
    'Germany,,AID,2024-05-03,,',
    'France,Japan,HUG,2024-05-04,,',
    'France,Japan,AID,2024-13-04,,',
    'U.S.,Zorbland Front,SANCTION,20240506,The U.S. sanctioned the Front.,',
  ].join('\n');

  it('keeps good rows, reports bad ones by line, and creates unknown actors', async () => {
    const store = memoryStore();
    const graph = buildGraph([]);
    const r = await importEvents(
      { store, graph },
      { fileName: 'events.csv', text: CSV, format: 'csv' },
    );
    expect(r).toMatchObject({ created: true, rows: 6, imported: 3, newActors: ['zorbland-front'] });
    expect(r.errors).toEqual([
      { line: 4, row: 3, message: 'target: is empty' },
      { line: 5, row: 4, message: 'type: "HUG" is not a PLOVER type' },
      { line: 6, row: 5, message: expect.stringMatching(/^date: /) },
    ]);
    const ext = (await store.getExtraction(r.document!))!;
    expect(ext.events.map((e) => [e.source, e.target, e.type, e.date])).toEqual([
      ['france', 'germany', 'AGREE', '2024-05-02'],
      ['zorbland-front', 'france', 'ACCUSE', '2024-05'],
      ['united-states', 'zorbland-front', 'SANCTION', '2024-05-06'],
    ]);
    const text = (await store.getDocument(r.document!))!.text;
    for (const e of ext.events)
      expect(text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.quote);
    expect(ext.events[0]!.evidence.quote).toBe('France agreed, with Germany, to talks.');
    // No quote: the evidence is the row itself.
    expect(ext.events[1]!.evidence.quote).toBe('Zorbland Front,France,ACCUSE,2024-05,,');
    expect(ext.events[0]!.origin).toEqual({
      file: 'events.csv',
      line: 2,
      row: 1,
      layout: 'stancegraph',
      storyId: null,
      url: 'https://example.org/a',
    });
    expect(graph.actor('zorbland-front')).toMatchObject({
      name: 'Zorbland Front',
      kind: 'organization',
    });
    expect(graph.actor('france')).toMatchObject({ kind: 'state' });
    expect((await store.getDocument(r.document!))!.title).toBe('events.csv');
    // The edges table names each imported event by its file, line and data row.
    const [header, ...rows] = readCsv(
      (await exportGraph(graph, 'csv', { affiliations: false }, undefined, store)).body,
    );
    const col = (name: string) => header!.cells.findIndex((c) => c.value === name);
    const first = rows.find((r) => r.cells[col('quote')]!.value === ext.events[0]!.evidence.quote)!;
    const origin = ['originFile', 'originLine', 'originRow'].map((n) => first.cells[col(n)]!.value);
    expect(origin).toEqual(['events.csv', '2', '1']);
  });

  it('stores nothing new for a file imported before, or with no valid row', async () => {
    const store = memoryStore();
    await importEvents({ store }, { fileName: 'a.csv', text: CSV, format: 'csv' });
    const again = await importEvents({ store }, { fileName: 'b.csv', text: CSV, format: 'csv' });
    expect(again).toMatchObject({ created: false, imported: 0 });
    expect((await store.counts()).documents).toBe(1);
    const bad = await importEvents(
      { store },
      { fileName: 'c.csv', text: 'source,target,type,date\nx,,AID,2024\n', format: 'csv' },
    );
    expect(bad).toMatchObject({ document: null, imported: 0, rows: 1 });
    await expect(
      importEvents({ store }, { fileName: 'd.csv', text: 'who,whom\na,b\n', format: 'csv' }),
    ).rejects.toThrow(/no column for source, target, date, type/);
  });

  it('reads an ICEWS-style tab-separated file, CAMEO codes mapped to PLOVER', async () => {
    const header = [
      'Event ID',
      'Event Date',
      'Source Name',
      'Source Sectors',
      'Source Country',
      'Event Text',
      'CAMEO Code',
      'Intensity',
      'Target Name',
      'Target Sectors',
      'Target Country',
      'Story ID',
    ];
    const rows = [
      [
        '1',
        '2019-03-02',
        'Government (France)',
        'Government',
        'France',
        'Make a visit',
        '042',
        '1.9',
        'Angela Merkel',
        'Executive',
        'Germany',
        '9001',
      ],
      [
        '2',
        '2019-03-04',
        'Foreign Affairs (Russia)',
        'Government',
        'Russia',
        'Arrest',
        '173',
        '-5',
        'Citizen (Kyrgyzstan)',
        '',
        'Kyrgyzstan',
        '9002',
      ],
      [
        '3',
        '2019-03-05',
        'China',
        '',
        'China',
        'Make statement',
        '010',
        '0',
        'Japan',
        '',
        'Japan',
        '9003',
      ],
      [
        '4',
        '2019-03-06',
        'Japan',
        '',
        'Japan',
        'Fight with small arms',
        '190',
        '-10',
        'China',
        '',
        'China',
        '9004',
      ],
      [
        '5',
        '2019-03-07',
        'Japan',
        '',
        'Japan',
        'Praise',
        '51',
        '3.4',
        'India',
        '',
        'India',
        '9005',
      ],
    ];
    const text = [header, ...rows].map((r) => r.join('\t')).join('\n');
    const store = memoryStore();
    const r = await importEvents(
      { store },
      { fileName: 'icews.tab', text, format: 'csv', layout: 'icews' },
    );
    expect(r.errors).toEqual([
      { line: 4, row: 3, message: 'cameo: CAMEO code "010" has no PLOVER type' },
    ]);
    const ext = (await store.getExtraction(r.document!))!;
    expect(ext.events.map((e) => [e.source, e.target, e.type])).toEqual([
      ['france', 'angela-merkel', 'CONSULT'],
      ['russian-foreign-ministry', 'citizen-kyrgyzstan', 'COERCE'],
      ['japan', 'china', 'ASSAULT'],
      ['japan', 'india', 'SUPPORT'],
    ]);
    expect(ext.events[1]!.origin).toMatchObject({ storyId: '9002', layout: 'icews', line: 3 });
    expect(ext.actors.find((a) => a.id === 'citizen-kyrgyzstan')).toMatchObject({
      country: 'kyrgyzstan',
      kind: 'organization',
    });
    expect(r.newActors).toEqual(['citizen-kyrgyzstan']);
  });

  it('reads PLOVER/POLECAT-style columns with ISO country codes', async () => {
    const text = [
      'Event ID,Story ID,Event Date,Event Type,Actor Name,Actor Country,Recipient Name,Recipient Country',
      'e1,s1,2023-07-01,THREATEN,Defence Ministry,UKR,Russia,RUS',
      'e2,s2,2023-07-02,protest,Nalvik Union,BRA,Brazil,BRA',
    ].join('\r\n');
    const store = memoryStore();
    const r = await importEvents(
      { store },
      { fileName: 'polecat.csv', text, format: 'csv', layout: 'plover' },
    );
    expect(r.errors).toEqual([]);
    const ext = (await store.getExtraction(r.document!))!;
    expect(ext.events.map((e) => [e.source, e.target, e.type])).toEqual([
      ['ukraine-defence-ministry', 'russia', 'THREATEN'],
      ['nalvik-union', 'brazil', 'PROTEST'],
    ]);
    expect(ext.actors.find((a) => a.id === 'nalvik-union')!.country).toBe('brazil');
  });

  it('imports a graphology JSON export back into another store', async () => {
    const json = (await exported(sample(), 'json')).body;
    const store = memoryStore();
    const r = await importEvents({ store }, { fileName: 'graph.json', text: json, format: 'json' });
    // The consult event is undated and the affiliation-free sample has 3 events.
    expect(r.rows).toBe(3);
    expect(r.imported).toBe(2);
    // Errors of a JSON import name the edge (row) and the line of its stored CSV rendering.
    expect(r.errors).toEqual([{ line: 5, row: 3, message: expect.stringMatching(/^date: /) }]);
    const ext = (await store.getExtraction(r.document!))!;
    expect(ext.events.map((e) => [e.source, e.target, e.type, e.evidence.quote])).toEqual([
      ['ostra', 'pellin', 'AGREE', events[0]![4]],
      ['pellin', 'ostra', 'ACCUSE', events[1]![4]],
    ]);
    await expect(
      importEvents({ store }, { fileName: 'x.json', text: '{', format: 'json' }),
    ).rejects.toThrow(/not a graphology JSON graph/);
  });
});
