// Events by month for the date-range slider: every month from the first dated event to the last,
// so gaps show as empty bars. Events dated to the year only are left out (they span 12 bars).
import { isEvent, type DataGraph } from './data-graph.ts';

export interface MonthBin {
  month: string;
  count: number;
}

export function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function monthHistogram(dates: Iterable<string | null>): MonthBin[] {
  const counts = new Map<string, number>();
  for (const d of dates) {
    if (d === null || d.length < 7) continue;
    const m = d.slice(0, 7);
    counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  if (counts.size === 0) return [];
  const months = [...counts.keys()].sort();
  const bins: MonthBin[] = [];
  // A bound on the span keeps a stray far-off date from producing thousands of bars.
  for (let m = months[0]!, i = 0; m <= months.at(-1)! && i < 600; m = nextMonth(m), i++) {
    bins.push({ month: m, count: counts.get(m) ?? 0 });
  }
  return bins;
}

export function eventDates(data: DataGraph): (string | null)[] {
  const out: (string | null)[] = [];
  data.forEachEdge((_k, a) => {
    if (isEvent(a)) out.push(a.date);
  });
  return out;
}
