// Scores the extractor on the PLOVER gold-standard development sentences (read from ../shared when
// present): event-type accuracy and source/target accuracy at country level.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, dataPath, type Extraction } from '../../server/model/index.ts';
import { extractArticle } from '../../server/extract/index.ts';

export const PLOVER_DEV = path.join(
  PROJECT_ROOT,
  '..',
  'shared',
  'plover-gsr',
  'plover-gsr-dev.json',
);

/** PLOVER 0.5b1 names that became other types in the 16-type ontology. */
const RENAMED: Record<string, string> = {
  DEMAND: 'REQUEST',
  DISAPPROVE: 'ACCUSE',
  INVESTIGATE: 'ACCUSE',
  FIGHT: 'ASSAULT',
};
/** CAMEO country codes that differ from ISO 3166 alpha-3. */
const CAMEO_TO_ISO: Record<string, string> = { JAP: 'JPN' };

interface GsrActor {
  actorText?: string;
  code?: string;
}
interface GsrRecord {
  id: string;
  date?: string;
  event: string;
  text?: string;
  source?: GsrActor[] | string | null;
  target?: GsrActor[] | string | null;
}

export interface PloverScore {
  records: number;
  withEvent: number;
  typeTop: number;
  typeAny: number;
  sourceScored: number;
  sourceRight: number;
  targetScored: number;
  targetRight: number;
  confusion: Map<string, number>;
}

const codesOf = (v: GsrRecord['source']): string[] =>
  Array.isArray(v)
    ? v
        .map((a) => (a.code ?? '').toUpperCase())
        .map((c) => CAMEO_TO_ISO[c] ?? c)
        .filter(Boolean)
    : [];

/** Country-level code of each extracted actor: a state's ISO3, a person's or body's state, or IGO. */
function countryCodes(extraction: Extraction): Map<string, string> {
  const iso = stateIso();
  const codes = new Map<string, string>();
  for (const a of extraction.actors) {
    const state = a.kind === 'state' ? a.id : a.country;
    codes.set(a.id, state ? (iso.get(state) ?? state) : 'IGO');
  }
  return codes;
}

let isoCache: Map<string, string> | undefined;
function stateIso(): Map<string, string> {
  if (!isoCache) {
    const states = JSON.parse(readFileSync(dataPath('gazetteer', 'states.json'), 'utf8')) as {
      id: string;
      iso3: string;
    }[];
    isoCache = new Map(states.map((s) => [s.id, s.iso3.toUpperCase()]));
  }
  return isoCache;
}

export function ploverAvailable(): boolean {
  return existsSync(PLOVER_DEV);
}

export function scorePlover(): PloverScore {
  const records = (JSON.parse(readFileSync(PLOVER_DEV, 'utf8')) as GsrRecord[]).filter(
    (r) => typeof r.text === 'string' && r.event !== 'DOCUMENT',
  );
  const score: PloverScore = {
    records: records.length,
    withEvent: 0,
    typeTop: 0,
    typeAny: 0,
    sourceScored: 0,
    sourceRight: 0,
    targetScored: 0,
    targetRight: 0,
    confusion: new Map(),
  };
  for (const r of records) {
    const gold = RENAMED[r.event] ?? r.event;
    const extraction = extractArticle({ text: r.text!, published: r.date ?? null });
    const events = [...extraction.events].sort((a, b) => b.confidence - a.confidence);
    const top = events[0];
    const key = `${gold}->${top?.type ?? 'none'}`;
    score.confusion.set(key, (score.confusion.get(key) ?? 0) + 1);
    if (!top) continue;
    score.withEvent++;
    if (top.type === gold) score.typeTop++;
    if (events.some((e) => e.type === gold)) score.typeAny++;
    const codes = countryCodes(extraction);
    const goldSources = codesOf(r.source);
    const goldTargets = codesOf(r.target);
    if (goldSources.length) {
      score.sourceScored++;
      if (goldSources.includes(codes.get(top.source) ?? '')) score.sourceRight++;
    }
    if (goldTargets.length) {
      score.targetScored++;
      if (goldTargets.includes(codes.get(top.target) ?? '')) score.targetRight++;
    }
  }
  return score;
}
