// A tiny observable holder for the view state: panels dispatch pure updates, views subscribe.
import type { ViewState } from './view-state.ts';

export type Listener = (next: ViewState, previous: ViewState) => void;

export interface ViewStore {
  get(): ViewState;
  update(fn: (state: ViewState) => ViewState): void;
  subscribe(listener: Listener): () => void;
}

export function createViewStore(initial: ViewState): ViewStore {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    update(fn) {
      const previous = state;
      const next = fn(state);
      if (next === previous) return;
      state = next;
      for (const l of listeners) l(next, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
