// Seeded synthetic stores for the scale bench: documents of 20 events among a fixed population of
// actors with a heavy-tailed degree, dated 2016-2025, written through the store's own addDocument
// and, for reference, as the same rows through bare better-sqlite3 inserts. Generated stores are
// cached in the temp folder under the seed, so the large ones are built once.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  EXTRACTION_SCHEMA,
  PLOVER_TYPES,
  ontology,
  seededRandom,
  type ActorKind,
  type DocumentBundle,
  type Extraction,
} from '../../server/model/index.ts';
import { migrate, openSqliteStore } from '../../server/store/index.ts';

export const SCALE_ACTORS = 20_000;
export const EVENTS_PER_DOCUMENT = 20;
const EXTRACTOR = 'scale-bench@1';
/** Bump when the generated content changes, so stale caches are not reused. */
const GENERATOR_VERSION = 1;

export interface ScaleActor {
  id: string;
  name: string;
  kind: ActorKind;
  country: string | null;
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'tas',
  'vu',
  'dor',
  'el',
  'sa',
  'nib',
  'qu',
  'ro',
  'zem',
  'ta',
  'fi',
  'gar',
  'hu',
  'jo',
  'ven',
  'wis',
  'ox',
  'pal',
  'bri',
  'cel',
  'dun',
  'ers',
  'mol',
  'nak',
  'ost',
];

function word(rand: () => number, parts: number): string {
  let w = '';
  for (let i = 0; i < parts; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return w[0]!.toUpperCase() + w.slice(1);
}

/** The actor population: index 0 is the busiest; ids are unique slugs derived from the names. */
export function scaleActors(seed: number, count = SCALE_ACTORS): ScaleActor[] {
  const rand = seededRandom(seed);
  const actors: ScaleActor[] = [];
  const states: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = rand();
    const kind: ActorKind = r < 0.05 ? 'state' : r < 0.25 ? 'organization' : 'person';
    const name =
      kind === 'person'
        ? `${word(rand, 2)} ${word(rand, 3)}`
        : kind === 'state'
          ? `${word(rand, 3)}ia`
          : `${word(rand, 2)} ${word(rand, 2)} Council`;
    const id = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${i}`;
    const country =
      kind === 'state'
        ? null
        : states.length > 0
          ? states[Math.floor(rand() * states.length)]!
          : null;
    if (kind === 'state') states.push(id);
    actors.push({ id, name, kind, country });
  }
  return actors;
}

/** A heavy-tailed pick: P(index < k) = (k / n)^(1/3), so the first actors take most events. */
function pickActor(rand: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(n * rand() ** 3));
}

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2016, 0, 1);
const DAYS = Math.round((Date.UTC(2025, 11, 31) - FIRST_DAY) / DAY_MS) + 1;

/** Document `index` of the seeded stream (each document has its own generator, so any can be made alone). */
export function scaleDocument(seed: number, index: number, actors: ScaleActor[]): DocumentBundle {
  const rand = seededRandom((seed * 1_000_003 + index * 7919) >>> 0);
  const o = ontology();
  const published = new Date(FIRST_DAY + Math.floor(rand() * DAYS) * DAY_MS)
    .toISOString()
    .slice(0, 10);
  const mentions = new Map<number, { start: number; end: number }[]>();
  const events: Extraction['events'] = [];
  let text = `Report ${index} from ${published}.`;
  for (let e = 0; e < EVENTS_PER_DOCUMENT; e++) {
    const s = pickActor(rand, actors.length);
    let t = pickActor(rand, actors.length);
    if (t === s) t = (t + 1 + Math.floor(rand() * 50)) % actors.length;
    const type = PLOVER_TYPES[Math.floor(rand() * PLOVER_TYPES.length)]!;
    const info = o.types[type];
    const source = actors[s]!;
    const target = actors[t]!;
    const sentenceStart = text.length + 1;
    const sourceSpan = { start: sentenceStart, end: sentenceStart + source.name.length };
    const middle = ` took a ${type.toLowerCase()} step toward `;
    const targetStart = sourceSpan.end + middle.length;
    const targetSpan = { start: targetStart, end: targetStart + target.name.length };
    const sentence = `${source.name}${middle}${target.name} on ${published}.`;
    text += ` ${sentence}`;
    for (const [a, span] of [
      [s, sourceSpan],
      [t, targetSpan],
    ] as const) {
      const list = mentions.get(a);
      if (list) list.push(span);
      else mentions.set(a, [span]);
    }
    events.push({
      id: `e${e}`,
      source: source.id,
      target: target.id,
      type,
      quad: info.quad,
      polarity: info.polarity,
      score: info.score,
      mode: null,
      date: published,
      datePrecision: 'day',
      confidence: Math.round((0.5 + rand() * 0.5) * 100) / 100,
      evidence: {
        sentence: e + 1,
        start: sentenceStart,
        end: sentenceStart + sentence.length,
        quote: sentence,
      },
    });
  }
  const extraction: Extraction = {
    schema: EXTRACTION_SCHEMA,
    extractor: EXTRACTOR,
    document: {
      id: `scale-${index}`,
      title: `Report ${index}`,
      published,
      source: 'scale bench',
      url: null,
    },
    actors: [...mentions].map(([i, spans]) => {
      const a = actors[i]!;
      return { ...a, aliases: [a.name], mentions: spans };
    }),
    affiliations: [],
    events,
  };
  return { text, extraction };
}

export interface GeneratedStore {
  file: string;
  events: number;
  documents: number;
  /** Filling through the store's addDocument, ms (measured when the store was generated). */
  fillMs: number;
  /** The same rows through bare better-sqlite3 prepared inserts, ms (same generation run). */
  bareMs: number;
  cached: boolean;
}

function cacheDir(seed: number): string {
  return path.join(os.tmpdir(), `stancegraph-scale-${seed}-v${GENERATOR_VERSION}`);
}

/** The rows of one bundle inserted with prepared statements, as a lower bound for the store. */
function bareWriter(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  const doc = db.prepare(
    `INSERT INTO documents (id, content_hash, title, published, source, url, text, ingested_at, extractor)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const actor = db.prepare(
    'INSERT INTO actors (id, name, kind, country) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO NOTHING',
  );
  const mention = db.prepare(
    `INSERT INTO document_actors (document, actor, ord, name, kind, country, aliases, mentions)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const event = db.prepare(
    `INSERT INTO events (document, id, ord, source, target, type, quad, polarity, score, mode, date,
       date_precision, confidence, sentence, ev_start, ev_end, quote, extractor)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const write = db.transaction((b: DocumentBundle, hash: string) => {
    const x = b.extraction;
    const d = x.document;
    doc.run(d.id, hash, d.title, d.published, d.source, d.url, b.text, '2026-01-01', x.extractor);
    x.actors.forEach((a, i) => {
      actor.run(a.id, a.name, a.kind, a.country);
      mention.run(
        d.id,
        a.id,
        i,
        a.name,
        a.kind,
        a.country,
        JSON.stringify(a.aliases),
        JSON.stringify(a.mentions),
      );
    });
    x.events.forEach((e, i) => {
      event.run(
        d.id,
        e.id,
        i,
        e.source,
        e.target,
        e.type,
        e.quad,
        e.polarity,
        e.score,
        e.mode,
        e.date,
        e.datePrecision,
        e.confidence,
        e.evidence.sentence,
        e.evidence.start,
        e.evidence.end,
        e.evidence.quote,
        x.extractor,
      );
    });
  });
  return { write, close: () => db.close() };
}

/**
 * A store of `events` generated events (cached under the seed). Filling it is timed through the
 * store's addDocument and, beside it, through bare inserts of the same rows into a scratch file.
 */
export async function generatedStore(
  seed: number,
  events: number,
  log: (line: string) => void = () => {},
): Promise<GeneratedStore> {
  const dir = cacheDir(seed);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `store-${events}.sqlite`);
  const metaFile = path.join(dir, `store-${events}.json`);
  if (existsSync(file) && existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Omit<GeneratedStore, 'cached'>;
    return { ...meta, file, cached: true };
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  const actors = scaleActors(seed);
  const documents = Math.ceil(events / EVENTS_PER_DOCUMENT);
  const bareFile = path.join(dir, `bare-${events}.sqlite`);
  for (const f of [bareFile, `${bareFile}-wal`, `${bareFile}-shm`]) rmSync(f, { force: true });

  const store = openSqliteStore({ file });
  const bare = bareWriter(bareFile);
  let fillMs = 0;
  let bareMs = 0;
  const started = performance.now();
  // Interleaved in chunks so a busy machine slows both sides alike.
  const CHUNK = 500;
  for (let first = 0; first < documents; first += CHUNK) {
    const bundles: DocumentBundle[] = [];
    for (let i = first; i < Math.min(documents, first + CHUNK); i++) {
      bundles.push(scaleDocument(seed, i, actors));
    }
    let t = performance.now();
    for (const b of bundles) await store.addDocument(b, { ingestedAt: '2026-01-01T00:00:00.000Z' });
    fillMs += performance.now() - t;
    t = performance.now();
    for (const b of bundles) bare.write(b, b.extraction.document.id);
    bareMs += performance.now() - t;
    if ((first / CHUNK) % 20 === 19) {
      log(
        `  generating ${events} events: ${first + CHUNK} of ${documents} documents, ` +
          `${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
    }
  }
  await store.close();
  bare.close();
  for (const f of [bareFile, `${bareFile}-wal`, `${bareFile}-shm`]) rmSync(f, { force: true });
  const meta = { file, events: documents * EVENTS_PER_DOCUMENT, documents, fillMs, bareMs };
  writeFileSync(metaFile, JSON.stringify(meta));
  return { ...meta, cached: false };
}
