// What one document contributes to each actor node, and how contributions fold into node attributes.
import { isNameAlias, type Extraction } from '../model/index.ts';
import type { ActorNodeAttributes } from './types.ts';

/** One document's share of an actor's node attributes. */
export type ActorContribution = Omit<ActorNodeAttributes, 'documents'>;

/** The per-actor contributions of one extraction; events whose endpoints are not listed actors are ignored. */
export function actorContributions(extraction: Extraction): Map<string, ActorContribution> {
  const out = new Map<string, ActorContribution>();
  for (const actor of extraction.actors) {
    // Extractions stored by older extractor versions may list pronouns as aliases.
    const aliases = actor.aliases.filter(isNameAlias);
    const known = out.get(actor.id);
    if (known) {
      known.aliases = sortedUnion(known.aliases, aliases);
      continue;
    }
    out.set(actor.id, {
      kind: actor.kind,
      name: actor.name,
      country: actor.country,
      aliases: sortedUnion([], aliases),
      eventCount: 0,
      outCount: 0,
      inCount: 0,
      cooperative: 0,
      hostile: 0,
      neutral: 0,
    });
  }
  for (const event of extraction.events) {
    const source = out.get(event.source);
    const target = out.get(event.target);
    if (!source || !target) continue;
    source.outCount += 1;
    target.inCount += 1;
    source.eventCount += 1;
    source[event.polarity] += 1;
    if (target !== source) {
      target.eventCount += 1;
      target[event.polarity] += 1;
    }
  }
  return out;
}

/**
 * Folds one more document's contribution into an actor's attributes. Documents fold in ingest
 * order: the first document names the actor, the first non-null country wins.
 */
export function foldContribution(
  acc: ActorNodeAttributes | undefined,
  c: ActorContribution,
): ActorNodeAttributes {
  if (!acc) return { ...c, aliases: [...c.aliases], documents: 1 };
  return {
    kind: acc.kind,
    name: acc.name,
    country: acc.country ?? c.country,
    aliases: sortedUnion(acc.aliases, c.aliases),
    documents: acc.documents + 1,
    eventCount: acc.eventCount + c.eventCount,
    outCount: acc.outCount + c.outCount,
    inCount: acc.inCount + c.inCount,
    cooperative: acc.cooperative + c.cooperative,
    hostile: acc.hostile + c.hostile,
    neutral: acc.neutral + c.neutral,
  };
}

/** An actor's attributes from all its remaining contributions, or undefined when none is left. */
export function actorAttributes(
  contributions: Iterable<ActorContribution>,
): ActorNodeAttributes | undefined {
  let acc: ActorNodeAttributes | undefined;
  for (const c of contributions) acc = foldContribution(acc, c);
  return acc;
}

function sortedUnion(a: readonly string[], b: readonly string[]): string[] {
  const set = new Set(a);
  for (const s of b) set.add(s);
  return [...set].sort(byCodeUnits);
}

/** Locale-independent ordering so exports are identical on every machine. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
