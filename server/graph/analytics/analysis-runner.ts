// Runs an analysis of the graph under a filter in the analysis thread (a small one on the calling
// thread), through the cache: the caller waits at most `wait.ms` for it; past that it hears
// AnalysisPendingError while the computation goes on and is kept for whoever asks next.
import type { StanceGraph } from '../stance-graph.ts';
import { computed } from './analysis-cache.ts';
import { filterKey, type AnalysisFilter } from './analysis-filter.ts';
import { runTask, type AnalysisTask } from './analysis-tasks.ts';
import { AnalysisSupersededError, AnalysisThread } from './analysis-thread.ts';
import { dyadGraphOf } from './dyad-graph.ts';
import { dyadInput } from './dyad-input.ts';
import { filterIsActive } from '../event-filter.ts';

/** How long a caller waits for a computation, and what it is called in the error after that. */
export interface Wait {
  ms: number;
  what: string;
}

/** The analysis is being computed and was not ready within the caller's wait; ask again later. */
export class AnalysisPendingError extends Error {
  constructor(
    readonly what: string,
    waitedMs: number,
    readonly retryAfterSeconds: number,
  ) {
    super(
      `${what} is being computed and was not ready within ${waitedMs} ms; it goes on, so ask ` +
        `again in ${retryAfterSeconds} s`,
    );
    this.name = 'AnalysisPendingError';
  }
}

/**
 * Analyses whose input has fewer rows than `inlineBelow` (pairs, or events under an event filter)
 * run on the calling thread: on a small graph the hop to the analysis thread and its queue cost
 * more than the analysis. Tests set it to 0 to send everything to the thread.
 */
export const analysisSettings = { inlineBelow: 2_000 };

let shared: AnalysisThread | null = null;
const graphNumbers = new WeakMap<StanceGraph, number>();
let graphsNumbered = 0;

/** A number for each graph in the process: jobs of different graphs share one thread. */
function graphNumber(sg: StanceGraph): number {
  let n = graphNumbers.get(sg);
  if (n === undefined) graphNumbers.set(sg, (n = ++graphsNumbered));
  return n;
}

/** The process-wide analysis thread, started on first use; idle, it never keeps the process alive. */
export function analysisThread(): AnalysisThread {
  shared ??= new AnalysisThread();
  return shared;
}

/**
 * The value of the analysis `key` (a task over the graph under `filter`) at the graph's current
 * version. Rejects with AnalysisSupersededError when the graph changed before it was ready.
 */
export async function analyze<T>(
  sg: StanceGraph,
  filter: AnalysisFilter,
  key: string,
  task: AnalysisTask,
  wait?: Wait,
): Promise<T> {
  const version = sg.version;
  // An upper bound of the input's rows, known without building it.
  const rows = filterIsActive(filter) ? sg.eventSlots : sg.pairs.size;
  const inline = rows < analysisSettings.inlineBelow;
  const computation = computed<T>(sg, key, async () => {
    if (inline) {
      const input = await dyadInput(sg, filter);
      if (!input) throw new AnalysisSupersededError();
      return runTask({ g: dyadGraphOf(input) }, task) as T;
    }
    return analysisThread().run<T>({
      graph: graphNumber(sg),
      version,
      graphKey: `${graphNumber(sg)}:${version}:${filterKey(filter)}`,
      task,
      input: () => dyadInput(sg, filter),
    });
  });
  const value = await (wait ? within(computation, wait) : computation);
  // Names and kinds are read from the graph beside the value: both must be of one version.
  if (sg.version !== version) throw new AnalysisSupersededError();
  return value;
}

function within<T>(computation: Promise<T>, wait: Wait): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new AnalysisPendingError(wait.what, wait.ms, retryAfter(wait.ms))),
      wait.ms,
    );
    computation.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error as Error);
      },
    );
  });
}

/** Seconds to suggest before asking again: the caller's own wait, rounded up, at least 1. */
function retryAfter(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}
