// A full garbage collection on demand, without a command-line flag: start-up runs one after loading
// the saved graph and before listening, so what loading dropped (the file's JSON text, parse
// results, growing arrays) is not left to a major collection that would otherwise pause the
// serving thread within the first second of serving.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

/** V8's gc function, taken from a context created while the flag is set, which is then cleared. */
function collector(): (() => void) | null {
  if (gc !== undefined) return gc;
  try {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  } catch {
    gc = null;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
  return gc;
}

/** Runs a full collection; returns its duration in ms, or null when the runtime allows none. */
export function collectGarbage(): number | null {
  const run = collector();
  if (!run) return null;
  const started = performance.now();
  run();
  return performance.now() - started;
}
