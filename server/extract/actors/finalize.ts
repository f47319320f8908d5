// Article-level clean-up after the sentence scan: bare national bodies to the dominant state, and
// each person's country.
import type { ActorContext } from './context.ts';
import { nationalBodyName } from './orgs.ts';
import { slugify } from '../names.ts';

/** The state the article is mostly about: at least two mentions and twice any other state's. */
export function dominantState(ctx: ActorContext): string | null {
  const counts = new Map<string, number>();
  for (const m of ctx.mentions) {
    const a = ctx.actors.get(m.actor) ?? (m.attributive ? ctx.gaz.byId(m.actor) : undefined);
    const state = a?.kind === 'state' ? a.id : a?.kind === 'person' ? a.country : null;
    if (state) counts.set(state, (counts.get(state) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top || top[1] < 2 || (second && top[1] < 2 * second[1])) return null;
  return top[0];
}

const NATIONAL_BODY = /\b(?:ministry|department|office)\b/i;

/** Names made only of generic words ("Foreign Ministry", "Ministry of Defence"): no state in them. */
const GENERIC_BODY =
  /^(?:(?:the|of|for|and|on|national|foreign|defen[cs]e|interior|finance|trade|commerce|justice|health|economy|information|home|industry|energy|unification|security|state|education|agriculture|culture|affairs|external|public|ministry|department|office|presidency|presidential)(?:\s+|$))+$/i;

/**
 * A ministry named with no state ("the Foreign Ministry said") belongs to the article's dominant
 * state when there is one (and meets the gazetteer id); otherwise it is not an actor.
 */
export function resolveBareBodies(ctx: ActorContext): void {
  const bare = [...ctx.patternOrgs.values()].filter(
    (o) =>
      o.country === null &&
      ctx.actors.has(o.id) &&
      NATIONAL_BODY.test(o.name) &&
      GENERIC_BODY.test(o.name),
  );
  if (bare.length === 0) return;
  const state = dominantState(ctx);
  for (const org of bare) {
    const actor = ctx.actors.get(org.id)!;
    let id: string;
    if (state) {
      const stateName = ctx.gaz.byId(state)?.name ?? state;
      id = ctx.gaz.nationalBody(state, org.name) ?? slugify(`${state} ${org.name}`);
      const known = ctx.gaz.byId(id);
      actor.name = known?.name ?? nationalBodyName(stateName, org.name);
      actor.country = state;
      ctx.addKnown(state);
    } else {
      // A body of no known state would merge every article's "Foreign Ministry" into one node.
      dropActor(ctx, org.id);
      continue;
    }
    if (id === org.id) continue;
    const existing = ctx.actors.get(id);
    ctx.actors.delete(org.id);
    if (!existing) ctx.actors.set(id, { ...actor, id });
    for (const m of ctx.mentions) if (m.actor === org.id) m.actor = id;
    for (const a of ctx.affiliations) if (a.of === org.id) a.of = id;
  }
}

/** Removes an actor with its mentions and the affiliations that point at it. */
function dropActor(ctx: ActorContext, id: string): void {
  ctx.actors.delete(id);
  removeWhere(ctx.mentions, (m) => m.actor === id);
  removeWhere(ctx.affiliations, (a) => a.of === id || a.person === id);
}

function removeWhere<T>(items: T[], drop: (item: T) => boolean): void {
  let kept = 0;
  for (const item of items) if (!drop(item)) items[kept++] = item;
  items.length = kept;
}

/** Sets each person's country from what the article states, else from the gazetteer. */
export function assignCountries(ctx: ActorContext): void {
  for (const actor of ctx.actors.values()) {
    if (actor.kind !== 'person') continue;
    let country: string | null = null;
    for (const a of ctx.affiliations) {
      if (a.person !== actor.id) continue;
      const of = ctx.actors.get(a.of);
      if (of?.kind === 'state') {
        country = of.id;
        break;
      }
      country ??= of?.country ?? null;
    }
    actor.country = country ?? ctx.gaz.byId(actor.id)?.country ?? actor.country;
  }
}
