// Table-driven checks of wording the event stage must read right: sanctions that "target",
// reported speech around quotation marks, mediated and hosted talks, and protests by governments.
import { describe, expect, it } from 'vitest';
import { triples } from './events-helpers.ts';

describe('events: "targeted" by sanctions is SANCTION, by force ASSAULT', () => {
  it.each([
    [
      '[Venezuela|venezuela] was targeted by [US|united-states] sanctions last year.',
      'united-states>venezuela:SANCTION',
    ],

    ['[Australia|australia] imposed sanctions on [Myanmar|myanmar].', 'australia>myanmar:SANCTION'],
    [
      '[The EU|eu-org] adopted sanctions against [Nicaragua|nicaragua].',
      'eu-org>nicaragua:SANCTION',
    ],
    [
      '[Eritrea|eritrea] was blacklisted by [Switzerland|switzerland].',
      'switzerland>eritrea:SANCTION',
    ],
    [
      '[Hezbollah|hezbollah-org] was designated a terrorist group by [Argentina|argentina].',
      'argentina>hezbollah-org:SANCTION',
    ],
    [
      '[Israel|israel] targeted [Hamas|hamas-org] positions with air strikes.',
      'israel>hamas-org:ASSAULT',
    ],
    [
      '[Turkey|turkey] targeted [the PKK|pkk-org] with drone strikes in northern Iraq.',
      'turkey>pkk-org:ASSAULT',
    ],
    [
      '[Belarus|belarus] was targeted with fresh sanctions by [Canada|canada].',
      'canada>belarus:SANCTION',
    ],
  ])('%s', (sentence, expected) => {
    const found = triples(sentence);
    expect(found).toContain(expected);
    const [pair] = expected.split(':');
    expect(found).not.toContain(
      `${pair}:${expected.endsWith('SANCTION') ? 'ASSAULT' : 'SANCTION'}`,
    );
  });

  // Constructions of the earlier window rules not yet read off the tree: expected to fail until they are.
  it.fails.each([
    [
      '[Britain|united-kingdom] said the new sanctions targeted [Iran|iran].',
      'united-kingdom>iran:SANCTION',
    ],
    [
      "The measures targeted [Iran|iran]'s oil exports, [Britain|united-kingdom] said.",
      'united-kingdom>iran:SANCTION',
    ],
  ])('%s', (sentence, expected) => {
    const found = triples(sentence);
    expect(found).toContain(expected);
    const [pair] = expected.split(':');
    expect(found).not.toContain(
      `${pair}:${expected.endsWith('SANCTION') ? 'ASSAULT' : 'SANCTION'}`,
    );
  });

  it('"targeted" with neither sanctions nor force states no event', () => {
    expect(triples('[Brazil|brazil] targeted [Argentina|argentina] in its campaign.')).toEqual([]);
  });
});

describe('events: reported speech around quotation marks', () => {
  // Constructions of the earlier window rules not yet read off the tree: expected to fail until they are.
  it.fails.each([
    [
      '[Beijing|china], in a call with [Manila|philippines], expressed “the strongest protest” over the collision.',
      'china>philippines:ACCUSE',
    ],
    [
      '[Beijing|china], in a call with [Manila|philippines], expressed "the strongest protest" over the collision.',
      'china>philippines:ACCUSE',
    ],
    [
      '[Tokyo|japan], during talks with [Seoul|south-korea], voiced concern over the drills.',
      'japan>south-korea:ACCUSE',
    ],
    [
      "“We condemn this,” [Ana Ruiz|ana-ruiz] said of [Morocco|morocco]'s strike.",
      'ana-ruiz>morocco:ACCUSE',
    ],
    [
      '"We condemn this," [Omar Farah|omar-farah] said of [Ethiopia|ethiopia]\'s dam filling.',
      'omar-farah>ethiopia:ACCUSE',
    ],
    ['“We reject these claims,” [Li Wei|li-wei] said of [Japan|japan].', 'li-wei>japan:REJECT'],
  ])('%s', (sentence, expected) => {
    expect(triples(sentence)).toContain(expected);
  });

  it('an aside with no meeting in it gives no target', () => {
    const found = triples(
      '[Kenya|kenya], a neighbour of [Uganda|uganda], expressed concern over the vote.',
    );
    expect(found.some((t) => t.startsWith('kenya>uganda'))).toBe(false);
  });

  it('a speaker quoted without a topic is not aimed at anyone', () => {
    const found = triples(
      "“We condemn this,” [Ana Ruiz|ana-ruiz] said, after meeting [Morocco|morocco]'s envoy.",
    );
    expect(found).not.toContain('ana-ruiz>morocco:ACCUSE');
  });
});

describe('events: mediators and hosts of talks', () => {
  it.each([
    [
      '[Qatar|qatar] and [Egypt|egypt] mediated talks between [Israel|israel] and [Hamas|hamas-org].',
      [
        'qatar>israel:CONSULT',
        'qatar>hamas-org:CONSULT',
        'egypt>israel:CONSULT',
        'egypt>hamas-org:CONSULT',
      ],
    ],
    [
      '[Norway|norway] brokered talks between [Colombia|colombia] and [the ELN|eln-org].',
      ['norway>colombia:CONSULT', 'norway>eln-org:CONSULT'],
    ],
  ])('%s', (sentence, expected) => {
    const found = triples(sentence);
    for (const e of expected) expect(found).toContain(e);
  });

  it.each([
    [
      '[Oman|oman] hosted talks between [Iran|iran] and [the United States|united-states].',
      ['iran>oman:CONSULT', 'united-states>oman:CONSULT', 'iran>united-states:CONSULT'],
    ],
    [
      '[Kenya|kenya] hosted negotiations between [Ethiopia|ethiopia] and [the TPLF|tplf-org] in Nairobi.',
      ['ethiopia>kenya:CONSULT', 'tplf-org>kenya:CONSULT', 'ethiopia>tplf-org:CONSULT'],
    ],
  ])('%s', (sentence, expected) => {
    const found = triples(sentence);
    for (const e of expected) expect(found).toContain(e);
  });

  it('a host never consults itself, and the host does not meet the parties as a third party', () => {
    const found = triples(
      '[Oman|oman] hosted talks between [Iran|iran] and [the United States|united-states].',
    );
    expect(found).not.toContain('oman>iran:CONSULT');
    expect(found).toHaveLength(3);
  });

  it('talks the host will hold are planned: AGREE', () => {
    const found = triples(
      '[Turkey|turkey] will host a summit between [Russia|russia] and [Ukraine|ukraine].',
    );
    expect(found).toContain('russia>turkey:AGREE');
    expect(found.some((t) => t.endsWith(':CONSULT'))).toBe(false);
  });
});

describe('events: PROTEST is collective action, a government protest is ACCUSE', () => {
  it.each([
    [
      '[Japan|japan] protested to [China|china] over the detention of its citizen.',
      'japan>china:ACCUSE',
    ],
    [
      "[Vietnam|vietnam] protested [China|china]'s deployment of an oil rig.",
      'vietnam>china:ACCUSE',
    ],
    ['[Peru|peru] sent a protest note to [Chile|chile].', 'peru>chile:ACCUSE'],
    ['[Ghana|ghana] handed a protest to [Togo|togo] over the border closure.', 'ghana>togo:ACCUSE'],
    [
      '[Kenya|kenya] lodged a protest with [Somalia|somalia] over the incident.',
      'kenya>somalia:ACCUSE',
    ],
    [
      "[Ana Ruiz|ana-ruiz] protested against [Morocco|morocco]'s decision.",
      'ana-ruiz>morocco:ACCUSE',
    ],
    [
      '[Greenpeace|greenpeace-org] activists rallied against [Norway|norway] in Oslo.',
      'greenpeace-org>norway:PROTEST',
    ],
    [
      "[The Workers League|workers-league-org] demonstrated outside [Chile|chile]'s embassy.",
      'workers-league-org>chile:PROTEST',
    ],
  ])('%s', (sentence, expected) => {
    const found = triples(sentence);
    expect(found).toContain(expected);
    if (expected.endsWith('ACCUSE')) expect(found.some((t) => t.endsWith(':PROTEST'))).toBe(false);
  });

  it('a letter is still a letter', () => {
    expect(triples('[Peru|peru] sent a letter to [Chile|chile].')).toEqual(['peru>chile:CONSULT']);
  });
});
