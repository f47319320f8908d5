// Modes (negated, hypothetical, future) and REQUEST polarity read from the dependency tree.
import { describe, expect, it } from 'vitest';
import { analysePassage } from '../../server/extract/text.ts';
import { modeOf, requestPolarity } from '../../server/extract/events/modes.ts';
import { lexicon } from '../../server/extract/events/lexicon.ts';
import { treeOf } from '../../server/extract/events/tree.ts';

/** The tree of one sentence (no actor mentions) and the index of the token `word`. */
function at(sentence: string, word: string) {
  const s = analysePassage(sentence, 0, 0)[0]!;
  const tree = treeOf(s, [], []);
  const i = tree.tokens.findIndex((t) => t.text.toLowerCase() === word);
  if (i < 0) throw new Error(`no "${word}" in "${sentence}"`);
  return { tree, i };
}

describe('modeOf', () => {
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
    const { tree, i } = at(sentence, word);
    expect(modeOf(tree, i)).toBe(mode);
  });
});

describe('requestPolarity (from the asked act)', () => {
  const stop = lexicon().cues.stop;
  it.each([
    ['They urged the rebels to halt the offensive.', 'halt', 'hostile'],
    ['They urged the rebels to withdraw from the town.', 'withdraw', 'hostile'],
    ['They urged the rebels to give up their weapons.', 'give', 'hostile'],
    ['They urged the rebels to give food to the villagers.', 'give', 'neutral'],
    ['They urged the rebels to join the talks.', 'join', 'neutral'],
    ['They urged the rebels to help end the siege.', 'help', 'neutral'],
  ])('%s', (sentence, word, polarity) => {
    const { tree, i } = at(sentence, word);
    expect(requestPolarity(tree, i, stop)).toBe(polarity);
  });
});
