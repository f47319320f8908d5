// The PLOVER and actor vocabularies the client filters by, mirrored from server/model (the owner);
// a unit test keeps the two in step because the server module reads files the browser cannot.
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
export const ACTOR_KINDS = ['person', 'state', 'organization'] as const;

export type PloverType = (typeof PLOVER_TYPES)[number];
export type Quad = (typeof QUADS)[number];
export type Polarity = (typeof POLARITIES)[number];
export type ActorKind = (typeof ACTOR_KINDS)[number];
