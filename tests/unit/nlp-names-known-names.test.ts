// Spans that are a known name (server/nlp/names/known-names.ts): found spans inside a gazetteer
// form of a state, body or person made one span over it with the form's label; and the finder
// reading names its labelled text taught it wrongly.
import { describe, expect, it } from 'vitest';
import { foundNames } from '../helpers/found-names.ts';
import {
  buildNameLexicon,
  knownLabel,
  knownNames,
  matchLexicon,
  NAME_LABELS,
  type LabelledSpan,
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
  organizations: [
    { name: 'Nordic Council' },
    { name: 'Alternative for Norway' },
    { name: 'The Nordic Times' },
  ],
  people: [
    { name: 'Jonas Gahr Støre', surname: 'Støre' },
    { name: 'Haakon' },
    { name: 'King Harald' },
  ],
});

function scored(first: number, last: number, label: LabelledSpan['label']): ScoredSpan {
  const scores = new Float64Array(NAME_LABELS.length);
  scores[NAME_LABELS.indexOf(label)] = 5;
  return { span: { first, last, label }, scores };
}

/** The spans after the rule, as "label:words". */
function run(line: string, spans: ScoredSpan[]): string[] {
  const t: NameToken[] = taggedTokens(line);
  return knownNames(t, spans, matchLexicon(t, lexicon)).map(
    (s) =>
      `${s.span.label}:${t
        .slice(s.span.first, s.span.last + 1)
        .map((w) => w.text)
        .join(' ')}`,
  );
}

describe('known names', () => {
  it('labels a span that is exactly a state, capital, body or person as the gazetteer says', () => {
    expect(run('Norway/NNP said/VBD', [scored(0, 0, 'organization')])).toEqual(['place:Norway']);
    expect(run('Oslo/NNP said/VBD', [scored(0, 0, 'person')])).toEqual(['place:Oslo']);
    expect(run('Nordic/NNP Council/NNP met/VBD', [scored(0, 1, 'place')])).toEqual([
      'organization:Nordic Council',
    ]);
    expect(run('Haakon/NNP spoke/VBD', [scored(0, 0, 'organization')])).toEqual(['person:Haakon']);
  });

  it('makes the pieces found inside a known name one span over it', () => {
    const line = 'Trinidad/NNP and/CC Tobago/NNP voted/VBD';
    expect(run(line, [scored(0, 0, 'place'), scored(2, 2, 'person')])).toEqual([
      'place:Trinidad and Tobago',
    ]);
    expect(run(line, [scored(2, 2, 'person')])).toEqual(['place:Trinidad and Tobago']);
    expect(
      run('the/DT Alternative/NNP for/IN Norway/NNP won/VBD', [scored(3, 3, 'place')]),
    ).toEqual(['organization:Alternative for Norway']);
    expect(
      run('Jonas/NNP Gahr/NNP Støre/NNP said/VBD', [
        scored(0, 0, 'organization'),
        scored(1, 2, 'person'),
      ]),
    ).toEqual(['person:Jonas Gahr Støre']);
  });

  it('leaves ambiguous forms, spans running past the name and untouched names', () => {
    expect(run('Chad/NNP said/VBD', [scored(0, 0, 'person')])).toEqual(['person:Chad']);
    expect(run('Norway/NNP Post/NNP said/VBD', [scored(0, 1, 'organization')])).toEqual([
      'organization:Norway Post',
    ]);
    expect(run('Norway/NNP said/VBD', [])).toEqual([]);
  });

  it('keeps a leading "the" and a person\'s title outside the name', () => {
    const line = 'The/DT Nordic/NNP Times/NNP reported/VBD';
    const t = taggedTokens(line);
    const m = matchLexicon(t, lexicon).find((x) => x.first === 0);
    expect(m && knownLabel(m)).toBe('organization');
    expect(run(line, [scored(1, 2, 'place')])).toEqual(['organization:Nordic Times']);
    expect(run(line, [scored(0, 2, 'place')])).toEqual(['place:The Nordic Times']);
    expect(run('King/NNP Harald/NNP spoke/VBD', [scored(1, 1, 'place')])).toEqual([
      'person:Harald',
    ]);
  });

  it('reads countries, bodies and leaders as the gazetteer knows them in news sentences', () => {
    const text =
      'Sweden said on Monday that Hamas and Greenpeace had written to Ursula von der Leyen, ' +
      'and flights from South Korea and Trinidad and Tobago were met by health staff.';
    expect(foundNames(text)).toEqual([
      'place:Sweden',
      'organization:Hamas',
      'organization:Greenpeace',
      'person:Ursula von der Leyen',
      'place:South Korea',
      'place:Trinidad and Tobago',
    ]);
  });
});
