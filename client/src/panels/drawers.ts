// The side panels on narrow screens: below the widths set in styles.css the filter sidebar, and
// then the details panel, leave the grid and become drawers over the graph, opened and closed by
// toggle buttons in the top bar (shown only then) or a close button, and closed by Escape. A
// panel is a drawer exactly when its toggle is displayed, so the breakpoints live in CSS alone.
import { h } from './dom.ts';

export interface Drawers {
  /** Opens the details drawer when details is one (a new selection, path or summary). */
  revealDetails(): void;
  /** How many pixels of the graph's right side the details drawer covers (0 when closed). */
  detailsCover(): number;
}

interface Drawer {
  panel: HTMLElement;
  toggle: HTMLButtonElement;
}

export function createDrawers(sidebar: Drawer, details: Drawer): Drawers {
  const all = [sidebar, details];
  const isDrawer = (d: Drawer) => d.toggle.offsetParent !== null;
  const setOpen = (d: Drawer, open: boolean) => {
    d.panel.classList.toggle('open', open);
    d.toggle.setAttribute('aria-expanded', String(open));
  };
  const open = (d: Drawer, focus: boolean) => {
    // Two drawers would cover the graph: one at a time.
    for (const other of all) if (other !== d && isDrawer(other)) setOpen(other, false);
    setOpen(d, true);
    if (focus) d.panel.focus();
  };
  const close = (d: Drawer) => {
    setOpen(d, false);
    d.toggle.focus();
  };

  for (const d of all) {
    d.toggle.setAttribute('aria-expanded', 'false');
    d.toggle.setAttribute('aria-controls', d.panel.id);
    d.toggle.addEventListener('click', () =>
      d.panel.classList.contains('open') ? close(d) : open(d, true),
    );
    d.panel.prepend(
      h(
        'button',
        {
          type: 'button',
          class: 'drawer-close',
          'aria-label': `Close ${d.panel.getAttribute('aria-label') ?? 'panel'}`,
          onclick: () => close(d),
        },
        '×',
      ),
    );
    d.panel.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape' && !ev.defaultPrevented && isDrawer(d)) close(d);
    });
  }

  return {
    revealDetails() {
      if (isDrawer(details)) open(details, false);
    },
    detailsCover() {
      const shown = isDrawer(details) && details.panel.classList.contains('open');
      return shown ? details.panel.getBoundingClientRect().width : 0;
    },
  };
}
