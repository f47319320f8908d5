// The explorer's view state (filters, mode, selection, focus, path, camera, whether actors without
// events are drawn, what colours the actors) and pure updates of it.
import {
  ACTOR_KINDS,
  PLOVER_TYPES,
  POLARITIES,
  QUADS,
  type ActorKind,
  type PloverType,
  type Polarity,
  type Quad,
} from './ontology.ts';

/** null means "no restriction"; an array lists what is shown. */
export interface Filters {
  polarities: Polarity[] | null;
  types: PloverType[] | null;
  quads: Quad[] | null;
  kinds: ActorKind[] | null;
  /** 0..1; 0 shows everything. */
  minConfidence: number;
  /** Inclusive month bounds, YYYY-MM. */
  from: string | null;
  to: string | null;
}

export type Selection = { kind: 'node'; id: string } | { kind: 'edge'; id: string } | null;

export interface Camera {
  x: number;
  y: number;
  ratio: number;
}

export interface ViewState {
  filters: Filters;
  /** 'dyads': one edge per ordered pair; 'events': one edge per event. */
  mode: 'dyads' | 'events';
  selection: Selection;
  /** Ego view: only actors within depth hops of the focus. */
  focus: { id: string; depth: 1 | 2 | 3 } | null;
  path: { from: string; to: string } | null;
  camera: Camera | null;
  /** Whether actors without an event under the current filters are drawn (hidden by default). */
  showEventless: boolean;
  /** What colours the actors: their kind, or their Louvain bloc under the current filters. */
  colorBy: 'kind' | 'bloc';
}

export const DEFAULT_FILTERS: Filters = {
  polarities: null,
  types: null,
  quads: null,
  kinds: null,
  minConfidence: 0,
  from: null,
  to: null,
};

export const DEFAULT_VIEW: ViewState = {
  filters: DEFAULT_FILTERS,
  mode: 'dyads',
  selection: null,
  focus: null,
  path: null,
  camera: null,
  showEventless: false,
  colorBy: 'kind',
};

type ListKey = 'polarities' | 'types' | 'quads' | 'kinds';
type ListValue<K extends ListKey> = NonNullable<Filters[K]>[number];

const UNIVERSE: { [K in ListKey]: readonly ListValue<K>[] } = {
  polarities: POLARITIES,
  types: PLOVER_TYPES,
  quads: QUADS,
  kinds: ACTOR_KINDS,
};

/** Whether a value passes a list filter. */
export function allows<K extends ListKey>(filters: Filters, key: K, value: ListValue<K>): boolean {
  const list = filters[key] as readonly string[] | null;
  return list === null || list.includes(value);
}

/**
 * Shows or hides one value of a list filter. The list is kept in the universe's order, and a list
 * that shows everything collapses back to null so "all" has one spelling (and a short URL).
 */
export function setListValue<K extends ListKey>(
  state: ViewState,
  key: K,
  value: ListValue<K>,
  shown: boolean,
): ViewState {
  const universe = UNIVERSE[key] as readonly string[];
  const current = new Set<string>((state.filters[key] as readonly string[] | null) ?? universe);
  if (shown) current.add(value);
  else current.delete(value);
  const next = universe.filter((v) => current.has(v));
  const list = next.length === universe.length ? null : next;
  return { ...state, filters: { ...state.filters, [key]: list } };
}

export function setMinConfidence(state: ViewState, value: number): ViewState {
  const clamped = Math.min(1, Math.max(0, Math.round(value * 100) / 100));
  return { ...state, filters: { ...state.filters, minConfidence: clamped } };
}

/** Sets the month range; bounds given in the wrong order are swapped. */
export function setDateRange(state: ViewState, from: string | null, to: string | null): ViewState {
  const [a, b] = from !== null && to !== null && from > to ? [to, from] : [from, to];
  return { ...state, filters: { ...state.filters, from: a, to: b } };
}

export function resetFilters(state: ViewState): ViewState {
  return { ...state, filters: DEFAULT_FILTERS };
}

export function setMode(state: ViewState, mode: ViewState['mode']): ViewState {
  if (state.mode === mode) return state;
  // Edge keys differ between modes, so an edge selection cannot survive the switch.
  const selection = state.selection?.kind === 'edge' ? null : state.selection;
  return { ...state, mode, selection };
}

export function select(state: ViewState, selection: Selection): ViewState {
  return { ...state, selection };
}

export function setFocus(state: ViewState, id: string | null, depth: number = 1): ViewState {
  if (id === null) return { ...state, focus: null };
  const d = Math.min(3, Math.max(1, Math.round(depth))) as 1 | 2 | 3;
  return { ...state, focus: { id, depth: d } };
}

export function setPath(state: ViewState, from: string | null, to: string | null): ViewState {
  return { ...state, path: from !== null && to !== null ? { from, to } : null };
}

export function setCamera(state: ViewState, camera: Camera | null): ViewState {
  return { ...state, camera };
}

export function setShowEventless(state: ViewState, show: boolean): ViewState {
  return state.showEventless === show ? state : { ...state, showEventless: show };
}

export function setColorBy(state: ViewState, colorBy: ViewState['colorBy']): ViewState {
  return state.colorBy === colorBy ? state : { ...state, colorBy };
}

/** Whether any filter can hide an event. */
export function filtersActive(f: Filters): boolean {
  return (
    f.polarities !== null ||
    f.types !== null ||
    f.quads !== null ||
    f.minConfidence > 0 ||
    f.from !== null ||
    f.to !== null
  );
}
