// The graph at start-up and its saved file: loaded from the file when the file's tag matches the
// store (no row read), or when the store moved on since only by changes still in its change log
// (the change feed replays them), else built from the store's rows; saved one save at a time,
// skipping a generation already saved. The server and the scale bench's server process open their
// graph here.
import {
  buildGraph,
  loadGraph,
  saveGraph,
  savedGraphOrigin,
  type SavedGraph,
  type StanceGraph,
} from './graph/index.ts';
import { collectGarbage } from './collect-garbage.ts';
import { ChangeFeed, fillGraph, type Store, type StoreGeneration } from './store/index.ts';

/**
 * The most logged changes a saved graph may be behind the store and still be loaded (the change
 * feed then replays them, a document read at a time); further behind, building from the rows in
 * batches is the shorter way.
 */
export const REPLAY_LIMIT = 10_000;
/** Changes read per round trip while counting them. */
const PAGE = 1000;

/** The graph at start-up: loaded from the saved file, or built from the store's rows. */
export interface OpenedGraph {
  graph: StanceGraph;
  feed: ChangeFeed;
  /** The store state the graph reflects at least (read before it was built or loaded). */
  origin: StoreGeneration;
  /**
   * The generation of the saved file it was loaded from (behind `origin` by replayed changes), or
   * null when it was built from the store's rows.
   */
  savedGeneration: number | null;
}

/**
 * The generation a saved file may be loaded at: the store's own, or the file's when every raise of
 * the generation since the file was saved came from a change still in the log, at most
 * REPLAY_LIMIT of them (a repair raises it without logging, a trimmed log has lost them).
 */
async function loadableGeneration(
  store: Store,
  file: string,
  origin: StoreGeneration,
): Promise<number> {
  const saved = savedGraphOrigin(file);
  if (!saved || saved.store !== origin.store) return origin.generation;
  const behind = origin.generation - saved.generation;
  if (behind <= 0 || behind > REPLAY_LIMIT) return origin.generation;
  let logged = 0;
  for (let after = saved.lastChange; after < origin.lastChange;) {
    const page = await store.changesSince(after, PAGE);
    if (page.trimmedThrough > saved.lastChange) return origin.generation;
    const within = page.changes.filter((change) => change.seq <= origin.lastChange);
    logged += within.length;
    if (logged > behind || within.length < PAGE) break;
    after = within.at(-1)!.seq;
  }
  return logged === behind ? saved.generation : origin.generation;
}

/**
 * Loads the graph saved in `file` when its tag matches the store's id and this code's graph format
 * and its generation is the store's, or behind it only by logged changes (loadableGeneration);
 * otherwise (no file, another generation, a damaged file: one log line) builds it from the store's
 * rows. Either way the change feed follows on from there.
 */
export async function openGraph(
  store: Store,
  file: string | null,
  onError: (error: unknown) => void,
): Promise<OpenedGraph> {
  // Read before the graph: changes landing meanwhile are replayed by the feed, harmlessly.
  const origin = await store.generation();
  if (file) {
    const generation = await loadableGeneration(store, file, origin);
    const saved = loadGraph(file, { store: origin.store, generation });
    if ('graph' in saved) {
      const behind = origin.generation - generation;
      console.log(
        `stancegraph: graph loaded from ${file} in ${saved.ms.toFixed(0)} ms` +
          ` (store generation ${origin.generation}` +
          (behind ? `; saved at ${generation}, ${behind} logged change(s) to replay)` : ')'),
      );
      // What loading dropped is collected now rather than by a pause in the first seconds of serving.
      const collected = collectGarbage();
      if (collected !== null) {
        console.log(`stancegraph: heap collected after loading in ${collected.toFixed(0)} ms`);
      }
      const feed = new ChangeFeed(store, saved.graph, { from: saved.lastChange, onError });
      // Serving starts with the replayed changes in (a failure is logged; the feed tries again).
      if (behind) await feed.catchUp().catch(() => undefined);
      return { graph: saved.graph, feed, origin, savedGeneration: generation };
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
  return { graph, feed, origin, savedGeneration: null };
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
