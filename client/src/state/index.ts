// Public face of the view state: its shape, pure updates, URL (de)serialisation, the store, and the
// filters as API query parameters.
export * from './ontology.ts';
export * from './view-state.ts';
export { serializeView, parseView } from './url.ts';
export { createViewStore, type ViewStore, type Listener } from './store.ts';
export * from './filter-query.ts';
export * from './graph-query.ts';
