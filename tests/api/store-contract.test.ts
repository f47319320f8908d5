// The store contract: one suite, run unchanged against the SQLite store and the PostgreSQL store
// (the latter in a fresh database of the cluster named by STANCEGRAPH_TEST_PG_URL, which .ci/run
// always provides; without it the PostgreSQL half is reported as not run, and fails under CI).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildGraph } from '../../server/graph/index.ts';
import { contentHash, type DocumentBundle } from '../../server/model/index.ts';
import {
  ChangeFeed,
  MAX_QUOTE_BATCH,
  openPostgresStore,
  openSqliteStore,
  StoreInputError,
  type DocumentPage,
  type GraphDocument,
  type Store,
} from '../../server/store/index.ts';
import { openGraph } from '../../server/saved-graph.ts';
import { freshDatabase } from '../helpers/pg-cluster.ts';
import {
  ARLEN_VOSS,
  ESTMARK,
  NORLAND,
  docA,
  docB,
  docN,
  makeBundle,
  vossPresident,
} from '../helpers/store-bundles.ts';

/** One place a store lives; open() may be called several times for several connections. */
interface Location {
  open(): Promise<Store>;
  dispose(): Promise<void>;
}

interface Target {
  name: string;
  available: boolean;
  location(): Promise<Location>;
}

const PG_URL = process.env.STANCEGRAPH_TEST_PG_URL;

const TARGETS: Target[] = [
  {
    name: 'sqlite',
    available: true,
    async location() {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'stancegraph-contract-'));
      const file = path.join(dir, 'store.sqlite');
      return {
        open: async () => openSqliteStore({ file }),
        dispose: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'postgres',
    available: Boolean(PG_URL),
    async location() {
      const db = await freshDatabase(PG_URL!);
      return { open: () => openPostgresStore({ url: db.url, poolSize: 4 }), dispose: db.drop };
    },
  },
];

if (!PG_URL) {
  console.warn(
    'store contract: PostgreSQL part NOT RUN (set STANCEGRAPH_TEST_PG_URL, e.g. from ' +
      '`tsx tests/helpers/pg-cluster.ts up`; .ci/run always does)',
  );
  if (process.env.CI) {
    it('has a PostgreSQL cluster to run against under CI', () => {
      expect(PG_URL, 'STANCEGRAPH_TEST_PG_URL must be set in CI').toBeTruthy();
    });
  }
}

/** Waits until check() passes or the time is up (then lets its assertion fail). */
async function eventually(check: () => void | Promise<void>, ms = 1000): Promise<number> {
  const start = performance.now();
  for (;;) {
    try {
      await check();
      return performance.now() - start;
    } catch (error) {
      if (performance.now() - start > ms) throw error;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

for (const target of TARGETS) {
  describe.skipIf(!target.available)(`store contract (${target.name})`, () => {
    let location: Location;
    let store: Store;
    const extra: Store[] = [];
    /** Another connection to the same store, closed after the test. */
    const another = async () => {
      const s = await location.open();
      extra.push(s);
      return s;
    };

    beforeEach(async () => {
      location = await target.location();
      store = await location.open();
    });
    afterEach(async () => {
      for (const s of extra.splice(0)) await s.close();
      await store.close();
      await location.dispose();
    });

    describe('documents', () => {
      it('round-trips an extraction exactly, array order and key order included', async () => {
        const bundle = docA();
        const result = await store.addDocument(bundle, { ingestedAt: '2024-03-06T10:00:00.000Z' });
        expect(result).toEqual({ id: bundle.extraction.document.id, created: true });
        const back = await store.getExtraction(result.id);
        expect(back).toEqual(bundle.extraction);
        expect(JSON.stringify(back)).toBe(JSON.stringify(bundle.extraction));
      });

      it('keeps the record with its hash, text, ingest time and extractor', async () => {
        const bundle = docA();
        const { id } = await store.addDocument(bundle, { ingestedAt: '2024-03-06T10:00:00.000Z' });
        expect(await store.getDocument(id)).toEqual({
          ...bundle.extraction.document,
          contentHash: contentHash(bundle.text),
          text: bundle.text,
          ingestedAt: '2024-03-06T10:00:00.000Z',
          extractor: 'test-extractor@1',
        });
        expect(await store.findByHash(contentHash(bundle.text))).toBe(id);
        expect(await store.findByHash(contentHash('something else'))).toBeNull();
        expect(await store.getDocument('0000000000000000')).toBeNull();
        expect(await store.getExtraction('0000000000000000')).toBeNull();
      });

      it('returns every extraction in ingest order', async () => {
        const bundles = [docB(), docA(), docN(1)];
        for (const b of bundles) await store.addDocument(b);
        expect(await store.allExtractions()).toEqual(bundles.map((b) => b.extraction));
      });

      it('reads the graph columns of every document in ingest order, in batches', async () => {
        // One imported event: its origin is read back too.
        const imported = docN(3);
        imported.extraction.events[0]!.origin = {
          file: 'feeds/coastal-week.csv',
          line: 4,
          row: 3,
          layout: 'plover-csv',
          storyId: 'cw-118',
          url: null,
        };
        const bundles = [docB(), docA(), docN(1), docN(2), imported];
        for (const b of bundles) await store.addDocument(b);
        await store.removeDocument(docN(2).extraction.document.id);
        const kept = bundles.filter((b) => b !== bundles[3]).map((b) => b.extraction);
        const batches: GraphDocument[][] = [];
        await store.graphDocuments((batch) => batches.push(batch), { batch: 2 });
        expect(batches.map((b) => b.length)).toEqual([2, 2]);
        // The extraction less the text, source, url, mention spans, affiliation evidence and
        // event quotes (read by eventQuotes when a reply shows them).
        expect(batches.flat()).toEqual(
          kept.map((e) => ({
            extractor: e.extractor,
            document: {
              id: e.document.id,
              title: e.document.title,
              published: e.document.published,
            },
            actors: e.actors.map(({ mentions: _mentions, ...actor }) => actor),
            affiliations: e.affiliations.map(({ person, of, role }) => ({ person, of, role })),
            events: e.events.map(({ evidence: { quote: _quote, ...where }, ...event }) => ({
              ...event,
              evidence: where,
            })),
          })),
        );
        // A graph filled from the read is the graph of the full extractions.
        const read = buildGraph();
        await store.graphDocuments((batch) => batch.forEach((d) => read.addDocument(d)));
        expect(read.export()).toEqual(buildGraph(kept).export());
        expect(read.documentIds()).toEqual(kept.map((e) => e.document.id));
      });

      it('reads back any stated name and alias, and shares one object for a restated identity', async () => {
        // The graph read joins repeated columns into one text with U+001F between them: a name
        // or alias holding that character, quotes or characters outside the BMP comes back whole.
        const odd = {
          id: 'kaveri-delta-board',
          name: 'Kaveri \u001f "Delta" Board \u{1F30A}',
          kind: 'organization' as const,
          country: null,
          forms: ['Kaveri Delta Board', 'the \u001f board'],
        };
        const port = {
          id: 'tuticorin-port',
          name: 'Tuticorin Port',
          kind: 'organization' as const,
          forms: ['Tuticorin Port'],
        };
        const bundles = [1, 2].map((n) =>
          makeBundle({
            text: `Notice ${n}: the Kaveri Delta Board criticized Tuticorin Port over silt.`,
            actors: [odd, port],
            events: [
              {
                source: odd.id,
                target: port.id,
                type: 'ACCUSE',
                quote: 'criticized Tuticorin Port',
                date: n === 1 ? '2022-11' : null,
                mode: n === 2 ? 'negated' : null,
              },
            ],
          }),
        );
        for (const b of bundles) await store.addDocument(b);
        const read: GraphDocument[] = [];
        await store.graphDocuments((batch) => read.push(...batch));
        expect(read.map((d) => d.actors)).toEqual(
          bundles.map((b) => b.extraction.actors.map(({ mentions: _mentions, ...actor }) => actor)),
        );
        expect(read.map((d) => d.events.map((e) => [e.mode, e.date, e.datePrecision]))).toEqual([
          [[null, '2022-11', 'month']],
          [['negated', null, null]],
        ]);
        // Both documents state the same identities: the read hands over one object for each.
        expect(read[1]!.actors[0]).toBe(read[0]!.actors[0]);
        expect(read[1]!.actors[1]).toBe(read[0]!.actors[1]);
      });

      it('gives the quotes of a batch of events in the order asked, null for unknown ones', async () => {
        const bundles = [docA(), docB(), docN(1)];
        for (const b of bundles) await store.addDocument(b);
        const events = bundles.flatMap((b) =>
          b.extraction.events.map((e) => ({ document: b.extraction.document.id, ...e })),
        );
        expect(events.length).toBeGreaterThan(2);
        const asked = [...events].reverse();
        const keys = [
          ...asked.map((e) => ({ document: e.document, id: e.id })),
          { document: docA().extraction.document.id, id: 'no-such-event' },
          { document: '0000000000000000', id: events[0]!.id },
        ];
        expect(await store.eventQuotes(keys)).toEqual([
          ...asked.map((e) => e.evidence.quote),
          null,
          null,
        ]);
        // Each quote is the document text at the event's span.
        for (const b of bundles) {
          const quotes = await store.eventQuotes(
            b.extraction.events.map((e) => ({ document: b.extraction.document.id, id: e.id })),
          );
          b.extraction.events.forEach((e, i) =>
            expect(b.text.slice(e.evidence.start, e.evidence.end)).toBe(quotes[i]),
          );
        }
        expect(await store.eventQuotes([])).toEqual([]);
        // A removed document's events have no quote any more.
        await store.removeDocument(bundles[1]!.extraction.document.id);
        const removed = bundles[1]!.extraction;
        expect(
          await store.eventQuotes(
            removed.events.map((e) => ({ document: removed.document.id, id: e.id })),
          ),
        ).toEqual(removed.events.map(() => null));
        await expect(
          store.eventQuotes(Array.from({ length: MAX_QUOTE_BATCH + 1 }, () => keys[0]!)),
        ).rejects.toThrow(StoreInputError);
      });

      it('refuses a graph read batch that is not a whole number from 1', async () => {
        await store.addDocument(docA());
        for (const batch of [0, -1, 2.5]) {
          await expect(store.graphDocuments(() => undefined, { batch })).rejects.toThrow(
            StoreInputError,
          );
        }
        let documents = 0;
        await store.graphDocuments((batch) => (documents += batch.length));
        expect(documents).toBe(1);
      });

      it('deduplicates by text, whatever id the duplicate carries', async () => {
        const bundle = docA();
        const first = await store.addDocument(bundle, { ingestedAt: '2024-01-01T00:00:00.000Z' });
        const renamed = structuredClone(bundle);
        renamed.extraction.document.id = 'another-id';
        expect(await store.addDocument(renamed)).toEqual({ id: first.id, created: false });
        expect((await store.getDocument(first.id))!.ingestedAt).toBe('2024-01-01T00:00:00.000Z');
        expect(await store.counts()).toEqual({ documents: 1, actors: 3, events: 2 });
      });

      it('refuses a new text under a taken id, and invalid bundles, storing nothing', async () => {
        await store.addDocument(docA());
        const clash = docB();
        clash.extraction.document.id = docA().extraction.document.id;
        await expect(store.addDocument(clash)).rejects.toThrow(
          /already stored for a different text/,
        );
        const dangling = docB();
        dangling.extraction.events[1]!.source = 'estmark';
        await expect(store.addDocument(dangling)).rejects.toThrow(StoreInputError);
        const badType = docB() as unknown as { extraction: { events: { type: string }[] } };
        badType.extraction.events[0]!.type = 'INVADE';
        await expect(store.addDocument(badType as unknown as DocumentBundle)).rejects.toThrow(
          /invalid document bundle[\s\S]*type/,
        );
        expect(await store.counts()).toEqual({ documents: 1, actors: 3, events: 2 });
        expect((await store.changesSince(0, 10)).changes).toHaveLength(1);
      });

      it('removes a document with its events and orphaned actors, and takes it back', async () => {
        const a = (await store.addDocument(docA())).id;
        const b = (await store.addDocument(docB())).id;
        expect(await store.documentsOfActor('norland')).toEqual([a, b]);
        expect(await store.counts()).toEqual({ documents: 2, actors: 4, events: 4 });
        expect(await store.removeDocument(a)).toBe(true);
        expect(await store.removeDocument(a)).toBe(false);
        expect(await store.removeDocument('nope')).toBe(false);
        expect(await store.getDocument(a)).toBeNull();
        expect(await store.getActor('arlen-voss')).toBeNull();
        expect(await store.getActor('norland')).not.toBeNull();
        expect(await store.documentsOfActor('norland')).toEqual([b]);
        expect(await store.counts()).toEqual({ documents: 1, actors: 2, events: 2 });
        expect(await store.allExtractions()).toEqual([docB().extraction]);
        expect(await store.addDocument(docA())).toEqual({ id: a, created: true });
      });

      it('keeps data across close and reopen', async () => {
        await store.addDocument(docA());
        await store.addDocument(docB());
        const counts = await store.counts();
        await store.close();
        store = await location.open();
        expect(await store.counts()).toEqual(counts);
        expect(await store.getExtraction(docA().extraction.document.id)).toEqual(docA().extraction);
        expect((await store.addDocument(docA())).created).toBe(false);
      });
    });

    describe('actors', () => {
      it('unions aliases, dates roles by the earliest document, keeps the first name', async () => {
        const earlier = makeBundle({
          text: 'Norland President Arlen Voss met the Estmark envoy. Voss proposed talks.',
          published: '2022-06-01',
          actors: [{ ...ARLEN_VOSS, name: 'A. Voss' }, NORLAND, ESTMARK],
          affiliations: [
            vossPresident('Norland President Arlen Voss'),
            { person: 'arlen-voss', of: 'norland', role: 'Envoy', quote: 'Estmark envoy' },
          ],
        });
        await store.addDocument(docA());
        await store.addDocument(earlier);
        expect(await store.getActor('arlen-voss')).toEqual({
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
        const back = await store.getExtraction(earlier.extraction.document.id);
        expect(back!.actors[0]!.name).toBe('A. Voss');
        expect(await store.getActor('nobody')).toBeNull();
      });

      it('lists every actor in code-unit order of id, each as getActor reports it', async () => {
        await store.addDocument(docB());
        await store.addDocument(docA());
        // A hyphen sorts before letters in code-unit order, whatever the database locale says.
        await store.addDocument(
          makeBundle({
            text: 'The Ar Zed party met Arlen Voss.',
            actors: [{ id: 'ar-zed', name: 'Ar Zed', kind: 'organization', forms: ['Ar Zed'] }],
          }),
        );
        const all = await store.listActors();
        expect(all.map((a) => a.id)).toEqual([
          'ar-zed',
          'arlen-voss',
          'estmark',
          'norland',
          'ostland',
        ]);
        for (const actor of all) expect(actor).toEqual(await store.getActor(actor.id));
        expect(await store.documentsOfActor('nobody')).toEqual([]);
      });
    });

    describe('listDocuments', () => {
      it('pages newest first, each document once, stable across arrivals and removals', async () => {
        const ids: string[] = [];
        for (let n = 0; n < 9; n++) ids.push((await store.addDocument(docN(n))).id);
        const first = await store.listDocuments({ limit: 4 });
        await store.addDocument(docN(100));
        await store.removeDocument(ids[8]!); // already seen on page one
        const seen = first.items.map((d) => d.id);
        let cursor = first.nextCursor;
        while (cursor) {
          const page: DocumentPage = await store.listDocuments({ limit: 4, cursor });
          seen.push(...page.items.map((d) => d.id));
          cursor = page.nextCursor;
        }
        expect(seen).toEqual([...ids].reverse());
        const [top] = (await store.listDocuments({ limit: 1 })).items;
        expect(top).toMatchObject({ actorCount: 2, eventCount: 1 });
        expect(top).not.toHaveProperty('text');
      });

      it('refuses a limit out of range and a cursor it did not issue', async () => {
        await expect(store.listDocuments({ limit: 0 })).rejects.toThrow(StoreInputError);
        await expect(store.listDocuments({ limit: 501 })).rejects.toThrow(/limit/);
        await expect(store.listDocuments({ limit: 5, cursor: 'garbage!' })).rejects.toThrow(
          /cursor/,
        );
        expect((await store.listDocuments({ limit: 500 })).items).toEqual([]);
      });
    });

    describe('change log', () => {
      it('numbers every add and remove in order, and nothing for a duplicate', async () => {
        expect(await store.lastChange()).toBe(0);
        const a = (await store.addDocument(docA())).id;
        await store.addDocument(docA());
        const b = (await store.addDocument(docB())).id;
        await store.removeDocument(a);
        await store.removeDocument(a);
        const { changes, trimmedThrough } = await store.changesSince(0, 100);
        expect(trimmedThrough).toBe(0);
        expect(changes.map((c) => [c.kind, c.document])).toEqual([
          ['add', a],
          ['add', b],
          ['remove', a],
        ]);
        const seqs = changes.map((c) => c.seq);
        expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
        expect(await store.lastChange()).toBe(seqs[2]);
        expect((await store.changesSince(seqs[0]!, 1)).changes).toEqual([changes[1]]);
      });

      it('logs concurrent writers from several connections once each, in commit order', async () => {
        const writers = [store, await another(), await another()];
        const bundles = Array.from({ length: 12 }, (_, n) => docN(n));
        const results = await Promise.all(
          bundles.map((b, i) => writers[i % writers.length]!.addDocument(b)),
        );
        // The same text from three connections at once: one document.
        const same = await Promise.all(writers.map((w) => w.addDocument(docA())));
        expect(same.filter((r) => r.created)).toHaveLength(1);
        const { changes } = await store.changesSince(0, 100);
        expect(changes.map((c) => c.document).sort()).toEqual(
          [...results.map((r) => r.id), same[0]!.id].sort(),
        );
        expect(new Set(changes.map((c) => c.seq)).size).toBe(changes.length);
      });

      it('trims up to a number and says so; the last number survives trimming', async () => {
        for (let n = 0; n < 4; n++) await store.addDocument(docN(n));
        const last = await store.lastChange();
        expect(await store.trimChanges(last - 2)).toBe(2);
        const page = await store.changesSince(0, 100);
        expect(page.trimmedThrough).toBe(last - 2);
        expect(page.changes.map((c) => c.seq)).toEqual([last - 1, last]);
        await store.trimChanges(last + 50);
        expect(await store.lastChange()).toBe(last);
        expect((await store.changesSince(0, 10)).trimmedThrough).toBe(last);
      });

      it('lets several connections open a new store at once (migrations run once)', async () => {
        const empty = await target.location();
        const opened = await Promise.all([empty.open(), empty.open(), empty.open()]);
        try {
          await opened[1]!.addDocument(docA());
          expect((await opened[2]!.counts()).documents).toBe(1);
          expect(await opened[0]!.lastChange()).toBe(1);
        } finally {
          for (const s of opened) await s.close();
          await empty.dispose();
        }
      });
    });

    describe('generation', () => {
      it('goes up with every add and remove, in the same transaction, and with nothing else', async () => {
        const start = await store.generation();
        expect(start.generation).toBe(0);
        expect(start.lastChange).toBe(0);
        expect(start.store).toMatch(/^[0-9a-f]{32}$/);
        const a = (await store.addDocument(docA())).id;
        const afterAdd = await store.generation();
        expect(afterAdd.generation).toBe(1);
        expect(afterAdd.lastChange).toBe(await store.lastChange());
        // A duplicate, an unknown removal and trimming the log change nothing the graph reads.
        await store.addDocument(docA());
        await store.removeDocument('no-such-document');
        await store.trimChanges(afterAdd.lastChange);
        expect((await store.generation()).generation).toBe(1);
        await store.addDocument(docB());
        await store.removeDocument(a);
        const end = await store.generation();
        expect(end.generation).toBe(3);
        expect(end.store).toBe(start.store);
        // A refused write (a new text under a taken id) rolls back with its transaction.
        const clash = docN(7);
        clash.extraction.document.id = docB().extraction.document.id;
        await expect(store.addDocument(clash)).rejects.toThrow(/already stored/);
        expect((await store.generation()).generation).toBe(3);
      });

      it('is seen alike by every connection and kept across close and reopen', async () => {
        const other = await another();
        await store.addDocument(docN(1));
        await other.addDocument(docN(2));
        const mine = await store.generation();
        expect(await other.generation()).toEqual(mine);
        await store.close();
        store = await location.open();
        expect(await store.generation()).toEqual(mine);
      });
    });

    describe('change feed', () => {
      it('brings writes made through another connection into a graph within one second', async () => {
        await store.addDocument(docB());
        const { graph, feed } = await openGraph(store, null, () => {});
        feed.start();
        try {
          const writer = await another();
          const { id } = await writer.addDocument(docA());
          const added = await eventually(() => expect(graph.hasDocument(id)).toBe(true));
          expect(added).toBeLessThan(1000);
          expect(graph.hasActor('arlen-voss')).toBe(true);
          await writer.removeDocument(id);
          await eventually(() => expect(graph.hasActor('arlen-voss')).toBe(false));
          expect(graph.documentIds()).toEqual([docB().extraction.document.id]);
          expect(feed.applied).toBe(await store.lastChange());
        } finally {
          feed.stop();
        }
      });

      it('rebuilds when the log was trimmed past the number it applied', async () => {
        await store.addDocument(docA());
        const { graph, feed } = await openGraph(store, null, () => {});
        await store.removeDocument(docA().extraction.document.id);
        await store.addDocument(docB());
        await store.trimChanges(await store.lastChange());
        await feed.catchUp();
        expect(feed.rebuildCount).toBe(1);
        expect(graph.documentIds()).toEqual([docB().extraction.document.id]);
        expect(graph.hasActor('arlen-voss')).toBe(false);
      });

      it('converges when it replays changes the graph already holds', async () => {
        const a = (await store.addDocument(docA())).id;
        await store.removeDocument(a);
        await store.addDocument(docB());
        await store.addDocument(docA());
        // Built from the current state but told it has applied nothing: every change replays.
        const graph = buildGraph(await store.allExtractions());
        const feed = new ChangeFeed(store, graph, { from: 0 });
        await feed.catchUp();
        const fresh = buildGraph(await store.allExtractions());
        expect(graph.documentIds().sort()).toEqual(fresh.documentIds().sort());
        expect(graph.counts()).toEqual(fresh.counts());
      });
    });
  });
}
