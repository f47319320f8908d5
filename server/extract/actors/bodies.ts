// Organizations found by pattern rather than the gazetteer: acronyms, bodies described by a noun
// ("oil company PDVSA"), bodies placed by a capital, and names the article defined.
import { readAcronym } from './acronym.ts';
import { parseLowerMinistry, parseOrg } from './orgs.ts';
import { spanText } from './person-names.ts';
import { MONTHS, WEEKDAYS, fold, isAcronym, normKey, slugify } from '../names.ts';
import type { Scan } from './scan.ts';

/** Lower-case nouns that say a capitalised name right after them is a company or other body. */
const ORG_DESCRIPTORS = new Set([
  'company',
  'firm',
  'giant',
  'conglomerate',
  'carrier',
  'airline',
  'producer',
  'manufacturer',
  'maker',
  'chipmaker',
  'carmaker',
  'automaker',
  'shipbuilder',
  'contractor',
  'lender',
  'broadcaster',
  'newspaper',
  'daily',
  'tabloid',
  'outlet',
  'insurer',
  'operator',
  'utility',
  'miner',
  'refiner',
  'retailer',
  'startup',
  'exchange',
]);

/** Collective nouns that, placed in a capital, are that state ("officials in Beijing"). */
const CAPITAL_BODIES = new Set([
  'officials',
  'authorities',
  'government',
  'leadership',
  'regime',
  'administration',
  'leaders',
]);

/** "the ELN said", "BIMSTEC (Bay of Bengal Initiative ...)": a body the gazetteer lacks. */
export function unknownAcronym(scan: Scan, i: number): number | null {
  const { words, ctx } = scan;
  const read = readAcronym(words, i);
  if (!read) return null;
  const w = words[i]!;
  const id = slugify(w.text);
  if (ctx.gaz.byId(id)) return null;
  const exp = read.expansion;
  const name = exp ? spanText(ctx, words, exp.from, exp.to) : w.text;
  ctx.registerPatternOrg({ id, name, kind: 'organization', country: null });
  ctx.addKnown(id);
  ctx.acronyms.set(w.surf, id);
  if (exp) ctx.names.set(scan.keys.slice(exp.from, exp.to).join(' '), id);
  const expStart = exp ? scan.start(exp.from) : 0;
  let free = true;
  for (let k = ctx.mentions.length - 1; exp && k >= 0; k--) {
    const m = ctx.mentions[k]!;
    if (m.sentence !== scan.index) break;
    if (m.end > expStart && m.start < w.end) free = false;
  }
  if (exp && exp.from < i && free) {
    ctx.mention(id, expStart, scan.end(exp.to), scan.index, 'name');
  }
  ctx.mention(id, w.start, w.end, scan.index, 'acronym');
  if (exp && exp.from > i)
    ctx.mention(id, scan.start(exp.from), scan.end(exp.to), scan.index, 'name');
  return read.end;
}

export function articleAcronym(scan: Scan, i: number): number | null {
  const id = scan.ctx.acronyms.get(scan.words[i]!.surf);
  if (!id) return null;
  scan.ctx.mention(id, scan.start(i), scan.end(i + 1), scan.index, 'acronym');
  return i + 1;
}

/** After an organization: "(SDF)" ties the acronym to it for the rest of the article. */
export function acronymDefinition(scan: Scan, at: number, id: string): number {
  const { words } = scan;
  const w = words[at + 1];
  if (words[at]?.key === '(' && w && isAcronym(w.text) && words[at + 2]?.key === ')') {
    scan.ctx.acronyms.set(w.surf, id);
    scan.ctx.mention(id, w.start, w.end, scan.index, 'acronym');
    return at + 3;
  }
  return at;
}

/**
 * "the foreign ministry in Kabul" is that state's ministry; "officials in Beijing", "the
 * government in Kabul" are the state: a body placed by its capital.
 */
export function bodyInCapital(scan: Scan, i: number): number | null {
  const { words, ctx } = scan;
  let s = i;
  if (words[s]!.key === 'the') s++;
  const w = words[s];
  if (!w) return null;
  const lm = parseLowerMinistry(words, s);
  const headEnd = lm > 0 ? lm : CAPITAL_BODIES.has(w.key) && (!w.cap || s === 0) ? s + 1 : -1;
  if (headEnd < 0 || words[headEnd]?.key !== 'in') return null;
  const m = ctx.gaz.matchAt(scan.keys, scan.surfs, headEnd + 1);
  const st = m?.entries.find(
    (e) => e.kind === 'state' && (e.via === 'capital' || e.via === 'metonym'),
  );
  if (!m || !st) return null;
  if (lm < 0) {
    ctx.addKnown(st.id);
    ctx.mention(st.id, scan.start(i), scan.end(m.end), scan.index, 'metonym', false);
    return m.end;
  }
  const capped = words.map((x, k) => (k >= s && k < lm ? { ...x, cap: true } : x));
  const org = parseOrg(capped, s, ctx, st.id);
  if (!org || org.end !== lm) return null;
  if (!ctx.gaz.byId(org.actor.id)) ctx.registerPatternOrg(org.actor);
  ctx.addKnown(org.actor.id);
  ctx.mention(org.actor.id, scan.start(i), scan.end(m.end), scan.index, 'name');
  return m.end;
}

/** "Chevron Corp" is later just "Chevron": the short name refers to it for the rest of the article. */
export function rememberShortName(scan: Scan, short: string, id: string): void {
  const parts = short.split(/\s+/);
  if (parts.length === 1) scan.ctx.acronyms.set(fold(short), id);
  else scan.ctx.names.set(parts.map((p) => normKey(p)).join(' '), id);
}

/**
 * "state oil company PDVSA", "defence firm Rafael": a capitalised name after a lower-case noun
 * that says what kind of body it is.
 */
export function describedOrg(scan: Scan, i: number): number | null {
  const { words, ctx } = scan;
  const prev = words[i - 1];
  const w = words[i]!;
  if (!prev || prev.cap || !ORG_DESCRIPTORS.has(prev.key) || !w.cap || w.pos === 'PUNCT') {
    return null;
  }
  const m = ctx.gaz.matchAt(scan.keys, scan.surfs, i);
  if (m) return null;
  let end = i;
  while (end < words.length && end - i < 4 && words[end]!.cap && words[end]!.pos !== 'PUNCT') {
    if (WEEKDAYS.has(words[end]!.key) || MONTHS.has(words[end]!.key)) break;
    end++;
  }
  if (end === i || ctx.names.has(scan.keys.slice(i, end).join(' '))) return null;
  // "the company Chevron Corp": the pattern reading names it better.
  if (parseOrg(words, i, ctx, null)) return null;
  const name = spanText(ctx, words, i, end);
  const id = slugify(name);
  const country = qualifierBefore(scan, i);
  ctx.registerPatternOrg({ id, name, kind: 'organization', country });
  ctx.addKnown(id);
  if (end - i === 1) ctx.acronyms.set(w.surf, id);
  else ctx.names.set(scan.keys.slice(i, end).join(' '), id);
  ctx.mention(id, scan.start(i), scan.end(end), scan.index, 'name');
  return end;
}

/** The state of a demonym or name a few words before `i` ("U.S. oil company", "Venezuelan state firm"). */
function qualifierBefore(scan: Scan, i: number): string | null {
  for (let k = scan.ctx.mentions.length - 1; k >= 0; k--) {
    const m = scan.ctx.mentions[k]!;
    if (m.sentence !== scan.index) break;
    if (m.end > scan.words[i]!.start) continue;
    const between = scan.words.filter((w) => w.start >= m.end && w.end <= scan.words[i]!.start);
    if (between.length > 3 || between.some((w) => w.cap || w.pos === 'PUNCT')) break;
    const a = scan.ctx.actors.get(m.actor) ?? scan.ctx.gaz.byId(m.actor);
    return a?.kind === 'state' ? a.id : null;
  }
  return null;
}

export function articleName(scan: Scan, i: number): number | null {
  const { words, ctx } = scan;
  if (!words[i]!.cap) return null;
  // The phrases of two to six words from i, built once, tried longest first.
  const longest = Math.min(6, words.length - i);
  const phrases: string[] = [];
  let phrase = scan.keys[i]!;
  for (let len = 2; len <= longest; len++)
    phrases.push((phrase = `${phrase} ${scan.keys[i + len - 1]!}`));
  for (let len = longest; len >= 2; len--) {
    const id = ctx.names.get(phrases[len - 2]!);
    if (id && !(words[i + len]?.joined && words[i + len]!.start === words[i + len - 1]!.end + 1)) {
      ctx.mention(id, scan.start(i), scan.end(i + len), scan.index, 'name');
      return i + len;
    }
  }
  return null;
}
