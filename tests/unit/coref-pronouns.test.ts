// The coreference stage: third-person pronouns resolved on the parse by agreement, binding,
// syntactic role, recency and salience, against actors and the other names the name finder found.
import { describe, expect, it } from 'vitest';
import { analyse, sentences } from './actors-helpers.ts';
import { resolvePronouns, type Candidate } from '../../server/extract/coreference/index.ts';

function mentionsOf(text: string): string[] {
  return analyse(text).mentions;
}

describe('pronouns resolved on the parse', () => {
  it('prefers the subject of the previous sentence', () => {
    const m = mentionsOf(
      'Polish President Jan Kowal met Czech Prime Minister Petr Novy. He said talks went well.',
    );
    expect(m).toContain('He=jan-kowal');
  });

  it("never binds a plain object pronoun to its own clause's subject", () => {
    const m = mentionsOf(
      'Kenyan President William Ruto met Ugandan counterpart Yoweri Museveni. He praised him.',
    );
    expect(m).toContain('He=william-ruto');
    expect(m).toContain('him=yoweri-museveni');
  });

  it("binds a reflexive to its own clause's subject", () => {
    const m = mentionsOf(
      'Ghanaian Foreign Minister Ama Owusu met Togolese envoy Kodjo Agbeko. Agbeko described himself as a mediator.',
    );
    expect(m).toContain('himself=kodjo-agbeko');
  });

  it('respects a gender the text states', () => {
    const m = mentionsOf(
      'Chilean spokeswoman Rosa Vidal met Peruvian envoy Luis Soto in Lima. He said the border would reopen.',
    );
    expect(m).toContain('He=luis-soto');
  });

  it('lets a named person who is not an actor take the pronoun', () => {
    const m = mentionsOf(
      'Kenyan President William Ruto opened a clinic in Kisumu. Patient Jane Wanjiru said she was grateful.',
    );
    expect(m.some((x) => x.startsWith('she='))).toBe(false);
  });

  it('reads "it" and "its" as a state or an organization, never a person', () => {
    const m = mentionsOf('The African Union said its observers would stay.');
    expect(m).toContain('its=african-union');
    const p = mentionsOf('Malian President Assimi Goita said it would rain.');
    expect(p.some((x) => x.startsWith('it='))).toBe(false);
  });

  it('leaves an "it" that refers to nothing alone', () => {
    const m = mentionsOf('Norway said it is likely that the talks will resume.');
    expect(m.some((x) => x.startsWith('it='))).toBe(false);
  });

  it('lets a plural noun take "they" before a state, which is "it"', () => {
    const m = mentionsOf('Ghana welcomed the investors. They promised new factories.');
    expect(m.some((x) => x.startsWith('They='))).toBe(false);
  });

  it('keeps a chain of pronouns in reach beyond three sentences', () => {
    const m = mentionsOf(
      'Fijian Prime Minister Sitiveni Rabuka arrived on Monday. He met farmers. He toured a school. He opened a clinic. He then left.',
    );
    expect(m.filter((x) => x.startsWith('He='))).toEqual([
      'He=sitiveni-rabuka',
      'He=sitiveni-rabuka',
      'He=sitiveni-rabuka',
      'He=sitiveni-rabuka',
    ]);
  });

  it('takes no antecedent from a later sentence or beyond three sentences back', () => {
    const text =
      'Fiji protested. The storm passed. Crops failed. Roads closed. It said aid was late. Tonga agreed.';
    const m = mentionsOf(text);
    expect(m.filter((x) => x.startsWith('It='))).toEqual([]);
  });
});

describe('resolvePronouns on given candidates', () => {
  it('chooses among candidates by salience, and returns the span of the one chosen', () => {
    const text = 'The Andean Council met. Bolivia hosted it. It praised Bolivia.';
    const ss = sentences(text);
    const at = (word: string, from = 0): number => text.indexOf(word, from);
    const candidates: Candidate[] = [
      {
        actor: 'andean-council',
        kind: 'organization',
        start: at('Andean Council') - 0,
        end: at('Andean Council') + 'Andean Council'.length,
        sentence: 0,
      },
      {
        actor: 'bolivia',
        kind: 'state',
        start: at('Bolivia'),
        end: at('Bolivia') + 7,
        sentence: 1,
      },
    ];
    const links = resolvePronouns(ss, candidates);
    const first = links.find((l) => l.start === at('it'));
    expect(first?.antecedent.actor).toBe('andean-council');
  });
});
