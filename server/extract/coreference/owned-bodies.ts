// A body named by its owner and a description ("the U.N.'s refugee agency", "the United Nations'
// highest court", "the refugee agency of the UN", "Kenya's electoral commission"): the one body of
// that owner (the gazetteer's, by `parent` or `country`, or the article's) whose category fits
// the head noun and whose names hold the modifier words; for a state owner with no such body, a
// national body keyed by the state, as generic bodies are. Two fitting bodies leave it unresolved.
import type { Gazetteer } from '../gazetteer.ts';
import { slugify } from '../names.ts';
import type { ResolvedActor } from '../types.ts';
import type { KindNouns } from './kinds.ts';

export interface OwnedBodyQuery {
  owner: ResolvedActor;
  /** The head noun, lower case ("agency"). */
  noun: string;
  /** Lower-case modifier words before the head that no mention covers ("refugee", "highest"). */
  words: string[];
  /** Whether the words may make a national body (plain nouns and adjectives, nothing ranked). */
  plainWords: boolean;
  /** Words that describe no body of their own ("new", "powerful"). */
  neutral: (word: string) => boolean;
}

interface BodyNames {
  id: string;
  category: string | null;
  /** Lower-case names and aliases, and the words in them. */
  names: string[];
  words: Set<string>;
}

/** Lower-case words of a name ("U.N. Refugee Agency" -> u.n., refugee, agency). */
function wordsOf(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/['\u2019]s\b/g, '')
    .split(/[\s\-\u2010\u2011/,()]+/)
    .filter(Boolean);
}

function namesOf(id: string, category: string | null, names: string[]): BodyNames {
  const lower = names.map((n) => wordsOf(n).join(' '));
  return { id, category, names: lower, words: new Set(lower.flatMap((n) => n.split(' '))) };
}

const CHILDREN = new WeakMap<Gazetteer, Map<string, BodyNames[]>>();

/** The gazetteer's bodies by owner: an organization's by `parent`, a state's by `country`. */
function childrenOf(gaz: Gazetteer, owner: string): BodyNames[] {
  let index = CHILDREN.get(gaz);
  if (!index) {
    index = new Map();
    for (const o of gaz.organizations) {
      const body = namesOf(o.id, o.category, [o.name, ...o.aliases]);
      for (const key of new Set([o.parent, o.country])) {
        if (!key) continue;
        const list = index.get(key) ?? [];
        list.push(body);
        index.set(key, list);
      }
    }
    CHILDREN.set(gaz, index);
  }
  return index.get(owner) ?? [];
}

/** How the owner's names are written in front of its bodies' names ("un", "u.n.", "russian"). */
function ownerForms(gaz: Gazetteer, owner: ResolvedActor): Set<string> {
  const known = gaz.byId(owner.id);
  const state = gaz.states.find((x) => x.id === owner.id);
  const forms = [owner.name, ...(known?.aliases ?? []), ...(state?.demonyms ?? [])];
  return new Set(forms.map((f) => wordsOf(f).join(' ')));
}

/** A word in the names, a plural or singular of one ("refugees" for "refugee"). */
function hasWord(body: BodyNames, w: string): boolean {
  return (
    body.words.has(w) ||
    body.words.has(`${w}s`) ||
    (w.endsWith('s') && body.words.has(w.slice(0, -1)))
  );
}

/**
 * The body the description names, or null: the one fitting body of the owner, else (for a state
 * with no fitting body at all) that state's national body.
 */
export function ownedBody(
  gaz: Gazetteer,
  nouns: KindNouns,
  query: OwnedBodyQuery,
  articleBodies: Iterable<ResolvedActor>,
): ResolvedActor | null {
  const { owner, noun } = query;
  const categories = nouns.organization.get(noun) ?? nouns.owned.get(noun) ?? [];
  const words = query.words.filter((w) => !nouns.ranks.has(w) && !query.neutral(w));
  const candidates = [...childrenOf(gaz, owner.id)];
  if (owner.kind === 'state') {
    // Bodies of the state the article named that the gazetteer lacks ("Kenya Electoral Commission").
    for (const a of articleBodies) {
      if (a.kind === 'organization' && a.country === owner.id && !gaz.byId(a.id)) {
        candidates.push(namesOf(a.id, null, [a.name]));
      }
    }
  }
  const fitting = candidates.filter((b) => {
    const head = b.words.has(noun) || (b.category !== null && categories.includes(b.category));
    if (!head) return false;
    return words.every(
      (w) =>
        hasWord(b, w) ||
        (b.category !== null && !!nouns.categoryWords.get(w)?.includes(b.category)),
    );
  });
  let found = fitting;
  if (found.length > 1) {
    // "the UN's refugee agency": one body is named so ("UN refugee agency"); another holds only
    // the words ("agency for Palestinian refugees").
    const phrase = [...words, noun].join(' ');
    const owners = ownerForms(gaz, owner);
    found = fitting.filter((b) =>
      b.names.some(
        (n) =>
          n === phrase || (n.endsWith(` ${phrase}`) && owners.has(n.slice(0, -phrase.length - 1))),
      ),
    );
  }
  if (found.length === 1) {
    const id = found[0]!.id;
    const known = gaz.byId(id);
    if (known) return { id, name: known.name, kind: 'organization', country: known.country };
    return [...articleBodies].find((a) => a.id === id) ?? null;
  }
  if (fitting.length > 0 || owner.kind !== 'state') return null;
  if (!nouns.national.has(noun) || !query.plainWords || words.length === 0) return null;
  if (words.length !== query.words.length) return null;
  const body = [...words, noun].join(' ');
  const title = body.replace(
    /(^|[\s-])([a-z])/g,
    (_, sep: string, c: string) => sep + c.toUpperCase(),
  );
  return {
    id: slugify(`${owner.id} ${body}`),
    name: `${owner.name} ${title}`,
    kind: 'organization',
    country: owner.id,
  };
}
