// Event stage rules, table-driven over sentences written for these tests; actors are marked inline
// ("[surface|actor-id|via]") so the tests do not depend on the actor stage.
import { describe, expect, it } from 'vitest';
import { events, triples } from './events-helpers.ts';

describe('events: active voice, objects and prepositions', () => {
  it.each([
    ['[Spain|spain] criticised [Egypt|egypt] over the dam.', ['spain>egypt:ACCUSE']],
    ['[Spain|spain] criticized [Egypt|egypt] over the dam.', ['spain>egypt:ACCUSE']],
    ['[Russia|russia] shelled [Georgia|georgia] overnight.', ['russia>georgia:ASSAULT']],
    ['[Japan|japan] imposed fresh sanctions on [Russia|russia].', ['japan>russia:SANCTION']],
    ['[Egypt|egypt] called on [Spain|spain] to reopen the embassy.', ['egypt>spain:REQUEST']],
    ['[Ana Ruiz|ana-ruiz] met with [Li Wei|li-wei] in Geneva.', ['ana-ruiz>li-wei:CONSULT']],
    ['[Spain|spain] and [Egypt|egypt] held talks with [Japan|japan].', []],
    ['[Japan|japan] pulled out of [Georgia|georgia] in May.', ['japan>georgia:RETREAT']],
    ['[Egypt|egypt] praised [Spain|spain] for its patience.', ['egypt>spain:SUPPORT']],
    ['[Spain|spain] sent humanitarian aid to [Georgia|georgia].', ['spain>georgia:AID']],
    ['[Russia|russia] expelled [Japan|japan]’s diplomats.', ['russia>japan:SANCTION']],
    ['[Spain|spain] struck a trade deal with [Egypt|egypt].', ['spain>egypt:AGREE']],
    [
      '[Tom Hale|tom-hale] also pressed [Li Wei|li-wei|surname] on trade.',
      ['tom-hale>li-wei:REQUEST'],
    ],
    // The finite-verb repair: "test-fired" read as a participle is the sentence's verb.
    ['[Russia|russia] test-fired a missile towards [Japan|japan].', ['russia>japan:MOBILIZE']],
  ])('%s', (sentence, expected) => {
    expect(triples(sentence)).toEqual(expected);
  });
});

describe('events: passive voice', () => {
  it.each([
    ['[Georgia|georgia] was attacked by [Russia|russia] on Sunday.', ['russia>georgia:ASSAULT']],
    ['Sanctions were imposed on [Egypt|egypt] by [Japan|japan].', ['japan>egypt:SANCTION']],
    ['[Spain|spain] was urged by [Egypt|egypt] to lift the ban.', ['egypt>spain:REQUEST']],
    ['[Georgia|georgia] was attacked on Sunday.', []],
  ])('%s', (sentence, expected) => {
    expect(triples(sentence)).toEqual(expected);
  });
});

describe('events: coordination and several targets', () => {
  it('coordinated subjects of a symmetric act give one reciprocal event', () => {
    expect(triples('[Spain|spain] and [Egypt|egypt] signed a water accord.')).toEqual([
      'spain>egypt:SUPPORT',
    ]);
    expect(triples('[Ana Ruiz|ana-ruiz] and [Omar Farah|omar-farah] met on Monday.')).toEqual([
      'ana-ruiz>omar-farah:CONSULT',
    ]);
  });
  it('three parties meeting are not expanded pairwise', () => {
    expect(triples('[Spain|spain], [Egypt|egypt] and [Japan|japan] met in Cairo.')).toEqual([]);
  });
  it('coordinated subjects of a directed act each act on the target', () => {
    expect(triples('[Spain|spain] and [Japan|japan] condemned [Russia|russia].')).toEqual([
      'spain>russia:ACCUSE',
      'japan>russia:ACCUSE',
    ]);
  });
  // Constructions of the earlier window rules not yet read off the tree: expected to fail until they are.
  it.fails('several targets give one event per target', () => {
    expect(
      triples(
        '[Japan|japan] imposed sanctions on [Russia|russia], [Georgia|georgia] and [Egypt|egypt].',
      ),
    ).toEqual(['japan>russia:SANCTION', 'japan>georgia:SANCTION', 'japan>egypt:SANCTION']);
  });
  it('a coordinated verb phrase shares the subject', () => {
    expect(triples('[Egypt|egypt] met [Spain|spain] and then criticised [Japan|japan].')).toEqual([
      'egypt>spain:CONSULT',
      'egypt>japan:ACCUSE',
    ]);
  });
  it('an appositive between subject and verb is skipped', () => {
    expect(
      triples('[Li Wei|li-wei], [China|china]’s foreign minister, rebuked [Japan|japan].'),
    ).toEqual(['li-wei>japan:ACCUSE']);
  });
});

describe('events: reported speech', () => {
  it('a threat told to someone is THREATEN on the threatened party', () => {
    const t = triples(
      '[Tom Hale|tom-hale] told [Li Wei|li-wei] that strong measures would be taken against [Russia|russia] if it crossed the line.',
    );
    expect(t).toContain('tom-hale>russia:THREATEN');
  });
  // Constructions of the earlier window rules not yet read off the tree: expected to fail until they are.
  it.fails('"X told Y that Y must" is a REQUEST; a plain "told" is a consultation', () => {
    expect(
      triples(
        '[Tom Hale|tom-hale] told [Li Wei|li-wei] that he had a duty to restrain [Russia|russia]’s army.',
      ),
    ).toContain('tom-hale>li-wei:REQUEST');
    expect(triples('[Tom Hale|tom-hale] told [Li Wei|li-wei] about the harvest.')).toEqual([
      'tom-hale>li-wei:CONSULT',
    ]);
  });
  it('a hostile act claimed inside speech is ACCUSE by the speaker, never the act itself', () => {
    const t = triples('[Omar Farah|omar-farah] said [Russia|russia] had bombed [Georgia|georgia].');
    expect(t).toEqual(['omar-farah>russia:ACCUSE']);
  });
  it('an accusation stated as a judgement in speech targets the blamed actors', () => {
    const t = triples(
      '[Kaito Mori|kaito-mori] said the crisis had escalated because of actions by [Russia|russia] and [Georgia|georgia].',
    );
    expect(t).toEqual(['kaito-mori>russia:ACCUSE', 'kaito-mori>georgia:ACCUSE']);
  });
  it('a speaker’s own future cooperation is AGREE; own future hostility is THREATEN', () => {
    expect(
      triples(
        '[Spain|spain] is ready to work with [Egypt|egypt] on water, [Ana Ruiz|ana-ruiz] told [Omar Farah|omar-farah].',
      ),
    ).toContain('ana-ruiz>egypt:AGREE');
    expect(
      triples(
        '[Ivan Petrov|ivan-petrov] said [Russia|russia] would strike [Georgia|georgia] if provoked.',
      ),
    ).toContain('ivan-petrov>georgia:THREATEN');
  });
  it('urging a target to stop is hostile, urging it to help is neutral', () => {
    const hostile = events('[Egypt|egypt] urged [Russia|russia] to halt its advance.').found;
    expect(hostile.map((e) => [e.type, e.polarity])).toEqual([['REQUEST', 'hostile']]);
    const neutral = events('[Egypt|egypt] urged [Japan|japan] to help rebuild the port.').found;
    expect(neutral.map((e) => [e.type, e.polarity])).toEqual([['REQUEST', 'neutral']]);
  });
  it('"X accused Y of ..." is ACCUSE on Y only', () => {
    expect(
      triples('[Georgia|georgia] accused [Russia|russia] of attacking [Japan|japan]’s ships.'),
    ).toEqual(['georgia>russia:ACCUSE']);
    expect(triples('[Peru|peru] blamed [Chile|chile] for shelling [Bolivia|bolivia].')).toEqual([
      'peru>chile:ACCUSE',
    ]);
  });
  it('rejecting a "Y-led" proposal targets Y', () => {
    expect(triples('[Russia|russia] vetoed a [Japan|japan]-drafted resolution.')).toEqual([
      'russia>japan:REJECT',
    ]);
  });
});

describe('events: nominal events', () => {
  it.each([
    [
      'There was a meeting between [Ana Ruiz|ana-ruiz] and [Omar Farah|omar-farah].',
      'ana-ruiz>omar-farah:CONSULT',
    ],
    ['[Li Wei|li-wei]’s letter to [Kaito Mori|kaito-mori] was warm.', 'li-wei>kaito-mori:CONSULT'],
    ['[Ana Ruiz|ana-ruiz]’s visit to [Egypt|egypt] ended early.', 'ana-ruiz>egypt:CONSULT'],

    ['[Russia|russia]’s attack on [Georgia|georgia] drew protests.', 'russia>georgia:ASSAULT'],
  ])('%s', (sentence, expected) => {
    expect(triples(sentence)).toContain(expected);
  });

  // Constructions of the earlier window rules not yet read off the tree: expected to fail until they are.
  it.fails.each([
    [
      'The [Hale|tom-hale|surname]-[Li|li-wei|surname] summit ended without a deal.',
      'tom-hale>li-wei:CONSULT',
    ],
    [
      'In a phone call with [Omar Farah|omar-farah], [Ana Ruiz|ana-ruiz] discussed grain.',
      'ana-ruiz>omar-farah:CONSULT',
    ],
  ])('%s', (sentence, expected) => {
    expect(triples(sentence)).toContain(expected);
  });
});

describe('events: modes', () => {
  it.each([
    ['[Spain|spain] did not condemn [Egypt|egypt].', 'ACCUSE', 'negated'],
    ['[Spain|spain] never criticised [Egypt|egypt].', 'ACCUSE', 'negated'],
    ['[Spain|spain] failed to condemn [Egypt|egypt].', 'ACCUSE', 'negated'],
    ['[Russia|russia] could attack [Georgia|georgia].', 'ASSAULT', 'hypothetical'],
    ['[Japan|japan] will sanction [Russia|russia].', 'SANCTION', 'future'],
    ['[Ana Ruiz|ana-ruiz] is expected to visit [Egypt|egypt] next week.', 'AGREE', null],
    ['[Ana Ruiz|ana-ruiz] plans to meet [Omar Farah|omar-farah].', 'AGREE', null],
    ['[Spain|spain] refused to meet [Egypt|egypt].', 'REJECT', null],
    ['[Russia|russia] threatened to invade [Georgia|georgia].', 'THREATEN', null],
    ['[Li Wei|li-wei] vowed to cooperate with [Japan|japan].', 'AGREE', null],
  ])('%s', (sentence, type, mode) => {
    const found = events(sentence).found;
    expect(found.map((e) => [e.type, e.mode])).toEqual([[type, mode]]);
  });
});

describe('events: filters, dedup, provenance', () => {
  it('drops a person acting on their own state', () => {
    expect(triples('[Ana Ruiz|ana-ruiz] praised [Spain|spain] for its calm.')).toEqual([]);
  });
  it('descriptions and places are not events', () => {
    expect(triples('A [Russia|russia]-backed militia attacked the town.')).toEqual([]);
    expect(triples('[Spain|spain] held drills in [Egypt|egypt].')).toEqual([]);
    expect(triples('[Ana Ruiz|ana-ruiz] spoke to reporters in [Egypt|egypt].')).toEqual([]);
  });
  it('repeats of one (source, target, type) in an article are one event, keeping the most confident', () => {
    const { found } = events(
      '[Spain|spain] criticised [Egypt|egypt]. Later [it|spain|pronoun] criticised [Egypt|egypt] again.',
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.confidence).toBeGreaterThan(0.85);
  });
  it('confidence follows how the mentions were recognised', () => {
    const named = events('[Tom Hale|tom-hale] condemned [Russia|russia].').found[0]!;
    const pronoun = events('[He|tom-hale|pronoun] condemned [Russia|russia].').found[0]!;
    expect(named.confidence).toBeGreaterThan(0.85);
    expect(pronoun.confidence).toBeLessThan(0.7);
  });
  // Constructions of the earlier window rules not yet read off the tree: expected to fail until they are.
  it.fails('evidence lies inside its sentence and covers both actors', () => {
    const { text, found } = events(
      'Talks stalled. On Friday [Japan|japan] sanctioned [Russia|russia] over the war.',
    );
    const e = found[0]!;
    const quote = text.slice(e.start, e.end);
    expect(e.sentence).toBe(1);
    expect(quote).toContain('Japan');
    expect(quote).toContain('Russia');
    expect(quote).not.toContain('Talks');
  });
  it('dates come from the clause, else the published month', () => {
    const e = events('[Japan|japan] sanctioned [Russia|russia].', '2024-03-15').found[0]!;
    expect([e.date, e.datePrecision]).toEqual(['2024-03', 'month']);
  });
  it('reciprocal acts in both directions are one event', () => {
    const { found } = events(
      '[Spain|spain] met [Egypt|egypt] on Monday. [Egypt|egypt] met [Spain|spain] again on Tuesday.',
    );
    expect(found.filter((e) => e.type === 'CONSULT')).toHaveLength(1);
  });
});
