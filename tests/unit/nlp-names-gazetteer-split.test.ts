// Where the name finder may split a found span (server/nlp/names/gazetteer-split.ts): after a
// gazetteer name of a state, place or body, when a full name of capitalised words follows; and the
// committed model, which splits a body run into the person named after it only when that person,
// labelled alone, reads as one.
import { describe, expect, it } from 'vitest';
import { languageLayer } from '../../server/nlp/index.ts';
import {
  buildNameLexicon,
  gazetteerSplits,
  matchLexicon,
  type NameToken,
} from '../../server/nlp/names/index.ts';

function tokens(line: string): NameToken[] {
  let at = 0;
  return line.split(' ').map((text) => {
    const t = { text, start: at, end: at + text.length, upos: 'PROPN', xpos: 'NNP' };
    at = t.end + 1;
    return t;
  });
}

const lexicon = buildNameLexicon({
  states: [
    { name: 'Chad', ambiguous: [] },
    { name: 'Georgia', ambiguous: ['Georgia'] },
  ],
  organizations: [{ name: 'Caribbean Community' }, { name: 'Caribbean Community Secretariat' }],
  people: [{ name: 'Chad Daniels', surname: 'Daniels' }],
});

/** The split points of the span over every token of the line, as the words before each. */
function splits(line: string): string[] {
  const t = tokens(line);
  return gazetteerSplits(t, 0, t.length - 1, matchLexicon(t, lexicon)).map((at) => t[at].text);
}

describe('gazetteer split points', () => {
  it('splits after a known body followed by a full name', () => {
    expect(splits('Caribbean Community Patience Brown')).toEqual(['Community']);
  });

  it('splits after the longest known name, never inside one', () => {
    expect(splits('Caribbean Community Secretariat Patience Brown')).toEqual(['Secretariat']);
  });

  it('needs two capitalised words after the point', () => {
    expect(splits('Caribbean Community Brown')).toEqual([]);
    expect(splits('Caribbean Community chief Patience')).toEqual([]);
  });

  it('leaves forms marked ambiguous and forms that are also a person', () => {
    expect(splits('Georgia Ann Walker')).toEqual([]);
    // "Chad" is a state, but "Chad Daniels" is a known person running across the point
    expect(splits('Chad Daniels Smith')).toEqual([]);
  });

  it('looks only at matches inside the span', () => {
    const t = tokens('Caribbean Community Patience Brown');
    const m = matchLexicon(t, lexicon);
    expect(gazetteerSplits(t, 1, 3, m)).toEqual([]);
  });
});

describe('the committed model', () => {
  const layer = languageLayer();
  const names = (text: string): string[] =>
    layer
      .analyze(text)
      .flatMap((s) => s.names.map((n) => `${text.slice(n.start, n.end)}=${n.label}`));

  it('reads a person named straight after a known body as a person of their own', () => {
    expect(
      names('Jamaican ambassador to the Caribbean Community Patience Brown read the statement.'),
    ).toEqual(['Caribbean Community=organization', 'Patience Brown=person']);
    expect(
      names('Filipino ambassador to the United Nations Faith Santos read the statement.'),
    ).toEqual(['United Nations=organization', 'Faith Santos=person']);
  });

  it('keeps a body whose name runs on past a known one whole', () => {
    expect(
      names('The United Nations Development Programme Regional Bureau issued a statement.'),
    ).toEqual(['United Nations Development Programme Regional Bureau=organization']);
  });
});
