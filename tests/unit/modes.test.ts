// Modes (negated, hypothetical, future) and REQUEST polarity from the words around a predicate.
import { describe, expect, it } from 'vitest';
import { analysePassage } from '../../server/extract/text.ts';
import { buildUnits } from '../../server/extract/clauses.ts';
import { modeAt, requestPolarity } from '../../server/extract/modes.ts';
import { lexicon } from '../../server/extract/lexicon.ts';

/** Units of one sentence (no actor mentions) and the index of the unit whose text is `word`. */
function at(sentence: string, word: string) {
  const s = analysePassage(sentence, 0, 0)[0]!;
  const { units } = buildUnits(s, []);
  const i = units.findIndex((u) => u.lower === word);
  if (i < 0) throw new Error(`no "${word}" in "${sentence}"`);
  return { units, i };
}

describe('modeAt', () => {
  it.each([
    ['The council condemned the raid.', 'condemned', null],
    ['The council did not condemn the raid.', 'condemn', 'negated'],
    ["The council didn't condemn the raid.", 'condemn', 'negated'],
    ['The council has never condemned the raid.', 'condemned', 'negated'],
    ['The council would condemn any raid.', 'condemn', 'hypothetical'],
    ['The council might condemn the raid.', 'condemn', 'hypothetical'],
    ['If the army crosses the river, the council will condemn it.', 'crosses', 'hypothetical'],
    ['The council will condemn the raid.', 'condemn', 'future'],
    ['The minister is to visit the capital.', 'visit', 'future'],
    ['The minister visits the capital next week.', 'visits', 'future'],
    ['The minister visited the capital last week.', 'visited', null],
  ])('%s', (sentence, word, mode) => {
    const { units, i } = at(sentence, word);
    expect(modeAt(units, i, i + 1)).toBe(mode);
  });
});

describe('requestPolarity', () => {
  const stop = lexicon().cues.stop;
  it.each([
    ['They urged the rebels to halt the offensive.', 'rebels', 'hostile'],
    ['They urged the rebels to withdraw from the town.', 'rebels', 'hostile'],
    ['They urged the rebels to give up their weapons.', 'rebels', 'hostile'],
    ['They urged the rebels to give food to the villagers.', 'rebels', 'neutral'],
    ['They urged the rebels to join the talks.', 'rebels', 'neutral'],
    ['They urged the rebels to help end the siege.', 'rebels', 'neutral'],
  ])('%s', (sentence, word, polarity) => {
    const { units, i } = at(sentence, word);
    expect(requestPolarity(units, i + 1, stop)).toBe(polarity);
  });
});
