// News media among the actors: their reports are the article's voice, not stances of their own.
import { knownActor } from './gazetteer.ts';
import type { ResolvedActor } from './types.ts';

const MEDIA_WORDS =
  /\b(news|agency|press|times|post|herald|tribune|journal|gazette|television|tv|radio|broadcast(ing|er)?|daily|media|wire)\b/i;

/** Whether an actor is a news outlet: a gazetteer media entry, or an organization named like one. */
export function isNewsMedia(actor: ResolvedActor | undefined): boolean {
  if (!actor || actor.kind !== 'organization') return false;
  const known = knownActor(actor.id);
  if (known?.category) return known.category === 'media';
  return MEDIA_WORDS.test(actor.name) && !/\bministry|department\b/i.test(actor.name);
}
