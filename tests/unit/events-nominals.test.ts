// Events whose act or one of its parties sits inside a noun phrase or a relative clause: possessed
// objects, nominal acts with a possessive or "by" doer, requests defied or heeded, reduced and full
// relative clauses, "with support from" phrases and gerund complements.
import { describe, expect, it } from 'vitest';
import { framesOf } from '../../server/extract/events/frames.ts';
import { lexicon } from '../../server/extract/events/lexicon.ts';
import { treeOf } from '../../server/extract/events/tree.ts';
import type { Mention, Sentence, Token } from '../../server/extract/types.ts';
import { triples } from './events-helpers.ts';

/**
 * Frames of a parse written by hand, one token per line part "word lemma UPOS XPOS deprel head",
 * with the actor of some tokens: for parses the parser gives to real sentences that a test
 * sentence may not reproduce.
 */
function framesOfParse(rows: string[], actors: Record<number, string>): string[] {
  let text = '';
  const tokens: Token[] = rows.map((row) => {
    const [word, lemma, pos, xpos, deprel, head] = row.split(' ') as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (text) text += ' ';
    const start = text.length;
    text += word;
    return { text: word, lemma, pos, xpos, deprel, head: Number(head), start, end: text.length };
  });
  const sentence: Sentence = { index: 0, start: 0, end: text.length, text, tokens, names: [] };
  const mentions: Mention[] = Object.entries(actors).map(([i, actor]) => ({
    actor,
    start: tokens[Number(i)]!.start,
    end: tokens[Number(i)]!.end,
    sentence: 0,
    via: 'name',
  }));
  const lex = lexicon();
  const out: string[] = [];
  for (const f of framesOf(treeOf(sentence, mentions, [], lex.cues.led), lex))
    for (const src of f.sources)
      for (const t of f.targets) out.push(`${src.actor}>${t.actor}:${f.type}`);
  return out;
}

describe('events: the possessor of a claim, demand or offer is the target', () => {
  it.each([
    [
      "[Vietnam|vietnam] and [Indonesia|indonesia] disputed [Beijing|china|metonym]'s claims over the islands.",
      ['vietnam>china:REJECT', 'indonesia>china:REJECT'],
    ],
    ["[Ghana|ghana] welcomed [Seoul|south-korea|metonym]'s offer.", ['ghana>south-korea:SUPPORT']],
    ["[Bolivia|bolivia] rejected [Lima|peru|metonym]'s demands.", ['bolivia>peru:REJECT']],
  ])('%s', (text, expected) => {
    expect(triples(text)).toEqual(expect.arrayContaining(expected));
  });

  it('a rejected ruling with no named author targets no one', () => {
    expect(triples('[Kenya|kenya] rejected the arbitral ruling.')).toEqual([]);
  });
});

describe('events: nominal acts take the doer of the noun naming their doing', () => {
  it.each([
    [
      "[Canada|canada]'s imposition of new tariffs on [Mexican|mexico|demonym|attr] steel angered traders.",
      'canada>mexico:SANCTION',
    ],
    [
      "[Washington|united-states|metonym]'s imposition of sanctions on [Caracas|venezuela|metonym] hurt trade.",
      'united-states>venezuela:SANCTION',
    ],
  ])('%s', (text, expected) => {
    expect(triples(text)).toContain(expected);
  });

  it.each([
    [
      "[Minsk|belarus|metonym]'s expulsion of [Lithuanian|lithuania|demonym|attr] diplomats drew protests.",
      'belarus>lithuania:SANCTION',
    ],
  ])('a possessive doer of an act noun: %s', (text, expected) => {
    expect(triples(text)).toContain(expected);
  });

  it.each([
    '[Ana Ruiz|ana-ruiz] urged an end to the border dispute between [Peru|peru] and [Ecuador|ecuador].',
    '[Ana Ruiz|ana-ruiz] called for a halt to the fighting between [Peru|peru] and [Ecuador|ecuador].',
  ])('asking an end to a conflict asks each party: %s', (text) => {
    expect(triples(text)).toEqual(
      expect.arrayContaining(['ana-ruiz>peru:REQUEST', 'ana-ruiz>ecuador:REQUEST']),
    );
  });

  it('an end asked to something with a single party asks no one', () => {
    expect(
      triples('[Ana Ruiz|ana-ruiz] urged an end to the violence in [Peru|peru].'),
    ).not.toContain('ana-ruiz>peru:REQUEST');
  });

  it("the possessor of a pattern's act noun acts when the clause has no named doer", () => {
    expect(
      triples(
        'The bloc quickly retaliated with [its|mercosur-org|pronoun] own tariffs on [Chilean|chile|demonym|attr] wine.',
      ),
    ).toContain('mercosur-org>chile:SANCTION');
  });

  it('a bare measure phrase still reaches the actor of what it measures', () => {
    // "Peru imposed tariffs on $5 billion worth of Chilean exports."
    const found = framesOfParse(
      [
        'Peru Peru PROPN NNP nsubj 1',
        'imposed impose VERB VBD root -1',
        'tariffs tariff NOUN NNS obj 1',
        'on on ADP IN case 4',
        '$ $ SYM $ nmod 2',
        '5 5 NUM CD compound 6',
        'billion billion NUM CD nummod 4',
        'worth worth NOUN NN nmod:unmarked 4',
        'of of ADP IN case 10',
        'Chilean Chilean ADJ JJ amod 10',
        'exports export NOUN NNS nmod 7',
      ],
      { 0: 'peru', 9: 'chile' },
    );
    expect(found).toContain('peru>chile:SANCTION');
  });

  it("asking for the release of one's own people asks the one holding them", () => {
    expect(
      triples(
        '[Ghana|ghana] demanded the release of [its|ghana|pronoun] fishermen from [Togo|togo].',
      ),
    ).toContain('ghana>togo:REQUEST');
    expect(triples('[Ghana|ghana] demanded the release of [its|ghana|pronoun] fishermen.')).toEqual(
      [],
    );
  });

  it('a doing noun only asked for is not done by the one asking', () => {
    const found = triples('[Ghana|ghana] called for the resumption of talks with [Togo|togo].');
    expect(found).toContain('ghana>togo:REQUEST');
    expect(found).not.toContain('ghana>togo:CONSULT');
  });

  it('a "from" phrase gives every coordinated doer', () => {
    const found = triples(
      '[Kenya|kenya] launched the mission with support from [Ghana|ghana] and [Senegal|senegal].',
    );
    expect(found).toEqual(expect.arrayContaining(['ghana>kenya:SUPPORT', 'senegal>kenya:SUPPORT']));
  });
});

describe('events: requests that a verb of defiance or heeding takes as object', () => {
  it.each([
    [
      '[Mali|mali] continues to defy calls, including by the [African Union|au-org], to hold elections.',
      'au-org>mali:REQUEST',
    ],
    [
      '[Bolivia|bolivia] ignored calls by [Chile|chile] to reopen the border.',
      'chile>bolivia:REQUEST',
    ],
    [
      "[Bolivia|bolivia] ignored [Chile|chile]'s calls to reopen the border.",
      'chile>bolivia:REQUEST',
    ],
  ])('%s', (text, expected) => {
    expect(triples(text)).toContain(expected);
  });

  it('reads the asker and the asked act where the parser hangs them on the governing verb', () => {
    // "The junta continues to defy calls, including by ECOWAS, to end the crackdown."
    const found = framesOfParse(
      [
        'The the DET DT det 1',
        'junta junta NOUN NN nsubj 2',
        'continues continue VERB VBZ root -1',
        'to to PART TO mark 4',
        'defy defy VERB VB xcomp 2',
        'calls call NOUN NNS obj 4',
        ', , PUNCT , punct 9',
        'including include VERB VBG case 9',
        'by by ADP IN case 9',
        'ECOWAS ECOWAS PROPN NNP obl 2',
        ', , PUNCT , punct 12',
        'to to PART TO mark 12',
        'end end VERB VB advcl 2',
        'the the DET DT det 14',
        'crackdown crackdown NOUN NN obj 12',
      ],
      { 1: 'guinea', 9: 'ecowas-org' },
    );
    expect(found).toContain('ecowas-org>guinea:REQUEST');
  });

  it('backing a call does not make the backer the one asked', () => {
    expect(
      triples('[Spain|spain] echoed calls by [Chile|chile] to reopen the border.'),
    ).not.toContain('chile>spain:REQUEST');
  });
});

describe('events: reduced and full relative clauses', () => {
  it.each([
    ['[Peru|peru] built a dam funded by [Egypt|egypt].', 'egypt>peru:AID'],
    ['[Oman|oman] finished a pipeline, also backed by [Qatar|qatar].', 'qatar>oman:SUPPORT'],
  ])('%s', (text, expected) => {
    expect(triples(text)).toContain(expected);
  });

  it.each([
    [
      'A statement issued by [Kenya|kenya] said [Uganda|uganda] had shelled its border posts.',
      'kenya>uganda:ACCUSE',
    ],
    [
      'A letter signed by [Peru|peru] urged [Chile|chile] to reopen the border.',
      'peru>chile:REQUEST',
    ],
  ])('a subject with a participle names its doer by the agent: %s', (text, expected) => {
    expect(triples(text)).toContain(expected);
  });

  it('a relative pronoun the parser left without its clause stands for the name before it', () => {
    // The parser makes "which he also hit" a clause of its own.
    expect(
      triples(
        '[Tom Hale|tom-hale]’s trade fights with [Peru|peru] and [Chile|chile], which [he|tom-hale|pronoun] also hit last week with a new levy on exports, have rattled markets.',
      ),
    ).toContain('tom-hale>chile:SANCTION');
  });

  it('a convoy struck by a foe is no help to the striker from its funder', () => {
    expect(triples('[Israel|israel] struck a convoy funded by [Iran|iran].')).not.toContain(
      'iran>israel:AID',
    );
  });

  it.each([
    [
      'He faces spying charges by [Kampala|uganda|metonym] which [Nairobi|kenya|metonym] has dismissed as baseless.',
      'kenya>uganda:REJECT',
      'kenya>uganda:ACCUSE',
    ],
    [
      '[Ghana|ghana] faces [Togolese|togo|demonym|attr] charges which [Accra|ghana|metonym] rejected.',
      'ghana>togo:REJECT',
      'ghana>togo:ACCUSE',
    ],
  ])('a relative clause answering a charge rejects its author: %s', (text, want, not) => {
    const found = triples(text);
    expect(found).toContain(want);
    expect(found).not.toContain(not);
  });
});

describe('events: a text acts through its authors', () => {
  it("a resolution passed that calls on a state to act is its authors' request", () => {
    expect(
      triples(
        'The [UN Security Council|un-security-council] passed a resolution calling on [Sudan|sudan] to end the siege.',
      ),
    ).toContain('un-security-council>sudan:REQUEST');
  });

  it('a text only rejected is not the rejecter\'s act, and "calling" names no one', () => {
    const found = triples(
      '[Kenya|kenya] rejected a resolution calling on [Sudan|sudan] to end the siege.',
    );
    expect(found).not.toContain('kenya>sudan:REQUEST');
    expect(found).not.toContain('sudan>sudan:REQUEST');
  });
});

describe('events: gerund complements', () => {
  it('a planned trip that will include meetings agrees to meet each party', () => {
    const found = triples(
      "[Li Wei|li-wei]'s trip will include meeting [Kenya|kenya]'s president and [Ghana|ghana]'s foreign minister.",
    );
    expect(found).toEqual(expect.arrayContaining(['li-wei>kenya:AGREE', 'li-wei>ghana:AGREE']));
  });

  it('a past tour that included a meeting is the meeting', () => {
    expect(triples("[Li Wei|li-wei]'s tour included meeting [Kenya|kenya]'s president.")).toContain(
      'li-wei>kenya:CONSULT',
    );
  });
});
