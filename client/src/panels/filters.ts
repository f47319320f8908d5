// The filter panel: polarity, actor kind, quad class and PLOVER type checkboxes, minimum
// confidence, a month range over a histogram of events, and the dyad/event switch.
import type { MonthBin } from '../graph/index.ts';
import {
  ACTOR_KINDS,
  PLOVER_TYPES,
  POLARITIES,
  QUADS,
  allows,
  resetFilters,
  setDateRange,
  setListValue,
  setMinConfidence,
  setMode,
  type ViewState,
  type ViewStore,
} from '../state/index.ts';
import { createDateRange } from './date-range.ts';
import { h, replace } from './dom.ts';

type ListKey = 'polarities' | 'kinds' | 'quads' | 'types';

export interface FilterPanel {
  root: HTMLElement;
  sync(view: ViewState): void;
  setHistogram(bins: MonthBin[]): void;
}

export function createFilterPanel(store: ViewStore): FilterPanel {
  const boxes: { key: ListKey; value: string; input: HTMLInputElement }[] = [];
  const group = (key: ListKey, legend: string, values: readonly string[], cls = '') =>
    h(
      'fieldset',
      { class: `filter-group ${cls}` },
      h('legend', {}, legend),
      values.map((value) => {
        const input = h('input', { type: 'checkbox', name: key, value, id: `f-${key}-${value}` });
        input.addEventListener('change', () =>
          store.update((s) => setListValue(s, key, value as never, input.checked)),
        );
        boxes.push({ key, value, input });
        return h('label', { class: `check ${key}-${value}`, for: input.id }, input, ` ${value}`);
      }),
    );

  const conf = h('input', {
    type: 'range',
    id: 'f-confidence',
    min: '0',
    max: '1',
    step: '0.05',
    value: '0',
  });
  const confOut = h('output', { for: 'f-confidence' }, '0');
  conf.addEventListener('input', () =>
    store.update((s) => setMinConfidence(s, Number(conf.value))),
  );

  const dates = createDateRange((from, to) => store.update((s) => setDateRange(s, from, to)));

  const everyEvent = h('input', { type: 'checkbox', id: 'f-mode' });
  everyEvent.addEventListener('change', () =>
    store.update((s) => setMode(s, everyEvent.checked ? 'events' : 'dyads')),
  );
  const reset = h('button', { type: 'button', id: 'f-reset' }, 'Reset filters');
  reset.addEventListener('click', () => store.update(resetFilters));

  const root = h(
    'section',
    { class: 'filters', 'aria-labelledby': 'filters-heading' },
    h('h2', { id: 'filters-heading' }, 'Filters'),
    h(
      'label',
      { class: 'check', for: 'f-mode' },
      everyEvent,
      ' Show every event (not one edge per pair)',
    ),
    group('polarities', 'Stance', POLARITIES, 'polarity'),
    group('kinds', 'Actor kinds', ACTOR_KINDS),
    group('quads', 'Quad classes', QUADS),
    h(
      'details',
      { class: 'types' },
      h('summary', {}, 'PLOVER types'),
      group('types', 'Event types', PLOVER_TYPES, 'types-grid'),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'f-confidence' }, 'Minimum confidence '),
      confOut,
      conf,
    ),
    dates.root,
    reset,
  );

  let current: ViewState | null = null;
  return {
    root,
    sync(view) {
      for (const b of boxes) b.input.checked = allows(view.filters, b.key, b.value as never);
      conf.value = String(view.filters.minConfidence);
      replace(confOut, view.filters.minConfidence.toFixed(2));
      everyEvent.checked = view.mode === 'events';
      current = view;
      dates.show(view.filters.from, view.filters.to);
    },
    setHistogram(next) {
      dates.setBins(next);
      if (current) dates.show(current.filters.from, current.filters.to);
    },
  };
}
