// The path finder form: two actors chosen from suggestions and a search button. The result (the
// chain and the events along each hop) is shown in the details panel by path-panel.ts.
import type { ApiClient } from '../api/index.ts';
import { createActorPicker } from './actor-picker.ts';
import { h, replace } from './dom.ts';
import { actorName, type PanelContext } from './context.ts';

export interface PathFinder {
  root: HTMLElement;
  /** Shows a pair in the pickers (when a link reopens a path). */
  setPair(from: string, to: string): void;
  /** Empties both pickers. */
  reset(): void;
}

export interface PathFinderActions {
  find(from: string, to: string): void;
  clear(): void;
}

export function createPathFinder(
  api: ApiClient,
  ctx: PanelContext,
  actions: PathFinderActions,
): PathFinder {
  let from: string | null = null;
  let to: string | null = null;
  const status = h('p', { class: 'path-status', 'aria-live': 'polite' });
  const fromPicker = createActorPicker({ api, label: 'From', onChoose: (hit) => (from = hit.id) });
  const toPicker = createActorPicker({ api, label: 'To', onChoose: (hit) => (to = hit.id) });
  const go = h('button', { type: 'button', id: 'path-go' }, 'Find path');
  const clear = h('button', { type: 'button', id: 'path-clear' }, 'Clear');

  go.addEventListener('click', () => {
    const a = from;
    const b = to;
    if (a === null || b === null) {
      replace(status, h('span', { class: 'error' }, 'Choose both actors from the suggestions.'));
      return;
    }
    replace(status, 'The path is shown in the details panel.');
    actions.find(a, b);
  });
  const reset = () => {
    from = to = null;
    fromPicker.setValue('');
    toPicker.setValue('');
    replace(status);
  };
  clear.addEventListener('click', () => {
    reset();
    actions.clear();
  });
  // Typing after a choice makes it void until a suggestion is chosen again.
  fromPicker.input.addEventListener('input', () => (from = null));
  toPicker.input.addEventListener('input', () => (to = null));

  return {
    root: h(
      'section',
      { class: 'path-finder', 'aria-labelledby': 'path-heading' },
      h('h2', { id: 'path-heading' }, 'Path finder'),
      fromPicker.root,
      toPicker.root,
      h('div', { class: 'buttons' }, go, clear),
      status,
    ),
    setPair(a, b) {
      fromPicker.setValue(actorName(ctx, a));
      toPicker.setValue(actorName(ctx, b));
      from = a;
      to = b;
    },
    reset,
  };
}
