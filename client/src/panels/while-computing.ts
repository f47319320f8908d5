// Asking for an analysis the server computes off its serving thread: while it answers 503
// analysis_pending, say so and ask again after its Retry-After, until the answer comes or the
// caller no longer wants it (the filters changed, the panel closed).
import { ApiRequestError } from '../api/index.ts';

/** Seconds to wait when the server did not say. */
const DEFAULT_RETRY_S = 2;

/** Whether the error is the server saying the analysis is still being computed. */
export function isPending(err: unknown): err is ApiRequestError {
  return err instanceof ApiRequestError && err.status === 503 && err.code === 'analysis_pending';
}

/**
 * The result of `ask`, asked again while the server is computing it; `onPending` runs at each
 * such answer. Resolves to null once `wanted` turns false (nothing more is asked then).
 */
export async function whileComputing<T>(
  ask: () => Promise<T>,
  { wanted, onPending }: { wanted: () => boolean; onPending: () => void },
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<T | null> {
  for (;;) {
    try {
      return await ask();
    } catch (err) {
      if (!isPending(err) || !wanted()) throw err;
      onPending();
      await sleep(1000 * (err.retryAfterSeconds ?? DEFAULT_RETRY_S));
      if (!wanted()) return null;
    }
  }
}
