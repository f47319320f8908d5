// The unit of clause analysis (a token, or an actor mention collapsed into one unit) and the word
// classes clause rules test units against: boundaries, subordinators, possessives, "-led" marks.
import type { Mention, Sentence } from './types.ts';

export interface Unit {
  start: number;
  end: number;
  /** Lower-cased surface text ('' for mentions). */
  lower: string;
  lemma: string;
  /** UPOS tag, or 'MENTION'. */
  pos: string;
  mention: Mention | null;
  /** An attributive demonym on this token ("Russian" in "Russian diplomats"): a target only. */
  attr?: Mention;
  /** The word stood in scare quotes ("'invaded'"): the writer marks it as someone's claim. */
  quoted?: boolean;
  /** A possessive pronoun the actor stage resolved ("its" in "its shelling of"): an owner. */
  possessive?: boolean;
}

export interface SentenceUnits {
  sentence: Sentence;
  units: Unit[];
  /** For each unit, the index one past the parenthetical it opens (appositive, relative clause), else -1. */
  parenEnd: Int32Array;
  /** For each unit, the index of the parenthetical start it closes, else -1. */
  parenStart: Int32Array;
}

const QUOTES = new Set(['"', '“', '”', '«', '»', "''", '``', '‘', '’']);

const HARD = new Set([';', ':', '(', ')', '[', ']', '—', '–']);

export const SUBORDINATORS = new Set([
  'if',
  'unless',
  'while',
  'whilst',
  'although',
  'though',
  'whereas',
  'because',
  'but',
  'whether',
  'when',
  'after',
  'before',
  'since',
  'until',
  'as',
  'where',
  'so',
]);

export const RELATIVES = new Set(['who', 'which', 'whom', 'whose']);

export const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

export function isQuote(u: Unit): boolean {
  return QUOTES.has(u.lower);
}

export function isHardBoundary(u: Unit): boolean {
  return !u.mention && (HARD.has(u.lower) || QUOTES.has(u.lower));
}

export function isSubordinator(u: Unit): boolean {
  return !u.mention && SUBORDINATORS.has(u.lower);
}

export function isRelative(u: Unit): boolean {
  return !u.mention && RELATIVES.has(u.lower);
}

/** Mention followed by "-led", "-backed" ...: a description, not a participant. */
export function ledBy(units: Unit[], i: number, led: Set<string>): boolean {
  const a = units[i + 1];
  const b = units[i + 2];
  return !!a && !!b && (a.lower === '-' || a.lower === '‑') && led.has(b.lower);
}

/** Mention joined to another by a hyphen ("the Xi-Biden meeting"). */
export function hyphenPair(units: Unit[], i: number): boolean {
  const a = units[i + 1];
  const p = units[i - 1];
  return (
    (!!a && (a.lower === '-' || a.lower === '–') && !!units[i + 2]?.mention) ||
    (!!p && (p.lower === '-' || p.lower === '–') && !!units[i - 2]?.mention)
  );
}

/** An owner before a noun: "X's" (the mention at i) or a resolved possessive pronoun. */
export function isOwner(units: Unit[], i: number): boolean {
  const u = units[i];
  return !!u && (!!u.possessive || (!!u.mention && isPossessive(units, i)));
}

export function isPossessive(units: Unit[], i: number): boolean {
  const n = units[i + 1];
  return !!n && (n.lower === "'s" || n.lower === '’s' || n.lower === "'" || n.lower === '’');
}
