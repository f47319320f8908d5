// The single owner of the graph: documents go in and out in place, queries only read. Actors and
// affiliations are graphology nodes and edges; events sit in columns (event-table.ts) and are read
// through the methods here.
import { MultiDirectedGraph } from 'graphology';
import type { ActorKind, GraphDocument, Polarity } from '../model/index.ts';
import type { SerializedEdge, SerializedGraph } from 'graphology-types';
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
  type ActorIdentity,
  type ActorTally,
} from './contributions.ts';
import { ActorDocuments, DocumentNumbers } from './actor-documents.ts';
import type { Column, SavedPart } from './columns.ts';
import { ChangeJournal, type JournalFollower, type TouchedPairs } from './change-journal.ts';
import { Interner } from './intern.ts';
import { PairIndex, PairMap, type PairTally } from './pair-index.ts';
import type { PairDateCounter } from './pair-dates.ts';
import { ActorNameIndex } from './name-index.ts';
import { exported, exportedOwn, type Exported } from './sigma-edge.ts';
import { eventOut } from './quotes.ts';
import { EventTable } from './event-table.ts';
import { dateInRange } from './dates.ts';
import { dateJudge, eventMatches, onlyDateBound, type EventFilter } from './event-filter.ts';
import type {
  ActorNodeAttributes,
  AffiliationEdgeAttributes,
  DocumentInfo,
  DyadStance,
  EventEdgeAttributes,
  EventEdgeOut,
  EventKey,
  StanceEdgeAttributes,
} from './types.ts';

export type StanceGraphData = MultiDirectedGraph<ActorNodeAttributes, StanceEdgeAttributes>;

/** Which of an actor's events: as source, as target, or either. */
export type EventSide = 'out' | 'in' | 'any';

/** Receives one event: its fields (read-only), its endpoints and its key. */
export type EventVisitor = (
  event: EventEdgeAttributes,
  source: string,
  target: string,
  key: EventKey,
) => void;

/** One event looked up by key. */
export interface EventAt {
  event: EventEdgeAttributes;
  source: string;
  target: string;
}

/** One affiliation looked up by key. */
export interface AffiliationAt {
  affiliation: AffiliationEdgeAttributes;
  person: string;
  of: string;
}

const EMPTY_KEYS: ReadonlySet<string> = new Set();

/** Strings repeated across documents (actor and event ids, roles, dates) are pooled up to this many. */
const INTERNED_STRINGS = 1_000_000;

export class StanceGraph {
  /**
   * The actors (nodes) and affiliations (edges); events are not in it (see forEachEvent and the
   * methods beside it). Read-only for everyone but this class; mutate through addDocument and
   * removeDocument.
   */
  readonly graph: StanceGraphData = new MultiDirectedGraph<
    ActorNodeAttributes,
    StanceEdgeAttributes
  >();
  /** Each actor in the graph, with all the graph keeps about it beside graphology: one lookup. */
  private readonly actorStates = new Map<string, ActorState>();
  /** actor no longer in the graph -> the version of the removal that dropped it. */
  private readonly removedAt = new Map<string, number>();
  private readonly documentNumbers: DocumentNumbers;
  private readonly strings: Interner;
  /** Each document's events (a run of event numbers) and affiliation keys, in ingest order. */
  private readonly documentEntries = new Map<string, DocumentEntry>();
  private readonly events: EventTable;
  private readonly documentActors = new Map<string, string[]>();
  /** Tallies of every ordered pair with events, in columns; read-only outside this class. */
  readonly pairs: PairIndex;
  /** person -> keys of its affiliation edges, and state or organization -> keys of those to it. */
  private readonly affiliationKeys = new Map<string, Set<string>>();
  private readonly affiliationKeysTo = new Map<string, Set<string>>();
  private ranking: { version: number; ids: string[] } | null = null;
  /** The last range eventsDated answered (event keys change with any change of the graph). */
  private readonly lastDated = new LastRange<Int32Array>();
  /** The last range pairsDated answered. */
  private readonly lastPairsDated = new LastRange<PairDateCounter>();
  /** Normalised names and aliases of every actor, for search. */
  readonly names = new ActorNameIndex();
  /** Title and published date of each document, to cite it (the roles an article states). */
  private readonly documentInfo = new Map<string, DocumentInfo>();
  private changes = 0;
  /** The pairs and actors each recent change touched, for indexes kept up to date beside the graph. */
  private readonly journal: ChangeJournal;

  /** An empty graph, or one holding the parts restore() read from a saved graph. */
  constructor(restored?: RestoredParts, options: GraphOptions = {}) {
    this.journal = new ChangeJournal(options.journalEntries);
    this.strings = restored?.strings ?? new Interner(INTERNED_STRINGS);
    this.documentNumbers = restored?.documentNumbers ?? new DocumentNumbers();
    this.events = restored?.events ?? new EventTable();
    this.pairs = restored?.pairs ?? new PairIndex();
  }

  /**
   * Goes up by one with every document added or removed, so analyses cached against a version
   * are recomputed only when the graph has changed.
   */
  get version(): number {
    return this.changes;
  }

  /**
   * The pairs of actor ids whose events the changes after `version` added or removed, and the
   * actors they listed (as a pair of the actor with itself), in the order of the changes; null when
   * the graph no longer knows (too far behind, or restored since). With `most`, only the first
   * changes', whole changes up to about that many entries (`through` says how far they reach);
   * with `upTo`, only the changes up to that version.
   */
  touchedSince(version: number, most?: number, upTo?: number): TouchedPairs | null {
    return this.journal.since(version, most, upTo);
  }

  /**
   * Tells `follower` after every change from now on, and before the journal drops entries (an
   * index kept up to date beside the graph).
   */
  followChanges(follower: JournalFollower): void {
    this.journal.follow(follower);
  }

  /** Adds one document's actors, events and affiliations; a document already present is ignored. */
  addDocument(input: GraphDocument): void {
    const str = this.strings;
    const doc = input.document.id;
    if (this.documentEntries.has(doc)) return;
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
    // Each event between two listed actors is tallied into their contributions and added to the
    // columns (neither needs the actors' nodes, which are folded below).
    let firstEvent = NO_EVENT;
    let eventCount = 0;
    for (const event of input.events) {
      const sourceListed = listed.get(event.source);
      const targetListed = listed.get(event.target);
      if (!sourceListed || !targetListed) continue;
      tallyEvent(sourceListed.c, targetListed.c, event.polarity, targetListed === sourceListed);
      const source = sourceListed.state;
      const target = targetListed.state;
      const id = str.of(event.id);
      // An id some event (or affiliation) already holds as its key is joined with the document's.
      const namespaced = this.events.hasPlainKey(id) || this.graph.hasEdge(id);
      // The source's number first, then the target's: numbers are given in that order.
      const s = source.pairActor >= 0 ? source.pairActor : this.pairActor(source);
      const t = target.pairActor >= 0 ? target.pairActor : this.pairActor(target);
      const pair = this.pairs.addNumbers(s, t, event.score, event.polarity, event.date, event.type);
      const e = this.events.add(s, t, pair, docNumber, event, id, input.extractor, namespaced);
      this.journal.note(version, source.id, target.id);
      if (eventCount === 0) firstEvent = e;
      eventCount += 1;
    }
    let affiliationCount = 0;
    for (const a of input.affiliations) {
      if (listed.has(a.person) && listed.has(a.of)) affiliationCount += 1;
    }
    // Lists kept per document are allocated at their final size: arrays grown by push keep spare
    // room, and copies made to trim them would leave the originals as garbage among kept objects.
    const actors = new Array<string>(listed.size);
    let actorAt = 0;
    for (const { state, c } of listed.values()) {
      const actor = state.id;
      actors[actorAt++] = actor;
      state.touchedAt = version;
      this.journal.note(version, actor, actor);
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
    const affiliations = new Array<string>(affiliationCount);
    let affiliationAt = 0;
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
      affiliations[affiliationAt++] = key;
      for (const [index, actor] of [
        [this.affiliationKeys, person.state.id],
        [this.affiliationKeysTo, of.state.id],
      ] as const) {
        let keys = index.get(actor);
        if (!keys) index.set(actor, (keys = new Set()));
        keys.add(key);
      }
    });
    this.documentEntries.set(doc, { firstEvent, eventCount, affiliations });
    this.documentActors.set(doc, actors);
    const { title, published } = input.document;
    this.documentInfo.set(doc, { id: doc, title, published: str.orNull(published) });
    this.changes += 1;
    this.journal.completed(this.changes);
  }

  /** Removes a document's edges and contributions; actors left without a mention are dropped. */
  removeDocument(documentId: string): void {
    const entry = this.documentEntries.get(documentId);
    if (!entry) return;
    const touched = new Map<string, [string, string]>();
    // The document's share of each actor's event tallies, recounted from its edges.
    const share = new Map<string, ActorTally>();
    const shareOf = (actor: string) => {
      let tally = share.get(actor);
      if (!tally) share.set(actor, (tally = emptyTally()));
      return tally;
    };
    const events = this.events;
    for (let e = entry.firstEvent; e < entry.firstEvent + entry.eventCount; e++) {
      const source = this.pairs.actorId(events.source(e));
      const target = this.pairs.actorId(events.target(e));
      touched.set(`${source}>${target}`, [source, target]);
      tallyEvent(shareOf(source), shareOf(target), events.polarityOf(e), source === target);
      events.remove(e);
    }
    for (const key of entry.affiliations) {
      const source = this.graph.source(key);
      const target = this.graph.target(key);
      for (const [index, actor] of [
        [this.affiliationKeys, source],
        [this.affiliationKeysTo, target],
      ] as const) {
        const keys = index.get(actor);
        keys?.delete(key);
        if (keys?.size === 0) index.delete(actor);
      }
      this.graph.dropEdge(key);
    }
    for (const [source, target] of touched.values()) {
      this.pairs.recount(source, target, this.eventsBetween(source, target));
    }
    const version = this.changes + 1;
    for (const [source, target] of touched.values()) this.journal.note(version, source, target);
    for (const actor of this.documentActors.get(documentId) ?? []) {
      this.journal.note(version, actor, actor);
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
    this.documentEntries.delete(documentId);
    if (this.events.dead > COMPACT_AFTER && this.events.dead > this.events.size) {
      this.compactEvents(version);
    }
    this.documentActors.delete(documentId);
    this.documentInfo.delete(documentId);
    this.documentNumbers.release(documentId);
    this.changes += 1;
    this.journal.completed(this.changes);
  }

  /**
   * Gives removed events' slots back. Event keys change, so every actor counts as changed at
   * `version`: what callers keep by key (event-order.ts) is built again.
   */
  private compactEvents(version: number): void {
    const moved = this.events.compact();
    for (const entry of this.documentEntries.values()) {
      if (entry.eventCount > 0) entry.firstEvent = moved[entry.firstEvent]!;
    }
    for (const state of this.actorStates.values()) state.touchedAt = version;
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
    return this.documentEntries.has(documentId);
  }

  /** A document's id, title and published date, or null when it is not in the graph. */
  document(documentId: string): DocumentInfo | null {
    const info = this.documentInfo.get(documentId);
    return info ? { ...info } : null;
  }

  /** Document ids in ingest order. */
  documentIds(): string[] {
    return [...this.documentEntries.keys()];
  }

  hasActor(id: string): boolean {
    return this.graph.hasNode(id);
  }

  actor(id: string): ActorNodeAttributes | null {
    return this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : null;
  }

  /** An actor's kind, or undefined when it is not in the graph: one lookup, for scans. */
  actorKind(id: string): ActorKind | undefined {
    return this.actorStates.get(id)?.attributes?.kind;
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

  /** Event fields from source to target, newest first (new objects). */
  *eventsBetween(source: string, target: string): Generator<EventEdgeAttributes> {
    const events = this.events;
    for (
      let e = events.newest(this.pairs.findIds(source, target));
      e >= 0;
      e = events.olderThan(e)
    ) {
      yield this.fieldsOf(e);
    }
  }

  /** An event's fields as a new object. */
  private fieldsOf(e: EventKey): EventEdgeAttributes {
    return this.events.attributes(e, this.documentNumbers.id(this.events.document(e)));
  }

  /** Visits a pair's events, newest first, until `visit` returns true; true if it stopped. */
  private walkPair(
    pair: number,
    source: string,
    target: string,
    visit: (event: EventEdgeAttributes, source: string, target: string, key: EventKey) => unknown,
  ): boolean {
    const events = this.events;
    for (let e = events.newest(pair); e >= 0; e = events.olderThan(e)) {
      if (visit(this.fieldsOf(e), source, target, e) === true) return true;
    }
    return false;
  }

  // Every read of events goes through the methods below, so how events are held stays this
  // class's own business. Fields handed to a visitor are read-only.

  /** Visits every event in insertion order. */
  forEachEvent(visit: EventVisitor): void {
    this.forEachEventInRange(0, this.events.numbered, visit);
  }

  /** One more than the largest event number, live or not: where forEachEventInRange ends. */
  get eventSlots(): number {
    return this.events.numbered;
  }

  /** Visits the live events numbered from `start` up to `end` (excluded), in insertion order. */
  forEachEventInRange(start: number, end: number, visit: EventVisitor): void {
    const events = this.events;
    const actorIds = this.pairs;
    const last = Math.min(end, events.numbered);
    for (let e = Math.max(0, start); e < last; e++) {
      if (!events.isLive(e)) continue;
      const source = actorIds.actorId(events.source(e));
      visit(this.fieldsOf(e), source, actorIds.actorId(events.target(e)), e);
    }
  }

  /**
   * The keys of the events dated within [from, to] (as dateInRange decides: undated events never),
   * in insertion order, read through the event table's date index rather than a scan.
   */
  eventsDated(from: string | undefined, to: string | undefined): Int32Array {
    // A view reads the same range twice (its actors, then their pairs): the last answer is kept
    // for its range until the graph changes.
    return this.lastDated.get(from, to, this.version, () =>
      this.events.datedEvents((date) => dateInRange(date, from, to)),
    );
  }

  /**
   * Counts of each pair's events dated within [from, to] (as dateInRange decides), by pair-index
   * number, read by binary searches in the pairs' date keys (pair-dates.ts), not by a walk.
   */
  pairsDated(from: string | undefined, to: string | undefined): PairDateCounter {
    // A view asks for the same range for its actors, its pairs and their events: the last
    // counter is kept for its range until the graph changes.
    return this.lastPairsDated.get(from, to, this.version, () =>
      this.events.pairDates().counter(from, to),
    );
  }

  /** The pair-index number of an event's (source, target) pair. */
  eventPair(key: EventKey): number {
    return this.events.pair(key);
  }

  /**
   * Visits an actor's events as target ('in'), as source ('out') or either ('any': those it is
   * the target of first, an event with itself once), pair by pair in the order the pairs opened,
   * each pair's newest first.
   */
  forEachEventOf(actor: string, side: EventSide, visit: EventVisitor): void {
    const pairs = this.pairs;
    const a = pairs.findActor(actor);
    if (a < 0) return;
    if (side !== 'out') {
      pairs.forEachIn(a, (p, s) => this.walkPair(p, pairs.actorId(s), actor, visit));
    }
    if (side !== 'in') {
      pairs.forEachOut(a, (p, t) => {
        if (side === 'any' && t === a) return;
        this.walkPair(p, actor, pairs.actorId(t), visit);
      });
    }
  }

  /**
   * Visits the events from source to target, newest first, until `visit` returns true; an actor
   * not in the graph has none.
   */
  forEachEventBetween(
    source: string,
    target: string,
    visit: (event: EventEdgeAttributes, key: EventKey) => boolean | void,
  ): void {
    this.walkPair(this.pairs.findIds(source, target), source, target, (event, _s, _t, key) =>
      visit(event, key),
    );
  }

  /**
   * Visits the keys of the events from source to target that match the filter, newest first, until
   * `visit` returns true. Under a filter that bounds only dates, only the pair's events in range
   * are read (from its date keys, pairsDated); under another, each date is judged from the event
   * table first, so an event out of a date range is never made into an object.
   */
  forEachMatchingEventBetween(
    source: string,
    target: string,
    filter: EventFilter,
    visit: (key: EventKey) => boolean | void,
  ): void {
    if (onlyDateBound(filter)) {
      // Only the pair's events in range, from its date keys: no walk of the events outside it.
      const pair = this.pairs.findIds(source, target);
      if (pair < 0) return;
      for (const e of this.pairsDated(filter.from, filter.to).events(pair)) {
        if (visit(e) === true) return;
      }
      return;
    }
    const events = this.events;
    const inRange = dateJudge(filter);
    this.forEachEventKeyBetween(source, target, (e) => {
      if (!inRange(events.dateOf(e))) return false;
      if (!eventMatches(this.fieldsOf(e), filter)) return false;
      return visit(e);
    });
  }

  /**
   * Visits the keys of the events from source to target, newest first, until `visit` returns
   * true, without making their fields into objects.
   */
  forEachEventKeyBetween(
    source: string,
    target: string,
    visit: (key: EventKey) => boolean | void,
  ): void {
    const events = this.events;
    for (
      let e = events.newest(this.pairs.findIds(source, target));
      e >= 0;
      e = events.olderThan(e)
    ) {
      if (visit(e) === true) return;
    }
  }

  /**
   * Visits the events from source to target, newest first, with only what orders and filters them
   * (date, id, polarity): no event object is made, so a pass over a busy pair stays cheap.
   */
  forEachEventBrief(
    source: string,
    target: string,
    visit: (key: EventKey, date: string | null, id: string, polarity: Polarity) => void,
  ): void {
    const events = this.events;
    this.forEachEventKeyBetween(source, target, (e) => {
      visit(e, events.dateOf(e), events.id(e), events.polarityOf(e));
    });
  }

  /** An event's fields and endpoints by key, or null when no event has that key. */
  event(key: EventKey): EventAt | null {
    const events = this.events;
    if (!events.isLive(key)) return null;
    return {
      event: this.fieldsOf(key),
      source: this.pairs.actorId(events.source(key)),
      target: this.pairs.actorId(events.target(key)),
    };
  }

  /** The key an export gives an event: its id, joined with its document's when the id was taken. */
  edgeKey(key: EventKey): string {
    const events = this.events;
    const id = events.id(key);
    if (!events.isNamespaced(key)) return id;
    // Joined rather than concatenated: a flat string, where `+` would leave a rope to flatten.
    return [this.documentNumbers.id(events.document(key)), id].join(':');
  }

  /** An affiliation's fields and endpoints by key (from affiliationsOf/affiliationsTo). */
  affiliation(key: string): AffiliationAt {
    const attrs = this.graph.getEdgeAttributes(key) as AffiliationEdgeAttributes;
    return { affiliation: attrs, person: this.graph.source(key), of: this.graph.target(key) };
  }

  /**
   * Visits every event and affiliation in insertion order (a document's events, then its
   * affiliations), with the keys the exports give them.
   */
  forEachEdge(
    visit: (key: string, attrs: StanceEdgeAttributes, source: string, target: string) => void,
  ): void {
    const g = this.graph;
    const events = this.events;
    const ids = this.pairs;
    for (const entry of this.documentEntries.values()) {
      for (let e = entry.firstEvent; e < entry.firstEvent + entry.eventCount; e++) {
        const source = ids.actorId(events.source(e));
        visit(this.edgeKey(e), this.fieldsOf(e), source, ids.actorId(events.target(e)));
      }
      for (const key of entry.affiliations) {
        visit(key, g.getEdgeAttributes(key), g.source(key), g.target(key));
      }
    }
  }

  /** Kept up to date by addDocument/removeDocument, so a health check costs nothing. */
  counts(): { actors: number; events: number; affiliations: number; documents: number } {
    return {
      actors: this.graph.order,
      events: this.events.size,
      affiliations: this.graph.size,
      documents: this.documentEntries.size,
    };
  }

  /**
   * The graph's whole state for a saved graph (snapshot/): typed arrays (views of the live columns
   * where they can be, so write them out before the next change) and the rest as JSON. restore()
   * gives back a graph in the same state: same replies, same versions, same numbers.
   */
  save(): SavedPart {
    const actorIds = [...this.actorStates.keys()];
    const actorNumber = new Map(actorIds.map((id, i) => [id, i]));
    const n = actorIds.length;
    const touchedAt = new Float64Array(n);
    const pairActor = new Int32Array(n);
    const mentionEnd = new Int32Array(n);
    const runEnd = new Int32Array(n);
    const states = actorIds.map((id) => this.actorStates.get(id)!);
    let mentionCount = 0;
    let runCount = 0;
    for (const state of states) {
      const saved = state.mentions.save();
      mentionCount += saved.docs.length;
      runCount += saved.lengths.length;
    }
    const mentions = new Int32Array(mentionCount);
    const runIdentity = new Int32Array(runCount);
    const runLength = new Int32Array(runCount);
    const identityNumber = new Map<ActorIdentity, number>();
    const identities: [string, string, string | null, readonly string[]][] = [];
    let m = 0;
    let r = 0;
    states.forEach((state, i) => {
      touchedAt[i] = state.touchedAt;
      pairActor[i] = state.pairActor;
      const saved = state.mentions.save();
      for (const d of saved.docs) mentions[m++] = d;
      mentionEnd[i] = m;
      saved.identities.forEach((identity, k) => {
        let number = identityNumber.get(identity);
        if (number === undefined) {
          number = identities.length;
          identityNumber.set(identity, number);
          identities.push([identity.kind, identity.name, identity.country, identity.aliases]);
        }
        runIdentity[r] = number;
        runLength[r++] = saved.lengths[k]!;
      });
      runEnd[i] = r;
    });
    const nodes: [string, ActorNodeAttributes][] = [];
    this.graph.forEachNode((id, attributes) => nodes.push([id, attributes]));
    const edges: [string, string, string, string, string][] = [];
    this.graph.forEachEdge((key, a, source, target) => {
      const { role, document } = a as AffiliationEdgeAttributes;
      edges.push([key, source, target, role, document]);
    });
    const d = this.documentEntries.size;
    const documents = new Int32Array(d);
    const firstEvent = new Int32Array(d);
    const eventCount = new Int32Array(d);
    const actorsEnd = new Int32Array(d);
    let listed = 0;
    for (const actors of this.documentActors.values()) listed += actors.length;
    const documentActors = new Int32Array(listed);
    let a = 0;
    const titles: (string | null)[] = [];
    const published: (string | null)[] = [];
    const affiliations: [number, string[]][] = [];
    let i = 0;
    for (const [doc, entry] of this.documentEntries) {
      documents[i] = this.documentNumbers.find(doc);
      firstEvent[i] = entry.firstEvent;
      eventCount[i] = entry.eventCount;
      if (entry.affiliations.length > 0) affiliations.push([i, entry.affiliations]);
      for (const actor of this.documentActors.get(doc)!) {
        const k = actorNumber.get(actor);
        if (k === undefined) throw new Error(`graph: document ${doc} lists unknown actor ${actor}`);
        documentActors[a++] = k;
      }
      actorsEnd[i] = a;
      const info = this.documentInfo.get(doc)!;
      titles.push(info.title);
      published.push(info.published);
      i += 1;
    }
    const events = this.events.save();
    const pairs = this.pairs.save();
    const arrays: Record<string, Column> = {
      touchedAt,
      pairActor,
      mentionEnd,
      runEnd,
      mentions,
      runIdentity,
      runLength,
      documents,
      firstEvent,
      eventCount,
      actorsEnd,
      documentActors,
    };
    for (const [name, column] of Object.entries(events.arrays)) arrays[`events.${name}`] = column;
    for (const [name, column] of Object.entries(pairs.arrays)) arrays[`pairs.${name}`] = column;
    return {
      json: {
        changes: this.changes,
        actors: actorIds,
        identities,
        nodes,
        edges,
        removedAt: [...this.removedAt],
        documentNumbers: this.documentNumbers.save(),
        titles,
        published,
        affiliations,
        events: events.json,
        pairs: pairs.json,
      },
      arrays,
    };
  }

  /** A graph in the state save() recorded. Throws on a state that does not hang together. */
  static restore(part: SavedPart): StanceGraph {
    const json = part.json as unknown as SavedGraphJson;
    const own: Record<string, Int32Array> = {};
    const events: SavedPart = { json: json.events, arrays: {} };
    const pairs: SavedPart = { json: json.pairs, arrays: {} };
    for (const [name, column] of Object.entries(part.arrays)) {
      if (name.startsWith('events.')) events.arrays[name.slice(7)] = column;
      else if (name.startsWith('pairs.')) pairs.arrays[name.slice(6)] = column;
      else own[name] = column as Int32Array;
    }
    const strings = new Interner(INTERNED_STRINGS);
    const eventIds = (json.events.ids as string[]).map((id) => strings.of(id));
    const pairActors = (json.pairs.actors as string[]).map((id) => strings.of(id));
    const g = new StanceGraph({
      strings,
      documentNumbers: DocumentNumbers.restore({
        ids: json.documentNumbers.ids.map((id) => strings.orNull(id)),
        free: json.documentNumbers.free,
      }),
      events: EventTable.restore(events, eventIds),
      pairs: PairIndex.restore(pairs, pairActors),
    });
    const identities: ActorIdentity[] = json.identities.map(([kind, name, country, aliases]) => ({
      kind,
      name,
      country,
      aliases,
    }));
    const actorIds = json.actors.map((id) => strings.of(id));
    const touchedAt = part.arrays.touchedAt as Float64Array;
    const { pairActor, mentionEnd, runEnd, mentions, runIdentity, runLength } = own;
    actorIds.forEach((id, i) => {
      const from = i === 0 ? 0 : mentionEnd![i - 1]!;
      const runFrom = i === 0 ? 0 : runEnd![i - 1]!;
      const runs = Array.from(runIdentity!.subarray(runFrom, runEnd![i]!), (k) => identities[k]!);
      const state = new ActorState(
        id,
        ActorDocuments.restore(
          mentions!.subarray(from, mentionEnd![i]!),
          runs,
          runLength!.subarray(runFrom, runEnd![i]!),
        ),
      );
      state.touchedAt = touchedAt[i]!;
      state.pairActor = pairActor![i]!;
      g.actorStates.set(id, state);
    });
    for (const [id, attributes] of json.nodes) {
      const state = g.actorStates.get(id);
      if (!state) throw new Error(`graph: saved node ${id} has no actor state`);
      g.graph.addNode(state.id, attributes);
      state.attributes = g.graph.getNodeAttributes(state.id);
      g.names.set(state.id, attributes);
    }
    if (g.graph.order !== g.actorStates.size)
      throw new Error('graph: saved actors and nodes differ');
    for (const [key, source, target, role, document] of json.edges) {
      g.graph.addDirectedEdgeWithKey(key, source, target, {
        kind: 'affiliation',
        role: strings.of(role),
        document: strings.of(document),
      });
      for (const [index, actor] of [
        [g.affiliationKeys, source],
        [g.affiliationKeysTo, target],
      ] as const) {
        let keys = index.get(actor);
        if (!keys) index.set(actor, (keys = new Set()));
        keys.add(key);
      }
    }
    const { documents, firstEvent, eventCount, actorsEnd, documentActors } = own;
    const affiliations = new Map(json.affiliations);
    for (let i = 0; i < documents!.length; i++) {
      const doc = g.documentNumbers.id(documents![i]!);
      if (doc === undefined) throw new Error('graph: saved document has no id');
      g.documentEntries.set(doc, {
        firstEvent: firstEvent![i]!,
        eventCount: eventCount![i]!,
        affiliations: affiliations.get(i) ?? [],
      });
      const from = i === 0 ? 0 : actorsEnd![i - 1]!;
      g.documentActors.set(
        doc,
        Array.from(documentActors!.subarray(from, actorsEnd![i]!), (k) => actorIds[k]!),
      );
      g.documentInfo.set(doc, {
        id: doc,
        title: json.titles[i]!,
        published: strings.orNull(json.published[i]!),
      });
    }
    for (const [id, version] of json.removedAt) g.removedAt.set(strings.of(id), version);
    g.changes = json.changes;
    g.journal.reset(g.changes);
    return g;
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
    const edges: SerializedEdge<Exported<EventEdgeOut | AffiliationEdgeAttributes>>[] = [];
    this.forEachEdge((key, a, source, target) => {
      const attributes = a.kind === 'event' ? exportedOwn(eventOut(a)) : exported({ ...a });
      edges.push({ key, source, target, attributes });
    });
    return { ...data, edges };
  }
}

/** What the graph keeps about one actor beside its graphology node. */
class ActorState {
  /** The alias list last stated for it (a copy) and its name aliases: documents mostly repeat it. */
  private stated: readonly string[] = [];
  private statedGiven: readonly string[] | null = null;
  private names: string[] = [];
  /** The node's attributes object (graphology's own, updated in place). */
  attributes: ActorNodeAttributes | undefined = undefined;
  /** The version at which a document mentioning it was last added or removed. */
  touchedAt = 0;
  /** Its number in the pair index, or -1 before its first event. */
  pairActor = -1;

  /** `id` is the one string object the graph uses for the actor. */
  constructor(
    readonly id: string,
    readonly mentions = new ActorDocuments(),
  ) {}

  /** The name aliases of a list a document states for this actor (shared; read-only). */
  aliasesOf(stated: readonly string[]): string[] {
    // The list given last time (read-only for the graph, as every input): the store's read hands
    // one array to all the documents that state the same list.
    if (stated === this.statedGiven) return this.names;
    const last = this.stated;
    this.statedGiven = stated;
    if (stated.length === last.length && stated.every((alias, i) => alias === last[i])) {
      return this.names;
    }
    this.stated = stated.slice();
    this.names = nameAliases(stated);
    return this.names;
  }
}

/** The answer for the last date range asked, kept until the graph's version moves on. */
class LastRange<T> {
  private last: { from?: string; to?: string; version: number; value: T } | null = null;

  /** The kept answer if it is for this range at this version, else `make`'s, kept. */
  get(from: string | undefined, to: string | undefined, version: number, make: () => T): T {
    const last = this.last;
    if (last && last.from === from && last.to === to && last.version === version) return last.value;
    const value = make();
    this.last = { from, to, version, value };
    return value;
  }
}

/** Settings of a graph. */
export interface GraphOptions {
  /** Entries the change journal keeps at most (ChangeJournal's default when absent). */
  journalEntries?: number;
}

/** What a graph restored from a saved state starts from instead of empty parts. */
interface RestoredParts {
  strings: Interner;
  documentNumbers: DocumentNumbers;
  events: EventTable;
  pairs: PairIndex;
}

/** The JSON half of StanceGraph.save(). */
interface SavedGraphJson {
  changes: number;
  actors: string[];
  identities: [ActorKind, string, string | null, string[]][];
  nodes: [string, ActorNodeAttributes][];
  edges: [string, string, string, string, string][];
  removedAt: [string, number][];
  documentNumbers: { ids: (string | null)[]; free: number[] };
  titles: (string | null)[];
  published: (string | null)[];
  affiliations: [number, string[]][];
  events: Record<string, unknown>;
  pairs: Record<string, unknown>;
}

/** A document's events (numbers firstEvent onwards, eventCount of them) and affiliation keys. */
interface DocumentEntry {
  firstEvent: number;
  eventCount: number;
  affiliations: string[];
}

const NO_EVENT = -1;

/** Removed events' slots are given back once there are more of them than this and than live ones. */
const COMPACT_AFTER = 4096;

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
