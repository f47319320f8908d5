// The analyses the analysis thread runs on a dyad graph, and the messages that carry them between
// the serving thread and that thread.
import { pairsOf, stanceVectors, type PairOptions, type Vectors } from './alignment.ts';
import { blocsOf } from './blocs.ts';
import type { DyadGraph } from './dyad-graph.ts';
import type { DyadInput } from './dyad-input.ts';
import { rankingOf, type Measure } from './metrics.ts';

export type AnalysisTask =
  | { kind: 'ranking'; measure: Measure }
  | { kind: 'blocs' }
  | { kind: 'alignment'; options: PairOptions };

/** A dyad graph as the analysis thread holds it, with what analyses derive from it once. */
export interface HeldGraph {
  g: DyadGraph;
  vectors?: Vectors;
}

/** Runs one analysis; the result is structured-cloneable. */
export function runTask(held: HeldGraph, task: AnalysisTask): unknown {
  switch (task.kind) {
    case 'ranking':
      return rankingOf(held.g, task.measure);
    case 'blocs':
      return blocsOf(held.g);
    case 'alignment':
      held.vectors ??= stanceVectors(held.g);
      return pairsOf(held.vectors, task.options);
  }
}

/** One analysis of the graph named `graphKey` (its version and filter); `input` when not held. */
export interface AnalysisRequest {
  id: number;
  graphKey: string;
  task: AnalysisTask;
  input?: DyadInput;
}

export type AnalysisReply =
  | { type: 'done'; id: number; value: unknown; held: string[] }
  /** The thread does not hold the graph (it was never sent, or was let go): send the input. */
  | { type: 'missing'; id: number; held: string[] }
  | { type: 'failed'; id: number; error: { name: string; message: string; stack: string } };
