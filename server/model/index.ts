// Public face of the data model: zod schemas, inferred types and the PLOVER ontology.
export * from './plover-constants.ts';
export * from './ontology.ts';
export * from './extraction.ts';
export * from './records.ts';
export * from './paths.ts';
export * from './hash.ts';
export * from './name-alias.ts';
export * from './seeded-random.ts';
export * from './well-formed.ts';
