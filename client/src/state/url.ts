// The view state in a URL query string and back, so a link reopens the same view. Parsing is
// forgiving: a bad or unknown value is dropped rather than breaking the page.
import { z } from 'zod';
import { ACTOR_KINDS, PLOVER_TYPES, POLARITIES, QUADS } from './ontology.ts';
import { DEFAULT_VIEW, type Filters, type ViewState } from './view-state.ts';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const Id = z.string().min(1).max(200);
const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

function list<T extends string>(raw: string | null, universe: readonly T[]): T[] | null {
  if (raw === null) return null;
  const wanted = new Set(raw.split(',').filter(Boolean));
  const kept = universe.filter((v) => wanted.has(v));
  return kept.length === universe.length ? null : kept;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** The view as query parameters; defaults are left out so the common link stays short. */
export function serializeView(view: ViewState): string {
  const p = new URLSearchParams();
  const f = view.filters;
  if (f.polarities) p.set('pol', f.polarities.join(','));
  if (f.types) p.set('types', f.types.join(','));
  if (f.quads) p.set('quads', f.quads.join(','));
  if (f.kinds) p.set('kinds', f.kinds.join(','));
  if (f.minConfidence > 0) p.set('conf', String(f.minConfidence));
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (view.mode !== DEFAULT_VIEW.mode) p.set('mode', view.mode);
  if (view.selection)
    p.set('sel', `${view.selection.kind === 'node' ? 'n' : 'e'}:${view.selection.id}`);
  if (view.focus) {
    p.set('focus', view.focus.id);
    p.set('depth', String(view.focus.depth));
  }
  if (view.path) {
    p.set('pfrom', view.path.from);
    p.set('pto', view.path.to);
  }
  if (view.showEventless) p.set('eventless', 'shown');
  if (view.colorBy !== DEFAULT_VIEW.colorBy) p.set('color', view.colorBy);
  if (view.camera) {
    const c = view.camera;
    p.set('cam', [round(c.x, 4), round(c.y, 4), round(c.ratio, 4)].join(','));
  }
  return p.toString();
}

/** The view a query string describes; anything missing or invalid takes its default. */
export function parseView(query: string): ViewState {
  const p = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const month = (key: string) => {
    const r = Month.safeParse(p.get(key));
    return r.success ? r.data : null;
  };
  const conf = num(p.get('conf') ?? '');
  let from = month('from');
  let to = month('to');
  if (from !== null && to !== null && from > to) [from, to] = [to, from];
  const filters: Filters = {
    polarities: list(p.get('pol'), POLARITIES),
    types: list(p.get('types'), PLOVER_TYPES),
    quads: list(p.get('quads'), QUADS),
    kinds: list(p.get('kinds'), ACTOR_KINDS),
    minConfidence: Number.isFinite(conf) ? Math.min(1, Math.max(0, conf)) : 0,
    from,
    to,
  };
  const view: ViewState = { ...DEFAULT_VIEW, filters };
  if (p.get('mode') === 'events') view.mode = 'events';
  const sel = /^([ne]):(.+)$/.exec(p.get('sel') ?? '');
  if (sel && Id.safeParse(sel[2]).success) {
    view.selection = { kind: sel[1] === 'n' ? 'node' : 'edge', id: sel[2]! };
  }
  const focus = Id.safeParse(p.get('focus'));
  if (focus.success) {
    const depth = num(p.get('depth') ?? '1');
    const d = Number.isInteger(depth) && depth >= 1 && depth <= 3 ? depth : 1;
    view.focus = { id: focus.data, depth: d as 1 | 2 | 3 };
  }
  const pfrom = Id.safeParse(p.get('pfrom'));
  const pto = Id.safeParse(p.get('pto'));
  if (pfrom.success && pto.success) view.path = { from: pfrom.data, to: pto.data };
  view.showEventless = p.get('eventless') === 'shown';
  if (p.get('color') === 'bloc') view.colorBy = 'bloc';
  const cam = (p.get('cam') ?? '').split(',').map(num);
  if (cam.length === 3 && cam.every(Number.isFinite) && cam[2]! > 0) {
    view.camera = { x: cam[0]!, y: cam[1]!, ratio: cam[2]! };
  }
  return view;
}
