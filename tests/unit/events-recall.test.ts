// Last recall rules: possessive bans and wars, denials of charges, council resolutions.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../server/extract/index.ts';

const eventsOf = (text: string) =>
  extractArticle({ text, published: '2024-03-02' }).events.map(
    (e) => `${e.source} ${e.type} ${e.target}${e.mode ? ` ${e.mode}` : ''}`,
  );

describe('recall rules', () => {
  it.each([
    // Nominal bans and embargoes, owner by possessive, target by demonym or name.
    ["India's ban on Pakistani imports hurt traders.", 'india SANCTION pakistan'],
    ["Russia's embargo on Moldovan wine lasted years.", 'russia SANCTION moldova'],
    [
      "Washington's new tariffs on Chinese goods took effect on Monday.",
      'united-states SANCTION china',
    ],
    ["Washington's tariffs on Iran angered Tehran.", 'united-states SANCTION iran'],
    ['Kenya imposed a ban on Ugandan sugar.', 'kenya SANCTION uganda'],
    // Military nouns owned by a state.
    ["Saudi Arabia's war on Yemen killed thousands.", 'saudi-arabia ASSAULT yemen'],
    ["Jordan's war against Israel ended in 1967.", 'jordan ASSAULT israel'],
    ["Russia's bombing campaign against Ukraine intensified.", 'russia ASSAULT ukraine'],

    ["Azerbaijan's blockade of Armenia drew criticism.", 'azerbaijan COERCE armenia'],
    // A denial answers the accuser: both the charge and the rejection.
    ['Morocco denied accusations from Algeria.', 'algeria ACCUSE morocco'],
    ['Morocco denied accusations from Algeria.', 'morocco REJECT algeria'],
    ["Peru denied Bolivia's allegations.", 'peru REJECT bolivia'],
    ['Morocco did not deny accusations from Algeria.', 'morocco REJECT algeria negated'],
    ["Venezuela rejected Guyana's accusations.", 'guyana ACCUSE venezuela'],
    // Council resolutions.
    [
      'The UN Security Council adopted a resolution demanding that Serbia end its blockade.',
      'un-security-council REQUEST serbia',
    ],
    [
      'The UN Security Council passed a resolution calling on Ethiopia to end the offensive.',
      'un-security-council REQUEST ethiopia',
    ],
  ])('%s -> %s', (text, expected) => {
    expect(eventsOf(text)).toContain(expected);
  });

  // Constructions of the earlier window rules not yet read off the tree: expected to fail until they are.
  it.fails.each([
    ['A military campaign by Ethiopia against Eritrea escalated.', 'ethiopia ASSAULT eritrea'],
    ['A UN resolution condemning Venezuela passed on Tuesday.', 'united-nations ACCUSE venezuela'],
  ])('%s -> %s', (text, expected) => {
    expect(eventsOf(text)).toContain(expected);
  });

  it('does not read a political campaign as an assault', () => {
    const types = eventsOf("Chile's campaign against Peru in the election debate intensified.");
    expect(types.filter((t) => t.includes('ASSAULT'))).toEqual([]);
  });

  it('does not add a rejection without a charge', () => {
    expect(eventsOf('Morocco denied entry to Algeria.').join()).not.toContain('ACCUSE');
  });
});
