// The explorer's entry point: loads the graph, wires the view state to the sigma view, panels and
// URL, and exposes a small hook on window for the browser tests.
import { ApiRequestError, createApiClient, storedToken, type IngestResult } from './api/index.ts';
import { buildDataGraph, eventDates, monthHistogram, type DataGraph } from './graph/index.ts';
import {
  attachGraphKeyboard,
  createGraphView,
  downloadPng,
  exportPngDataUrl,
  type GraphView,
  type StanceSigma,
} from './view/index.ts';
import {
  createActorPicker,
  createArticleViewer,
  createFilterPanel,
  createIngestForm,
  createLegend,
  createPathFinder,
  createTokenDialog,
  h,
  renderActorPanel,
  renderEdgePanel,
  replace,
  type PanelContext,
} from './panels/index.ts';
import {
  createViewStore,
  parseView,
  select,
  serializeView,
  setCamera,
  setFocus,
  setPath,
  type ViewState,
} from './state/index.ts';

declare global {
  interface Window {
    __stancegraph?: {
      ready: Promise<void>;
      sigma: () => StanceSigma | null;
      view: () => ViewState;
      layoutDone: () => Promise<void>;
      viewportPosition: (id: string) => { x: number; y: number } | null;
      exportPng: () => string;
      firstRenderMs: number | null;
      nodes: () => string[];
      labels: () => string[];
      keyboardCursor: () => string | null;
      openArticle: (documentId: string) => Promise<void>;
    };
  }
}

function sessionStore(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
const tokenDialog = createTokenDialog();
performance.mark('sg:script');
const api = createApiClient({ tokens: { ...storedToken(sessionStore()), ask: tokenDialog.ask } });
const store = createViewStore(parseView(location.search));
const $ = (id: string) => document.getElementById(id)!;
const graphEl = $('graph');
const statusEl = $('status');
const detailsEl = $('details');
const focusBar = $('focus-bar');

let graphView: GraphView | null = null;
let data: DataGraph | null = null;
let pathNodes: string[] | null = null;
let resolveReady: () => void = () => {};
const ready = new Promise<void>((r) => (resolveReady = r));

function setStatus(
  kind: 'loading' | 'error' | 'empty' | 'none',
  message = '',
  action?: HTMLElement,
) {
  statusEl.className = `status status-${kind}`;
  if (kind === 'none') replace(statusEl);
  else replace(statusEl, h('p', {}, message), action ?? null);
}

const ctx: PanelContext = {
  api,
  data: () =>
    data ??
    buildDataGraph({
      attributes: { mode: 'events', focus: null, depth: null },
      options: { type: 'directed', multi: true, allowSelfLoops: true },
      nodes: [],
      edges: [],
    }),
  filters: () => store.get().filters,
  openArticle: (doc, span) => void viewer.open(doc, span),
  selectActor: (id) => chooseActor(id),
  focusActor: (id, depth) =>
    store.update((s) => setFocus(select(s, { kind: 'node', id }), id, depth)),
};

const viewer = createArticleViewer(api);
const ingest = createIngestForm(api, onIngested);
document.body.append(viewer.dialog, ingest.dialog, tokenDialog.dialog);

const search = createActorPicker({
  api,
  id: 'search',
  label: 'Search actors',
  hiddenLabel: true,
  placeholder: 'Search actors…',
  onChoose: (hit) => chooseActor(hit.id),
});
$('search-slot').append(search.root);

const filters = createFilterPanel(store);
const pathFinder = createPathFinder(api, ctx, (from, to, nodes) => {
  pathNodes = nodes;
  store.update((s) => setPath(s, from, to));
  graphView?.setView(store.get(), pathNodes);
});
$('sidebar').append(filters.root, pathFinder.root, createLegend());
filters.sync(store.get());

const liveEl = $('graph-live');
const keyboard = attachGraphKeyboard(graphEl, {
  view: () => graphView,
  describe(id) {
    if (!data?.hasNode(id)) return id;
    const a = data.getNodeAttributes(id);
    return `${a.name}, ${a.kind}, ${a.eventCount} event${a.eventCount === 1 ? '' : 's'}`;
  },
  onChoose: (id) => chooseActor(id),
  onClear: () => store.update((s) => select(s, null)),
  announce: (text) => replace(liveEl, text),
});

function chooseActor(id: string) {
  store.update((s) => select(s, { kind: 'node', id }));
  void graphView?.focusNode(id);
}

function renderDetails(view: ViewState) {
  if (!data) return;
  const sel = view.selection;
  if (sel?.kind === 'node') {
    renderActorPanel(detailsEl, ctx, sel.id, view.focus?.id === sel.id ? view.focus.depth : null);
  } else if (sel?.kind === 'edge' && graphView) {
    renderEdgePanel(detailsEl, ctx, graphView.render(), sel.id);
  } else {
    replace(
      detailsEl,
      h(
        'section',
        { class: 'help' },
        h('h2', {}, 'Explore'),
        h(
          'p',
          {},
          'Click an actor or an edge to see its events and the sentences behind them. Hover an actor to highlight its neighbourhood. Search, filter, find paths, or add an article.',
        ),
        data.order === 0
          ? h('p', { class: 'empty' }, 'The graph is empty: add an article to begin.')
          : null,
      ),
    );
  }
}

function renderFocusBar(view: ViewState) {
  if (!view.focus) {
    focusBar.hidden = true;
    replace(focusBar);
    return;
  }
  const name = data?.hasNode(view.focus.id)
    ? data.getNodeAttribute(view.focus.id, 'name')
    : view.focus.id;
  focusBar.hidden = false;
  replace(
    focusBar,
    `Ego view: ${name}, ${view.focus.depth} hop${view.focus.depth > 1 ? 's' : ''} `,
    h(
      'button',
      { type: 'button', id: 'focus-clear', onclick: () => store.update((s) => setFocus(s, null)) },
      'Show all',
    ),
  );
}

let urlTimer: ReturnType<typeof setTimeout> | undefined;
function writeUrl(view: ViewState) {
  clearTimeout(urlTimer);
  urlTimer = setTimeout(() => {
    const q = serializeView(view);
    history.replaceState(null, '', q ? `?${q}` : location.pathname);
  }, 150);
}

store.subscribe((next, prev) => {
  writeUrl(next);
  const onlyCamera =
    next.filters === prev.filters &&
    next.mode === prev.mode &&
    next.selection === prev.selection &&
    next.focus === prev.focus &&
    next.path === prev.path;
  if (onlyCamera) return;
  graphView?.setView(next, pathNodes);
  filters.sync(next);
  renderFocusBar(next);
  renderDetails(next);
});

async function loadData(): Promise<DataGraph> {
  return buildDataGraph(await api.graph({ mode: 'events', layout: 'false' }));
}

function updateEmptyState() {
  if (data && data.order === 0) {
    setStatus(
      'empty',
      'No actors yet.',
      h('button', { type: 'button', onclick: () => ingest.open() }, 'Add an article'),
    );
  } else setStatus('none');
}

async function onIngested(r: IngestResult) {
  if (!graphView) return;
  const next = await loadData();
  data = next;
  filters.setHistogram(monthHistogram(eventDates(next)));
  updateEmptyState();
  const layout = graphView.setData(next);
  graphView.setView(store.get(), pathNodes);
  renderDetails(store.get());
  await layout;
  const first = r.extraction.actors[0]?.id;
  if (first && !store.get().selection) chooseActor(first);
}

async function boot(): Promise<void> {
  setStatus('loading', 'Loading the graph…');
  try {
    data = await loadData();
    performance.mark('sg:data');
  } catch (err) {
    const message =
      err instanceof ApiRequestError && err.unreachable
        ? 'The server cannot be reached.'
        : `The graph could not be loaded${err instanceof Error ? `: ${err.message.replace(/^stancegraph: /, '')}` : '.'}`;
    setStatus(
      'error',
      message,
      h('button', { type: 'button', onclick: () => void boot() }, 'Retry'),
    );
    return;
  }
  const initial = store.get();
  graphView = createGraphView(graphEl, data, initial, {
    onNodeClick: (id) => store.update((s) => select(s, { kind: 'node', id })),
    onEdgeClick: (id) => store.update((s) => select(s, { kind: 'edge', id })),
    onStageClick: () => store.update((s) => select(s, null)),
  });
  // sigma draws synchronously in its constructor, so the first frame is already rendered here.
  performance.mark('sg:render');
  if (window.__stancegraph) window.__stancegraph.firstRenderMs = Math.round(performance.now());
  filters.setHistogram(monthHistogram(eventDates(data)));
  filters.sync(initial);
  updateEmptyState();
  renderFocusBar(initial);
  renderDetails(initial);
  if (initial.path) void pathFinder.find(initial.path.from, initial.path.to);
  await graphView.layoutDone();
  const camera = graphView.sigma.getCamera();
  if (initial.camera) camera.setState(initial.camera);
  else if (initial.selection?.kind === 'node') await graphView.focusNode(initial.selection.id);
  let camTimer: ReturnType<typeof setTimeout> | undefined;
  camera.on('updated', (c) => {
    clearTimeout(camTimer);
    camTimer = setTimeout(
      () => store.update((s) => setCamera(s, { x: c.x, y: c.y, ratio: c.ratio })),
      200,
    );
  });
  resolveReady();
}

window.__stancegraph = {
  ready,
  sigma: () => graphView?.sigma ?? null,
  view: () => store.get(),
  layoutDone: () => graphView?.layoutDone() ?? Promise.resolve(),
  viewportPosition: (id) => graphView?.viewportPosition(id) ?? null,
  exportPng: () => (graphView ? exportPngDataUrl(graphView.sigma) : ''),
  firstRenderMs: null,
  nodes: () => data?.nodes() ?? [],
  labels: () => graphView?.labelsDrawn() ?? [],
  keyboardCursor: () => keyboard.cursor(),
  openArticle: (documentId) => viewer.open(documentId, null),
};

$('btn-ingest').addEventListener('click', () => ingest.open());
$('btn-export').addEventListener('click', () => graphView && downloadPng(graphView.sigma));
$('btn-copy-link').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(location.href);
    setStatus('loading', 'Link copied.');
    setTimeout(() => updateEmptyState(), 1500);
  } catch {
    setStatus('error', `Copy this link: ${location.href}`);
  }
});
document.addEventListener('keydown', (ev) => {
  if (ev.key === '/' && document.activeElement === document.body) {
    ev.preventDefault();
    search.input.focus();
  }
});

void boot();
