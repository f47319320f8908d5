// The PLOVER ontology: zod enums over plover-constants.ts, and the per-type data in
// graph-data/ontology/plover.json (the data owner).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { dataPath } from './paths.ts';
import { ACTOR_KINDS, EVENT_MODES, PLOVER_TYPES, POLARITIES, QUADS } from './plover-constants.ts';

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
