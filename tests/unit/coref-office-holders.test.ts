// Bare surnames of office holders no full name introduced ("Modi and Kishida agreed"), and roles
// of "the group" that speak for the organization the article last named.
import { describe, expect, it } from 'vitest';
import { analyse } from './actors-helpers.ts';

describe('a bare surname of a known office holder', () => {
  it.each([
    [
      'Modi and Kishida agreed to expand defence ties.',
      '2023-06-01',
      ['Modi=narendra-modi', 'Kishida=fumio-kishida'],
    ],
    [
      'Lula met Xi in Beijing on Friday.',
      '2023-04-14',
      ['Lula=luiz-inacio-lula-da-silva', 'Xi=xi-jinping'],
    ],
    ['Albanese said Australia would respond.', '2023-06-01', ['Albanese=anthony-albanese']],
    [
      'Talks between Erdogan and Putin ended without a deal.',
      '2023-06-01',
      ['Erdogan=recep-tayyip-erdogan', 'Putin=vladimir-putin'],
    ],
  ])('%s', (text, date, expected) => {
    const { mentions } = analyse(text, date);
    for (const m of expected) expect(mentions).toContain(m);
  });

  it('needs the office held on the published date', () => {
    const { mentions } = analyse('Modi and Kishida agreed to expand defence ties.', '2010-01-01');
    expect(mentions.some((m) => m.startsWith('Modi=') || m.startsWith('Kishida='))).toBe(false);
  });

  it('with no date, any office in the data counts', () => {
    expect(analyse('Kishida met Albanese.', null).mentions).toContain('Kishida=fumio-kishida');
  });

  it.each([
    'Kim said the missile launch was a warning.',
    'Sharif and Khan spoke by phone on Monday.',
    'Lee told reporters the talks would resume.',
  ])('a common or shared surname stays unresolved: %s', (text) => {
    expect(analyse(text, '2023-06-01').analysis.actors.size).toBe(0);
  });

  it('a surname the article already gave to someone else is left to that person', () => {
    const { mentions } = analyse(
      'Rohan Modi, a local trader, said prices rose. Modi said he would close his shop.',
      '2023-06-01',
    );
    expect(mentions.filter((m) => m.startsWith('Modi=')).length).toBeLessThan(2);
    expect(mentions).not.toContain('Modi=narendra-modi');
  });
});

describe("the group's spokesman", () => {
  it.each([
    [
      "Hamas said the talks had stalled. The group's spokesman blamed Israel.",
      "The group's spokesman=hamas",
    ],
    [
      "The Houthis attacked a ship. The group's military spokesman condemned the US.",
      "The group's military spokesman=houthis",
    ],
    [
      "The Taliban rejected the claim. The group's leader accused Pakistan of lying.",
      "The group's leader=taliban",
    ],
    [
      'Hezbollah fired rockets. A spokesman for the group said more would follow.',
      'A spokesman for the group=hezbollah',
    ],
  ])('%s', (text, mention) => {
    expect(analyse(text).mentions).toContain(mention);
  });

  it('a name after the role is the person, affiliated with the group', () => {
    const s = analyse(
      "Hezbollah fired rockets at Israel. The militia's commander, Ali Karaki, said more would follow.",
    );
    expect(s.affiliations).toContain('ali-karaki>hezbollah:commander');
    expect(s.mentions.some((m) => m.endsWith('=hezbollah') && m.includes('commander'))).toBe(false);
  });

  it('with no organization named before, the role refers to nobody', () => {
    expect(analyse("The group's spokesman said Israel was to blame.").mentions).toEqual([
      'Israel=israel',
    ]);
  });
});
