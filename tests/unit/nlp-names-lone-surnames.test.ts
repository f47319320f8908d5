// The name finder's lone-surname rule (server/nlp/names/lone-surnames.ts) on hand-tagged articles
// written for this test, each condition on its own, and the committed model over whole articles
// through the language layer: a later surname alone, missed or given another label by the
// sentence-by-sentence finder, is the person the article named in full before.
import { describe, expect, it } from 'vitest';
import { languageLayer } from '../../server/nlp/index.ts';
import {
  addLoneSurnames,
  buildNameLexicon,
  matchLexicon,
  type LabelledSpan,
  type NameToken,
} from '../../server/nlp/names/index.ts';
import { WordStats, wordStatHash } from '../../server/nlp/names/word-stats.ts';
import type { NameLabel } from '../../server/nlp/types.ts';
import { taggedTokens } from '../helpers/tagged-tokens.ts';

/** A span over the first run of these words in the tokens. */
function span(tokens: readonly NameToken[], words: string, label: NameLabel): LabelledSpan {
  const parts = words.split(' ');
  const first = tokens.findIndex((_, i) => parts.every((p, k) => tokens[i + k]?.text === p));
  if (first < 0) throw new Error(`no "${words}"`);
  return { first, last: first + parts.length - 1, label };
}

const lexicon = buildNameLexicon({
  states: [{ name: 'Jordan', capitals: ['Amman'] }],
  organizations: [{ name: 'Tata Group' }],
});
const stats = new WordStats(new Set(['young', 'the'].map(wordStatHash)));

/** The rule over an article: lines of tagged words, and each line's spans as "words=label". */
function run(lines: string[], found: string[][]): string[][] {
  const sentences = lines.map(taggedTokens);
  const spans = sentences.map((tokens, k) =>
    found[k].map((f) => {
      const [words, label] = f.split('=');
      return span(tokens, words, label as NameLabel);
    }),
  );
  const matches = sentences.map((tokens) => matchLexicon(tokens, lexicon));
  return addLoneSurnames(sentences, spans, matches, stats).map((list, k) =>
    list.map((s) => `${sentences[k][s.first].text}${s.last > s.first ? '…' : ''}=${s.label}`),
  );
}

describe('lone surnames after the full name', () => {
  const full = 'Priya/NNP Raghavan/NNP toured/VB Chennai/NNP ./.';

  it('adds a sentence-initial surname the finder missed', () => {
    expect(
      run(
        [full, 'Raghavan/NNP ,/, the/DT finance/NN secretary/NN ,/, spoke/VB ./.'],
        [['Priya Raghavan=person', 'Chennai=place'], []],
      ),
    ).toEqual([['Priya…=person', 'Chennai=place'], ['Raghavan=person']]);
  });

  it('relabels a one-word span the finder gave another label', () => {
    expect(
      run(
        [full, 'Officials/NN thanked/VB Raghavan/NNP ./.'],
        [['Priya Raghavan=person'], ['Raghavan=place']],
      ),
    ).toEqual([['Priya…=person'], ['Raghavan=person']]);
  });

  it('needs the full name earlier in the article', () => {
    expect(
      run(['Raghavan/NNP spoke/VB ./.', full], [[], ['Priya Raghavan=person', 'Chennai=place']]),
    ).toEqual([[], ['Priya…=person', 'Chennai=place']]);
  });

  it('leaves a common word at the start of a sentence, and words not tagged proper nouns', () => {
    expect(
      run(
        [
          'Mary/NNP Young/NNP spoke/VB ./.',
          'Young/NNP voters/NN cheered/VB ./.',
          'They/PRP met/VB Young/JJ ./.',
        ],
        [['Mary Young=person'], [], []],
      ),
    ).toEqual([['Mary…=person'], [], []]);
  });

  it('leaves a surname beside another capitalised proper noun (part of a longer name)', () => {
    expect(
      run([full, 'Raghavan/NNP Textiles/NNP expanded/VB ./.'], [['Priya Raghavan=person'], []]),
    ).toEqual([['Priya…=person'], []]);
  });

  it('leaves gazetteer places and bodies, found or not', () => {
    expect(
      run(
        [
          'Michael/NNP Jordan/NNP visited/VB ./.',
          'Jordan/NNP closed/VB its/PRP border/NN ./.',
          'Aid/NN reached/VB Jordan/NNP ./.',
        ],
        [['Michael Jordan=person'], [], ['Jordan=place']],
      ),
    ).toEqual([['Michael…=person'], [], ['Jordan=place']]);
  });

  it('leaves a word that also ends a name with another label earlier in the article', () => {
    expect(
      run(
        [
          'Fort/NNP Raghavan/NNP flooded/VB ./.',
          full,
          'Raghavan/NNP ,/, the/DT secretary/NN ,/, spoke/VB ./.',
        ],
        [['Fort Raghavan=place'], ['Priya Raghavan=person'], []],
      ),
    ).toEqual([['Fort…=place'], ['Priya…=person'], []]);
  });

  it('leaves words not shaped like a surname (initials, numerals, all capitals)', () => {
    expect(
      run(
        ['Kofi/NNP Annan/NNP II/NNP spoke/VB ./.', 'II/NNP ,/, he/PRP said/VB ./.'],
        [['Kofi Annan II=person'], []],
      ),
    ).toEqual([['Kofi…=person'], []]);
  });
});

describe('the committed model over whole articles', () => {
  const layer = languageLayer();
  const names = (text: string): string[][] =>
    layer.analyze(text).map((s) => s.names.map((n) => `${text.slice(n.start, n.end)}=${n.label}`));

  it('reads a later surname alone as the person named in full', () => {
    expect(
      names(
        'Olga Petrenko criticised Moscow. Petrenko, a former deputy prime minister of Ukraine, urged sanctions.',
      )[1],
    ).toContain('Petrenko=person');
    expect(
      names(
        "Arjun Mehta arrived in Dhaka on Friday. Mehta, India's trade envoy, signed the accord.",
      )[1],
    ).toContain('Mehta=person');
  });
});
