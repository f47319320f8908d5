// Exact-span scoring of names: a predicted span counts when its first token, last token and
// (for labelled scores) label all equal a gold span's. Precision, recall and F1 per label, over a
// chosen set of labels, and unlabelled (span only).
import type { NameLabel } from '../types.ts';

export interface Span {
  first: number;
  last: number;
  label: NameLabel;
}

export interface Counts {
  gold: number;
  predicted: number;
  correct: number;
}

export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(c: Counts): Prf {
  const precision = c.predicted === 0 ? 0 : c.correct / c.predicted;
  const recall = c.gold === 0 ? 0 : c.correct / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

/** Accumulates counts per label, for a label group and for unlabelled spans. */
export class NameScore {
  private readonly byLabel = new Map<NameLabel, Counts>();
  private readonly unlabelled: Counts = { gold: 0, predicted: 0, correct: 0 };

  /**
   * Adds one sentence. With `forced` (a NameExample's per-token gold classes, -1 where GUM leaves
   * a proper noun unbracketed), a predicted span lying wholly on such tokens is not scored: the
   * annotation neither confirms nor denies it ("U.S." in "U.S. citizens").
   */
  add(gold: readonly Span[], predicted: readonly Span[], forced?: Int8Array): void {
    const key = (s: Span): string => `${s.first}:${s.last}`;
    if (forced) {
      predicted = predicted.filter((s) => {
        for (let i = s.first; i <= s.last; i++) if (forced[i] >= 0) return true;
        return false;
      });
    }
    const goldKeys = new Map(gold.map((s) => [key(s), s.label]));
    this.unlabelled.gold += gold.length;
    this.unlabelled.predicted += predicted.length;
    for (const s of gold) this.counts(s.label).gold++;
    for (const s of predicted) {
      this.counts(s.label).predicted++;
      const g = goldKeys.get(key(s));
      if (g !== undefined) this.unlabelled.correct++;
      if (g === s.label) this.counts(s.label).correct++;
    }
  }

  /** Labelled scores of one label. */
  label(label: NameLabel): Prf {
    return prf(this.counts(label));
  }

  /** Labelled scores pooled over some labels (micro-average). */
  group(labels: readonly NameLabel[]): Prf {
    const c: Counts = { gold: 0, predicted: 0, correct: 0 };
    for (const l of labels) {
      const x = this.counts(l);
      c.gold += x.gold;
      c.predicted += x.predicted;
      c.correct += x.correct;
    }
    return prf(c);
  }

  /** Span-only scores (labels ignored), over all labels. */
  spans(): Prf {
    return prf(this.unlabelled);
  }

  private counts(label: NameLabel): Counts {
    let c = this.byLabel.get(label);
    if (!c) {
      c = { gold: 0, predicted: 0, correct: 0 };
      this.byLabel.set(label, c);
    }
    return c;
  }
}
