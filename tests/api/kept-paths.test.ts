// Path replies kept per graph version: the same query at the same version gets the reply already
// built, and one stored change makes the next query search the changed graph.
import { afterAll, describe, expect, it } from 'vitest';
import { AnalyticsService } from '../../server/api/analytics-service.ts';
import { testApp } from './setup.ts';

const t = await testApp();
afterAll(() => t.close());

describe('kept path replies', () => {
  it('answer again from the kept reply until the graph changes', async () => {
    const svc = new AnalyticsService(t.graph, t.store);
    const ask = (to: string) => svc.paths({ from: 'norland', to, k: 3, mode: 'any', maxLength: 4 });
    // A partner of a partner that norland has no event with.
    const direct = new Set(t.graph.pairsFrom('norland').keys());
    for (const p of t.graph.pairsTo('norland').keys()) direct.add(p);
    const far = t.graph.graph
      .nodes()
      .find((id) => id !== 'norland' && !direct.has(id) && t.graph.pairsTo(id).size > 0)!;
    const first = await ask(far);
    expect(first.paths[0]!.length).toBeGreaterThan(1);
    expect(await ask(far)).toBe(first);
    const other = await svc.paths({ from: 'norland', to: far, k: 1, mode: 'any', maxLength: 4 });
    expect(other).not.toBe(first);
    expect(other.paths).toEqual(first.paths.slice(0, 1));

    const name = t.graph.actor(far)!.name;
    const content = `source,target,type,date\nNorland,${name},CONSULT,2024-05-02\n`;
    const imported = await svc.import({ format: 'csv', fileName: 'link.csv', content } as never);
    expect(imported).toMatchObject({ imported: 1 });
    const after = await ask(far);
    expect(after).not.toBe(first);
    expect(after.paths[0]!.nodes).toEqual(['norland', far]);
  });
});
