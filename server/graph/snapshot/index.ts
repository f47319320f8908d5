// Saved graphs: the whole built graph written to one file (typed arrays raw, the rest as JSON),
// tagged with the store's id and generation and this code's graph format, and loaded back
// without reading the store's rows when the tag still matches. A stale, truncated or damaged file
// is refused (never half-loaded); the caller then builds from the store.
import { StanceGraph } from '../stance-graph.ts';
import {
  SnapshotRefused,
  encodeSnapshot,
  readSnapshotFile,
  readSnapshotTag,
  sealSnapshot,
  writeSnapshotFile,
  type SnapshotTag,
} from './file-format.ts';
import { graphFingerprint } from './fingerprint.ts';

export { graphFingerprint };

/** Raised whenever the file's layout changes (the fingerprint covers the code's own changes). */
export const SNAPSHOT_FORMAT = 2;

/** The store state a graph reflects: its id, its generation and the last change logged. */
export interface GraphOrigin {
  store: string;
  generation: number;
  lastChange: number;
}

function tagOf(origin: GraphOrigin): SnapshotTag {
  return {
    format: SNAPSHOT_FORMAT,
    fingerprint: graphFingerprint(),
    endianness: new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'LE' : 'BE',
    store: origin.store,
    generation: origin.generation,
    lastChange: origin.lastChange,
  };
}

export interface SavedGraph {
  bytes: number;
  /** Time the serving thread is held: taking the graph's state and copying it into one buffer. */
  encodeMs: number;
  /** Time to checksum (a chunk a turn), write, flush and rename the file. */
  writeMs: number;
}

/**
 * Saves the graph as it is now, tagged with `origin` (which must not be newer than the graph: read
 * it before the graph took its state). The state is copied out at once; the write is asynchronous.
 */
export async function saveGraph(
  graph: StanceGraph,
  file: string,
  origin: GraphOrigin,
): Promise<SavedGraph> {
  const started = performance.now();
  const bytes = encodeSnapshot(tagOf(origin), graph.save());
  const encoded = performance.now();
  await sealSnapshot(bytes);
  await writeSnapshotFile(file, bytes);
  return {
    bytes: bytes.length,
    encodeMs: encoded - started,
    writeMs: performance.now() - encoded,
  };
}

/**
 * The store state a saved file says it reflects (its store id, generation and change number), or
 * null when there is no readable file; its body is not read.
 */
export function savedGraphOrigin(file: string): GraphOrigin | null {
  try {
    const tag = readSnapshotTag(file);
    return { store: tag.store, generation: tag.generation, lastChange: tag.lastChange };
  } catch {
    return null;
  }
}

export type LoadedGraph =
  | { graph: StanceGraph; lastChange: number; ms: number }
  | { refused: 'missing' | 'stale' | 'damaged'; message: string };

/**
 * The graph saved in `file` when it was saved from this store at this generation by code of
 * this graph format; otherwise why not (nothing is thrown).
 */
export function loadGraph(file: string, origin: Omit<GraphOrigin, 'lastChange'>): LoadedGraph {
  const started = performance.now();
  try {
    const { tag, part } = readSnapshotFile(file, tagOf({ ...origin, lastChange: 0 }));
    const graph = StanceGraph.restore(part);
    return { graph, lastChange: tag.lastChange, ms: performance.now() - started };
  } catch (error) {
    if (error instanceof SnapshotRefused) return { refused: error.reason, message: error.message };
    return { refused: 'damaged', message: (error as Error).message };
  }
}
