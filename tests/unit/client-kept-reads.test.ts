// keepReads: an actor or a timeline asked again is answered from the kept reply, other requests
// always reach the server, a failed read is asked again, and forget() drops everything.
import { describe, expect, it } from 'vitest';
import { keepReads, KEPT_READS, type ApiClient } from '../../client/src/api/index.ts';

function countingClient() {
  const calls: string[] = [];
  let failNext = false;
  const client = {
    actor: (id: string) => {
      calls.push(`actor ${id}`);
      if (failNext) {
        failNext = false;
        return Promise.reject(new Error('server busy'));
      }
      return Promise.resolve({ id, name: id.toUpperCase() });
    },
    timeline: (q: Record<string, string>) => {
      calls.push(`timeline ${q.actor} ${q.granularity}`);
      return Promise.resolve({ actor: q.actor, buckets: [] });
    },
    relations: (q: Record<string, string>) => {
      calls.push(`relations ${q.actor}`);
      return Promise.resolve({ items: [] });
    },
  } as unknown as ApiClient;
  return { client, calls, failOnce: () => (failNext = true) };
}

describe('kept reads', () => {
  it('answers a repeated actor or timeline read from the kept reply', async () => {
    const c = countingClient();
    const { api } = keepReads(c.client);
    const a = await api.actor('ecowas');
    expect(await api.actor('ecowas')).toBe(a);
    await api.timeline({ actor: 'ecowas', granularity: 'month' });
    await api.timeline({ actor: 'ecowas', granularity: 'month' });
    await api.timeline({ actor: 'ecowas', granularity: 'week' });
    await api.relations({ actor: 'ecowas' });
    await api.relations({ actor: 'ecowas' });
    expect(c.calls).toEqual([
      'actor ecowas',
      'timeline ecowas month',
      'timeline ecowas week',
      'relations ecowas',
      'relations ecowas',
    ]);
  });

  it('asks again after a failure and after forget()', async () => {
    const c = countingClient();
    const reads = keepReads(c.client);
    c.failOnce();
    await expect(reads.api.actor('mercosur')).rejects.toThrow('server busy');
    expect((await reads.api.actor('mercosur')) as unknown).toEqual({
      id: 'mercosur',
      name: 'MERCOSUR',
    });
    reads.forget();
    await reads.api.actor('mercosur');
    expect(c.calls).toEqual(['actor mercosur', 'actor mercosur', 'actor mercosur']);
  });

  it('keeps at most KEPT_READS replies, dropping the oldest', async () => {
    const c = countingClient();
    const { api } = keepReads(c.client);
    for (let i = 0; i <= KEPT_READS; i++) await api.actor(`actor-${i}`);
    await api.actor(`actor-${KEPT_READS}`);
    await api.actor('actor-0');
    expect(c.calls.filter((x) => x === 'actor actor-0')).toHaveLength(2);
    expect(c.calls.filter((x) => x === `actor actor-${KEPT_READS}`)).toHaveLength(1);
  });
});
