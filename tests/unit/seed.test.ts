// Keeps the extractor from regressing on the seed article: actor P/R >= 0.9, relation F1 >= 0.8,
// event type right on >= 0.7 of matched relations.
import { describe, expect, it } from 'vitest';
import { scoreSeed, seedGoldAvailable } from '../quality/seed.ts';

describe('seed article against its reference annotation', () => {
  it('finds the reference annotation beside the project', () => {
    expect(seedGoldAvailable()).toBe(true);
  });

  it('meets the quality floor', () => {
    const score = scoreSeed();
    expect(score.actors.precision).toBeGreaterThanOrEqual(0.9);
    expect(score.actors.recall).toBeGreaterThanOrEqual(0.9);
    expect(score.relations.f1).toBeGreaterThanOrEqual(0.8);
    expect(score.typeAccuracy).toBeGreaterThanOrEqual(0.7);
  });
});
