// Why the pool gave up on an article: it ran past its budget (or out of memory), which is the
// article's doing (422); or every worker is busy and the queue is full, which is the server's (503).

/** The article could not be extracted within the per-article time or memory budget. */
export class ExtractionLimitError extends Error {
  constructor(
    readonly limit: 'time' | 'memory',
    message: string,
  ) {
    super(message);
    this.name = 'ExtractionLimitError';
  }
}

/** Every worker is busy and the waiting line is full; the client should retry shortly. */
export class ExtractionBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`all extraction workers are busy and the queue is full; retry in ${retryAfterSeconds} s`);
    this.name = 'ExtractionBusyError';
  }
}

/** The extractor threw inside a worker: a bug, reported with the worker's own stack. */
export class ExtractionWorkerError extends Error {
  constructor(name: string, message: string, stack: string) {
    super(`${name}: ${message}`);
    this.name = 'ExtractionWorkerError';
    this.stack = stack;
  }
}
