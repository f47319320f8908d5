// One extraction pool per process for callers that are not handed one (an app built in a test,
// a library user): its workers start on first use and never keep the process alive when idle.
import { ExtractionPool, type ExtractionWorkers } from './extraction-pool.ts';

let shared: ExtractionPool | null = null;

/** The process-wide pool, created with default settings on first call. */
export function sharedWorkers(): ExtractionWorkers {
  shared ??= new ExtractionPool();
  return shared;
}
