// Given names left just outside a person's span (server/nlp/names/given-names.ts): which words
// before a person may be that person's given name, and the finder growing a person over one when
// the role noun before the name is tagged a proper noun.
import { describe, expect, it } from 'vitest';
import {
  buildNameLexicon,
  defaultNameFinder,
  leftOutGivenName,
  matchLexicon,
  type NameToken,
} from '../../server/nlp/names/index.ts';
import { WordStats, wordStatHash } from '../../server/nlp/names/word-stats.ts';
import { taggedTokens } from '../helpers/tagged-tokens.ts';

const lexicon = buildNameLexicon({
  states: [{ name: 'Chad', ambiguous: [] }, { name: 'Peru' }],
  organizations: [{ name: 'Andean Community' }],
});
const noStats = WordStats.empty();

/** Whether the word at `at` of the hand-tagged line may be a given name left out. */
function givenAt(line: string, at: number, free = 0, stats = noStats): boolean {
  const t: NameToken[] = taggedTokens(line);
  return leftOutGivenName(t, at, free, matchLexicon(t, lexicon), stats);
}

describe('a given name left outside a person', () => {
  it('takes a capitalised proper noun after a lowercase word or at the sentence start', () => {
    expect(givenAt('the/DT surgeon/NNP Amina/NNP Odhiambo/NNP said/VBD', 2)).toBe(true);
    expect(givenAt('Amina/NNP Odhiambo/NNP said/VBD', 0)).toBe(true);
    expect(givenAt('said/VBD ,/, Tupac/NNP Quispe/NNP', 2)).toBe(true);
  });

  it('leaves titles, body and place words, and known places or bodies', () => {
    expect(givenAt('the/DT Minister/NNP Quispe/NNP said/VBD', 1)).toBe(false);
    expect(givenAt('the/DT University/NNP Quispe/NNP said/VBD', 1)).toBe(false);
    expect(givenAt('in/IN Chad/NNP Mahamat/NNP said/VBD', 1)).toBe(false);
    expect(givenAt('the/DT Andean/NNP Community/NNP Quispe/NNP said/VBD', 2)).toBe(false);
  });

  it('needs a plain start: no capitalised proper noun before the word', () => {
    expect(givenAt('Lima/NNP surgeon/NNP Rosa/NNP Quispe/NNP said/VBD', 1)).toBe(false);
    expect(givenAt('Lima/NNP Rosa/NNP Quispe/NNP said/VBD', 1)).toBe(false);
  });

  it('needs a proper noun with a lowercase letter, outside the previous span', () => {
    expect(givenAt('the/DT surgeon/NN amina/NN Odhiambo/NNP', 2)).toBe(false);
    expect(givenAt('the/DT surgeon/NN UNHCR/NNP Odhiambo/NNP', 2)).toBe(false);
    expect(givenAt('the/DT surgeon/NNP Amina/NNP Odhiambo/NNP', 2, 3)).toBe(false);
  });

  it('leaves a common word at the start of a sentence', () => {
    expect(givenAt('Young/NNP Quispe/NNP said/VBD', 0)).toBe(true);
    const common = new WordStats(new Set([wordStatHash('young')]));
    expect(givenAt('Young/NNP Quispe/NNP said/VBD', 0, 0, common)).toBe(false);
  });
});

describe('the finder with a role noun read as a proper noun', () => {
  it('keeps the given name in the person', () => {
    const line =
      'Cairo/NNP University/NNP lecturer/NNP Patience/NNP Akello/NNP said/VBD Tanzania/NNP ' +
      'should/MD mediate/VB between/IN Sudan/NNP and/CC Ethiopia/NNP ./.';
    const tokens = taggedTokens(line);
    const names = defaultNameFinder()
      .findNames(tokens, buildNameLexicon({}))
      .map(
        (n) =>
          `${n.label} ${tokens
            .slice(n.first, n.last + 1)
            .map((t) => t.text)
            .join(' ')}`,
      );
    expect(names).toContain('person Patience Akello');
  });
});
