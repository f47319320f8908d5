// The press among the actors: news outlets and reporters relay what others say, so neither is a speaker
// of stances nor a counterpart of talks ("told Reuters").
import { knownActor } from '../gazetteer.ts';
import type { ActorAnalysis, ResolvedActor } from '../types.ts';

const MEDIA_WORDS =
  /\b(news|agency|press|times|post|herald|tribune|journal|gazette|television|tv|radio|broadcast(ing|er)?|daily|media|wire)\b/i;

/** Whether an actor is a news outlet: a gazetteer media entry, or an organization named like one. */
export function isNewsMedia(actor: ResolvedActor | undefined): boolean {
  if (!actor || actor.kind !== 'organization') return false;
  const known = knownActor(actor.id);
  if (known?.category) return known.category === 'media';
  return MEDIA_WORDS.test(actor.name) && !/\bministry|department\b/i.test(actor.name);
}

const PRESS_ROLE =
  /\b(reporter|correspondent|journalist|editor|anchor|columnist|presenter|bureau chief|stringer|news ?reader)s?\b/i;

const cache = new WeakMap<ActorAnalysis, Map<string, boolean>>();

/** Whether an actor is a member of the press: a press role, or a role in a news outlet. */
export function isReporter(analysis: ActorAnalysis, id: string): boolean {
  let known = cache.get(analysis);
  if (!known) {
    known = new Map();
    cache.set(analysis, known);
  }
  const hit = known.get(id);
  if (hit !== undefined) return hit;
  const actor = analysis.actors.get(id);
  let press = false;
  if (actor?.kind === 'person')
    for (const f of analysis.affiliations) {
      if (f.person !== id) continue;
      if (PRESS_ROLE.test(f.role) || isNewsMedia(analysis.actors.get(f.of))) press = true;
    }
  known.set(id, press);
  return press;
}

/** "X, reporting from Kabul": the mention ending at token i is a field reporter by the words after it. */
export function reportingAfter(words: string[], i: number): boolean {
  return words[i + 1] === ',' && (words[i + 2] === 'reporting' || words[i + 2] === 'writing');
}
