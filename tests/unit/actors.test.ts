// Actor stage rules, one table per rule: sentence in, actors, mentions and affiliations out.
import { describe, expect, it } from 'vitest';
import { analyse, sentences } from './actors-helpers.ts';
import { findActors } from '../../server/extract/actors.ts';
import { knownActor } from '../../server/extract/gazetteer.ts';

describe('states by name, alias, capital and seat of government', () => {
  it.each([
    ['Britain and Japan signed a defence pact on Monday.', ['japan', 'united-kingdom']],
    ['The U.S. imposed new tariffs on steel.', ['united-states']],
    ["Pyongyang rejected Seoul's offer of talks.", ['north-korea', 'south-korea']],
    ['The Kremlin said the talks had stalled.', ['russia']],
    ['Türkiye blocked the bid, and Turkey later relented.', ['turkey']],
  ])('%s', (text, ids) => {
    expect(analyse(text).ids).toEqual(ids);
  });

  it.each([
    ['The ministers met while in Bangkok last week.', 'thailand'],
    ['The summit was held in Brussels on Friday.', 'belgium'],
    ['Delegates arrived in Beijing on Sunday.', 'china'],
    ['The talks took place in Bali, Indonesia, on Tuesday.', 'indonesia'],
  ])('a place is not an actor: %s', (text, id) => {
    expect(analyse(text).ids).not.toContain(id);
  });
});

describe('ambiguous aliases need context', () => {
  it('reads Jordan as the state next to political words', () => {
    expect(analyse("Officials said Jordan's government closed the border.").ids).toContain(
      'jordan',
    );
  });
  it('does not read a first name as a state', () => {
    expect(analyse('Fans cheered as Jordan scored again in the final.').ids).not.toContain(
      'jordan',
    );
  });
});

describe('demonyms', () => {
  it.each([
    ['The Syrian government denied the report.', 'Syrian government=syria'],
    ['Turkish troops crossed the border at dawn.', 'Turkish troops=turkey'],
    ["Russia's military launched drills near the coast.", "Russia's military=russia"],
  ])('a government phrase is the state: %s', (text, mention) => {
    const seen = analyse(text);
    expect(seen.mentions).toContain(mention);
    expect(seen.analysis.mentions.every((m) => !m.attributive)).toBe(true);
  });

  it('an attributive demonym is a mention but not an actor', () => {
    const seen = analyse('A Saudi Arabian ambassador attended the dinner.');
    expect(seen.mentions).toContain('Saudi Arabian=saudi-arabia*');
    expect(seen.ids).not.toContain('saudi-arabia');
  });
});

describe('persons from title patterns', () => {
  it.each([
    ['German Chancellor Olaf Scholz flew to Paris.', 'olaf-scholz>germany:Chancellor'],
    [
      "Russia's Foreign Minister Sergei Lavrov met reporters.",
      'sergey-lavrov>russia:Foreign Minister',
    ],
    ['Ruvanian envoy to the UN Tomas Vella spoke first.', null],
    [
      'Hamas political chief Ismail Haniyeh arrived for talks.',
      'ismail-haniyeh>hamas:political chief',
    ],
    [
      'Kyoto University economics professor Aiko Tanabe said the plan would fail.',
      'aiko-tanabe>kyoto-university:economics professor',
    ],
    [
      'Brazilian Foreign Minister Mauro Vieira called for calm.',
      'mauro-vieira>brazil:Foreign Minister',
    ],
    [
      'Kenyan ambassador to the African Union Grace Wanjiru read the statement.',
      'grace-wanjiru>kenya:ambassador to the African Union',
    ],
  ])('%s', (text, affiliation) => {
    const seen = analyse(text);
    if (affiliation) expect(seen.affiliations).toContain(affiliation);
    else expect(seen.affiliations).toEqual([]);
  });

  it('sets the person country from the affiliation and spans the whole title phrase', () => {
    const text = 'Nigerian Defence Minister Bello Adamu visited the troops.';
    const seen = analyse(text);
    const actor = seen.analysis.actors.get('bello-adamu');
    expect(actor).toMatchObject({ kind: 'person', country: 'nigeria' });
    expect(seen.mentions).toContain('Nigerian Defence Minister Bello Adamu=bello-adamu');
    expect(seen.ids).toContain('nigeria');
  });

  it('uses the gazetteer id and name for a known person written another way', () => {
    for (const written of ['Yoon Suk Yeol', 'Yoon Suk-yeol']) {
      const seen = analyse(`South Korean President ${written} met the delegation.`, '2023-04-01');
      expect(seen.ids).toContain('yoon-suk-yeol');
      expect(seen.analysis.actors.get('yoon-suk-yeol')?.name).toBe(
        knownActor('yoon-suk-yeol')?.name,
      );
    }
  });

  it.each([
    [
      "Mara Lind, Sweden's foreign minister, said talks would resume.",
      'mara-lind>sweden:foreign minister',
    ],
    [
      'Jonas Peeters, a spokesman for NATO, declined to comment.',
      'jonas-peeters>nato:spokesman for NATO',
    ],
  ])('apposition: %s', (text, affiliation) => {
    expect(analyse(text).affiliations).toContain(affiliation);
  });

  it('a private individual is not an actor', () => {
    const seen = analyse('Local resident Anna Berg said the shelling lasted all night.');
    expect(seen.ids).toEqual([]);
  });
});

describe('organizations', () => {
  it('ties an acronym to the full name and resolves later uses', () => {
    const text =
      'The Northern Liberation Front (NLF) seized the town. Later the NLF said it would withdraw.';
    const seen = analyse(text);
    const nlf = seen.analysis.mentions.filter(
      (m) => m.actor === 'northern-liberation-front' && m.via !== 'pronoun',
    );
    expect(nlf.map((m) => text.slice(m.start, m.end))).toEqual([
      'Northern Liberation Front',
      'NLF',
      'NLF',
    ]);
  });

  it.each([
    ['The Chinese foreign ministry issued a protest.', 'chinese-foreign-ministry', 'china'],
    ['The Peruvian foreign ministry summoned the envoy.', 'peru-foreign-ministry', 'peru'],
    [
      "Pyongyang's Korean Central News Agency reported the launch.",
      'korean-central-news-agency',
      'north-korea',
    ],
    ['Researchers at Makerere University published the data.', 'makerere-university', null],
    ['NATO and the European Union issued a joint statement.', 'nato', null],
  ])('%s', (text, id, country) => {
    const actor = analyse(text).analysis.actors.get(id);
    expect(actor?.kind).toBe('organization');
    expect(actor?.country).toBe(country);
  });
});

describe('mention invariants', () => {
  it('mentions are sorted, non-overlapping, inside their sentences, and slice to their text', () => {
    const text =
      'US President Joe Biden told his Chinese counterpart that Washington would act. ' +
      "Biden also met Japan's prime minister. He said the alliance was strong.";
    const sents = sentences(text);
    const { mentions } = findActors(text, sents, '2022-11-26');
    for (let i = 1; i < mentions.length; i++) {
      expect(mentions[i]!.start).toBeGreaterThanOrEqual(mentions[i - 1]!.end);
    }
    for (const m of mentions) {
      const s = sents[m.sentence]!;
      expect(m.start).toBeGreaterThanOrEqual(s.start);
      expect(m.end).toBeLessThanOrEqual(s.end);
      expect(text.slice(m.start, m.end).length).toBe(m.end - m.start);
    }
  });

  it('finds no actors in text without any', () => {
    expect(analyse('The weather was mild and the river rose slowly.').ids).toEqual([]);
    expect(analyse('').ids).toEqual([]);
  });
});
