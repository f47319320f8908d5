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

  const bars = h('div', { class: 'histogram', 'aria-hidden': 'true' });
  const fromIn = h('input', {
    type: 'range',
    id: 'f-from',
    min: '0',
    max: '0',
    step: '1',
    value: '0',
  });
  const toIn = h('input', { type: 'range', id: 'f-to', min: '0', max: '0', step: '1', value: '0' });
  const fromOut = h('output', { for: 'f-from' });
  const toOut = h('output', { for: 'f-to' });
  const dateBox = h('div', { class: 'date-range' });
  let bins: MonthBin[] = [];
  const onRange = () => {
    if (bins.length === 0) return;
    const a = Number(fromIn.value);
    const b = Number(toIn.value);
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const all = lo === 0 && hi === bins.length - 1;
    store.update((s) =>
      all ? setDateRange(s, null, null) : setDateRange(s, bins[lo]!.month, bins[hi]!.month),
    );
  };
  fromIn.addEventListener('input', onRange);
  toIn.addEventListener('input', onRange);

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
    dateBox,
    reset,
  );

  let current: ViewState | null = null;
  const syncDates = (view: ViewState) => {
    if (bins.length === 0) return;
    const idx = (m: string | null, dflt: number) => {
      if (m === null) return dflt;
      const i = bins.findIndex((b) => b.month >= m);
      return i === -1 ? bins.length - 1 : i;
    };
    const lo = idx(view.filters.from, 0);
    let hi = bins.length - 1;
    if (view.filters.to !== null) {
      const j = bins.map((b) => b.month).filter((m) => m <= view.filters.to!).length - 1;
      hi = Math.max(0, j);
    }
    fromIn.value = String(lo);
    toIn.value = String(hi);
    replace(fromOut, bins[lo]!.month);
    replace(toOut, bins[hi]!.month);
    [...bars.children].forEach((bar, i) => bar.classList.toggle('out', i < lo || i > hi));
  };

  return {
    root,
    sync(view) {
      current = view;
      for (const b of boxes) b.input.checked = allows(view.filters, b.key, b.value as never);
      conf.value = String(view.filters.minConfidence);
      replace(confOut, view.filters.minConfidence.toFixed(2));
      everyEvent.checked = view.mode === 'events';
      syncDates(view);
    },
    setHistogram(next) {
      bins = next;
      if (bins.length === 0) {
        replace(dateBox, h('h3', {}, 'Dates'), h('p', { class: 'empty' }, 'No dated events.'));
        return;
      }
      const max = Math.max(...bins.map((b) => b.count), 1);
      replace(
        bars,
        bins.map((b) =>
          h('div', {
            class: 'bar',
            title: `${b.month}: ${b.count}`,
            style: `height:${Math.round((b.count / max) * 100)}%`,
          }),
        ),
      );
      for (const el of [fromIn, toIn]) el.max = String(bins.length - 1);
      replace(
        dateBox,
        h('h3', {}, 'Dates (events by month)'),
        bars,
        h('div', { class: 'field' }, h('label', { for: 'f-from' }, 'From '), fromOut, fromIn),
        h('div', { class: 'field' }, h('label', { for: 'f-to' }, 'To '), toOut, toIn),
      );
      if (current) syncDates(current);
    },
  };
}
