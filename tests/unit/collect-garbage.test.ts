// A full collection on demand: what was dropped is gone from the heap once collectGarbage returns,
// and the gc function it uses is not left on the global object.
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../server/collect-garbage.ts';

describe('collectGarbage', () => {
  it('frees what was dropped before it returns', () => {
    collectGarbage();
    const floor = process.memoryUsage().heapUsed;
    let dropped: { n: number; s: string }[] | null = [];
    for (let i = 0; i < 400_000; i++) dropped.push({ n: i, s: `item ${i}` });
    const held = process.memoryUsage().heapUsed;
    expect(held - floor).toBeGreaterThan(20 * 2 ** 20);
    dropped = null;
    const ms = collectGarbage();
    expect(ms).toBeTypeOf('number');
    expect(process.memoryUsage().heapUsed - floor).toBeLessThan((held - floor) / 4);
    expect(dropped).toBeNull();
  });

  it('leaves no gc function on the global object', () => {
    collectGarbage();
    expect('gc' in globalThis).toBe(false);
  });
});
