// Titles and appositions read off the parse: each construction in whichever shape the parser
// gives it (the title under the name, the name under the title, both under one head), with the
// person, the body of the role and the role as worded.
import { describe, expect, it } from 'vitest';
import { analyse } from './actors-helpers.ts';

describe('title phrases tied to the name by the parse', () => {
  it.each([
    // The title under the name (nmod:desc).
    [
      'Bolivian Foreign Minister Celinda Sosa met the delegation in La Paz.',
      'celinda-sosa>bolivia:Foreign Minister',
      'Bolivian Foreign Minister Celinda Sosa=celinda-sosa',
    ],
    // The name as apposition of a lower-case title.
    [
      'Mongolian energy minister Batbold Tsend said the pipeline would wait.',
      'batbold-tsend>mongolia:energy minister',
      'Mongolian energy minister Batbold Tsend=batbold-tsend',
    ],
    // Title and name both subjects of the verb ("Zambia's President, Mwila Banda, opened").
    [
      "Zambia's President, Mwila Banda, opened the session.",
      'mwila-banda>zambia:President',
      "Zambia's President, Mwila Banda=mwila-banda",
    ],
    // "Former" hung on the root by the parser still belongs to the title.
    [
      'Former Peruvian President Rosa Quispe criticised the budget.',
      'rosa-quispe>peru:President',
      'Former Peruvian President Rosa Quispe=rosa-quispe',
    ],
    // The name after a comma hangs on a word inside the title's complement.
    [
      'The report was presented by the chair of the Estonian Audit Office, Dr. Kaja Tamm.',
      'kaja-tamm>estonia-audit-office:chair of the Estonian Audit Office',
      'chair of the Estonian Audit Office, Dr. Kaja Tamm=kaja-tamm',
    ],
  ])('%s', (text, affiliation, mention) => {
    const seen = analyse(text);
    expect(seen.affiliations).toContain(affiliation);
    expect(seen.mentions).toContain(mention);
  });

  it('a verb between a name and a later title keeps the title with the second name', () => {
    const seen = analyse(
      'Chilean envoy Marta Rojas greeted Uruguayan Defence Minister Pablo Ferreira.',
    );
    expect(seen.mentions).toContain('Uruguayan Defence Minister Pablo Ferreira=pablo-ferreira');
    expect(seen.affiliations).toContain('pablo-ferreira>uruguay:Defence Minister');
    expect(seen.affiliations.some((a) => a.startsWith('marta-rojas>uruguay'))).toBe(false);
  });

  it('a name listed after another person and her role is not the holder of that role', () => {
    const seen = analyse(
      'Asel Nurova, head of the Committee on Mines, Energy and Water, Zhanar Bek and others met.',
    );
    expect(seen.ids).not.toContain('zhanar-bek');
    expect(seen.affiliations).toEqual(['asel-nurova>committee-on-mines-energy-and-water:head']);
  });

  it('a demonym the parser makes a second subject beside the title still qualifies it', () => {
    const seen = analyse('Chilean envoy Marta Rojas greeted the delegation.');
    expect(seen.affiliations).toContain('marta-rojas>chile:envoy');
  });

  it('a title with no body and an unknown private name gives no actor', () => {
    expect(analyse('Shopkeeper Lwazi Dube said prices had doubled.').ids).toEqual([]);
  });
});

describe('appositions read off the parse', () => {
  it('"X, the secretary-general of Y" with a body only the name finder knows', () => {
    const seen = analyse(
      'Tomas Varga, the secretary-general of the Andean Community, said the tariffs would stay.',
    );
    expect(seen.affiliations).toContain(
      'tomas-varga>andean-community:secretary-general of the Andean Community',
    );
    expect(seen.analysis.actors.get('andean-community')?.kind).toBe('organization');
  });

  it('a role in the second conjunct of an apposition', () => {
    const seen = analyse(
      'Kalani Mahoe, a former fisherman from Hilo and the deputy director of the Pacific Fisheries Agency, criticised the quota.',
    );
    expect(seen.affiliations).toContain(
      'kalani-mahoe>pacific-fisheries-agency:deputy director of the Pacific Fisheries Agency',
    );
  });

  it('the role noun of an apposition the parser headed on another word', () => {
    const seen = analyse(
      'Jonas Berg, associate history and law professor at Uppsala University, said the ruling was weak.',
    );
    expect(seen.affiliations).toContain('jonas-berg>uppsala-university:professor');
  });

  it('an embassy employee is affiliated with the state of the embassy', () => {
    const seen = analyse(
      'Police detained Arne Dahl, a local Norwegian embassy employee, on Friday.',
    );
    expect(seen.affiliations).toContain('arne-dahl>norway:employee');
  });
});

describe('"X of Y" and "X, who heads Y"', () => {
  it.each([
    ['Ingrid Solberg of the Nordic Council warned of delays.', 'ingrid-solberg>nordic-council:'],
    [
      'Sione Tupou, of the Tonga Broadcasting Commission, said the signal was lost.',
      'sione-tupou>tonga-broadcasting-commission:',
    ],
    [
      'Lucia Paredes, who chairs the Andean Parliament, rejected the vote.',
      'lucia-paredes>andean-parliament:chair',
    ],
  ])('%s', (text, prefix) => {
    expect(analyse(text).affiliations.some((a) => a.startsWith(prefix))).toBe(true);
  });
});

describe('relative clauses the parser hangs on the main verb', () => {
  it('"X, who leads Y, said": the clause still gives X the post at Y', () => {
    const seen = analyse(
      "Maria Santos, who leads Peru's People's Legal Aid Foundation, said the law was unfair.",
    );
    expect(seen.affiliations).toContain('maria-santos>peoples-legal-aid-foundation:leader');
  });
});

describe('bodies the name finder finds, with their state', () => {
  it('a collective possessive opens the name; the state in front is its country', () => {
    const seen = analyse(
      "Maria Santos, who leads Peru's People's Legal Aid Foundation, said the law was unfair.",
    );
    expect(seen.analysis.actors.get('peoples-legal-aid-foundation')).toMatchObject({
      kind: 'organization',
      country: 'peru',
    });
    expect(seen.mentions).toContain("People's Legal Aid Foundation=peoples-legal-aid-foundation");
  });

  it('a demonym in front gives the country', () => {
    const seen = analyse('The Peruvian Mining Federation said the tax was unfair.');
    expect(seen.analysis.actors.get('peruvian-mining-federation')).toMatchObject({
      kind: 'organization',
      country: 'peru',
    });
  });

  it("a state's mission at an organization is a body of that state", () => {
    const seen = analyse("Chile's U.N. mission said the vote was unfair.");
    expect(
      seen.analysis.actors.get('permanent-mission-of-chile-to-the-united-nations'),
    ).toMatchObject({
      name: 'Permanent Mission of Chile to the United Nations',
      kind: 'organization',
      country: 'chile',
    });
    expect(seen.mentions).toContain('mission=permanent-mission-of-chile-to-the-united-nations');
    expect(seen.mentions).toContain('U.N.=united-nations*');
  });

  it('a pronoun possessor leaves the mission to the coreference stage', () => {
    const seen = analyse('Kenya said its U.N. mission would reply.');
    expect(seen.ids.some((id) => id.startsWith('permanent-mission'))).toBe(false);
  });

  it("a shared name after a bracketed organization is that organization's body", () => {
    const seen = analyse('The resolution was blocked by the [U.N.] Security Council on Monday.');
    expect(seen.mentions).toContain('Security Council=un-security-council');
    expect(seen.mentions).toContain('U.N.=united-nations*');
  });
});
