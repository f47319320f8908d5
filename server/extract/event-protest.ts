// PROTEST is collective action (demonstrations, boycotts, strikes). A government that "protests"
// makes a diplomatic protest, which PLOVER codes as ACCUSE 'disapprove'.
import type { Raw } from './event-raw.ts';
import type { ActorAnalysis } from './types.ts';

/** Whether an actor acts for a government: a state, a state body, or a person holding a state role. */
function governmental(analysis: ActorAnalysis, id: string): boolean {
  const a = analysis.actors.get(id);
  if (!a) return false;
  if (a.kind === 'state') return true;
  if (a.kind === 'organization') return a.country !== null;
  return analysis.affiliations.some(
    (f) => f.person === id && (f.of === a.country || analysis.actors.get(f.of)?.kind === 'state'),
  );
}

/** Turns a government's "protest" (demonstration mode) into the accusation it is, in place. */
export function settleProtests(raws: Raw[], analysis: ActorAnalysis): void {
  for (const r of raws) {
    if (r.type !== 'PROTEST' || r.ploverMode !== 'demo' || !r.source) continue;
    if (!governmental(analysis, r.source.actor)) continue;
    r.type = 'ACCUSE';
    r.ploverMode = 'disapprove';
  }
}
