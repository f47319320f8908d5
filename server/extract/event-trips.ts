// Trips to a capital for talks: "Orban travelled to Moscow for talks with Putin" -> the traveller
// consults the host state, named by its capital (the actor stage keeps it as a place).
import { isHardBoundary, type Unit } from './clause-unit.ts';
import { push, settleMode, type Ctx } from './event-raw.ts';
import { modeAt } from './modes.ts';
import type { Mention } from './types.ts';

const TRIP_VERBS = new Set(['travel', 'fly', 'head', 'arrive']);
/** What the trip is for: "for talks", "on a state visit", "for a summit". */
const PURPOSES = new Set(['talks', 'visit', 'summit', 'meeting', 'meetings', 'consultations']);
const PURPOSE_PREPS = new Set(['for', 'on']);

/** The traveller: the nearest actor left of the verb, in the same clause. */
function travellerOf(units: Unit[], v: number): Mention | null {
  for (let j = v - 1; j >= 0 && j >= v - 8; j--) {
    const u = units[j]!;
    if (isHardBoundary(u)) return null;
    if (u.mention && !u.possessive) return u.mention;
  }
  return null;
}

/** True when "for talks", "on a state visit" follows within a few words of `from`. */
function forTalks(units: Unit[], from: number): boolean {
  for (let k = from; k < units.length && k < from + 3; k++) {
    if (!PURPOSE_PREPS.has(units[k]!.lower)) continue;
    for (let q = k + 1; q < units.length && q < k + 5; q++) {
      const w = units[q]!;
      if (PURPOSES.has(w.lower)) return true;
      if (w.mention || w.pos === 'VERB' || isHardBoundary(w)) break;
    }
  }
  return false;
}

export function capitalTrips(ctx: Ctx): void {
  const { units } = ctx.su;
  for (const place of ctx.places ?? []) {
    if (place.via !== 'metonym') continue;
    const at = units.findIndex((u) => u.start === place.start);
    let end = at;
    while (units[end] && units[end]!.end < place.end) end++;
    const v = at - 2;
    if (at < 2 || !units[end] || !TRIP_VERBS.has(units[v]!.lemma)) continue;
    if (!forTalks(units, end + 1)) continue;
    const source = travellerOf(units, v);
    if (!source || source.actor === place.actor) continue;
    const [type, mode] = settleMode('CONSULT', modeAt(units, v, v + 1));
    push(ctx, source, place, {
      type,
      mode,
      ploverMode: 'visit',
      at: v,
      symmetric: false,
      base: 0.72,
      spanFrom: v,
      spanTo: end + 1,
    });
  }
}
