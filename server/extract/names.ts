// Name normalisation shared by the gazetteer and the actor stage: folding, slugs and name shapes.

const NON_ASCII = /[^ -~\t\n\r]/;

/** Removes diacritics and unifies apostrophes and dashes, keeping case ("Türkiye’s" -> "Turkiye's"). */
export function fold(text: string): string {
  let out = text;
  // Only pay for NFD when a non-ASCII character is present: most news tokens are ASCII.
  if (NON_ASCII.test(out)) {
    out = out
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[\u2018\u2019\u02bc\u2032`]/g, "'")
      .replace(/[\u2010-\u2015]/g, '-')
      .replace(/\u0131/g, 'i')
      .replace(/[\u00df]/g, 'ss');
  }
  return out;
}

/** Folded and lower-cased: the key under which phrases are indexed. */
export function normKey(text: string): string {
  return fold(text).toLowerCase();
}

/** A lowercase ASCII slug: "Yoon Suk-yeol" -> "yoon-suk-yeol", "Côte d'Ivoire" -> "cote-divoire". */
export function slugify(text: string): string {
  return fold(text)
    .toLowerCase()
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/g, '');
}

/** Splits a phrase into the word keys the phrase index uses: hyphens and spaces both separate. */
export function phraseKeys(phrase: string): string[] {
  const keys: string[] = [];
  for (const part of normKey(phrase).split(/[\s-]+/)) {
    if (part === '') continue;
    // Possessive endings are their own token in the tagger's output.
    const m = /^(.+?)('s)$/.exec(part);
    if (m && m[1] !== "'") {
      keys.push(m[1]!, m[2]!);
    } else keys.push(part);
  }
  return keys;
}

/** True when the word starts with an upper-case letter. */
export function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = word[0]!;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** True for acronyms such as "UN", "NATO", "U.S.": two or more letters, all upper case. */
export function isAcronym(word: string): boolean {
  const letters = word.replace(/[.&-]/g, '');
  return letters.length >= 2 && /^[A-Z0-9+]+$/.test(letters) && /[A-Z]/.test(letters);
}

/** Lower-case particles that may sit inside a person's name ("Mohammed bin Salman"). */
export const NAME_PARTICLES = new Set([
  'bin',
  'bint',
  'ibn',
  'al',
  'el',
  'de',
  'da',
  'di',
  'del',
  'della',
  'dos',
  'du',
  'van',
  'von',
  'der',
  'den',
  'le',
  'la',
  'abu',
  'ul',
]);

export const MONTHS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

export const WEEKDAYS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);

/** Family names shared by so many people that alone they name someone only after an introduction. */
const COMMON_SURNAMES = new Set([
  'khan',
  'ali',
  'kim',
  'lee',
  'park',
  'choi',
  'martin',
  'wang',
  'li',
  'zhang',
  'liu',
  'chen',
  'nguyen',
  'singh',
  'kumar',
  'ahmed',
  'hassan',
  'hussein',
  'mohammed',
  'smith',
  'jones',
  'garcia',
  'rodriguez',
  'fernandez',
  'gonzalez',
  'lopez',
  'silva',
  'santos',
  'yilmaz',
  'sharma',
  'tanaka',
  'suzuki',
  'sato',
  'ivanov',
  'johnson',
  'williams',
  'brown',
]);

/** Family names that are also ordinary English words: a name only when capitalised mid-sentence. */
const WORD_SURNAMES = new Set([
  'friday',
  'english',
  'key',
  'little',
  'long',
  'mark',
  'fall',
  'rice',
  'may',
  'gold',
  'love',
  'black',
  'young',
  'bush',
  'brown',
  'white',
  'green',
  'king',
  'price',
  'rich',
  'hope',
  'hunt',
  'lamb',
  'reed',
  'wood',
  'ward',
  'hill',
  'bell',
  'stone',
  'field',
  'cook',
  'baker',
  'rose',
  'fox',
  'wolf',
  'law',
  'power',
  'hall',
  'banks',
  'moon',
  'sun',
  'page',
  'short',
  'strong',
  'sharp',
  'swift',
  'west',
  'north',
  'south',
  'east',
  'best',
  'cash',
  'glass',
  'head',
  'hand',
  'lord',
  'mills',
  'noble',
  'rock',
  'shore',
  'wise',
  'frost',
  'gay',
  'gray',
  'grey',
  'hart',
  'march',
  'park',
  'penny',
  'storm',
  'summer',
  'winter',
  'wall',
  'way',
  'will',
  'word',
]);

/** A surname that alone names someone only after the article introduced them. */
export function isCommonSurname(key: string): boolean {
  return COMMON_SURNAMES.has(key) || WORD_SURNAMES.has(key);
}

/** A surname that is also an ordinary English word ("May", "Young", "Rice"). */
export function isWordSurname(key: string): boolean {
  return WORD_SURNAMES.has(key);
}

/** Two spellings of one given name ("Mohamed"/"Mohammed", "Sergei"/"Sergey"): same first two
 * letters and at most two edits apart. */
export function nearSpelling(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 3 || b.length < 3 || a.slice(0, 2) !== b.slice(0, 2)) return false;
  if (Math.abs(a.length - b.length) > 2) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, k) => k);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        prev[j]! + 1,
        cur[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return prev[b.length]! <= 2;
}
