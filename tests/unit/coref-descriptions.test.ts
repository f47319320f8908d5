// The coreference stage's descriptions: definite role nouns ("the Ugandan minister"), body nouns
// ("the bloc", "the regional body"), state nouns ("the kingdom") and sides ("the Chilean side")
// resolved on the parse by kind, modifiers, owner, salience and recency; places, quotes and past
// roles left alone.
import { describe, expect, it } from 'vitest';
import { analyse } from './actors-helpers.ts';

function mentionsOf(text: string, published: string | null = '2024-03-01'): string[] {
  return analyse(text, published).mentions;
}

describe('role nouns', () => {
  it('takes the person whose stated role fits, of the state the modifier names', () => {
    const text =
      'Kenyan Foreign Minister Amos Kiprop met Ugandan Foreign Minister Grace Auma. ' +
      'The Ugandan minister rejected the claim.';
    expect(mentionsOf(text)).toContain('The Ugandan minister=grace-auma');
  });

  it('never crosses to a person of another country', () => {
    const text =
      'Peruvian Prime Minister Ana Soto met Bolivian officials. The Chilean minister did not attend.';
    expect(mentionsOf(text).some((m) => m.endsWith('=ana-soto') && m.includes('Chilean'))).toBe(
      false,
    );
  });

  it('needs the modifier words in the role ("the defence minister" is not the prime minister)', () => {
    const text =
      'Thai Prime Minister Srettha Thavisin flew to Phnom Penh. The defence minister stayed home.';
    expect(mentionsOf(text).filter((m) => m.startsWith('The defence minister'))).toEqual([]);
  });

  it('the most salient fitting person: the subject before an object', () => {
    const text =
      'Ghanaian President Kwame Asante received Togolese President Faure Dossou in Accra. ' +
      'Later the president thanked the crowd.';
    expect(mentionsOf(text)).toContain('the president=kwame-asante');
  });

  it('a possessor names the state the role serves ("Moscow\'s envoy")', () => {
    const text =
      "Russian Ambassador Dmitri Volkov met Finnish officials. Moscow's envoy later accused Helsinki of provocation.";
    const m = mentionsOf(text);
    expect(m).toContain('Moscow=russia');
    expect(m).toContain('envoy=dmitri-volkov');
  });

  it('a past role is no one\'s current one: "the former minister" stays unresolved', () => {
    const text =
      'Chilean Foreign Minister Rosa Mella visited Lima. The former minister said ties were strong.';
    expect(mentionsOf(text).some((m) => m.startsWith('The former minister'))).toBe(false);
  });

  it('a role of something no actor names is not the last person with that role', () => {
    const text =
      'Sudanese President Omar Kheir spoke on Monday. He named the chief of the new agency.';
    expect(mentionsOf(text).some((m) => m.startsWith('the chief'))).toBe(false);
  });

  it('a description inside a direct quote is read from the speaker, so it is left alone', () => {
    const text =
      'Kenyan Foreign Minister Amos Kiprop met Ugandan Foreign Minister Grace Auma. ' +
      '"The minister is wrong," a Kenyan official said.';
    expect(mentionsOf(text).some((m) => m.startsWith('The minister'))).toBe(false);
  });
});

describe('roles a pronoun possesses', () => {
  it('"its foreign minister": the possessor resolved first, then the office holder on the date', () => {
    const m = mentionsOf('Japan said its foreign minister would travel to Seoul next week.');
    expect(m).toContain('its=japan');
    expect(m).toContain('foreign minister=yoko-kamikawa');
    // Another date, another holder.
    expect(
      mentionsOf('Japan said its foreign minister would travel to Seoul next week.', '2022-03-01'),
    ).toContain('foreign minister=yoshimasa-hayashi');
  });

  it('a person of the article holding the role comes before the gazetteer', () => {
    const text =
      'Kenyan Foreign Minister Amos Kiprop met Ugandan officials. Kenya said its minister had raised the border dispute.';
    expect(mentionsOf(text)).toContain('minister=amos-kiprop');
  });

  it('a possessor that resolves to nothing leaves the role alone', () => {
    expect(mentionsOf('The company said its chairman would step down.')).toEqual([]);
  });
});

describe('bodies', () => {
  it.each([
    ['Mercosur suspended Paraguay in 2012. The bloc later readmitted it.', 'The bloc=mercosur'],
    [
      'Ghana criticised the African Union on Monday. The regional body rejected the claim.',
      'The regional body=african-union',
    ],
    [
      'The International Criminal Court opened a case against Uganda. The court said hearings would begin in May.',
      'The court=icc',
    ],
    [
      'Colombia and Ecuador signed a border deal. The pact was welcomed by the Andean Community. The organisation praised both countries.',
      'The organisation=andean-community',
    ],
  ])('%s', (text, mention) => {
    expect(mentionsOf(text)).toContain(mention);
  });

  it('a body noun takes a body of a fitting category, not the nearest one', () => {
    const text =
      'Hezbollah fired rockets as the Arab League met in Cairo. The militia said more would follow.';
    expect(mentionsOf(text)).toContain('The militia=hezbollah');
  });

  it("the group's spokesman speaks for the group when no spokesman is named", () => {
    const text =
      "Ecowas suspended Guinea on Friday. The bloc's chairman urged a return to civilian rule.";
    expect(mentionsOf(text)).toContain("The bloc's chairman=ecowas");
  });
});

describe('states and sides', () => {
  it('a state noun takes the most salient state', () => {
    expect(
      mentionsOf('Canada expelled an Indian diplomat. The country said the move was final.'),
    ).toContain('The country=canada');
    expect(
      mentionsOf('Norway signed a deal with Sweden. The Nordic kingdom said the pact would last.'),
    ).toContain('The Nordic kingdom=norway');
  });

  it('a state noun naming a place is no actor ("live in the country")', () => {
    const m = mentionsOf('Vietnam protested to China. Thousands of people live in the country.');
    expect(m.some((x) => x.startsWith('the country'))).toBe(false);
  });

  it('a recipient is not a place ("aid to the kingdom")', () => {
    const text =
      'Australian Foreign Minister Penny Wong met Tongan officials. The foreign minister pledged aid to the kingdom.';
    const m = mentionsOf(text);
    expect(m).toContain('The foreign minister=penny-wong');
    expect(m).toContain('the kingdom=tonga');
  });

  it('"the Chilean side" is Chile acting, not a modifier', () => {
    const m = mentionsOf(
      'During the talks in Lima, the Peruvian side proposed a joint patrol, and the Chilean side agreed.',
    );
    expect(m).toContain('the Peruvian side=peru');
    expect(m).toContain('the Chilean side=chile');
    expect(analyse('The Chilean side agreed.').ids).toContain('chile');
  });
});
