// Names across hyphens (server/nlp/names/hyphen-names.ts): two found spans joined by a touching
// hyphen become one name, unless each side is a known state, place or body on its own; a span run
// across such a hyphen between two known names is cut there.
import { describe, expect, it } from 'vitest';
import { foundNames } from '../helpers/found-names.ts';
import {
  buildNameLexicon,
  joinHyphenated,
  matchLexicon,
  type LabelledSpan,
} from '../../server/nlp/names/index.ts';
import type { NameToken } from '../../server/nlp/names/index.ts';

/** Tokens of a line where "~" is a hyphen touching both neighbours: "Ana ~ Lupe said". */
function tokens(line: string): NameToken[] {
  const out: NameToken[] = [];
  let at = 0;
  let touch = false;
  for (const word of line.split(' ')) {
    const hyphen = word === '~';
    const start = out.length === 0 ? 0 : hyphen || touch ? at : at + 1;
    const text = hyphen ? '-' : word;
    const [upos, xpos] = hyphen ? ['PUNCT', 'HYPH'] : ['PROPN', 'NNP'];
    out.push({ text, start, end: start + text.length, upos, xpos });
    at = start + text.length;
    touch = hyphen;
  }
  return out;
}

const lexicon = buildNameLexicon({
  states: [{ name: 'Laos' }, { name: 'Vietnam' }],
  organizations: [{ name: 'Mekong River Commission' }],
});

function run(line: string, spans: LabelledSpan[]): string[] {
  const t = tokens(line);
  return joinHyphenated(t, spans, matchLexicon(t, lexicon)).map(
    (s) =>
      `${s.label}:${t
        .slice(s.first, s.last + 1)
        .map((w) => w.text)
        .join('')}`,
  );
}

describe('names across hyphens', () => {
  it('joins two spans across a touching hyphen, labelled as the later part', () => {
    expect(
      run('Ana ~ Lupe said', [
        { first: 0, last: 0, label: 'place' },
        { first: 2, last: 2, label: 'person' },
      ]),
    ).toEqual(['person:Ana-Lupe']);
  });

  it('keeps two known names apart and cuts a span run across them', () => {
    const two: LabelledSpan[] = [
      { first: 0, last: 0, label: 'place' },
      { first: 2, last: 2, label: 'place' },
    ];
    expect(run('Laos ~ Vietnam talks', two)).toEqual(['place:Laos', 'place:Vietnam']);
    expect(run('Laos ~ Vietnam talks', [{ first: 0, last: 2, label: 'person' }])).toEqual([
      'person:Laos',
      'person:Vietnam',
    ]);
  });

  it('joins only a touching hyphen between capitalised words of two letters or more', () => {
    const t = tokens('Ana ~ Lupe');
    expect(t.map((x) => [x.start, x.end])).toEqual([
      [0, 3],
      [3, 4],
      [4, 8],
    ]);
    const spans: LabelledSpan[] = [
      { first: 0, last: 0, label: 'place' },
      { first: 2, last: 2, label: 'person' },
    ];
    expect(run('Ana - Lupe said', spans)).toEqual(['place:Ana', 'person:Lupe']);
    expect(run('R ~ Lupe said', spans)).toEqual(['place:R', 'person:Lupe']);
  });

  it('reads a hyphenated surname and hyphen-joined countries in a sentence', () => {
    const text =
      'Addressing journalists at the airport in Vientiane, Tuilagi-Fonoti said it was not ' +
      'true that the Laos-Vietnam border would close.';
    expect(foundNames(text)).toEqual([
      'place:Vientiane',
      'person:Tuilagi-Fonoti',
      'place:Laos',
      'place:Vietnam',
    ]);
  });
});
