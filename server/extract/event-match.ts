// Finds lexicon predicates in a sentence's units: head lemma, particle, object noun, voice.
import type { Lexicon, VerbEntry } from './lexicon.ts';
import { POSSESSIVE_PRONOUNS, isPossessive, isQuote, type Unit } from './clause-unit.ts';

export interface Predicate {
  /** Unit index of the head verb. */
  at: number;
  /** One past the last unit the phrase consumed (particle, object noun). */
  end: number;
  /** Candidate entries whose pattern matched, most specific first. */
  entries: VerbEntry[];
  passive: boolean;
}

const OBJECT_SKIP = new Set(['DET', 'ADJ', 'NUM', 'ADV', 'PROPN', 'NOUN', 'PART']);
const BE = new Set(['be', 'get']);
/** Temporal prepositions whose gerund is still the subject's act ("after meeting X"). */
const GERUND_OK = new Set(['after', 'before', 'while', 'since', 'during', 'by']);

function verbal(units: Unit[], i: number): boolean {
  const u = units[i]!;
  // "the occupied West Bank": a participle after a determiner is an adjective.
  if (units[i - 1]?.pos === 'DET' && units[i - 1]!.lower !== 'that') return false;
  // "Iran's downing of a drone": a gerund owned by a possessive is a noun.
  if (u.lower.endsWith('ing') && units[i - 2]?.mention && isPossessive(units, i - 2)) return false;
  // "its shelling of", "their attack on": a possessive pronoun makes the next word a noun.
  const owner = units[i - 1];
  if (owner && (owner.possessive || (!owner.mention && POSSESSIVE_PRONOUNS.has(owner.lower))))
    return false;
  if (u.pos === 'VERB') return true;
  if (u.pos === 'AUX') return u.lemma === 'have';
  if (u.pos !== 'NOUN' && u.pos !== 'PROPN' && u.pos !== 'ADJ') return false;
  // The tagger sometimes reads "sanctions", "vetoed" as nouns/adjectives after a subject or auxiliary.
  const p = units[i - 1];
  if (!p) return false;
  if (p.mention) return !isPossessive(units, i - 1);
  // ... or after an aside that follows the subject ("Tokyo, during talks with Seoul, voiced ...").
  if (p.lower === ',') return closesAside(units, i - 1);
  return p.pos === 'AUX' || (p.lower === 'to' && p.pos === 'PART') || p.pos === 'ADV';
}

/**
 * True when the comma at `c` closes an aside opened by a comma right after a mention, the aside
 * holding words other than mentions and no verb: "Tokyo, during talks with Seoul, ..." but not
 * a list of names ("China, Japan, ...").
 */
function closesAside(units: Unit[], c: number): boolean {
  let words = 0;
  for (let j = c - 1; j > 0 && c - j <= 12; j--) {
    const u = units[j]!;
    if (u.lower === ',') return words > 0 && !!units[j - 1]!.mention;
    if (u.mention || u.pos === 'PUNCT') continue;
    if (u.pos === 'VERB' || u.pos === 'AUX') return false;
    words++;
  }
  return false;
}

function matchParticle(units: Unit[], from: number, words: string[]): number {
  let j = from;
  for (const w of words) {
    const u = units[j];
    if (!u || u.mention || u.lower !== w) return -1;
    j++;
  }
  return j;
}

function objectNounAt(units: Unit[], j: number, set: Set<string>): number {
  const u = units[j]!;
  if (set.has(u.lower) || set.has(u.lemma)) return j + 1;
  const n = units[j + 1];
  if (n && !n.mention && (set.has(`${u.lower} ${n.lower}`) || set.has(`${u.lower} ${n.lemma}`)))
    return j + 2;
  return -1;
}

/** The object noun from the entry's list within a few units after `from`; returns one past it. */
export function matchObjectRight(units: Unit[], from: number, set: Set<string>): number {
  for (let j = from; j < units.length && j - from < 6; j++) {
    const u = units[j]!;
    if (u.mention) {
      if (u.possessive) continue;
      if (isPossessive(units, j)) {
        j++;
        continue;
      }
      if (units[j + 1]?.lower === '-') {
        j += 2;
        continue;
      }
      return -1;
    }
    const hit = objectNounAt(units, j, set);
    if (hit > 0) return hit;
    // "a wave of drone strikes", "a package of sanctions"
    // "$2 billion in aid": an amount, then what it is in.
    const prev = units[j - 1]!.pos;
    if ((u.lower === 'of' || u.lower === 'in') && j > from && (prev === 'NOUN' || prev === 'NUM'))
      continue;
    if (u.pos === 'SYM' && j === from) continue;
    // 'expressed “the strongest protest”': quotation marks around the object are not a boundary.
    if (isQuote(u)) continue;
    if (!OBJECT_SKIP.has(u.pos) && !POSSESSIVE_PRONOUNS.has(u.lower) && u.lower !== '-') return -1;
    if (u.pos === 'PART' && u.lower !== "'s" && u.lower !== '’s') return -1;
  }
  return -1;
}

function matchObjectLeft(units: Unit[], at: number, set: Set<string>): boolean {
  for (let j = at - 1; j >= 0 && at - j < 7; j--) {
    const u = units[j]!;
    if (u.mention) continue;
    if (objectNounAt(units, j, set) > 0) return true;
    if (u.lower === ',' || u.lower === ';') return false;
  }
  return false;
}

/** A past form the tagger left unlemmatised ("mediated" read as an adjective): its verb entries. */
function pastStem(lex: Lexicon, u: Unit): VerbEntry[] | undefined {
  const w = u.lower;
  if (u.pos === 'VERB' || !w.endsWith('ed') || w.length < 5) return undefined;
  return (
    lex.verbs.get(w.slice(0, -1)) ??
    lex.verbs.get(w.slice(0, -2)) ??
    (w[w.length - 3] === w[w.length - 4] ? lex.verbs.get(w.slice(0, -3)) : undefined)
  );
}

export function isPassiveAt(units: Unit[], i: number): boolean {
  const u = units[i]!;
  // "is opposed to X", "is committed to X": a stance adjective, active in sense.
  if ((u.lemma === 'oppose' || u.lemma === 'commit') && units[i + 1]?.lower === 'to') return false;
  if (u.lower.endsWith('ing') || u.lower === u.lemma || u.lower.endsWith('s')) {
    // Irregular participles equal to their lemma are rare among event verbs ("hit", "cut", "set").
    if (!(u.lower === u.lemma && ['hit', 'cut', 'set', 'put', 'shut'].includes(u.lower)))
      return false;
  }
  for (let j = i - 1; j >= 0 && i - j < 4; j--) {
    const p = units[j]!;
    if (p.mention) return false;
    if (BE.has(p.lemma) && (p.pos === 'AUX' || p.pos === 'VERB')) return true;
    if (p.lower === 'being' || p.lower === 'been') return true;
    if (p.pos !== 'ADV' && p.lower !== 'not' && p.lower !== "n't") return false;
  }
  return false;
}

/** All predicates in a sentence, left to right; units consumed by a phrase are not reused. */
export function findPredicates(units: Unit[], lex: Lexicon): Predicate[] {
  const out: Predicate[] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.mention) continue;
    let entries: VerbEntry[] | undefined;
    let after = i + 1;
    // Hyphenated heads: "test-fire", "co-operate".
    const h1 = units[i + 1];
    const h2 = units[i + 2];
    if (h1 && h2 && h1.lower === '-' && !h2.mention) {
      entries = lex.verbs.get(`${u.lower}-${h2.lemma}`) ?? lex.verbs.get(`${u.lower}-${h2.lower}`);
      if (entries) after = i + 3;
    }
    if (!entries) {
      if (!verbal(units, i)) continue;
      entries = lex.verbs.get(u.lemma) ?? lex.verbs.get(u.lower) ?? pastStem(lex, u);
    }
    if (!entries) continue;
    // "accused X of attacking Y": a gerund after a preposition is a reported act, not a stated one.
    // UD tags a preposition that takes a clause as SCONJ, so both tags count.
    const prev = units[i - 1];
    const preposition = prev?.pos === 'ADP' || prev?.pos === 'SCONJ';
    if (u.lower.endsWith('ing') && preposition && !GERUND_OK.has(prev.lower)) continue;
    const passive = isPassiveAt(units, after - 1);
    const matched: VerbEntry[] = [];
    let end = after;
    for (const e of entries) {
      let j = after;
      if (e.particle.length > 0) {
        j = matchParticle(units, after, e.particle);
        if (j < 0) continue;
      }
      if (e.object) {
        const k = matchObjectRight(units, j, e.object);
        if (k > 0) j = k;
        else if (!(passive && matchObjectLeft(units, i, e.object))) continue;
      }
      if (matched.length === 0) end = j;
      matched.push(e);
    }
    if (matched.length === 0) continue;
    // Keep only entries as specific as the first match (an object-less entry must not outrank it).
    const first = matched[0]!;
    const kept = matched.filter(
      (e) => !!e.object === !!first.object && e.particle.length === first.particle.length,
    );
    out.push({ at: i, end, entries: kept, passive });
    i = end - 1;
  }
  return out;
}
