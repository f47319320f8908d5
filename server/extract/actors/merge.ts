// One node per actor: after the scan, an organization known in the article under two names is
// merged into one, when one name is the other's acronym ("ECOWAS" and "Economic Community of West
// African States", "IS" and "Islamic State") or the other without its state ("Central Command"
// and "US Central Command").
import type { ActorContext } from './context.ts';
import { fold, isAcronym } from '../names.ts';

const MINOR = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'de', 'to', '&']);

/** Upper-case initials of a name's significant words ("Islamic State" -> "IS"). */
function initials(name: string): string {
  return fold(name)
    .split(/[\s-]+/)
    .filter((w) => w && !MINOR.has(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

function letters(acronym: string): string {
  return acronym.replace(/[.\s]/g, '').toUpperCase();
}

/** Moves every mention and affiliation of `from` to `to`, and drops `from`. */
function mergeInto(ctx: ActorContext, from: string, to: string): void {
  for (const m of ctx.mentions) if (m.actor === from) m.actor = to;
  for (const a of ctx.affiliations) {
    if (a.person === from) a.person = to;
    if (a.of === from) a.of = to;
  }
  for (const a of ctx.actors.values()) if (a.country === from) a.country = to;
  ctx.actors.delete(from);
}

/** Merges organizations the article names twice into the better-known name. */
export function mergeDuplicateBodies(ctx: ActorContext): void {
  const orgs = [...ctx.actors.values()].filter((a) => a.kind === 'organization');
  for (const a of orgs) {
    if (!ctx.actors.has(a.id)) continue;
    const known = !!ctx.gaz.byId(a.id);
    // "IS" beside "Islamic State": the acronym goes to the one body whose initials it spells.
    if (isAcronym(a.name.replace(/[.\s]/g, '')) && !known) {
      const target = orgs.filter(
        (b) => b.id !== a.id && ctx.actors.has(b.id) && initials(b.name) === letters(a.name),
      );
      if (target.length === 1) {
        mergeInto(ctx, a.id, target[0]!.id);
        continue;
      }
    }
    // "Central Command" beside "US Central Command": the same body with its state named.
    if (!known) {
      const wider = orgs.filter((b) => {
        if (b.id === a.id || !ctx.actors.has(b.id) || !b.name.endsWith(` ${a.name}`)) return false;
        const prefix = b.name.slice(0, -a.name.length).trim();
        return ctx.gaz.lookup(prefix).some((e) => e.kind === 'state');
      });
      if (wider.length === 1) mergeInto(ctx, a.id, wider[0]!.id);
    }
  }
}
