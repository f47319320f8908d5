// The event stage reading each construction off the dependency tree, one own sentence per
// construction, from regions and actors the other event tests do not use.
import { describe, expect, it } from 'vitest';
import { events, triples } from './events-helpers.ts';

describe('events from the tree: arguments', () => {
  it.each([
    // nsubj + obj
    ['[Chile|chile] condemned [Bolivia|bolivia] on Tuesday.', 'chile>bolivia:ACCUSE'],
    // nsubj:pass + obl:agent
    ['[Bolivia|bolivia] was condemned by [Chile|chile].', 'chile>bolivia:ACCUSE'],
    // obl with its case word as the particle's object
    ['[Ghana|ghana] called on [Togo|togo] to reopen the border.', 'ghana>togo:REQUEST'],
    // obl with its case word as the target slot
    ['[Laos|laos] held talks with [Cambodia|cambodia] in Vientiane.', 'laos>cambodia:CONSULT'],
    ['[Norway|norway] imposed sanctions on [Belarus|belarus].', 'norway>belarus:SANCTION'],
    // xcomp control: "urged X to ..." is a request to X
    ['[Senegal|senegal] urged [Gambia|gambia] to release the fishermen.', 'senegal>gambia:REQUEST'],
    // an actor inside the subject phrase reaches the predicate
    [
      'Foreign ministers from the [African Union|african-union-org] urged [Sudan|sudan] to halt the fighting.',
      'african-union-org>sudan:REQUEST',
    ],
    // acl: a reduced relative clause with its agent
    [
      'Oslo welcomed the sanctions imposed by [Britain|united-kingdom] on [Belarus|belarus] last year.',
      'united-kingdom>belarus:SANCTION',
    ],
  ])('%s', (marked, want) => {
    expect(triples(marked)).toContain(want);
  });

  it('acl:relcl: the noun a relative clause hangs on is its doer', () => {
    expect(
      triples('[Eritrea|eritrea], which shelled [Djibouti|djibouti] last year, denied the report.'),
    ).toContain('eritrea>djibouti:ASSAULT');
  });

  it('nmod:poss gives the doer of a nominal event', () => {
    expect(triples("[Fiji|fiji]'s letter to [Tonga|tonga] was published on Friday.")).toContain(
      'fiji>tonga:CONSULT',
    );
  });

  it('conj: coordinated targets give one event each, coordinated doers each act', () => {
    const t = triples(
      '[Latvia|latvia] and [Estonia|estonia] condemned [Belarus|belarus] and [Russia|russia].',
    );
    for (const want of [
      'latvia>belarus:ACCUSE',
      'latvia>russia:ACCUSE',
      'estonia>belarus:ACCUSE',
      'estonia>russia:ACCUSE',
    ])
      expect(t).toContain(want);
  });

  it('a meeting of three parties is not split into pairs', () => {
    expect(
      triples('[Laos|laos], [Cambodia|cambodia] and [Thailand|thailand] met in Bangkok.'),
    ).toEqual([]);
  });
});

describe('events from the tree: reported speech', () => {
  it('a charge inside a content clause is the speaker’s ACCUSE of the doer', () => {
    expect(
      triples('[Armenia|armenia] said [Azerbaijan|azerbaijan] had shelled its villages.'),
    ).toEqual(['armenia>azerbaijan:ACCUSE']);
  });

  it('parataxis: the quote before "X said" is the content', () => {
    expect(
      triples('“[Azerbaijan|azerbaijan] must withdraw its troops,” [Armenia|armenia] said.'),
    ).toContain('armenia>azerbaijan:REQUEST');
  });

  it('the speaker of a quote carries into the next quoted sentence', () => {
    const t = triples(
      '“We will not accept this,” [Nepal|nepal] said on Monday. “[India|india] has violated our border again.”',
    );
    expect(t).toContain('nepal>india:ACCUSE');
  });

  it('a speaker’s own future cooperation is AGREE', () => {
    expect(
      triples('[Ecuador|ecuador] said it would work with [Colombia|colombia] on the border.'),
    ).toContain('ecuador>colombia:AGREE');
  });

  it('"according to X" makes X the speaker', () => {
    expect(
      triples('According to [Nepal|nepal], [China|china] had attacked [Bhutan|bhutan].'),
    ).toContain('nepal>china:ACCUSE');
  });
});

describe('events from the tree: judgements, denials, organizations', () => {
  it('"called the accusations baseless" rejects their author', () => {
    expect(triples("[Rwanda|rwanda] called [Burundi|burundi]'s accusations baseless.")).toContain(
      'rwanda>burundi:REJECT',
    );
  });

  it('"called X unacceptable" is ACCUSE, not a call', () => {
    const t = triples("[Mongolia|mongolia] called [China|china]'s move unacceptable.");
    expect(t).toContain('mongolia>china:ACCUSE');
    expect(t).not.toContain('mongolia>china:CONSULT');
  });

  it('a denial with no named author answers the earlier accuser', () => {
    const t = triples(
      '[Rwanda|rwanda] accused [Uganda|uganda] of backing rebels. [Uganda|uganda] denied the allegations.',
    );
    expect(t).toContain('rwanda>uganda:ACCUSE');
    expect(t).toContain('uganda>rwanda:REJECT');
  });

  it('withdrawing from an organization is SANCTION, from a place RETREAT', () => {
    expect(triples('[Nicaragua|nicaragua] withdrew from [the OAS|oas-org].')).toEqual([
      'nicaragua>oas-org:SANCTION',
    ]);
  });
});

describe('events from the tree: modes', () => {
  const modeOf = (marked: string) => events(marked).found.map((e) => [e.type, e.mode]);
  it.each([
    ['[Peru|peru] did not condemn [Ecuador|ecuador].', 'ACCUSE', 'negated'],
    [
      'If [Peru|peru] attacks [Ecuador|ecuador], the region will suffer.',
      'ASSAULT',
      'hypothetical',
    ],
    ['[Peru|peru] could sanction [Ecuador|ecuador].', 'SANCTION', 'hypothetical'],
    ['[Peru|peru] will meet [Ecuador|ecuador] next week.', 'AGREE', null],
    ['[Peru|peru] refused to condemn [Ecuador|ecuador].', 'ACCUSE', 'negated'],
    ['[Peru|peru] refused to meet [Ecuador|ecuador].', 'REJECT', null],
  ])('%s', (marked, type, mode) => {
    expect(modeOf(marked)).toContainEqual([type, mode]);
  });
});

describe('events from the tree: edges of the input', () => {
  it('a predicate as the last word (its particle would lie past the end) is no event and no error', () => {
    expect(triples('[Qatar|qatar] and [Oman|oman] met')).toEqual(['qatar>oman:CONSULT']);
    expect(triples('[Qatar|qatar] called')).toEqual([]);
  });
});
