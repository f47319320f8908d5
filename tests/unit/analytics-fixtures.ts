// Hand-built stance graphs for the analytics and interchange tests: invented actors and events
// given as compact tuples, turned into extractions the graph and store accept. Not a test file.
import {
  EXTRACTION_SCHEMA,
  ploverInfo,
  type ActorKind,
  type DocumentBundle,
  type PloverType,
  seededRandom,
} from '../../server/model/index.ts';
import { buildGraph, type StanceGraph } from '../../server/graph/index.ts';

/** source, target, PLOVER type, date (default 2024-01-15), quote (default generated). */
export type EventTuple = [string, string, PloverType, (string | null)?, string?];

let documents = 0;

function titleCase(id: string): string {
  return id
    .split('-')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * One document holding the events; every quote is a sentence of the document text, so evidence
 * offsets hold. Actors are states unless `kinds` says otherwise.
 */
export function bundleOf(
  events: EventTuple[],
  kinds: Record<string, ActorKind> = {},
  title = `fixture ${++documents}`,
): DocumentBundle {
  const ids = [...new Set(events.flatMap(([s, t]) => [s, t]))];
  let text = '';
  const evs = events.map(([source, target, type, date = '2024-01-15', quote], i) => {
    const sentence = quote ?? `${titleCase(source)} and ${titleCase(target)}: ${type} number ${i}.`;
    const start = text.length;
    text += `${sentence} `;
    const info = ploverInfo(type);
    return {
      id: `ev${i}`,
      source,
      target,
      type,
      quad: info.quad,
      polarity: info.polarity,
      score: info.score,
      mode: null,
      date,
      datePrecision:
        date === null ? null : date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year',
      confidence: 0.9,
      evidence: { sentence: i, start, end: start + sentence.length, quote: sentence },
    } as const;
  });
  text += `(${title})`;
  const id = `doc${String(documents).padStart(4, '0')}${title.length}`;
  return {
    text,
    extraction: {
      schema: EXTRACTION_SCHEMA,
      extractor: 'fixture@1',
      document: { id, title, published: '2024-02-01', source: 'fixture', url: null },
      actors: ids.map((a) => ({
        id: a,
        name: titleCase(a),
        kind: kinds[a] ?? 'state',
        country: (kinds[a] ?? 'state') === 'state' ? a : null,
        aliases: [titleCase(a)],
        mentions: [],
      })),
      affiliations: [],
      events: evs,
    },
  };
}

export function graphOf(events: EventTuple[], kinds: Record<string, ActorKind> = {}): StanceGraph {
  return buildGraph([bundleOf(events, kinds).extraction]);
}

/** Every pair of the members linked by `type` in one direction (a clique of events). */
export function clique(members: string[], type: PloverType): EventTuple[] {
  const out: EventTuple[] = [];
  members.forEach((a, i) => members.slice(i + 1).forEach((b) => out.push([a, b, type])));
  return out;
}

const RANDOM_TYPES: PloverType[] = [
  'AGREE',
  'ACCUSE',
  'AID',
  'ASSAULT',
  'CONSULT',
  'SUPPORT',
  'THREATEN',
  'SANCTION',
  'COOPERATE',
  'REQUEST',
  'REJECT',
  'COERCE',
];
const RANDOM_KINDS: ActorKind[] = ['state', 'state', 'organization', 'person'];

/**
 * A seeded random graph in documents of `perDocument` events: `actors` invented actors, partners
 * drawn with a heavy tail (low numbers far more often), mixed types, dates over 2019-2024, a few
 * self-directed events; with the kinds of the actors.
 */
export function randomGraph(
  seed: number,
  actors: number,
  events: number,
  perDocument = 200,
): { graph: StanceGraph; documents: DocumentBundle[]; kinds: Record<string, ActorKind> } {
  const rand = seededRandom(seed);
  const actor = () => `actor-${Math.floor(actors * rand() ** 2)}`;
  const kinds: Record<string, ActorKind> = {};
  for (let i = 0; i < actors; i++) {
    kinds[`actor-${i}`] = RANDOM_KINDS[Math.floor(rand() * RANDOM_KINDS.length)]!;
  }
  const tuples: EventTuple[] = [];
  for (let i = 0; i < events; i++) {
    const source = actor();
    const target = rand() < 0.02 ? source : actor();
    const type = RANDOM_TYPES[Math.floor(rand() * RANDOM_TYPES.length)]!;
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
    tuples.push([source, target, type, `${2019 + Math.floor(rand() * 6)}-${month}-${day}`]);
  }
  const documents: DocumentBundle[] = [];
  for (let at = 0; at < tuples.length; at += perDocument) {
    documents.push(bundleOf(tuples.slice(at, at + perDocument), kinds));
  }
  return { graph: buildGraph(documents.map((d) => d.extraction)), documents, kinds };
}
