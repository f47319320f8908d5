// The work of the analysis thread: build the dyad graph of each input it is sent (keeping the last
// few, so the rankings, blocs and alignment of one version and filter share one graph) and run the
// analyses it is asked for, one at a time, in the order they come.
import { parentPort } from 'node:worker_threads';
import type { AnalysisReply, AnalysisRequest, HeldGraph } from './analysis-tasks.ts';
import { runTask } from './analysis-tasks.ts';
import { dyadGraphOf } from './dyad-graph.ts';

const port = parentPort;
if (!port) throw new Error('analysis-job.ts runs only inside the analysis worker thread');

/** Dyad graphs kept: a million-pair graph holds hundreds of MB. */
const HELD_GRAPHS = 2;
const graphs = new Map<string, HeldGraph>();

function held(): string[] {
  return [...graphs.keys()];
}

function graphFor(request: AnalysisRequest): HeldGraph | undefined {
  const kept = graphs.get(request.graphKey);
  if (kept) {
    // Re-inserting moves the graph to the back of the eviction order.
    graphs.delete(request.graphKey);
    graphs.set(request.graphKey, kept);
    return kept;
  }
  if (!request.input) return undefined;
  const built = { g: dyadGraphOf(request.input) };
  graphs.set(request.graphKey, built);
  if (graphs.size > HELD_GRAPHS) graphs.delete(graphs.keys().next().value as string);
  return built;
}

port.on('message', (request: AnalysisRequest) => {
  try {
    const graph = graphFor(request);
    if (!graph) {
      port.postMessage({ type: 'missing', id: request.id, held: held() } satisfies AnalysisReply);
      return;
    }
    const value = runTask(graph, request.task);
    port.postMessage({ type: 'done', id: request.id, value, held: held() } satisfies AnalysisReply);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    port.postMessage({
      type: 'failed',
      id: request.id,
      error: { name: e.name, message: e.message, stack: e.stack ?? '' },
    } satisfies AnalysisReply);
  }
});
