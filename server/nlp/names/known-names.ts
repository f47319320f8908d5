// Spans that are a known name: the gazetteer knows countries, capitals, bodies and leaders by
// their full names, and a form of one kind (a state's name or alias, a capital, a body's name, a
// person's), not marked ambiguous, fixes both the name's extent and its label (a state or capital
// is a place). GUM, the finder's only labelled text, names few of them, and some only in ways that
// teach the wrong thing: a few countries only as sports teams or negotiating sides labelled
// organizations ("Sweden said" read as a body), coordinated names always split ("Trinidad and
// Tobago" cut in two), and few foreign names ("Ursula von der Leyen" read as an organization
// "Ursula" and a person "Leyen"). So the found spans that lie inside such a form, none running
// past it, become one span over the form with the form's label; a leading "the" stays outside, as
// do a person's titles, as in the treebank's names. A form no span touches is not added: whether a
// known word is a name there ("the Chad Basin") is still the finder's call.
import type { NameLabel } from '../types.ts';
import { NAME_LABELS } from './bilou.ts';
import { isTitle } from './designators.ts';
import type { NameToken } from './features.ts';
import type { LexiconKind, LexiconMatch } from './lexicon.ts';
import type { ScoredSpan } from './name-finder.ts';

const KIND_LABEL: Partial<Record<LexiconKind, NameLabel>> = {
  state: 'place',
  capital: 'place',
  organization: 'organization',
  person: 'person',
};

/** How far above the labeller's best a fixed label scores: surer than anything learned. */
const KNOWN_MARGIN = 1000;

/**
 * The label a gazetteer match fixes: every entry of a kind that names one label, the same for
 * all, none marked ambiguous; else undefined. A person's form may also be a surname or given name
 * of someone (those entries are always marked ambiguous): it stays a person's.
 */
export function knownLabel(m: LexiconMatch): NameLabel | undefined {
  const person = m.entries.some((e) => e.kind === 'person');
  let label: NameLabel | undefined;
  for (const e of m.entries) {
    if (person && (e.kind === 'surname' || e.kind === 'given')) continue;
    const l = KIND_LABEL[e.kind];
    if (l === undefined || e.ambiguous || (label !== undefined && l !== label)) return undefined;
    label = l;
  }
  return label;
}

/** The words of match m that make the name: a leading "the" and a person's titles left out. */
function nameWords(
  tokens: readonly NameToken[],
  m: LexiconMatch,
  label: NameLabel,
): [number, number] {
  let first = m.first;
  while (
    first < m.last &&
    (tokens[first].text.toLowerCase() === 'the' ||
      (label === 'person' && isTitle(tokens[first].text)))
  )
    first++;
  return [first, m.last];
}

/** A span over [first, last] scored surest for `label`. */
function fixedSpan(
  first: number,
  last: number,
  label: NameLabel,
  scores: Float64Array,
): ScoredSpan {
  let top = 0;
  for (const v of scores) top = Math.max(top, v);
  const fixed = Float64Array.from(scores);
  fixed[NAME_LABELS.indexOf(label)] = top + KNOWN_MARGIN;
  return { span: { first, last, label }, scores: fixed };
}

/**
 * The sentence's spans (in order, not overlapping) with those inside a known name made one span
 * over it, labelled as the gazetteer says; longer known names first.
 */
export function knownNames(
  tokens: readonly NameToken[],
  spans: readonly ScoredSpan[],
  matches: readonly LexiconMatch[],
): ScoredSpan[] {
  let out = spans as ScoredSpan[];
  const known = matches
    .map((m) => ({ m, label: knownLabel(m) }))
    .filter((k): k is { m: LexiconMatch; label: NameLabel } => k.label !== undefined)
    .sort((a, b) => b.m.last - b.m.first - (a.m.last - a.m.first) || a.m.first - b.m.first);
  for (const { m, label } of known) {
    const [first, last] = nameWords(tokens, m, label);
    const from = out.findIndex((s) => s.span.last >= first);
    if (from < 0 || out[from].span.first > last) continue;
    let to = from;
    while (to + 1 < out.length && out[to + 1].span.first <= last) to++;
    if (out[from].span.first < first || out[to].span.last > last) continue;
    out = [
      ...out.slice(0, from),
      fixedSpan(first, last, label, out[from].scores),
      ...out.slice(to + 1),
    ];
  }
  return out;
}
