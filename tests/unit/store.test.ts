// The SQLite store: round trips, deduplication, atomic inserts, removal, pagination, persistence.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  contentHash,
  documentId,
  EXTRACTION_SCHEMA,
  ploverInfo,
  type ActorKind,
  type DocumentBundle,
  type EventMode,
  type Extraction,
  type PloverType,
} from '../../server/model/index.ts';
import {
  openSqliteStore,
  openStore,
  StoreInputError,
  type SqliteStore,
} from '../../server/store/index.ts';

// ---- a small factory for hand-written extractions ------------------------------------------

interface ActorSpec {
  id: string;
  name: string;
  kind: ActorKind;
  country?: string | null;
  /** Surface forms; each occurrence in the text becomes a mention. */
  forms: string[];
}
interface EventSpec {
  source: string;
  target: string;
  type: PloverType;
  quote: string;
  mode?: EventMode | null;
  date?: string | null;
  confidence?: number;
}
interface AffiliationSpec {
  person: string;
  of: string;
  role: string;
  quote: string;
}
interface DocSpec {
  text: string;
  title?: string | null;
  published?: string | null;
  actors: ActorSpec[];
  affiliations?: AffiliationSpec[];
  events?: EventSpec[];
  extractor?: string;
}

function quoteOf(text: string, quote: string) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`test factory: "${quote}" not in text`);
  return { start, end: start + quote.length, quote };
}

function occurrences(text: string, form: string) {
  const spans: { start: number; end: number }[] = [];
  for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) {
    spans.push({ start: i, end: i + form.length });
  }
  return spans;
}

function makeBundle(spec: DocSpec): DocumentBundle {
  const id = documentId(spec.text);
  const sentences = spec.text.split(/(?<=\.)\s+/);
  const extraction: Extraction = {
    schema: EXTRACTION_SCHEMA,
    extractor: spec.extractor ?? 'test-extractor@1',
    document: {
      id,
      title: spec.title ?? null,
      published: spec.published ?? null,
      source: 'Test Wire',
      url: null,
    },
    actors: spec.actors.map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      country: a.country ?? null,
      aliases: a.forms,
      mentions: a.forms.flatMap((f) => occurrences(spec.text, f)).sort((x, y) => x.start - y.start),
    })),
    affiliations: (spec.affiliations ?? []).map((a) => ({
      person: a.person,
      of: a.of,
      role: a.role,
      evidence: quoteOf(spec.text, a.quote),
    })),
    events: (spec.events ?? []).map((e, i) => {
      const info = ploverInfo(e.type);
      const evidence = quoteOf(spec.text, e.quote);
      return {
        id: `${id}-e${i + 1}`,
        source: e.source,
        target: e.target,
        type: e.type,
        quad: info.quad,
        polarity: info.polarity,
        score: info.score,
        mode: e.mode ?? null,
        date: e.date ?? null,
        datePrecision: e.date
          ? (['year', 'month', 'day'] as const)[e.date.split('-').length - 1]!
          : null,
        confidence: e.confidence ?? 0.75,
        evidence: {
          sentence: sentences.findIndex((s) => s.includes(e.quote)),
          ...evidence,
        },
      };
    }),
  };
  return { text: spec.text, extraction };
}

const NORLAND: ActorSpec = { id: 'norland', name: 'Norland', kind: 'state', forms: ['Norland'] };
const ESTMARK: ActorSpec = { id: 'estmark', name: 'Estmark', kind: 'state', forms: ['Estmark'] };
const OSTLAND: ActorSpec = { id: 'ostland', name: 'Ostland', kind: 'state', forms: ['Ostland'] };
const ARLEN_VOSS: ActorSpec = {
  id: 'arlen-voss',
  name: 'Arlen Voss',
  kind: 'person',
  country: 'norland',
  forms: ['Arlen Voss', 'Voss'],
};
/** Arlen Voss as President of Norland, quoted as the document words it. */
const vossPresident = (quote: string): AffiliationSpec => ({
  person: 'arlen-voss',
  of: 'norland',
  role: 'President',
  quote,
});

/** Document A: two states and a leader; an affiliation and two events. */
function docA(): DocumentBundle {
  const text =
    'President Arlen Voss of Norland accused Estmark of massing troops. ' +
    'Voss said Norland would not sanction Estmark yet.';
  return makeBundle({
    text,
    title: 'Norland accuses Estmark',
    published: '2024-03-05',
    actors: [ARLEN_VOSS, NORLAND, ESTMARK],
    affiliations: [vossPresident('President Arlen Voss of Norland')],
    events: [
      {
        source: 'arlen-voss',
        target: 'estmark',
        type: 'ACCUSE',
        quote: 'accused Estmark of massing troops',
        date: '2024-03-05',
        confidence: 0.9,
      },
      {
        source: 'norland',
        target: 'estmark',
        type: 'SANCTION',
        quote: 'would not sanction Estmark',
        mode: 'negated',
        date: '2024-03',
        confidence: 0.55,
      },
    ],
  });
}

/** Document B: Norland again (with another surface form) and a state only this document names. */
function docB(): DocumentBundle {
  const text =
    'The Norlandic government signed a trade pact with Ostland in Vell. Norland and Ostland agreed to meet again.';
  return makeBundle({
    text,
    published: '2023-11',
    actors: [{ ...NORLAND, forms: ['Norlandic government', 'Norland'] }, OSTLAND],
    events: [
      {
        source: 'norland',
        target: 'ostland',
        type: 'COOPERATE',
        quote: 'signed a trade pact with Ostland',
      },
      {
        source: 'norland',
        target: 'ostland',
        type: 'AGREE',
        quote: 'agreed to meet again',
        mode: 'future',
        date: '2023',
      },
    ],
  });
}

/** A minimal document numbered n (distinct text, so a distinct id). */
function docN(n: number): DocumentBundle {
  const text = `Bulletin ${n}: Norland consulted Ostland on fishing quotas.`;
  return makeBundle({
    text,
    actors: [NORLAND, OSTLAND],
    events: [{ source: 'norland', target: 'ostland', type: 'CONSULT', quote: 'consulted Ostland' }],
  });
}

/** Row counts of every table, read through a separate connection. */
function tableCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const out: Record<string, number> = {};
    for (const t of ['documents', 'actors', 'document_actors', 'affiliations', 'events']) {
      out[t] = (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
    }
    return out;
  } finally {
    db.close();
  }
}

// ---- tests -------------------------------------------------------------------------------

let dir: string;
let file: string;
let store: SqliteStore;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'stancegraph-store-'));
  file = path.join(dir, 'test.sqlite');
  store = openSqliteStore({ file });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('addDocument and getExtraction', () => {
  it('round-trips an extraction exactly, array order and key order included', () => {
    const bundle = docA();
    const result = store.addDocument(bundle, { ingestedAt: '2024-03-06T10:00:00.000Z' });
    expect(result).toEqual({ id: bundle.extraction.document.id, created: true });
    const back = store.getExtraction(result.id);
    expect(back).toEqual(bundle.extraction);
    expect(JSON.stringify(back)).toBe(JSON.stringify(bundle.extraction));
  });

  it('keeps the document record with its hash, text, ingest time and extractor', () => {
    const bundle = docA();
    const { id } = store.addDocument(bundle, { ingestedAt: '2024-03-06T10:00:00.000Z' });
    expect(store.getDocument(id)).toEqual({
      ...bundle.extraction.document,
      contentHash: contentHash(bundle.text),
      text: bundle.text,
      ingestedAt: '2024-03-06T10:00:00.000Z',
      extractor: 'test-extractor@1',
    });
    expect(store.findByHash(contentHash(bundle.text))).toBe(id);
    expect(store.findByHash(contentHash('something else'))).toBeNull();
    expect(store.getDocument('0000000000000000')).toBeNull();
    expect(store.getExtraction('0000000000000000')).toBeNull();
  });

  it('stamps the ingest time when none is given', () => {
    const { id } = store.addDocument(docA());
    const ingestedAt = store.getDocument(id)!.ingestedAt;
    expect(Number.isNaN(Date.parse(ingestedAt))).toBe(false);
  });

  it('returns every extraction in ingest order', () => {
    const bundles = [docB(), docA(), docN(1)];
    for (const b of bundles) store.addDocument(b);
    expect(store.allExtractions()).toEqual(bundles.map((b) => b.extraction));
  });
});

describe('deduplication', () => {
  it('detects the same text and writes nothing twice', () => {
    const bundle = docA();
    const first = store.addDocument(bundle, { ingestedAt: '2024-01-01T00:00:00.000Z' });
    const before = tableCounts(file);
    const second = store.addDocument(bundle, { ingestedAt: '2025-01-01T00:00:00.000Z' });
    expect(second).toEqual({ id: first.id, created: false });
    expect(tableCounts(file)).toEqual(before);
    expect(store.getDocument(first.id)!.ingestedAt).toBe('2024-01-01T00:00:00.000Z');
  });

  it('answers with the stored id even when the duplicate carries another id', () => {
    const bundle = docA();
    const { id } = store.addDocument(bundle);
    const renamed = structuredClone(bundle);
    renamed.extraction.document.id = 'another-id';
    expect(store.addDocument(renamed)).toEqual({ id, created: false });
    expect(store.counts().documents).toBe(1);
  });

  it('refuses a new text under an id already taken', () => {
    store.addDocument(docA());
    const clash = docB();
    clash.extraction.document.id = docA().extraction.document.id;
    expect(() => store.addDocument(clash)).toThrow(/already stored for a different text/);
    expect(store.counts().documents).toBe(1);
  });
});

describe('atomic insert', () => {
  it('rejects an event whose source is not among the actors, leaving nothing behind', () => {
    store.addDocument(docB());
    const before = tableCounts(file);
    const bad = docA();
    bad.extraction.events[1]!.source = 'ostland';
    expect(() => store.addDocument(bad)).toThrow(StoreInputError);
    expect(() => store.addDocument(bad)).toThrow(/events\[1\]\.source refers to "ostland"/);
    expect(tableCounts(file)).toEqual(before);
    expect(store.getDocument(bad.extraction.document.id)).toBeNull();
  });

  it('rejects an affiliation naming an unknown actor and a bundle failing the schema', () => {
    const bad = docA();
    bad.extraction.affiliations[0]!.of = 'estland';
    expect(() => store.addDocument(bad)).toThrow(/affiliations\[0\]\.of/);
    const badType = docA() as unknown as { extraction: { events: { type: string }[] } };
    badType.extraction.events[0]!.type = 'INVADE';
    expect(() => store.addDocument(badType as unknown as DocumentBundle)).toThrow(
      /invalid document bundle[\s\S]*type/,
    );
    expect(store.counts()).toEqual({ documents: 0, actors: 0, events: 0 });
  });

  it('rolls back every row when the database fails midway through the insert', () => {
    store.addDocument(docB());
    const before = tableCounts(file);
    const countsBefore = store.counts();
    // A trigger makes the second event's insert fail after document, actors, mentions,
    // the affiliation and the first event were written inside the transaction.
    const bundle = docA();
    const failingId = bundle.extraction.events[1]!.id;
    const raw = new Database(file);
    raw
      .prepare(
        `CREATE TRIGGER fail_event BEFORE INSERT ON events WHEN NEW.id = '${failingId}'
         BEGIN SELECT RAISE(ABORT, 'forced failure'); END`,
      )
      .run();
    raw.close();
    expect(() => store.addDocument(bundle)).toThrow(/forced failure/);
    expect(tableCounts(file)).toEqual(before);
    expect(store.counts()).toEqual(countsBefore);
    expect(store.getActor('arlen-voss')).toBeNull();
    expect(store.getActor('estmark')).toBeNull();
    expect(store.getActor('norland')!.aliases).toEqual(['Norland', 'Norlandic government']);
  });

  it('has foreign keys in the schema itself, not only in the validation', () => {
    store.addDocument(docA());
    const raw = new Database(file);
    raw.pragma('foreign_keys = ON');
    const id = docA().extraction.document.id;
    expect(() =>
      raw
        .prepare(
          `INSERT INTO events (document, id, ord, source, target, type, quad, polarity, score,
             confidence, sentence, ev_start, ev_end, quote, extractor)
           VALUES (?, 'x', 9, 'ostland', 'estmark', 'ACCUSE', 'verbal-conflict', 'hostile', -2,
             0.5, 0, 0, 1, 'P', 'raw')`,
        )
        .run(id),
    ).toThrow(/FOREIGN KEY/);
    raw.close();
  });
});

describe('removeDocument', () => {
  it('deletes events, mentions and orphaned actors but keeps actors mentioned elsewhere', () => {
    const a = store.addDocument(docA()).id;
    const b = store.addDocument(docB()).id;
    expect(store.documentsOfActor('norland')).toEqual([a, b]);
    expect(store.counts()).toEqual({ documents: 2, actors: 4, events: 4 });

    expect(store.removeDocument(a)).toBe(true);
    expect(store.getDocument(a)).toBeNull();
    expect(store.getExtraction(a)).toBeNull();
    expect(store.getActor('arlen-voss')).toBeNull();
    expect(store.getActor('estmark')).toBeNull();
    expect(store.getActor('norland')).not.toBeNull();
    expect(store.documentsOfActor('norland')).toEqual([b]);
    expect(store.counts()).toEqual({ documents: 1, actors: 2, events: 2 });
    expect(tableCounts(file)).toEqual({
      documents: 1,
      actors: 2,
      document_actors: 2,
      affiliations: 0,
      events: 2,
    });
    expect(store.allExtractions()).toEqual([docB().extraction]);
  });

  it('answers false for an unknown id and lets a removed text be added again', () => {
    expect(store.removeDocument('nope')).toBe(false);
    const { id } = store.addDocument(docA());
    expect(store.removeDocument(id)).toBe(true);
    expect(store.removeDocument(id)).toBe(false);
    expect(store.counts()).toEqual({ documents: 0, actors: 0, events: 0 });
    expect(store.addDocument(docA())).toEqual({ id, created: true });
  });
});

describe('actors across documents', () => {
  it('unions aliases, dates roles by the earliest document and keeps the first canonical name', () => {
    const later = docA(); // published 2024-03-05
    const earlier = makeBundle({
      text: 'Norland President Arlen Voss met the Estmark envoy. Voss proposed talks.',
      published: '2022-06-01',
      actors: [
        // Disagrees on the name: the first stored document's name must stay canonical.
        { ...ARLEN_VOSS, name: 'A. Voss' },
        NORLAND,
        ESTMARK,
      ],
      affiliations: [
        vossPresident('Norland President Arlen Voss'),
        { person: 'arlen-voss', of: 'norland', role: 'Envoy', quote: 'Estmark envoy' },
      ],
    });
    store.addDocument(later);
    store.addDocument(earlier);
    const voss = store.getActor('arlen-voss');
    expect(voss).toEqual({
      id: 'arlen-voss',
      name: 'Arlen Voss',
      kind: 'person',
      country: 'norland',
      aliases: ['Arlen Voss', 'Voss'],
      roles: [
        { title: 'Envoy', of: 'norland', from: '2022-06-01', to: null },
        { title: 'President', of: 'norland', from: '2022-06-01', to: null },
      ],
    });
    // The later document still round-trips with its own spelling.
    expect(store.getExtraction(earlier.extraction.document.id)!.actors[0]!.name).toBe('A. Voss');
    expect(store.getActor('nobody')).toBeNull();
  });

  it('lists every actor sorted by id, each as getActor reports it', () => {
    store.addDocument(docB());
    store.addDocument(docA());
    const all = store.listActors();
    expect(all.map((a) => a.id)).toEqual(['arlen-voss', 'estmark', 'norland', 'ostland']);
    for (const actor of all) expect(actor).toEqual(store.getActor(actor.id));
    expect(all.find((a) => a.id === 'norland')!.aliases).toEqual([
      'Norland',
      'Norlandic government',
    ]);
    expect(store.documentsOfActor('ostland')).toEqual([docB().extraction.document.id]);
    expect(store.documentsOfActor('nobody')).toEqual([]);
  });
});

describe('listDocuments', () => {
  it('pages newest first and covers every document exactly once', () => {
    const ids = Array.from({ length: 11 }, (_, n) => store.addDocument(docN(n)).id);
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const page: ReturnType<SqliteStore['listDocuments']> = store.listDocuments({
        limit: 4,
        cursor,
      });
      sizes.push(page.items.length);
      seen.push(...page.items.map((d) => d.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([4, 4, 3]);
    expect(seen).toEqual([...ids].reverse());
  });

  it('summarises each document without its text', () => {
    const a = store.addDocument(docA(), { ingestedAt: '2024-03-06T00:00:00.000Z' }).id;
    const { items, nextCursor } = store.listDocuments({ limit: 10 });
    expect(nextCursor).toBeNull();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: a,
      actorCount: 3,
      eventCount: 2,
      title: 'Norland accuses Estmark',
    });
    expect(items[0]).not.toHaveProperty('text');
  });

  it('neither repeats nor skips when documents arrive or leave between pages', () => {
    const ids = Array.from({ length: 6 }, (_, n) => store.addDocument(docN(n)).id);
    const first = store.listDocuments({ limit: 2 });
    store.addDocument(docN(100));
    store.removeDocument(ids[5]!); // already seen on page one
    const rest = store.listDocuments({ limit: 10, cursor: first.nextCursor });
    expect([...first.items, ...rest.items].map((d) => d.id)).toEqual([...ids].reverse());
  });

  it('refuses a limit out of range and a cursor it did not issue', () => {
    expect(() => store.listDocuments({ limit: 0 })).toThrow(StoreInputError);
    expect(() => store.listDocuments({ limit: 501 })).toThrow(/limit/);
    expect(() => store.listDocuments({ limit: 2.5 })).toThrow(/limit/);
    expect(store.listDocuments({ limit: 500 }).items).toEqual([]);
    expect(() => store.listDocuments({ limit: 5, cursor: 'garbage!' })).toThrow(/cursor/);
    const forged = Buffer.from('x:12').toString('base64url');
    expect(() => store.listDocuments({ limit: 5, cursor: forged })).toThrow(StoreInputError);
  });
});

describe('persistence and settings', () => {
  it('keeps data across close and reopen', () => {
    const a = docA();
    store.addDocument(a);
    store.addDocument(docB());
    const counts = store.counts();
    store.close();
    store = openSqliteStore({ file });
    expect(store.counts()).toEqual(counts);
    expect(store.getExtraction(a.extraction.document.id)).toEqual(a.extraction);
    expect(store.addDocument(a).created).toBe(false);
  });

  it('runs in WAL mode with foreign keys, a busy timeout and synchronous=NORMAL', () => {
    expect(store.settings()).toMatchObject({
      journalMode: 'wal',
      foreignKeys: true,
      synchronous: 'NORMAL',
    });
    expect(store.settings().busyTimeoutMs).toBeGreaterThan(0);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('works in memory too', () => {
    const mem = openSqliteStore({ memory: true });
    const a = docA();
    mem.addDocument(a);
    expect(mem.getExtraction(a.extraction.document.id)).toEqual(a.extraction);
    expect(mem.settings().foreignKeys).toBe(true);
    mem.close();
    expect(existsSync(path.join(dir, ':memory:'))).toBe(false);
  });

  it('openStore puts stancegraph.sqlite under DATA_DIR, creating the folder', () => {
    const dataDir = path.join(dir, 'nested', 'data');
    const s = openStore({ DATA_DIR: dataDir });
    s.addDocument(docN(1));
    s.close();
    expect(existsSync(path.join(dataDir, 'stancegraph.sqlite'))).toBe(true);
    const again = openStore({ DATA_DIR: dataDir });
    expect(again.counts().documents).toBe(1);
    again.close();
  });
});
