// The graph at start-up and its saved file: loaded from the file when the file's tag matches the
// store (no row read), else built from the store's rows; saved one save at a time, skipping a
// generation already saved. The server and the scale bench's server process open their graph here.
import {
  buildGraph,
  loadGraph,
  saveGraph,
  type SavedGraph,
  type StanceGraph,
} from './graph/index.ts';
import { ChangeFeed, fillGraph, type Store, type StoreGeneration } from './store/index.ts';

/** The graph at start-up: loaded from the saved file, or built from the store's rows. */
export interface OpenedGraph {
  graph: StanceGraph;
  feed: ChangeFeed;
  /** The store state the graph reflects at least (read before it was built or loaded). */
  origin: StoreGeneration;
  /** Whether it came from the saved file (then that file already holds this generation). */
  loaded: boolean;
}

/**
 * Loads the graph saved in `file` when its tag matches the store's id and generation and this
 * code's graph format; otherwise (no file, another generation, a damaged file: one log line)
 * builds it from the store's rows. Either way the change feed follows on from there.
 */
export async function openGraph(
  store: Store,
  file: string | null,
  onError: (error: unknown) => void,
): Promise<OpenedGraph> {
  // Read before the graph: changes landing meanwhile are replayed by the feed, harmlessly.
  const origin = await store.generation();
  if (file) {
    const saved = loadGraph(file, origin);
    if ('graph' in saved) {
      console.log(
        `stancegraph: graph loaded from ${file} in ${saved.ms.toFixed(0)} ms` +
          ` (store generation ${origin.generation})`,
      );
      const feed = new ChangeFeed(store, saved.graph, { from: saved.lastChange, onError });
      return { graph: saved.graph, feed, origin, loaded: true };
    }
    if (saved.refused !== 'missing') {
      console.warn(
        `stancegraph: saved graph ${file} not used (${saved.refused}: ${saved.message});` +
          ' building from the store',
      );
    }
  }
  const graph = await fillGraph(store, buildGraph());
  const feed = new ChangeFeed(store, graph, { from: origin.lastChange, onError });
  return { graph, feed, origin, loaded: false };
}

/**
 * Saves the graph to `file` one save at a time, skipping a generation already saved; resolves the
 * save's figures (null when nothing was written). A failed save only logs: the graph is then built
 * from the store at the next start.
 */
export function graphSaver(graph: StanceGraph, file: string | null, saved: number | null) {
  let last = saved;
  let queue: Promise<SavedGraph | null> = Promise.resolve(null);
  return (origin: StoreGeneration, why: string): Promise<SavedGraph | null> => {
    if (!file) return queue;
    queue = queue.then(async () => {
      if (origin.generation === last) return null;
      try {
        const done = await saveGraph(graph, file, origin);
        last = origin.generation;
        console.log(
          `stancegraph: graph saved to ${file} ${why} (${(done.bytes / 2 ** 20).toFixed(1)} MB,` +
            ` ${done.encodeMs.toFixed(0)} ms encoding, ${done.writeMs.toFixed(0)} ms writing)`,
        );
        return done;
      } catch (error) {
        console.warn(`stancegraph: could not save the graph to ${file}:`, (error as Error).message);
        return null;
      }
    });
    return queue;
  };
}
