// The kind nouns the coreference stage reads descriptions by ("the minister", "the bloc", "the
// kingdom", "the Chilean side"), loaded once from graph-data/gazetteer/kind-nouns.json.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { dataPath } from '../../model/index.ts';

const KindNounsFile = z.object({
  person: z.record(z.string(), z.array(z.string())),
  organization: z.record(z.string(), z.array(z.string())),
  state: z.array(z.string()),
  side: z.array(z.string()),
  past: z.array(z.string()),
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
}

let loaded: KindNouns | null = null;

/** The kind-noun lists (read and validated on first use). */
export function kindNouns(): KindNouns {
  if (loaded) return loaded;
  const raw = KindNounsFile.parse(
    JSON.parse(readFileSync(dataPath('gazetteer', 'kind-nouns.json'), 'utf8')),
  );
  loaded = {
    person: new Map(Object.entries(raw.person)),
    organization: new Map(Object.entries(raw.organization)),
    state: new Set(raw.state),
    side: new Set(raw.side),
    past: new Set(raw.past),
  };
  return loaded;
}
