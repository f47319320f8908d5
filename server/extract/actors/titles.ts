// Persons introduced with a role: title phrases ("Chinese Foreign Minister Wang Yi") and
// appositions ("Wang Yi, China's foreign minister"), with the affiliations they state.
import type { RoleTense } from '../gazetteer.ts';
import { knownPersonAt, parseName, skipHonorifics, spanText } from './person-names.ts';
import { parseModifier, parseRole, roleWords, temporalAt, type RolePhrase } from './roles.ts';
import { noteKnownRoles } from './role-references.ts';
import { sharedBodyChoice } from './gazetteer-matches.ts';
import { isCommonSurname, normKey } from '../names.ts';
import type { Scan } from './scan.ts';

/** A role stated in the text, with the body it is held for and when. */
interface StatedRole {
  role: RolePhrase;
  of: string | null;
  text: string;
  tense: RoleTense | null;
}

/** Rank words that may stand before a title's qualifier ("senior Hamas leader"). */
const RANK_WORDS = new Set(['senior', 'top', 'veteran', 'deputy']);

/** "Wang Yi, China's foreign minister," / "Jane Doe, a spokeswoman for the ministry". */
export function appositive(scan: Scan, i: number): number | null {
  const { words, ctx } = scan;
  const nameEnd = parseName(words, i, ctx);
  if (nameEnd < 0 || words[nameEnd]?.key !== ',') return null;
  const parsed = appositionRole(scan, nameEnd + 1);
  if (!parsed) return null;
  const name = spanText(ctx, words, i, nameEnd);
  const id = ctx.person(name, knownPersonAt(words, i, nameEnd, ctx));
  noteKnownRoles(ctx, id);
  affiliate(scan, id, parsed, scan.start(i), scan.end(parsed.role.roleEnd));
  ctx.mention(id, scan.start(i), scan.end(nameEnd), scan.index, 'name');
  return nameEnd;
}

/** The role of an apposition starting at `j`: "[who is] [the|a] [former] [China's] role [of X]". */
function appositionRole(scan: Scan, j0: number): StatedRole | null {
  const { words, ctx } = scan;
  let j = j0;
  if (
    words[j]?.key === 'who' &&
    ['is', 'was', 'serves', 'served'].includes(words[j + 1]?.key ?? '')
  ) {
    j += 2;
    if (words[j]?.key === 'as') j++;
  }
  if (['the', 'a', 'an'].includes(words[j]?.key ?? '')) j++;
  const t1 = temporalAt(words, j, ctx);
  if (t1) j = t1.end;
  const mod = parseModifier(words, j, ctx, scan.keys, scan.surfs, sharedBodyChoice(scan));
  let roleFrom = mod ? mod.end : j;
  const t2 = temporalAt(words, roleFrom, ctx);
  if (t2) roleFrom = t2.end;
  let role = parseRole(words, roleFrom, ctx, scan.keys, scan.surfs, (at) => {
    const k = words[at]?.key;
    return (
      k === undefined ||
      k === ',' ||
      k === '.' ||
      k === 'and' ||
      k === ')' ||
      k === ';' ||
      k === 'of'
    );
  });
  if (!role) return null;
  // "a senior member and spokesperson for the ONLF": coordinated roles share the complement.
  let second: RolePhrase | null = null;
  if (!role.complement && words[role.roleEnd]?.key === 'and') {
    second = parseRole(words, role.roleEnd + 1, ctx, scan.keys, scan.surfs, (at) => {
      const k = words[at]?.key;
      return k === undefined || k === ',' || k === '.' || k === ')' || k === ';';
    });
    if (second?.complement) role = { ...second, roleStart: role.roleStart };
  }
  let of = mod?.id ?? null;
  if (!of && role.complement && role.complement.prep !== 'to') of = role.complement.id;
  if (!of) {
    const last = words[role.roleEnd - 1]!;
    if (last.key === 'ministry' || last.key === 'government') of = recentOrgLike(scan, last.key);
  }
  if (mod && role.complement) ctx.addKnown(role.complement.id);
  const worded = roleWords(ctx, words, role.roleStart, role.roleEnd);
  return { role, of, text: worded.text, tense: t1?.tense ?? t2?.tense ?? worded.tense };
}

/** Records a stated role: an affiliation when its state or organization is known. */
function affiliate(scan: Scan, id: string, stated: StatedRole, start: number, end: number): void {
  const { ctx } = scan;
  let of = stated.of;
  if (stated.role.complement) ctx.addKnown(stated.role.complement.id);
  if (!of) {
    of =
      stated.tense === 'past'
        ? pastOfficeOf(scan, id, stated.text)
        : (officeOf(scan, id, stated.text) ?? ctx.stateOfOpenOffice(stated.text));
  }
  if (of && ctx.addKnown(of)) ctx.addAffiliation(id, of, stated.text, start, end, stated.tense);
  else if (stated.tense !== 'past') ctx.addRoleOnly(id, stated.text);
}

function recentOrgLike(scan: Scan, head: string): string | null {
  const { ctx } = scan;
  for (let k = ctx.mentions.length - 1; k >= 0; k--) {
    const a = ctx.actors.get(ctx.mentions[k]!.actor);
    if (a?.kind === 'organization' && a.name.toLowerCase().includes(head)) return a.id;
    if (head === 'government' && a?.kind === 'state' && !ctx.mentions[k]!.attributive) return a.id;
  }
  return null;
}

/** A single word after a title is a name when it is someone of this article or a known holder. */
function singleName(
  scan: Scan,
  at: number,
  roleStart: number,
  roleEnd: number,
): string | null | undefined {
  const { words, ctx } = scan;
  const w = words[at]!;
  const known = knownPersonAt(words, at, at + 1, ctx);
  if (known) return known;
  const local = ctx.surnames.get(w.key) ?? ctx.leadingNames.get(w.key);
  if (local) return local.size === 1 ? [...local][0]! : undefined;
  if (isCommonSurname(w.key)) return undefined;
  const keys = scan.keys.slice(Math.max(roleStart, roleEnd - 2), roleEnd);
  const head = keys[keys.length - 1] ?? '';
  const offices = [
    ...ctx.gaz.officesForRoleWord(keys.join(' ')),
    ...ctx.gaz.officesForRoleWord(head),
  ];
  const fits = ctx.gaz
    .peopleWithSurname(w.text)
    .filter((p) =>
      (ctx.gaz.byId(p)?.roles ?? []).some(
        (r) => (!!r.office && offices.includes(r.office)) || normKey(r.title).endsWith(head),
      ),
    );
  return fits.length === 1 ? fits[0]! : undefined;
}

/**
 * "[the] [former] [Chinese|Russia's|Hamas] [title words][,] Firstname Lastname", also with no
 * qualifier; the comma form ("Hungary's prime minister, Viktor Orban,") needs a qualifier.
 */
export function titled(scan: Scan, i: number): number | null {
  const { words, ctx } = scan;
  let s = i;
  if (words[s]!.key === 'the') s++;
  const t1 = temporalAt(words, s, ctx);
  if (t1) s = t1.end;
  // "Senior Hamas leader X": a rank word before the qualifier belongs to the role.
  let rank = '';
  if (RANK_WORDS.has(words[s]?.key ?? '') && !words[s + 1]?.joined) {
    if (parseModifier(words, s + 1, ctx, scan.keys, scan.surfs, sharedBodyChoice(scan))) {
      rank = `${words[s]!.key} `;
      s++;
    }
  }
  const mod = parseModifier(words, s, ctx, scan.keys, scan.surfs, sharedBodyChoice(scan));
  let from = mod ? mod.end : s;
  const t2 = temporalAt(words, from, ctx);
  if (t2) from = t2.end;
  let nameStart = -1;
  let nameEnd = -1;
  let single: string | null = null;
  let suffix: RoleTense | null = null;
  const role = parseRole(words, from, ctx, scan.keys, scan.surfs, (at0) => {
    let at = at0;
    suffix = null;
    const sx = words[at];
    if (sx && (sx.key === 'designate' || (sx.key === 'elect' && sx.joined))) {
      suffix = 'future';
      at++;
    }
    const comma = words[at]?.key === ',';
    if (comma) {
      if (!mod && words[at0 - 1]?.key !== ')' && at0 - from < 2) return false;
      at++;
    }
    at = skipHonorifics(words, at);
    nameStart = at;
    nameEnd = parseName(words, at, ctx, true);
    if (nameEnd < 0) return false;
    single = null;
    if (nameEnd - at === 1) {
      const id = singleName(scan, at, from, at0);
      if (!id) return false;
      single = id;
    }
    if (comma) {
      const after = words[nameEnd];
      return (
        !after ||
        [',', '.', ')', ';', 'said', 'says'].includes(after.key) ||
        after.pos === 'VERB' ||
        after.pos === 'AUX'
      );
    }
    return true;
  });
  if (!role || nameEnd < 0) return null;
  const hasQualifier = !!mod || !!role.complement;
  // "the Minister for Foreign Affairs and Trade Penny Wong": a long capitalised title stands alone.
  const longTitle = words[role.roleStart]!.cap && role.roleEnd - role.roleStart >= 3;
  if (s > i && !hasQualifier && !t1 && !longTitle) return null;
  const name = spanText(ctx, words, nameStart, nameEnd);
  const knownId = single ?? knownPersonAt(words, nameStart, nameEnd, ctx);
  const id = ctx.person(name, knownId);
  noteKnownRoles(ctx, id);
  const worded = roleWords(ctx, words, role.roleStart, role.roleEnd);
  let of = mod?.id ?? null;
  if (!of && role.complement && role.complement.prep !== 'to') of = role.complement.id;
  const tense = t1?.tense ?? t2?.tense ?? worded.tense ?? suffix;
  const from0 = words[i]!.key === 'the' ? i + 1 : i;
  affiliate(
    scan,
    id,
    { role, of, text: rank + worded.text, tense },
    scan.start(from0),
    scan.end(nameEnd),
  );
  ctx.mention(id, scan.start(from0), scan.end(nameEnd), scan.index, 'title');
  // "Nigeria's President, Bola Tinubu, the chairman of the bloc,": a second stated role.
  if (words[nameEnd]?.key === ',') {
    const more = appositionRole(scan, nameEnd + 1);
    if (more) affiliate(scan, id, more, scan.start(from0), scan.end(more.role.roleEnd));
  }
  return nameEnd;
}

/** For "former President Donald Trump": the state of a matching gazetteer role at any date. */
function pastOfficeOf(scan: Scan, person: string, roleText: string): string | null {
  const offices = scan.ctx.gaz.officesForRoleWord(roleText.toLowerCase());
  for (const r of scan.ctx.gaz.byId(person)?.roles ?? []) {
    if (r.of && r.office && offices.includes(r.office)) return r.of;
  }
  return null;
}

/** For "President Joe Biden" with no state named: the state of the matching gazetteer role. */
function officeOf(scan: Scan, person: string, roleText: string): string | null {
  const offices = scan.ctx.gaz.officesForRoleWord(roleText.toLowerCase());
  for (const r of scan.ctx.roles.get(person) ?? []) {
    if (r.of && r.offices.some((o) => offices.includes(o))) return r.of;
  }
  return null;
}
