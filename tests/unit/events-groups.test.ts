// Groups of actors as doers and targets: plural descriptions ("the three nations", "the trio",
// "both sides", "the other two countries") and unresolved plural pronouns standing for a list named
// before, lists introduced by a dash, a colon or "including", and lists the parser split up.
import { describe, expect, it } from 'vitest';
import { findEvents } from '../../server/extract/events/index.ts';
import { extractArticle } from '../../server/extract/index.ts';
import { analysed, triples } from './events-helpers.ts';

/** Whether a reciprocal pair appears with the type, in either direction. */
function hasPair(found: string[], a: string, b: string, type: string): boolean {
  return found.includes(`${a}>${b}:${type}`) || found.includes(`${b}>${a}:${type}`);
}

describe('events: plural descriptions of a list named before', () => {
  it.each([
    [
      // A number and a noun of the list's kind, as the target of a later act.
      '[Ecuador|ecuador], [Peru|peru] and [Colombia|colombia] signed a fisheries pact on Monday. [Chile|chile] criticised the three countries for overfishing.',
      ['chile>ecuador:ACCUSE', 'chile>peru:ACCUSE', 'chile>colombia:ACCUSE'],
    ],
    [
      // "the trio", two sentences on, as the doer.
      '[Kuwait|kuwait], [Oman|oman] and [Qatar|qatar] held talks in Doha. The meeting lasted four hours. The trio then urged [Iran|iran] to free the tanker.',
      ['kuwait>iran:REQUEST', 'oman>iran:REQUEST', 'qatar>iran:REQUEST'],
    ],
    [
      // "all three" as the doer.
      '[Kuwait|kuwait], [Oman|oman] and [Qatar|qatar] held talks in Doha. All three urged [Iran|iran] to free the tanker.',
      ['kuwait>iran:REQUEST', 'oman>iran:REQUEST', 'qatar>iran:REQUEST'],
    ],
    [
      // The target of a "to" phrase.
      '[Ecuador|ecuador] and [Peru|peru] signed a border deal. [Colombia|colombia] later sent aid to the two neighbours.',
      ['colombia>ecuador:AID', 'colombia>peru:AID'],
    ],
    [
      // "the other three countries": the list of four without the doer itself.
      '[Qatar|qatar], [Oman|oman], [Kuwait|kuwait] and [Bahrain|bahrain] held a summit. [Qatar|qatar] later accused the other three countries of hoarding gas.',
      ['qatar>oman:ACCUSE', 'qatar>kuwait:ACCUSE', 'qatar>bahrain:ACCUSE'],
    ],
    [
      // Two leaders described as persons.
      '[Ana Ruiz|ana-ruiz] and [Li Wei|li-wei] met in Madrid. Both leaders praised [Egypt|egypt].',
      ['ana-ruiz>egypt:SUPPORT', 'li-wei>egypt:SUPPORT'],
    ],
    [
      // "both" and "the two" standing alone, as target and as doer.
      '[Lithuania|lithuania] and [Latvia|latvia] signed a deal. [Belarus|belarus] later threatened both.',
      ['belarus>lithuania:THREATEN', 'belarus>latvia:THREATEN'],
    ],
    [
      '[Lithuania|lithuania] and [Latvia|latvia] signed a deal. The two accused [Belarus|belarus] of smuggling.',
      ['lithuania>belarus:ACCUSE', 'latvia>belarus:ACCUSE'],
    ],
    [
      // A possessive "their" inside the doer's phrase.
      '[Kyrgyzstan|kyrgyzstan] and [Tajikistan|tajikistan] signed a water deal. Their leaders later criticised [Russia|russia].',
      ['kyrgyzstan>russia:ACCUSE', 'tajikistan>russia:ACCUSE'],
    ],
  ])('%s', (text, expected) => {
    const found = triples(text);
    expect(found).toEqual(expect.arrayContaining(expected));
    // Never an event with the group word itself.
    expect(found.every((t) => !t.includes('group:'))).toBe(true);
  });

  it('a pair that clashed is "the two sides" that later agree', () => {
    const found = triples(
      '[Kyrgyzstan|kyrgyzstan] and [Tajikistan|tajikistan] clashed at the border. The two sides later agreed to a ceasefire.',
    );
    expect(hasPair(found, 'kyrgyzstan', 'tajikistan', 'AGREE')).toBe(true);
  });

  it('"both countries" after two leaders are the states they serve', () => {
    const { text, sentences, analysis } = analysed(
      '[Ana Ruiz|ana-ruiz] met [Li Wei|li-wei] in Madrid. [Egypt|egypt] praised both countries.',
    );
    for (const id of ['spain', 'china'])
      analysis.actors.set(id, { id, name: id, kind: 'state', country: id });
    const found = findEvents(text, sentences, analysis, '2024-03-15').map(
      (e) => `${e.source}>${e.target}:${e.type}`,
    );
    expect(found).toEqual(expect.arrayContaining(['egypt>spain:SUPPORT', 'egypt>china:SUPPORT']));
  });

  it.each([
    // The number does not fit the list.
    '[Kuwait|kuwait], [Oman|oman] and [Qatar|qatar] held talks. [Iran|iran] later criticised the two countries.',
    // The noun does not fit the kind: states are no leaders.
    '[Ecuador|ecuador] and [Peru|peru] signed a border deal. [Chile|chile] later criticised the two leaders.',
    // No determiner: "two countries" are new ones, not the pair named before.
    '[Ecuador|ecuador] and [Peru|peru] signed a border deal. Two countries later criticised [Chile|chile]. [Chile|chile] thanked them.',
    // "both sides of the border" is a place, not the pair.
    '[Ecuador|ecuador] and [Peru|peru] signed a border deal. Police on both sides of the river arrested [Chile|chile]’s envoy.',
    // The list lies too far back.
    '[Ecuador|ecuador] and [Peru|peru] signed a border deal. Rain fell. Roads closed. Schools shut. Trains stopped. Markets fell. [Chile|chile] later criticised the two countries.',
  ])('no group: %s', (text) => {
    const found = triples(text);
    expect(found.filter((t) => t.startsWith('chile>') || t.startsWith('iran>'))).toEqual([]);
  });
});

describe('events: plural pronouns the coreference stage left open', () => {
  it('"they" as the doer after a list of subjects', () => {
    expect(
      triples(
        '[Kazakhstan|kazakhstan] and [Uzbekistan|uzbekistan] rejected the plan. They accused [Russia|russia] of meddling.',
      ),
    ).toEqual(expect.arrayContaining(['kazakhstan>russia:ACCUSE', 'uzbekistan>russia:ACCUSE']));
  });

  it('"them" as the target', () => {
    expect(
      triples(
        '[Kazakhstan|kazakhstan] and [Uzbekistan|uzbekistan] rejected the plan. [Russia|russia] criticised them.',
      ),
    ).toEqual(expect.arrayContaining(['russia>kazakhstan:ACCUSE', 'russia>uzbekistan:ACCUSE']));
  });

  it.each([
    // Another plural subject comes between: "they" are the protesters.
    '[Kuwait|kuwait] and [Oman|oman] signed a deal. The protesters criticised [Iran|iran]. They also condemned [Iraq|iraq].',
    // The plural subject of the pronoun's own sentence.
    '[Kuwait|kuwait] and [Oman|oman] signed a deal. Fishermen in the region praised them.',
    // The list is two sentences back.
    '[Kuwait|kuwait] and [Oman|oman] signed a deal. Prices fell. They condemned [Iraq|iraq].',
  ])('no group: %s', (text) => {
    const found = triples(text);
    expect(found.filter((t) => t.includes('iraq') || t.endsWith(':SUPPORT'))).toEqual(
      found.filter((t) => t === 'kuwait>oman:SUPPORT' || t === 'oman>kuwait:SUPPORT'),
    );
  });
});

describe('plural pronouns through the coreference stage', () => {
  /** "source>target:TYPE" of the whole extraction, actors found by the actor stage. */
  const extracted = (text: string): string[] =>
    extractArticle({ text }).events.map((e) => `${e.source}>${e.target}:${e.type}`);

  it('"they" after two organizations is both of them, not the nearer one', () => {
    const found = extracted(
      'NATO and the African Union met in Addis Ababa. They later urged Russia to withdraw.',
    );
    expect(found).toEqual(
      expect.arrayContaining(['nato>russia:REQUEST', 'african-union>russia:REQUEST']),
    );
  });

  it('a singular pronoun still takes one organization', () => {
    const found = extracted(
      'NATO and the African Union met in Addis Ababa. It later urged Russia to withdraw.',
    );
    expect(found.filter((e) => e.endsWith('>russia:REQUEST'))).toHaveLength(1);
  });
});

describe('events: lists introduced inside a phrase', () => {
  it.each([
    [
      // After a dash.
      '[Qatar|qatar] has been waging a trade war with its largest suppliers — [Peru|peru], [Chile|chile] and [Bolivia|bolivia].',
      ['qatar>peru:SANCTION', 'qatar>chile:SANCTION', 'qatar>bolivia:SANCTION'],
    ],
    [
      // After a colon.
      '[Uzbekistan|uzbekistan] imposed tariffs on its neighbours: [Kyrgyzstan|kyrgyzstan] and [Tajikistan|tajikistan].',
      ['uzbekistan>kyrgyzstan:SANCTION', 'uzbekistan>tajikistan:SANCTION'],
    ],
    [
      // "including" with two examples.
      '[Qatar|qatar] imposed sanctions on 12 countries, including [Oman|oman] and [Bahrain|bahrain].',
      ['qatar>oman:SANCTION', 'qatar>bahrain:SANCTION'],
    ],
    [
      // A list inside a phrase whose rule reads one actor: each listed backer.
      '[Kenya|kenya] welcomed the support of [Chile|chile], [Peru|peru] and [Bolivia|bolivia].',
      ['kenya>chile:SUPPORT', 'kenya>peru:SUPPORT', 'kenya>bolivia:SUPPORT'],
    ],
    [
      // "including" with one.
      '[Uzbekistan|uzbekistan] criticised several governments, including [Kyrgyzstan|kyrgyzstan].',
      ['uzbekistan>kyrgyzstan:ACCUSE'],
    ],
  ])('%s', (text, expected) => {
    expect(triples(text)).toEqual(expect.arrayContaining(expected));
  });
});

describe('events: a list the parser split up acts as a whole', () => {
  it.each([
    [
      // The parser hangs the first name apart ("Norway" as discourse) and the rest as the subject.
      '[Norway|norway], [Finland|finland] and the [Netherlands|netherlands] all urged [Belarus|belarus] to free the reporters.',
      ['norway>belarus:REQUEST', 'finland>belarus:REQUEST', 'netherlands>belarus:REQUEST'],
    ],
    [
      // Several subjects: each acts (and together they are the list "the three countries" names).
      '[Ecuador|ecuador], [Peru|peru] and [Colombia|colombia] signed a fisheries pact. [Chile|chile] criticised the three countries for overfishing.',
      ['chile>ecuador:ACCUSE', 'chile>peru:ACCUSE', 'chile>colombia:ACCUSE'],
    ],
    [
      '[Kuwait|kuwait], [Oman|oman], [Qatar|qatar] and [Bahrain|bahrain] condemned [Iran|iran].',
      ['kuwait>iran:ACCUSE', 'oman>iran:ACCUSE', 'qatar>iran:ACCUSE', 'bahrain>iran:ACCUSE'],
    ],
  ])('%s', (text, expected) => {
    expect(triples(text)).toEqual(expect.arrayContaining(expected));
  });

  it('an apposed second name with the list going on after it ("A, B and C" split three ways)', () => {
    // The tree of one parse: "Kenya" the subject, "Uganda" its apposition, "and the Comoros" a
    // second subject with the coordinator hung on the verb.
    const marked =
      '[Kenya|kenya], [Uganda|uganda] and the [Comoros|comoros] all urged [Somalia|somalia] to vote.';
    const { text, sentences, analysis } = analysed(marked);
    const shape: [number, string][] = [
      [7, 'nsubj'],
      [2, 'punct'],
      [0, 'appos'],
      [7, 'cc'],
      [5, 'det'],
      [7, 'nsubj'],
      [7, 'advmod'],
      [-1, 'root'],
      [7, 'obj'],
      [10, 'mark'],
      [7, 'xcomp'],
      [7, 'punct'],
    ];
    const tokens = sentences[0]!.tokens;
    expect(tokens.map((t) => t.text).join(' ')).toBe(
      'Kenya , Uganda and the Comoros all urged Somalia to vote .',
    );
    tokens.forEach((t, i) => {
      t.head = shape[i]![0];
      t.deprel = shape[i]![1];
    });
    const found = findEvents(text, sentences, analysis, '2024-03-15').map(
      (e) => `${e.source}>${e.target}:${e.type}`,
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'kenya>somalia:REQUEST',
        'uganda>somalia:REQUEST',
        'comoros>somalia:REQUEST',
      ]),
    );
  });

  it('two names of different kinds side by side are no list', () => {
    // A person and the body they lead: the apposition names one side.
    const found = triples(
      '[Omar Farah|omar-farah], [Egypt|egypt]’s envoy, and [Li Wei|li-wei] condemned [Iran|iran].',
    );
    expect(found).not.toContain('egypt>iran:ACCUSE');
  });
});

describe('events: plural subjects for the pair named before', () => {
  it.each([
    [
      '[Chile|chile] and [Peru|peru] held talks on Monday. They agreed to set up a joint fisheries commission.',
      ['chile', 'peru', 'AGREE'],
    ],
    [
      '[Ana Ruiz|ana-ruiz] met [Li Wei|li-wei] in Madrid. The two leaders agreed to expand flights.',
      ['ana-ruiz', 'li-wei', 'AGREE'],
    ],
    [
      '[Kenya|kenya] and [Ethiopia|ethiopia] held talks in Nairobi. Officials said the two sides agreed to reopen the road.',
      ['kenya', 'ethiopia', 'AGREE'],
    ],
  ])('%s', (text, [a, b, type]) => {
    expect(hasPair(triples(text), a!, b!, type!)).toBe(true);
  });

  it('persons stand for their states when the phrase names countries', () => {
    const { text, sentences, analysis } = analysed(
      '[Ana Ruiz|ana-ruiz] met [Li Wei|li-wei] in Madrid. Both countries pledged to keep the border open.',
    );
    for (const id of ['spain', 'china'])
      analysis.actors.set(id, { id, name: id, kind: 'state', country: id });
    const found = findEvents(text, sentences, analysis, '2024-03-15').map(
      (e) => `${e.source}>${e.target}:${e.type}`,
    );
    expect(hasPair(found, 'spain', 'china', 'AGREE')).toBe(true);
  });

  it.each([
    // "they" reaches only the sentence right before.
    '[Chile|chile] and [Peru|peru] held talks on Monday. Fish prices rose. They agreed to set up a commission.',
    // Two different pairs before: ambiguous.
    '[Chile|chile] met [Peru|peru] and [Egypt|egypt] met [Spain|spain] on Monday. They agreed to set up a commission.',
    // "the two leaders" cannot be two states.
    '[Chile|chile] and [Peru|peru] held talks on Monday. The two leaders agreed to set up a commission.',
    // "the two leaders" cannot be a state and a person.
    '[Chile|chile] met [Li Wei|li-wei] on Monday. The two leaders agreed to set up a commission.',
    // The plural subject of the pronoun's own clause is the nearer group.
    '[Chile|chile] and [Peru|peru] held talks on Monday. Fishermen agreed to support them.',
  ])('no resolution: %s', (text) => {
    expect(triples(text).filter((t) => t.endsWith(':AGREE'))).toEqual([]);
  });
});
