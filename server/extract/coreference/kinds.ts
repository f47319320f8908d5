// The kind nouns the coreference stage reads descriptions by ("the minister", "the bloc", "the
// kingdom", "the Chilean side", "the UN's refugee agency"), loaded once from
// graph-data/gazetteer/kind-nouns.json.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { dataPath } from '../../model/index.ts';

const KindNounsFile = z.object({
  person: z.record(z.string(), z.array(z.string())),
  organization: z.record(z.string(), z.array(z.string())),
  state: z.array(z.string()),
  side: z.array(z.string()),
  past: z.array(z.string()),
  owned: z.record(z.string(), z.array(z.string())).default({}),
  national: z.array(z.string()).default([]),
  ranks: z.array(z.string()).default([]),
  categoryWords: z.record(z.string(), z.array(z.string())).default({}),
});

export interface KindNouns {
  /** Role noun -> the role-title endings that fit it ("leader" -> president, prime minister ...). */
  person: Map<string, string[]>;
  /** Body noun -> the gazetteer categories that fit it ("bloc" -> bloc, igo, forum). */
  organization: Map<string, string[]>;
  state: Set<string>;
  side: Set<string>;
  /** Modifiers that make a role no one's current one ("former", "late"). */
  past: Set<string>;
  /** Body nouns read only after an owner ("its intelligence service") -> the categories they fit. */
  owned: Map<string, string[]>;
  /** Body nouns that, after a state and a word of their own, name a body of that state. */
  national: Set<string>;
  /** Modifiers that rank a body among its owner's without naming it ("highest", "top"). */
  ranks: Set<string>;
  /** Modifiers that state a body's category, not a word of its name ("judicial" -> court). */
  categoryWords: Map<string, string[]>;
  /** Every kind noun with the one kind a description headed by it refers to, in that order of
   * precedence: person, organization (owned bodies too), state, side. */
  kindOf: Map<string, NounKind>;
}

/** The kind of actor a description's head noun refers to. */
export type NounKind = 'person' | 'organization' | 'state' | 'side';

let loaded: KindNouns | null = null;

/** The kind-noun lists (read and validated on first use). */
export function kindNouns(): KindNouns {
  if (loaded) return loaded;
  const raw = KindNounsFile.parse(
    JSON.parse(readFileSync(dataPath('gazetteer', 'kind-nouns.json'), 'utf8')),
  );
  // Lowest precedence first, so a noun of several lists keeps the kind that comes first.
  const kindOf = new Map<string, NounKind>();
  for (const w of raw.side) kindOf.set(w, 'side');
  for (const w of raw.state) kindOf.set(w, 'state');
  for (const w of [...Object.keys(raw.owned), ...Object.keys(raw.organization)])
    kindOf.set(w, 'organization');
  for (const w of Object.keys(raw.person)) kindOf.set(w, 'person');
  loaded = {
    kindOf,
    person: new Map(Object.entries(raw.person)),
    organization: new Map(Object.entries(raw.organization)),
    state: new Set(raw.state),
    side: new Set(raw.side),
    past: new Set(raw.past),
    owned: new Map(Object.entries(raw.owned)),
    national: new Set(raw.national),
    ranks: new Set(raw.ranks),
    categoryWords: new Map(Object.entries(raw.categoryWords)),
  };
  return loaded;
}
