// How the graph lists its events, whatever holds them: every event once per scan, an actor's
// events by side, a pair's newest first, all of them in ingest order (a re-added document last),
// keys that stay unique as documents come and go, look-ups by key that end with the event, and all
// of it unchanged once the slots of many removed events are given back.
import { describe, expect, it } from 'vitest';
import { buildGraph, relations, type StanceGraph } from '../../server/graph/index.ts';
import type { Extraction, PloverType } from '../../server/model/index.ts';
import { seededRandom } from '../../server/model/index.ts';
import { bundleOf, type EventTuple } from './analytics-fixtures.ts';

const ACTORS = ['vantora', 'kelmish', 'oruba-league', 'senna-mayor', 'tallis', 'quell-coast'];
const TYPES: PloverType[] = ['CONSULT', 'ACCUSE', 'AID', 'THREATEN', 'COOPERATE'];

/** Documents of random events among a few actors (self-events included), dated by document. */
function documents(count: number, seed: number): Extraction[] {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const out: Extraction[] = [];
  for (let d = 0; d < count; d++) {
    const events: EventTuple[] = [];
    const n = 1 + Math.floor(rand() * 6);
    for (let i = 0; i < n; i++) {
      const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
      events.push([pick(ACTORS), pick(ACTORS), pick(TYPES), `2023-03-${day}`]);
    }
    out.push(bundleOf(events).extraction);
  }
  return out;
}

/** `document|id` of each event a scan visits, in visiting order. */
function seen(scan: (visit: (e: { document: string; id: string }) => void) => void): string[] {
  const out: string[] = [];
  scan((e) => out.push(`${e.document}|${e.id}`));
  return out;
}

/** What the documents still in the graph hold, event by event, in ingest order. */
function expected(g: StanceGraph, docs: readonly Extraction[]) {
  const byId = new Map(docs.map((d) => [d.document.id, d]));
  return g.documentIds().flatMap((id) =>
    byId.get(id)!.events.map((e) => ({
      label: `${id}|${e.id}`,
      document: id,
      source: e.source,
      target: e.target,
    })),
  );
}

describe('event scans', () => {
  const docs = documents(40, 11);
  const g = buildGraph(docs);
  // Out of the middle, and one put back: it is listed last from then on.
  for (const i of [3, 17, 18, 30]) g.removeDocument(docs[i]!.document.id);
  g.addDocument(docs[17]!);
  const all = expected(g, docs);

  it('list every event once, in ingest order, a re-added document last', () => {
    expect(seen((v) => g.forEachEvent(v))).toEqual(all.map((e) => e.label));
    expect(g.counts().events).toBe(all.length);
    expect(g.documentIds().at(-1)).toBe(docs[17]!.document.id);
  });

  it("give each actor's events by side, and either side with a self-event once", () => {
    for (const actor of ACTORS) {
      const out = seen((v) => g.forEachEventOf(actor, 'out', v));
      const into = seen((v) => g.forEachEventOf(actor, 'in', v));
      const any = seen((v) => g.forEachEventOf(actor, 'any', v));
      const want = (keep: (e: (typeof all)[number]) => boolean) =>
        all
          .filter(keep)
          .map((e) => e.label)
          .sort();
      expect([...out].sort()).toEqual(want((e) => e.source === actor));
      expect([...into].sort()).toEqual(want((e) => e.target === actor));
      expect([...any].sort()).toEqual(want((e) => e.source === actor || e.target === actor));
      // Those it is the target of come first.
      expect(any.slice(0, into.length)).toEqual(into);
    }
  });

  it("give a pair's events newest first, each visitor seeing the pair's ends", () => {
    const rank = new Map(g.documentIds().map((id, i) => [id, i]));
    for (const source of ACTORS) {
      for (const target of ACTORS) {
        const listed: { document: string; id: string }[] = [];
        g.forEachEventBetween(source, target, (e) => {
          listed.push(e);
        });
        const want = all.filter((e) => e.source === source && e.target === target);
        expect(listed.map((e) => `${e.document}|${e.id}`).sort()).toEqual(
          want.map((e) => e.label).sort(),
        );
        // Newest first: later documents before earlier ones, a document's later events first.
        for (let i = 1; i < listed.length; i++) {
          const [a, b] = [listed[i - 1]!, listed[i]!];
          const order = rank.get(a.document)! - rank.get(b.document)!;
          if (order === 0) expect(Number(a.id.slice(2))).toBeGreaterThan(Number(b.id.slice(2)));
          else expect(order).toBeGreaterThan(0);
        }
        expect([...g.eventsBetween(source, target)].map((e) => e.id)).toEqual(
          listed.map((e) => e.id),
        );
      }
    }
  });

  it('stop a pair walk when the visitor says so', () => {
    const [source, target] = [all[0]!.source, all[0]!.target];
    let calls = 0;
    g.forEachEventBetween(source, target, () => {
      calls += 1;
      return true;
    });
    expect(calls).toBe(1);
  });

  it('look an event up by key until its document goes', () => {
    const keys: number[] = [];
    g.forEachEvent((_e, _s, _t, key) => keys.push(key));
    const first = g.event(keys[0]!)!;
    expect(`${first.event.document}|${first.event.id}`).toBe(all[0]!.label);
    expect([first.source, first.target]).toEqual([all[0]!.source, all[0]!.target]);
    const copy = buildGraph(docs);
    const doomed: number[] = [];
    copy.forEachEvent((e, _s, _t, key) => {
      if (e.document === docs[0]!.document.id) doomed.push(key);
    });
    copy.removeDocument(docs[0]!.document.id);
    for (const key of doomed) expect(copy.event(key)).toBeNull();
    expect(copy.event(-1)).toBeNull();
    expect(copy.event(1e9)).toBeNull();
  });
});

describe('event keys', () => {
  it("join an id already held with the document's, and free it when that event goes", () => {
    const tuple: EventTuple[] = [['vantora', 'kelmish', 'AID']];
    const [a, b, c] = [bundleOf(tuple), bundleOf(tuple), bundleOf(tuple)].map((x) => x.extraction);
    const g = buildGraph([a!, b!]);
    const keys = () => g.export().edges.map((e) => e.key);
    expect(keys()).toEqual(['ev0', `${b!.document.id}:ev0`]);
    g.removeDocument(a!.document.id);
    g.addDocument(c!);
    expect(keys()).toEqual([`${b!.document.id}:ev0`, 'ev0']);
    expect(new Set(keys()).size).toBe(2);
  });

  it('export the same edges as a fresh build of the same documents in the same order', () => {
    const docs = documents(12, 5);
    const g = buildGraph(docs);
    g.removeDocument(docs[4]!.document.id);
    g.removeDocument(docs[0]!.document.id);
    const fresh = buildGraph(docs.filter((_d, i) => i !== 4 && i !== 0));
    expect(g.export().edges.map((e) => [e.source, e.target, e.attributes])).toEqual(
      fresh.export().edges.map((e) => [e.source, e.target, e.attributes]),
    );
  });
});

describe('after many removals', () => {
  it('answer as a fresh build of the documents left, in the same order', () => {
    const docs = documents(1500, 23);
    // Two actors no removed document mentions, after events that will go.
    docs.splice(
      12,
      0,
      bundleOf([
        ['dravic-port', 'elm-assembly', 'AID', '2023-04-02'],
        ['elm-assembly', 'dravic-port', 'ACCUSE', '2023-04-03'],
      ]).extraction,
    );
    const g = buildGraph(docs);
    // Asked before: the actors' events in date order are kept, by event key.
    for (const actor of [g.byActivity()[0]!, 'dravic-port']) {
      expect(relations(g, { actor, limit: 30 }).items.length).toBeGreaterThan(0);
    }
    const gone = new Set(docs.filter((_d, i) => i % 5 !== 2 && i !== 12).map((d) => d.document.id));
    for (const id of gone) g.removeDocument(id);
    g.addDocument(docs[0]!);
    const left = [...docs.filter((d) => !gone.has(d.document.id)), docs[0]!];
    const fresh = buildGraph(left);
    expect(seen((v) => g.forEachEvent(v))).toEqual(seen((v) => fresh.forEachEvent(v)));
    // Keys and the order of actors follow the history; the edges, their order and the actors not.
    const edges = (sg: StanceGraph) =>
      sg.export().edges.map((e) => [e.source, e.target, e.attributes]);
    const nodes = (sg: StanceGraph) =>
      sg.export().nodes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    expect(edges(g)).toEqual(edges(fresh));
    expect(nodes(g)).toEqual(nodes(fresh));
    expect(g.counts()).toEqual(fresh.counts());
    for (const actor of [...ACTORS, 'dravic-port']) {
      // Events tied on date and id may come in another order: that follows the history too.
      const q = { actor, limit: 1000 };
      const listed = (sg: StanceGraph) => {
        const { items, total } = relations(sg, q);
        return {
          total,
          order: items.map((e) => `${e.date}|${e.id}`),
          events: items.map((e) => `${e.document}|${e.id}|${e.source}|${e.target}`).sort(),
        };
      };
      expect(listed(g)).toEqual(listed(fresh));
      const pairsOf = (sg: StanceGraph) =>
        ACTORS.map((t) => [...sg.eventsBetween(actor, t)].map((e) => `${e.document}|${e.id}`));
      expect(pairsOf(g)).toEqual(pairsOf(fresh));
    }
    const keys: number[] = [];
    g.forEachEvent((_e, _s, _t, key) => keys.push(key));
    expect(keys.every((key, i) => g.event(key) !== null && (i === 0 || key > keys[i - 1]!))).toBe(
      true,
    );
    // The removed events' slots were given back: keys are numbers below all the events ever added.
    const added = docs.reduce((n, d) => n + d.events.length, docs[0]!.events.length);
    expect(keys.at(-1)!).toBeLessThan(added - 1 - 4096);
  });
});
