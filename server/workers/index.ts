// Public face of the workers module: the extraction pool that keeps the extractor off the event
// loop (server requests and CLI batch ingest alike), its errors, and the process-wide default.
export {
  DEFAULT_BUDGET_MS,
  ExtractionPool,
  type ExtractionWorkers,
  type Extractor,
  type PoolOptions,
} from './extraction-pool.ts';
export { ExtractionBusyError, ExtractionLimitError, ExtractionWorkerError } from './errors.ts';
export { sharedWorkers } from './shared-pool.ts';
