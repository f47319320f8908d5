// Seeded documents for graph-view tests (busy first actors, quotes of varied escaping) and an
// in-memory quote source standing in for the store, the reference serialisation of a view and a
// view served as the service serves it (its chunks, with kept event edges);
// shared by the view test files, not a test file.
import {
  fillQuotes,
  subgraph,
  viewChunks,
  viewParts,
  viewQuotes,
  type EventFragments,
  type QuoteSource,
  type StanceGraph,
  type SubgraphQuery,
} from '../../server/graph/index.ts';
import {
  EXTRACTION_SCHEMA,
  PLOVER_TYPES,
  ontology,
  seededRandom,
  type Extraction,
} from '../../server/model/index.ts';

const COUNCILS = ['Tarvos', 'Quelle', 'Ambri', 'Sorrel', 'Vinta', 'Kessa', 'Ondar', 'Lumo'];
const QUOTES = [
  'The envoy said "no further talks" today.',
  'Ministers met in Sorrel\nand signed.',
  'Back\\slash and tab\there.',
  'Accord signé à Ambri — « enfin ».',
  'Talks 🤝 resumed',
  'Odd \ud800 surrogate',
  'Plain words only',
];

/** Seeded documents among 24 actors (the first ones busiest), quotes of varied escaping. */
export function documents(seed: number, count: number, tag = ''): Extraction[] {
  const rand = seededRandom(seed);
  const o = ontology();
  const actors = Array.from({ length: 24 }, (_, i) => ({
    id: `${COUNCILS[i % COUNCILS.length]!.toLowerCase()}-${i}`,
    name: `${COUNCILS[i % COUNCILS.length]} Council ${i}`,
    kind: i % 4 === 0 ? ('person' as const) : ('state' as const),
    country: null,
  }));
  const pick = () => Math.floor(actors.length * rand() ** 2);
  return Array.from({ length: count }, (_, d) => {
    const used = new Set<number>();
    const events = Array.from({ length: 5 }, (_, e) => {
      const s = pick();
      const t = (s + 1 + Math.floor(rand() * 6)) % actors.length;
      used.add(s).add(t);
      const type = PLOVER_TYPES[Math.floor(rand() * PLOVER_TYPES.length)]!;
      return {
        id: `ev${e}`,
        source: actors[s]!.id,
        target: actors[t]!.id,
        type,
        quad: o.types[type].quad,
        polarity: o.types[type].polarity,
        score: o.types[type].score,
        mode: rand() < 0.2 ? ('negated' as const) : null,
        date:
          rand() < 0.1 ? null : `${2018 + Math.floor(rand() * 4)}-0${1 + Math.floor(rand() * 9)}`,
        datePrecision: 'month' as const,
        confidence: Math.round(rand() * 100) / 100,
        evidence: {
          sentence: e,
          start: 0,
          end: 5,
          quote: `${QUOTES[Math.floor(rand() * QUOTES.length)]}${tag}`,
        },
      };
    });
    return {
      schema: EXTRACTION_SCHEMA,
      extractor: 'test',
      document: { id: `brief-${d}`, title: null, published: null, source: null, url: null },
      actors: [...used].map((i) => ({ ...actors[i]!, aliases: [], mentions: [] })),
      affiliations: [],
      events,
    };
  });
}

/** Quotes by (document, event id), as the store would give them for the documents held. */
export class MemoryQuotes implements QuoteSource {
  readonly quotes = new Map<string, string>();
  asked = 0;
  hold(doc: Extraction): void {
    for (const e of doc.events) this.quotes.set(`${doc.document.id}/${e.id}`, e.evidence.quote);
  }
  drop(doc: Extraction): void {
    for (const e of doc.events) this.quotes.delete(`${doc.document.id}/${e.id}`);
  }
  async eventQuotes(keys: readonly { document: string; id: string }[]) {
    this.asked += keys.length;
    return keys.map((k) => this.quotes.get(`${k.document}/${k.id}`) ?? null);
  }
}

/** The view as JSON.stringify gives it, its quotes filled from the source. */
export async function expected(sg: StanceGraph, q: SubgraphQuery, quotes: QuoteSource) {
  const view = subgraph(sg, q);
  await fillQuotes(quotes, viewQuotes(view));
  return JSON.stringify(view);
}

/** The view of `q` served through viewChunks with `kept` event edges: its text, chunks and bytes. */
export async function servedView(
  sg: StanceGraph,
  q: SubgraphQuery,
  quotes: QuoteSource,
  kept: EventFragments,
) {
  const sources = { quotes, fragments: kept };
  const { view, complete } = await viewChunks(sg, viewParts(sg, q), sg.version, sources, 1 << 30);
  return { text: view.chunks.join(''), chunks: view.chunks, bytes: view.bytes, complete };
}
