// The explorer's entry point: loads the graph, wires the view state to the sigma view, panels
// (ranking, colour by bloc, export, timelines in the details) and URL, and exposes a small hook on
// window for the browser tests.
import {
  ApiRequestError,
  createApiClient,
  createDocumentCache,
  keepReads,
  storedToken,
  type IngestResult,
} from './api/index.ts';
import {
  buildDataGraph,
  eventDates,
  monthHistogram,
  type BlocColoring,
  type DataGraph,
} from './graph/index.ts';
import {
  attachGraphKeyboard,
  createGraphView,
  downloadPng,
  exportPngDataUrl,
  type DrawnLabel,
  type GraphView,
  type Spotlight,
  type StanceSigma,
} from './view/index.ts';
import {
  createActorPicker,
  createArticleViewer,
  createBlocLegend,
  createCameraControls,
  createDrawers,
  createEventlessNote,
  createExportPanel,
  createFilterPanel,
  createIngestForm,
  createLegend,
  createPathFinder,
  createRankingPanel,
  createShownNote,
  createTokenDialog,
  h,
  renderActorPanel,
  renderAddedPanel,
  renderEdgePanel,
  renderPathPanel,
  replace,
  type PanelContext,
  type PathResult,
} from './panels/index.ts';
import {
  OVERVIEW_QUERY,
  createViewStore,
  isComplete,
  neededQuery,
  parseView,
  queryKey,
  select,
  serializeView,
  setCamera,
  setColorBy,
  setFocus,
  setPath,
  setShowEventless,
  type GraphQuery,
  type Shown,
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
      /** The colour an actor is drawn with, or null when it is not drawn. */
      nodeColor: (id: string) => string | null;
      labels: () => string[];
      labelBoxes: () => DrawnLabel[];
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
const docs = createDocumentCache(api);
const store = createViewStore(parseView(location.search));
const $ = (id: string) => document.getElementById(id)!;
const graphEl = $('graph');
const statusEl = $('status');
const detailsEl = $('details-body');
const focusBar = $('focus-bar');

let graphView: GraphView | null = null;
let data: DataGraph | null = null;
/** The path search shown in the details panel and drawn on the graph. */
let pathResult: PathResult | null = null;
/** The article just added: its actors and events are spotlit until "Done" or a path search. */
let added: IngestResult | null = null;
/** What the overview holds out of the whole graph; while it is complete, views are made in place. */
let overview: Shown | null = null;
/** The query the data shown was loaded with. */
let loadedKey = '';
/** Actor colours by bloc while "Colour actors by bloc" is on; null: by kind. */
let coloring: BlocColoring | null = null;
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

/** The panels' reads of actors and timelines, kept until the graph changes. */
const reads = keepReads(api);
const ctx: PanelContext = {
  api: reads.api,
  data: () =>
    data ??
    buildDataGraph({
      attributes: {
        mode: 'events',
        focus: null,
        depth: null,
        shown: {
          actors: 0,
          actorsTotal: 0,
          actorsBy: 'activity',
          edges: 0,
          edgesTotal: 0,
          summary: '',
        },
      },
      options: { type: 'directed', multi: true, allowSelfLoops: true },
      nodes: [],
      edges: [],
    }),
  filters: () => store.get().filters,
  openArticle: (doc, span) => void viewer.open(doc, span),
  sentence: (doc, span) => docs.sentence(doc, span),
  selectActor: (id) => chooseActor(id),
  focusActor: (id, depth) =>
    store.update((s) => setFocus(select(s, { kind: 'node', id }), id, depth)),
};

const viewer = createArticleViewer(docs);
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
const pathFinder = createPathFinder(api, ctx, {
  find: (from, to) => void findPath(from, to),
  clear: () => clearPath(),
});
const ranking = createRankingPanel(ctx);
const blocLegend = createBlocLegend(ctx, {
  toggle: (on) => store.update((s) => setColorBy(s, on ? 'bloc' : 'kind')),
  color(next) {
    coloring = next;
    graphView?.setColoring(next);
  },
});
$('sidebar').append(
  filters.root,
  ranking.root,
  pathFinder.root,
  createExportPanel(api, () => store.get()),
  createLegend(blocLegend.root),
);
filters.sync(store.get());

const eventless = createEventlessNote((show) => store.update((s) => setShowEventless(s, show)));
const shownNote = createShownNote();
$('stage-notes').append(shownNote.root, eventless.root);
graphEl.after(
  createCameraControls({
    zoom: (direction) => void graphView?.zoom(direction),
    fit: () => void graphView?.fit(),
  }),
);
const drawers = createDrawers(
  { panel: $('sidebar'), toggle: $('toggle-sidebar') as HTMLButtonElement },
  { panel: $('details'), toggle: $('toggle-details') as HTMLButtonElement },
);

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

/** Keeps an actor in sight beside the details panel when that lies over the graph. */
function keepInSight(id: string) {
  const covered = drawers.detailsCover();
  if (covered > 0) void graphView?.keepClear(id, covered);
}

function chooseActor(id: string) {
  if (data && !data.hasNode(id)) {
    // Not in the view the server sent: drill in, asking for the actor's ego view.
    store.update((s) => setFocus(select(s, { kind: 'node', id }), id, 1));
    return;
  }
  store.update((s) => select(s, { kind: 'node', id }));
  void graphView?.focusNode(id).then(() => keepInSight(id));
}

function spotlight(): Spotlight {
  return {
    path: pathResult?.state === 'found' ? pathResult.paths[pathResult.shown]!.nodes : null,
    document: added ? { id: added.id, actors: added.extraction.actors.map((a) => a.id) } : null,
  };
}

function clearPath() {
  pathResult = null;
  store.update((s) => setPath(s, null, null));
  showView(store.get());
}

let pathSeq = 0;
/**
 * Searches paths and shows them in the details panel. A search asked for in the sidebar clears
 * the selection so the panel shows the paths; one reopened from a link keeps the linked selection.
 */
async function findPath(from: string, to: string, fromLink = false): Promise<void> {
  const mine = ++pathSeq;
  added = null;
  pathResult = { from, to, state: 'searching' };
  pathFinder.setPair(from, to);
  store.update((s) => (fromLink ? setPath(s, from, to) : select(setPath(s, from, to), null)));
  showView(store.get());
  if (!fromLink) drawers.revealDetails();
  let result: PathResult;
  try {
    const { paths } = await api.paths(from, to);
    result = paths.length
      ? { from, to, state: 'found', paths, shown: 0 }
      : { from, to, state: 'none' };
  } catch (err) {
    const message =
      err instanceof ApiRequestError
        ? err.unreachable
          ? 'The server cannot be reached.'
          : err.message.replace(/^stancegraph: /, '')
        : 'Path search failed.';
    result = { from, to, state: 'failed', message };
  }
  if (mine !== pathSeq || pathResult?.from !== from || pathResult.to !== to) return;
  pathResult = result;
  showView(store.get());
}

function renderDetails(view: ViewState) {
  if (!data) return;
  const sel = view.selection;
  if (sel?.kind === 'node') {
    renderActorPanel(detailsEl, ctx, sel.id, view.focus?.id === sel.id ? view.focus.depth : null);
  } else if (sel?.kind === 'edge' && graphView) {
    renderEdgePanel(detailsEl, ctx, graphView.render(), sel.id);
  } else if (added) {
    renderAddedPanel(detailsEl, ctx, added, () => {
      added = null;
      showView(store.get());
    });
  } else if (pathResult) {
    const result = pathResult;
    renderPathPanel(detailsEl, ctx, result, {
      show(index) {
        if (result.state !== 'found') return;
        pathResult = { ...result, shown: index };
        showView(store.get());
      },
      clear() {
        pathFinder.reset();
        clearPath();
      },
    });
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

/** Brings the graph, the panels and the notes over the graph in line with the view. */
function showView(view: ViewState) {
  graphView?.setView(view, spotlight());
  filters.sync(view);
  ranking.sync(view);
  blocLegend.sync(view);
  renderFocusBar(view);
  renderDetails(view);
  if (graphView) eventless.sync(graphView.model().eventless, view.showEventless);
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
  const keys = Object.keys(next) as (keyof ViewState)[];
  if (keys.every((k) => k === 'camera' || next[k] === prev[k])) return;
  showView(next);
  // A new focus is one click: its view is asked for at once. Filters wait for the slider to settle.
  if (next.focus !== prev.focus && next.filters === prev.filters) {
    clearTimeout(syncTimer);
    void syncData();
  } else if (next.filters !== prev.filters || next.focus !== prev.focus) scheduleSync();
  const sel = next.selection;
  if (sel && sel !== prev.selection) {
    drawers.revealDetails();
    if (sel.kind === 'node') keepInSight(sel.id);
  }
});

/** Loads a view from the server and says what it shows; the overview when no query is given. */
async function loadData(
  q: GraphQuery = OVERVIEW_QUERY,
): Promise<{ next: DataGraph; shown: Shown }> {
  const reply = await api.graph(q);
  const shown = reply.attributes.shown;
  loadedKey = queryKey(q);
  shownNote.sync(shown.summary, !isComplete(shown));
  return { next: buildDataGraph(reply), shown };
}

let syncTimer: ReturnType<typeof setTimeout> | undefined;
let syncSeq = 0;
/** Asks the server again once the filters or the ego view settle (the date slider moves often). */
function scheduleSync() {
  clearTimeout(syncTimer);
  syncTimer = setTimeout(() => void syncData(), 250);
}

/** Loads what the view needs when the data shown is not it (a partial overview, a new ego view). */
async function syncData(): Promise<void> {
  if (!overview || !graphView) return;
  const view = store.get();
  const q = neededQuery(view, overview);
  if (q === null || queryKey(q) === loadedKey) return;
  const mine = ++syncSeq;
  setStatus('loading', 'Loading the view…');
  let loaded: Awaited<ReturnType<typeof loadData>>;
  try {
    loaded = await loadData(q);
  } catch (err) {
    if (mine !== syncSeq) return;
    const message = err instanceof Error ? err.message.replace(/^stancegraph: /, '') : '';
    setStatus('error', `The view could not be loaded${message ? `: ${message}` : '.'}`);
    return;
  }
  if (mine !== syncSeq) return;
  data = loaded.next;
  updateEmptyState();
  await graphView.setData(loaded.next);
  showView(store.get());
  const focus = store.get().focus;
  if (focus && data.hasNode(focus.id)) await graphView.focusNode(focus.id);
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

/** After "Add to graph": the new data, and the article's actors and events spotlit. */
async function onIngested(r: IngestResult) {
  reads.forget();
  if (!graphView) return;
  const { next, shown } = await loadData();
  overview = shown;
  data = next;
  filters.setHistogram(monthHistogram(eventDates(next)));
  updateEmptyState();
  // The camera fits the new graph once its layout settles.
  void graphView.setData(next);
  ranking.reload();
  blocLegend.reload();
  pathSeq++;
  pathResult = null;
  added = r;
  pathFinder.reset();
  store.update((s) => select(setPath(s, null, null), null));
  showView(store.get());
  drawers.revealDetails();
  scheduleSync();
}

async function boot(): Promise<void> {
  setStatus('loading', 'Loading the graph…');
  try {
    const loaded = await loadData();
    data = loaded.next;
    overview = loaded.shown;
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
  if (coloring) graphView.setColoring(coloring);
  // sigma draws synchronously in its constructor, so the first frame is already rendered here.
  performance.mark('sg:render');
  if (window.__stancegraph) window.__stancegraph.firstRenderMs = Math.round(performance.now());
  filters.setHistogram(monthHistogram(eventDates(data)));
  updateEmptyState();
  showView(initial);
  if (initial.path) void findPath(initial.path.from, initial.path.to, true);
  // A link into a filtered or ego view of a large store asks the server for it.
  void syncData();
  await graphView.layoutDone();
  const camera = graphView.sigma.getCamera();
  if (initial.camera) camera.setState(initial.camera);
  else if (initial.selection?.kind === 'node') await graphView.focusNode(initial.selection.id);
  else await graphView.fit(false);
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
  nodeColor: (id) => graphView?.nodeColor(id) ?? null,
  labels: () => graphView?.labelsDrawn().map((l) => l.key) ?? [],
  labelBoxes: () => graphView?.labelsDrawn() ?? [],
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
