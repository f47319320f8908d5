// Reporters and correspondents: they relay what others say, so they are never speakers of stances.
import { isNewsMedia } from './event-media.ts';
import type { Unit } from './clause-unit.ts';
import type { ActorAnalysis } from './types.ts';

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

/** "X, reporting from Kabul": the mention at i is a field reporter by the words after it. */
export function reportingAt(units: Unit[], i: number): boolean {
  const a = units[i + 1];
  const b = units[i + 2];
  return a?.lower === ',' && (b?.lower === 'reporting' || b?.lower === 'writing');
}
