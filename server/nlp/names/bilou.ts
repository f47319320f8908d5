// The name finder's tag scheme: BILOU (Begin, Inside, Last, Outside, Unit) over the four name
// labels, as class ids 0..16 (0 = O; then B, I, L, U for person, organization, place, other).
// Encoding turns token spans into one class per token, decoding turns classes back into spans, and
// `allowed` says which class may follow which, so the decoder only builds well-formed sequences.
import type { NameLabel } from '../types.ts';

export const NAME_LABELS: readonly NameLabel[] = ['person', 'organization', 'place', 'other'];

/** Number of classes: O plus B/I/L/U for each label. */
export const CLASS_COUNT = 1 + 4 * NAME_LABELS.length;

export const OUTSIDE = 0;
const B = 0;
const I = 1;
const L = 2;
const U = 3;

/** A span of tokens [first, last] (0-based, inclusive) with its label. */
export interface LabelledSpan {
  first: number;
  last: number;
  label: NameLabel;
}

function cls(label: NameLabel, part: number): number {
  return 1 + 4 * NAME_LABELS.indexOf(label) + part;
}

/** The class of a span's last token: U when the span is that one token, else L. */
export function endClass(label: NameLabel, single: boolean): number {
  return cls(label, single ? U : L);
}

/** "O", "B-person", "U-place" ... for class ids, for reading and debugging. */
export function className(c: number): string {
  if (c === OUTSIDE) return 'O';
  return `${'BILU'[(c - 1) % 4]}-${NAME_LABELS[Math.floor((c - 1) / 4)]}`;
}

/** One class per token; spans must not overlap (later ones overwrite earlier ones). */
export function encodeBilou(length: number, spans: readonly LabelledSpan[]): Uint8Array {
  const out = new Uint8Array(length);
  for (const s of spans) {
    if (s.first < 0 || s.last >= length || s.first > s.last) throw new Error('bilou: bad span');
    if (s.first === s.last) out[s.first] = cls(s.label, U);
    else {
      out[s.first] = cls(s.label, B);
      for (let i = s.first + 1; i < s.last; i++) out[i] = cls(s.label, I);
      out[s.last] = cls(s.label, L);
    }
  }
  return out;
}

/**
 * Spans from classes. Ill-formed input is read leniently: a B or I run that never reaches its L
 * ends at its last token, and an I or L without an opening B starts a span there.
 */
export function decodeBilou(classes: ArrayLike<number>): LabelledSpan[] {
  const spans: LabelledSpan[] = [];
  // the open span: its first token and label index (-1: none)
  let start = -1;
  let label = -1;
  for (let i = 0; i < classes.length; i++) {
    const c = classes[i];
    if (c === OUTSIDE) {
      if (start >= 0) spans.push({ first: start, last: i - 1, label: NAME_LABELS[label] });
      start = -1;
      continue;
    }
    const part = (c - 1) % 4;
    const l = Math.floor((c - 1) / 4);
    if (part === U) {
      if (start >= 0) spans.push({ first: start, last: i - 1, label: NAME_LABELS[label] });
      start = -1;
      spans.push({ first: i, last: i, label: NAME_LABELS[l] });
    } else if (part === B || start < 0 || label !== l) {
      if (start >= 0) spans.push({ first: start, last: i - 1, label: NAME_LABELS[label] });
      start = i;
      label = l;
      if (part === L) {
        spans.push({ first: start, last: i, label: NAME_LABELS[label] });
        start = -1;
      }
    } else if (part === L) {
      spans.push({ first: start, last: i, label: NAME_LABELS[label] });
      start = -1;
    }
  }
  if (start >= 0) spans.push({ first: start, last: classes.length - 1, label: NAME_LABELS[label] });
  return spans;
}

/** Whether class `cur` may follow class `prev` (use OUTSIDE as `prev` at the sentence start). */
export function allowed(prev: number, cur: number): boolean {
  const prevOpen = prev !== OUTSIDE && ((prev - 1) % 4 === B || (prev - 1) % 4 === I);
  if (cur === OUTSIDE) return !prevOpen;
  const part = (cur - 1) % 4;
  if (part === B || part === U) return !prevOpen;
  return prevOpen && Math.floor((prev - 1) / 4) === Math.floor((cur - 1) / 4);
}

/** Whether a sentence may end on class `c` (not inside an open span). */
export function canEnd(c: number): boolean {
  return c === OUTSIDE || (c - 1) % 4 === L || (c - 1) % 4 === U;
}
