// Spans that are exactly a known state's name (server/nlp/names/known-names.ts): labelled a place,
// and found pieces of one such name made one span; and the finder reading countries whose words
// its labelled text only ever showed as teams or negotiating sides.
import { describe, expect, it } from 'vitest';
import { languageLayer } from '../../server/nlp/index.ts';
import {
  buildNameLexicon,
  knownLabel,
  knownNames,
  matchLexicon,
  NAME_LABELS,
  type NameToken,
  type ScoredSpan,
} from '../../server/nlp/names/index.ts';
import { taggedTokens } from '../helpers/tagged-tokens.ts';

const lexicon = buildNameLexicon({
  states: [
    { name: 'Trinidad and Tobago' },
    { name: 'Chad', ambiguous: ['Chad'] },
    { name: 'Norway', capitals: ['Oslo'] },
  ],
  organizations: [{ name: 'Nordic Council' }],
});

function scored(first: number, last: number, label: string): ScoredSpan {
  const scores = new Float64Array(NAME_LABELS.length);
  scores[NAME_LABELS.indexOf(label as (typeof NAME_LABELS)[number])] = 5;
  return { span: { first, last, label: label as (typeof NAME_LABELS)[number] }, scores };
}

function run(line: string, spans: ScoredSpan[]): string[] {
  const t: NameToken[] = taggedTokens(line);
  return knownNames(spans, matchLexicon(t, lexicon)).map(
    (s) =>
      `${s.span.label}:${t
        .slice(s.span.first, s.span.last + 1)
        .map((w) => w.text)
        .join(' ')}`,
  );
}

describe('known state names', () => {
  it('labels a span that is exactly a state a place', () => {
    expect(run('Norway/NNP said/VBD', [scored(0, 0, 'organization')])).toEqual(['place:Norway']);
    const t = taggedTokens('Norway/NNP said/VBD');
    expect(knownLabel(0, 0, matchLexicon(t, lexicon))).toBe('place');
  });

  it('leaves ambiguous forms, capitals, bodies and spans longer than the name', () => {
    expect(run('Chad/NNP said/VBD', [scored(0, 0, 'person')])).toEqual(['person:Chad']);
    expect(run('Oslo/NNP said/VBD', [scored(0, 0, 'organization')])).toEqual(['organization:Oslo']);
    expect(run('Nordic/NNP Council/NNP said/VBD', [scored(0, 1, 'place')])).toEqual([
      'place:Nordic Council',
    ]);
    expect(run('Norway/NNP Post/NNP said/VBD', [scored(0, 1, 'organization')])).toEqual([
      'organization:Norway Post',
    ]);
  });

  it('makes pieces of one known name one place, and only from its first word to its last', () => {
    const line = 'Trinidad/NNP and/CC Tobago/NNP voted/VBD';
    expect(run(line, [scored(0, 0, 'place'), scored(2, 2, 'person')])).toEqual([
      'place:Trinidad and Tobago',
    ]);
    expect(run(line, [scored(2, 2, 'person')])).toEqual(['person:Tobago']);
  });

  it('reads countries as places in news sentences', () => {
    const text =
      'Sweden said on Monday it would send aid, and flights from South Korea and ' +
      'Trinidad and Tobago were met by health staff.';
    const names = languageLayer()
      .analyze(text)
      .flatMap((s) => s.names.map((n) => `${n.label}:${text.slice(n.start, n.end)}`));
    expect(names).toEqual(['place:Sweden', 'place:South Korea', 'place:Trinidad and Tobago']);
  });
});
