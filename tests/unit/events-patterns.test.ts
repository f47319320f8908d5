// The dependency patterns of multi-word and judgement predicates (graph-data/ontology/patterns.json)
// and the constructions read beside them: verb senses told apart by their arguments, requests in
// clauses and necessities, gerund clauses, charges given as reasons, apposed names, joined talks.
import { describe, expect, it } from 'vitest';
import { buildLexicon, lexicon } from '../../server/extract/events/lexicon.ts';
import { matchPattern } from '../../server/extract/events/patterns.ts';
import { treeOf } from '../../server/extract/events/tree.ts';
import { analysed, events, triples } from './events-helpers.ts';

describe('events: multi-word predicates as dependency patterns', () => {
  it.each([
    ["[Ghana|ghana] expressed concern over [Togo|togo]'s troop movements.", 'ghana>togo:ACCUSE'],
    ["[Rwanda|rwanda] called [Burundi|burundi]'s accusations baseless.", 'rwanda>burundi:REJECT'],
    ['[Uganda|uganda] called [Rwanda|rwanda]\'s policies "reckless".', 'uganda>rwanda:ACCUSE'],
    ['[Ghana|ghana] called [Togo|togo]’s conduct “irresponsible”.', 'ghana>togo:ACCUSE'],
    ['[Chile|chile] called [Bolivia|bolivia]’s claims “absurd”.', 'chile>bolivia:REJECT'],
    [
      '[Kenya|kenya] counts on [Ethiopia|ethiopia] to restrain the militias.',
      'kenya>ethiopia:REQUEST',
    ],
    [
      '[Canada|canada] named [the Proud Boys|proud-boys-org] a terrorist group.',
      'canada>proud-boys-org:SANCTION',
    ],
    [
      '[Paraguay|paraguay] was designated a terrorist state by [Bolivia|bolivia].',
      'bolivia>paraguay:SANCTION',
    ],
    ['[Nigeria|nigeria] gave [Niger|niger] 14 days to reopen the border.', 'nigeria>niger:REQUEST'],
    ['[Norway|norway] severed ties with [Belarus|belarus].', 'norway>belarus:SANCTION'],
    ['[Nicaragua|nicaragua] withdrew from [the OAS|oas-org].', 'nicaragua>oas-org:SANCTION'],
    ['[Mali|mali] left [ECOWAS|ecowas-org] last year.', 'mali>ecowas-org:SANCTION'],
    ['[Peru|peru] launched a trade war with [Chile|chile].', 'peru>chile:SANCTION'],
    ['[Russia|russia] is waging war against [Ukraine|ukraine].', 'russia>ukraine:ASSAULT'],
    ['[Brazil|brazil] hit [Argentina|argentina] with new tariffs.', 'brazil>argentina:SANCTION'],
    ['[Peru|peru] retaliated with tariffs on [Chilean|chile|demonym] wine.', 'peru>chile:SANCTION'],
  ])('%s', (sentence, expected) => {
    expect(triples(sentence)).toContain(expected);
  });

  it('a source slot acts on the head\'s subject ("met with opposition from Y")', () => {
    expect(
      triples("[Ethiopia|ethiopia]'s dam plan met with opposition from [Egypt|egypt]."),
    ).toContain('egypt>ethiopia:REJECT');
    const t = triples(
      "[Israel|israel]'s raid drew condemnation from [Jordan|jordan] and [Qatar|qatar].",
    );
    expect(t).toContain('jordan>israel:ACCUSE');
    expect(t).toContain('qatar>israel:ACCUSE');
    expect(triples('The raid drew condemnation from [Jordan|jordan].')).toEqual([]);
  });

  it('"called X" alone is a call, "called X a name" no event', () => {
    expect(triples('[Mexico|mexico] called [Cuba|cuba] yesterday.')).toEqual([
      'mexico>cuba:CONSULT',
    ]);
    expect(triples('[Ireland|ireland] called [Iceland|iceland] a close partner.')).toEqual([]);
  });

  it('a deadline with "14 days to leave" asks the target to give way', () => {
    const found = events(
      '[Nigeria|nigeria] gave [Niger|niger] 14 days to withdraw its troops.',
    ).found;
    expect(found.map((e) => [e.type, e.polarity])).toContainEqual(['REQUEST', 'hostile']);
  });

  it('a trade war with neighbours named in apposition reaches each of them', () => {
    const t = triples(
      "[Tom Hale|tom-hale] has been waging a tariff war with [America|united-states]'s neighbours — [Mexico|mexico] and [Canada|canada].",
    );
    expect(t).toContain('tom-hale>mexico:SANCTION');
    expect(t).toContain('tom-hale>canada:SANCTION');
    expect(triples('[Peru|peru] launched a campaign with [Chile|chile] to end poverty.')).toEqual(
      [],
    );
  });

  it('withdrawing from a place stays a retreat', () => {
    const t = triples('[Uganda|uganda] withdrew its troops from [Congo|congo].');
    expect(t).not.toContain('uganda>congo:SANCTION');
  });

  it('reads patterns from data: head, dependents by relation and the target slot', () => {
    const lex = buildLexicon(
      {
        verbs: [],
        nouns: [],
        control: {},
        cues: { stop: [], obligation: [], accusation: [], threat: [], hedge: [], led: [] },
      },
      {
        sets: { grief: ['sorrow'] },
        patterns: [
          {
            id: 'voice-sorrow',
            head: ['voice'],
            type: 'ACCUSE',
            deps: [
              { rel: ['obj'], lemma: ['@grief'] },
              { rel: ['obl'], case: ['at'], role: 'target' },
            ],
          },
        ],
      },
    );
    const { sentences, analysis } = analysed('[Fiji|fiji] voiced sorrow at [Tonga|tonga].');
    const s = sentences[0]!;
    const tree = treeOf(s, analysis.mentions, []);
    const verb = s.tokens.findIndex((t) => t.lemma === 'voice');
    const hit = matchPattern(tree, verb, lex.patterns);
    expect(hit?.pattern.id).toBe('voice-sorrow');
    expect(hit?.targets.map((m) => m.actor)).toEqual(['tonga']);
    expect(() =>
      buildLexicon(
        {
          verbs: [],
          nouns: [],
          control: {},
          cues: { stop: [], obligation: [], accusation: [], threat: [], hedge: [], led: [] },
        },
        {
          patterns: [
            {
              id: 'x',
              head: ['voice'],
              type: 'ACCUSE',
              deps: [{ rel: ['obj'], lemma: ['@missing'] }],
            },
          ],
        },
      ),
    ).toThrow(/unknown word set/);
  });

  it('the project lexicon holds the patterns the verb rows no longer do', () => {
    const lex = lexicon();
    expect(lex.patterns.get('sever')?.some((p) => p.id === 'sever-ties')).toBe(true);
    expect(lex.verbs.get('sever')).toBeUndefined();
    expect(lex.patterns.get('call')?.some((p) => p.type === 'none')).toBe(true);
  });
});

describe('events: constructions read off the tree', () => {
  it.each([
    [
      '[Kenya|kenya] demanded that [Somalia|somalia] withdraw its troops from the border.',
      'kenya>somalia:REQUEST',
    ],
    [
      '[Ana Ruiz|ana-ruiz] said [Morocco|morocco] needs to release the fishermen.',
      'ana-ruiz>morocco:REQUEST',
    ],
    [
      '[Peru|peru] retaliated by imposing tariffs on [Chilean|chile|demonym] copper.',
      'peru>chile:SANCTION',
    ],
    [
      '[Chad|chad] launched an offensive against the [Sudanese|sudan|demonym] militia, [the RSF|rsf-org].',
      'chad>rsf-org:ASSAULT',
    ],
    [
      '[Somalia|somalia] cut ties with [Kenya|kenya] for meddling in its affairs.',
      'somalia>kenya:ACCUSE',
    ],
    [
      '[Li Wei|li-wei] said he would urge [Vietnam|vietnam] to reconsider the ban.',
      'li-wei>vietnam:REQUEST',
    ],
    [
      '[Tom Hale|tom-hale] attacked [Reuters|reuters] over its coverage.',
      'tom-hale>reuters:ACCUSE',
    ],
    [
      "[Vietnam|vietnam] and [Malaysia|malaysia] contested [China|china]'s claims to the reefs.",
      'malaysia>china:REJECT',
    ],
    [
      '[Omar Farah|omar-farah] credited [Qatar|qatar] for its mediation.',
      'omar-farah>qatar:SUPPORT',
    ],
    [
      '[The court|icj-org] regrets the decision of [Kenya|kenya] not to take part.',
      'icj-org>kenya:ACCUSE',
    ],
    [
      '[Thailand|thailand] turned the activists over to [Cambodia|cambodia].',
      'thailand>cambodia:COOPERATE',
    ],
    [
      "[Kaito Mori|kaito-mori] will join [Tokyo|japan]'s trade envoy for talks with [Indian|india|demonym] officials.",
      'kaito-mori>india:AGREE',
    ],
    ['[Serbia|serbia] attended the [NATO|nato] summit in Vilnius.', 'serbia>nato:CONSULT'],
    [
      '[China|china] could retaliate with tariffs on [German|germany|demonym] and [Italian|italy|demonym] vehicles.',
      'china>italy:SANCTION',
    ],
    [
      '[Brazil|brazil] courted [Chile|chile], which [it|brazil|pronoun] had hit with tariffs in May.',
      'brazil>chile:SANCTION',
    ],
    [
      '[Ana Ruiz|ana-ruiz] said cheap [Chinese|china|demonym] steel is harming our industry.',
      'ana-ruiz>china:ACCUSE',
    ],
    [
      '[Ana Ruiz|ana-ruiz] said talks with [Morocco|morocco] must continue.',
      'ana-ruiz>morocco:AGREE',
    ],
    [
      '“If [Uganda|uganda] escalates, we will shut the electricity off completely,” [Ana Ruiz|ana-ruiz] said.',
      'ana-ruiz>uganda:THREATEN',
    ],
    [
      '[Tom Hale|tom-hale] said that if the duties are not dropped by [Mexico|mexico], he will raise tariffs on cars.',
      'tom-hale>mexico:THREATEN',
    ],
    ['[Peru|peru] delayed the tariffs on [Chilean|chile|demonym] wine.', 'peru>chile:CONCEDE'],
    ['[Peru|peru] doubled tariffs on [Chilean|chile|demonym] wine.', 'peru>chile:SANCTION'],
    [
      '[Ana Ruiz|ana-ruiz] tweeted, “It’s time to stop [Morocco|morocco]’s cruel attacks.”',
      'ana-ruiz>morocco:ACCUSE',
    ],
    [
      "[Ankara|turkey|metonym]'s purchase of [Russia|russia]'s S-400 system angered Washington.",
      'turkey>russia:COOPERATE',
    ],
  ])('%s', (sentence, expected) => {
    expect(triples(sentence)).toContain(expected);
  });

  it('vetoing an X-led resolution rejects its author, not the council it was put to', () => {
    const t = triples(
      '[Russia|russia] vetoed a [French|france|demonym]-drafted [UN Security Council|un-security-council] resolution on Mali.',
    );
    expect(t).toContain('russia>france:REJECT');
    expect(t).not.toContain('russia>un-security-council:REJECT');
  });

  it('attending a summit held in a state is no meeting with that state', () => {
    expect(triples('[Serbia|serbia] attended a summit in [Hungary|hungary].')).not.toContain(
      'serbia>hungary:CONSULT',
    );
  });

  it('the act a request asks for in a clause is not stated', () => {
    const t = triples(
      '[Kenya|kenya] demanded that [Somalia|somalia] withdraw its troops from [Ethiopia|ethiopia].',
    );
    expect(t).toContain('kenya>somalia:REQUEST');
    expect(t.some((x) => x.startsWith('somalia>'))).toBe(false);
  });

  it('both coordinated subjects of a necessity are asked', () => {
    const t = triples(
      '[Ana Ruiz|ana-ruiz] said both [Sudan|sudan] and [Chad|chad] need to reopen the crossings.',
    );
    expect(t).toContain('ana-ruiz>sudan:REQUEST');
    expect(t).toContain('ana-ruiz>chad:REQUEST');
  });

  it('an official and other officials of the same state are one party, the official the doer', () => {
    const t = triples(
      '[Tom Hale|tom-hale] and other [US|united-states] officials held talks with [Russian|russia|demonym] officials in Geneva.',
    );
    expect(t).toContain('tom-hale>russia:CONSULT');
    expect(t).not.toContain('united-states>russia:CONSULT');
  });

  it('a joined official is a fellow party, not a partner', () => {
    const t = triples(
      "[Kaito Mori|kaito-mori] will join [Tokyo|japan]'s trade envoy for talks with [Indian|india|demonym] officials.",
    );
    expect(t).not.toContain('kaito-mori>japan:AGREE');
    expect(t).not.toContain('kaito-mori>japan:COOPERATE');
  });

  it('a territorial claim contested is no charge by the claimant', () => {
    const t = triples(
      "[Vietnam|vietnam] and [Malaysia|malaysia] contested [China|china]'s claims to the reefs.",
    );
    expect(t).not.toContain('china>vietnam:ACCUSE');
  });

  it('telling a gathering is no talk with the body that holds it', () => {
    expect(
      triples('[Li Wei|li-wei] told a [UN General Assembly|unga-org] session that peace was near.'),
    ).toEqual([]);
    expect(triples('[Li Wei|li-wei] told [Kaito Mori|kaito-mori] that peace was near.')).toContain(
      'li-wei>kaito-mori:CONSULT',
    );
  });

  it('asking for talks with Y asks Y, and the talks are not held', () => {
    expect(triples('[Peru|peru] asked for talks with [Chile|chile].')).toEqual([
      'peru>chile:REQUEST',
    ]);
    expect(
      triples(
        '[Canada|canada] requested [WTO|wto-org] dispute consultations with [the U.S.|united-states].',
      ),
    ).toContain('canada>united-states:REQUEST');
  });

  it('what a phrase is about is no actor of it', () => {
    expect(triples('[Tom Hale|tom-hale] dismissed concerns about [Li Wei|li-wei].')).toEqual([]);
  });

  it('a state attacking a state is still force', () => {
    expect(triples('[Eritrea|eritrea] attacked [Ethiopia|ethiopia] at dawn.')).toContain(
      'eritrea>ethiopia:ASSAULT',
    );
  });
});
