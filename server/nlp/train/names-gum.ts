// Reads GUM's entity layer (the `Entity=` attribute in the CoNLL-U MISC column) and turns its
// mentions into the flat name spans the name finder learns from.
//
// GUM brackets every mention (names, descriptions, pronouns): "(12-person-giv:act-sssss-cf1-1,2-coref-
// Jared_Padalecki" opens mention of entity 12 on a token, "12)" closes it on a later token, and
// "(12-person-...)" opens and closes on the same token. The fields follow the document's
// `# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity`.
//
// What counts as a NAME (the definition the model is trained and scored on):
//   1. Mentions of etype `time` are never names (months and weekdays are dates, not actors).
//   2. A mention's head is its first token whose syntactic head lies outside the mention. The
//      mention is named when that head is a proper noun (xpos NNP/NNPS or upos PROPN) and, for
//      persons, not a title word ("President", "Mr.", "Sheikh": the list in
//      server/nlp/names/designators.ts); or else when the head has a proper-noun dependent inside
//      the mention attached by flat, appos or nmod:desc ("Editorial Manager Chet Clem", "co-star
//      Jensen Ackles"), or for places by nmod with "of" ("the province of Palawan"); that
//      dependent is then the name's anchor.
//   3. The name's span grows from the anchor over neighbouring proper nouns inside the mention,
//      and across connectors only when a proper noun follows inside the mention ("Bank of the
//      West"). Connectors: of, the, and, &, for, on, name particles (de, van, bin, al ...), the
//      punctuation - . ' and a possessive 's that does not close a mention of its own ("People 's
//      Alliance", but not "Berkeley 's Department"). A coordinator between two mentions of their
//      own that are conjuncts of the mention's head separates two names ("Sudan and South Sudan"
//      is two places; "National Air and Space Museum" stays one). Persons cross only name particles and
//      punctuation ("Lam Cheuk-ting from the Democratic Party" stops at "from"). A span never
//      starts or ends on a connector, so a leading "the" and a possessive "'s" are left out; for
//      persons, leading title words are left out too ("President Sean Mills" -> "Sean Mills"), a
//      lone title is no name ("Mr. President") and a lone plural proper noun is a group, not a
//      name ("Americans", "Senators").
//   4. Nested names: when two name spans overlap the longer (outer) one is kept, so "University of
//      Chicago" is one organization and "Nobel Peace Prize" one `other`, not a person inside it.
//   5. Label: GUM person -> person, organization -> organization, place -> place, every other
//      etype (event, object, abstract, animal, substance, plant) -> other.
import { isTitle } from '../names/designators.ts';
import type { NameLabel } from '../types.ts';
import { type ConlluSentence, type ConlluWord, miscValue } from './conllu.ts';

/** One GUM mention inside a sentence, over words [first, last] (0-based, inclusive). */
export interface GumMention {
  entity: string;
  etype: string;
  first: number;
  last: number;
  /** 0-based sentence positions of the minimal span (head tokens), when given. */
  minspan: number[];
  /** Wikipedia title (decoded), or '' when none. */
  identity: string;
}

/** A gold name over words [first, last] (0-based, inclusive). */
export interface GoldName {
  first: number;
  last: number;
  label: NameLabel;
}

interface OpenMention {
  entity: string;
  fields: string[];
  first: number;
}

/**
 * Mentions of one sentence from its words' `Entity=` values. Brackets may nest, span several
 * tokens and open and close on one token; a closer matches the latest open mention of its entity.
 * Mentions left open at the end of the sentence are dropped.
 */
export function sentenceMentions(words: readonly ConlluWord[]): GumMention[] {
  const mentions: GumMention[] = [];
  const open: OpenMention[] = [];
  const finish = (m: OpenMention, last: number): void => {
    const minspan = (m.fields[5] ?? '')
      .split(',')
      .map((s) => Number(s))
      .filter((n) => Number.isInteger(n) && n >= 1)
      .map((n) => m.first + n - 1)
      .filter((n) => n <= last);
    let identity = m.fields.slice(7).join('-');
    try {
      identity = decodeURIComponent(identity);
    } catch {
      // keep the raw title when it is not valid percent-encoding
    }
    mentions.push({
      entity: m.entity,
      etype: m.fields[1] ?? '',
      first: m.first,
      last,
      minspan,
      identity,
    });
  };
  words.forEach((word, i) => {
    const value = miscValue(word.misc, 'Entity');
    if (value === undefined) return;
    const pattern = /\(([^()]+)(\))?|([^()]+)\)/g;
    for (let m = pattern.exec(value); m !== null; m = pattern.exec(value)) {
      if (m[1] !== undefined) {
        const fields = m[1].split('-');
        const opened: OpenMention = { entity: fields[0], fields, first: i };
        if (m[2] !== undefined) finish(opened, i);
        else open.push(opened);
      } else {
        const entity = m[3];
        for (let k = open.length - 1; k >= 0; k--) {
          if (open[k].entity === entity) {
            finish(open[k], i);
            open.splice(k, 1);
            break;
          }
        }
      }
    }
  });
  return mentions.sort((a, b) => a.first - b.first || b.last - a.last);
}

/** A title word that a person's name span leaves out ("President", "Mr.", "Foreign Minister"). */
export function isTitleWord(form: string): boolean {
  return isTitle(form);
}

function isProper(word: ConlluWord): boolean {
  return word.xpos === 'NNP' || word.xpos === 'NNPS' || word.upos === 'PROPN';
}

// Words that may join proper nouns inside one name: "Bank of the West", "Trinidad and Tobago",
// "Party for Freedom"; persons only take name particles ("Luiz Inácio Lula da Silva", "bin Zayed").
const PARTICLES = new Set(
  'de du des del della di da do dos das van von der den la le el al bin bint ibn ben y'.split(' '),
);
const CONNECTORS = new Set([...PARTICLES, 'of', 'the', 'and', '&', 'for', 'on']);

function isConnector(word: ConlluWord, person: boolean): boolean {
  const form = word.form.toLowerCase();
  if (word.xpos === 'POS') return !person;
  if (word.upos === 'PUNCT') return /^[-.'’]$/.test(form) || (!person && form === '&');
  return person ? PARTICLES.has(form) : CONNECTORS.has(form);
}

/** A possessive "'s" after a mention of its own ("Berkeley 's Department") is not inside a name. */
function crossesPossessor(
  words: readonly ConlluWord[],
  i: number,
  possessorEnds: ReadonlySet<number>,
): boolean {
  return words[i].xpos === 'POS' && possessorEnds.has(i - 1);
}

/** Whether word i has an "of" case marker ("the province of Palawan"). */
function ofCase(words: readonly ConlluWord[], i: number): boolean {
  return words.some(
    (w) => w.head - 1 === i && w.deprel === 'case' && w.form.toLowerCase() === 'of',
  );
}

const LABELS: Record<string, NameLabel> = {
  person: 'person',
  organization: 'organization',
  place: 'place',
};

function mentionHead(words: readonly ConlluWord[], m: GumMention): number {
  for (let i = m.first; i <= m.last; i++) {
    const head = words[i].head - 1;
    if (head < m.first || head > m.last) return i;
  }
  return m.first;
}

/** Where the mentions of a sentence start and end, for telling coordinated names apart. */
interface MentionBounds {
  starts: ReadonlySet<number>;
  ends: ReadonlySet<number>;
}

/**
 * Whether the coordinator at word i joins two names of their own at the top of mention m ("Sudan
 * and South Sudan", "Khartoum and the city of Juba"): a mention ends just before it, another
 * starts just after it (past a "the"), and the word after is a conjunct of the mention's head. A
 * name that holds a coordinator ("National Air and Space Museum", "Congress of Arts and Sciences")
 * is none of these and stays whole.
 */
function splitsConjuncts(
  words: readonly ConlluWord[],
  m: GumMention,
  head: number,
  i: number,
  bounds: MentionBounds,
): boolean {
  const form = words[i].form.toLowerCase();
  if (form !== 'and' && form !== '&') return false;
  let next = i + 1;
  const opens = bounds.starts.has(next);
  if (next <= m.last && words[next].form.toLowerCase() === 'the') next++;
  if (next > m.last || !bounds.ends.has(i - 1) || !(opens || bounds.starts.has(next))) return false;
  for (let k = next; k <= m.last; k++)
    if (words[k].deprel === 'conj' && words[k].head - 1 === head) return true;
  return false;
}

function nameOfMention(
  words: readonly ConlluWord[],
  m: GumMention,
  possessorEnds: ReadonlySet<number>,
  bounds: MentionBounds,
): GoldName | undefined {
  if (m.etype === 'time' || m.etype === '') return undefined;
  const person = m.etype === 'person';
  const usable = (i: number): boolean =>
    isProper(words[i]) && !(person && isTitleWord(words[i].form));
  const head = mentionHead(words, m);
  let anchor = -1;
  if (usable(head)) anchor = head;
  else {
    for (let i = m.first; i <= m.last; i++) {
      const w = words[i];
      const rel = w.deprel.split(':')[0];
      const named =
        rel === 'flat' ||
        rel === 'appos' ||
        w.deprel === 'nmod:desc' ||
        (m.etype === 'place' && rel === 'nmod' && ofCase(words, i));
      const attached = w.head - 1 === head && named;
      if (attached && usable(i)) {
        anchor = i;
        break;
      }
    }
  }
  if (anchor < 0) return undefined;
  let first = anchor;
  let last = anchor;
  // grow right: proper nouns, and connectors only when a proper noun follows inside the mention
  for (let i = anchor + 1; i <= m.last; i++) {
    if (isProper(words[i])) last = i;
    else if (
      !isConnector(words[i], person) ||
      crossesPossessor(words, i, possessorEnds) ||
      splitsConjuncts(words, m, head, i, bounds)
    )
      break;
  }
  // grow left the same way; persons stop at title words
  for (let i = anchor - 1; i >= m.first; i--) {
    if (usable(i)) first = i;
    else if (
      !isConnector(words[i], person) ||
      crossesPossessor(words, i, possessorEnds) ||
      (person && isTitleWord(words[i].form))
    )
      break;
  }
  // a lone plural proper noun for people is a group ("Americans", "Senators"), not a name
  if (person && first === last && words[first].xpos === 'NNPS') return undefined;
  return { first, last, label: LABELS[m.etype] ?? 'other' };
}

/** Gold names of one sentence under the definition above (sorted, never overlapping). */
export function goldNames(sentence: ConlluSentence): GoldName[] {
  const words = sentence.words;
  const candidates: GoldName[] = [];
  const mentions = sentenceMentions(words);
  const possessorEnds = new Set(mentions.map((m) => m.last));
  const bounds = { starts: new Set(mentions.map((m) => m.first)), ends: possessorEnds };
  for (const m of mentions) {
    const name = nameOfMention(words, m, possessorEnds, bounds);
    if (name) candidates.push(name);
  }
  candidates.sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
  const kept: GoldName[] = [];
  for (const c of candidates) {
    if (kept.some((k) => c.first <= k.last && k.first <= c.last)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.first - b.first);
}
