// Document-level label consistency for the name finder: within one article, a name the finder is
// unsure how to label takes the label of the surest mention of the same name (same words, any
// case), and a one-word mention that is the last word of a surely labelled person ("Okafor" after
// "Chidi Okafor") becomes a person too. Only unsure mentions change, so a name an article really
// uses in two senses keeps both. Where a model's thresholds are 0, labels stay as found.
import { NAME_LABELS, type LabelledSpan } from './bilou.ts';
import type { NameToken } from './features.ts';
import type { ScoredSpan } from './name-finder.ts';

/** How sure a mention must be to lead, and how unsure to follow (in the model's score units). */
export interface ConsistencyThresholds {
  /** Least margin between a mention's best and second-best label for it to lead its name. */
  confident: number;
  /** Mentions whose margin is below this take the label of their name's leading mention. */
  unsure: number;
}

const PERSON = NAME_LABELS.indexOf('person');

function best(scores: Float64Array): number {
  let b = 0;
  for (let l = 1; l < scores.length; l++) if (scores[l] > scores[b]) b = l;
  return b;
}

function margin(scores: Float64Array, top: number): number {
  let second = -Infinity;
  for (let l = 0; l < scores.length; l++) if (l !== top && scores[l] > second) second = scores[l];
  return scores[top] - second;
}

function key(tokens: readonly NameToken[], first: number, last: number): string {
  let out = tokens[first].text.toLowerCase();
  for (let i = first + 1; i <= last; i++) out += ` ${tokens[i].text.toLowerCase()}`;
  return out;
}

/**
 * Labels of every sentence's spans after the document pass. `sentences[k]` are the tokens of
 * sentence k and `scored[k]` its spans with label scores, in document order.
 */
export function consistentLabels(
  sentences: readonly (readonly NameToken[])[],
  scored: readonly (readonly ScoredSpan[])[],
  thresholds: ConsistencyThresholds,
): LabelledSpan[][] {
  const { confident, unsure } = thresholds;
  const leaders = new Map<string, { label: number; margin: number }>();
  const lead = (
    map: Map<string, { label: number; margin: number }>,
    k: string,
    label: number,
    m: number,
  ): void => {
    const was = map.get(k);
    if (!was || m > was.margin) map.set(k, { label, margin: m });
  };
  const surnameLeaders = new Map<string, { label: number; margin: number }>();
  if (confident > 0 && unsure > 0)
    scored.forEach((spans, k) => {
      for (const { span, scores } of spans) {
        const label = best(scores);
        const m = margin(scores, label);
        if (m < confident) continue;
        lead(leaders, key(sentences[k], span.first, span.last), label, m);
        if (label === PERSON && span.last > span.first)
          lead(surnameLeaders, key(sentences[k], span.last, span.last), label, m);
      }
    });
  return scored.map((spans, k) =>
    spans.map(({ span, scores }) => {
      let label = best(scores);
      if (confident > 0 && unsure > 0 && margin(scores, label) < unsure) {
        const name = key(sentences[k], span.first, span.last);
        const leader =
          leaders.get(name) ?? (span.first === span.last ? surnameLeaders.get(name) : undefined);
        if (leader) label = leader.label;
      }
      return { first: span.first, last: span.last, label: NAME_LABELS[label] };
    }),
  );
}
