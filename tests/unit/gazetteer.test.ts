// The gazetteer loader: phrase lookup rules, dated-role resolution and role words, on a fixture
// folder and on the project's graph-data.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import {
  bodyKey,
  loadGazetteer,
  holderOf,
  knownActor,
  officesForRoleWord,
} from '../../server/extract/gazetteer.ts';

const MINI = fileURLToPath(new URL('../fixtures/gazetteer-mini', import.meta.url));
const mini = loadGazetteer(MINI);

describe('gazetteer lookup (fixture)', () => {
  it.each([
    ['Ruritania', 'ruritania', 'name'],
    ['Kingdom of Ruritania', 'ruritania', 'alias'],
    ['RR', 'ruritania', 'acronym'],
    ['Strelsau', 'ruritania', 'capital'],
    ['Tower Palace', 'ruritania', 'metonym'],
    ['the Tower Palace', 'ruritania', 'metonym'],
    ['Ruritanian', 'ruritania', 'demonym'],
    ['Türkiye', 'turkey', 'name'],
    ['Turkiye', 'turkey', 'name'],
    ['Kurt Muller', 'mueller-kurt', 'name'],
    ['U.N.', 'united-nations', 'acronym'],
    ['Nato', 'nato', 'acronym'],
  ])('%s -> %s via %s', (phrase, id, via) => {
    const hit = mini.lookup(phrase);
    expect(hit.map((e) => [e.id, e.via])).toContainEqual([id, via]);
  });

  it('matches short names and acronyms with their case only', () => {
    expect(mini.lookup('rr')).toEqual([]);
    expect(mini.lookup('un')).toEqual([]);
    expect(mini.lookup('UN')[0]?.id).toBe('united-nations');
    expect(mini.lookup('ruritania')[0]?.id).toBe('ruritania');
  });

  it('flags ambiguous aliases', () => {
    expect(mini.lookup('Turkey')[0]?.ambiguous).toBe(true);
    expect(mini.lookup('Türkiye')[0]?.ambiguous).toBe(false);
  });

  it('finds the longest phrase over word keys', () => {
    const keys = ['kingdom', 'of', 'ruritania', 'said'];
    const m = mini.matchAt(keys, ['Kingdom', 'of', 'Ruritania', 'said'], 0);
    expect(m?.end).toBe(3);
    expect(mini.matchAt(keys, ['Kingdom', 'of', 'Ruritania', 'said'], 3)).toBeNull();
  });

  it('answers each key list for itself, again and again', () => {
    const keys = ['kingdom', 'of', 'ruritania', 'said'];
    const surfaces = ['Kingdom', 'of', 'Ruritania', 'said'];
    const first = mini.matchAt(keys, surfaces, 0);
    expect(mini.matchAt(keys, surfaces, 0)).toEqual(first);
    // Another list with other words at the same positions gets its own answers.
    const other = ['strelsau', 'said', 'kingdom', 'of'];
    expect(mini.matchAt(other, ['Strelsau', 'said', 'Kingdom', 'of'], 0)?.entries[0]?.via).toBe(
      'capital',
    );
    expect(mini.matchAt(other, ['Strelsau', 'said', 'Kingdom', 'of'], 2)).toBeNull();
    expect(mini.matchAt(keys, surfaces, 2)?.end).toBe(3);
    // A case-sensitive entry is checked against the surfaces: "rr" in lower case is no acronym.
    expect(mini.matchAt(['rr'], ['RR'], 0)?.entries[0]?.id).toBe('ruritania');
    expect(mini.matchAt(['rr'], ['rr'], 0)).toBeNull();
  });

  it('keeps role-word answers right past the number it remembers', () => {
    for (let n = 0; n < 50_010; n++) mini.officesForRoleWord(`clerk${n}`);
    expect(mini.officesForRoleWord('leader')).toEqual(['supreme-leader', 'head-of-state']);
    expect(mini.officesForRoleWord('plumber')).toEqual([]);
    // An empty answer is the caller's own: adding to it changes no later answer.
    mini.officesForRoleWord('plumber').push('head-of-state');
    expect(mini.officesForRoleWord('plumber')).toEqual([]);
  });

  it('resolves dated roles, with month-precision bounds', () => {
    expect(mini.holderOf('ruritania', 'head-of-state', '2018-05-01')).toBe('rudolf-elphberg');
    expect(mini.holderOf('ruritania', 'head-of-state', '2019-06-30')).toBe('rudolf-elphberg');
    expect(mini.holderOf('ruritania', 'head-of-state', '2019-07-01')).toBe('flavia-strel');
    expect(mini.holderOf('ruritania', 'head-of-state', null)).toBe('flavia-strel');
    expect(mini.holderOf('ruritania', 'head-of-state', '2010-01-01')).toBeNull();
    expect(mini.holderOf('borduria', 'head-of-state', '2016-03-01')).toBe('mueller-kurt');
    expect(mini.holderOf('borduria', 'head-of-state', '2016-02-28')).toBeNull();
  });

  it('maps role words to offices and reads titles', () => {
    expect(mini.officesForRoleWord('leader')).toEqual(['supreme-leader', 'head-of-state']);
    expect(mini.officesForRoleWord('Queen')).toEqual(['head-of-state']);
    expect(mini.officesForRoleWord('plumber')).toEqual([]);
    expect(mini.titles.has('foreign minister')).toBe(true);
  });

  it('knows demonyms, capitals and entries by id', () => {
    expect(mini.stateForDemonym('Bordurian')).toBe('borduria');
    expect(mini.stateForCapital('Szohod')).toBe('borduria');
    expect(mini.stateForCapital('Ruritania')).toBeNull();
    expect(mini.byId('flavia-strel')?.roles[0]?.office).toBe('head-of-state');
    expect(mini.peopleWithSurname('Elphberg')).toEqual(['rudolf-elphberg']);
  });
});

describe('gazetteer (graph-data)', () => {
  it.each([
    ['china', 'head-of-state', '2022-11-26', 'xi-jinping'],
    ['united-states', 'head-of-state', '2019-06-01', 'donald-trump'],
    ['united-states', 'head-of-state', '2022-11-26', 'joe-biden'],
  ])('holderOf(%s, %s, %s) = %s', (of, office, date, id) => {
    expect(holderOf(of, office, date)).toBe(id);
  });

  it('resolves common state names and abbreviations', () => {
    const g = loadGazetteer();
    for (const [phrase, id] of [
      ['U.S.', 'united-states'],
      ['US', 'united-states'],
      ['Britain', 'united-kingdom'],
      ['DPRK', 'north-korea'],
      ['Pyongyang', 'north-korea'],
      ['Kremlin', 'russia'],
    ]) {
      expect(g.lookup(phrase!).map((e) => e.id)).toContain(id);
    }
  });

  it('exposes gazetteer entries and role words', () => {
    expect(knownActor('xi-jinping')?.kind).toBe('person');
    expect(knownActor('china')?.country).toBe('china');
    expect(officesForRoleWord('president')[0]).toBe('head-of-state');
  });
});

describe('national bodies, title prefixes and modifiers (fixture)', () => {
  it.each([
    ['Foreign Ministry', 'ruritanian-foreign-ministry'],
    ['Ministry of Foreign Affairs', 'ruritanian-foreign-ministry'],
    ['ministry of the foreign affairs', 'ruritanian-foreign-ministry'],
    ['Defence Ministry', null],
  ])('ruritania + %s -> %s', (name, id) => {
    expect(mini.nationalBody('ruritania', name)).toBe(id);
  });

  it('does not give one state another state’s body', () => {
    expect(mini.nationalBody('turkey', 'Foreign Ministry')).toBeNull();
  });

  it('knows the prefixes of titles with inner words', () => {
    expect(mini.titlePrefixes.has('secretary of')).toBe(true);
    expect(mini.titlePrefixes.has('president')).toBe(false);
  });

  it('reads modifiers with a valid tense and skips others', () => {
    expect(mini.modifiers.get('former')).toBe('past');
    expect(mini.modifiers.get('-elect')).toBe('future');
    expect(mini.modifiers.has('bogus')).toBe(false);
  });
});

describe('bodyKey', () => {
  it.each([
    ['Ministry of Foreign Affairs', 'foreign ministry'],
    ['Ministry of National Defense', 'defence ministry'],
    ['Ministry of External Affairs', 'foreign ministry'],
    ['Department of the Treasury', 'department of treasury'],
  ])('%s -> %s', (name, key) => {
    expect(bodyKey(name)).toBe(key);
  });
});
