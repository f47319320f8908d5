// A light clause analyser: a sentence as units (tokens, with each actor mention collapsed into one
// unit) and its parentheticals; argument search lives in clause-arguments.ts.
import {
  isHardBoundary,
  POSSESSIVE_PRONOUNS,
  RELATIVES,
  type SentenceUnits,
  type Unit,
} from './clause-unit.ts';
import { dropScareQuotes, markCountryAnaphors, promoteOfficials } from './clause-rewrites.ts';
import type { Mention, Sentence } from './types.ts';

/**
 * Deictic time words UD tags as nouns (bare temporal modifiers, "warned today that ..."): the
 * clause rules read them as the adverbs they act as.
 */
const TIME_ADVERBIALS = new Set(['today', 'yesterday', 'tomorrow', 'tonight']);

/** Collapses each mention into one unit; attributive demonyms stay ordinary tokens. */
export function buildUnits(sentence: Sentence, mentions: Mention[]): SentenceUnits {
  const units: Unit[] = [];
  const ms = mentions.filter((m) => !(m.via === 'demonym' && m.attributive));
  const attrs = mentions.filter((m) => m.via === 'demonym' && m.attributive);
  let mi = 0;
  let ai = 0;
  const tokens = sentence.tokens;
  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti]!;
    while (mi < ms.length && ms[mi]!.end <= t.start) mi++;
    while (ai < attrs.length && attrs[ai]!.end <= t.start) ai++;
    const m = ms[mi];
    if (m && m.start < t.end && m.end > t.start) {
      const owner = m.via === 'pronoun' && POSSESSIVE_PRONOUNS.has(t.text.toLowerCase());
      units.push({
        start: m.start,
        end: m.end,
        lower: '',
        lemma: '',
        pos: 'MENTION',
        mention: m,
        ...(owner ? { possessive: true } : {}),
      });
      while (ti + 1 < tokens.length && tokens[ti + 1]!.start < m.end) ti++;
      mi++;
      continue;
    }
    const lower = t.text.toLowerCase();
    units.push({
      start: t.start,
      end: t.end,
      lower,
      lemma: t.lemma,
      pos: t.pos === 'NOUN' && TIME_ADVERBIALS.has(lower) ? 'ADV' : t.pos,
      mention: null,
      ...(attrs[ai] && attrs[ai]!.start < t.end && attrs[ai]!.end > t.start
        ? { attr: attrs[ai]! }
        : {}),
    });
  }
  promoteOfficials(units);
  dropScareQuotes(units);
  markCountryAnaphors(units, sentence.index);
  const parenEnd = new Int32Array(units.length).fill(-1);
  const parenStart = new Int32Array(units.length).fill(-1);
  markParentheticals(units, parenEnd, parenStart);
  return { sentence, units, parenEnd, parenStart };
}

/** Replaces units [from, to) (a resolved anaphor) and recomputes the parentheticals. */
export function spliceUnits(
  su: SentenceUnits,
  from: number,
  to: number,
  replacement: Unit[],
): SentenceUnits {
  const units = [...su.units.slice(0, from), ...replacement, ...su.units.slice(to)];
  const parenEnd = new Int32Array(units.length).fill(-1);
  const parenStart = new Int32Array(units.length).fill(-1);
  markParentheticals(units, parenEnd, parenStart);
  return { sentence: su.sentence, units, parenEnd, parenStart };
}

/** ", who ... ," and ", [noun phrase without a verb] ," right after a mention. */
function markParentheticals(units: Unit[], parenEnd: Int32Array, parenStart: Int32Array): void {
  for (let i = 1; i < units.length; i++) {
    if (units[i]!.lower !== ',' || !units[i - 1]!.mention) continue;
    let j = i + 1;
    const relative = j < units.length && RELATIVES.has(units[j]!.lower);
    let hasVerb = false;
    while (j < units.length && units[j]!.lower !== ',' && !isHardBoundary(units[j]!)) {
      if (units[j]!.pos === 'VERB' || units[j]!.pos === 'AUX') hasVerb = true;
      j++;
    }
    if (j >= units.length || units[j]!.lower !== ',' || j - i > 14) continue;
    if (relative || (!hasVerb && j > i + 1)) {
      // Only when a verb follows: "X, the foreign minister, said" but not a list "X, Y, Z and W".
      const next = units[j + 1];
      const listLike = units.slice(i + 1, j).every((u) => u.mention);
      if (!relative && (listLike || !next || next.mention)) continue;
      parenEnd[i] = j + 1;
      parenStart[j] = i;
    }
  }
}
