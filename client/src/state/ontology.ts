// The PLOVER and actor vocabularies the client filters by, taken from server/model's pure constants
// file (no node APIs, so it bundles for the browser).
import {
  ACTOR_KINDS,
  PLOVER_TYPES,
  POLARITIES,
  QUADS,
} from '../../../server/model/plover-constants.ts';

export { ACTOR_KINDS, PLOVER_TYPES, POLARITIES, QUADS };

export type PloverType = (typeof PLOVER_TYPES)[number];
export type Quad = (typeof QUADS)[number];
export type Polarity = (typeof POLARITIES)[number];
export type ActorKind = (typeof ACTOR_KINDS)[number];
