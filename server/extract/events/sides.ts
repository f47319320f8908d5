// Who stands on whose side in an article: an actor and its state or organization, a speaker and
// the actor it speaks for. Events between one side are not stances.
import { knownActor } from '../gazetteer.ts';
import type { ActorAnalysis, FoundAffiliation } from '../types.ts';

/**
 * Kinds of organization that stand apart from the state they are based in: an armed group, a
 * party, a company or a newspaper of a country acts on its own ("Turkey struck the PKK", "the
 * opposition party accused Kenya"), unlike its ministries, forces and agencies.
 */
const INDEPENDENT = new Set(['armed-group', 'party', 'ngo', 'media', 'company', 'university']);

/** Whether an organization's country is its own side. */
function sidesWithCountry(id: string): boolean {
  const category = knownActor(id)?.category;
  return !category || !INDEPENDENT.has(category);
}

/** Whether actor b is a's own side: the same actor, a's state or organization, or the reverse. */
export function sameSide(analysis: ActorAnalysis, a: string, b: string): boolean {
  if (a === b) return true;
  const x = analysis.actors.get(a);
  const y = analysis.actors.get(b);
  if (x?.country && x.country === b && sidesWithCountry(a)) return true;
  if (y?.country && y.country === a && sidesWithCountry(b)) return true;
  const links = affiliationLinks(analysis);
  return links.has(`${a}|${b}`) || links.has(`${b}|${a}`);
}

/** Whether a speaker speaks for an actor: itself, or the state/organization it holds a role in. */
export function speaksFor(analysis: ActorAnalysis, speaker: string, actor: string): boolean {
  if (speaker === actor) return true;
  // A ministry or spokesman's office speaks for its state.
  const own = analysis.actors.get(speaker);
  if (own && own.kind === 'organization' && own.country === actor) return true;
  return affiliationLinks(analysis).has(`${speaker}|${actor}`);
}

/**
 * A state named only by an adjective ("released two French citizens") is acted upon, so it is an
 * actor after all: the actor stage left it out, the event stage adds it from the gazetteer.
 */
export function addAttributiveState(analysis: ActorAnalysis, id: string): void {
  const known = knownActor(id);
  if (known?.kind !== 'state') return;
  analysis.actors.set(id, { id, name: known.name, kind: 'state', country: id });
}

const linkCache = new WeakMap<FoundAffiliation[], Set<string>>();

/** "person|of" for each affiliation, built once per article so pair checks stay O(1). */
function affiliationLinks(analysis: ActorAnalysis): Set<string> {
  let links = linkCache.get(analysis.affiliations);
  if (!links || links.size !== analysis.affiliations.length) {
    links = new Set(analysis.affiliations.map((f) => `${f.person}|${f.of}`));
    linkCache.set(analysis.affiliations, links);
  }
  return links;
}
