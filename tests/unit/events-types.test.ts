// The PLOVER type of found relations in general news wording: trade wars, joint exercises, trials,
// asylum and aid shipments, "one of the worst ...", frozen ventures, requests for the return of
// people, warnings that endanger a party's forces, infinitives of control verbs the parser reads as
// purposes, and mutual recalls of envoys. Sentences are written for these tests.
import { describe, expect, it } from 'vitest';
import { lexicon } from '../../server/extract/events/lexicon.ts';
import { withControlledInfinitives } from '../../server/extract/events/infinitives.ts';
import { treeOf } from '../../server/extract/events/tree.ts';
import { analysed, triples } from './events-helpers.ts';
import { extractArticle } from '../../server/extract/index.ts';

describe('sides: groups that stand apart from their country', () => {
  it('a state acts on an armed group or a party based in it', () => {
    expect(triples('[Turkey|turkey] launched airstrikes against [the PKK|pkk] in Iraq.')).toEqual([
      'turkey>pkk:ASSAULT',
    ]);
    expect(
      triples('[The Labour Party|uk-labour-party] accused [Britain|united-kingdom] of neglect.'),
    ).toEqual(['uk-labour-party>united-kingdom:ACCUSE']);
  });

  it('a state and its own ministry stay one side, a party based there does not', () => {
    const found = (text: string): string[] =>
      extractArticle({ text, published: '2024-05-02' }).events.map(
        (e) => `${e.source}>${e.target}:${e.type}`,
      );
    expect(found("China's foreign ministry praised China on Monday.")).toEqual([]);
    expect(found('Britain’s Labour Party accused Britain of neglect on Monday.')).toContain(
      'uk-labour-party>united-kingdom:ACCUSE',
    );
  });

  it('launching a wave of strikes on a group founds nothing', () => {
    expect(triples('[Israel|israel] launched a wave of strikes on [Hezbollah|hezbollah].')).toEqual(
      ['israel>hezbollah:ASSAULT'],
    );
  });
});

describe('event types: keeping or restoring ties', () => {
  it('restoring, keeping or deepening ties with Y is COOPERATE', () => {
    expect(
      triples('[Qatar|qatar] restored diplomatic ties with [Bahrain|bahrain] in 2023.'),
    ).toEqual(['qatar>bahrain:COOPERATE']);
    expect(triples('[Oman|oman] maintains close ties with [Iran|iran].')).toEqual([
      'oman>iran:COOPERATE',
    ]);
  });

  it('a stated intent to keep ties is AGREE, and cutting them stays SANCTION', () => {
    expect(
      triples(
        '[The Andean Community|andean-community] said it will maintain trade relations with [Venezuela|venezuela].',
      ),
    ).toEqual(['andean-community>venezuela:AGREE']);
    expect(triples('[Jordan|jordan] cut ties with [Iran|iran].')).toEqual(['jordan>iran:SANCTION']);
  });
});

describe('event types: sanctions in trade and diplomacy', () => {
  it.each([
    ['[Brazil|brazil] ramped up its trade war with [Argentina|argentina] on Monday.'],
    ['[Vietnam|vietnam] intensified the tariff war with [Thailand|thailand] last month.'],
    ['[Kenya|kenya] froze a $2 billion deal with [China|china].'],
    ['[Ghana|ghana] halted cooperation with [Togo|togo] after the border clash.'],
  ])('%s is SANCTION', (sentence) => {
    const got = triples(sentence);
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((t) => t.endsWith(':SANCTION'))).toBe(true);
  });

  it('freezing a project names its funder as the target, by phrase or by demonym', () => {
    expect(triples('[Kenya|kenya] froze a railway project funded by [China|china].')).toEqual([
      'kenya>china:SANCTION',
    ]);
    expect(
      triples('[Kenya|kenya] last year froze a [Chinese|china|demonym]-funded gas pipeline.'),
    ).toEqual(['kenya>china:SANCTION']);
    expect(
      triples('[Laos|laos] suspended a [Japanese|japan|demonym]-backed port project.'),
    ).toEqual(['laos>japan:SANCTION']);
  });

  it('doers acting on "each other" or "one another" act on each other', () => {
    expect(
      triples('[Armenia|armenia] and [Azerbaijan|azerbaijan] accused each other of shelling.'),
    ).toEqual(['armenia>azerbaijan:ACCUSE', 'azerbaijan>armenia:ACCUSE']);
    expect(
      triples('[Ethiopia|ethiopia] and [Eritrea|eritrea] blamed one another for the clashes.'),
    ).toEqual(['ethiopia>eritrea:ACCUSE', 'eritrea>ethiopia:ACCUSE']);
    // A possessive "each other's" is no object of the act.
    expect(triples('[Kenya|kenya] accused [Uganda|uganda] of arming each other’s rebels.')).toEqual(
      ['kenya>uganda:ACCUSE'],
    );
  });

  it('two doers recalling or expelling envoys sanction each other', () => {
    expect(triples('[Peru|peru] and [Chile|chile] recalled their ambassadors.')).toEqual([
      'peru>chile:SANCTION',
      'chile>peru:SANCTION',
    ]);
    expect(
      triples("[Peru|peru] and [Chile|chile] expelled each other's diplomats in 2019."),
    ).toEqual(['peru>chile:SANCTION', 'chile>peru:SANCTION']);
    // Sanctions by two doers with no target name no one.
    expect(triples('[Peru|peru] and [Chile|chile] imposed new sanctions.')).toEqual([]);
  });
});

describe('event types: cooperation, aid and accusations', () => {
  it('a joint exercise with a partner is COOPERATE; an exercise near a state is MOBILIZE', () => {
    expect(triples('[Egypt|egypt] conducted joint drills with [Greece|greece].')).toEqual([
      'egypt>greece:COOPERATE',
    ]);
    expect(
      triples('[Egypt|egypt] staged naval exercises alongside [Greek|greece|demonym] forces.'),
    ).toEqual(['egypt>greece:COOPERATE']);
    expect(triples('[Egypt|egypt] staged naval exercises near [Libya|libya].')).toEqual([
      'egypt>libya:MOBILIZE',
    ]);
  });

  it('a joint operation or patrol with a partner is COOPERATE', () => {
    expect(
      triples('[Nigeria|nigeria] carried out a joint operation with [Chad|chad] near the lake.'),
    ).toEqual(['nigeria>chad:COOPERATE']);
  });

  it('granting asylum and handing over or sending shipments of relief are AID', () => {
    expect(
      triples('[Spain|spain] has granted asylum to three [Cuban|cuba|demonym] officers.'),
    ).toEqual(['spain>cuba:AID']);
    expect(
      triples(
        '[Japanese|japan|demonym] doctors handed over 2 tons of medicine to [the Red Cross|red-cross-org].',
      ),
    ).toEqual(['japan>red-cross-org:AID']);
    expect(triples('[Norway|norway] sent three shipments of food aid to [Yemen|yemen].')).toEqual([
      'norway>yemen:AID',
    ]);
  });

  it('putting someone on trial, indicting and prosecuting are ACCUSE', () => {
    expect(triples('[Iran|iran] put [Ana Ruiz|ana-ruiz] on trial on charges of spying.')).toEqual([
      'iran>ana-ruiz:ACCUSE',
    ]);
    expect(triples('[Iran|iran] indicted [Ana Ruiz|ana-ruiz] on espionage charges.')).toEqual([
      'iran>ana-ruiz:ACCUSE',
    ]);
  });

  it('"called X one of the worst ..." is ACCUSE; "one of the largest ..." is no event', () => {
    expect(
      triples(
        '[Tom Hale|tom-hale] called [Cuba|cuba] one of the worst abusers of human rights in the world.',
      ),
    ).toEqual(['tom-hale>cuba:ACCUSE']);
    expect(
      triples('[Tom Hale|tom-hale] called [Iran|iran] one of the most repressive governments.'),
    ).toEqual(['tom-hale>iran:ACCUSE']);
    expect(
      triples(
        '[Ana Ruiz|ana-ruiz] called [Belarus|belarus] one of the most dangerous regimes in Europe.',
      ),
    ).toEqual(['ana-ruiz>belarus:ACCUSE']);
    expect(
      triples('[Tom Hale|tom-hale] called [Brazil|brazil] one of the largest economies on earth.'),
    ).toEqual([]);
  });
});

describe('event types: a verb and the event noun it acts on', () => {
  it("the verb's type stands for the pair; the noun's own reading is no second act", () => {
    expect(
      triples('[The rebels|rebel-org] handed over their weapons to [the UN mission|un-org].'),
    ).toEqual(['rebel-org>un-org:RETREAT']);
    expect(triples('[Kenya|kenya] rejected the deal with [Somalia|somalia].')).toEqual([
      'kenya>somalia:REJECT',
    ]);
    // An act named by the noun between other parties stays.
    expect(
      triples("[Kenya|kenya] condemned [Somalia|somalia]'s attack on [Ethiopia|ethiopia]."),
    ).toEqual(['kenya>somalia:ACCUSE', 'somalia>ethiopia:ASSAULT']);
  });

  it('a penalty on goods bound for a state sanctions it; the goods sold are no trade act', () => {
    expect(
      triples(
        '[Brazil|brazil] imposed a 25% surcharge on electricity sold to [Argentina|argentina].',
      ),
    ).toEqual(['brazil>argentina:SANCTION']);
    expect(
      triples(
        '[Brazil|brazil] is adding a 10% levy on gas exported to [Argentine|argentina|demonym] customers.',
      ),
    ).toEqual(['brazil>argentina:SANCTION']);
    expect(triples('[Brazil|brazil] sold gas to [Argentina|argentina].')).toEqual([
      'brazil>argentina:COOPERATE',
    ]);
  });

  it('founding an organization needs the organization as the object itself', () => {
    expect(
      triples('[Mali|mali] launched an offensive against the armed group [JNIM|jnim-org].'),
    ).toEqual(['mali>jnim-org:ASSAULT']);
    expect(triples('[Mali|mali] and [Niger|niger] founded [the Sahel League|sahel-org].')).toEqual([
      'mali>sahel-org:SUPPORT',
      'niger>sahel-org:SUPPORT',
    ]);
  });
});

describe('event types: requests for the return of people', () => {
  it.each([
    ['[Pakistan|pakistan] asked for the return of 30 fishermen from [India|india].'],
    ['[Pakistan|pakistan] asked for the return of 30 fishermen held by [India|india].'],
    ['[Pakistan|pakistan] called for the release of the sailors detained in [India|india].'],
    ['[Pakistan|pakistan] sought the extradition of the two suspects from [India|india].'],
  ])('%s', (sentence) => {
    expect(triples(sentence)).toEqual(['pakistan>india:REQUEST']);
  });
});

describe('event types: warnings that endanger a party', () => {
  it('the owner of the forces or bases put at risk is threatened', () => {
    expect(
      triples(
        '[Ivan Petrov|ivan-petrov] warned that [American|united-states|demonym] bases in the region would be at risk if [Japan|japan] joined the blockade.',
      ),
    ).toContain('ivan-petrov>united-states:THREATEN');
    expect(
      triples(
        "[Iran|iran] issued a warning that [Israel|israel]'s embassies would become targets.",
      ),
    ).toEqual(['iran>israel:THREATEN']);
    expect(
      triples('[Iran|iran] threatened that [Israeli|israel|demonym] ships would be hit.'),
    ).toEqual(['iran>israel:THREATEN']);
  });

  it("a warning about the speaker's own side threatens no one", () => {
    expect(
      triples('[Ana Ruiz|ana-ruiz] warned that [Spanish|spain|demonym] troops would be at risk.'),
    ).toEqual([]);
  });
});

describe('event types: infinitives of control verbs read as purposes', () => {
  it('a threat, request or pledge keeps its type with a time word or object before "to"', () => {
    expect(
      triples(
        'A [Peruvian|peru|demonym] minister threatened today to impose import restrictions against [Chilean|chile|demonym] goods.',
      ),
    ).toEqual(['peru>chile:THREATEN']);
    expect(triples('[Kenya|kenya] is pressuring [Uganda|uganda] to reopen the border.')).toEqual([
      'kenya>uganda:REQUEST',
    ]);
  });

  it('a verb that also takes purposes keeps them ("called Y on Monday to discuss ...")', () => {
    expect(
      triples(
        '[Ivan Petrov|ivan-petrov] called [Li Wei|li-wei] on Monday to discuss the gas deal.',
      ),
    ).toEqual(['ivan-petrov>li-wei:CONSULT']);
  });

  it('relabels only a copy of the tree, never the parsed sentence', () => {
    const { sentences, analysis } = analysed(
      '[Kenya|kenya] is pressuring [Uganda|uganda] to reopen the border.',
    );
    const s = sentences[0]!;
    const tree = treeOf(s, analysis.mentions, [], lexicon().cues.led);
    const before = s.tokens.map((t) => t.deprel);
    const out = withControlledInfinitives(tree, lexicon());
    const reopen = out.tokens.findIndex((t) => t.text === 'reopen');
    expect(out.tokens[reopen]!.deprel).toBe('xcomp');
    expect(s.tokens.map((t) => t.deprel)).toEqual(before);
  });
});

describe('event types: acts stated as the means of another', () => {
  it('a "by" clause without a party of its own acts on the party of the main act', () => {
    expect(
      triples(
        '[Kenya|kenya] has worked with [Uganda|uganda] for years, including by repeatedly offering to resettle the refugees.',
      ),
    ).toEqual(['kenya>uganda:COOPERATE', 'kenya>uganda:AGREE']);
    expect(
      triples(
        '[Kenya|kenya] escalated its trade war with [Uganda|uganda] by first imposing and then delaying a 20% tariff.',
      ),
    ).toEqual(['kenya>uganda:SANCTION', 'kenya>uganda:CONCEDE']);
  });

  it('a passive agent is no means clause', () => {
    expect(triples('[Kenya|kenya] was attacked by [Uganda|uganda] at dawn.')).toEqual([
      'uganda>kenya:ASSAULT',
    ]);
  });
});

describe('event types: rejecting what another party offered', () => {
  it.each([
    ['[Peru|peru] turned down the offer from [Chile|chile].'],
    ['[Peru|peru] rejected an offer by [Chile|chile] to mediate.'],
    ['[Peru|peru] rebuffed a request from [Chile|chile] for talks.'],
  ])('%s', (sentence) => {
    expect(triples(sentence)).toEqual(['peru>chile:REJECT']);
  });
});

describe('event types: a judgement the parser hangs as an adverbial clause', () => {
  it('"called the decision deeply disappointing" is ACCUSE, not a call', () => {
    expect(
      triples('[Kenya|kenya] called the [Ugandan|uganda|demonym] decision deeply disappointing.'),
    ).toEqual(['kenya>uganda:ACCUSE']);
  });

  it('a marked clause after the object is no judgement', () => {
    expect(triples('[Kenya|kenya] called [Uganda|uganda] after losing the vote.')).toEqual([
      'kenya>uganda:CONSULT',
    ]);
  });
});

describe('denials answer the author a charge names on its participle', () => {
  it.each([
    ['[Vietnam|vietnam] denied the allegations made by [China|china].'],
    ['[Vietnam|vietnam] rejected the accusations levelled by [China|china] on Monday.'],
  ])('%s', (sentence) => {
    expect(triples(sentence)).toContain('vietnam>china:REJECT');
  });

  it('a charge with no author named stays without a target', () => {
    expect(triples('[Vietnam|vietnam] rejected the accusations on Monday.')).toEqual([]);
  });
});

describe('news outlets of every region are the press', () => {
  it.each([
    ["Kenya's finance minister told CNBC that Uganda must pay its debts.", 'cnbc'],
    [
      "Israel's defence minister told The Jerusalem Post that Syria must act.",
      'the-jerusalem-post',
    ],
    ['Turkey’s foreign minister told Daily Sabah that Greece must stop its drills.', 'daily-sabah'],
  ])('telling one is no CONSULT: %s', (text, outlet) => {
    const got = extractArticle({ text, published: '2024-05-02' }).events;
    expect(got.some((e) => e.source === outlet || e.target === outlet)).toBe(false);
    expect(got.some((e) => e.type === 'REQUEST')).toBe(true);
  });
});

describe('event types: striking, ramming and hitting back', () => {
  it('a state hitting or ramming another state’s boat assaults that state', () => {
    const found = (text: string): string[] =>
      extractArticle({ text, published: '2024-05-02' }).events.map(
        (e) => `${e.source}>${e.target}:${e.type}`,
      );
    expect(
      found('Two Chinese coast guard ships hit a Philippine supply boat with water cannons.'),
    ).toContain('china>philippines:ASSAULT');
    expect(found('The Chinese coast guard rammed a Vietnamese fishing boat.')).toContain(
      'china>vietnam:ASSAULT',
    );
    // Hitting back or out at a state is a verbal attack, not a place.
    expect(found('Kenya hit back at Uganda over the remarks.')).toEqual(['kenya>uganda:ACCUSE']);
    expect(found("Britain's prime minister hit out at Russia on Monday.")).toContainEqual(
      expect.stringMatching(/>russia:ACCUSE$/),
    );
  });
});
