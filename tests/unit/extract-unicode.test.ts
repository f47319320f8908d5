// Names written with letters outside ASCII are read whole: the actor is found and its mention
// covers the name exactly as written, diacritics included.
import { describe, expect, it } from 'vitest';
import { analyse } from './actors-helpers.ts';

describe('names with diacritics', () => {
  it.each([
    [
      'Recep Tayyip Erdoğan rejected the proposal from Athens on Tuesday.',
      'Recep Tayyip Erdoğan',
      'recep-tayyip-erdogan',
    ],
    [
      'Radosław Sikorski criticised Hungary over its veto of the aid package.',
      'Radosław Sikorski',
      'radoslaw-sikorski',
    ],
    [
      'Mevlüt Çavuşoğlu met his Greek counterpart in Ankara.',
      'Mevlüt Çavuşoğlu',
      'mevlut-cavusoglu',
    ],
    [
      'Ingrida Šimonytė said Vilnius would close two border crossings.',
      'Ingrida Šimonytė',
      'ingrida-simonyte',
    ],
    [
      'Nguyễn Phú Trọng received a delegation from Laos in Hanoi.',
      'Nguyễn Phú Trọng',
      'nguyen-phu-trong',
    ],
    [
      'Talks stalled after Jonas Gahr Støre left Brussels early.',
      'Jonas Gahr Støre',
      'jonas-gahr-store',
    ],
  ])('%s', (sentence, name, id) => {
    const seen = analyse(sentence);
    expect(seen.ids).toContain(id);
    expect(seen.mentions).toContain(`${name}=${id}`);
  });

  it('a later surname mention with diacritics points back to the person', () => {
    const seen = analyse(
      'Mevlüt Çavuşoğlu arrived in Athens on Monday. Çavuşoğlu said the talks were useful.',
    );
    expect(seen.mentions).toContain('Çavuşoğlu=mevlut-cavusoglu');
  });
});
