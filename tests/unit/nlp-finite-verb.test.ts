// The finite-verb repair of the language layer: a sentence whose only verb the tagger read as a
// past participle with an object ("criticised Israel", "Amnesty International accused Egypt") is
// parsed again with that verb as a past tense, so its subject is found; participles of passives
// and sentences with a finite verb are left as they were.
import { describe, expect, it } from 'vitest';
import { languageLayer } from '../../server/nlp/index.ts';

function tree(text: string): { word: string; xpos: string; head: string; deprel: string }[] {
  const [s] = languageLayer().analyze(text, { names: false });
  return s!.tokens.map((t) => ({
    word: t.text,
    xpos: t.xpos,
    head: t.head < 0 ? 'ROOT' : s!.tokens[t.head]!.text,
    deprel: t.deprel,
  }));
}

describe('finite-verb repair', () => {
  it('makes a participle with an object after an apposition the verb of the sentence', () => {
    const t = tree('Lina Haddad, UN special coordinator, criticised Israel.');
    const verb = t.find((x) => x.word === 'criticised')!;
    expect(verb.xpos).toBe('VBD');
    expect(verb.head).toBe('ROOT');
    expect(t.find((x) => x.word === 'Lina')).toMatchObject({ head: 'criticised', deprel: 'nsubj' });
    expect(t.find((x) => x.word === 'Israel')).toMatchObject({ head: 'criticised', deprel: 'obj' });
  });

  it('makes a participle between a name and a noun phrase the verb ("Amnesty International accused")', () => {
    const t = tree('Amnesty International accused Egypt of torture.');
    const verb = t.find((x) => x.word === 'accused')!;
    expect(verb.xpos).toBe('VBD');
    expect(t.find((x) => x.word === 'Egypt')).toMatchObject({ head: 'accused', deprel: 'obj' });
  });

  it('leaves a participle with no object (a headline passive) alone', () => {
    const t = tree('Three journalists detained by Iran.');
    expect(t.find((x) => x.word === 'detained')!.xpos).toBe('VBN');
  });

  it('leaves a sentence that has a finite verb alone', () => {
    const t = tree('The envoy, appointed by the council, has criticised Israel.');
    expect(t.find((x) => x.word === 'appointed')!.xpos).toBe('VBN');
    expect(t.find((x) => x.word === 'has')!.xpos).toBe('VBZ');
  });
});
