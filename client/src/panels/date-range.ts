// The date-range slider: two native range inputs (so each handle keeps the keyboard, label and
// value text a browser gives a slider) over one track, with the month histogram drawn behind.
// Handles sit on month boundaries, so bar i lies exactly between boundary i and i + 1.
import type { MonthBin } from '../graph/index.ts';
import { h, replace } from './dom.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2022-10" -> "Oct 2022", the same in every locale. */
export function monthLabel(month: string): string {
  const m = Number(month.slice(5, 7));
  return `${MONTHS[m - 1] ?? month.slice(5, 7)} ${month.slice(0, 4)}`;
}

/**
 * Handle positions (boundaries 0..n) for a month range: the start handle before the first month
 * shown, the end handle after the last. null bounds mean the ends of the histogram.
 */
export function handlesFor(
  bins: readonly MonthBin[],
  from: string | null,
  to: string | null,
): { lo: number; hi: number } {
  const n = bins.length;
  let lo = 0;
  if (from !== null) {
    const i = bins.findIndex((b) => b.month >= from);
    lo = i === -1 ? n - 1 : i;
  }
  let hi = n;
  if (to !== null) hi = Math.max(1, bins.filter((b) => b.month <= to).length);
  if (hi <= lo) hi = Math.min(n, lo + 1);
  return { lo, hi };
}

/** The month range two handle positions select; null bounds when a handle is at its end. */
export function rangeFor(
  bins: readonly MonthBin[],
  lo: number,
  hi: number,
): { from: string | null; to: string | null } {
  const n = bins.length;
  const a = Math.max(0, Math.min(n - 1, lo));
  const b = Math.max(a + 1, Math.min(n, hi));
  return {
    from: a === 0 ? null : bins[a]!.month,
    to: b === n ? null : bins[b - 1]!.month,
  };
}

export interface DateRange {
  root: HTMLElement;
  setBins(bins: MonthBin[]): void;
  show(from: string | null, to: string | null): void;
}

export function createDateRange(onChange: (from: string | null, to: string | null) => void) {
  const handle = (id: string, label: string) =>
    h('input', {
      type: 'range',
      id,
      class: `range-handle ${id}`,
      min: '0',
      max: '1',
      step: '1',
      'aria-label': label,
    });
  const fromIn = handle('f-from', 'Start month');
  const toIn = handle('f-to', 'End month');
  const bars = h('div', { class: 'histogram', 'aria-hidden': 'true' });
  const band = h('div', { class: 'range-band', 'aria-hidden': 'true' });
  const fromOut = h('output', { for: 'f-from', id: 'f-from-out' });
  const toOut = h('output', { for: 'f-to', id: 'f-to-out' });
  const summary = h('p', { class: 'range-summary' });
  const root = h('fieldset', { class: 'date-range' }, h('legend', {}, 'Dates (events by month)'));
  let bins: MonthBin[] = [];
  let lo = 0;
  let hi = 1;

  const paint = () => {
    const n = bins.length;
    fromIn.value = String(lo);
    toIn.value = String(hi);
    const first = bins[lo]!;
    const last = bins[hi - 1]!;
    fromIn.setAttribute('aria-valuetext', `from ${monthLabel(first.month)}`);
    toIn.setAttribute('aria-valuetext', `to ${monthLabel(last.month)}`);
    replace(fromOut, monthLabel(first.month));
    replace(toOut, monthLabel(last.month));
    const count = bins.slice(lo, hi).reduce((s, b) => s + b.count, 0);
    replace(summary, `${count} dated event${count === 1 ? '' : 's'} in range`);
    band.style.left = `${(lo / n) * 100}%`;
    band.style.width = `${((hi - lo) / n) * 100}%`;
    [...bars.children].forEach((bar, i) => bar.classList.toggle('out', i < lo || i >= hi));
  };

  const onInput = (moved: 'from' | 'to') => {
    const n = bins.length;
    let a = Number(fromIn.value);
    let b = Number(toIn.value);
    // A handle pushed past the other stops one month short of it.
    if (moved === 'from') a = Math.min(a, b - 1, n - 1);
    else b = Math.max(b, a + 1, 1);
    lo = a;
    hi = b;
    paint();
    const r = rangeFor(bins, lo, hi);
    onChange(r.from, r.to);
  };
  fromIn.addEventListener('input', () => onInput('from'));
  toIn.addEventListener('input', () => onInput('to'));

  return {
    root,
    setBins(next: MonthBin[]) {
      bins = next;
      if (bins.length === 0) {
        replace(root, h('legend', {}, 'Dates'), h('p', { class: 'empty' }, 'No dated events.'));
        return;
      }
      const max = Math.max(...bins.map((b) => b.count), 1);
      replace(
        bars,
        bins.map((b) =>
          h(
            'div',
            { class: 'bar', title: `${monthLabel(b.month)}: ${b.count}` },
            h('span', { style: `height:${Math.round((b.count / max) * 100)}%` }),
          ),
        ),
      );
      for (const el of [fromIn, toIn]) el.max = String(bins.length);
      replace(
        root,
        h('legend', {}, 'Dates (events by month)'),
        h('div', { class: 'range' }, h('div', { class: 'range-track' }, bars, band), fromIn, toIn),
        h(
          'div',
          { class: 'range-values' },
          h('label', { for: 'f-from' }, 'From ', fromOut),
          h('label', { for: 'f-to' }, 'to ', toOut),
        ),
        summary,
      );
      paint();
    },
    show(from: string | null, to: string | null) {
      if (bins.length === 0) return;
      ({ lo, hi } = handlesFor(bins, from, to));
      paint();
    },
  } satisfies DateRange;
}
