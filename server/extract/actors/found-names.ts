// Names the name finder found that no gazetteer entry or earlier reading took: organizations
// become actors (with the state the text ties them to), persons only when the parse gives them a
// public role (an apposition, a title in front, "X of Y", "Y's X").
import type { Mention, Sentence, Token } from '../types.ts';
import type { PhraseEntry } from '../gazetteer.ts';
import type { ActorContext } from './context.ts';
import { NOT_ORGS } from './acronym.ts';
import { isOrgHead } from './orgs.ts';
import { noteKnownRoles } from './role-references.ts';
import { MONTHS, WEEKDAYS, isAcronym, normKey, slugify } from '../names.ts';
import { caseTokenOf } from '../case-words.ts';
import { REACH, appositionAfter, headOf, subtreeRange, titleStart } from './tree.ts';

/** Role nouns beyond the gazetteer's titles that give a named person a public role. */
const EXTRA_ROLE_WORDS = new Set([
  'analyst',
  'nominee',
  'candidate',
  'expert',
  'coordinator',
  'investigator',
  'executive',
  'editor',
  'fellow',
  'strategist',
  'aide',
  'official',
  'officer',
  'spokesperson',
  'head',
  'deputy',
  'president',
  'representative',
  'rapporteur',
  'observer',
  'campaigner',
  'negotiator',
  'diplomat',
  'commissioner',
  'attorney',
  'lawyer',
  'partner',
  'founder',
  'manager',
  'member',
  'counterpart',
  'employee',
  'staffer',
]);

/** Status labels a government gives; a name made of them is a designation, not a body. */
const DESIGNATION = /\b(?:designated|designation|sanctioned|listed)\b/i;

/** True when a lower-cased word is the last word of a role or title. */
function isRoleWord(ctx: ActorContext, word: string): boolean {
  const key = normKey(word);
  return EXTRA_ROLE_WORDS.has(key) || ctx.gaz.titleLastWords.has(key) || ctx.gaz.titles.has(key);
}

interface Owner {
  actor: string;
  start: number;
  end: number;
}

/**
 * The mentions of sentence `index`: the scan reads sentences in order, so they are the last ones
 * pushed (walking back from the end keeps a long article linear).
 */
function ofSentence(ctx: ActorContext, index: number): Mention[] {
  const out: Mention[] = [];
  for (let k = ctx.mentions.length - 1; k >= 0; k--) {
    const m = ctx.mentions[k]!;
    if (m.sentence < index) break;
    if (m.sentence === index) out.push(m);
  }
  return out.reverse();
}

/** Removes one mention (found by identity, from the end). */
function removeMention(ctx: ActorContext, m: Mention): void {
  const k = ctx.mentions.lastIndexOf(m);
  if (k >= 0) ctx.mentions.splice(k, 1);
}

/** Mentions of states and organizations in this sentence, for the affiliation of a role. */
function bodiesIn(ctx: ActorContext, s: Sentence): Owner[] {
  const out: Owner[] = [];
  for (const m of ofSentence(ctx, s.index)) {
    // A body the scan read but has not made an actor yet has no entry: it is no person either.
    const kind = (ctx.actors.get(m.actor) ?? ctx.patternOrgs.get(m.actor) ?? ctx.gaz.byId(m.actor))
      ?.kind;
    if (kind !== 'person') out.push({ actor: m.actor, start: m.start, end: m.end });
  }
  return out;
}

interface FoundRole {
  role: string;
  of: Owner | null;
  start: number;
  end: number;
}

/** The first state or organization mention inside [start, end), if any. */
function ownerWithin(owners: Owner[], start: number, end: number): Owner | null {
  return owners.find((o) => o.start >= start && o.end <= end) ?? null;
}

/** The token after the last person's name the name finder found before token `first`, or 0. */
function personBefore(s: Sentence, first: number): number {
  let floor = 0;
  for (const n of s.names)
    if (n.label === 'person' && n.last < first) floor = Math.max(floor, n.last + 1);
  return floor;
}

/**
 * "Senior analyst Jan Novak", "Kenya's Deputy Governor nominee Amina Hassan": the title phrase the
 * parse ties to the name (`titleStart`), holding a role word, with the body it names or the state
 * or body possessive or demonym in front of it.
 */
function titleBefore(
  ctx: ActorContext,
  s: Sentence,
  first: number,
  last: number,
  owners: Owner[],
): FoundRole | null {
  const t = s.tokens;
  const lo = titleStart(t, first, last, personBefore(s, first));
  if (lo >= first) return null;
  let roleAt = -1;
  let from = lo;
  for (let k = first - 1; k >= lo; k--) {
    if (/^NN/.test(t[k]!.xpos) && isRoleWord(ctx, t[k]!.text)) {
      roleAt = k;
      break;
    }
  }
  if (roleAt < 0) return null;
  // "Resident Coordinator for Nepal Anil Thapa": a body inside the title, after "for"/"of".
  let of: Owner | null = null;
  for (const o of owners) {
    if (o.start < t[roleAt]!.end || o.end > t[first - 1]!.end) continue;
    const at = t.findIndex((x) => x.start === o.start);
    const prep = t[at - 1]?.text.toLowerCase();
    if (prep === 'for' || prep === 'of') of = o;
  }
  // The body in front: "Kenya's", "Kenyan", "Jamestown Foundation".
  while (from < roleAt) {
    const w = t[from]!;
    const owner = owners.find((o) => o.start <= w.start && w.end <= o.end);
    if (!owner && !/^(?:DT|POS)$/.test(w.xpos)) break;
    of ??= owner ?? null;
    from++;
  }
  if (from > roleAt || !/^(?:NN|JJ)/.test(t[from]!.xpos)) from = roleAt;
  const role = ctx.text.slice(t[from]!.start, t[roleAt]!.end);
  const start = of && of.start < t[from]!.start ? of.start : t[from]!.start;
  return { role, of, start, end: t[first - 1]!.end };
}

/** "Jan Novak, a researcher at the Baltic Institute" or "the agency's head, Jan Novak". */
function apposition(
  ctx: ActorContext,
  s: Sentence,
  first: number,
  last: number,
  owners: Owner[],
): FoundRole | null {
  const t = s.tokens;
  const head = headOf(t, first, last);
  const candidates: number[] = [];
  const to = Math.min(t.length, last + REACH);
  for (let k = Math.max(0, first - REACH); k < to; k++) {
    if (k >= first && k <= last) continue;
    if (t[k]!.deprel === 'appos' && t[k]!.head >= first && t[k]!.head <= last) candidates.push(k);
  }
  if (t[head]!.deprel === 'appos' && t[head]!.head >= 0) candidates.push(t[head]!.head);
  // Appositions the parser hung elsewhere, and the conjuncts of one ("an exile and the head of Y").
  for (const [lo, hi] of appositionAfter(t, first, last)) candidates.push(headOf(t, lo, hi));
  for (const c of candidates) {
    if (!/^(?:NN|JJ)/.test(t[c]!.xpos)) continue;
    let [lo, hi] = subtreeRange(t, c);
    // The name's own subtree stays out of the role phrase.
    if (lo <= last && hi >= first) {
      if (first > c) hi = first - 1;
      else lo = last + 1;
    }
    while (hi > lo && t[hi]!.xpos === ',') hi--;
    while (lo < hi && /^(?:,|DT)$/.test(t[lo]!.xpos)) lo++;
    const role =
      isRoleWord(ctx, t[c]!.text) && /^NN/.test(t[c]!.xpos) ? c : roleNounIn(ctx, t, lo, hi);
    if (role < 0) continue;
    const start = t[lo]!.start;
    const end = t[hi]!.end;
    // A body whose name starts in the phrase after the role word, though the parser hung the rest
    // of the name elsewhere ("the head of the Gulf of Aden Fisheries Board" split after "Gulf").
    const of =
      ownerWithin(owners, start, end) ??
      owners.find((o) => o.start > t[role]!.end && o.start < end) ??
      null;
    return { role: t[role]!.text, of, start, end };
  }
  return null;
}

/**
 * "senior associate politics and international studies professor at X": where the parser made
 * another word the phrase's head, the role noun is the last one before the phrase's first
 * preposition; its token, or -1.
 */
function roleNounIn(ctx: ActorContext, t: Token[], lo: number, hi: number): number {
  let found = -1;
  for (let k = lo; k <= hi; k++) {
    if (t[k]!.xpos === 'IN') break;
    if (/^NN/.test(t[k]!.xpos) && isRoleWord(ctx, t[k]!.text)) found = k;
  }
  return found;
}

/** Verbs of a relative clause that give its subject a post: "who heads the Ports Union". */
const HOLDING_VERBS: Record<string, string> = {
  head: 'head',
  lead: 'leader',
  chair: 'chair',
  direct: 'director',
  run: 'head',
  command: 'commander',
  found: 'founder',
  represent: 'representative',
};

/** "Jan Novak, who heads the Baltic Institute,": a relative clause whose object is a body. */
function relativeRole(s: Sentence, first: number, last: number, owners: Owner[]): FoundRole | null {
  const t = s.tokens;
  const to = Math.min(t.length, last + REACH);
  // "X, who heads Y, said": the parser may hang the clause on the main verb; its "who" right
  // after the name's comma still ties it to the name.
  const whoAt = t[last + 1]?.xpos === ',' ? last + 2 : last + 1;
  const who = /^who$/i.test(t[whoAt]?.text ?? '') ? t[whoAt]!.head : -1;
  for (let k = last + 1; k < to; k++) {
    const v = t[k]!;
    const onName = v.deprel === 'acl:relcl' && v.head >= first && v.head <= last;
    if (!onName && k !== who) continue;
    const role = HOLDING_VERBS[v.lemma];
    if (!role) return null;
    for (let o = k + 1; o < to; o++) {
      if (t[o]!.head !== k || t[o]!.deprel !== 'obj') continue;
      const [lo, hi] = subtreeRange(t, o);
      // The body the object names itself, before a state that only owns it.
      const head = t[o]!;
      const of =
        owners.find((x) => x.start <= head.start && head.end <= x.end) ??
        ownerWithin(owners, t[lo]!.start, t[hi]!.end);
      return of ? { role, of, start: v.start, end: of.end } : null;
    }
    return null;
  }
  return null;
}

/** Verbs of a career whose "as" phrase names a post their subject holds or held. */
const CAREER_VERBS = new Set([
  'serve',
  'work',
  'resign',
  'remain',
  'retire',
  'quit',
  'elect',
  'reelect',
  're-elect',
  'appoint',
  'name',
  'nominate',
  'install',
  'swear',
  'return',
  'continue',
  'act',
  'step',
  'confirm',
  'choose',
  'select',
  'succeed',
  'replace',
  'join',
]);

/** Verbs that give a post to their object, or to their passive subject: "named Novak as envoy". */
const APPOINTING = new Set([
  'name',
  'appoint',
  'elect',
  'reelect',
  're-elect',
  'choose',
  'select',
  'nominate',
  'designate',
  'install',
  'confirm',
  'replace',
  'succeed',
]);

/** Verbs whose "as" phrase only characterizes: "was described as a strong leader". */
const CHARACTERIZING = new Set([
  'describe',
  'see',
  'regard',
  'view',
  'consider',
  'know',
  'call',
  'label',
  'brand',
  'hail',
  'portray',
  'present',
  'treat',
  'identify',
  'recognize',
  'recognise',
  'depict',
  'dismiss',
]);

/** Nouns of a spell in office that a person possesses: "Novak's term as mayor". */
const TENURE_NOUNS = new Set(['term', 'tenure', 'time', 'stint', 'years', 'career', 'spell']);

/**
 * "Novak served as prime minister of Slovakia", "Novak took bribes during his term as mayor",
 * "Novak, who resigned as leader of the party", "Novak's term as mayor": an "as" phrase with a role
 * noun on the verb whose subject is the name (not a verb that only characterizes, nor one that
 * gives its object the post), on a career verb of the name's relative clause, or on a tenure noun
 * the name (or "his"/"her" on its verb) possesses.
 */
function asRole(
  ctx: ActorContext,
  s: Sentence,
  first: number,
  last: number,
  owners: Owner[],
): FoundRole | null {
  const t = s.tokens;
  const head = headOf(t, first, last);
  const hosts: number[] = [];
  const rel = t[head]!.deprel;
  const above = t[head]!.head;
  if (above >= 0 && rel === 'nmod:poss' && TENURE_NOUNS.has(t[above]!.lemma)) hosts.push(above);
  // "Kovacs took bribes during his term as prime minister", "Kovacs, as foreign minister, signed
  // the pact": an "as" phrase on the name's own verb (or on a tenure noun there that "his" or
  // "her" possesses), unless the verb gives its object the post ("named Y as envoy").
  if (above >= 0 && /^nsubj/.test(rel)) {
    const verb = t[above]!.lemma;
    const objectTakesIt =
      APPOINTING.has(verb) &&
      rel === 'nsubj' &&
      t.some((x) => x.head === above && x.deprel === 'obj');
    if (!CHARACTERIZING.has(verb) && !objectTakesIt) hosts.push(above);
    for (let k = 0; k < t.length; k++) {
      if (t[k]!.head !== above || !TENURE_NOUNS.has(t[k]!.lemma)) continue;
      const owner = t.findIndex((x) => x.head === k && x.deprel === 'nmod:poss');
      if (owner >= 0 && /^(?:his|her)$/i.test(t[owner]!.text)) hosts.push(k);
    }
  }
  const to = Math.min(t.length, last + REACH);
  for (let k = last + 1; k < to; k++) {
    const v = t[k]!;
    if (v.deprel === 'acl:relcl' && v.head >= first && v.head <= last && CAREER_VERBS.has(v.lemma))
      hosts.push(k);
  }
  if (hosts.length === 0) return null;
  for (let r = 0; r < t.length; r++) {
    if (!hosts.includes(t[r]!.head) || !/^NN/.test(t[r]!.xpos)) continue;
    const caseAt = caseTokenOf(t, r);
    if (caseAt < 0 || t[caseAt]!.text.toLowerCase() !== 'as') continue;
    const [lo, hi] = subtreeRange(t, r);
    const roleAt = isRoleWord(ctx, t[r]!.text) ? r : roleNounIn(ctx, t, caseAt + 1, hi);
    if (roleAt < 0) continue;
    let from = caseAt + 1;
    while (from < roleAt && t[from]!.xpos === 'DT') from++;
    const role = ctx.text.slice(t[from]!.start, t[roleAt]!.end);
    const of = ownerWithin(owners, t[Math.max(lo, caseAt)]!.start, t[hi]!.end);
    return {
      role,
      of,
      start: t[caseAt]!.start,
      end: of ? Math.max(of.end, t[roleAt]!.end) : t[roleAt]!.end,
    };
  }
  return null;
}

/**
 * "The AU's special envoy for Sudan is calling for a truce. Amara Diallo issued the appeal in
 * Addis Ababa.": a lead that names a post and, in the next sentence, the person holding it. The
 * name must be that sentence's subject, and the sentence before must have as its subject a
 * definite role phrase with no name in it or apposed to it. Returns the role with the
 * phrase's span, in the sentence before.
 */
function ledeRole(
  ctx: ActorContext,
  s: Sentence,
  first: number,
  last: number,
  article: Sentence[],
): (FoundRole & { sentence: number; nounStart: number }) | null {
  const t = s.tokens;
  const head = headOf(t, first, last);
  if (!/^nsubj/.test(t[head]!.deprel) || t[t[head]!.head]?.head !== -1) return null;
  // An article's sentences sit at their own index (sentencesOf numbers them in order).
  const candidate = article[s.index - 1];
  const before = candidate?.index === s.index - 1 ? candidate : undefined;
  if (!before) return null;
  const p = before.tokens;
  const root = p.findIndex((x) => x.head === -1);
  if (root < 0) return null;
  // The root's subject, or that of the verb a copula or auxiliary chain leaves as the root.
  const subject = p.findIndex((x) => x.head === root && /^nsubj/.test(x.deprel));
  if (subject < 0 || !/^NN/.test(p[subject]!.xpos) || !isRoleWord(ctx, p[subject]!.text))
    return null;
  const kids = p.filter((x) => x.head === subject);
  const definite = kids.some(
    (x) => (x.deprel === 'det' && /^the$/i.test(x.text)) || x.deprel === 'nmod:poss',
  );
  if (!definite || kids.some((x) => /^(?:appos|acl:relcl)$/.test(x.deprel))) return null;
  const [lo, hi] = subtreeRange(p, subject);
  if (before.names.some((n) => n.label === 'person' && n.first <= hi && n.last >= lo)) return null;
  if (overlapsPerson(ctx, before.index, p[lo]!.start, p[hi]!.end)) return null;
  const owners = bodiesIn(ctx, before);
  let from = lo;
  while (from < subject && /^(?:DT|POS)$/.test(p[from]!.xpos)) from++;
  const inside = owners.filter((o) => o.start >= p[lo]!.start && o.end <= p[hi]!.end);
  // The body in front of the role noun owns the post ("the AU's envoy for Sudan"); else the one after.
  const of = inside.find((o) => o.end <= p[subject]!.start) ?? inside[0] ?? null;
  let roleFrom = from;
  while (
    roleFrom < subject &&
    inside.some((o) => o.start <= p[roleFrom]!.start && p[roleFrom]!.end <= o.end)
  )
    roleFrom++;
  while (roleFrom < subject && /^(?:DT|POS)$/.test(p[roleFrom]!.xpos)) roleFrom++;
  const role = ctx.text.slice(p[roleFrom]!.start, p[subject]!.end);
  const nounStart = p[roleFrom]!.start;
  return { role, of, start: p[lo]!.start, end: p[subject]!.end, sentence: before.index, nounStart };
}

/** True when a person mention overlaps [start, end) in that sentence. */
function overlapsPerson(ctx: ActorContext, sentence: number, start: number, end: number): boolean {
  return ofSentence(ctx, sentence).some(
    (m) => m.start < end && start < m.end && ctx.actors.get(m.actor)?.kind === 'person',
  );
}

/**
 * "the militia, now led by Hassan Farah", "a delegation headed by Lina Haddad": the name is the
 * agent of a holding verb ("lead", "head", "chair") whose subject or noun is the body it leads.
 */
function ledBy(s: Sentence, first: number, last: number, owners: Owner[]): FoundRole | null {
  const t = s.tokens;
  const head = headOf(t, first, last);
  let v = t[head]!.head;
  const caseAt = caseTokenOf(t, head);
  const agent = v >= 0 && /^obl/.test(t[head]!.deprel) && t[caseAt]?.text.toLowerCase() === 'by';
  // "led by Hassan Farah" where the parser hung "by" or the name elsewhere: the words still say it.
  if (!agent) {
    if (t[first - 1]?.text.toLowerCase() !== 'by' || first < 2) return null;
    v = first - 2;
  }
  const role = HOLDING_VERBS[t[v]!.lemma];
  if (!role || t[v]!.xpos !== 'VBN') return null;
  // The body led: the passive subject, or the noun the participle modifies.
  const led = /^acl/.test(t[v]!.deprel)
    ? t[v]!.head
    : t.findIndex((x) => x.head === v && x.deprel === 'nsubj:pass');
  let of: Owner | null = null;
  if (led >= 0) {
    const [lo, hi] = subtreeRange(t, led);
    of = ownerWithin(owners, t[lo]!.start, t[Math.min(hi, v - 1 >= lo ? v - 1 : hi)]!.end);
  }
  return { role, of, start: t[v]!.start, end: t[last]!.end };
}

/**
 * The role the parse gives a person's name: a title in front, an apposition, a relative clause,
 * "of", an "as" phrase of a career verb or tenure noun, or the agent of "led by".
 */
function roleOf(
  ctx: ActorContext,
  s: Sentence,
  first: number,
  last: number,
  owners: Owner[],
): FoundRole | null {
  return (
    titleBefore(ctx, s, first, last, owners) ??
    apposition(ctx, s, first, last, owners) ??
    relativeRole(s, first, last, owners) ??
    ofBody(s, first, last, owners) ??
    asRole(ctx, s, first, last, owners) ??
    ledBy(s, first, last, owners)
  );
}

/**
 * "Jan Novak of the Baltic Institute", "Novak, of the Baltic Institute,": an "of" phrase the parse
 * hangs on the name, or right after it wherever the parser hung it, naming a body.
 */
function ofBody(s: Sentence, first: number, last: number, owners: Owner[]): FoundRole | null {
  const t = s.tokens;
  const to = Math.min(t.length, last + REACH);
  for (let c = last + 1; c < to; c++) {
    const node = t[c]!;
    const caseAt = caseTokenOf(t, c);
    if (caseAt < 0 || t[caseAt]!.text.toLowerCase() !== 'of') continue;
    const onName = node.head >= first && node.head <= last && /^(?:nmod|appos)$/.test(node.deprel);
    const next = t[last + 1]?.xpos === ',' ? last + 2 : last + 1;
    if (!onName && caseAt !== next) continue;
    const of = owners.find((o) => o.start <= node.start && node.end <= o.end);
    if (!of) return null;
    return { role: 'member', of, start: t[caseAt]!.start, end: of.end };
  }
  return null;
}

function overlaps(ctx: ActorContext, sentence: number, start: number, end: number): boolean {
  for (let k = ctx.mentions.length - 1; k >= 0; k--) {
    const m = ctx.mentions[k]!;
    if (m.sentence < sentence) break;
    if (m.sentence === sentence && m.start < end && start < m.end) return true;
  }
  return false;
}

/**
 * "Radio Mogadishu", "European Council on Foreign Relations": a state, capital or shorter body
 * read inside a longer organization name is part of that name; its mention goes (and its actor,
 * when nothing else names it). A coordination ("NATO and the EU") is two names, not one.
 */
function dropInnerNames(
  ctx: ActorContext,
  sentence: number,
  start: number,
  end: number,
): Mention[] {
  const inner = ofSentence(ctx, sentence).filter((m) => m.start < end && start < m.end);
  if (inner.length === 0) return [];
  const text = ctx.text.slice(start, end);
  // "Japan-Korea talks": a name made only of states is those states, not a body.
  let rest = text;
  for (const m of inner) {
    const a = Math.max(0, m.start - start);
    const b = Math.min(text.length, m.end - start);
    rest = rest.slice(0, a) + ' '.repeat(Math.max(0, b - a)) + rest.slice(b);
  }
  if (/^[\s\u2010-\u2013&-]*(?:and[\s-]*)?[\s\u2010-\u2013&-]*$/.test(rest)) return [];
  const complement = /\b(?:of|on|for)\b/.exec(text)?.index ?? text.length;
  if (/,|\band\b|&/.test(text.slice(0, complement))) return [];
  const strictlyInside = inner.every(
    (m) =>
      m.start >= start &&
      m.end <= end &&
      m.end - m.start < end - start &&
      ctx.actors.get(m.actor)?.kind !== 'person' &&
      !ctx.text.slice(m.end, end).startsWith("'"),
  );
  if (!strictlyInside) return [];
  for (const m of inner) {
    removeMention(ctx, m);
    ctx.forgetIfUnused(m.actor);
  }
  return inner;
}

/**
 * "Committee on Trade" read first, then "Committee on Trade, Industry and Tourism": the shorter
 * reading of the same body (the start of its name, no gazetteer entry) becomes the longer one.
 */
function takeOverShorter(ctx: ActorContext, dropped: Mention[], start: number, id: string): void {
  const name = ctx.actors.get(id)?.name ?? '';
  for (const m of dropped) {
    const short = ctx.actors.get(m.actor);
    if (!short || short.id === id || short.kind !== 'organization' || ctx.gaz.byId(short.id)) {
      continue;
    }
    if (m.start !== start || !name.startsWith(short.name)) continue;
    for (const x of ctx.mentions) if (x.actor === short.id) x.actor = id;
    for (const a of ctx.affiliations) if (a.of === short.id) a.of = id;
    for (const roles of ctx.roles.values()) for (const r of roles) if (r.of === short.id) r.of = id;
    ctx.actors.delete(short.id);
  }
}

/** "Mohamed Aden Ibbi": a capital or state read inside a person's name is part of the name. */
function dropInnerStates(ctx: ActorContext, sentence: number, start: number, end: number): void {
  const inner = ofSentence(ctx, sentence).filter(
    (m) =>
      m.start >= start &&
      m.end <= end &&
      m.end - m.start < end - start &&
      ctx.actors.get(m.actor)?.kind === 'state',
  );
  for (const m of inner) {
    removeMention(ctx, m);
    ctx.forgetIfUnused(m.actor);
  }
}

/** The state a body is tied to by a possessive or demonym right before it ("Kenya's", "Kenyan"). */
function stateBefore(ctx: ActorContext, s: Sentence, first: number): string | null {
  const t = s.tokens;
  let k = first - 1;
  if (t[k]?.xpos === 'POS') k--;
  const w = t[k];
  if (!w) return null;
  const m = ofSentence(ctx, s.index).find((x) => x.end === w.end);
  const a = m ? (ctx.actors.get(m.actor) ?? ctx.gaz.byId(m.actor)) : undefined;
  return a?.kind === 'state' ? a.id : null;
}

/** Capitalised name words from `k`; the index after them. */
function capitalRun(t: Token[], k: number): number {
  while (t[k] && /^[A-Z]/.test(t[k]!.text) && /^(?:NN|JJ)/.test(t[k]!.xpos)) k++;
  return k;
}

/** Last token of an organization's name whose portfolio list ("X, Y and Z") runs on after `last`. */
function listedTail(t: Token[], last: number): number {
  let k = last + 1;
  while (t[k]?.text === ',' && /^[A-Z]/.test(t[k + 1]?.text ?? '')) {
    const after = capitalRun(t, k + 1);
    if (after === k + 1) return last;
    k = after;
  }
  if (t[k]?.text !== 'and' || !/^[A-Z]/.test(t[k + 1]?.text ?? '')) return last;
  const end = capitalRun(t, k + 1);
  return end > k + 1 ? end - 1 : last;
}

/**
 * A name that is only a fragment or a common word: no actor. A person's surname alone (`surname`)
 * is left to the readings that tie it to a full name.
 */
function implausible(
  s: Sentence,
  first: number,
  last: number,
  text: string,
  surname = false,
): boolean {
  const t = s.tokens;
  for (let k = first; k <= last; k++) {
    const key = t[k]!.text.toLowerCase();
    if (WEEKDAYS.has(key) || MONTHS.has(key)) return true;
  }
  // "Paris-based", "Hague-based": a place word, not the name of a body.
  if (t[last + 1]?.text === '-' || /-$/.test(text)) return true;
  if (t[last + 1] && /^-?based$/i.test(t[last + 1]!.text)) return true;
  if (first === last && !surname) {
    // One word alone is a body only as an acronym ("NTV"), never as the modifier of a common
    // noun ("EV tariffs"); single capitalised words are too often places, peoples or fragments.
    const w = t[first]!;
    if (!isAcronym(w.text) || w.text.length < 3) return true;
    if (NOT_ORGS.has(w.text.replace(/\./g, '').toUpperCase())) return true;
    const head = t[w.head];
    if (/^(?:compound|amod)$/.test(w.deprel) && head && /^NNS?$/.test(head.xpos)) return true;
  }
  return false;
}

/**
 * A name an earlier reading already took whole: the parse may still state what that reading
 * missed, a person's role and body ("Kofi Mensah, the secretary-general of the Ports Union") or a
 * body's state ("Kenya's Lake Basin Water Authority").
 */
function completeEarlierReading(
  ctx: ActorContext,
  s: Sentence,
  label: string,
  first: number,
  last: number,
  owners: Owner[],
): void {
  const t = s.tokens;
  const start = t[first]!.start;
  const end = t[last]!.end;
  const m = ofSentence(ctx, s.index).find((x) => x.start === start && x.end === end);
  const actor = m ? ctx.actors.get(m.actor) : undefined;
  if (!m || !actor) return;
  if (label !== 'person' || actor.kind !== 'person') return;
  if (ctx.affiliations.some((a) => a.person === actor.id)) return;
  const role = roleOf(ctx, s, first, last, owners);
  if (!role) return;
  role.of ??= ofBody(s, first, last, owners)?.of ?? null;
  if (!role.of) return;
  ctx.addKnown(role.of.actor);
  ctx.addAffiliation(
    actor.id,
    role.of.actor,
    role.role,
    Math.min(role.start, start),
    Math.max(role.end, end),
  );
}

/**
 * "the [U.N.] Security Council": a shared name after an organization's mention (brackets and
 * quotes between) is that organization's body when the gazetteer knows the two together; the
 * organization's mention becomes a modifier. The body's entry, or null.
 */
function ownedBody(
  ctx: ActorContext,
  s: Sentence,
  first: number,
  text: string,
): PhraseEntry | null {
  const t = s.tokens;
  let k = first - 1;
  while (k >= 0 && /^[\])}"'\u201d\u2019]$/.test(t[k]!.text)) k--;
  const before = t[k];
  if (!before) return null;
  const owner = ofSentence(ctx, s.index).find((m) => m.end === before.end);
  const org = owner ? ctx.actors.get(owner.actor) : undefined;
  const known = org ? ctx.gaz.byId(org.id) : undefined;
  if (!owner || !known || known.kind !== 'organization') return null;
  for (const form of [known.name, ...known.aliases]) {
    const hit = ctx.gaz
      .lookup(`${form} ${text}`)
      .find((e) => e.kind === 'organization' && !e.ambiguous);
    if (hit) {
      owner.attributive = true;
      return hit;
    }
  }
  return null;
}

/** Collective plurals that open a body's name in the possessive ("People's", "Women's"). */
const COLLECTIVES = new Set([
  'people',
  'women',
  'men',
  'children',
  'workers',
  'farmers',
  'citizens',
]);

/** True when token `k` is a capitalised collective plural before a possessive marker. */
function collectiveAt(t: Token[], k: number): boolean {
  const w = t[k];
  return !!w && /^[A-Z]/.test(w.text) && COLLECTIVES.has(w.text.toLowerCase());
}

/** Reads the name finder's names of one sentence after the other recognisers have run on it. */
export function foundNames(ctx: ActorContext, s: Sentence, article: Sentence[]): void {
  readNames(ctx, s, article);
  possessedBodies(ctx, s);
}

/** "Kenya's Lake Basin Water Authority": a body read with no state takes the state in front. */
function possessedBodies(ctx: ActorContext, s: Sentence): void {
  for (const m of ofSentence(ctx, s.index)) {
    const actor = ctx.actors.get(m.actor);
    if (actor?.kind !== 'organization' || actor.country !== null || ctx.gaz.byId(actor.id))
      continue;
    const first = s.tokens.findIndex((x) => x.start === m.start);
    const state = first > 0 ? stateBefore(ctx, s, first) : null;
    if (state) actor.country = state;
  }
}

function readNames(ctx: ActorContext, s: Sentence, article: Sentence[]): void {
  if (s.names.length === 0) return;
  const t = s.tokens;
  // Organizations first, so a person's "of" or apposition can find the body named after them. A
  // name of several words left unlabelled is an organization when its last word heads one.
  const ordered = [
    ...s.names.filter(
      (n) =>
        n.label === 'organization' ||
        (n.label === 'other' && n.last > n.first && isOrgHead(t[n.last]!.text)),
    ),
    ...s.names.filter((n) => n.label === 'person'),
  ].map((n) => (n.label === 'other' ? { ...n, label: 'organization' as const } : n));
  for (const n of ordered) {
    let first = n.first;
    while (first < n.last && /^(?:the|a|an)$/i.test(t[first]!.text)) first++;
    // "Istanbul's Kadir Has University": the owner in front is not part of the name.
    // "Kenya's People's Liberation Front": only the owner in front is cut off.
    for (let k = first + 1; k < n.last; k++) {
      if (t[k]!.xpos === 'POS' && !collectiveAt(t, k - 1)) {
        first = k + 1;
        break;
      }
    }
    // "Thailand's People's Justice Foundation" with "People's" left out of the span: it is part
    // of the name.
    if (n.label === 'organization' && t[first - 1]?.xpos === 'POS' && collectiveAt(t, first - 2)) {
      first -= 2;
    }
    // "Nepal Anil Thapa": a state the name finder ran into a person's name stays the state.
    if (n.label === 'person') {
      for (const m of ofSentence(ctx, s.index)) {
        if (m.start !== t[first]!.start) continue;
        if (ctx.actors.get(m.actor)?.kind !== 'state') continue;
        while (first < n.last && t[first]!.end <= m.end) first++;
      }
    }
    let last = n.last;
    // "Bureau of European and Eurasian Affairs", "Committee on Trade, Industry and Tourism": a
    // name cut at its "and" or at the comma of its list reads on.
    if (n.label === 'organization' && /\b(?:of|on|for)\b/.test(ctx.text.slice(n.start, n.end))) {
      last = listedTail(t, last);
    }
    // "Security Council on Monday": a name run on into a date ends before its preposition.
    for (let k = first + 2; k <= last; k++) {
      const key = t[k]!.text.toLowerCase();
      if ((WEEKDAYS.has(key) || MONTHS.has(key)) && t[k - 1]!.xpos === 'IN') {
        last = k - 2;
        break;
      }
    }
    const start = t[first]!.start;
    const end = t[last]!.end;
    const text = ctx.text.slice(start, end);
    if (implausible(s, first, last, text, n.label === 'person')) continue;
    if (n.label === 'person') dropInnerStates(ctx, s.index, start, end);
    const dropped =
      n.label === 'organization' && !DESIGNATION.test(text)
        ? dropInnerNames(ctx, s.index, start, end)
        : [];
    if (overlaps(ctx, s.index, start, end)) {
      completeEarlierReading(ctx, s, n.label, first, last, bodiesIn(ctx, s));
      continue;
    }
    const owners = bodiesIn(ctx, s);
    if (n.label === 'organization') {
      if (DESIGNATION.test(text)) continue;
      // A shared alias ("Communist Party") is left to the readings that know its state, unless an
      // organization named right before it says whose it is ("the [U.N.] Security Council").
      let entries = ctx.gaz.lookup(text);
      if (entries.some((e) => e.ambiguous)) {
        const owned = ownedBody(ctx, s, first, text);
        if (!owned) continue;
        entries = [owned];
      }
      const known = entries.find((e) => e.kind !== 'person');
      let id: string;
      if (known) {
        id = known.id;
        ctx.addKnown(id);
      } else {
        id = slugify(text);
        if (!id) continue;
        if (!ctx.actors.has(id)) {
          const country = stateBefore(ctx, s, first);
          ctx.registerPatternOrg({ id, name: text, kind: 'organization', country });
          ctx.addKnown(id);
        }
        ctx.names.set(
          normKey(text)
            .split(/[\s-]+/)
            .filter(Boolean)
            .join(' '),
          id,
        );
      }
      ctx.mention(id, start, end, s.index, 'name');
      takeOverShorter(ctx, dropped, start, id);
      continue;
    }
    // "Quintero, the former president of Venezuela": a surname alone is a person when the
    // article names one person with it in full.
    const full = last === first ? fullNameOf(ctx.text, article, text) : text;
    if (!full) continue;
    const stated = roleOf(ctx, s, first, last, owners);
    const lede = stated ? null : ledeRole(ctx, s, first, last, article);
    const role = stated ?? lede;
    if (!role) continue;
    role.of ??= ofBody(s, first, last, owners)?.of ?? null;
    const known = ctx.gaz.lookup(full).find((e) => e.kind === 'person');
    const id = ctx.person(full, known ? known.id : null);
    // The lead's role phrase is the first mention of the person it introduces.
    if (lede) {
      ctx.mention(id, lede.nounStart, lede.end, lede.sentence, 'role');
      ctx.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
    }
    noteKnownRoles(ctx, id);
    if (role.of) {
      ctx.addKnown(role.of.actor);
      ctx.addAffiliation(
        id,
        role.of.actor,
        role.role,
        Math.min(role.start, start),
        Math.max(role.end, end),
      );
    } else ctx.addRoleOnly(id, role.role);
    ctx.mention(id, start, end, s.index, full === text ? 'name' : 'surname');
  }
}

/** Per article, the full name each surname stands for (or null), read once. */
const fullNames = new WeakMap<Sentence[], Map<string, string | null>>();

/**
 * The full name (two words or more) the name finder found for a surname in the article: the only
 * one, or, when relatives share it ("Varga, his wife, Ilona Varga, and his son, Peter Varga"),
 * the person named first, provided the surname stands alone before any other bearer is named.
 */
function fullNameOf(whole: string, article: Sentence[], surname: string): string | null {
  const key = normKey(surname);
  let cache = fullNames.get(article);
  if (!cache) fullNames.set(article, (cache = new Map()));
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const found = new Map<string, { text: string; at: number }>();
  let bare = Infinity;
  for (const s of article) {
    for (const n of s.names) {
      if (n.label !== 'person' || n.last === n.first) continue;
      let last = n.last;
      while (last > n.first && /^(?:POS|,)$/.test(s.tokens[last]!.xpos)) last--;
      if (last === n.first || normKey(s.tokens[last]!.text) !== key) continue;
      let first = n.first;
      while (first < last && /^(?:the|a|an)$/i.test(s.tokens[first]!.text)) first++;
      // "US Sanction": an acronym or a common noun inside is no person's name.
      const words = s.tokens.slice(first, last + 1);
      if (words.some((x) => (isAcronym(x.text) && x.text.length > 1) || /^NNS?$/.test(x.xpos)))
        continue;
      const text = whole.slice(s.tokens[first]!.start, s.tokens[last]!.end);
      const at = s.tokens[first]!.start;
      const prev = found.get(nameKey(text));
      if (!prev || at < prev.at) found.set(nameKey(text), { text, at });
    }
    if (bare < Infinity) continue;
    for (let k = 0; k < s.tokens.length; k++) {
      if (normKey(s.tokens[k]!.text) !== key) continue;
      const inName = s.names.some(
        (n) => n.label === 'person' && n.first < n.last && n.first <= k && k <= n.last,
      );
      if (!inName) {
        bare = s.tokens[k]!.start;
        break;
      }
    }
  }
  const byFirst = [...found.values()].sort((a, b) => a.at - b.at);
  let out: string | null = null;
  if (byFirst.length === 1) out = byFirst[0]!.text;
  else if (byFirst.length > 1 && byFirst[0]!.at < bare && bare < byFirst[1]!.at)
    out = byFirst[0]!.text;
  cache.set(key, out);
  return out;
}

/** A person's name as the article's name index keys it ("Jean-Luc Mba" -> "jean luc mba"). */
function nameKey(text: string): string {
  return normKey(text)
    .split(/[\s-]+/)
    .filter(Boolean)
    .join(' ');
}

/**
 * The person a name-finder span names once the whole article is read: its full name, or its
 * surname alone when only one person of the article bears it. Null for anyone else.
 */
function personNamed(ctx: ActorContext, text: string): string | null {
  const key = nameKey(text);
  const full = ctx.names.get(key);
  if (full) return ctx.actors.get(full)?.kind === 'person' ? full : null;
  if (key.includes(' ')) return null;
  const ids = [...(ctx.surnames.get(key) ?? [])].filter(
    (id) => ctx.actors.get(id)?.kind === 'person',
  );
  return ids.length === 1 ? ids[0]! : null;
}

/**
 * "Ruto spoke in Nairobi. ... Ruto, Kenya's president, later said": a person the article gives a
 * public role in one place is an actor everywhere it names them. Once every sentence is read, the
 * name finder's person names no reading took, and that name (or surname) a person the article
 * made an actor, become mentions of that person; the mentions are then put back in text order.
 */
export function lateMentions(ctx: ActorContext, sentences: Sentence[]): void {
  const taken = new Map<number, Mention[]>();
  for (const m of ctx.mentions) {
    const list = taken.get(m.sentence) ?? [];
    list.push(m);
    taken.set(m.sentence, list);
  }
  let added = false;
  for (const s of sentences) {
    const t = s.tokens;
    for (const n of s.names) {
      if (n.label !== 'person') continue;
      let first = n.first;
      let last = n.last;
      while (first < last && /^(?:the|a|an)$/i.test(t[first]!.text)) first++;
      while (last > first && /^(?:POS|,)$/.test(t[last]!.xpos)) last--;
      const start = t[first]!.start;
      const end = t[last]!.end;
      const inSentence = taken.get(s.index) ?? [];
      if (inSentence.some((m) => m.start < end && start < m.end)) continue;
      const text = ctx.text.slice(start, end);
      if (implausible(s, first, last, text, true)) continue;
      const id = personNamed(ctx, text);
      if (!id) continue;
      const m: Mention = {
        actor: id,
        start,
        end,
        sentence: s.index,
        via: first === last ? 'surname' : 'name',
      };
      ctx.mentions.push(m);
      inSentence.push(m);
      taken.set(s.index, inSentence);
      added = true;
    }
  }
  if (added) ctx.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
}
