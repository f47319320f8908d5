// "Trade" names cooperation only when nothing hostile is traded: fire and accusations are hostile.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../server/extract/index.ts';

const typesBetween = (text: string, a: string, b: string) =>
  extractArticle({ text, published: '2024-03-02' })
    .events.filter((e) => (e.source === a && e.target === b) || (e.source === b && e.target === a))
    .map((e) => e.type);

describe('trade', () => {
  it.each([
    [
      'Armenia and Azerbaijan traded fire along the border on Friday.',
      'armenia',
      'azerbaijan',
      'ASSAULT',
    ],
    ['India and Pakistan traded accusations over the attack.', 'india', 'pakistan', 'ACCUSE'],
    ['Chile traded with Peru throughout the decade.', 'chile', 'peru', 'COOPERATE'],
  ])('%s', (text, a, b, type) => {
    const types = typesBetween(text, a, b);
    expect(types).toContain(type);
    if (type !== 'COOPERATE') expect(types).not.toContain('COOPERATE');
  });
});
