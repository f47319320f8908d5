// Spans that are exactly a known name: a span whose words are a gazetteer form of a state (a
// country's name or alias), of nothing else and not marked ambiguous, is a place whatever the
// labeller says; and found spans that together run from the first word of such a form to its last,
// with nothing outside it, are that one name ("Trinidad and Tobago", "Guinea-Bissau": GUM splits
// coordinated names, so the decoder cuts these in two). GUM, the finder's only labelled text, names few countries, and some of them
// ("Sweden", "North Korea") only as sports teams or negotiating sides labelled organizations, so
// the labeller learns those words as organizations and reads "Sweden said" or "flights from South
// Korea" that way, unlike every other country; the gazetteer knows better.
import type { NameLabel } from '../types.ts';
import { NAME_LABELS } from './bilou.ts';
import type { LexiconMatch } from './lexicon.ts';
import type { ScoredSpan } from './name-finder.ts';

/** The label a gazetteer form fixes for span [first, last], or undefined. */
export function knownLabel(
  first: number,
  last: number,
  matches: readonly LexiconMatch[],
): NameLabel | undefined {
  for (const m of matches)
    if (m.first === first && m.last === last && knownState(m)) return 'place';
  return undefined;
}

/** Whether a gazetteer match is a state's form and of nothing else, not marked ambiguous. */
function knownState(m: LexiconMatch): boolean {
  return m.entries.every((e) => e.kind === 'state' && !e.ambiguous);
}

/**
 * The sentence's spans (in order, not overlapping) with every run of two or more of them that
 * starts on the first word of a known state's form and ends on its last, and overlaps no word
 * outside it, made one span over the form.
 */
export function mergeKnownNames(
  spans: readonly ScoredSpan[],
  matches: readonly LexiconMatch[],
): ScoredSpan[] {
  let out = spans as ScoredSpan[];
  for (const m of matches) {
    if (m.last === m.first || !knownState(m)) continue;
    const from = out.findIndex((s) => s.span.first === m.first);
    const to = out.findIndex((s) => s.span.last === m.last);
    if (from < 0 || to <= from) continue;
    const merged = {
      span: { first: m.first, last: m.last, label: 'place' as NameLabel },
      scores: new Float64Array(NAME_LABELS.length),
    };
    out = [...out.slice(0, from), merged, ...out.slice(to + 1)];
  }
  return out;
}

/** How far above the labeller's best a fixed label scores: surer than anything learned. */
const KNOWN_MARGIN = 1000;

/**
 * Raises, in place, the score of the label a known name fixes above every other, and labels the
 * span with it (scores in NAME_LABELS order, as the document pass reads them).
 */
export function fixKnownLabel(scored: ScoredSpan, matches: readonly LexiconMatch[]): void {
  const { span, scores } = scored;
  const label = knownLabel(span.first, span.last, matches);
  if (label === undefined) return;
  let top = -Infinity;
  for (const v of scores) top = Math.max(top, v);
  scores[NAME_LABELS.indexOf(label)] = top + KNOWN_MARGIN;
  span.label = label;
}

/** {@link mergeKnownNames}, then {@link fixKnownLabel} on every span: the finder's last step. */
export function knownNames(
  spans: readonly ScoredSpan[],
  matches: readonly LexiconMatch[],
): ScoredSpan[] {
  const out = mergeKnownNames(spans, matches);
  for (const scored of out) fixKnownLabel(scored, matches);
  return out;
}
