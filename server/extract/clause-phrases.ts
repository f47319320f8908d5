// Noun phrases over units: where a phrase starts, its modifiers, the preposition governing it,
// coordinated mentions ("X, Y and Z"), and a demonym inside it ("four Russian diplomats").
import { isPossessive, POSSESSIVE_PRONOUNS, type Unit } from './clause-unit.ts';

const SKIP_IN_NP = new Set(['DET', 'ADJ', 'NUM']);

const SKIP_WORDS = new Set(['fellow', 'own', 'both', 'all', 'also', 'then']);

/** Start of the noun phrase that ends at unit i: walks left over determiners and adjectives. */
export function npStart(units: Unit[], i: number): number {
  let j = i;
  while (j > 0) {
    const p = units[j - 1]!;
    if (p.mention) break;
    if (SKIP_IN_NP.has(p.pos) || POSSESSIVE_PRONOUNS.has(p.lower) || SKIP_WORDS.has(p.lower)) j--;
    // "a two-day visit": a hyphenated modifier of plain words.
    else if (units[j - 2]?.lower === '-' && j >= 3 && !units[j - 3]!.mention) j -= 3;
    else break;
  }
  return j;
}

/** Whether the noun phrase holding unit i is the object of a preposition. */
export function inPrepPhrase(units: Unit[], i: number): string | null {
  const s = npStart(units, i);
  const p = units[s - 1];
  if (p && !p.mention && (p.pos === 'ADP' || p.lower === 'to') && p.lower !== 'that')
    return p.lower;
  return null;
}

/**
 * Skips determiners, adjectives, possessive pronouns and "fellow" from unit i onward and returns
 * the first unit index that is not such a modifier.
 */
export function skipModifiers(units: Unit[], i: number, limit = 5): number {
  let j = i;
  while (j < units.length && j - i < limit) {
    const u = units[j]!;
    if (u.mention) return j;
    if (SKIP_IN_NP.has(u.pos) || POSSESSIVE_PRONOUNS.has(u.lower) || SKIP_WORDS.has(u.lower)) j++;
    else if (u.pos === 'ADV' && j === i) j++;
    else return j;
  }
  return j;
}

/** Link words between two coordinated mentions, or null when they are not coordinated. */
function linkBetween(units: Unit[], from: number, to: number): 'and' | 'comma' | null {
  let kind: 'and' | 'comma' | null = null;
  for (let k = from; k < to; k++) {
    const u = units[k]!;
    const l = u.lower;
    if (l === 'and' || l === '&' || l === 'well' || l === 'together' || l === 'along') kind = 'and';
    else if (l === ',') kind = kind ?? 'comma';
    else if (l === 'as' || l === 'with') {
      if (l === 'with' && !(units[k - 1]?.lower === 'along' || units[k - 1]?.lower === 'together'))
        return null;
    } else if (!(SKIP_IN_NP.has(u.pos) || POSSESSIVE_PRONOUNS.has(l))) return null;
  }
  return kind;
}

/** Keeps a chain "X, Y and Z" whole; a chain of bare commas is not a coordination. */
function closeChain(out: number[], links: ('and' | 'comma')[]): number[] {
  const lastAnd = links.lastIndexOf('and');
  return out.slice(0, lastAnd + 2);
}

/** The mention at i and those coordinated after it ("X, Y and Z", "X as well as Y"). */
export function coordinatedRight(units: Unit[], i: number): number[] {
  const out = [i];
  const links: ('and' | 'comma')[] = [];
  let j = i;
  while (j < units.length && !isPossessive(units, j)) {
    let k = j + 1;
    while (k < units.length && !units[k]!.mention && k - j <= 4) k++;
    if (k >= units.length || !units[k]!.mention || k === j + 1) break;
    const link = linkBetween(units, j + 1, k);
    if (!link) break;
    out.push(k);
    links.push(link);
    j = k;
  }
  return closeChain(out, links);
}

/** The mention at i and those coordinated before it ("X and Y met", "X, Y and Z met"). */
export function coordinatedLeft(units: Unit[], i: number): number[] {
  const out = [i];
  const links: ('and' | 'comma')[] = [];
  let j = i;
  while (j > 0) {
    let k = j - 1;
    while (k >= 0 && !units[k]!.mention && j - k <= 4) k--;
    if (k < 0 || !units[k]!.mention || k === j - 1 || isPossessive(units, k)) break;
    const link = linkBetween(units, k + 1, j);
    if (!link || (links.length === 0 && link !== 'and')) break;
    out.unshift(k);
    links.push(link);
    j = k;
  }
  return out;
}

/**
 * An attributive demonym inside the noun phrase starting at `from` ("expelled four Russian
 * diplomats"): the unit index of the demonym, or -1 when the phrase's head comes first.
 */
export function findAttrTarget(units: Unit[], from: number): number {
  for (let j = from; j < units.length && j - from < 6; j++) {
    const u = units[j]!;
    if (u.attr) return j;
    // A demonym promoted with its noun ("Russian envoys") still names the state.
    if (u.mention) return u.mention.via === 'demonym' && u.mention.attributive ? j : -1;
    if (SKIP_IN_NP.has(u.pos) || POSSESSIVE_PRONOUNS.has(u.lower) || SKIP_WORDS.has(u.lower))
      continue;
    if (u.pos === 'ADV' && j === from) continue;
    // "the same number of Russian diplomats", "the head of the Polish mission".
    if (u.pos === 'NOUN' && units[j + 1]?.lower === 'of') {
      j++;
      continue;
    }
    return -1;
  }
  return -1;
}
