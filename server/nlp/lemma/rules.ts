// Regular English inflection, undone by Penn Treebank tag: plural nouns (-s, -es, -ies), verb
// forms (-s, -ed, -ing, with e-restoration and consonant undoubling), comparatives and
// superlatives (-er, -est). Irregular forms come from the exception table learnt from treebanks.
// Given a vocabulary of known base forms, the candidate stems of a form (plain strip, strip + "e",
// undoubled consonant, -ies/-ied -> y) are tried in order and the first known one wins; the
// orthographic heuristics decide only when no candidate is known.

import { IRREGULAR_PAST, IRREGULAR_PLURAL, PAST_ONLY } from './irregular.ts';

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

function isVowel(ch: string | undefined): boolean {
  return ch !== undefined && VOWELS.has(ch);
}

function isConsonant(ch: string | undefined): boolean {
  return ch !== undefined && ch >= 'a' && ch <= 'z' && !VOWELS.has(ch);
}

/** Stems whose ending calls for a silent e back: "us(ed)", "liv(ing)", "handl(ed)", "produc(ed)". */
const E_ENDINGS = [
  'v',
  'u',
  'is',
  'rad',
  'vad',
  'uad',
  'fad',
  'os',
  'bat',
  'ag',
  'bin',
  'fin',
  'lin',
  'min',
  'gin',
  'rin',
  'tin',
  'vin',
  'zin',
  'z',
  'ac',
  'ic',
  'uc',
  'oc',
  'nc',
  'rc',
  'dg',
  'rg',
  'ng',
  'ur',
  'ir',
  'ar',
  'bl',
  'cl',
  'dl',
  'fl',
  'gl',
  'kl',
  'pl',
  'tl',
  'zl',
  'us',
  'ns',
  'rs',
  'ps',
  'ls',
  'uat',
  'iat',
  'rat',
  'lat',
  'nat',
  'cat',
  'gat',
  'pat',
  'vat',
  'mat',
  'dat',
  'tat',
  'iz',
  'ys',
  'rv',
  'lv',
  'th',
  'ul',
  'ok',
  'ak',
  'ik',
];

/**
 * More endings that call for an e back, each after a consonant: decid(ed), includ(ed), explod(ed),
 * cit(ed), execut(ed), blockad(ed), compensat(ed),
 * rebuk(ed), provok(ed), conced(ed), eas(ed), resum(ed), deplor(ed), ignor(ed). Vowel pairs before
 * them keep the stem bare (aid, raid, laud, flood, await, tout, head, treat, look, need); "bias", "gas" are in NO_E.
 */
const E_PATTERN =
  /(?:[^aeo]id|[^aeiou]ud|[^o]od|[^aeo]it|[^aeiou]ut|[^aeio]ot|[^aeio]ad|[^aeo]at|[^o]ok|[^u]uk|[^aeiou]ed|[^u]um|as|(?:pl|gn)or)$/;

/**
 * A doubled consonant kept in a longer stem whose first syllable carries a written diphthong and so
 * the stress ("boycott(ed)"): English doubles only after a stressed final syllable.
 */
const KEEPS_DOUBLE = /^[^aeiouy]*(?:oy|ay|ey|aw|ow)[^aeiouy]+[aeiou][^aeiouy]*$/;

/** Doubled final consonants that belong to the stem ("call", "pass", "buzz", "staff"). */
const KEEP_DOUBLE = new Set(['l', 's', 'z', 'f']);

/** Stems ending in -it/-at/-ut/-ur that take no e ("visit", "edit", "limit", "occur"). */
const NO_E = new Set([
  'applaud',
  'laud',
  'defraud',
  'visit',
  'edit',
  'limit',
  'exhibit',
  'credit',
  'benefit',
  'profit',
  'inherit',
  'deposit',
  'solicit',
  'elicit',
  'exit',
  'audit',
  'inhabit',
  'prohibit',
  'vomit',
  'posit',
  'merit',
  'spirit',
  'orbit',
  'occur',
  'recur',
  'concur',
  'incur',
  'blur',
  'stir',
  'spur',
  'slur',
  'focus',
  'bias',
  'gas',
  'bus',
  'sing',
  'bring',
  'ring',
  'bang',
  'hang',
  'long',
  'belong',
  'wing',
  'string',
  'sting',
  'swing',
  'spring',
  'cling',
  'wrong',
  'prolong',
  'throng',
  'fling',
  'clang',
  'gang',
  'look',
  'book',
  'cook',
  'hook',
  'shook',
  'took',
  'walk',
  'talk',
  'speak',
  'break',
  'leak',
  'peak',
  'sneak',
  'freak',
  'soak',
  'cloak',
  'seek',
  'peek',
  'shriek',
  'pick',
  'kick',
  'cut',
  'put',
  'shut',
  'output',
  'input',
  'strut',
  'gut',
  'wait',
  'suit',
  'recruit',
  'fruit',
  'bait',
  'await',
  'quit',
  'hit',
  'split',
  'fit',
  'commit',
  'admit',
  'submit',
  'emit',
  'permit',
  'omit',
  'transmit',
  'remit',
  'sit',
  'knit',
  'spit',
  'format',
  'combat',
  'chat',
  'pat',
  'bat',
  'repeat',
  'defeat',
  'treat',
  'heat',
  'beat',
  'cheat',
  'seat',
  'eat',
  'float',
  'boat',
  'coat',
  'doubt',
  'shout',
  'scout',
  'sprout',
  'pour',
  'tour',
  'four',
  'favour',
  'honour',
  'labour',
  'colour',
  'rumour',
  'harbour',
  'endeavour',
  'savour',
  'armour',
  'flavour',
  'clear',
  'appear',
  'disappear',
  'fear',
  'hear',
  'near',
  'gear',
  'rear',
  'tear',
  'wear',
  'bear',
  'swear',
  'star',
  'scar',
  'bar',
  'war',
  'mar',
  'spar',
  'char',
  'jar',
  'air',
  'pair',
  'repair',
  'despair',
  'chair',
  'impair',
  'cool',
  'fool',
  'pool',
  'tool',
  'foul',
  'haul',
  'maul',
  'bowl',
  'yowl',
  'howl',
  'crawl',
  'growl',
  'prowl',
  'scowl',
  'sprawl',
  'trawl',
  'brawl',
  'drawl',
  'fulfil',
  'boil',
  'toil',
  'soil',
  'coil',
  'foil',
  'spoil',
  'oil',
  'sail',
  'fail',
  'mail',
  'nail',
  'rail',
  'hail',
  'wail',
  'trail',
  'derail',
  'detail',
  'retail',
  'entail',
  'prevail',
  'avail',
  'bail',
  'jail',
  'veil',
  'unveil',
  'conceal',
  'deal',
  'heal',
  'reveal',
  'appeal',
  'steal',
  'seal',
  'peal',
  'kneel',
  'feel',
  'reel',
  'peel',
  'wheel',
  'head',
  'mention',
  'panic',
  'picnic',
  'traffic',
  'mimic',
  'bath',
  'breath',
  'mouth',
  'smooth',
  'sooth',
]);

function syllables(word: string): number {
  let groups = 0;
  let inVowel = false;
  for (const ch of word) {
    const v = isVowel(ch) || ch === 'y';
    if (v && !inVowel) groups++;
    inVowel = v;
  }
  return groups;
}

/** Stem for a verb form with its ending removed ("hop" from hopping, "hope" from hoped). */
function restoreStem(stem: string): string {
  if (stem.length < 2) return stem;
  const last = stem[stem.length - 1]!;
  const prev = stem[stem.length - 2]!;
  if (last === prev && isConsonant(last) && !KEEP_DOUBLE.has(last)) {
    return KEEPS_DOUBLE.test(stem) ? stem : stem.slice(0, -1);
  }
  // British doubling after an unstressed vowel: travell(ed), controll(ed); not spell, roll.
  if (
    (stem.endsWith('ell') || stem.endsWith('oll')) &&
    syllables(stem) >= 2 &&
    !stem.endsWith('roll')
  )
    return stem.slice(0, -1);
  if (NO_E.has(stem) || NEVER_E.test(stem)) return stem;
  if (E_PATTERN.test(stem)) return stem + 'e';
  for (const ending of E_ENDINGS) {
    if (stem.endsWith(ending)) {
      return stem + 'e';
    }
  }
  // One vowel between single consonants in a one-syllable stem: hop(e)d, bak(e)d, us(e)d.
  if (isConsonant(last) && last !== 'w' && last !== 'x' && last !== 'y' && isVowel(prev)) {
    if (syllables(stem) === 1 && (stem.length === 2 || isConsonant(stem[stem.length - 3]))) {
      if (stem.length <= 5) return stem + 'e';
    }
  }
  return stem;
}

/** Is a word a known base form? Without a vocabulary nothing is known and only heuristics apply. */
export type KnownWord = (word: string) => boolean;

const NOTHING_KNOWN: KnownWord = () => false;

/**
 * A one-syllable stem ending in one vowel and one consonant ("hop", "not", "us"): as a verb it would
 * double that consonant before -ed/-ing, so "hoped"/"noted"/"used" cannot come from it.
 */
function wouldDouble(stem: string): boolean {
  const last = stem[stem.length - 1];
  const prev = stem[stem.length - 2];
  if (!isConsonant(last) || last === 'w' || last === 'x' || last === 'y') return false;
  if (!isVowel(prev)) return false;
  if (stem.length > 2 && !isConsonant(stem[stem.length - 3])) return false;
  return syllables(stem) === 1;
}

/**
 * Stems that take no e back even when the e-word exists: sever(ed) not "severe", blitz(ed),
 * smear(ed), deliver(ed), cover(ed).
 */
const NEVER_E = /(?:ver|tz|ear)$/;

/** Candidate verb stems for the part before -ed/-ing, most likely first. */
function stemCandidates(stem: string): string[] {
  const last = stem[stem.length - 1];
  if (last === stem[stem.length - 2] && isConsonant(last)) return [stem, stem.slice(0, -1)];
  if (stem.length <= 2 || wouldDouble(stem)) return [stem + 'e'];
  if (last === 'e' || NEVER_E.test(stem)) return [stem];
  return [stem, stem + 'e'];
}

/** The first known candidate, else the heuristic answer. */
function pick(candidates: string[], known: KnownWord, fallback: () => string): string {
  for (const c of candidates) if (c.length > 1 && known(c)) return c;
  return fallback();
}

/** Plurals that are their own singular. */
const SAME_PLURAL = new Set(['series', 'species', 'news', 'means', 'headquarters', 'crossroads']);

function pluralStem(word: string, known: KnownWord = NOTHING_KNOWN): string {
  if (SAME_PLURAL.has(word)) return word;
  const irregular = IRREGULAR_PLURAL.get(word);
  if (irregular !== undefined) return irregular;
  if (word.endsWith('men') && word.length > 4) return word.slice(0, -3) + 'man';
  if (word.length <= 3) return word.endsWith('s') && word.length === 3 ? word.slice(0, -1) : word;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  return pick(sCandidates(word), known, () => pluralHeuristic(word));
}

function pluralHeuristic(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('sses') || word.endsWith('shes') || word.endsWith('ches'))
    return word.slice(0, -2);
  if (word.endsWith('xes') || word.endsWith('zzes')) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/** Candidate stems of an -s form: "-ies" -> "y" first, sibilant "-es" -> strip "es" first. */
function sCandidates(word: string): string[] {
  if (!word.endsWith('s')) return [];
  if (word.endsWith('ies') && word.length > 4) return [word.slice(0, -3) + 'y', word.slice(0, -1)];
  if (/(?:ss|sh|ch|x|zz|tz)es$/.test(word)) return [word.slice(0, -2), word.slice(0, -1)];
  // "-es" goes only after s, z, o (and the sibilants above): "slates" is no form of "slat".
  if (/[szo]es$/.test(word)) return [word.slice(0, -1), word.slice(0, -2)];
  return [word.slice(0, -1)];
}

function verbThird(word: string, known: KnownWord = NOTHING_KNOWN): string {
  if (word.endsWith('ss')) return word;
  return pick(sCandidates(word), known, () => verbThirdHeuristic(word));
}

function verbThirdHeuristic(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (/(?:ss|sh|ch|x|zz|tz|o)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

function verbPast(word: string, known: KnownWord = NOTHING_KNOWN): string {
  const irregular = IRREGULAR_PAST.get(word);
  if (irregular !== undefined) return irregular;
  if (word.endsWith('ied') && word.length > 4) {
    return pick([word.slice(0, -3) + 'y', word.slice(0, -1)], known, () => word.slice(0, -3) + 'y');
  }
  if (word.endsWith('eed')) {
    // agreed, freed; "proceed" and "need" are bases themselves.
    if (known(word)) return word;
    return word.length <= 4 ? word : word.slice(0, -1);
  }
  if (word.endsWith('ed') && word.length > 3) {
    const stem = word.slice(0, -2);
    return pick(stemCandidates(stem), known, () => restoreStem(stem));
  }
  return word;
}

function verbGerund(word: string, known: KnownWord = NOTHING_KNOWN): string {
  // dying, lying, tying -> die, lie, tie; playing, studying -> play, study.
  if (word.endsWith('ying') && word.length >= 5) {
    const stem = word.slice(0, -4);
    const short = word.length === 5;
    const guess = stem + (short ? 'ie' : 'y');
    return pick(short ? [stem + 'ie', stem + 'y'] : [stem + 'y', stem + 'ie'], known, () => guess);
  }
  if (word.endsWith('ing') && word.length > 4) {
    const stem = word.slice(0, -3);
    if (!/[aeiouy]/.test(stem)) return word; // "string", "thing" as nouns tagged oddly
    return pick(stemCandidates(stem), known, () => restoreStem(stem));
  }
  return word;
}

function comparative(word: string, suffix: 'er' | 'est'): string {
  if (!word.endsWith(suffix) || word.length <= suffix.length + 2) return word;
  const stem = word.slice(0, -suffix.length);
  if (stem.endsWith('i')) return stem.slice(0, -1) + 'y'; // happier
  const last = stem[stem.length - 1]!;
  if (last === stem[stem.length - 2] && isConsonant(last) && !KEEP_DOUBLE.has(last))
    return stem.slice(0, -1); // bigger
  if (
    /(?:[^aeiou][aeiou][cgsvz]|[^aeiou][aeiou][^aeiouwxy]|[bcdfgkpt]l|r[cgsv]|[aeiou]u[rt])$/.test(
      stem,
    ) &&
    stem.length <= 4
  )
    return stem + 'e'; // nicer, later, wider
  if (/(?:[bcdfgkpt]l|[ai]s|[aeiou][cgv]|ur)$/.test(stem)) return stem + 'e'; // simpler, closer, larger
  return stem;
}

const QUOTES: ReadonlyMap<string, string> = new Map([
  ['“', '"'],
  ['”', '"'],
  ['„', '"'],
  ['‘', "'"],
  ['’', "'"],
  ['``', '"'],
  ['–', '-'],
]);

/**
 * Lemma by rule alone: proper nouns keep their form, numbers lose their thousands separators,
 * curly quotes become straight, other words are lower-cased and stripped of regular inflection.
 */
export function ruleLemma(
  form: string,
  upos: string,
  xpos: string,
  known: KnownWord = NOTHING_KNOWN,
): string {
  const quote = QUOTES.get(form);
  if (quote !== undefined) return quote;
  switch (xpos) {
    case 'NNP':
    case 'ADD':
      return form;
    case 'NNPS':
      return form.length > 3 && /\p{Ll}s$/u.test(form) ? pluralStem(form) : form;
    case 'CD':
      return /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(form)
        ? form.replace(/,/g, '')
        : form.toLowerCase();
    default:
      break;
  }
  if (upos === 'PROPN') return form;
  if (upos === 'PUNCT' || upos === 'SYM' || upos === 'NUM' || upos === 'X') return form;
  if (form === 'I') return form;
  const word = form.toLowerCase();
  switch (xpos) {
    case 'NNS':
      return pluralStem(word, known);
    case 'VBZ':
      return verbThird(word, known);
    case 'VBD':
    case 'VBN':
      return verbPast(word, known);
    case 'VBG':
      return verbGerund(word, known);
    case 'VB':
    case 'VBP':
    case 'JJ':
      // A past-only form mistagged as base or adjective ("froze"), unless it is a word in its own right.
      if ((upos === 'VERB' || upos === 'ADJ') && !known(word)) return PAST_ONLY.get(word) ?? word;
      return word;
    case 'JJR':
    case 'RBR':
      return comparative(word, 'er');
    case 'JJS':
    case 'RBS':
      return comparative(word, 'est');
    default:
      return word;
  }
}
