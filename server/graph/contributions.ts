// What one document contributes to each actor node, and how contributions fold into node attributes.
// The graph keeps, per actor, only which documents mention it and the identity each one states
// (kind, name, country, aliases: usually a few objects shared by many documents); event tallies
// are running sums, and a removed document's share is recounted from its own edges.
import { isNameAlias, type GraphDocument, type Polarity } from '../model/index.ts';
import type { ActorNodeAttributes } from './types.ts';

/** One document's share of an actor's node attributes. */
export type ActorContribution = Omit<ActorNodeAttributes, 'documents'>;

/** What a document states about an actor, apart from its events. */
export type ActorIdentity = Pick<ActorNodeAttributes, 'kind' | 'name' | 'country' | 'aliases'>;

/** Event tallies of one actor. */
export type ActorTally = Pick<
  ActorNodeAttributes,
  'eventCount' | 'outCount' | 'inCount' | 'cooperative' | 'hostile' | 'neutral'
>;

export function emptyTally(): ActorTally {
  return { eventCount: 0, outCount: 0, inCount: 0, cooperative: 0, hostile: 0, neutral: 0 };
}

/** Counts one event between two of a document's actors into their tallies. */
export function tallyEvent(
  source: ActorTally,
  target: ActorTally,
  polarity: Polarity,
  selfLoop: boolean,
): void {
  source.outCount += 1;
  target.inCount += 1;
  source.eventCount += 1;
  source[polarity] += 1;
  if (!selfLoop) {
    target.eventCount += 1;
    target[polarity] += 1;
  }
}

/**
 * The name aliases of a stated list, sorted and unique, in an array of its own: extractions stored
 * by older extractor versions may list pronouns as aliases, which are dropped.
 */
export function nameAliases(stated: readonly string[]): string[] {
  const names = stated.every(isNameAlias) ? stated : stated.filter(isNameAlias);
  // A copy exactly sized, never the caller's array.
  return isSortedUnique(names) ? names.slice() : [...new Set(names)].sort(byCodeUnits);
}

/** A document's contribution to one actor it lists, before its events are tallied. */
export function listedActor(
  actor: GraphDocument['actors'][number],
  aliases: string[],
): ActorContribution {
  return {
    kind: actor.kind,
    name: actor.name,
    country: actor.country,
    aliases,
    eventCount: 0,
    outCount: 0,
    inCount: 0,
    cooperative: 0,
    hostile: 0,
    neutral: 0,
  };
}

/** True when two identities state the same kind, name, country and aliases. */
export function sameIdentity(a: ActorIdentity, b: ActorIdentity): boolean {
  return (
    a.kind === b.kind &&
    a.name === b.name &&
    a.country === b.country &&
    (a.aliases === b.aliases ||
      (a.aliases.length === b.aliases.length &&
        a.aliases.every((alias, i) => alias === b.aliases[i])))
  );
}

/** A string equal for two identities exactly when they state the same kind, name, country and aliases. */
export function identityKey(id: ActorIdentity): string {
  return JSON.stringify([id.kind, id.name, id.country, id.aliases]);
}

/** The identity stated so far, with one more document's: the first name and kind, the first
 *  non-null country, every alias. */
function foldIdentity(acc: ActorIdentity, next: ActorIdentity): ActorIdentity {
  return {
    kind: acc.kind,
    name: acc.name,
    country: acc.country ?? next.country,
    aliases: sortedUnion(acc.aliases, next.aliases),
  };
}

/**
 * Folds one more document's contribution into an actor's attributes. Documents fold in ingest
 * order: the first document names the actor, the first non-null country wins.
 */
export function foldContribution(
  acc: ActorNodeAttributes | undefined,
  c: ActorContribution,
): ActorNodeAttributes {
  // Object literals, not spreads: a spread gives each result a map (hidden class) of its own, and
  // reads of many actors' attributes then go through V8's slow megamorphic path. Key orders as
  // they always were: a first document's tallies come before its count.
  if (!acc) {
    return {
      kind: c.kind,
      name: c.name,
      country: c.country,
      aliases: [...c.aliases],
      eventCount: c.eventCount,
      outCount: c.outCount,
      inCount: c.inCount,
      cooperative: c.cooperative,
      hostile: c.hostile,
      neutral: c.neutral,
      documents: 1,
    };
  }
  const identity = foldIdentity(acc, c);
  return {
    kind: identity.kind,
    name: identity.name,
    country: identity.country,
    aliases: identity.aliases,
    documents: acc.documents + 1,
    eventCount: acc.eventCount + c.eventCount,
    outCount: acc.outCount + c.outCount,
    inCount: acc.inCount + c.inCount,
    cooperative: acc.cooperative + c.cooperative,
    hostile: acc.hostile + c.hostile,
    neutral: acc.neutral + c.neutral,
  };
}

/**
 * Folds one more document's contribution into attributes already in the multi-document shape (as
 * foldContribution returns for a second document) in place, sparing an object per actor per
 * document; true when the name-relevant fields (country, aliases) changed.
 */
export function foldContributionInPlace(acc: ActorNodeAttributes, c: ActorContribution): boolean {
  const country = acc.country ?? c.country;
  const aliases = sortedUnion(acc.aliases, c.aliases);
  const changed = country !== acc.country || aliases !== acc.aliases;
  acc.country = country;
  acc.aliases = aliases;
  addTallies(acc, c);
  return changed;
}

/**
 * An actor's attributes from the identities its remaining documents state (in ingest order,
 * repeated objects skipped), how many documents remain and its remaining event tallies; undefined
 * when no identity is left.
 */
export function actorAttributes(
  identities: readonly ActorIdentity[],
  documents: number,
  tally: ActorTally,
): ActorNodeAttributes | undefined {
  let acc: ActorIdentity | undefined;
  const seen = new Set<ActorIdentity>();
  for (const id of identities) {
    if (seen.has(id)) continue;
    seen.add(id);
    acc = acc
      ? foldIdentity(acc, id)
      : { kind: id.kind, name: id.name, country: id.country, aliases: [...id.aliases] };
  }
  if (!acc) return undefined;
  return {
    kind: acc.kind,
    name: acc.name,
    country: acc.country,
    aliases: acc.aliases,
    documents,
    eventCount: tally.eventCount,
    outCount: tally.outCount,
    inCount: tally.inCount,
    cooperative: tally.cooperative,
    hostile: tally.hostile,
    neutral: tally.neutral,
  };
}

/** Adds one document's event tallies to an actor's attributes whose identity it leaves unchanged. */
export function addTallies(acc: ActorNodeAttributes, c: ActorTally): void {
  acc.documents += 1;
  acc.eventCount += c.eventCount;
  acc.outCount += c.outCount;
  acc.inCount += c.inCount;
  acc.cooperative += c.cooperative;
  acc.hostile += c.hostile;
  acc.neutral += c.neutral;
}

/** True when the strings are in strictly increasing code-unit order. */
function isSortedUnique(list: readonly string[]): boolean {
  for (let i = 1; i < list.length; i++) if (!(list[i - 1]! < list[i]!)) return false;
  return true;
}

/** The sorted union; `a` itself (sorted and unique) when it already holds every string of `b`. */
export function sortedUnion(a: readonly string[], b: readonly string[]): string[] {
  if (b.every((s) => a.includes(s))) return a as string[];
  const set = new Set(a);
  for (const s of b) set.add(s);
  return [...set].sort(byCodeUnits);
}

/** Locale-independent ordering so exports are identical on every machine. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
