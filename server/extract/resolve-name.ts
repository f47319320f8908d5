// Resolving a bare actor name, as coded-event files give them ("Xi Jinping", "U.S.", "Government
// (China)"), to the gazetteer actor the extractor would choose, so imported and extracted events
// meet on the same nodes.
import type { ActorKind } from '../model/index.ts';
import { loadGazetteer, type PhraseEntry } from './gazetteer.ts';
import { normKey, phraseKeys } from './names.ts';

export interface ResolvedName {
  id: string;
  name: string;
  kind: ActorKind;
  country: string | null;
}

/** Names before other ways of naming: "Georgia" the state, not a capital or demonym match. */
const VIA_ORDER: PhraseEntry['via'][] = [
  'name',
  'alias',
  'acronym',
  'metonym',
  'capital',
  'demonym',
];

function best(entries: PhraseEntry[]): PhraseEntry | undefined {
  return [...entries].sort((a, b) => VIA_ORDER.indexOf(a.via) - VIA_ORDER.indexOf(b.via))[0];
}

function entryFor(phrase: string): PhraseEntry | undefined {
  const g = loadGazetteer();
  // Case-sensitive entries ("US") also match an all-capitals spelling; try the phrase as given,
  // then upper-cased for short codes, then title-cased for lower-case slugs ("north-korea").
  const words = phrase.replace(/-/g, ' ');
  const titled = words.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
  return best(g.lookup(phrase)) ?? best(g.lookup(titled)) ?? best(g.lookup(phrase.toUpperCase()));
}

function fromEntry(id: string): ResolvedName | null {
  const known = loadGazetteer().byId(id);
  return known ? { id, name: known.name, kind: known.kind, country: known.country } : null;
}

/** The state a country column names ("China", "CHN", "United States"), or null. */
export function resolveCountry(country: string | null | undefined): string | null {
  const text = country?.trim();
  if (!text) return null;
  // POLECAT and other coded data give ISO 3166 alpha-3 codes.
  if (/^[A-Z]{3}$/.test(text)) {
    const state = loadGazetteer().states.find((s) => s.iso3 === text);
    if (state) return state.id;
  }
  const e = entryFor(text);
  if (!e) return null;
  const actor = fromEntry(e.id);
  return actor?.kind === 'state' ? actor.id : (actor?.country ?? null);
}

/**
 * The gazetteer actor a name denotes, or null. "Sector (Country)" names resolve the country and
 * then the sector as one of its bodies ("Foreign Affairs (Russia)") or as the state itself
 * ("Government (China)"); `country` is a hint for the same use when the name is a bare sector.
 */
export function resolveActorName(name: string, country?: string | null): ResolvedName | null {
  const trimmed = name.trim();
  if (!trimmed) return null;
  const paren = /^(.*\S)\s*\(([^()]+)\)$/.exec(trimmed);
  const bare = paren ? paren[1]! : trimmed;
  const direct = entryFor(bare);
  if (direct && !paren) return fromEntry(direct.id);
  const state = resolveCountry(paren ? paren[2] : country);
  if (state) {
    const g = loadGazetteer();
    const key = phraseKeys(bare).join(' ');
    const body =
      g.genericBody(key, state) ??
      g.nationalBody(state, bare) ??
      g.nationalBody(state, `Ministry of ${bare}`);
    if (body) return fromEntry(body);
    if (normKey(bare) === 'government') return fromEntry(state);
  }
  return direct ? fromEntry(direct.id) : null;
}

/** Body words that name no country on their own ("Defence Ministry", "Police", "Navy"). */
const BODY_WORDS =
  /\b(ministry|police|parliament|navy|air force|coast guard|border guard|security forces|intelligence)\b/i;

/**
 * Whether a name is a generic body that needs its country to be one actor ("Defence Ministry",
 * "Police"): a generic phrase of the gazetteer, or a body word without a proper name of a country.
 */
export function isGenericBodyName(name: string): boolean {
  const key = phraseKeys(name.trim()).join(' ');
  if (loadGazetteer().isGenericPhrase(key)) return true;
  return (
    BODY_WORDS.test(name) &&
    !phraseKeys(name).some((k) =>
      loadGazetteer()
        .lookup(k)
        .some((e) => e.kind === 'state'),
    )
  );
}
