// Plural anaphora for a pair named just before: "X and Y held talks. The two leaders / Both
// countries / They agreed ..." becomes "X and Y agreed ..." so the clause rules see both parties.
import { type SentenceUnits, type Unit } from './clause-unit.ts';
import { spliceUnits } from './clauses.ts';
import type { ActorAnalysis, Mention } from './types.ts';

/** The last pair of actors that acted together, and the sentence that named it. */
export interface Pair {
  a: string;
  b: string;
  sentence: number;
}

/** Nouns that can only mean the two persons of the pair. */
const PERSON_NOUNS = new Set([
  'leaders',
  'presidents',
  'ministers',
  'premiers',
  'men',
  'women',
  'heads',
  'counterparts',
  'diplomats',
  'envoys',
]);
/** Nouns that mean the two states (a pair of persons stands for their states). */
const STATE_NOUNS = new Set([
  'countries',
  'nations',
  'states',
  'governments',
  'neighbours',
  'neighbors',
  'capitals',
]);
/** Nouns for either. */
const ANY_NOUNS = new Set(['sides', 'parties', 'delegations', 'allies', 'rivals', 'pair']);
/** Words after which a new clause (and its subject) starts. */
const OPENERS = new Set([',', 'that', 'and', 'but', 'while', 'as', 'when', 'after', 'so']);
/** Reporting verbs whose content clause starts right after them ("officials said the two ..."). */
const REPORTING = new Set(['say', 'add', 'announce', 'state', 'confirm', 'report', 'note', 'tell']);
/** How many sentences back a noun phrase may reach; "they" reaches only the previous one. */
const NOUN_REACH = 3;

interface Anaphor {
  from: number;
  to: number;
  noun: string | null;
}

function anaphorAt(units: Unit[], i: number): Anaphor | null {
  const u = units[i]!;
  if (u.mention) return null;
  if (u.lower === 'they') return { from: i, to: i + 1, noun: null };
  let j = i;
  const first = u.lower;
  if (first !== 'the' && first !== 'both') return null;
  j++;
  if (first === 'the' && units[j]?.lower === 'two') j++;
  const w = units[j];
  if (!w || w.mention) return null;
  const noun = w.lower;
  if (!PERSON_NOUNS.has(noun) && !STATE_NOUNS.has(noun) && !ANY_NOUNS.has(noun)) {
    // "The two agreed": a bare numeral as the subject.
    if (j === i + 2 && units[i + 1]!.lower === 'two' && w.pos === 'VERB')
      return { from: i, to: j, noun: 'sides' };
    return null;
  }
  // "the countries" alone is vague; "the two countries", "both countries", "the pair" are not.
  if (first === 'the' && j === i + 1 && noun !== 'pair') return null;
  return { from: i, to: j + 1, noun };
}

function pairFor(
  analysis: ActorAnalysis,
  pair: Pair,
  noun: string | null,
): [string, string] | null {
  const x = analysis.actors.get(pair.a);
  const y = analysis.actors.get(pair.b);
  if (!x || !y) return null;
  if (noun && PERSON_NOUNS.has(noun))
    return x.kind === 'person' && y.kind === 'person' ? [x.id, y.id] : null;
  if (noun && STATE_NOUNS.has(noun)) {
    const a = x.kind === 'state' ? x.id : x.kind === 'person' ? x.country : null;
    const b = y.kind === 'state' ? y.id : y.kind === 'person' ? y.country : null;
    // The states must be actors of the article already: a pair of persons does not add them.
    if (!a || !b || a === b || !analysis.actors.has(a) || !analysis.actors.has(b)) return null;
    return [a, b];
  }
  return [x.id, y.id];
}

/**
 * Replaces a plural subject that refers back to the pair with "X and Y". Only a subject (sentence
 * start or a clause opener before it, a verb after it) is read, and "they" only right after the
 * sentence that named the pair.
 */
export function resolvePlural(
  su: SentenceUnits,
  pair: Pair,
  analysis: ActorAnalysis,
): SentenceUnits {
  const { units } = su;
  const index = su.sentence.index;
  const age = index - pair.sentence;
  if (age < 1 || age > NOUN_REACH) return su;
  for (let i = 0; i < units.length; i++) {
    const before = units[i - 1];
    if (before && !OPENERS.has(before.lower) && !REPORTING.has(before.lemma)) continue;
    const a = anaphorAt(units, i);
    if (!a || (a.noun === null && age > 1)) continue;
    const next = units[a.to];
    const after = next?.pos === 'ADV' ? units[a.to + 1] : next;
    if (!after || (after.pos !== 'VERB' && after.pos !== 'AUX')) continue;
    const ids = pairFor(analysis, pair, a.noun);
    if (!ids) return su;
    const start = units[a.from]!.start;
    const end = units[a.to - 1]!.end;
    const via = a.noun === null ? 'pronoun' : 'role';
    const mention = (actor: string): Unit => {
      const m: Mention = { actor, start, end, sentence: index, via };
      return { start, end, lower: '', lemma: '', pos: 'MENTION', mention: m };
    };
    const and: Unit = { start: end, end, lower: 'and', lemma: 'and', pos: 'CCONJ', mention: null };
    return spliceUnits(su, a.from, a.to, [mention(ids[0]), and, mention(ids[1])]);
  }
  return su;
}

/** The one pair of distinct actors a sentence's reciprocal acts name, or null when none or several. */
export function pairOf(
  acts: { source: string; target: string; symmetric: boolean }[],
): [string, string] | null | undefined {
  const keys = new Set<string>();
  for (const r of acts)
    if (r.symmetric && r.source !== r.target) keys.add([r.source, r.target].sort().join('|'));
  if (keys.size === 0) return undefined;
  if (keys.size > 1) return null;
  const [a, b] = [...keys][0]!.split('|') as [string, string];
  return [a, b];
}
