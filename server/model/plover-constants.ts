// The PLOVER and actor vocabularies as plain constants, free of node APIs so the browser client
// can import them directly; server/model/ontology.ts builds the zod enums on top.
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
