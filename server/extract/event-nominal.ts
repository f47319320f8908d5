// Nominal events: "a meeting between X and Y", "X's letter to Y", "the Xi-Biden summit", "an attack by X on Y".
import type { Lexicon, NounEntry } from './lexicon.ts';
import { matchObjectRight } from './event-match.ts';
import { findPrepTarget, findSubject } from './clause-arguments.ts';
import { coordinatedRight, npStart } from './clause-phrases.ts';
import { isHardBoundary, isPossessive, type SentenceUnits } from './clause-unit.ts';

export interface NominalMatch {
  /** Unit index of the noun. */
  at: number;
  end: number;
  entry: NounEntry;
  sources: number[];
  targets: number[];
  /** Both sides are equal parties ("between X and Y", "X-Y talks"). */
  pair: boolean;
  /** How the source was found: possessive/compound/agent (direct) or the clause subject (weaker). */
  direct: boolean;
}

const LINKS = new Set(['from', 'of']);
/** Prepositions that make a meeting noun the occasion of the clause's act ("arrived for talks"). */
const OCCASION = new Set(['on', 'during', 'for']);
/** Tags of a short time phrase ("last year", "in 2018") between a noun and its complement. */
const TIME_WORDS = new Set(['ADJ', 'NOUN', 'NUM', 'ADP', 'DET']);

/** The noun's entry and where its target search starts (after a required object noun). */
function nounEntry(
  su: SentenceUnits,
  i: number,
  lex: Lexicon,
): { entry: NounEntry; after: number } | null {
  const u = su.units[i]!;
  if (u.mention || (u.pos !== 'NOUN' && u.pos !== 'PROPN' && u.pos !== 'VERB')) return null;
  const list = lex.nouns.get(u.lower) ?? lex.nouns.get(u.lemma);
  if (!list) return null;
  for (const e of list) {
    let ok = true;
    for (let w = 0; w < e.words.length - 1; w++) {
      const p = su.units[i - (e.words.length - 1) + w];
      if (!p || p.lower !== e.words[w]) ok = false;
    }
    if (!ok) continue;
    if (!e.object) return { entry: e, after: i + 1 };
    // "withdrawal from the nuclear accord with Y": the object noun, then the target.
    // A time phrase may come between ("withdrawal last year from").
    let l = i + 1;
    while (l < i + 4 && su.units[l] && !su.units[l]!.mention && !LINKS.has(su.units[l]!.lower)) {
      if (!TIME_WORDS.has(su.units[l]!.pos)) break;
      l++;
    }
    if (!LINKS.has(su.units[l]?.lower ?? '')) continue;
    const k = matchObjectRight(su.units, l + 1, e.object);
    if (k > 0) return { entry: e, after: k };
  }
  return null;
}

/** Nominal events in one sentence; `consumed` marks units already read as part of a verb phrase. */
export function findNominals(
  su: SentenceUnits,
  lex: Lexicon,
  consumed: Uint8Array,
): NominalMatch[] {
  const { units } = su;
  const led = lex.cues.led;
  const out: NominalMatch[] = [];
  for (let i = 0; i < units.length; i++) {
    if (consumed[i]) continue;
    const found = nounEntry(su, i, lex);
    if (!found) continue;
    const entry = found.entry;
    const first = i - (entry.words.length - 1);
    const s = npStart(units, first);
    const before = units[s - 1];
    const next = units[i + 1];
    // "a meeting between X and Y"
    if (entry.symmetric && next?.lower === 'between') {
      const t = findPrepTarget(units, i + 1, ['between'], led, 2);
      if (t && t.units.length === 2)
        out.push({
          at: i,
          end: i + 1,
          entry,
          sources: [t.units[0]!],
          targets: [t.units[1]!],
          pair: true,
          direct: true,
        });
      continue;
    }
    // "the Xi-Biden meeting", "China-US talks"
    if (
      entry.symmetric &&
      before?.mention &&
      (units[s - 2]?.lower === '-' || units[s - 2]?.lower === '–') &&
      units[s - 3]?.mention
    ) {
      out.push({
        at: i,
        end: i + 1,
        entry,
        sources: [s - 3],
        targets: [s - 1],
        pair: true,
        direct: true,
      });
      continue;
    }
    let sources: number[] = [];
    let direct = true;
    let after = found.after;
    if (before && (before.lower === "'s" || before.lower === '’s') && units[s - 2]?.mention) {
      sources = [s - 2];
    } else if (before?.mention && !isPossessive(units, s - 1) && units[s - 2]?.lower !== '-') {
      // A compound: "a US attack on", "the Kim letter".
      sources = [s - 1];
    } else if (next?.lower === 'by' && units[i + 2]?.mention && !entry.object) {
      sources = [i + 2];
      after = i + 3;
    }
    const t = entry.prep.length > 0 ? findPrepTarget(units, after, entry.prep, led, 5) : null;
    if (!t) continue;
    if (sources.length === 0 && units[after]?.lower === 'by') continue;
    if (sources.length === 0 && t) {
      // "by X" after the target: "sanctions on Y by X".
      const by = t.units[t.units.length - 1]! + 1;
      if (units[by]?.lower === 'by' && units[by + 1]?.mention) sources = [by + 1];
    }
    if (sources.length === 0 && (OWNER_PRONOUNS.has(units[s]?.lower ?? '') || doerVerb(units, s))) {
      // "Turkey defended its attack on Y", "X launched a cyberattack on Y": the clause subject.
      const subj = findSubject(su, s, led);
      if (subj.reason === 'found' && !subj.possessive) {
        sources = subj.units;
        direct = false;
      }
    }
    if (sources.length === 0 && (entry.type === 'CONSULT' || entry.type === 'AGREE')) {
      // "X held a phone call with Y" is a verb phrase; here: "In a call with Y, X said ...".
      // The clause subject owns the noun only when it is a verb's direct object ("X began talks
      // with Y"), not inside a prepositional phrase ("X objected to talks with Y").
      direct = false;
      const subj = findSubject(su, s, led);
      const found = subj.units.length > 0 && subj.reason === 'found';
      if (before?.pos === 'VERB' && found) sources = subj.units;
      // "X gave a speech on a visit to Y", "X raised it during talks with Y": X's own occasion.
      else if (OCCASION.has(before?.lower ?? '') && found && s > 3 && !consumed[s - 2])
        sources = subj.units;
      else if (s <= 3 || before?.pos === 'ADP')
        sources = subjectAfter(su, t.units[t.units.length - 1]! + 1);
    }
    if (sources.length === 0) continue;
    out.push({
      at: i,
      end: i + 1,
      entry,
      sources,
      targets: t.units,
      pair: false,
      direct,
    });
  }
  return out;
}

/** Possessive pronouns that make the clause subject own the noun ("its shelling of Y"). */
const OWNER_PRONOUNS = new Set(['its', 'their', 'his', 'her']);
/** Verbs whose object noun is the subject's own act ("launched a cyberattack on Y"). */
const DOER_VERBS = new Set([
  'launch',
  'carry',
  'conduct',
  'stage',
  'mount',
  'continue',
  'intensify',
  'escalate',
  'resume',
  'begin',
  'start',
  'unleash',
  'order',
  'step',
  'wage',
  'perpetrate',
  'commit',
  'announce',
]);

function doerVerb(units: SentenceUnits['units'], s: number): boolean {
  let v = s - 1;
  // "carried out", "stepped up": a particle between the verb and the noun phrase.
  if (units[v]?.lower === 'out' || units[v]?.lower === 'up') v--;
  const u = units[v];
  return !!u && u.pos === 'VERB' && DOER_VERBS.has(u.lemma);
}

/** The first mention after a fronted phrase that is followed by a verb ("In a call with Y, X said"). */
function subjectAfter(su: SentenceUnits, from: number): number[] {
  const { units } = su;
  let j = from;
  while (j < units.length && !units[j]!.mention && j - from < 6) {
    if (isHardBoundary(units[j]!)) return [];
    j++;
  }
  if (j >= units.length || !units[j]!.mention) return [];
  const group = coordinatedRight(units, j);
  const k = group[group.length - 1]! + 1;
  const v = units[k];
  const v2 = units[k + 1];
  if (v && (v.pos === 'VERB' || v.pos === 'AUX' || (v.pos === 'ADV' && v2?.pos === 'VERB')))
    return group;
  return [];
}
