// The extraction gives an article the same result whatever was extracted before it, and whether
// its parse is read for the first time or again (the stages keep per-parse, per-article and
// gazetteer answers).
import { describe, expect, it } from 'vitest';
import { extractArticle, sentencesOf } from '../../server/extract/index.ts';
import { findActors } from '../../server/extract/actors/index.ts';
import { findEvents } from '../../server/extract/events/index.ts';

const PERU =
  'Peruvian President Dina Boluarte met Chilean President Gabriel Boric in Lima on Tuesday. ' +
  'Boluarte urged Chile to reopen the border crossing, and she said both countries would sign a ' +
  'trade accord. The two leaders also condemned attacks by armed groups on miners.';
const SAHEL =
  "Mali's foreign minister accused Algeria of backing rebels in the north. Algeria rejected the " +
  'accusations and recalled its ambassador from Bamako. The African Union called on both sides ' +
  'to resume talks, according to a statement from its commission.';

describe('extraction independent of what came before', () => {
  it('gives an article the same extraction before and after another one', () => {
    const first = extractArticle({ text: PERU, published: '2024-03-14' });
    const other = extractArticle({ text: SAHEL, published: '2024-05-02' });
    const again = extractArticle({ text: PERU, published: '2024-03-14' });
    expect(again).toEqual(first);
    expect(first.events.length).toBeGreaterThan(0);
    expect(other.events.length).toBeGreaterThan(0);
    expect(other.actors.map((a) => a.id)).not.toEqual(first.actors.map((a) => a.id));
  });

  it('answers questions about the whole text afresh for each article', () => {
    // Whether "Georgia" is the country turns on words anywhere in the article (a US city, a
    // governor); the answer is kept per article, never carried to the next one.
    const country =
      'Georgia recalled its ambassador from Moscow after troops crossed the border. Tbilisi ' +
      'said the move was a provocation.';
    const usState =
      'Officials in Atlanta met on Monday. Georgia rejected the federal water plan, the ' +
      'governor said. Georgia also sued the agency.';
    const first = extractArticle({ text: country, published: '2024-06-01' });
    const state = extractArticle({ text: usState, published: '2024-06-01' });
    const again = extractArticle({ text: country, published: '2024-06-01' });
    expect(again).toEqual(first);
    expect(first.actors.map((a) => a.id)).toContain('georgia');
    expect(state.actors.map((a) => a.id)).not.toContain('georgia');
    expect(extractArticle({ text: usState, published: '2024-06-01' })).toEqual(state);
  });

  it('reads the same parse again with the same result', () => {
    const sentences = sentencesOf(SAHEL);
    const run = () => {
      const analysis = findActors(SAHEL, sentences, '2024-05-02');
      const events = findEvents(SAHEL, sentences, analysis, '2024-05-02');
      return { actors: [...analysis.actors.keys()].sort(), mentions: analysis.mentions, events };
    };
    const first = run();
    expect(run()).toEqual(first);
    // A fresh parse of the same text reads the same.
    const fresh = sentencesOf(SAHEL);
    const analysis = findActors(SAHEL, fresh, '2024-05-02');
    expect(findEvents(SAHEL, fresh, analysis, '2024-05-02')).toEqual(first.events);
    expect(first.events.some((e) => e.type === 'ACCUSE' || e.type === 'REJECT')).toBe(true);
  });
});
