// The note over the graph saying how many actors have no event under the current filters and are
// left out ("12 actors without events hidden — show"), with the button that shows or hides them.
import { h, replace } from './dom.ts';

export interface EventlessNote {
  root: HTMLElement;
  sync(count: number, shown: boolean): void;
}

export function createEventlessNote(onToggle: (show: boolean) => void): EventlessNote {
  const text = h('span', { id: 'eventless-text' });
  const button = h('button', {
    type: 'button',
    id: 'eventless-toggle',
    class: 'link',
    'aria-describedby': 'eventless-text',
  });
  const root = h('p', { class: 'eventless-note', hidden: true }, text, ' — ', button);
  let shown = false;
  button.addEventListener('click', () => onToggle(!shown));
  return {
    root,
    sync(count, isShown) {
      shown = isShown;
      root.hidden = count === 0;
      const actors = `${count} actor${count === 1 ? '' : 's'} without events`;
      replace(text, `${actors} ${shown ? 'shown' : 'hidden'}`);
      replace(button, shown ? 'hide' : 'show');
    },
  };
}
