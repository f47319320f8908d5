// The actor query: node attributes, roles (the gazetteer's and those its articles state) and the
// partners it has the most events with, by stance.
import type { ActorRole } from '../model/index.ts';
import { ActorCache } from './actor-cache.ts';
import { actorRoles, type RoleReference } from './actor-roles.ts';
import { byCodeUnits } from './contributions.ts';
import { decodeCursor, encodeCursor, isOffset } from './cursor.ts';
import { UnknownActorError } from './errors.ts';
import { majorityPolarity } from './dyads.ts';
import type { StanceGraph } from './stance-graph.ts';
import type { ActorNodeAttributes, DyadStance } from './types.ts';

export interface Partner {
  id: string;
  name: string;
  kind: ActorNodeAttributes['kind'];
  eventCount: number;
  netScore: number;
  polarity: 'cooperative' | 'hostile' | 'neutral';
  /** This actor towards the partner. */
  outgoing: DyadStance | null;
  /** The partner towards this actor. */
  incoming: DyadStance | null;
}

export interface ActorDetails extends ActorNodeAttributes {
  id: string;
  roles: ActorRole[];
  partners: Partner[];
  /** One page of the documents that mention the actor, in ingest order (`documents` counts all). */
  documentIds: string[];
  /** Cursor for the next page of documentIds, or null on the last. */
  nextDocumentCursor: string | null;
}

interface Candidate {
  id: string;
  eventCount: number;
  netScore: number;
}

/** x ranks before y: more events, then the stronger net stance, then id. */
function before(x: Candidate, y: Candidate): boolean {
  return (
    (y.eventCount - x.eventCount ||
      Math.abs(y.netScore) - Math.abs(x.netScore) ||
      byCodeUnits(x.id, y.id)) < 0
  );
}

/** Ranked partner lists kept, most recently asked last. */
const rankings = new ActorCache<readonly Candidate[]>(256);

/**
 * The best `limit` partners of an actor by events, kept until a document mentioning the actor is
 * added or removed: only such a document can change the pairs the actor is in, so a hub's 20,000
 * pairs are read once per change to it rather than once per request.
 */
function rankedPartners(sg: StanceGraph, id: string, limit: number): readonly Candidate[] {
  return rankings.get(sg, id, `${limit}:${id}`, () => rankPartners(sg, id, limit));
}

/** One pass over the actor's pairs, keeping only the best `limit`. */
function rankPartners(sg: StanceGraph, id: string, limit: number): Candidate[] {
  const pairs = sg.pairs;
  const self = pairs.findActor(id);
  const best: Candidate[] = [];
  const consider = (other: number, out: number, into: number) => {
    const eventCount =
      (out < 0 ? 0 : pairs.eventCount(out)) + (into < 0 ? 0 : pairs.eventCount(into));
    // Most partners of a hub fall short of the worst kept one on events alone.
    if (best.length === limit && eventCount < best[best.length - 1]!.eventCount) return;
    const netScore = (out < 0 ? 0 : pairs.netScore(out)) + (into < 0 ? 0 : pairs.netScore(into));
    const c = { id: pairs.actorId(other), eventCount, netScore };
    if (best.length === limit && !before(c, best[best.length - 1]!)) return;
    let at = best.length;
    while (at > 0 && before(c, best[at - 1]!)) at--;
    best.splice(at, 0, c);
    if (best.length > limit) best.pop();
  };
  pairs.forEachOut(self, (p, other) => {
    consider(other, p, other === self ? -1 : pairs.find(other, self));
  });
  pairs.forEachIn(self, (p, other) => {
    if (pairs.find(self, other) < 0) consider(other, -1, p);
  });
  return best;
}

/**
 * Partners of an actor over event dyads in both directions, most events first. Reads the graph's
 * pair index keeping only the best `limit` (once per change to the actor); names and stances are
 * read when asked.
 */
export function topPartners(sg: StanceGraph, id: string, limit: number): Partner[] {
  const g = sg.graph;
  return rankedPartners(sg, id, limit).map((c) => {
    const out = sg.dyad(id, c.id);
    const inc = c.id === id ? null : sg.dyad(c.id, id);
    const a = g.getNodeAttributes(c.id);
    const sum = (k: 'cooperative' | 'hostile' | 'neutral') => (out?.[k] ?? 0) + (inc?.[k] ?? 0);
    return {
      id: c.id,
      name: a.name,
      kind: a.kind,
      eventCount: c.eventCount,
      netScore: c.netScore,
      polarity: majorityPolarity({
        cooperative: sum('cooperative'),
        hostile: sum('hostile'),
        neutral: sum('neutral'),
      }),
      outgoing: out,
      incoming: inc,
    };
  });
}

export interface DocumentPageQuery {
  /** Document ids per page (default 100). */
  limit?: number;
  cursor?: string;
}

/** The actor's details; `reference` is what the gazetteer knows of its roles, when anything. */
export function actorDetails(
  sg: StanceGraph,
  id: string,
  reference?: RoleReference,
  partnerLimit = 10,
  documents: DocumentPageQuery = {},
): ActorDetails {
  const attrs = sg.actor(id);
  if (!attrs) throw new UnknownActorError(id, 'id');
  const limit = documents.limit ?? 100;
  const offset = documents.cursor === undefined ? 0 : decodeCursor(documents.cursor, isOffset).o;
  const next = offset + limit;
  return {
    id,
    ...attrs,
    roles: actorRoles(sg, id, reference),
    partners: topPartners(sg, id, partnerLimit),
    documentIds: sg.documentPage(id, offset, limit),
    nextDocumentCursor: next < attrs.documents ? encodeCursor({ o: next }) : null,
  };
}
