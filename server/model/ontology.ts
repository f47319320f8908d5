// The PLOVER ontology as typed constants, backed by graph-data/ontology/plover.json (the data owner).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { dataPath } from './paths.ts';

export const PLOVER_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;
export const QUADS = [
  'verbal-cooperation',
  'material-cooperation',
  'verbal-conflict',
  'material-conflict',
] as const;
export const POLARITIES = ['cooperative', 'hostile', 'neutral'] as const;
export const EVENT_MODES = ['negated', 'hypothetical', 'future'] as const;
export const ACTOR_KINDS = ['person', 'state', 'organization'] as const;

export const PloverType = z.enum(PLOVER_TYPES);
export const Quad = z.enum(QUADS);
export const Polarity = z.enum(POLARITIES);
export const EventMode = z.enum(EVENT_MODES);
export const ActorKind = z.enum(ACTOR_KINDS);
export type PloverType = z.infer<typeof PloverType>;
export type Quad = z.infer<typeof Quad>;
export type Polarity = z.infer<typeof Polarity>;
export type EventMode = z.infer<typeof EventMode>;
export type ActorKind = z.infer<typeof ActorKind>;

const OntologyFile = z.object({
  quads: z.record(Quad, z.object({ label: z.string(), number: z.number().int() })),
  types: z.record(
    PloverType,
    z.object({
      quad: Quad,
      polarity: Polarity,
      score: z.number().min(-10).max(10),
      description: z.string(),
      modes: z.record(z.string(), z.number().min(-10).max(10)).optional(),
    }),
  ),
});
export type Ontology = z.infer<typeof OntologyFile>;
export type PloverTypeInfo = Ontology['types'][PloverType];

let cached: Ontology | undefined;

/** The ontology file, parsed and validated once. */
export function ontology(): Ontology {
  cached ??= OntologyFile.parse(
    JSON.parse(readFileSync(dataPath('ontology', 'plover.json'), 'utf8')),
  );
  return cached;
}

/** Quad class, default polarity and base score of one PLOVER type. */
export function ploverInfo(type: PloverType): PloverTypeInfo {
  return ontology().types[type];
}
