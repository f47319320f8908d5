// Claims inside reported speech: quotations that run over several sentences (attributed before,
// after, or by the sentence just before), claims that charge a wrong (wrongdoing predicates, clefts
// naming the wrongdoer) and claims that do not (forecasts, descriptions, other parties' worries).
import { describe, expect, it } from 'vitest';
import { triples } from './events-helpers.ts';

const charges = (marked: string): string[] => triples(marked).filter((t) => t.endsWith(':ACCUSE'));

describe('events: a quotation over several sentences', () => {
  it('is the content of a speaker named in its last sentence', () => {
    expect(
      charges(
        '“[Egypt|egypt] has been violating the water accord for years. It has to stop,” [Omar Farah|ethiopia-minister] said.',
      ),
    ).toEqual(['ethiopia-minister>egypt:ACCUSE']);
  });

  it('is the content of a speaker named where it opens, in every later sentence', () => {
    expect(
      charges(
        '[Li Wei|li-wei] said: “We want calm in the strait. [Japan|japan] is violating our waters.”',
      ),
    ).toEqual(['li-wei>japan:ACCUSE']);
  });

  it('is the content of the actor of the sentence just before when no one else speaks', () => {
    expect(
      charges(
        '[Ana Ruiz|ana-ruiz] was blunt on Tuesday. “[Morocco|morocco] is violating the fishing accord.”',
      ),
    ).toEqual(['ana-ruiz>morocco:ACCUSE']);
  });

  it('ends when another reporting verb, even of someone who is no actor, intervenes', () => {
    expect(
      charges(
        '[Ana Ruiz|ana-ruiz] said: “We want calm.” A fisherman in Cadiz told reporters that [Morocco|morocco] was violating the accord.',
      ),
    ).toEqual([]);
  });

  it('has no speaker when neither it nor the sentence before names one', () => {
    expect(
      charges(
        'The harbour was quiet. “[Morocco|morocco] is violating the fishing accord,” a fisherman said.',
      ),
    ).toEqual([]);
  });
});

describe('events: a claim inside speech that charges a wrong', () => {
  const cases: [string, string, string[]][] = [
    [
      'a particle verb of wrongdoing',
      '[Li Wei|li-wei] told reporters that tariffs were rising because “[Australia|australia] has been ripping off our exporters for a decade.”',
      ['li-wei>australia:ACCUSE'],
    ],
    [
      'cheating',
      '[Ivan Petrov|ivan-petrov] said [Georgia|georgia] had been cheating on the transit fees.',
      ['ivan-petrov>georgia:ACCUSE'],
    ],
    [
      'stealing',
      '“[Peru|peru] is stealing our anchovy stocks,” [Kaito Mori|kaito-mori] said.',
      ['kaito-mori>peru:ACCUSE'],
    ],
    [
      'brutality by a named doer',
      '[Tom Hale|tom-hale] said the protests were met with brutality by [Nicaragua|nicaragua].',
      ['tom-hale>nicaragua:ACCUSE'],
    ],
    [
      'a cleft whose relative clause charges the named actor',
      '“It is [Sudan|sudan] that is responsible for the border clashes,” [Omar Farah|omar-farah] said.',
      ['omar-farah>sudan:ACCUSE'],
    ],
    [
      'a bare cleft answering an unnamed blame in the quote before',
      '[Ana Ruiz|ana-ruiz] added, “We did not start this dispute. It is one man who is to blame. It is President [Tebboune|tebboune-person].”',
      ['ana-ruiz>tebboune-person:ACCUSE'],
    ],
  ];
  it.each(cases)('%s', (_label, marked, want) => {
    expect(charges(marked)).toEqual(want);
  });
});

describe('events: a claim inside speech that charges no one', () => {
  const cases: [string, string][] = [
    [
      'a forecast',
      '“[Chile|chile] will raise its copper output next year. Prices should fall,” [Ana Ruiz|ana-ruiz] said.',
    ],
    [
      'a description',
      '[Kaito Mori|kaito-mori] said: “[Vietnam|vietnam] has grown fast. Its exports doubled in five years.”',
    ],
    [
      'a bare cleft with no blame before it',
      '[Li Wei|li-wei] said: “It is President [Petrov|ivan-petrov|surname].”',
    ],
    [
      'a cleft whose relative clause decides nothing wrong',
      '[Li Wei|li-wei] said: “It is [Nepal|nepal] that will host the talks.”',
    ],
    [
      'a cleft naming the one wronged',
      '[Omar Farah|omar-farah] said: “It is [Chad|chad] that was harmed by the floods.”',
    ],
    [
      "other parties' worry about a wrong",
      '[Kaito Mori|kaito-mori] told reporters that [India|india] and [Vietnam|vietnam] are both concerned about [Chinese|china|demonym|attr] aggression.',
    ],
  ];
  it.each(cases)('%s', (_label, marked) => {
    expect(charges(marked)).toEqual([]);
  });

  it("the speaker's own worry about a wrong still charges it", () => {
    expect(
      charges(
        '[Kaito Mori|kaito-mori] said: “We are concerned about [Chinese|china|demonym|attr] aggression.”',
      ),
    ).toEqual(['kaito-mori>china:ACCUSE']);
  });
});

describe("events: what a speaker's own clause does not commit to", () => {
  it('a past hope is no pledge', () => {
    expect(
      triples(
        '“We hoped that it would be possible to settle our dispute with [Kenya|kenya] through talks,” [Ana Ruiz|ana-ruiz] said.',
      ),
    ).toEqual([]);
  });

  it('a passive with no doer is not the speaker’s act', () => {
    expect(
      triples('[Tom Hale|tom-hale] said: “The leader of [al-Shabaab|shabaab-org] was killed.”'),
    ).toEqual([]);
  });

  it('a future act of the speaker is still announced', () => {
    expect(
      triples('[Tom Hale|tom-hale] said: “We will impose sanctions on [Eritrea|eritrea].”'),
    ).toEqual(['tom-hale>eritrea:THREATEN']);
  });
});
