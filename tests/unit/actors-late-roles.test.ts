// Persons whose public role the article states only later: once a full name or surname gets a
// role anywhere, the person is an actor at every mention, earlier ones included, with the
// affiliation from the mention that states it; a name with no role anywhere stays out. News
// outlets from the gazetteer are the press: telling one is no consultation.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../server/extract/index.ts';
import { articleTriples } from '../helpers/article-events.ts';
import { analyse } from './actors-helpers.ts';

function events(text: string): string[] {
  return articleTriples(text, '2024-05-02');
}

describe('a role stated later makes every mention of the person count', () => {
  it('takes the full name before the sentence that gives the role', () => {
    const seen = analyse(
      "Wanjiru Kamau spoke in Nakuru on Monday. Farmers cheered. Wanjiru Kamau, Kenya's agriculture minister, later said the subsidy would stay.",
    );
    expect(seen.mentions.filter((m) => m === 'Wanjiru Kamau=wanjiru-kamau')).toHaveLength(2);
    expect(seen.affiliations).toContain('wanjiru-kamau>kenya:agriculture minister');
  });

  it('takes a surname alone in an earlier sentence', () => {
    const seen = analyse(
      "Kamau met traders in Nakuru on Monday. On Tuesday, Wanjiru Kamau, Kenya's agriculture minister, said the subsidy would stay.",
    );
    expect(seen.mentions[0]).toBe('Kamau=wanjiru-kamau');
  });

  it('reads a role given to the surname alone ("Quintero, the former president of Venezuela")', () => {
    const seen = analyse(
      'Rafael Quintero met Colombian officials. Quintero, the former president of Venezuela, urged them to reopen the border.',
    );
    expect(seen.ids).toContain('rafael-quintero');
    expect(seen.mentions).toContain('Rafael Quintero=rafael-quintero');
    expect(seen.mentions).toContain('Quintero=rafael-quintero');
    expect(seen.affiliations).toContain('rafael-quintero>venezuela:president');
  });

  it('reads a role in front in a later sentence ("the opposition leader, X")', () => {
    const seen = analyse(
      'Tomasz Zielinski criticised the budget on Friday. The opposition leader, Tomasz Zielinski, had long opposed the deal.',
    );
    const first = seen.analysis.mentions[0]!;
    expect(first.actor).toBe('tomasz-zielinski');
    expect(first.sentence).toBe(0);
  });

  it('keeps the relations of the earlier mention', () => {
    const found = events(
      "Wanjiru Kamau condemned Uganda's import ban on Monday. Traders agreed. Kamau, Kenya's agriculture minister, said talks would follow.",
    );
    expect(found.some((e) => e.startsWith('wanjiru-kamau>uganda:'))).toBe(true);
  });

  it('leaves out a person given no public role anywhere', () => {
    const seen = analyse(
      'Lucia Ferraro visited Rome on Sunday. Ferraro, who enjoyed the trip, said she would return.',
    );
    expect(seen.ids.some((id) => id.includes('ferraro'))).toBe(false);
  });
});

describe('news outlets are the press', () => {
  it('finds broadcasters, agencies and newspapers from several regions in the gazetteer', () => {
    for (const [text, id] of [
      ['Kenyan President William Ruto told France 24 that Nairobi wanted calm.', 'france-24'],
      ['The Philippine foreign minister told Haaretz the embassy would stay open.', 'haaretz'],
      ['Peru told EFE that it would expel the diplomat.', 'efe'],
      ['Chile told the Straits Times that talks would resume.', 'straits-times'],
    ] as const) {
      const x = extractArticle({ text, published: '2024-05-02' });
      expect(x.actors.map((a) => a.id)).toContain(id);
      expect(x.events.filter((e) => e.target === id && e.type === 'CONSULT')).toEqual([]);
    }
  });

  it('telling a state is still a consultation', () => {
    expect(
      events('The Brazilian foreign minister told Argentina the border would stay open.'),
    ).toContain('mauro-vieira>argentina:CONSULT');
  });
});
