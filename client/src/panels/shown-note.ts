// The note over the graph saying what the server sent out of what there is ("1,000 of 20,000
// actors, by activity; ..."), shown while the view is partial.
import { h, replace } from './dom.ts';

export interface ShownNote {
  root: HTMLElement;
  sync(summary: string, partial: boolean): void;
}

export function createShownNote(): ShownNote {
  const root = h('p', { id: 'graph-shown', class: 'shown-note', hidden: true });
  return {
    root,
    sync(summary, partial) {
      root.hidden = !partial;
      replace(root, partial ? `Showing ${summary}.` : '');
    },
  };
}
