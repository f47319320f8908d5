// Event modes (negated, hypothetical, future) from the words around a predicate, and REQUEST polarity.
import type { EventMode, Polarity } from '../model/index.ts';
import { isHardBoundary, type Unit } from './clause-unit.ts';
import { WEEKDAYS } from './names.ts';

const NEGATORS = new Set(['not', "n't", 'never', 'neither', 'nor', 'no', 'without', 'nt']);
const HYPOTHETICAL_MODALS = new Set([
  'would',
  'could',
  'might',
  'may',
  'should',
  'must',
  'can',
  "'d",
]);
const FUTURE_MODALS = new Set(['will', "'ll", 'shall', 'wo']);
const CONDITIONALS = new Set(['if', 'unless', 'whether', 'lest']);
const CLAUSE_STOPS = new Set([
  'while',
  'although',
  'though',
  'because',
  'but',
  'after',
  'before',
  'when',
  'and',
  'that',
  'as',
  ',',
]);
/** Time words after "next"/"coming" that put an act in the future. */
const DAYS = new Set([
  ...WEEKDAYS,
  'week',
  'month',
  'year',
  'weekend',
  'summer',
  'spring',
  'autumn',
  'winter',
]);
const FUTURE_ADJ = new Set([
  'planned',
  'upcoming',
  'scheduled',
  'forthcoming',
  'proposed',
  'expected',
]);
const HYPOTHETICAL_ADJ = new Set(['possible', 'potential', 'hypothetical', 'likely']);
/** Verbs whose "stop" reading needs a particle: "give up", "back down", "pull out". */
const NEEDS_PARTICLE = new Set(['give', 'back', 'stand', 'hand', 'pull', 'rein']);
const STOP_PARTICLES = new Set(['up', 'way', 'in', 'down', 'back', 'off', 'out', 'over', 'aside']);

/**
 * The mode of the predicate at unit p from the auxiliaries and conjunctions before it in its clause
 * ("did not", "would", "will", "is to", "if ...") and time words after it ("next week").
 */
export function modeAt(units: Unit[], p: number, end: number): EventMode | null {
  let negated = false;
  let hypothetical = false;
  let future = false;
  for (let j = p - 1, n = 0; j >= 0 && n < 8; j--, n++) {
    const u = units[j]!;
    if (u.mention || isHardBoundary(u)) break;
    const l = u.lower;
    if (CONDITIONALS.has(l)) {
      hypothetical = true;
      break;
    }
    if (CLAUSE_STOPS.has(l)) break;
    if (NEGATORS.has(l) || u.lemma === 'not') negated = true;
    else if (HYPOTHETICAL_MODALS.has(l)) hypothetical = true;
    else if (FUTURE_MODALS.has(l)) future = true;
    else if (l === 'to' && j === p - 1) {
      const be = units[j - 1];
      if (be && be.lemma === 'be' && be.pos === 'AUX') future = true;
      if (be && be.lower === 'going') future = true;
    } else if (FUTURE_ADJ.has(l) && u.pos !== 'VERB') future = true;
    else if (HYPOTHETICAL_ADJ.has(l)) hypothetical = true;
  }
  // A conditional further left in the same clause ("if it conducted a nuclear test").
  if (!hypothetical) {
    for (let j = p - 1, n = 0; j >= 0 && n < 14; j--, n++) {
      const u = units[j]!;
      if (isHardBoundary(u) || u.lower === ',' || u.lower === 'that') break;
      if (CONDITIONALS.has(u.lower)) hypothetical = true;
    }
  }
  for (let j = end, n = 0; j < units.length && n < 10; j++, n++) {
    const u = units[j]!;
    if (isHardBoundary(u) || u.lower === ';') break;
    if (u.lower === 'tomorrow') future = true;
    if ((u.lower === 'next' || u.lower === 'coming') && DAYS.has(units[j + 1]?.lower ?? ''))
      future = true;
    if (u.lower === 'later' && units[j + 1]?.lower === 'this') future = true;
  }
  if (negated) return 'negated';
  if (hypothetical) return 'hypothetical';
  if (future) return 'future';
  return null;
}

/**
 * REQUEST polarity: hostile when the request asks the target to stop, end, withdraw, reverse or
 * give way ("urged X to halt its strikes"), otherwise neutral. `from` is the unit after the target.
 */
export function requestPolarity(units: Unit[], from: number, stop: Set<string>): Polarity {
  for (let j = from, n = 0; j < units.length && n < 6; j++, n++) {
    const u = units[j]!;
    if (isHardBoundary(u) || u.lower === ';') break;
    if (u.pos !== 'VERB' && !(u.pos === 'NOUN' && units[j - 1]?.lower === 'to')) continue;
    if (u.lemma === 'help' || u.lemma === 'be' || u.lemma === 'play') return 'neutral';
    const lemma = u.lemma || u.lower;
    if (!stop.has(lemma) && !stop.has(u.lower)) return 'neutral';
    if (NEEDS_PARTICLE.has(lemma)) {
      const next = units[j + 1]?.lower ?? '';
      if (!STOP_PARTICLES.has(next)) return 'neutral';
    }
    // "to stop Pyongyang's tests": asked to restrain a third party, not to give way itself.
    for (let k = j + 1; k < units.length && k - j < 4; k++) {
      const o = units[k]!;
      if (o.mention) {
        const n = units[k + 1]?.lower;
        return n === "'s" || n === '’s' ? 'neutral' : 'hostile';
      }
      if (o.pos !== 'DET' && o.pos !== 'ADJ' && o.pos !== 'PART' && o.pos !== 'ADP') break;
    }
    return 'hostile';
  }
  return 'neutral';
}
