// The graph view: one sigma instance over the render graph, whose reducers read the display
// model and the hover/selection state; layout runs in the worker after the first frame is drawn
// and after each data change. The camera fits what is shown on request and whenever the set of
// shown actors changes, so no view is left cut off by an earlier zoom.
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeRectangleProgram, type EdgeProgramType } from 'sigma/rendering';
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import type { Selection, ViewState } from '../state/index.ts';
import {
  buildRenderGraph,
  computeDisplayModel,
  fitCamera,
  labelSettings,
  reduceEdge,
  reduceNode,
  type BlocColoring,
  type DataGraph,
  type DisplayModel,
  type Interaction,
  type NavPoint,
  type Positions,
  type RenderEdge,
  type RenderGraph,
  type RenderNode,
  type SpotlitDocument,
} from '../graph/index.ts';
import { createLabelLayer, type DrawnLabel } from './label-layer.ts';
import { runLayout, type LayoutHandle } from './layout.ts';

/** Above this many actors, edges are hidden while the camera moves (they cost most per frame). */
const BIG_GRAPH = 500;

function sizeSettings(order: number) {
  return { ...labelSettings(order), hideEdgesOnMove: order > BIG_GRAPH };
}

/** Pixels kept free around the actors when the camera fits them. */
const FIT_MARGIN = 40;
const CAMERA_MS = 300;
const ZOOM_STEP = 1.5;
const MIN_RATIO = 0.02;
const MAX_RATIO = 20;

/** What is drawn over the filtered graph: a path found, or the document just added. */
export interface Spotlight {
  path: readonly string[] | null;
  document: SpotlitDocument | null;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** sigma's bundled programs are typed over plain attributes; ours are a narrowing of those. */
const program = (p: EdgeProgramType) => p as unknown as EdgeProgramType<RenderNode, RenderEdge>;

export type StanceSigma = Sigma<RenderNode, RenderEdge>;

export interface GraphViewEvents {
  onNodeClick(id: string): void;
  onEdgeClick(id: string): void;
  onStageClick(): void;
}

export interface GraphView {
  readonly sigma: StanceSigma;
  data(): DataGraph;
  render(): RenderGraph;
  model(): DisplayModel;
  /** Replaces the data; keeps known positions and lays out again. Resolves when settled. */
  setData(data: DataGraph): Promise<void>;
  /** New view state; when the shown actors change, the camera fits them (after any layout). */
  setView(view: ViewState, spotlight: Spotlight): void;
  /** Animates (or jumps) the camera to show every shown actor; resolves when it is there. */
  fit(animate?: boolean): Promise<void>;
  /** Zooms in (1) or out (-1) one step about the centre. */
  zoom(direction: 1 | -1): Promise<void>;
  /** Animates the camera to a node; resolves when the animation ends. */
  focusNode(id: string, ratio?: number): Promise<void>;
  /**
   * Pans, without zooming, so a node is not under a panel covering `right` pixels of the canvas's
   * right side; does nothing when it is already clear of it.
   */
  keepClear(id: string, right: number): Promise<void>;
  /** A node's position in CSS pixels relative to the page, or null when not drawn. */
  viewportPosition(id: string): { x: number; y: number } | null;
  /** Settles when the current layout run has settled. */
  layoutDone(): Promise<void>;
  /** Colours actors by bloc (null: by kind again); the reducer applies it, the graph is untouched. */
  setColoring(coloring: BlocColoring | null): void;
  /** The colour an actor is drawn with in the last frame, or null when it is not drawn. */
  nodeColor(id: string): string | null;
  /** The keyboard's current actor: emphasised like a hovered one; null clears it. */
  setCursor(id: string | null): void;
  /** Visible actors in viewport pixels with their activity, for keyboard movement. */
  navPoints(): Map<string, NavPoint>;
  /** Node labels drawn in the last frame, with their boxes in viewport pixels. */
  labelsDrawn(): DrawnLabel[];
  kill(): void;
}

export function createGraphView(
  container: HTMLElement,
  data: DataGraph,
  initial: ViewState,
  events: GraphViewEvents,
): GraphView {
  let dataGraph = data;
  let renderGraph = buildRenderGraph(dataGraph);
  let view = initial;
  let spotlight: Spotlight = { path: null, document: null };
  const computeModel = () =>
    computeDisplayModel(dataGraph, renderGraph, view, spotlight.path, spotlight.document);
  let model = computeModel();
  const interaction: Interaction = { hovered: null, selection: initial.selection };
  let coloring: BlocColoring | null = null;
  let layout: LayoutHandle | null = null;
  let layoutRunning = true;
  let fitWhenSettled = false;
  let zoomTarget: number | null = null;
  let killed = false;
  // Assigned right below; the label layer only asks for the size while sigma renders.
  let sigmaRef: StanceSigma | null = null;
  const labels = createLabelLayer(() => sigmaRef?.getDimensions() ?? { width: 0, height: 0 });

  const sigma: StanceSigma = new Sigma<RenderNode, RenderEdge>(renderGraph, container, {
    renderEdgeLabels: false,
    enableEdgeEvents: true,
    zIndex: true,
    defaultEdgeType: 'arrow',
    edgeProgramClasses: {
      arrow: program(EdgeArrowProgram),
      line: program(EdgeRectangleProgram),
      curvedArrow: program(EdgeCurvedArrowProgram),
    },
    ...sizeSettings(renderGraph.order),
    defaultDrawNodeLabel: (context, data, settings) => labels.collect(context, data, settings),
    defaultDrawNodeHover: (context, data, settings) => labels.hover(context, data, settings),
    labelFont: 'system-ui, sans-serif',
    labelSize: 13,
    labelColor: { color: '#1f2937' },
    minEdgeThickness: 1,
    stagePadding: 40,
    nodeReducer: (node, attrs) => reduceNode(model, interaction, node, attrs, coloring),
    edgeReducer: (edge, attrs) =>
      reduceEdge(
        model,
        interaction,
        edge,
        attrs,
        renderGraph.source(edge),
        renderGraph.target(edge),
      ),
  });

  sigmaRef = sigma;
  sigma.on('beforeRender', () => labels.reset());
  sigma.on('afterRender', () => labels.flush());
  // The constructor drew before the hooks above existed: its labels appear with the next frame.
  sigma.scheduleRender();

  const refresh = () => sigma.refresh({ skipIndexation: false, schedule: true });

  sigma.on('enterNode', ({ node }) => {
    interaction.hovered = node;
    container.style.cursor = 'pointer';
    refresh();
  });
  sigma.on('leaveNode', () => {
    interaction.hovered = null;
    container.style.cursor = '';
    refresh();
  });
  sigma.on('enterEdge', () => (container.style.cursor = 'pointer'));
  sigma.on('leaveEdge', () => (container.style.cursor = ''));
  sigma.on('clickNode', ({ node }) => events.onNodeClick(node));
  sigma.on('clickEdge', ({ edge }) => events.onEdgeClick(edge));
  sigma.on('clickStage', () => events.onStageClick());

  function startLayout(): Promise<void> {
    layout?.stop();
    if (killed) return Promise.resolve();
    const handle = runLayout(renderGraph, () => {});
    layout = handle;
    layoutRunning = true;
    layoutPromise = handle.done.then(async () => {
      if (layout !== handle) return;
      layoutRunning = false;
      if (fitWhenSettled) {
        fitWhenSettled = false;
        await fit(true);
      }
    });
    return layoutPromise;
  }

  async function fit(animate = true): Promise<void> {
    if (killed) return;
    // Normalise the current positions first: the framed coordinates below depend on it.
    sigma.refresh();
    const camera = sigma.getCamera();
    const origin = sigma.viewportToFramedGraph({ x: 0, y: 0 });
    const step = sigma.viewportToFramedGraph({ x: 100, y: 0 });
    const unitsPerPixel =
      Math.hypot(step.x - origin.x, step.y - origin.y) / 100 / camera.getState().ratio;
    const points = [...model.nodes].map((id) => {
      const a = renderGraph.getNodeAttributes(id);
      return sigma.viewportToFramedGraph(sigma.graphToViewport({ x: a.x, y: a.y }));
    });
    const target = fitCamera(points, {
      viewport: sigma.getDimensions(),
      unitsPerPixel,
      margin: FIT_MARGIN,
      minRatio: 0.3,
    });
    if (!target) return;
    if (animate) await camera.animate(target, { duration: CAMERA_MS });
    else camera.setState(target);
  }

  /** Fits now, or once the running layout has settled (positions still move until then). */
  function fitSoon(): void {
    if (layoutRunning) fitWhenSettled = true;
    else void fit(true);
  }
  // The first frame shows the seeded positions at once; the layout starts after it is painted.
  let layoutPromise: Promise<void> = new Promise<void>((resolve, reject) =>
    requestAnimationFrame(() => setTimeout(() => startLayout().then(resolve, reject), 0)),
  );

  function setInteractionSelection(selection: Selection) {
    interaction.selection = selection;
  }

  return {
    sigma,
    data: () => dataGraph,
    render: () => renderGraph,
    model: () => model,
    async setData(next) {
      const positions: Positions = new Map();
      renderGraph.forEachNode((id, a) => positions.set(id, { x: a.x, y: a.y }));
      dataGraph = next;
      renderGraph = buildRenderGraph(dataGraph, positions);
      const before = model.nodes;
      model = computeModel();
      if (!sameSet(before, model.nodes)) fitWhenSettled = true;
      if (interaction.hovered !== null && !renderGraph.hasNode(interaction.hovered)) {
        interaction.hovered = null;
      }
      // The graph first: a setting refreshes at once, and the reducers read the new graph.
      sigma.setGraph(renderGraph);
      for (const [k, v] of Object.entries(sizeSettings(renderGraph.order))) {
        sigma.setSetting(k as keyof ReturnType<typeof sizeSettings>, v as never);
      }
      await startLayout();
    },
    setView(nextView, nextSpotlight) {
      view = nextView;
      spotlight = nextSpotlight;
      setInteractionSelection(nextView.selection);
      const before = model.nodes;
      model = computeModel();
      refresh();
      if (!sameSet(before, model.nodes)) fitSoon();
    },
    fit,
    async zoom(direction) {
      const camera = sigma.getCamera();
      // Steps pressed in quick succession add up: each starts from where the last one is going.
      const from = camera.isAnimated() && zoomTarget !== null ? zoomTarget : camera.ratio;
      const ratio = Math.min(MAX_RATIO, Math.max(MIN_RATIO, from * ZOOM_STEP ** -direction));
      zoomTarget = ratio;
      await camera.animate({ ratio }, { duration: CAMERA_MS * 0.7 });
      if (zoomTarget === ratio) zoomTarget = null;
    },
    async focusNode(id, ratio = 0.6) {
      if (!renderGraph.hasNode(id)) return;
      // From graph coordinates, not the display cache: a scheduled refresh may not have
      // normalised the cached positions yet.
      const a = renderGraph.getNodeAttributes(id);
      const target = sigma.viewportToFramedGraph(sigma.graphToViewport({ x: a.x, y: a.y }));
      await sigma.getCamera().animate({ x: target.x, y: target.y, ratio }, { duration: 400 });
    },
    async keepClear(id, right) {
      if (!model.nodes.has(id)) return;
      const a = renderGraph.getNodeAttributes(id);
      const at = sigma.graphToViewport({ x: a.x, y: a.y });
      const { width, height } = sigma.getDimensions();
      const free = width - right;
      if (free <= 0 || (at.x > FIT_MARGIN && at.x < free - FIT_MARGIN)) return;
      const from = sigma.viewportToFramedGraph(at);
      const to = sigma.viewportToFramedGraph({
        x: free / 2,
        y: Math.min(Math.max(at.y, 60), height - 60),
      });
      const camera = sigma.getCamera();
      const c = camera.getState();
      await camera.animate(
        { x: c.x + from.x - to.x, y: c.y + from.y - to.y },
        { duration: CAMERA_MS },
      );
    },
    viewportPosition(id) {
      if (!renderGraph.hasNode(id) || !model.nodes.has(id)) return null;
      const a = renderGraph.getNodeAttributes(id);
      const p = sigma.graphToViewport({ x: a.x, y: a.y });
      const rect = container.getBoundingClientRect();
      return { x: rect.left + p.x, y: rect.top + p.y };
    },
    layoutDone: () => layoutPromise,
    setColoring(next) {
      coloring = next;
      refresh();
    },
    nodeColor(id) {
      const d = renderGraph.hasNode(id) ? sigma.getNodeDisplayData(id) : undefined;
      return d && !d.hidden ? d.color : null;
    },
    setCursor(id) {
      interaction.hovered = id !== null && model.nodes.has(id) ? id : null;
      refresh();
    },
    navPoints() {
      const out = new Map<string, NavPoint>();
      for (const id of model.nodes) {
        const a = renderGraph.getNodeAttributes(id);
        const p = sigma.graphToViewport({ x: a.x, y: a.y });
        out.set(id, { x: p.x, y: p.y, weight: a.eventCount });
      }
      return out;
    },
    labelsDrawn: () => labels.drawn(),
    kill() {
      killed = true;
      layout?.stop();
      sigma.kill();
    },
  };
}
