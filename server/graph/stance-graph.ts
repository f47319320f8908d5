// The single owner of the graphology graph: documents go in and out in place, queries only read.
import { MultiDirectedGraph } from 'graphology';
import type { GraphDocument } from '../model/index.ts';
import type { SerializedGraph } from 'graphology-types';
import {
  actorAttributes,
  addTallies,
  byCodeUnits,
  emptyTally,
  foldContribution,
  foldContributionInPlace,
  listedActor,
  nameAliases,
  sortedUnion,
  tallyEvent,
  type ActorContribution,
  type ActorTally,
} from './contributions.ts';
import { ActorDocuments, DocumentNumbers } from './actor-documents.ts';
import { Interner } from './intern.ts';
import { PairIndex, PairMap, type PairTally } from './pair-index.ts';
import { ActorNameIndex } from './name-index.ts';
import { exported, exportedOwn, type Exported } from './sigma-edge.ts';
import { eventOut } from './quotes.ts';
import type {
  ActorNodeAttributes,
  AffiliationEdgeAttributes,
  DocumentInfo,
  DyadStance,
  EventEdgeAttributes,
  EventEdgeOut,
  StanceEdgeAttributes,
} from './types.ts';

export type StanceGraphData = MultiDirectedGraph<ActorNodeAttributes, StanceEdgeAttributes>;

const EMPTY_KEYS: ReadonlySet<string> = new Set();

/** Values repeated across many events (types, dates, extractors, ids) are pooled up to this many. */
const INTERNED_STRINGS = 1_000_000;

export class StanceGraph {
  /** Read-only for everyone but this class; mutate through addDocument/removeDocument. */
  readonly graph: StanceGraphData = new MultiDirectedGraph<
    ActorNodeAttributes,
    StanceEdgeAttributes
  >();
  /** Each actor in the graph, with all the graph keeps about it beside graphology: one lookup. */
  private readonly actorStates = new Map<string, ActorState>();
  /** actor no longer in the graph -> the version of the removal that dropped it. */
  private readonly removedAt = new Map<string, number>();
  private readonly documentNumbers = new DocumentNumbers();
  private readonly strings = new Interner(INTERNED_STRINGS);
  private readonly documentEdges = new Map<string, string[]>();
  private readonly documentActors = new Map<string, string[]>();
  /** Tallies of every ordered pair with events, in columns; read-only outside this class. */
  readonly pairs = new PairIndex();
  /** person -> keys of its affiliation edges, and state or organization -> keys of those to it. */
  private readonly affiliationKeys = new Map<string, Set<string>>();
  private readonly affiliationKeysTo = new Map<string, Set<string>>();
  private eventTotal = 0;
  private ranking: { version: number; ids: string[] } | null = null;
  /** Normalised names and aliases of every actor, for search. */
  readonly names = new ActorNameIndex();
  /** Title and published date of each document, to cite it (the roles an article states). */
  private readonly documentInfo = new Map<string, DocumentInfo>();
  private changes = 0;

  /**
   * Goes up by one with every document added or removed, so analyses cached against a version
   * are recomputed only when the graph has changed.
   */
  get version(): number {
    return this.changes;
  }

  /** Adds one document's actors, events and affiliations; a document already present is ignored. */
  addDocument(input: GraphDocument): void {
    const str = this.strings;
    const doc = input.document.id;
    if (this.documentEdges.has(doc)) return;
    const extractor = str.of(input.extractor);
    const docNumber = this.documentNumbers.of(doc);
    const version = this.changes + 1;
    // The actors the document lists (each once, in order of first listing), with their state and
    // the document's contribution; events between two of them are tallied in.
    const listed = new Map<string, Listed>();
    for (const actor of input.actors) {
      const known = listed.get(actor.id);
      if (known) {
        known.c.aliases = sortedUnion(known.c.aliases, known.state.aliasesOf(actor.aliases));
        continue;
      }
      let state = this.actorStates.get(actor.id);
      if (!state) {
        const id = str.of(actor.id);
        state = new ActorState(id);
        this.actorStates.set(id, state);
        this.removedAt.delete(id);
      }
      listed.set(actor.id, { state, c: listedActor(actor, state.aliasesOf(actor.aliases)) });
    }
    let edgeCount = 0;
    for (const event of input.events) {
      const source = listed.get(event.source);
      const target = listed.get(event.target);
      if (!source || !target) continue;
      tallyEvent(source.c, target.c, event.polarity, target === source);
      edgeCount += 1;
    }
    for (const a of input.affiliations)
      if (listed.has(a.person) && listed.has(a.of)) edgeCount += 1;
    // Lists kept per document are allocated at their final size: arrays grown by push keep spare
    // room, and copies made to trim them would leave the originals as garbage among kept objects.
    const actors = new Array<string>(listed.size);
    let actorAt = 0;
    for (const { state, c } of listed.values()) {
      const actor = state.id;
      actors[actorAt++] = actor;
      state.touchedAt = version;
      const freshIdentity = state.mentions.add(docNumber, c);
      const current = state.attributes;
      // From the third document on, the attributes already have their final key order.
      if (current && current.documents >= 2) {
        // An identity some listed document already states was folded in with it: only the
        // tallies change.
        if (!freshIdentity) addTallies(current, c);
        else if (foldContributionInPlace(current, c)) this.names.set(actor, current);
        continue;
      }
      const next = foldContribution(current, c);
      if (current) this.graph.replaceNodeAttributes(actor, next);
      else this.graph.addNode(actor, next);
      state.attributes = this.graph.getNodeAttributes(actor);
      this.names.set(actor, next);
    }
    const edges = new Array<string>(edgeCount);
    let edgeAt = 0;
    for (const event of input.events) {
      const sourceListed = listed.get(event.source);
      const targetListed = listed.get(event.target);
      if (!sourceListed || !targetListed) continue;
      const source = sourceListed.state;
      const target = targetListed.state;
      const id = str.of(event.id);
      // Joined rather than concatenated: a flat string, where `+` would leave a rope to flatten.
      const key = this.graph.hasEdge(id) ? [doc, id].join(':') : id;
      const attrs: EventEdgeAttributes = {
        kind: 'event',
        id,
        eventType: str.of(event.type) as EventEdgeAttributes['eventType'],
        quad: str.of(event.quad) as EventEdgeAttributes['quad'],
        polarity: str.of(event.polarity) as EventEdgeAttributes['polarity'],
        score: event.score,
        mode: str.orNull(event.mode),
        date: str.orNull(event.date),
        datePrecision: str.orNull(event.datePrecision),
        confidence: event.confidence,
        document: doc,
        extractor,
        sentence: event.evidence.sentence,
        evidenceStart: event.evidence.start,
        evidenceEnd: event.evidence.end,
      };
      if (event.origin) attrs.origin = { ...event.origin };
      this.graph.addDirectedEdgeWithKey(key, source.id, target.id, attrs);
      edges[edgeAt++] = key;
      this.eventTotal += 1;
      // The source's number first, then the target's: numbers are given in that order.
      const s = source.pairActor >= 0 ? source.pairActor : this.pairActor(source);
      const t = target.pairActor >= 0 ? target.pairActor : this.pairActor(target);
      this.pairs.addNumbers(s, t, attrs);
    }
    input.affiliations.forEach((a, i) => {
      const person = listed.get(a.person);
      const of = listed.get(a.of);
      if (!person || !of) return;
      const key = `${doc}:aff:${i}`;
      this.graph.addDirectedEdgeWithKey(key, a.person, a.of, {
        kind: 'affiliation',
        role: str.of(a.role),
        document: doc,
      });
      edges[edgeAt++] = key;
      for (const [index, actor] of [
        [this.affiliationKeys, person.state.id],
        [this.affiliationKeysTo, of.state.id],
      ] as const) {
        let keys = index.get(actor);
        if (!keys) index.set(actor, (keys = new Set()));
        keys.add(key);
      }
    });
    this.documentEdges.set(doc, edges);
    this.documentActors.set(doc, actors);
    const { title, published } = input.document;
    this.documentInfo.set(doc, { id: doc, title, published: str.orNull(published) });
    this.changes += 1;
  }

  /** Removes a document's edges and contributions; actors left without a mention are dropped. */
  removeDocument(documentId: string): void {
    const edges = this.documentEdges.get(documentId);
    if (!edges) return;
    const touched = new Map<string, [string, string]>();
    // The document's share of each actor's event tallies, recounted from its edges.
    const share = new Map<string, ActorTally>();
    const shareOf = (actor: string) => {
      let tally = share.get(actor);
      if (!tally) share.set(actor, (tally = emptyTally()));
      return tally;
    };
    for (const key of edges) {
      const source = this.graph.source(key);
      const target = this.graph.target(key);
      const attrs = this.graph.getEdgeAttributes(key);
      if (attrs.kind === 'event') {
        touched.set(`${source}>${target}`, [source, target]);
        tallyEvent(shareOf(source), shareOf(target), attrs.polarity, source === target);
        this.eventTotal -= 1;
      } else {
        for (const [index, actor] of [
          [this.affiliationKeys, source],
          [this.affiliationKeysTo, target],
        ] as const) {
          const keys = index.get(actor);
          keys?.delete(key);
          if (keys?.size === 0) index.delete(actor);
        }
      }
      this.graph.dropEdge(key);
    }
    for (const [source, target] of touched.values()) {
      this.pairs.recount(source, target, this.eventsBetween(source, target));
    }
    const version = this.changes + 1;
    for (const actor of this.documentActors.get(documentId) ?? []) {
      const state = this.actorStates.get(actor);
      if (!state) continue;
      state.touchedAt = version;
      const mentions = state.mentions;
      mentions.remove(this.documentNumbers.find(documentId));
      const next = actorAttributes(
        mentions.identities(),
        mentions.size,
        minus(state.attributes!, share.get(actor)),
      );
      if (next) {
        this.graph.replaceNodeAttributes(actor, next);
        state.attributes = this.graph.getNodeAttributes(actor);
        this.names.set(actor, next);
      } else {
        this.actorStates.delete(actor);
        this.removedAt.set(actor, version);
        this.graph.dropNode(actor);
        this.names.delete(actor);
      }
    }
    this.documentEdges.delete(documentId);
    this.documentActors.delete(documentId);
    this.documentInfo.delete(documentId);
    this.documentNumbers.release(documentId);
    this.changes += 1;
  }

  /** The version at which the actor's events last changed (0 if never), for caches keyed by actor. */
  touched(id: string): number {
    return this.actorStates.get(id)?.touchedAt ?? this.removedAt.get(id) ?? 0;
  }

  /** The actor's number in the pair index, given on its first event. */
  private pairActor(state: ActorState): number {
    state.pairActor = this.pairs.actorNumber(state.id);
    return state.pairActor;
  }

  hasDocument(documentId: string): boolean {
    return this.documentEdges.has(documentId);
  }

  /** A document's id, title and published date, or null when it is not in the graph. */
  document(documentId: string): DocumentInfo | null {
    const info = this.documentInfo.get(documentId);
    return info ? { ...info } : null;
  }

  /** Document ids in ingest order. */
  documentIds(): string[] {
    return [...this.documentEdges.keys()];
  }

  hasActor(id: string): boolean {
    return this.graph.hasNode(id);
  }

  actor(id: string): ActorNodeAttributes | null {
    return this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : null;
  }

  /** Documents that mention an actor, in ingest order. */
  documentsOf(id: string): string[] {
    return this.documentPage(id, 0, Infinity);
  }

  /** `limit` of the documents that mention an actor, from position `offset` in ingest order. */
  documentPage(id: string, offset: number, limit: number): string[] {
    const numbers = this.actorStates.get(id)?.mentions.page(offset, limit) ?? [];
    return numbers.map((n) => this.documentNumbers.id(n));
  }

  dyad(source: string, target: string): DyadStance | null {
    const pair = this.pairs.findIds(source, target);
    return pair < 0 ? null : this.pairs.stance(pair);
  }

  /** Copies of all dyads, ordered by source then target. */
  dyads(): DyadStance[] {
    const out: DyadStance[] = [];
    for (const pair of this.pairs.all()) out.push(this.pairs.stance(pair));
    return out.sort((a, b) => byCodeUnits(a.source, b.source) || byCodeUnits(a.target, b.target));
  }

  /** The pairs an actor acts in as source (target -> tally); read-only, read through to the index. */
  pairsFrom(source: string): ReadonlyMap<string, Readonly<PairTally>> {
    return new PairMap(this.pairs, this.pairs.findActor(source), 'out');
  }

  /** The pairs an actor is the target of (source -> tally); read-only, read through to the index. */
  pairsTo(target: string): ReadonlyMap<string, Readonly<PairTally>> {
    return new PairMap(this.pairs, this.pairs.findActor(target), 'in');
  }

  /** Every pair with at least one event. */
  *allPairs(): Generator<Readonly<PairTally>> {
    for (const pair of this.pairs.all()) yield this.pairs.view(pair);
  }

  /** Keys of a person's affiliation edges. */
  affiliationsOf(person: string): ReadonlySet<string> {
    return this.affiliationKeys.get(person) ?? EMPTY_KEYS;
  }

  /** Keys of the affiliation edges to a state or organization. */
  affiliationsTo(of: string): ReadonlySet<string> {
    return this.affiliationKeysTo.get(of) ?? EMPTY_KEYS;
  }

  /**
   * Every actor id, most active first (events, then documents, then id); computed once per
   * version. Read-only.
   */
  byActivity(): readonly string[] {
    if (this.ranking?.version !== this.changes) {
      const g = this.graph;
      const ids = g.nodes();
      const events = new Map<string, number>();
      const docs = new Map<string, number>();
      g.forEachNode((id, a) => {
        events.set(id, a.eventCount);
        docs.set(id, a.documents);
      });
      ids.sort(
        (a, b) =>
          events.get(b)! - events.get(a)! || docs.get(b)! - docs.get(a)! || byCodeUnits(a, b),
      );
      this.ranking = { version: this.changes, ids };
    }
    return this.ranking.ids;
  }

  /** Event edge attributes from source to target, in insertion order. */
  *eventsBetween(source: string, target: string): Generator<EventEdgeAttributes> {
    if (!this.graph.hasNode(source) || !this.graph.hasNode(target)) return;
    for (const key of this.graph.outEdges(source, target)) {
      const attrs = this.graph.getEdgeAttributes(key);
      if (attrs.kind === 'event') yield attrs;
    }
  }

  /** Kept up to date by addDocument/removeDocument, so a health check costs nothing. */
  counts(): { actors: number; events: number; affiliations: number; documents: number } {
    return {
      actors: this.graph.order,
      events: this.eventTotal,
      affiliations: this.graph.size - this.eventTotal,
      documents: this.documentEdges.size,
    };
  }

  /**
   * graphology's serialized form of the whole graph, each edge with its sigma program name and
   * event edges with their evidence as replies give it (the quotes empty: see quotes.ts).
   */
  export(): SerializedGraph<
    ActorNodeAttributes,
    Exported<EventEdgeOut | AffiliationEdgeAttributes>
  > {
    const data = this.graph.export();
    return {
      ...data,
      edges: data.edges.map((e) => {
        const a = e.attributes!;
        return { ...e, attributes: a.kind === 'event' ? exportedOwn(eventOut(a)) : exported(a) };
      }),
    };
  }
}

/** What the graph keeps about one actor beside its graphology node. */
class ActorState {
  readonly mentions = new ActorDocuments();
  /** The alias list last stated for it (a copy) and its name aliases: documents mostly repeat it. */
  private stated: readonly string[] = [];
  private names: string[] = [];
  /** The node's attributes object (graphology's own, updated in place). */
  attributes: ActorNodeAttributes | undefined = undefined;
  /** The version at which a document mentioning it was last added or removed. */
  touchedAt = 0;
  /** Its number in the pair index, or -1 before its first event. */
  pairActor = -1;

  /** `id` is the one string object the graph uses for the actor. */
  constructor(readonly id: string) {}

  /** The name aliases of a list a document states for this actor (shared; read-only). */
  aliasesOf(stated: readonly string[]): string[] {
    const last = this.stated;
    if (stated.length === last.length && stated.every((alias, i) => alias === last[i])) {
      return this.names;
    }
    this.stated = stated.slice();
    this.names = nameAliases(stated);
    return this.names;
  }
}

/** An actor a document lists: its state and the document's contribution. */
interface Listed {
  state: ActorState;
  c: ActorContribution;
}

/** An actor's tallies less a removed document's share. */
function minus(tally: ActorTally, share: ActorTally | undefined): ActorTally {
  if (!share) return tally;
  return {
    eventCount: tally.eventCount - share.eventCount,
    outCount: tally.outCount - share.outCount,
    inCount: tally.inCount - share.inCount,
    cooperative: tally.cooperative - share.cooperative,
    hostile: tally.hostile - share.hostile,
    neutral: tally.neutral - share.neutral,
  };
}

/** A graph holding every extraction, added in the order given. */
export function buildGraph(documents: Iterable<GraphDocument> = []): StanceGraph {
  const graph = new StanceGraph();
  for (const doc of documents) graph.addDocument(doc);
  return graph;
}
