// An actor's roles: the gazetteer's dated roles with their real start and end, and the roles the
// articles state, each as of its article's date with the article cited. An article's date is when
// a role was reported, never when it began, and a role the gazetteer has ended is never current.
import type { ActorRole, DatedRole, GazetteerRole, StatedRole } from '../model/index.ts';
import { byCodeUnits } from './contributions.ts';
import type { StanceGraph } from './stance-graph.ts';

/** What the gazetteer knows, handed in by the caller so the graph does not read extractor data. */
export interface RoleReference {
  /** The person's dated roles in the gazetteer (none for actors it does not list). */
  roles: readonly DatedRole[];
  /** The gazetteer offices a role as worded can name: "President" -> head-of-state, president. */
  officesFor(title: string): readonly string[];
  /** The name of a state or organization the gazetteer lists, for actors the graph lacks. */
  nameOf(id: string): string | null;
}

/** a is later than b; a date of lower precision ("2024-05") covers its whole month or year. */
function after(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) > b.slice(0, n);
}

/** The article's role names the gazetteer role: same state or body, and the same office or title. */
function sameOffice(stated: StatedRole, role: DatedRole, ref: RoleReference): boolean {
  if (role.of !== stated.of) return false;
  if (stated.title.toLowerCase() === role.title.toLowerCase()) return true;
  return role.office != null && ref.officesFor(stated.title).includes(role.office);
}

/**
 * The gazetteer's end of the stated office when the person no longer held it on the article's
 * date: every matching gazetteer role had ended (or had not begun) by then, and one had ended.
 */
function endedBefore(stated: StatedRole, ref: RoleReference): string | null {
  if (stated.asOf === null) return null;
  const asOf = stated.asOf;
  const matching = ref.roles.filter((r) => sameOffice(stated, r, ref));
  const held = matching.some(
    (r) => (r.from === null || !after(r.from, asOf)) && (r.to === null || !after(asOf, r.to)),
  );
  if (held) return null;
  const ends = matching.map((r) => r.to).filter((to): to is string => to !== null);
  const ended = ends.filter((to) => after(asOf, to)).sort(byCodeUnits);
  return ended.at(-1) ?? null;
}

/** One entry per role and body an article states, from the latest article that states it. */
function statedRoles(sg: StanceGraph, id: string, ref: RoleReference | undefined): StatedRole[] {
  const latest = new Map<string, StatedRole>();
  for (const key of sg.affiliationsOf(id)) {
    const { affiliation: attrs, of } = sg.affiliation(key);
    const doc = sg.document(attrs.document);
    const asOf = doc?.published ?? null;
    const k = `${of}\u0000${attrs.role.toLowerCase()}`;
    const seen = latest.get(k);
    // Dated beats undated; a later date beats an earlier one.
    if (seen && (asOf === null || (seen.asOf !== null && !after(asOf, seen.asOf)))) continue;
    latest.set(k, {
      basis: 'article',
      title: attrs.role,
      of,
      ofName: sg.actor(of)!.name,
      asOf,
      document: { id: attrs.document, title: doc?.title ?? null },
      current: false,
      endedBefore: null,
    });
  }
  const roles = [...latest.values()];
  if (ref) for (const r of roles) r.endedBefore = endedBefore(r, ref);
  return roles.sort(
    (a, b) =>
      (a.asOf === null ? 1 : 0) - (b.asOf === null ? 1 : 0) ||
      byCodeUnits(b.asOf ?? '', a.asOf ?? '') ||
      byCodeUnits(a.title, b.title),
  );
}

function gazetteerRoles(sg: StanceGraph, ref: RoleReference | undefined): GazetteerRole[] {
  const roles = (ref?.roles ?? []).map((r): GazetteerRole => ({
    basis: 'gazetteer',
    title: r.title,
    office: r.office ?? null,
    of: r.of,
    ofName: r.of === null ? null : (sg.actor(r.of)?.name ?? ref!.nameOf(r.of) ?? null),
    from: r.from,
    to: r.to,
    current: r.to === null,
  }));
  // Roles held now first, then the most recently begun.
  return roles.sort(
    (a, b) =>
      Number(b.current) - Number(a.current) ||
      byCodeUnits(b.from ?? '', a.from ?? '') ||
      byCodeUnits(a.title, b.title),
  );
}

/** The gazetteer's roles of the actor, then the roles its articles state, newest first. */
export function actorRoles(sg: StanceGraph, id: string, ref?: RoleReference): ActorRole[] {
  return [...gazetteerRoles(sg, ref), ...statedRoles(sg, id, ref)];
}
