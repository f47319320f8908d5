// The actor query: node attributes, roles (the gazetteer's and those its articles state) and the
// partners it has the most events with, by stance.
import type { ActorRole } from '../model/index.ts';
import { actorRoles, type RoleReference } from './actor-roles.ts';
import { byCodeUnits } from './contributions.ts';
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
  documentIds: string[];
}

/** Partners of an actor over event dyads in both directions, most events first. */
export function topPartners(sg: StanceGraph, id: string, limit: number): Partner[] {
  const g = sg.graph;
  const partners: Partner[] = [];
  for (const other of new Set([...g.outNeighbors(id), ...g.inNeighbors(id)])) {
    const outgoing = sg.dyad(id, other);
    const incoming = other === id ? null : sg.dyad(other, id);
    if (!outgoing && !incoming) continue;
    const a = g.getNodeAttributes(other);
    const sum = (k: 'eventCount' | 'netScore' | 'cooperative' | 'hostile' | 'neutral') =>
      (outgoing?.[k] ?? 0) + (incoming?.[k] ?? 0);
    partners.push({
      id: other,
      name: a.name,
      kind: a.kind,
      eventCount: sum('eventCount'),
      netScore: sum('netScore'),
      polarity: majorityPolarity({
        cooperative: sum('cooperative'),
        hostile: sum('hostile'),
        neutral: sum('neutral'),
      }),
      outgoing,
      incoming,
    });
  }
  partners.sort(
    (x, y) =>
      y.eventCount - x.eventCount ||
      Math.abs(y.netScore) - Math.abs(x.netScore) ||
      byCodeUnits(x.id, y.id),
  );
  return partners.slice(0, limit);
}

/** The actor's details; `reference` is what the gazetteer knows of its roles, when anything. */
export function actorDetails(
  sg: StanceGraph,
  id: string,
  reference?: RoleReference,
  partnerLimit = 10,
): ActorDetails {
  const attrs = sg.actor(id);
  if (!attrs) throw new UnknownActorError(id, 'id');
  return {
    id,
    ...attrs,
    roles: actorRoles(sg, id, reference),
    partners: topPartners(sg, id, partnerLimit),
    documentIds: sg.documentsOf(id),
  };
}
