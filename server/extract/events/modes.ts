// Event modes read from the tree (negation, conditionals, hypotheticals, future) and the polarity of
// a request (hostile when it asks the target to stop, withdraw or give way).
import type { EventMode, Polarity } from '../../model/index.ts';
import { WEEKDAYS } from '../names.ts';
import { caseOf } from '../case-words.ts';
import type { Tree } from './tree.ts';

const NEGATORS = new Set(['not', "n't", 'never', 'nt', 'no', 'neither', 'nor', 'seldom', 'hardly']);
const HYPOTHETICAL_AUX = new Set(['would', 'could', 'might', 'may', 'should', 'must', 'can', "'d"]);
const FUTURE_AUX = new Set(['will', "'ll", 'shall', 'wo']);
const CONDITIONALS = new Set(['if', 'unless', 'whether', 'lest']);
const FUTURE_ADJ = new Set(['planned', 'upcoming', 'scheduled', 'forthcoming', 'proposed']);
const HYPOTHETICAL_ADJ = new Set([
  'possible',
  'potential',
  'hypothetical',
  'likely',
  'prospective',
]);
/** Time words after "next"/"coming" that put an act in the future. */
const PERIODS = new Set([
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
const TIME_RELS = new Set([
  'obl:tmod',
  'obl',
  'advmod',
  'obl:npmod',
  'obl:unmarked',
  'nmod:tmod',
  'nmod:unmarked',
]);
/** Relations through which a clause keeps its parent's condition ("if X attacks and Y joins"). */
const SAME_CLAUSE = new Set(['conj', 'xcomp']);
/** Verbs whose "stop" reading needs a particle: "give up", "back down", "pull out". */
const NEEDS_PARTICLE = new Set(['give', 'back', 'stand', 'hand', 'pull', 'rein']);
const STOP_PARTICLES = new Set(['up', 'way', 'in', 'down', 'back', 'off', 'out', 'over', 'aside']);

function futureTime(tree: Tree, i: number): boolean {
  for (const k of tree.kids[i]!) {
    const t = tree.tokens[k]!;
    if (!TIME_RELS.has(t.deprel)) continue;
    if (t.lemma === 'tomorrow') return true;
    if (t.deprel === 'obl' && caseOf(tree.tokens, k) !== '') continue;
    if (!PERIODS.has(t.lemma) && !PERIODS.has(t.text.toLowerCase())) continue;
    for (const m of tree.kids[k]!) {
      const w = tree.tokens[m]!.text.toLowerCase();
      if (w === 'next' || w === 'coming') return true;
    }
  }
  return false;
}

/**
 * The mode of the predicate at token i: negated by "not"/"never" on it, hypothetical under a modal,
 * an "if"/"unless" clause or a "possible" event noun, future under "will", "is to" or "next week".
 */
export function modeOf(tree: Tree, i: number): EventMode | null {
  let negated = false;
  let hypothetical = false;
  let future = false;
  let be = false;
  let to = false;
  for (let x = i, n = 0; x >= 0 && n < 6; n++) {
    for (const k of tree.kids[x]!) {
      const t = tree.tokens[k]!;
      const w = t.text.toLowerCase();
      const d = t.deprel;
      if (x === i) {
        if ((d === 'advmod' || d === 'neg' || d === 'det' || d === 'cc:preconj') && NEGATORS.has(w))
          negated = true;
        else if (d === 'aux' || d === 'aux:pass') {
          if (HYPOTHETICAL_AUX.has(w)) hypothetical = true;
          else if (FUTURE_AUX.has(w)) future = true;
          else if (t.lemma === 'be') be = true;
        } else if (d === 'cop' && t.lemma === 'be') be = true;
        else if (d === 'mark' && w === 'to') to = true;
        else if (d === 'amod' && FUTURE_ADJ.has(w)) future = true;
        else if (d === 'amod' && HYPOTHETICAL_ADJ.has(w)) hypothetical = true;
      }
      if ((d === 'mark' || d === 'advmod') && CONDITIONALS.has(w)) hypothetical = true;
    }
    const d = tree.tokens[x]!.deprel;
    if (!SAME_CLAUSE.has(d)) break;
    x = tree.tokens[x]!.head;
  }
  if (be && to) future = true;
  if (!future && futureTime(tree, i)) future = true;
  if (negated) return 'negated';
  if (hypothetical) return 'hypothetical';
  if (future) return 'future';
  return null;
}

/**
 * REQUEST polarity from the asked act at token i ("urged X to halt its strikes"): hostile when it
 * asks the target to stop, end, withdraw, reverse or give way, otherwise neutral.
 */
export function requestPolarity(tree: Tree, i: number, stop: Set<string>): Polarity {
  if (i < 0) return 'neutral';
  const t = tree.tokens[i]!;
  const lemma = t.lemma;
  if (lemma === 'help' || lemma === 'be' || lemma === 'play') return 'neutral';
  if (!stop.has(lemma) && !stop.has(t.text.toLowerCase())) return 'neutral';
  if (NEEDS_PARTICLE.has(lemma)) {
    const next = tree.tokens[i + 1]?.text.toLowerCase() ?? '';
    if (!STOP_PARTICLES.has(next)) return 'neutral';
  }
  return 'hostile';
}
