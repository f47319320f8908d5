// Coreference end to end: the actor stage's surnames, role phrases and counterparts, the
// coreference stage's "the minister" and simplest pronouns (coref-descriptions.test.ts and
// coref-pronouns.test.ts have the parse-based choices).
import { describe, expect, it } from 'vitest';
import { analyse } from './actors-helpers.ts';

function mentionsOf(text: string, published: string | null = '2022-11-26'): string[] {
  return analyse(text, published).mentions;
}

describe('surnames', () => {
  it('resolves a surname after the full name was introduced', () => {
    const m = mentionsOf(
      'Italian Defence Minister Carla Vento arrived on Monday. Vento met troops.',
    );
    expect(m).toContain('Vento=carla-vento');
  });
  it('uses the gazetteer surname of a person already in the article', () => {
    const m = mentionsOf('Xi Jinping opened the forum. Later Xi praised the delegates.');
    expect(m).toContain('Xi=xi-jinping');
  });
  it('does not resolve a surname of someone absent from the article and out of office', () => {
    // Biden held no office the gazetteer maps on this date (office holders: coref-office-holders).
    expect(mentionsOf('Biden was not mentioned before this sentence.', '2018-05-01')).toEqual([]);
  });
});

describe('role phrases', () => {
  it.each([
    ["China's president sent a letter.", '2022-11-26', "China's president=xi-jinping"],
    ['The US president signed the order.', '2019-06-01', 'US president=donald-trump'],
    ['The US president signed the order.', '2022-06-01', 'US president=joe-biden'],
  ])('%s (%s)', (text, date, mention) => {
    expect(mentionsOf(text, date)).toContain(mention);
  });

  it('prefers a person of the article holding the role', () => {
    const m = mentionsOf(
      'Ruvanian-born Tanzanian President Amina Juma opened the fair. Later the Tanzanian president left.',
    );
    expect(m).toContain('Tanzanian president=amina-juma');
  });

  it('resolves "his Chinese counterpart" through the possessor office on the date', () => {
    const m = mentionsOf(
      'US President Joe Biden told his Chinese counterpart that talks mattered.',
    );
    expect(m).toContain('his Chinese counterpart=xi-jinping');
  });

  it('resolves "the minister" to the most recent person with that role', () => {
    const m = mentionsOf(
      'Chilean Foreign Minister Rosa Mella visited Lima. The minister said ties were strong.',
    );
    expect(m).toContain('The minister=rosa-mella');
  });
});

describe('pronouns', () => {
  it('resolves he/his when one person is in view', () => {
    const m = mentionsOf(
      'Polish President Jan Kowal spoke on Monday. He said his country was ready.',
    );
    expect(m).toContain('He=jan-kowal');
    expect(m).toContain('his=jan-kowal');
  });
  it('resolves "it" as a subject to the single state in view', () => {
    const m = mentionsOf('Norway said it would send aid.');
    expect(m).toContain('it=norway');
  });
});

describe('surnames that are common or ordinary words', () => {
  it('resolves a bare surname only to someone introduced in the article', () => {
    expect(mentionsOf('Khan said the vote would go ahead.').some((m) => m.startsWith('Khan'))).toBe(
      false,
    );
    expect(mentionsOf('Prime Minister Khan said the vote would go ahead.')).toEqual([]);
  });

  it('an ordinary-word surname counts only mid-sentence', () => {
    const text =
      'British Foreign Secretary Alan Young arrived on Monday. Young people protested. Later Young spoke.';
    const m = mentionsOf(text);
    expect(m.filter((x) => x.startsWith('Young='))).toEqual(['Young=alan-young']);
    expect(m.filter((x) => x.startsWith('Young=')).length).toBe(1);
  });

  it('reads "the PM" as the prime minister in view', () => {
    const m = mentionsOf(
      'Prime Minister Rafiq Azad visited the border. The PM praised the troops.',
    );
    expect(m).toContain('The PM=rafiq-azad');
  });
});
