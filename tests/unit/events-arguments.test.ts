// Arguments the event stage finds through the tree where the parse or the wording hides them: the
// state a visit goes to, the doer of a time clause hung on a noun, a list split into several subjects,
// an organization named by "known as", goods named by their origin or destination, aid that a halt
// withholds, one doer meeting several parties, a second "that" clause of a speech, a body named as a
// gathering, a stray subject or a name tagged as a copula, and patterns that constrain the kinds of
// their actors.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../server/extract/index.ts';
import { buildPatterns, matchPattern } from '../../server/extract/events/patterns.ts';
import { treeOf } from '../../server/extract/events/tree.ts';
import type { Mention } from '../../server/extract/types.ts';
import { analysed, triples } from './events-helpers.ts';

function extracted(text: string): string[] {
  return extractArticle({ text, published: '2024-05-02' }).events.map(
    (e) => `${e.source}>${e.target}:${e.type}`,
  );
}

describe('events: the state a visit goes to', () => {
  it('the object of "visit" hosts the visitor, a planned visit is an agreement', () => {
    expect(extracted('Kenyan President William Ruto visited Ethiopia on Monday.')).toContain(
      'william-ruto>ethiopia:CONSULT',
    );
    expect(extracted('Japanese Prime Minister Fumio Kishida will visit India next week.')).toEqual([
      'fumio-kishida>india:AGREE',
    ]);
  });

  it('a trip to a capital counts only when it is made for talks or a visit', () => {
    expect(
      extracted('Brazilian President Luiz Inacio Lula da Silva flew to Beijing for a state visit.'),
    ).toContain('luiz-inacio-lula-da-silva>china:CONSULT');
    expect(extracted('Viktor Orban travelled to Moscow to watch a football match.')).toEqual([]);
  });
});

describe('events: doers the parse leaves away from their verb', () => {
  it('a time clause hung on a noun shares the doer of the clause above', () => {
    expect(
      triples(
        '[Ana Ruiz|ana-ruiz] pledged to deepen trade ties after meeting with [Omar Farah|omar-farah].',
      ),
    ).toContain('ana-ruiz>omar-farah:CONSULT');
  });

  it('a list the parser reads as several subjects gives each its act', () => {
    const found = extracted(
      'Kenya, Uganda and Tanzania founded the East African Community in 2000.',
    );
    for (const state of ['kenya', 'uganda', 'tanzania'])
      expect(found).toContain(`${state}>east-african-community:SUPPORT`);
  });
});

describe('events: a stray subject the parser adds', () => {
  it('a demonym read as a second subject leaves the subject nearest the verb the speaker', () => {
    expect(
      triples(
        '[Chilean|chile|demonym] President [Ana Ruiz|ana-ruiz]’s communication chief, [Omar Farah|omar-farah], Monday tweeted, “It’s time to stop [Peru|peru]’s heinous and cruel attacks.”',
      ),
    ).toEqual(['omar-farah>peru:ACCUSE']);
  });

  it('titled names joined by "and" stay one list; a subject naming no actor gives way', () => {
    expect(
      triples(
        '[Egyptian|egypt|demonym] leader [Omar Farah|omar-farah] and [Russian|russia|demonym] President [Ivan Petrov|ivan-petrov] today signed a treaty of friendship and cooperation.',
      ),
    ).toEqual(['omar-farah>ivan-petrov:SUPPORT']);
    expect(
      triples(
        '[British|united-kingdom|demonym] aircraft using precision guided missiles killed 4 [Iraqis|iraq|demonym] in an attack on a suspected weapons supply.',
      ),
    ).toEqual(['united-kingdom>iraq:ASSAULT']);
  });
});

describe('events: names the tagger misreads', () => {
  it('an acronym tagged as a copula still names its phrase ("seven IS members")', () => {
    expect(
      triples(
        'Officials said [they|iraq|pronoun] arrested seven additional [IS|islamic-state] members in a raid.',
      ),
    ).toEqual(['iraq>islamic-state:COERCE']);
  });
});

describe('events: targets named inside a phrase', () => {
  it('founding a bloc "known as" a name supports the organization of that name', () => {
    const t = triples(
      '[Chad|chad] and [Sudan|sudan] formed a bloc known as [the Sahel League|sahel-league-org].',
    );
    expect(t).toContain('chad>sahel-league-org:SUPPORT');
    expect(t).toContain('sudan>sahel-league-org:SUPPORT');
  });

  it('a separation or a break from a state cuts ties with it', () => {
    expect(triples('[Ecuador|ecuador] announced a break with [Mexico|mexico].')).toEqual([
      'ecuador>mexico:SANCTION',
    ]);
    expect(triples('[Bolivia|bolivia] declared its separation from [Peru|peru].')).toEqual([
      'bolivia>peru:SANCTION',
    ]);
  });

  it('a "by" phrase hung on an active verb right after its object names the object\'s author', () => {
    // The parser hangs "by … court" on the verb, not on "ruling".
    expect(
      triples(
        '[Serbia|serbia] rejected a ruling by [Kosovo’s top court|kosovo-court-org] on Friday.',
      ),
    ).toEqual(['serbia>kosovo-court-org:REJECT']);
    expect(
      triples('[Ghana|ghana] rejected a ruling on Friday by [Togo’s top court|togo-court-org].'),
    ).toEqual([]);
  });

  it('goods are those of their origin, not of their destination', () => {
    expect(triples('[Peru|peru] slapped tariffs on wines coming from [Chile|chile].')).toEqual([
      'peru>chile:SANCTION',
    ]);
    expect(
      triples(
        '[Vietnam|vietnam] imposed new duties on $2 billion worth of [Thailand|thailand] exports to [its|vietnam|pronoun] western neighbor.',
      ),
    ).toEqual(['vietnam>thailand:SANCTION']);
  });

  it('aid or talks that a halt stops are withheld, by the halt’s own doer', () => {
    expect(triples('[Germany|germany] announced a suspension of aid to [Niger|niger].')).toEqual([
      'germany>niger:SANCTION',
    ]);
    expect(triples('[Norway|norway] paused aid to [Sudan|sudan].')).toEqual([
      'norway>sudan:SANCTION',
    ]);
    expect(triples('[Kenya|kenya] condemned the suspension of aid to [Somalia|somalia].')).toEqual(
      [],
    );
  });
});

describe('events: meetings of one doer with several parties', () => {
  it('one doer meeting two parties meets each; three doers meeting is no pairwise meeting', () => {
    expect(
      triples('[Li Wei|li-wei] met with [Kaito Mori|kaito-mori] and [Tom Hale|tom-hale] in Hanoi.'),
    ).toEqual(['li-wei>kaito-mori:CONSULT', 'li-wei>tom-hale:CONSULT']);
    expect(triples('[Spain|spain], [Egypt|egypt] and [Peru|peru] held talks in Lima.')).toEqual([]);
  });
});

describe('events: speech read through the parse', () => {
  it('a second "that" clause coordinated with the reporting verb is still its content', () => {
    expect(
      triples(
        '[Tom Hale|tom-hale] said, adding that the talks had stalled, and that both [Chile|chile] and [Bolivia|bolivia] need to make concessions.',
      ),
    ).toEqual(['tom-hale>chile:REQUEST', 'tom-hale>bolivia:REQUEST']);
  });

  it('telling a body named as a gathering is no talk with it', () => {
    expect(
      triples('[Li Wei|li-wei] told [the UN General Assembly|unga-org] that peace was near.'),
    ).toEqual([]);
    expect(
      triples(
        '[Li Wei|li-wei] told [the Security Council|un-security-council] that peace was near.',
      ),
    ).toEqual(['li-wei>un-security-council:CONSULT']);
  });
});

describe('events: patterns constrained by actor kinds', () => {
  it("a person's attack on a person or the press is in words; on a state it is force", () => {
    expect(
      triples('[Reuters|reuters] was attacked by [Tom Hale|tom-hale] over its reporting.'),
    ).toEqual(['tom-hale>reuters:ACCUSE']);
    expect(triples("[Ivan Petrov|ivan-petrov] attacked [Georgia|georgia]'s army.")).toEqual([
      'ivan-petrov>georgia:ASSAULT',
    ]);
  });

  it('a joined party acts beside the joiner; joining talks with no other party is no event', () => {
    expect(
      triples(
        '[Ana Ruiz|ana-ruiz] will join [Omar Farah|omar-farah] for talks with [Tunisia|tunisia].',
      ),
    ).toEqual(['ana-ruiz>tunisia:AGREE', 'omar-farah>tunisia:AGREE']);
    expect(triples('[Ana Ruiz|ana-ruiz] joined [Omar Farah|omar-farah] in the talks.')).toEqual([]);
  });

  it('a source kind is checked on the head’s doers, only when a pattern asks for one', () => {
    const patterns = buildPatterns(
      {
        patterns: [
          {
            id: 'scold-by-state',
            head: ['scold'],
            type: 'ACCUSE',
            source: { kind: 'state' },
            deps: [{ rel: ['obj'], role: 'target' }],
          },
          {
            id: 'scold',
            head: ['scold'],
            type: 'REQUEST',
            deps: [{ rel: ['obj'], role: 'target' }],
          },
        ],
      },
      {},
    );
    const { sentences, analysis } = analysed('[Ghana|ghana] scolded [Togo|togo].');
    const s = sentences[0]!;
    const tree = treeOf(s, analysis.mentions, []);
    const verb = s.tokens.findIndex((t) => t.lemma === 'scold');
    const kindOf = (a: string) => analysis.actors.get(a)?.kind;
    const doer =
      (id: string): (() => Mention[]) =>
      () => [{ ...analysis.mentions[0]!, actor: id }];
    expect(matchPattern(tree, verb, patterns, kindOf, doer('ghana'))?.pattern.id).toBe(
      'scold-by-state',
    );
    expect(matchPattern(tree, verb, patterns, () => 'person', doer('ghana'))?.pattern.id).toBe(
      'scold',
    );
    // Without the doers the constrained pattern cannot hold.
    expect(matchPattern(tree, verb, patterns, kindOf)?.pattern.id).toBe('scold');
  });
});

describe('a party hung on a setting phrase of the verb', () => {
  it.each([
    [
      "[Ghana's president|nana-akufo-addo] spoke by phone with [Nigeria's president|bola-tinubu] on Sunday.",
      ['nana-akufo-addo>bola-tinubu:CONSULT'],
    ],
    ['[Kenya|kenya] met in Geneva on Monday with [Ethiopia|ethiopia].', ['kenya>ethiopia:CONSULT']],
    [
      "[Kenya's president|william-ruto] spoke by phone Sunday with [Uganda's president|yoweri-museveni].",
      ['william-ruto>yoweri-museveni:CONSULT'],
    ],
  ])('%s', (sentence, expected) => {
    expect(triples(sentence)).toEqual(expected);
  });

  it('does not make an instrument a party', () => {
    expect(triples('[Russia|russia] attacked [Ukraine|ukraine] on Monday with drones.')).toEqual([
      'russia>ukraine:ASSAULT',
    ]);
  });
});

describe('an event noun named as a means is no act', () => {
  it('"promoting a settlement via dialogue" holds no talks', () => {
    expect(
      triples(
        '[Mexico|mexico] and [Uruguay|uruguay] stayed neutral, promoting a settlement via dialogue.',
      ),
    ).toEqual([]);
  });

  it('talks held are still talks', () => {
    expect(triples('[Kenya|kenya] and [Uganda|uganda] held talks in Nairobi.')).toEqual([
      'kenya>uganda:CONSULT',
    ]);
  });
});

describe('officials placed in a state are its counterparts in a meeting', () => {
  const found = (text: string): string[] =>
    extractArticle({ text, published: '2024-05-02' }).events.map(
      (e) => `${e.source}>${e.target}:${e.type}`,
    );

  it('"met with officials in Germany, France and Italy" meets each state', () => {
    const got = found("China's commerce minister met with officials in Germany, France and Italy.");
    expect(got).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/>germany:CONSULT$/),
        expect.stringMatching(/>france:CONSULT$/),
        expect.stringMatching(/>italy:CONSULT$/),
      ]),
    );
  });

  it('reads a place deep in the officials’ phrase ("in charge of trade in Uganda and Rwanda")', () => {
    const got = found(
      "Kenya's trade minister met officials and business leaders in charge of trade in Uganda and Rwanda.",
    );
    expect(got.some((e) => e.endsWith('>uganda:CONSULT'))).toBe(true);
    expect(got.some((e) => e.endsWith('>rwanda:CONSULT'))).toBe(true);
  });

  it('takes no host when the officials are named by their state, and no place when none is said', () => {
    const got = found("Kenya's trade minister met with Ugandan officials in Nairobi.");
    expect(got.every((e) => !e.endsWith('>kenya:CONSULT'))).toBe(true);
    expect(found("Kenya's trade minister met with officials on Monday.")).toEqual([]);
  });
});
