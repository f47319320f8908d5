// Persons introduced with a role, read off the parse: title phrases the tree ties to the name
// after them ("Chinese Foreign Minister Wang Yi", in whichever shape the parser gives the title)
// and appositions ("Wang Yi, China's foreign minister"), with the affiliations they state. The
// tree decides which words form the phrase and which name it belongs to; the role lexicon
// (`roles.ts`) reads the words of the phrase.
import type { RoleTense } from '../gazetteer.ts';
import { knownPersonAt, skipHonorifics, spanText } from './person-names.ts';
import { appositionAfter, titleStart } from './tree.ts';
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

/** A person's name the sentence gives (word indices, `end` exclusive), from the name finder or the gazetteer. */
interface NameSpan {
  first: number;
  end: number;
  /** The name finder's label, or 'person' for a gazetteer holder's name. */
  label: string;
}

/** What the parse of one sentence ties to its names: title phrases before them, appositions after. */
interface Plan {
  /** Each word of a title phrase, with the name the phrase stands before. */
  titles: Map<number, NameSpan>;
  /** The first word of a person's name, with the words [from, to) of its appositions. */
  appositions: Map<number, { name: NameSpan; spans: { from: number; to: number }[] }>;
}

const plans = new WeakMap<Scan, Plan>();

/** Names of the sentence: the name finder's (person, or any label a title may precede) and the gazetteer's persons. */
function namesOf(scan: Scan): NameSpan[] {
  const { words, ctx } = scan;
  const out: NameSpan[] = [];
  for (let i = 0; i < words.length;) {
    const n = words[i]!.name;
    let end = i + 1;
    if (n) while (words[end]?.name?.index === n.index) end++;
    const g = words[i]!.cap ? ctx.gaz.matchAt(scan.keys, scan.surfs, i) : null;
    if (
      g &&
      g.end - i >= 2 &&
      g.entries.every((e) => e.kind === 'person') &&
      (!n || g.end >= end)
    ) {
      out.push({ first: i, end: g.end, label: 'person' });
      i = g.end;
    } else if (n && (n.label === 'person' || n.label === 'other')) {
      out.push({ first: i, end, label: n.label });
      i = end;
    } else if (
      !n &&
      words[i]!.pos === 'PROPN' &&
      words[i]!.cap &&
      !ctx.gaz.titleLastWords.has(words[i]!.key)
    ) {
      // A single word after a title ("President Ruto") is weighed by the title reading.
      out.push({ first: i, end: i + 1, label: 'single' });
      i++;
    } else i = end;
  }
  return out;
}

/** The first word of parser token `tok` (see `planOf`), or undefined. */
function wordOfToken(firstWord: Int32Array, tok: number): number | undefined {
  const k = tok >= 0 && tok < firstWord.length ? firstWord[tok]! : -1;
  return k >= 0 ? k : undefined;
}

/** Reads the parse once per sentence: which words form a title before which name, and appositions. */
function planOf(scan: Scan): Plan {
  let plan = plans.get(scan);
  if (plan) return plan;
  plan = { titles: new Map(), appositions: new Map() };
  const { words, tokens } = scan;
  // The first word of each parser token (-1 for none).
  const firstWord = new Int32Array(tokens.length).fill(-1);
  for (let k = words.length - 1; k >= 0; k--) firstWord[words[k]!.tok] = k;

  let floor = 0;
  for (const name of namesOf(scan)) {
    const nf = words[name.first]!.tok;
    const nl = words[name.end - 1]!.tok;
    const lo = wordOfToken(firstWord, titleStart(tokens, nf, nl, floor)) ?? name.first;
    // The next name's title starts after this person's name at the earliest.
    if (name.label === 'person') floor = nl + 1;
    // A name may carry title words the name finder ran into it ("Trade Sitiveni Rabuka").
    // A longer name wins over a single capitalised word inside its title ("Foreign").
    for (let k = lo; k < name.end - 1; k++) {
      if (plan.titles.get(k)?.label !== 'single' && plan.titles.has(k)) continue;
      if (name.label === 'single' && plan.titles.has(k)) continue;
      plan.titles.set(k, name);
    }
    if (name.label !== 'person') continue;
    const spans: { from: number; to: number }[] = [];
    for (const [lo, hi] of appositionAfter(tokens, nf, nl)) {
      const from = wordOfToken(firstWord, lo);
      if (from === undefined) continue;
      let to = from;
      while (to < words.length && words[to]!.tok <= hi) to++;
      if (to > from) spans.push({ from, to });
    }
    if (spans.length > 0) plan.appositions.set(name.first, { name, spans });
  }
  plans.set(scan, plan);
  return plan;
}

/** "Wang Yi, China's foreign minister," / "Jane Doe, a spokeswoman for the ministry": the parse's apposition. */
export function appositive(scan: Scan, i: number): number | null {
  const { ctx } = scan;
  const found = planOf(scan).appositions.get(i);
  if (!found) return null;
  const parsed = statedIn(scan, found.spans);
  if (!parsed) return null;
  const { name } = found;
  const nameStart = skipHonorifics(scan.words, name.first);
  if (name.end - nameStart < 2) return null;
  const text = spanText(ctx, scan.words, nameStart, name.end);
  const id = ctx.person(text, knownPersonAt(scan.words, nameStart, name.end, ctx));
  noteKnownRoles(ctx, id);
  affiliate(scan, id, parsed, scan.start(i), scan.end(parsed.role.roleEnd));
  ctx.mention(id, scan.start(nameStart), scan.end(name.end), scan.index, 'name');
  return name.end;
}

/** The first role stated by an apposition or one of its conjuncts. */
function statedIn(scan: Scan, spans: { from: number; to: number }[]): StatedRole | null {
  for (const span of spans) {
    const stated = appositionRole(scan, span.from, span.to);
    if (stated) return stated;
  }
  return null;
}

/**
 * The role of an apposition over words [j0, bound): "[who is] [the|a] [former] [China's] role
 * [of X]"; the role ends where the apposition does or at a comma, "and" or "of" inside it.
 */
function appositionRole(scan: Scan, j0: number, bound: number): StatedRole | null {
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
    if (at > bound) return false;
    return (
      at === bound ||
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
      if (at > bound) return false;
      return at === bound || k === undefined || k === ',' || k === '.' || k === ')' || k === ';';
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
 * "[the] [former] [Chinese|Russia's|Hamas] [title words][,] Firstname Lastname": a title phrase the
 * parse ties to the name after it, read from word `i`; the comma form ("Hungary's prime minister,
 * Viktor Orban,") needs a qualifier. The name is the name finder's or the gazetteer's; where the
 * name finder ran title words into it ("Trade Sitiveni Rabuka"), the title reading says where the
 * name starts.
 */
export function titled(scan: Scan, i: number): number | null {
  const { words, ctx } = scan;
  const plan = planOf(scan);
  const name0 =
    plan.titles.get(i) ?? (words[i]!.key === 'the' ? plan.titles.get(i + 1) : undefined);
  if (!name0) return null;
  const name: NameSpan = name0;
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
    if (at < name.first || at >= name.end) return false;
    // After a comma the name must close the phrase, not run on into a list ("X, Y and Z").
    const after = words[name.end];
    if (
      comma &&
      after &&
      ![',', '.', ')', ';', 'said', 'says'].includes(after.key) &&
      after.pos !== 'VERB' &&
      after.pos !== 'AUX'
    ) {
      return false;
    }
    nameStart = at;
    single = null;
    if (name.end - at === 1) {
      if (name.label !== 'single' && name.label !== 'person') return false;
      const id = singleName(scan, at, from, at0);
      if (!id) return false;
      single = id;
    } else if (name.label === 'single') return false;
    return true;
  });
  if (!role || nameStart < 0) return null;
  const nameEnd = name.end;
  const hasQualifier = !!mod || !!role.complement;
  // "the Minister for Foreign Affairs and Trade Penny Wong": a long capitalised title stands alone.
  const longTitle = words[role.roleStart]!.cap && role.roleEnd - role.roleStart >= 3;
  if (s > i && !hasQualifier && !t1 && !longTitle) return null;
  const text = spanText(ctx, words, nameStart, nameEnd);
  const knownId = single ?? knownPersonAt(words, nameStart, nameEnd, ctx);
  const id = ctx.person(text, knownId);
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
  const more = plan.appositions.get(name.first);
  const stated = more ? statedIn(scan, more.spans) : null;
  if (stated) affiliate(scan, id, stated, scan.start(from0), scan.end(stated.role.roleEnd));
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
