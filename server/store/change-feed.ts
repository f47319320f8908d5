// The change feed: keeps one process's in-memory graph in step with the store by applying the
// numbered change log from the last number it applied. Writes from any process (the CLI, another
// server, another replica) reach the graph this way. Wake-ups (a poll on SQLite, LISTEN/NOTIFY on
// PostgreSQL) only say "look now"; what is applied always comes from reading the log in order, and
// applying a change twice is harmless, so a missed or duplicated wake-up cannot leave a gap.
// A pass gives the event loop a turn whenever it has applied changes for a few milliseconds, so
// requests, and the work a graph schedules after each change (the path index's catch-up slices),
// get in between the documents of a long page instead of waiting for the whole page.
import { setImmediate as loopTurn } from 'node:timers/promises';
import type { GraphDocument, Store } from './types.ts';

/** What the feed needs of a graph (the graph module's StanceGraph has all of it). */
export interface FollowedGraph {
  /** Ignores a document already present. */
  addDocument(document: GraphDocument): void;
  /** Ignores a document not present. */
  removeDocument(documentId: string): void;
  hasDocument(documentId: string): boolean;
  documentIds(): string[];
}

/** Changes read per round trip. */
const PAGE = 1000;
/** After a failed pass (database unreachable), the next attempt comes this much later. */
const RETRY_MS = 1000;
/** A pass applies changes about this long, then gives the event loop a turn. */
export const FEED_SLICE_MS = 4;

export interface ChangeFeedOptions {
  /** The last change number already reflected in the graph. */
  from: number;
  onError?: (error: unknown) => void;
  /** Applying time between turns of the event loop, in ms (default FEED_SLICE_MS). */
  sliceMs?: number;
  /** The clock the slices are timed by (default performance.now). */
  now?: () => number;
  /** Waits for the next turn of the event loop (default setImmediate). */
  nextTurn?: () => Promise<void>;
}

export class ChangeFeed {
  private appliedSeq: number;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private unwatch: (() => void) | null = null;
  private retry: NodeJS.Timeout | null = null;
  private rebuilds = 0;

  constructor(
    private readonly store: Store,
    private readonly graph: FollowedGraph,
    private readonly options: ChangeFeedOptions,
  ) {
    this.appliedSeq = options.from;
  }

  /** The number of the last change applied. */
  get applied(): number {
    return this.appliedSeq;
  }

  /** How many times the feed found the log trimmed past its position and rebuilt the graph. */
  get rebuildCount(): number {
    return this.rebuilds;
  }

  /** Starts following: every wake-up from the store leads to a catch-up. */
  start(): void {
    if (this.unwatch) return;
    this.unwatch = this.store.watchChanges(() => void this.catchUp().catch(() => undefined));
    void this.catchUp().catch(() => undefined);
  }

  stop(): void {
    this.unwatch?.();
    this.unwatch = null;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
  }

  /** Applies every change logged so far; resolves after a pass that began after this call. */
  catchUp(): Promise<void> {
    if (this.running) {
      this.queued ??= this.running
        .catch(() => undefined)
        .then(() => {
          this.queued = null;
          return this.catchUp();
        });
      return this.queued;
    }
    this.running = this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    const now = this.options.now ?? (() => performance.now());
    const nextTurn = this.options.nextTurn ?? (() => loopTurn());
    const sliceMs = this.options.sliceMs ?? FEED_SLICE_MS;
    let sliceStart = now();
    try {
      for (;;) {
        const page = await this.store.changesSince(this.appliedSeq, PAGE);
        if (page.trimmedThrough > this.appliedSeq) {
          await this.rebuild();
          continue;
        }
        for (const change of page.changes) {
          if (change.kind === 'remove') {
            this.graph.removeDocument(change.document);
          } else if (!this.graph.hasDocument(change.document)) {
            // Null when a later change removed it again; that change comes next.
            const extraction = await this.store.getExtraction(change.document);
            if (extraction) this.graph.addDocument(extraction);
          }
          this.appliedSeq = change.seq;
          if (now() - sliceStart >= sliceMs) {
            await nextTurn();
            sliceStart = now();
          }
        }
        if (page.changes.length < PAGE) return;
      }
    } catch (error) {
      this.options.onError?.(error);
      if (this.unwatch && !this.retry) {
        this.retry = setTimeout(() => {
          this.retry = null;
          void this.catchUp().catch(() => undefined);
        }, RETRY_MS);
        this.retry.unref();
      }
      throw error;
    }
  }

  /** The log no longer reaches back to our position: bring the graph to the store's state. */
  private async rebuild(): Promise<void> {
    const seq = await this.store.lastChange();
    // Documents the graph holds are passed over; those it lacks are added; then those the store
    // no longer holds are removed.
    const stored = new Set<string>();
    await this.store.graphDocuments((batch) => {
      for (const document of batch) {
        stored.add(document.document.id);
        this.graph.addDocument(document);
      }
    });
    for (const id of this.graph.documentIds()) {
      if (!stored.has(id)) this.graph.removeDocument(id);
    }
    this.appliedSeq = seq;
    this.rebuilds += 1;
  }
}
