// Event rules for general wire constructions: reporters, meeting outcomes, relative clauses,
// possessive pronouns, unnamed officials, passive patients, the PLOVER families and modes.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../server/extract/index.ts';
import { findEvents } from '../../server/extract/events/index.ts';
import { analysed, events, triples } from './events-helpers.ts';

function hasPair(found: string[], a: string, b: string, type: string): boolean {
  return found.includes(`${a}>${b}:${type}`) || found.includes(`${b}>${a}:${type}`);
}

describe('events: reporters are never speakers', () => {
  it('a correspondent relaying a claim is not its source, nor a target', () => {
    const found = triples(
      "[Kenya|kenya]'s president said [Uganda|uganda] had violated the accord, [Reuters|reuters] correspondent [Jane Okello|jane-reporter] reported from Nairobi.",
    );
    expect(found).toContain('kenya>uganda:ACCUSE');
    expect(found.some((t) => t.includes('jane-reporter'))).toBe(false);
  });

  it('a reporter\'s "said" leaves the reported act stated in the article voice', () => {
    const found = triples(
      '[Maria Lopes|maria-reporter] said [Colombia|colombia] had shelled positions held by [Venezuela|venezuela].',
    );
    expect(found).not.toContain('maria-reporter>colombia:ACCUSE');
    expect(found.some((t) => t.startsWith('maria-reporter'))).toBe(false);
  });

  it('", reporting from" marks a field reporter even without an affiliation', () => {
    const found = triples(
      '[Sam Reed|sam-reed-org], reporting from Lagos, said [Nigeria|nigeria] had criticised [Ghana|ghana].',
    );
    expect(found).toContain('nigeria>ghana:ACCUSE');
    expect(found.some((t) => t.startsWith('sam-reed-org'))).toBe(false);
  });

  it('an ordinary speaker still makes a speech act', () => {
    const found = triples(
      '[Omar Farah|omar-farah] said [Ethiopia|ethiopia] had violated the agreement.',
    );
    expect(found).toContain('omar-farah>ethiopia:ACCUSE');
  });
});

describe('events: meetings that produced agreements', () => {
  it.each([
    [
      "[China|china]'s talks with [Vietnam|vietnam] produced a deal on fishing rights.",
      'china',
      'vietnam',
    ],
    [
      'The meeting between [Brazil|brazil] and [Argentina|argentina] yielded three agreements on trade.',
      'brazil',
      'argentina',
    ],
    [
      '[Kenya|kenya] and [Tanzania|tanzania] held talks that resulted in an accord on the border.',
      'kenya',
      'tanzania',
    ],
    [
      'An agreement reached between [Egypt|egypt] and [Sudan|sudan] ended the dispute.',
      'egypt',
      'sudan',
    ],
    [
      'The truce struck by [Armenia|armenia] and [Azerbaijan|azerbaijan] held overnight.',
      'armenia',
      'azerbaijan',
    ],
  ])('%s', (text, a, b) => {
    expect(hasPair(triples(text), a, b, 'AGREE')).toBe(true);
  });

  it.each([
    'The talks between [Brazil|brazil] and [Argentina|argentina] produced no deal on trade.',
    '[Kenya|kenya] and [Tanzania|tanzania] held talks that did not result in an accord.',
    'A treaty rejected by [Egypt|egypt] and [Sudan|sudan] lapsed last year.',
  ])('no settlement, no AGREE: %s', (text) => {
    expect(triples(text).some((t) => t.endsWith(':AGREE'))).toBe(false);
  });

  it('talks that ended without a deal are only CONSULT', () => {
    const found = triples(
      'The talks between [Serbia|serbia] and [Kosovo|kosovo] ended without a deal.',
    );
    expect(hasPair(found, 'serbia', 'kosovo', 'CONSULT')).toBe(true);
    expect(hasPair(found, 'serbia', 'kosovo', 'AGREE')).toBe(false);
  });

  it('signing agreements stays SUPPORT', () => {
    const found = triples(
      '[Indonesia|indonesia] and [Australia|australia] signed two agreements on trade.',
    );
    expect(hasPair(found, 'indonesia', 'australia', 'SUPPORT')).toBe(true);
    expect(hasPair(found, 'indonesia', 'australia', 'AGREE')).toBe(false);
  });
});

describe('events: relative clauses', () => {
  it.each([
    [
      '[Russia|russia], which invaded [Ukraine|ukraine] in 2022, denied the report.',
      'russia>ukraine:ASSAULT',
    ],
    [
      'The group [Al-Shabaab|al-shabaab-org], which claimed the attack on [Kenya|kenya], issued a statement.',
      'al-shabaab-org>kenya:ASSAULT',
    ],
    [
      '[Hamas|hamas-org], which claimed responsibility for the rocket attack on [Israel|israel], said more would follow.',
      'hamas-org>israel:ASSAULT',
    ],
  ])('%s', (text, triple) => {
    expect(triples(text)).toContain(triple);
  });

  // Constructions of the earlier window rules not yet read off the tree: expected to fail until they are.
  it.fails.each([
    [
      '[China|china], whose coast guard blocked [Philippine|philippines|demonym|attr] vessels near the shoal, rejected the ruling.',
      'china>philippines:COERCE',
    ],
  ])('%s', (text, triple) => {
    expect(triples(text)).toContain(triple);
  });
});

describe('events: possessive pronouns own nominal acts', () => {
  it.each([
    [
      '[Israel|israel] continued [its|israel|pronoun] shelling of [Lebanon|lebanon] on Sunday.',
      'israel>lebanon:ASSAULT',
    ],

    ['[Iran|iran] launched a cyberattack on [Albania|albania].', 'iran>albania:COERCE'],
    [
      '[Algeria|algeria] closed [its|algeria|pronoun] border to [Morocco|morocco].',
      'algeria>morocco:COERCE',
    ],
  ])('%s', (text, triple) => {
    expect(triples(text)).toContain(triple);
  });

  // Constructions of the earlier window rules not yet read off the tree: expected to fail until they are.
  it.fails.each([
    ['[Ankara|turkey|metonym] defended its attack on [Syria|syria].', 'turkey>syria:ASSAULT'],
  ])('%s', (text, triple) => {
    expect(triples(text)).toContain(triple);
  });

  it.each([
    [
      '[Iran|iran] demanded the release of [its|iran|pronoun] nationals from [Britain|united-kingdom].',
      'iran>united-kingdom:REQUEST',
    ],
  ])('%s', (text, triple) => {
    expect(triples(text)).toContain(triple);
  });

  it('a plain noun after a reporting verb does not take the subject', () => {
    expect(triples('[Peru|peru] condemned the attack on [Chile|chile].')).not.toContain(
      'peru>chile:ASSAULT',
    );
  });
});

describe('events: unnamed officials stand for their state', () => {
  it.each([
    [
      'A [French|france|demonym|attr] minister said [Mali|mali] must hold elections.',
      'france>mali:REQUEST',
    ],
    [
      'A senior [Iranian|iran|demonym|attr] official warned [Israel|israel] against any attack.',
      'iran>israel:THREATEN',
    ],
    [
      '[Chinese|china|demonym|attr] officials accused [Japan|japan] of provocations.',
      'china>japan:ACCUSE',
    ],
    [
      '[Nigerian|nigeria|demonym|attr] authorities arrested two [Ghanaian|ghana|demonym|attr] diplomats.',
      'nigeria>ghana:COERCE',
    ],
    [
      'The [Kenyan|kenya|demonym|attr] government condemned [Somalia|somalia].',
      'kenya>somalia:ACCUSE',
    ],
    [
      '[Peruvian|peru|demonym|attr] troops clashed with [Ecuadorian|ecuador|demonym|attr] forces at the border.',
      'peru>ecuador:ASSAULT',
    ],
  ])('%s', (text, triple) => {
    expect(triples(text)).toContain(triple);
  });

  it('adds the state when only its demonym named the speaker', () => {
    const { text, sentences, analysis } = analysed(
      'A [Fijian|fiji|demonym|attr] diplomat criticised [Australia|australia] on Monday.',
    );
    analysis.actors.delete('fiji');
    const found = findEvents(text, sentences, analysis, '2024-03-15');
    expect(found.map((e) => `${e.source}>${e.target}:${e.type}`)).toContain(
      'fiji>australia:ACCUSE',
    );
    expect(analysis.actors.get('fiji')?.kind).toBe('state');
  });

  it('a named official is not replaced by the state', () => {
    const found = triples(
      '[Spanish|spain|demonym|attr] minister [Ana Ruiz|ana-ruiz] criticised [Morocco|morocco].',
    );
    expect(found).toContain('ana-ruiz>morocco:ACCUSE');
    expect(found).not.toContain('spain>morocco:ACCUSE');
  });
});

describe('events: passive forms', () => {
  it.each([
    [
      'A [Greek|greece|demonym|attr] tanker was seized by [Iran|iran] on Thursday.',
      'iran>greece:COERCE',
    ],
    ["[Japan|japan]'s vessel was seized by [China|china] near the islands.", 'china>japan:COERCE'],
    ['[Japan|japan] was accused by [China|china] of dumping waste water.', 'china>japan:ACCUSE'],
    [
      '[Sweden|sweden] was criticised by [Turkey|turkey] over the protests.',
      'turkey>sweden:ACCUSE',
    ],
  ])('%s', (text, triple) => {
    expect(triples(text)).toContain(triple);
  });
});

describe('events: PLOVER families in wire wording', () => {
  it.each([
    [
      'Thousands rallied against [France|france] in Niamey, and [the M62 movement|m62-org] protested against [France|france].',
      'm62-org>france:PROTEST',
    ],

    [
      '[Azerbaijan|azerbaijan] blockaded [Armenia|armenia] for months.',
      'azerbaijan>armenia:COERCE',
    ],
    [
      '[Russia|russia] detained two [Estonian|estonia|demonym|attr] nationals.',
      'russia>estonia:COERCE',
    ],
    [
      '[Iran|iran] seized a [British|united-kingdom|demonym|attr] oil tanker.',
      'iran>united-kingdom:COERCE',
    ],
    [
      '[Russia|russia] massed troops on the border with [Ukraine|ukraine].',
      'russia>ukraine:MOBILIZE',
    ],
    ['[China|china] held drills near [Taiwan|taiwan].', 'china>taiwan:MOBILIZE'],
    ['[Russia|russia] withdrew troops from [Syria|syria].', 'russia>syria:RETREAT'],
    [
      '[Venezuela|venezuela] released six [American|united-states|demonym|attr] prisoners.',
      'venezuela>united-states:RETREAT',
    ],
    [
      '[Azerbaijan|azerbaijan] lifted the blockade of [Armenia|armenia].',
      'azerbaijan>armenia:RETREAT',
    ],
    ['[China|china] eased restrictions on [Australia|australia].', 'china>australia:CONCEDE'],
    ['[Japan|japan] apologised to [South Korea|south-korea].', 'japan>south-korea:CONCEDE'],
    ['[Germany|germany] sent humanitarian aid to [Turkey|turkey].', 'germany>turkey:AID'],
    ['[Japan|japan] pledged $100 million in aid to [Fiji|fiji].', 'japan>fiji:AGREE'],
    ['[Poland|poland] delivered weapons to [Ukraine|ukraine].', 'poland>ukraine:AID'],
    ['[India|india] held joint drills with [France|france].', 'india>france:COOPERATE'],
    [
      '[Azerbaijan|azerbaijan] refused to lift the blockade of [Armenia|armenia].',
      'azerbaijan>armenia:REJECT',
    ],
    ['[Israel|israel] rejected a call for a ceasefire from [Egypt|egypt].', 'israel>egypt:REJECT'],
    ["[Colombia|colombia] turned down [Venezuela|venezuela]'s offer.", 'colombia>venezuela:REJECT'],
    ["[Serbia|serbia] dismissed [Kosovo|kosovo]'s proposal.", 'serbia>kosovo:REJECT'],
    ['[Ukraine|ukraine] appealed to [Germany|germany] for tanks.', 'ukraine>germany:REQUEST'],
    [
      '[Indonesia|indonesia] called on [Myanmar|myanmar] to end the violence.',
      'indonesia>myanmar:REQUEST',
    ],
    ['[Peru|peru] asked [Chile|chile] to extradite the former minister.', 'peru>chile:REQUEST'],
    ['[Canada|canada] blamed [India|india] for the killing.', 'canada>india:ACCUSE'],
    ['[Turkey|turkey] lashed out at [Sweden|sweden].', 'turkey>sweden:ACCUSE'],
    ["[Morocco|morocco] summoned [Algeria|algeria]'s envoy.", 'morocco>algeria:ACCUSE'],
    ["[Britain|united-kingdom] welcomed [Kenya|kenya]'s decision.", 'united-kingdom>kenya:SUPPORT'],
    ["[Spain|spain] backed [India|india]'s bid for a permanent seat.", 'spain>india:SUPPORT'],
  ])('%s', (text, triple) => {
    expect(triples(text)).toContain(triple);
  });

  // A boycott is PROTEST whoever calls it (guideline 7), unlike a government's protest note.
  it.each([['[Bolivia|bolivia] boycotted [Chile|chile] at the summit.', 'bolivia>chile:PROTEST']])(
    '%s',
    (text, triple) => {
      expect(triples(text)).toContain(triple);
    },
  );
});

describe('events: negation and hypotheses', () => {
  function modeOf(text: string, triple: string): string | null | undefined {
    const e = events(text).found.find((x) => `${x.source}>${x.target}:${x.type}` === triple);
    return e === undefined ? undefined : e.mode;
  }
  it('a refused condemnation is a negated ACCUSE, not a REJECT', () => {
    const text = '[India|india] refused to condemn [Russia|russia].';
    expect(modeOf(text, 'india>russia:ACCUSE')).toBe('negated');
    expect(triples(text)).not.toContain('india>russia:REJECT');
  });
  it.each([
    ['[Australia|australia] did not condemn [China|china].', 'australia>china:ACCUSE', 'negated'],
    [
      'The [EU|eu-org] could impose sanctions on [Belarus|belarus].',
      'eu-org>belarus:SANCTION',
      'hypothetical',
    ],
    [
      'If [Russia|russia] attacks [Poland|poland], the alliance will respond.',
      'russia>poland:ASSAULT',
      'hypothetical',
    ],
  ])('%s', (text, triple, mode) => {
    expect(modeOf(text, triple)).toBe(mode);
  });
  it('a threat to sanction is THREATEN in the plain mode', () => {
    const text =
      '[Washington|united-states|metonym] threatened to impose sanctions on [Uganda|uganda].';
    expect(triples(text)).toContain('united-states>uganda:THREATEN');
    expect(modeOf(text, 'united-states>uganda:THREATEN')).toBeNull();
  });
});

describe('events: end to end through extractArticle', () => {
  function ends(text: string): string[] {
    const x = extractArticle({ text, published: '2024-03-15' });
    return x.events.map((e) => `${e.source}>${e.target}:${e.type}`);
  }
  it.each([
    ['A senior Iranian official warned Israel against any attack.', 'iran', 'israel', 'THREATEN'],
    ['A Greek tanker was seized by Iran on Thursday.', 'iran', 'greece', 'COERCE'],

    ['Russia massed troops on the border with Ukraine.', 'russia', 'ukraine', 'MOBILIZE'],
  ])('%s', (text, a, b, type) => {
    expect(ends(text)).toContain(`${a}>${b}:${type}`);
  });

  it.each([
    [
      'Kenya and Tanzania held talks that resulted in an accord on the border.',
      'kenya',
      'tanzania',
      'AGREE',
    ],
  ])('%s', (text, a, b, type) => {
    expect(ends(text)).toContain(`${a}>${b}:${type}`);
  });

  it.each([
    [
      'Iran demanded the release of its nationals from Britain.',
      'iran',
      'united-kingdom',
      'REQUEST',
    ],
  ])('%s', (text, a, b, type) => {
    expect(ends(text)).toContain(`${a}>${b}:${type}`);
  });
});
