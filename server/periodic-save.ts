// Saving the graph while serving: once the change feed has applied a number of changes since the
// graph was last saved, or fewer and then none for an idle time, the graph is saved as after a
// build (its state copied out on the serving thread, checksummed and written off it). A crash then
// costs the next start only the changes logged since that save, which the change feed replays on
// the loaded graph, instead of a build from the store's rows.
import { SettingsError } from './security/index.ts';
import type { ChangeFeed, Store, StoreGeneration } from './store/index.ts';

/** When the graph is saved while serving; null turns a trigger off. */
export interface SaveSchedule {
  /** Saved once this many change-log numbers were applied since the last save. */
  changes: number | null;
  /** Saved once changes are pending and none came for this long. */
  idleMs: number | null;
}

export const DEFAULT_SAVE_SCHEDULE: SaveSchedule = { changes: 1000, idleMs: 60_000 };

function setting(value: string | undefined, variable: string, fallback: number | null) {
  if (value === undefined || value.trim() === '') return fallback;
  if (value.trim() === 'off') return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new SettingsError(variable, `expected a positive integer or "off", got "${value}"`);
  }
  return n;
}

/** STANCEGRAPH_SAVE_CHANGES and STANCEGRAPH_SAVE_IDLE_MS over the defaults. */
export function saveSchedule(env: NodeJS.ProcessEnv = process.env): SaveSchedule {
  return {
    changes: setting(
      env.STANCEGRAPH_SAVE_CHANGES,
      'STANCEGRAPH_SAVE_CHANGES',
      DEFAULT_SAVE_SCHEDULE.changes,
    ),
    idleMs: setting(
      env.STANCEGRAPH_SAVE_IDLE_MS,
      'STANCEGRAPH_SAVE_IDLE_MS',
      DEFAULT_SAVE_SCHEDULE.idleMs,
    ),
  };
}

/** Saves the graph tagged with `origin` (graphSaver: one save at a time). */
export type Save = (origin: StoreGeneration, why: string) => Promise<unknown>;

/** The longest the schedule waits between two looks at the feed. */
const TICK_MS = 1000;

/**
 * Looks at the feed every tick and saves when the schedule says so, only while the graph holds
 * exactly what the store logged (read after a catch-up; a store still changing is tried again at
 * the next tick). `savedThrough` is the change number the saved file (or the save under way)
 * holds. Returns a function that stops it and resolves once a save it began has ended.
 */
export function savePeriodically(options: {
  feed: ChangeFeed;
  store: Store;
  save: Save;
  schedule: SaveSchedule;
  savedThrough: number;
}): () => Promise<void> {
  const { feed, store, save, schedule } = options;
  if (schedule.changes === null && schedule.idleMs === null) return () => Promise.resolve();
  let savedThrough = options.savedThrough;
  let seen = feed.applied;
  let movedAt = performance.now();
  let saving: Promise<void> | null = null;

  const due = (): string | null => {
    const pending = feed.applied - savedThrough;
    if (pending <= 0) return null;
    if (schedule.changes !== null && pending >= schedule.changes) return `after ${pending} changes`;
    const idle = performance.now() - movedAt;
    if (schedule.idleMs !== null && idle >= schedule.idleMs) {
      return `after ${pending} change(s) and ${(idle / 1000).toFixed(1)} s without one`;
    }
    return null;
  };

  const attempt = async (why: string) => {
    await feed.catchUp();
    const origin = await store.generation();
    if (origin.lastChange !== feed.applied) return;
    await save(origin, why);
    savedThrough = origin.lastChange;
  };

  const tick = () => {
    if (feed.applied !== seen) {
      seen = feed.applied;
      movedAt = performance.now();
    }
    const why = saving ? null : due();
    if (!why) return;
    saving = attempt(why)
      .catch(() => undefined)
      .finally(() => {
        saving = null;
      });
  };
  const timer = setInterval(
    tick,
    Math.min(TICK_MS, Math.max(10, (schedule.idleMs ?? TICK_MS) / 4)),
  );
  timer.unref();
  return async () => {
    clearInterval(timer);
    await saving;
  };
}
