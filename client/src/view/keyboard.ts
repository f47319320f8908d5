// Keyboard use of the graph itself: with the graph focused, arrow keys move a cursor between the
// visible actors (nearest in that direction), Page Down/Up step through them all by activity,
// Home goes to the most active one, Enter or Space opens the actor under the cursor, Escape
// clears. The cursor is announced in a live region.
import { nextNode, startNode, stepNode, type Direction } from '../graph/index.ts';
import type { GraphView } from './sigma-view.ts';

const KEYS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

export interface GraphKeyboardOptions {
  view: () => GraphView | null;
  describe(id: string): string;
  onChoose(id: string): void;
  onClear(): void;
  announce(text: string): void;
}

export interface GraphKeyboard {
  cursor(): string | null;
  detach(): void;
}

export function attachGraphKeyboard(
  container: HTMLElement,
  opts: GraphKeyboardOptions,
): GraphKeyboard {
  let cursor: string | null = null;

  const moveTo = (id: string | null) => {
    const view = opts.view();
    if (!view || id === null) return;
    cursor = id;
    view.setCursor(id);
    opts.announce(`${opts.describe(id)}. Enter opens it.`);
    const p = view.navPoints().get(id);
    const { width, height } = container.getBoundingClientRect();
    // Keep the cursor on screen: follow it when it nears an edge.
    if (p && (p.x < 40 || p.y < 40 || p.x > width - 40 || p.y > height - 40)) {
      void view.focusNode(id, view.sigma.getCamera().getState().ratio);
    }
  };

  const onKey = (ev: KeyboardEvent) => {
    const view = opts.view();
    if (!view || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const points = view.navPoints();
    if (cursor !== null && !points.has(cursor)) cursor = null;
    const dir = KEYS[ev.key];
    if (dir) {
      ev.preventDefault();
      const next = nextNode(points, cursor, dir);
      if (next === null) opts.announce('No actor further that way.');
      else moveTo(next);
    } else if (ev.key === 'PageDown' || ev.key === 'PageUp') {
      ev.preventDefault();
      moveTo(stepNode(points, cursor, ev.key === 'PageDown' ? 1 : -1));
    } else if (ev.key === 'Home') {
      ev.preventDefault();
      moveTo(startNode(points));
    } else if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      const id = cursor ?? startNode(points);
      if (id !== null) {
        cursor = id;
        opts.onChoose(id);
      }
    } else if (ev.key === 'Escape') {
      cursor = null;
      view.setCursor(null);
      opts.onClear();
    }
  };
  const onBlur = () => {
    if (cursor === null) return;
    cursor = null;
    opts.view()?.setCursor(null);
  };
  container.addEventListener('keydown', onKey);
  container.addEventListener('blur', onBlur);
  return {
    cursor: () => cursor,
    detach() {
      container.removeEventListener('keydown', onKey);
      container.removeEventListener('blur', onBlur);
    },
  };
}
