// Event rules for patterns common in wire reporting: acronyms in parentheses, attributive targets,
// reported facts, news agencies, background clauses, mediation, visits, releases and easing.
import { describe, expect, it } from 'vitest';
import { findEvents } from '../../server/extract/events/index.ts';
import { analysed, events, triples } from './events-helpers.ts';

describe('events: subjects and targets in news phrasing', () => {
  it.each([
    [
      'The [Gulf Union|gulf-org] ([GU|gulf-org|acronym]) has resolved to impose sanctions against [Egypt|egypt].',
      ['gulf-org>egypt:SANCTION'],
    ],
    [
      'The [Andean Pact|andes-org] ([AP|andes-org|acronym]) condemned [Peru|peru] on Friday.',
      ['andes-org>peru:ACCUSE'],
    ],
    [
      '[Spain|spain] expelled four [Russian|russia|demonym|attr] diplomats on Monday.',
      ['spain>russia:SANCTION'],
    ],
    [
      '[Egypt|egypt] freed two [Japanese|japan|demonym|attr] fishermen after talks.',
      ['egypt>japan:RETREAT'],
    ],

    // An adjective on a noun that is not the object does not make a target.
    ['[Spain|spain] expelled the envoy over a [Russian|russia|demonym|attr] plot.', []],
  ])('%s', (sentence, expected) => {
    expect(triples(sentence)).toEqual(expected);
  });

  // Constructions of the earlier window rules not yet read off the tree: expected to fail until they are.
  it.fails.each([
    [
      'Tension grew after [Russia|russia] downed a [Japanese|japan|demonym|attr] drone.',
      ['russia>japan:ASSAULT'],
    ],
  ])('%s', (sentence, expected) => {
    expect(triples(sentence)).toEqual(expected);
  });
});

describe('events: background clauses and nominal acts', () => {
  it.each([
    [
      'Prices rose since [Tom Hale|tom-hale] quit the trade pact with [Peru|peru].',
      'tom-hale>peru:REJECT',
    ],
    [
      'Ties soured after [Ana Ruiz|ana-ruiz]’s withdrawal from the water accord with [Egypt|egypt].',
      'ana-ruiz>egypt:REJECT',
    ],
    [
      'The talks follow [Russia|russia]’s seizure of a [Japanese|japan|demonym|attr] trawler.',
      'russia>japan:COERCE',
    ],
  ])('%s', (sentence, expected) => {
    expect(triples(sentence)).toContain(expected);
  });

  // Constructions of the earlier window rules not yet read off the tree: expected to fail until they are.
  it.fails.each([
    [
      'Aid reached [Georgia|georgia] days before the anniversary of [Russia|russia]’s invasion of the country.',
      'russia>georgia:ASSAULT',
    ],
  ])('%s', (sentence, expected) => {
    expect(triples(sentence)).toContain(expected);
  });
  it('"the country" stays unresolved when two states could be meant', () => {
    expect(
      triples(
        '[Spain|spain] and [Georgia|georgia] watched [Russia|russia]’s invasion of the country.',
      ),
    ).not.toContain('russia>georgia:ASSAULT');
  });
});

describe('events: reported facts and news agencies', () => {
  it('a cooperative act of others reported in speech keeps its doer', () => {
    expect(
      triples(
        '[Omar Farah|omar-farah] said [Spain|spain] had written to [Japan|japan] about the loan.',
      ),
    ).toContain('spain>japan:CONSULT');
  });
  // Constructions of the earlier window rules not yet read off the tree: expected to fail until they are.
  it.fails('a news agency reporting is the article’s voice, not a speech act of the agency', () => {
    const t = triples(
      '[Xinhua|xinhua] reported that [Li Wei|li-wei] and [Kaito Mori|kaito-mori] are expected to hold talks.',
    );
    expect(t).toEqual(['li-wei>kaito-mori:AGREE']);
  });
  it('an official telling a news agency something is not a consultation', () => {
    expect(
      triples('The plan is on hold, a [Spanish|spain|demonym] official told [Reuters|reuters].'),
    ).toEqual([]);
  });
  it('what a news agency’s reporter says is reported as stated, not as the agency’s accusation', () => {
    expect(
      triples(
        '[Reuters|reuters]’ Jan Smit said [Russia|russia] had shelled [Georgia|georgia] again.',
      ),
    ).toEqual(['russia>georgia:ASSAULT']);
  });
});

describe('events: mediation', () => {
  it.each([
    [
      '[Egypt|egypt] brokered a truce between [Spain|spain] and [Peru|peru].',
      ['egypt>spain:CONSULT', 'egypt>peru:CONSULT'],
    ],
  ])('%s', (sentence, expected) => {
    expect(triples(sentence).sort()).toEqual([...expected].sort());
  });

  it.each([
    [
      '[Spain|spain] and [Peru|peru] signed a truce brokered by [Egypt|egypt].',
      ['spain>peru:SUPPORT', 'egypt>spain:CONSULT', 'egypt>peru:CONSULT'],
    ],
    [
      'An [Egypt|egypt]-brokered truce between [Spain|spain] and [Peru|peru] held.',
      ['egypt>spain:CONSULT', 'egypt>peru:CONSULT'],
    ],
    [
      'A [Qatar|qatar]-mediated deal between [Israel|israel] and [Hamas|hamas-org] collapsed.',
      ['qatar>israel:CONSULT', 'qatar>hamas-org:CONSULT'],
    ],
    [
      '[Kenya|kenya] and [Uganda|uganda] agreed to a ceasefire brokered by [Norway|norway].',
      ['kenya>uganda:AGREE', 'norway>kenya:CONSULT', 'norway>uganda:CONSULT'],
    ],
  ])('%s', (sentence, expected) => {
    expect(triples(sentence).sort()).toEqual([...expected].sort());
  });
});

describe('events: meetings, visits and gestures', () => {
  it.each([
    [
      '[Ana Ruiz|ana-ruiz] shook hands with [Omar Farah|omar-farah] before the dinner.',
      'ana-ruiz>omar-farah:CONSULT',
    ],
    [
      '[Ana Ruiz|ana-ruiz] and [Omar Farah|omar-farah] attend a joint news conference in Cairo.',
      'ana-ruiz>omar-farah:CONSULT',
    ],
    [
      '[Li Wei|li-wei] gave the speech on a two-day visit to the capital [Lima|peru|metonym].',
      'li-wei>peru:CONSULT',
    ],

    [
      '[Mexico|mexico] called for the return of the stolen statues from [Spain|spain].',
      'mexico>spain:REQUEST',
    ],
  ])('%s', (sentence, expected) => {
    expect(triples(sentence)).toContain(expected);
  });

  it.each([
    [
      '[Canada|canada] pushed back against [Peru|peru]’s new fishing rules on Friday.',
      'canada>peru:REJECT',
    ],
    ['[Canada|canada] quickly pushed back on [Peru|peru]’s plan.', 'canada>peru:REJECT'],
  ])('%s', (sentence, expected) => {
    expect(triples(sentence)).toContain(expected);
  });
});

describe('events: noun phrases around the act', () => {
  it.each([
    [
      'Tension followed [Peru|peru]’s downing of a [Chile|chile|acronym] patrol plane.',
      'peru>chile:ASSAULT',
    ],
    [
      '[Spain|spain] expelled the same number of [Russian|russia|demonym|attr] envoys.',
      'spain>russia:SANCTION',
    ],
  ])('%s', (sentence, expected) => {
    expect(triples(sentence)).toContain(expected);
  });

  // Constructions of the earlier window rules not yet read off the tree: expected to fail until they are.
  it.fails.each([
    [
      'Ties froze after [Tom Hale|tom-hale]’s withdrawal last year from the grain pact with [Peru|peru].',
      'tom-hale>peru:REJECT',
    ],
  ])('%s', (sentence, expected) => {
    expect(triples(sentence)).toContain(expected);
  });
});

describe('events: unresolved tags and places', () => {
  it('a past form tagged as an adjective still heads the act', () => {
    expect(
      triples(
        '[Peru|peru] and [Chile|chile] mediated talks between [Spain|spain] and [Egypt|egypt].',
      ),
    ).toEqual(
      expect.arrayContaining(['peru>spain:CONSULT', 'chile>egypt:CONSULT', 'spain>egypt:CONSULT']),
    );
  });
  it('an infinitive after a place name is the traveller’s purpose', () => {
    expect(triples('[Li Wei|li-wei] flew to Quito to meet [Ana Ruiz|ana-ruiz].')).toEqual([
      'li-wei>ana-ruiz:CONSULT',
    ]);
  });
  it('a state named only by an adjective becomes an actor when it is acted upon', () => {
    const { text, sentences, analysis } = analysed(
      '[Egypt|egypt] freed three [French|france|demonym|attr] sailors.',
    );
    analysis.actors.delete('france');
    const found = findEvents(text, sentences, analysis, null);
    expect(found.map((e) => `${e.source}>${e.target}`)).toEqual(['egypt>france']);
    expect(analysis.actors.get('france')?.kind).toBe('state');
  });
});

describe('events: concern, pledges, warnings and weighed acts', () => {
  it.each([
    ['[Japan|japan] expressed concern over [Peru|peru]’s naval drills.', ['japan>peru:ACCUSE']],
    ['[Spain|spain] voiced strong opposition to [Egypt|egypt]’s plan.', ['spain>egypt:REJECT']],
    ['[Japan|japan] pledged $3 billion in aid to [Peru|peru].', ['japan>peru:AGREE']],
    ['[Spain|spain] warned that [Peru|peru] would pay a heavy price.', ['spain>peru:THREATEN']],
    // A warning about something that is not a consequence the speaker imposes is no threat.
    ['[Spain|spain] warned that [Peru|peru] would face a drought.', []],
  ])('%s', (sentence, expected) => {
    expect(triples(sentence)).toEqual(expected);
  });
  it('an act governed by "considering" is hypothetical, and not reported as stated in speech', () => {
    const own = events('[Peru|peru] is considering sending arms to [Chile|chile].').found;
    expect(own.map((e) => [e.type, e.mode])).toEqual([['AID', 'hypothetical']]);
    expect(
      triples(
        '[Tom Hale|tom-hale] said [Peru|peru] was considering sending arms to [Chile|chile].',
      ),
    ).toEqual([]);
  });
});

describe('events: claims inside speech', () => {
  it.each([
    ['[Egypt|egypt] alleged that [Georgia|georgia] had attacked first.', ['egypt>georgia:ACCUSE']],
    [
      '[Peru|peru] charged that [Chile|chile] had shelled [Bolivia|bolivia].',
      ['peru>chile:ACCUSE'],
    ],
    // A plain report of a launch is not an accusation by the reporting ministry.
    ['[Peru|peru] fired two rockets into the sea, [Chile|chile] said.', []],
    // Content before the speaker: a fronted clause, then the reporting verb and a time phrase.
  ])('%s', (sentence, expected) => {
    expect(triples(sentence)).toEqual(expected);
  });

  // Constructions of the earlier window rules not yet read off the tree: expected to fail until they are.
  it.fails.each([
    [
      'On the anniversary, [Peru|peru] claims [Chile|chile] ‘seized’ the islands in 1880.',
      ['peru>chile:ACCUSE'],
    ],
    ["[Peru|peru] says [Chile|chile] 'annexed' the valley.", ['peru>chile:ACCUSE']],
    [
      '[Spain|spain] will work with [Egypt|egypt] on water, [Ana Ruiz|ana-ruiz] said on Monday.',
      ['ana-ruiz>egypt:AGREE'],
    ],
  ])('%s', (sentence, expected) => {
    expect(triples(sentence)).toEqual(expected);
  });
});

describe('events: which word a "with" belongs to', () => {
  it.each([
    ['[Li Wei|li-wei] spoke about the hope for normalcy in ties with [Peru|peru].', []],
    // A meeting with a determiner is a setting of the act: its party is the act's.
    [
      '[Li Wei|li-wei] agreed in the final status talks with [Peru|peru] to a ceasefire.',
      ['li-wei>peru:AGREE'],
    ],
    ['[Li Wei|li-wei] discussed bilateral relations with [Peru|peru].', ['li-wei>peru:CONSULT']],
    ['[Li Wei|li-wei] spoke on Monday by phone with [Peru|peru].', ['li-wei>peru:CONSULT']],
  ])('%s', (sentence, expected) => {
    expect(triples(sentence)).toEqual(expected);
  });
});

describe('events: decisions', () => {
  it.each([
    ['[Peru|peru] decided to expel [Chile|chile]’s envoy.', [['SANCTION', null]]],
    ['[Peru|peru] decided to hold talks with [Chile|chile].', [['AGREE', null]]],
    ['[Peru|peru] may decide to expel [Chile|chile]’s envoy.', [['SANCTION', 'hypothetical']]],
  ])('%s', (sentence, expected) => {
    expect(events(sentence).found.map((e) => [e.type, e.mode])).toEqual(expected);
  });
});
