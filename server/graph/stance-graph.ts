// The single owner of the graphology graph: documents go in and out in place, queries only read.
import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import type { Extraction } from '../model/index.ts';
import {
  actorAttributes,
  actorContributions,
  byCodeUnits,
  foldContribution,
  type ActorContribution,
} from './contributions.ts';
import { addEventToDyad, dyadFromEvents, dyadKey, emptyDyad } from './dyads.ts';
import { exported, type Exported } from './sigma-edge.ts';
import type {
  ActorNodeAttributes,
  DocumentInfo,
  DyadStance,
  EventEdgeAttributes,
  StanceEdgeAttributes,
} from './types.ts';

export type StanceGraphData = MultiDirectedGraph<ActorNodeAttributes, StanceEdgeAttributes>;

export class StanceGraph {
  /** Read-only for everyone but this class; mutate through addDocument/removeDocument. */
  readonly graph: StanceGraphData = new MultiDirectedGraph<
    ActorNodeAttributes,
    StanceEdgeAttributes
  >();
  /** actor id -> document id -> contribution, in ingest order. */
  private readonly contributions = new Map<string, Map<string, ActorContribution>>();
  private readonly documentEdges = new Map<string, string[]>();
  private readonly documentActors = new Map<string, string[]>();
  private readonly dyadIndex = new Map<string, DyadStance>();
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
  addDocument(extraction: Extraction): void {
    const doc = extraction.document.id;
    if (this.documentEdges.has(doc)) return;
    const contributions = actorContributions(extraction);
    for (const [actor, c] of contributions) {
      let perDoc = this.contributions.get(actor);
      if (!perDoc) this.contributions.set(actor, (perDoc = new Map()));
      perDoc.set(doc, c);
      const current = this.graph.hasNode(actor) ? this.graph.getNodeAttributes(actor) : undefined;
      const next = foldContribution(current, c);
      if (current) this.graph.replaceNodeAttributes(actor, next);
      else this.graph.addNode(actor, next);
    }
    const edges: string[] = [];
    for (const event of extraction.events) {
      if (!contributions.has(event.source) || !contributions.has(event.target)) continue;
      const key = this.graph.hasEdge(event.id) ? `${doc}:${event.id}` : event.id;
      const attrs: EventEdgeAttributes = {
        kind: 'event',
        id: event.id,
        eventType: event.type,
        quad: event.quad,
        polarity: event.polarity,
        score: event.score,
        mode: event.mode,
        date: event.date,
        datePrecision: event.datePrecision,
        confidence: event.confidence,
        document: doc,
        extractor: extraction.extractor,
        evidence: { ...event.evidence },
        ...(event.origin ? { origin: { ...event.origin } } : {}),
      };
      this.graph.addDirectedEdgeWithKey(key, event.source, event.target, attrs);
      edges.push(key);
      const k = dyadKey(event.source, event.target);
      let dyad = this.dyadIndex.get(k);
      if (!dyad) this.dyadIndex.set(k, (dyad = emptyDyad(event.source, event.target)));
      addEventToDyad(dyad, attrs);
    }
    extraction.affiliations.forEach((a, i) => {
      if (!contributions.has(a.person) || !contributions.has(a.of)) return;
      const key = `${doc}:aff:${i}`;
      this.graph.addDirectedEdgeWithKey(key, a.person, a.of, {
        kind: 'affiliation',
        role: a.role,
        document: doc,
      });
      edges.push(key);
    });
    this.documentEdges.set(doc, edges);
    this.documentActors.set(doc, [...contributions.keys()]);
    const { title, published } = extraction.document;
    this.documentInfo.set(doc, { id: doc, title, published });
    this.changes += 1;
  }

  /** Removes a document's edges and contributions; actors left without a mention are dropped. */
  removeDocument(documentId: string): void {
    const edges = this.documentEdges.get(documentId);
    if (!edges) return;
    const touched = new Map<string, [string, string]>();
    for (const key of edges) {
      const source = this.graph.source(key);
      const target = this.graph.target(key);
      if (this.graph.getEdgeAttribute(key, 'kind') === 'event') {
        touched.set(dyadKey(source, target), [source, target]);
      }
      this.graph.dropEdge(key);
    }
    for (const [k, [source, target]] of touched) {
      const dyad = dyadFromEvents(source, target, this.eventsBetween(source, target));
      if (dyad) this.dyadIndex.set(k, dyad);
      else this.dyadIndex.delete(k);
    }
    for (const actor of this.documentActors.get(documentId) ?? []) {
      const perDoc = this.contributions.get(actor);
      perDoc?.delete(documentId);
      const next = perDoc ? actorAttributes(perDoc.values()) : undefined;
      if (next) {
        this.graph.replaceNodeAttributes(actor, next);
      } else {
        this.contributions.delete(actor);
        if (this.graph.hasNode(actor)) this.graph.dropNode(actor);
      }
    }
    this.documentEdges.delete(documentId);
    this.documentActors.delete(documentId);
    this.documentInfo.delete(documentId);
    this.changes += 1;
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
    return [...(this.contributions.get(id)?.keys() ?? [])];
  }

  dyad(source: string, target: string): DyadStance | null {
    const dyad = this.dyadIndex.get(dyadKey(source, target));
    return dyad ? { ...dyad } : null;
  }

  /** Copies of all dyads (the index is updated in place), ordered by source then target. */
  dyads(): DyadStance[] {
    return [...this.dyadIndex.values()]
      .map((d) => ({ ...d }))
      .sort((a, b) => byCodeUnits(a.source, b.source) || byCodeUnits(a.target, b.target));
  }

  /** Event edge attributes from source to target, in insertion order. */
  *eventsBetween(source: string, target: string): Generator<EventEdgeAttributes> {
    if (!this.graph.hasNode(source) || !this.graph.hasNode(target)) return;
    for (const key of this.graph.outEdges(source, target)) {
      const attrs = this.graph.getEdgeAttributes(key);
      if (attrs.kind === 'event') yield attrs;
    }
  }

  counts(): { actors: number; events: number; affiliations: number; documents: number } {
    let events = 0;
    this.graph.forEachEdge((_k, attrs) => {
      if (attrs.kind === 'event') events += 1;
    });
    return {
      actors: this.graph.order,
      events,
      affiliations: this.graph.size - events,
      documents: this.documentEdges.size,
    };
  }

  /** graphology's serialized form of the whole graph, each edge with its sigma program name. */
  export(): SerializedGraph<ActorNodeAttributes, Exported<StanceEdgeAttributes>> {
    const data = this.graph.export();
    return {
      ...data,
      edges: data.edges.map((e) => ({ ...e, attributes: exported(e.attributes!) })),
    };
  }
}

/** A graph holding every extraction, added in the order given. */
export function buildGraph(extractions: Iterable<Extraction>): StanceGraph {
  const graph = new StanceGraph();
  for (const extraction of extractions) graph.addDocument(extraction);
  return graph;
}
