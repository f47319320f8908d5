// Organizations known only by an acronym the gazetteer lacks ("the ELN said", "the FDLR, an armed
// group", "BIMSTEC (Bay of Bengal Initiative ...)"): when the context shows a body is meant.
import type { Word } from './words.ts';

/** All-caps words that are not organizations: units, currencies, titles, media, headline words. */
export const NOT_ORGS = new Set(
  (
    'CEO CFO CTO COO GDP GNP CPI PMI COVID SARS MERS HIV AIDS DNA AI ICU SUV EV EVS LNG LPG ' +
    'USD EUR GBP JPY CNY RMB INR AM PM TV MP MPS MEP NGO NGOS UAV UAVS ICBM ICBMS SLBM IRBM SRBM ' +
    'MLRS RPG IED IEDS APC WMD LGBT LGBTQ VIP IT OK ID IP PR HQ KM MW GW BPD GMT UTC EST EDT BST ' +
    'CET IST JST KST PST PDT CST II III IV VI VII VIII IX XI XII NEW UPDATE BREAKING LIVE WATCH ' +
    'READ MORE ALSO PHOTO PHOTOS VIDEO EXCLUSIVE OPINION ANALYSIS NEWS SEE TOP AND THE OF FOR ' +
    'BY IN ON TO AT WITH FROM MR MRS MS DR PHD FAQ URL PDF ET AD BC CE BCE UK US USA'
  ).split(' '),
);

/** Lower-case nouns that, next to an acronym, say it names a body ("the ELN rebels"). */
const ORG_NOUNS = new Set([
  'group',
  'groups',
  'movement',
  'party',
  'alliance',
  'rebels',
  'rebel',
  'militia',
  'militias',
  'guerrillas',
  'guerrilla',
  'fighters',
  'insurgents',
  'bloc',
  'organisation',
  'organization',
  'agency',
  'forum',
  'coalition',
  'faction',
  'union',
  'body',
  'grouping',
  'council',
  'commission',
  'network',
]);

const EXPANSION_LINKS = new Set(['of', 'for', 'and', 'on', 'the', '&', 'in', 'to', 'de']);

/** True for a word shaped like an unknown organization acronym (2-7 capitals, not a stop word). */
export function acronymShaped(w: Word | undefined): boolean {
  return !!w && /^[A-Z]{2,7}$/.test(w.text) && !NOT_ORGS.has(w.text);
}

export interface AcronymRead {
  /** Index after the whole reading (a following "(expansion)" included). */
  end: number;
  /** The expansion's word span, when the text gives one. */
  expansion: { from: number; to: number } | null;
}

/** Capitalised words (and links) from `from` to the ")" that closes them; the ")" index or -1. */
function expansionAfter(words: Word[], from: number): number {
  let k = from;
  while (k < words.length && k - from < 14) {
    const w = words[k]!;
    if (w.key === ')') return k > from && words[k - 1]!.cap ? k : -1;
    if (!w.cap && !EXPANSION_LINKS.has(w.key) && !w.joined) return -1;
    k++;
  }
  return -1;
}

/** Initials of the capitalised words of a span, in order. */
function initials(words: Word[], from: number, to: number): string {
  let out = '';
  for (let k = from; k < to; k++) if (words[k]!.cap) out += words[k]!.text[0]!.toUpperCase();
  return out;
}

/** True when the acronym's letters follow the span's initials closely enough. */
function fits(acr: string, init: string): boolean {
  if (!init || init[0] !== acr[0]) return false;
  let hit = 0;
  let p = 0;
  for (const c of acr) {
    const at = init.indexOf(c, p);
    if (at >= 0) {
      hit++;
      p = at + 1;
    }
  }
  return hit * 3 >= acr.length * 2;
}

/** "Full Name (ACR)": the start of the name before the "(" at `open`, or -1. */
export function expansionBefore(words: Word[], open: number, acr: string): number {
  let k = open - 1;
  let start = -1;
  while (k >= 0 && open - k <= 14) {
    const w = words[k]!;
    if (w.cap && w.pos !== 'PUNCT') start = k;
    else if (!EXPANSION_LINKS.has(w.key) && !w.joined) break;
    k--;
  }
  if (start < 0) return -1;
  // Read from the earliest start whose initials fit the acronym.
  for (let s = start; s < open; s++) {
    if (!words[s]!.cap) continue;
    if (fits(acr, initials(words, s, open))) return s;
  }
  return -1;
}

/** True when a word near `i` has a lower-case letter (a shouted headline has none). */
function hasLowerNear(words: Word[], i: number): boolean {
  for (let k = Math.max(0, i - 6); k < Math.min(words.length, i + 7); k++) {
    if (/[a-z]/.test(words[k]!.text)) return true;
  }
  return false;
}

/**
 * Reads an unknown acronym at `i` as an organization when the context says so: a parenthesised
 * expansion after it or around it, "the ACR" as a noun-phrase head, the acronym as the subject
 * of a verb, or next to an organization noun. Null when it is not one.
 */
export function readAcronym(words: Word[], i: number): AcronymRead | null {
  const w = words[i];
  if (!acronymShaped(w)) return null;
  const prev = words[i - 1];
  const next = words[i + 1];
  // A run of capitals is a headline or a shouted phrase, not a name.
  if (acronymShaped(prev) || acronymShaped(next)) return null;
  if (!hasLowerNear(words, i)) return null;
  if (next?.key === '(') {
    const close = expansionAfter(words, i + 2);
    if (close > 0 && fits(w!.text, initials(words, i + 2, close))) {
      return { end: close + 1, expansion: { from: i + 2, to: close } };
    }
  }
  if (prev?.key === '(' && next?.key === ')') {
    const from = expansionBefore(words, i - 1, w!.text);
    if (from >= 0) return { end: i + 2, expansion: { from, to: i - 1 } };
  }
  const headAfterThe =
    prev?.key === 'the' && (!next || !next.cap) && next?.key !== "'s" && !next?.joined;
  const subject =
    (!prev || prev.key === ',' || prev.key === 'and' || prev.key === 'that') &&
    (next?.pos === 'VERB' || next?.pos === 'AUX');
  const nounNext = !!next && ORG_NOUNS.has(next.key);
  let apposition = false;
  if (next?.key === ',' && ['a', 'an', 'the'].includes(words[i + 2]?.key ?? '')) {
    for (let k = i + 3; k < Math.min(words.length, i + 6); k++) {
      if (ORG_NOUNS.has(words[k]!.key)) apposition = true;
    }
  }
  if (headAfterThe || subject || nounNext || apposition) return { end: i + 1, expansion: null };
  return null;
}
