// sigma node and edge reducers as pure functions of the display model and the interaction state
// (hover, selection): display state lives here, never in the graph's attributes. A path or a
// spotlit document (the article just added) is emphasised and the rest dimmed. Colouring by bloc
// replaces the kind colours before any dimming.
import type { Selection } from '../state/index.ts';
import type { BlocColoring } from './bloc-colors.ts';
import type { DisplayModel } from './display-model.ts';
import type { RenderEdge, RenderNode } from './render-graph.ts';
import {
  DIMMED_EDGE_COLOR,
  DIMMED_NODE_COLOR,
  PATH_EDGE_COLOR,
  POLARITY_COLORS,
  edgeSize,
} from './styles.ts';

export interface Interaction {
  hovered: string | null;
  selection: Selection;
}

export interface NodeDisplay extends Omit<RenderNode, 'label'> {
  /** null, not '': sigma's label grid skips null labels but would give '' a cell's place. */
  label: string | null;
  hidden?: boolean;
  highlighted?: boolean;
  forceLabel?: boolean;
  zIndex?: number;
}

export interface EdgeDisplay extends RenderEdge {
  hidden?: boolean;
  zIndex?: number;
  forceLabel?: boolean;
}

/** The actor whose neighbourhood is emphasised: the hovered one, else the selected one. */
function emphasised(ia: Interaction): string | null {
  if (ia.hovered !== null) return ia.hovered;
  return ia.selection?.kind === 'node' ? ia.selection.id : null;
}

export function reduceNode(
  model: DisplayModel,
  ia: Interaction,
  node: string,
  attrs: RenderNode,
  coloring: BlocColoring | null = null,
): NodeDisplay {
  if (!model.nodes.has(node)) return { ...attrs, hidden: true };
  const out: NodeDisplay = { ...attrs };
  if (coloring) out.color = coloring.colors.get(node) ?? coloring.fallback;
  const selected = ia.selection?.kind === 'node' && ia.selection.id === node;
  if (model.pathNodes.size > 0 || model.documentNodes.size > 0) {
    if (model.pathNodes.has(node) || model.documentNodes.has(node)) {
      out.highlighted = true;
      out.forceLabel = true;
      out.zIndex = 2;
    } else {
      out.color = DIMMED_NODE_COLOR;
      out.label = null;
      out.zIndex = 0;
    }
  }
  const centre = emphasised(ia);
  if (centre !== null && model.nodes.has(centre)) {
    if (node === centre) {
      out.highlighted = true;
      out.forceLabel = true;
      out.zIndex = 3;
    } else if (model.adjacency.get(centre)?.has(node)) {
      out.forceLabel = true;
      out.zIndex = 2;
    } else if (!model.pathNodes.has(node) && !model.documentNodes.has(node)) {
      out.color = DIMMED_NODE_COLOR;
      out.label = null;
      out.zIndex = 0;
    }
  }
  if (selected) {
    out.highlighted = true;
    out.forceLabel = true;
    out.zIndex = 3;
  }
  return out;
}

export function reduceEdge(
  model: DisplayModel,
  ia: Interaction,
  edge: string,
  attrs: RenderEdge,
  source: string,
  target: string,
): EdgeDisplay {
  const tally = model.edges.get(edge);
  if (!tally) return { ...attrs, hidden: true };
  const out: EdgeDisplay = { ...attrs };
  if (attrs.role !== 'affiliation' && tally.polarity !== null) {
    out.color = POLARITY_COLORS[tally.polarity];
    out.size = edgeSize(tally.count);
    if (attrs.role === 'dyad') out.label = `${tally.count} event${tally.count === 1 ? '' : 's'}`;
  }
  if (model.pathNodes.size > 0 || model.documentNodes.size > 0) {
    if (model.pathEdges.has(edge)) {
      out.color = PATH_EDGE_COLOR;
      out.size = out.size + 2;
      out.zIndex = 2;
    } else if (model.documentEdges.has(edge)) {
      out.size = out.size + 1.5;
      out.zIndex = 2;
    } else {
      out.color = DIMMED_EDGE_COLOR;
      out.zIndex = 0;
    }
  }
  const centre = emphasised(ia);
  if (centre !== null && model.nodes.has(centre)) {
    const spotlit = model.pathEdges.has(edge) || model.documentEdges.has(edge);
    if (source !== centre && target !== centre && !spotlit) {
      out.color = DIMMED_EDGE_COLOR;
      out.zIndex = 0;
    } else {
      out.zIndex = 1;
    }
  }
  if (ia.selection?.kind === 'edge' && ia.selection.id === edge) {
    out.size = out.size + 2;
    out.zIndex = 3;
    out.forceLabel = true;
  }
  return out;
}
