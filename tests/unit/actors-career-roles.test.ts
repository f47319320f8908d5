// Persons whose post the article states in other shapes than a title or an apposition: an "as"
// phrase of a career verb or tenure noun ("served as prime minister of Romania", "who resigned as
// leader of the party", "Ionescu's term as mayor"), a lead that names the post a sentence before
// the person ("The AU's special envoy for Sudan is calling for ... Amara Diallo issued ..."), and
// a surname relatives share, which stands for the person the article named first.
import { describe, expect, it } from 'vitest';
import { articleTriples } from '../helpers/article-events.ts';
import { analyse } from './actors-helpers.ts';

function events(text: string): string[] {
  return articleTriples(text, '2024-05-02');
}

describe('a post stated in an "as" phrase', () => {
  it('reads a career verb with the name as its subject, and its body', () => {
    const text =
      'Gheorghe Ionescu spoke to reporters in Bucharest on Monday. Ionescu criticised Hungary over the minority law. Ionescu served as prime minister of Romania from 2009 to 2012.';
    const seen = analyse(text);
    expect(seen.ids).toContain('gheorghe-ionescu');
    expect(seen.affiliations).toContain('gheorghe-ionescu>romania:prime minister');
    expect(events(text)).toContain('gheorghe-ionescu>hungary:ACCUSE');
  });

  it('reads the relative clause of the name ("who resigned as leader of ...")', () => {
    const seen = analyse(
      'Mirela Kovac, who resigned as leader of the Social Democratic Party in 2019, accused Serbia of meddling.',
    );
    expect(seen.ids).toContain('mirela-kovac');
    expect(seen.affiliations.some((a) => a.startsWith('mirela-kovac>'))).toBe(true);
  });

  it('reads an "as" phrase on a tenure noun the name\'s pronoun possesses', () => {
    const seen = analyse('Tamas Kovacs took bribes during his term as prime minister of Hungary.');
    expect(seen.affiliations).toContain('tamas-kovacs>hungary:prime minister');
  });

  it('gives the post of an appointing verb to its object or passive subject, not its doer', () => {
    expect(analyse('Tamas Kovacs named Ilona Varga as envoy to Austria.').ids).not.toContain(
      'tamas-kovacs',
    );
    expect(analyse('Tamas Kovacs was named as envoy to Austria.').ids).toContain('tamas-kovacs');
  });

  it('gives no post to an "as" phrase of a verb that is no career ("described as")', () => {
    const seen = analyse('Tomasz Wrona was described as a strong leader by his neighbours.');
    expect(seen.ids).not.toContain('tomasz-wrona');
  });

  it('gives no post to a name with no role anywhere', () => {
    const seen = analyse('Tomasz Wrona visited Warsaw on Monday. Wrona met farmers there.');
    expect(seen.ids).not.toContain('tomasz-wrona');
  });
});

describe('the agent of "led by"', () => {
  it('leads the passive subject ("the militia is now being led by ...")', () => {
    const text =
      'Officials say the militia is now being led by Hassan Abdi Farah, who fled to the mountains. Farah accused Kenya of bombing villages.';
    expect(analyse(text).ids).toContain('hassan-abdi-farah');
    expect(events(text)).toContain('hassan-abdi-farah>kenya:ACCUSE');
  });

  it('leads the noun it modifies, a named body among them', () => {
    const seen = analyse(
      'The Ogaden Liberation Front, led by Yusuf Karimov, seized the town. Karimov later accused Ethiopia of war crimes.',
    );
    expect(seen.affiliations).toContain('yusuf-karimov>ogaden-liberation-front:leader');
    expect(analyse('A delegation headed by Lina Haddad arrived in Amman on Monday.').ids).toContain(
      'lina-haddad',
    );
  });

  it('is no post for the agent of another verb', () => {
    expect(analyse('The petition was signed by Omar Said on Monday.').ids).not.toContain(
      'omar-said',
    );
  });
});

describe('a name the name finder left unlabelled', () => {
  it('is an organization when its last word heads one ("Regional Government")', () => {
    const seen = analyse(
      'Turkish forces acted in coordination with the Iraqi Government and the Kurdish Regional Government.',
    );
    expect(seen.ids).toContain('kurdish-regional-government');
  });
});

describe('a lead that names the post before the person', () => {
  const text =
    "The African Union's special envoy for Sudan is calling for an immediate ceasefire. Amara Diallo issued his appeal on Friday in Addis Ababa. Diallo urged the Sudanese army to return to talks.";

  it('gives the post to the subject named in the next sentence, and its body', () => {
    const seen = analyse(text);
    expect(seen.ids).toContain('amara-diallo');
    expect(seen.affiliations).toContain('amara-diallo>african-union:special envoy');
    // The role phrase itself is the person's first mention.
    expect(seen.mentions).toContain('special envoy=amara-diallo');
    expect(events(text)).toContain('amara-diallo>sudan:REQUEST');
  });

  it('does not give it to a name that is not the next sentence subject', () => {
    const seen = analyse(
      'The U.N. special envoy for Libya is calling for new talks. Militias loyal to Omar Benkhayal rejected the call on Friday.',
    );
    expect(seen.ids).not.toContain('omar-benkhayal');
  });

  it('does not read a role phrase that names its holder', () => {
    const seen = analyse(
      "The African Union's special envoy for Sudan, Kwame Mensah, is calling for a ceasefire. Amara Diallo issued a statement on Friday.",
    );
    expect(seen.ids).toContain('kwame-mensah');
    expect(seen.ids).not.toContain('amara-diallo');
  });
});

describe('a surname relatives share', () => {
  const text =
    'Washington imposed sanctions on Tomas Varga and members of his family on Tuesday. Varga rejected the allegations. Under the sanctions, Varga, his wife, Ilona Varga, and his son, Peter Varga, are barred from travel to the United States. Varga served as president from 1999 to 2004.';

  it('stands for the person named first when it is used before the others are named', () => {
    const seen = analyse(text);
    expect(seen.ids).toContain('tomas-varga');
    expect(seen.ids).not.toContain('ilona-varga');
    expect(seen.mentions.filter((m) => m === 'Varga=tomas-varga').length).toBeGreaterThanOrEqual(2);
    expect(events(text)).toContain('united-states>tomas-varga:SANCTION');
  });

  it('stays unread when the relatives are named before the surname stands alone', () => {
    const seen = analyse(
      'Tomas Varga and his wife, Ilona Varga, arrived in Bratislava. Varga served as president from 1999 to 2004.',
    );
    expect(seen.ids).not.toContain('tomas-varga');
    expect(seen.ids).not.toContain('ilona-varga');
  });
});
