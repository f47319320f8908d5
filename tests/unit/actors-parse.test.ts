// The actor stage on the parse and the name finder: names the gazetteer lacks become actors when
// the text gives them a public role or names a body; fragments, places and modifiers do not; one
// node per actor.
import { describe, expect, it } from 'vitest';
import { analyse } from './actors-helpers.ts';

describe('persons the gazetteer lacks, with a public role stated', () => {
  it('reads an apposition: the role and the body it names', () => {
    const seen = analyse(
      'Kofi Mensah, the secretary-general of the Gulf of Guinea Ports Union, said the ships would wait.',
    );
    expect(seen.ids).toContain('kofi-mensah');
    expect(seen.affiliations.some((a) => a.startsWith('kofi-mensah>'))).toBe(true);
  });

  it('reads the body of an apposition whose name the parser split after its first word', () => {
    // "the Gulf" hangs on "head"; "of Aden Coast Guard Authority" is hung elsewhere.
    const seen = analyse(
      'Nadia Haddad, the head of the Gulf of Aden Coast Guard Authority, said the patrols would continue.',
    );
    expect(seen.affiliations).toContain('nadia-haddad>gulf-of-aden-coast-guard-authority:head');
  });

  it('reads a title compound in front of the name, and "X of Y" after it', () => {
    const seen = analyse('Senior analyst Tomas Berg of Baltic Risk Partners disagreed.');
    expect(seen.ids).toEqual(['baltic-risk-partners', 'tomas-berg']);
    expect(seen.affiliations).toContain('tomas-berg>baltic-risk-partners:Senior analyst');
  });

  it('reads a stacked title ("Deputy Governor nominee")', () => {
    const seen = analyse('Deputy Governor nominee Amina Said Hassan promised reforms.');
    expect(seen.ids).toContain('amina-said-hassan');
  });

  it('reads "Y\'s role X": the role is held for the state in front', () => {
    const seen = analyse("Peru's trade envoy Lucia Quispe criticised the quota.");
    expect(seen.ids).toContain('lucia-quispe');
    expect(seen.affiliations.some((a) => a.startsWith('lucia-quispe>peru:'))).toBe(true);
  });

  it('keeps a person named "of" a body apart from the body', () => {
    const seen = analyse('Janusz Nowak of the Warsaw Institute warned of delays.');
    expect(seen.ids).toContain('janusz-nowak');
    expect(seen.ids).toContain('warsaw-institute');
    expect(seen.ids.some((id) => id.startsWith('janusz-nowak-of'))).toBe(false);
  });

  it('leaves a named private person with no role out', () => {
    const seen = analyse('Shopkeeper relatives of Maria Lopes said the market burned.');
    expect(seen.ids).not.toContain('maria-lopes');
  });
});

describe('organizations found by the name finder', () => {
  it('takes a named body the gazetteer lacks, with the state in front as its country', () => {
    const seen = analyse("Kenya's Lake Basin Water Authority said the dam was safe.");
    const org = seen.analysis.actors.get('lake-basin-water-authority');
    expect(org?.kind).toBe('organization');
    expect(org?.country).toBe('kenya');
  });

  it('reads a capital inside a body\'s name as part of the name ("Radio Mogadishu")', () => {
    const seen = analyse('Radio Mogadishu reported the attack first.');
    expect(seen.ids).toContain('radio-mogadishu');
    expect(seen.ids).not.toContain('somalia');
  });

  it('does not take a designation for a body', () => {
    const seen = analyse(
      'Washington listed the militia as a Specially Designated Global Terrorist entity on Friday.',
    );
    expect(seen.ids.some((id) => id.includes('designated'))).toBe(false);
  });

  it('does not read a weekday and what follows into a name', () => {
    const seen = analyse(
      'Senegal sent a note to Radio Dakar on Monday for the U.N. Security Council.',
    );
    expect(seen.ids.some((id) => id.includes('monday'))).toBe(false);
    expect(seen.ids).toContain('un-security-council');
  });

  it('leaves common all-capital words and modifiers alone', () => {
    const seen = analyse('The CEO said GDP grew as COVID eased.');
    expect(seen.ids).toEqual([]);
  });
});

describe('no actor from a fragment, a place or a modifier', () => {
  it('"No" opening a sentence is not a minister named No', () => {
    const seen = analyse('No agreement was reached in Pyongyang on Monday.', '2023-03-01');
    expect(seen.ids).not.toContain('no-kwang-chol');
  });

  it("a capital inside a person's name is not the state", () => {
    const seen = analyse('Abdirahman Aden Ibbi said the vote was rigged.');
    expect(seen.ids).not.toContain('yemen');
  });

  it('a country name listed with US states is the US state', () => {
    const seen = analyse(
      'Mexico will tax timber from Oregon and Georgia, its trade ministry said.',
    );
    expect(seen.ids).toContain('mexico');
    expect(seen.ids).not.toContain('georgia');
  });

  it('a capital before "-based" names a place, not the state', () => {
    expect(analyse('The Hague-based tribunal ruled on Tuesday.').ids).not.toContain('netherlands');
    expect(analyse('A Nairobi-based think tank said so.').ids).not.toContain('kenya');
  });

  it('a capital modifying a common noun is not the state acting', () => {
    const seen = analyse('Ukraine and Russia once signed the Minsk agreements.');
    expect(seen.ids).not.toContain('belarus');
    expect(seen.ids).toEqual(expect.arrayContaining(['russia', 'ukraine']));
  });

  it('"its U.N. mission" is the possessor\'s mission, not the United Nations', () => {
    const seen = analyse('Brazil summoned the envoy. Its U.N. mission called the vote unfair.');
    expect(seen.ids).toEqual(['brazil']);
    expect(seen.mentions).toContain('Its=brazil');
  });
});

describe('one node per actor', () => {
  it('merges an acronym into the one body whose initials it spells', () => {
    const seen = analyse(
      'The Sahel Liberation Front claimed the raid. SLF said it would strike again.',
    );
    expect(seen.ids.filter((id) => id.includes('slf') || id.includes('sahel'))).toEqual([
      'sahel-liberation-front',
    ]);
  });

  it('a body named without its state is the same body', () => {
    const seen = analyse(
      'The US Central Command said two drones were downed. Central Command gave no details.',
    );
    expect(seen.ids).toEqual(['us-central-command']);
  });

  it("a leading article is not part of a body's name", () => {
    const seen = analyse('A U.S. State Department official said the US State Department agreed.');
    expect(seen.ids.some((id) => id.startsWith('a-'))).toBe(false);
  });

  it('reads a misspelt surname of a person named earlier as that person', () => {
    const seen = analyse(
      'Norwegian mediator Erik Solheimsen met the rebels. Solheimson later left for Oslo.',
    );
    expect(seen.mentions).toContain('Solheimson=erik-solheimsen');
  });

  it('a think tank is not the institution its name contains', () => {
    const seen = analyse('Mark Olsen of the African Union Policy Forum doubted the plan.');
    expect(seen.ids).not.toContain('african-union');
  });
});
