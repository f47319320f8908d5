// The graph view: one sigma instance over the render graph, whose reducers read the display
// model and the hover/selection state; layout runs in the worker after the first frame is drawn
// and after each data change.
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeRectangleProgram, type EdgeProgramType } from 'sigma/rendering';
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import type { Selection, ViewState } from '../state/index.ts';
import {
  buildRenderGraph,
  computeDisplayModel,
  labelSettings,
  reduceEdge,
  reduceNode,
  type DataGraph,
  type DisplayModel,
  type Interaction,
  type NavPoint,
  type Positions,
  type RenderEdge,
  type RenderGraph,
  type RenderNode,
} from '../graph/index.ts';
import { createLabelLayer } from './label-layer.ts';
import { runLayout, type LayoutHandle } from './layout.ts';

/** Above this many actors, edges are hidden while the camera moves (they cost most per frame). */
const BIG_GRAPH = 500;

function sizeSettings(order: number) {
  return { ...labelSettings(order), hideEdgesOnMove: order > BIG_GRAPH };
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
  setView(view: ViewState, path: readonly string[] | null): void;
  /** Animates the camera to a node; resolves when the animation ends. */
  focusNode(id: string, ratio?: number): Promise<void>;
  /** A node's position in CSS pixels relative to the page, or null when not drawn. */
  viewportPosition(id: string): { x: number; y: number } | null;
  /** Settles when the current layout run has settled. */
  layoutDone(): Promise<void>;
  /** The keyboard's current actor: emphasised like a hovered one; null clears it. */
  setCursor(id: string | null): void;
  /** Visible actors in viewport pixels with their activity, for keyboard movement. */
  navPoints(): Map<string, NavPoint>;
  /** Node labels drawn in the last frame. */
  labelsDrawn(): string[];
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
  let path: readonly string[] | null = null;
  let model = computeDisplayModel(dataGraph, renderGraph, view, path);
  const interaction: Interaction = { hovered: null, selection: initial.selection };
  let layout: LayoutHandle | null = null;
  let killed = false;
  const labels = createLabelLayer();

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
    labelFont: 'system-ui, sans-serif',
    labelSize: 13,
    labelColor: { color: '#1f2937' },
    minEdgeThickness: 1,
    stagePadding: 40,
    nodeReducer: (node, attrs) => reduceNode(model, interaction, node, attrs),
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
    layoutPromise = handle.done.then(() => undefined);
    return layoutPromise;
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
      model = computeDisplayModel(dataGraph, renderGraph, view, path);
      for (const [k, v] of Object.entries(sizeSettings(renderGraph.order))) {
        sigma.setSetting(k as keyof ReturnType<typeof sizeSettings>, v as never);
      }
      if (interaction.hovered !== null && !renderGraph.hasNode(interaction.hovered)) {
        interaction.hovered = null;
      }
      sigma.setGraph(renderGraph);
      await startLayout();
    },
    setView(nextView, nextPath) {
      view = nextView;
      path = nextPath;
      setInteractionSelection(nextView.selection);
      model = computeDisplayModel(dataGraph, renderGraph, view, path);
      refresh();
    },
    async focusNode(id, ratio = 0.6) {
      if (!renderGraph.hasNode(id)) return;
      // From graph coordinates, not the display cache: a scheduled refresh may not have
      // normalised the cached positions yet.
      const a = renderGraph.getNodeAttributes(id);
      const target = sigma.viewportToFramedGraph(sigma.graphToViewport({ x: a.x, y: a.y }));
      await sigma.getCamera().animate({ x: target.x, y: target.y, ratio }, { duration: 400 });
    },
    viewportPosition(id) {
      if (!renderGraph.hasNode(id) || !model.nodes.has(id)) return null;
      const a = renderGraph.getNodeAttributes(id);
      const p = sigma.graphToViewport({ x: a.x, y: a.y });
      const rect = container.getBoundingClientRect();
      return { x: rect.left + p.x, y: rect.top + p.y };
    },
    layoutDone: () => layoutPromise,
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
