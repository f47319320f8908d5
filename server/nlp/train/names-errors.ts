// Where a name finder's errors are: each gold and predicted name of a sentence falls in one class,
// counted per label and per group (a GUM genre), for person, organization and place:
//   correct   same span, same label;
//   label     same span, another label (counted under the gold label, and as "gold->predicted");
//   boundary  a predicted span that overlaps the gold one without matching it;
//   miss      a gold name nothing overlaps;
//   spurious  a predicted name that overlaps no gold name (counted under the predicted label).
// A pair where neither label is person, organization or place ("other" against "other") is left
// out, as it is from the person+organization+place score.
import type { NameLabel } from '../types.ts';
import type { Span } from './names-score.ts';

export const ERROR_KINDS = ['correct', 'label', 'boundary', 'miss', 'spurious'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

const MAIN: readonly NameLabel[] = ['person', 'organization', 'place'];
const isMain = (label: NameLabel): boolean => MAIN.includes(label);

/** Counts of each kind by key: a label, a group, or "gold->predicted" for label errors. */
export class NameErrors {
  readonly counts = new Map<string, Record<ErrorKind, number>>();

  private bump(key: string, kind: ErrorKind): void {
    let row = this.counts.get(key);
    if (!row) {
      row = { correct: 0, label: 0, boundary: 0, miss: 0, spurious: 0 };
      this.counts.set(key, row);
    }
    row[kind]++;
  }

  private count(label: NameLabel, group: string, kind: ErrorKind): void {
    this.bump(label, kind);
    this.bump(`group:${group}`, kind);
    this.bump('all', kind);
  }

  /** Adds one sentence's gold and predicted names; `group` is e.g. the document's genre. */
  add(gold: readonly Span[], predicted: readonly Span[], group: string): void {
    const used = new Uint8Array(predicted.length);
    for (const g of gold) {
      let k = predicted.findIndex((p, j) => !used[j] && p.first === g.first && p.last === g.last);
      const exact = k >= 0;
      if (!exact)
        k = predicted.findIndex((p, j) => !used[j] && p.first <= g.last && g.first <= p.last);
      if (k >= 0) used[k] = 1;
      const p = k >= 0 ? predicted[k] : undefined;
      if (!isMain(g.label) && !(p && isMain(p.label))) continue;
      if (!p) this.count(g.label, group, 'miss');
      else if (!exact) this.count(g.label, group, 'boundary');
      else if (p.label === g.label) this.count(g.label, group, 'correct');
      else {
        this.count(g.label, group, 'label');
        this.bump(`${g.label}->${p.label}`, 'label');
      }
    }
    predicted.forEach((p, j) => {
      if (!used[j] && isMain(p.label)) this.count(p.label, group, 'spurious');
    });
  }

  /** Readable table: one row per label, per group, and the label confusions. */
  format(): string {
    const rows = [...this.counts.keys()].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
    const lines = [`${'errors'.padEnd(28)} ${ERROR_KINDS.map((k) => k.padStart(9)).join('')}`];
    for (const key of rows) {
      const row = this.counts.get(key) as Record<ErrorKind, number>;
      if (key.includes('->')) continue;
      lines.push(
        `${key.padEnd(28)} ${ERROR_KINDS.map((k) => String(row[k]).padStart(9)).join('')}`,
      );
    }
    const confusions = rows
      .filter((k) => k.includes('->'))
      .map((k) => `${k} ${(this.counts.get(k) as Record<ErrorKind, number>).label}`);
    if (confusions.length > 0)
      lines.push(`label errors, gold->predicted: ${confusions.join(', ')}`);
    return lines.join('\n');
  }
}

function order(key: string): number {
  if (key === 'all') return 0;
  if (key.startsWith('group:')) return 2;
  if (key.includes('->')) return 3;
  return 1;
}
