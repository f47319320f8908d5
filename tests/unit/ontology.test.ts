// The ontology data file agrees with the typed PLOVER constants.
import { describe, expect, it } from 'vitest';
import { PLOVER_TYPES, QUADS, ontology, ploverInfo } from '../../server/model/index.ts';

describe('PLOVER ontology', () => {
  it('describes each of the 16 types exactly once', () => {
    expect(Object.keys(ontology().types).sort()).toEqual([...PLOVER_TYPES].sort());
    expect(PLOVER_TYPES).toHaveLength(16);
  });

  it('puts every type in a quad class whose polarity agrees with its score sign', () => {
    for (const type of PLOVER_TYPES) {
      const info = ploverInfo(type);
      expect(QUADS).toContain(info.quad);
      if (info.polarity === 'cooperative') expect(info.score).toBeGreaterThan(0);
      if (info.polarity === 'hostile') expect(info.score).toBeLessThan(0);
      expect(info.quad.endsWith('cooperation')).toBe(info.polarity === 'cooperative');
    }
  });

  it('uses the manual scores for the anchor types', () => {
    expect(ploverInfo('ASSAULT').score).toBe(-9);
    expect(ploverInfo('AID').score).toBe(10);
    expect(ploverInfo('REQUEST').score).toBe(0);
  });
});
