// The camera controls over the graph: zoom in, zoom out and fit (back to everything shown), as
// buttons and as keys (+, - and 0) that work anywhere except while typing in a field.
import { h } from './dom.ts';

export interface CameraActions {
  zoom(direction: 1 | -1): void;
  fit(): void;
}

const KEYS: Record<string, (a: CameraActions) => void> = {
  '+': (a) => a.zoom(1),
  '=': (a) => a.zoom(1),
  '-': (a) => a.zoom(-1),
  _: (a) => a.zoom(-1),
  '0': (a) => a.fit(),
};

/** Whether a key press goes to a field that takes text (so it is not a shortcut). */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'range', 'button'].includes(target.type)
  );
}

export function createCameraControls(actions: CameraActions): HTMLElement {
  const button = (id: string, label: string, key: string, text: string, run: () => void) =>
    h(
      'button',
      {
        type: 'button',
        id,
        class: 'camera-button',
        'aria-label': label,
        title: `${label} (${key})`,
        onclick: run,
      },
      text,
    );
  document.addEventListener('keydown', (ev) => {
    const run = KEYS[ev.key];
    if (!run || ev.altKey || ev.ctrlKey || ev.metaKey || typing(ev.target)) return;
    if (document.querySelector('dialog[open]')) return;
    ev.preventDefault();
    run(actions);
  });
  return h(
    'div',
    { class: 'camera-controls', role: 'group', 'aria-label': 'Camera' },
    button('zoom-in', 'Zoom in', '+', '+', () => actions.zoom(1)),
    button('zoom-out', 'Zoom out', '-', '−', () => actions.zoom(-1)),
    button('fit-view', 'Fit the graph to the view', '0', 'Fit', () => actions.fit()),
  );
}
