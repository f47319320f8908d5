// Trips to a capital for talks, named spokespeople's threats and joint acts of two persons.
import { describe, expect, it } from 'vitest';
import { articleTriples as events } from '../helpers/article-events.ts';

describe('trips to a capital', () => {
  it.each([
    [
      'Hungarian Prime Minister Viktor Orban travelled to Moscow for talks with Russian President Vladimir Putin.',
      'viktor-orban>russia:CONSULT',
    ],
    [
      'Brazilian President Luiz Inacio Lula da Silva flew to Beijing for a state visit.',
      'luiz-inacio-lula-da-silva>china:CONSULT',
    ],
    [
      'Kenyan President William Ruto arrived in Kampala for talks with his counterpart.',
      'william-ruto>uganda:CONSULT',
    ],
  ])('%s', (text, event) => {
    expect(events(text)).toContain(event);
  });

  it('a planned trip is an agreement to meet', () => {
    expect(events('Narendra Modi will travel to Tokyo for a summit next week.')).toContain(
      'narendra-modi>japan:AGREE',
    );
  });

  it('a trip for another purpose is no consultation', () => {
    expect(events('Viktor Orban travelled to Moscow to watch a football match.')).toEqual([]);
  });
});

describe('named spokespeople threatening', () => {
  // The states whose warships the warning endangers are its targets.
  it('threatens each state of a coordinated target', () => {
    const found = events(
      'Houthi spokesman Yahya Saree warned that American and British warships were legitimate targets.',
    );
    expect(found).toContain('yahya-saree>united-states:THREATEN');
    expect(found).toContain('yahya-saree>united-kingdom:THREATEN');
  });
});

describe('coordinated persons acting jointly', () => {
  it.each([
    'Narendra Modi and Fumio Kishida agreed to expand defence ties.',
    // Titled names the parser reads as two subjects of one verb.
    'Indian Prime Minister Narendra Modi and Japanese Prime Minister Fumio Kishida agreed to expand defence ties.',
  ])('%s', (text) => {
    const found = events(text).filter((e) => e.endsWith(':AGREE'));
    expect(found).toHaveLength(1);
    expect(found[0]!.split(':')[0]!.split('>').sort()).toEqual(['fumio-kishida', 'narendra-modi']);
  });
});
