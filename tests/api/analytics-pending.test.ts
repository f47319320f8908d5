// A ranking or a bloc analysis that takes longer than the query budget: the request answers 503
// (analysis_pending, Retry-After) while the analysis thread goes on, /healthz and other requests
// are answered meanwhile, and a later request gets the finished result.
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { MetricsResponse } from '../../server/api/analytics-schemas.ts';
import { createApp } from '../../server/app.ts';
import { randomGraph } from '../unit/analytics-fixtures.ts';
import { testApp } from './setup.ts';

const t = await testApp([]);
afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});

// Large enough that building its pair graph and estimating betweenness takes a good while.
const { graph } = randomGraph(17, 2500, 40_000, 1000);
const app = createApp({
  store: t.store,
  graph,
  clientDir: '/nonexistent',
  security: { queryBudgetMs: 30 },
  log: (...a) => t.errors.push(a),
});
const api = request(app);

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, performance.now() - started];
}

describe('an analysis longer than the query budget', () => {
  it('answers 503 with Retry-After while it computes, other requests meanwhile, then 200', async () => {
    const url = '/api/metrics?measure=betweenness&limit=10';
    const started = performance.now();
    const first = await api.get(url).expect(503);
    expect(first.body.error.code).toBe('analysis_pending');
    expect(first.body.error.message).toContain('being computed');
    expect(Number(first.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const health: number[] = [];
    let pending = 1;
    let answer: request.Response | null = null;
    while (!answer && performance.now() - started < 120_000) {
      const [, ms] = await timed(() => api.get('/healthz').expect(200));
      health.push(ms);
      const res = await api.get(url);
      if (res.status === 200) answer = res;
      else {
        expect(res.status).toBe(503);
        expect(res.headers['retry-after']).toBeDefined();
        pending++;
      }
    }
    const computing = performance.now() - started;
    expect(answer).not.toBeNull();
    expect(MetricsResponse.safeParse(answer!.body).success).toBe(true);
    expect(answer!.body.items).toHaveLength(10);
    // /healthz was answered over and over while the analysis ran, each far faster than it.
    expect(pending).toBeGreaterThan(1);
    expect(health.length).toBeGreaterThan(1);
    expect(Math.max(...health)).toBeLessThan(Math.max(150, computing / 4));
    // The result was kept: asked again, it is answered at once and is the same.
    const again = await api.get(url).expect(200);
    expect(again.body).toEqual(answer!.body);
  });

  it('answers blocs the same way, the pair graph already built once', async () => {
    let res = await api.get('/api/blocs?limit=5');
    const started = performance.now();
    while (res.status === 503 && performance.now() - started < 120_000) {
      expect(res.body.error.code).toBe('analysis_pending');
      await new Promise((r) => setTimeout(r, 50));
      res = await api.get('/api/blocs?limit=5');
    }
    expect(res.status).toBe(200);
    expect(res.body.blocs.length).toBeGreaterThan(0);
    expect(res.body.alignment.length).toBeGreaterThan(0);
  });
});
