// Limits: body size, article length, page size, ego depth and path length bounded with the bound
// named in the error; ingest rate-limited per client (429 + Retry-After); path queries under a time
// and ego-network queries under a time budget answer 503 time_budget_exceeded instead of holding
// the server.
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { kShortestPaths } from '../../server/graph/index.ts';
import {
  TimeBudget,
  TimeBudgetExceededError,
  TokenBucketLimiter,
  type SecuritySettings,
} from '../../server/security/index.ts';
import { articleText, testApp } from './setup.ts';

async function appWith(security: Partial<SecuritySettings>, now?: () => number) {
  const t = await testApp();
  const app = createApp({
    store: t.store,
    graph: t.graph,
    clientDir: '/nonexistent',
    log: (...a) => t.errors.push(a),
    security,
    now,
  });
  return { ...t, app };
}

describe('bounds named in the error', async () => {
  const t = await appWith({ bodyLimitBytes: 10_000, maxArticleChars: 1_000, ingestRate: null });
  const api = request(t.app);
  afterAll(() => {
    expect(t.errors).toEqual([]);
    t.close();
  });

  it('bounds the body size', async () => {
    const res = await api
      .post('/api/documents')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ text: 'x'.repeat(20_000) }))
      .expect(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(res.body.error.message).toContain('the limit is 10000 bytes');
  });

  it('bounds the article length, for ingest and preview', async () => {
    for (const route of ['/api/documents', '/api/extract']) {
      const res = await api
        .post(route)
        .send({ text: 'word '.repeat(201) })
        .expect(413);
      expect(res.body.error.code).toBe('article_too_long');
      expect(res.body.error.message).toMatch(/"text".*1005 characters; the limit is 1000/);
    }
    const fits = articleText('short');
    expect(fits.length).toBeLessThanOrEqual(1000);
    await api.post('/api/documents').send({ text: fits }).expect(201);
  });

  it('bounds page sizes, ego depth and path length', async () => {
    const cases: [string, string, string][] = [
      ['/api/relations?limit=501', 'limit', '500'],
      ['/api/documents?limit=100000', 'limit', '500'],
      ['/api/actors?limit=101', 'limit', '100'],
      ['/api/graph?focus=norland&depth=4', 'depth', '3'],
      ['/api/paths?from=norland&to=sudmark&maxLength=7', 'maxLength', '6'],
      ['/api/relations?limit=1e9', 'limit', '500'],
    ];
    for (const [url, parameter, bound] of cases) {
      const res = await api.get(url).expect(400);
      expect(res.body.error.code, url).toBe('invalid_parameter');
      expect(res.body.error.message, url).toContain(`"${parameter}"`);
      expect(res.body.error.message, url).toContain(bound);
    }
  });
});

describe('ingest rate limit', () => {
  it('refills a bucket per client at the configured rate', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ requests: 2, perMs: 60_000 }, () => now);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(30_000);
    expect(limiter.take('b')).toBe(0);
    now = 29_999;
    expect(limiter.take('a')).toBe(1);
    now = 30_000;
    expect(limiter.take('a')).toBe(0);
  });

  it('keeps memory bounded under many clients', () => {
    const limiter = new TokenBucketLimiter({ requests: 1, perMs: 1000 }, () => 0);
    for (let i = 0; i < 25_000; i++) limiter.take(`client-${i}`);
    expect(limiter.trackedClients).toBeLessThanOrEqual(10_000);
  });

  it('answers 429 with Retry-After once a client has used its ingest budget', async () => {
    let now = 0;
    const t = await appWith({ ingestRate: { requests: 3, perMs: 60_000 } }, () => now);
    try {
      const api = request(t.app);
      await api
        .post('/api/documents')
        .send({ text: articleText('r1') })
        .expect(201);
      await api
        .post('/api/extract')
        .send({ text: articleText('r2') })
        .expect(200);
      await api.post('/api/documents').send({ nothing: true }).expect(400);
      const limited = await api
        .post('/api/documents')
        .send({ text: articleText('r3') })
        .expect(429);
      expect(limited.body.error.code).toBe('rate_limited');
      expect(limited.body.error.message).toContain('3 per minute');
      expect(limited.headers['retry-after']).toBe('20');
      await api
        .post('/api/extract')
        .send({ text: articleText('r3') })
        .expect(429);
      // Reads are not limited.
      await api.get('/api/documents').expect(200);
      now = 20_000;
      await api
        .post('/api/documents')
        .send({ text: articleText('r3') })
        .expect(201);
      expect(t.errors).toEqual([]);
    } finally {
      t.close();
    }
  });
});

describe('time budget', () => {
  it('answers 503 time_budget_exceeded when a path query outruns its budget', async () => {
    let now = 0;
    // Every reading of the clock moves it 1.5 s on, so the second check is past a 2 s budget.
    const t = await appWith({ queryBudgetMs: 2_000 }, () => (now += 1_500));
    try {
      const actors = t.graph.graph.nodes();
      let stopped = 0;
      for (const to of actors) {
        const res = await request(t.app).get(`/api/paths?from=${actors[0]}&to=${to}&maxLength=6`);
        expect([200, 503]).toContain(res.status);
        if (res.status === 503) {
          stopped++;
          expect(res.body.error.code).toBe('time_budget_exceeded');
          expect(res.body.error.message).toMatch(/time budget of 2000 ms/);
          expect(res.headers['retry-after']).toBe('1');
        }
      }
      expect(stopped).toBeGreaterThan(0);
      expect(t.errors).toEqual([]);
    } finally {
      t.close();
    }
  });

  it('answers 503 time_budget_exceeded when an ego network outruns its budget', async () => {
    let now = 0;
    const t = await appWith({ queryBudgetMs: 2_000 }, () => (now += 1_500));
    try {
      const res = await request(t.app).get('/api/graph?focus=norland&depth=3&layout=false');
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('time_budget_exceeded');
      expect(res.body.error.message).toMatch(/ego network query took longer .* 2000 ms/);
      expect(res.headers['retry-after']).toBe('1');
      // The overview is bounded by the same budget.
      const overview = await request(t.app).get('/api/graph?layout=false').expect(503);
      expect(overview.body.error.message).toMatch(/graph overview took longer/);
      expect(t.errors).toEqual([]);
    } finally {
      t.close();
    }
  });

  it('answers an ego network within its budget', async () => {
    const t = await appWith({ queryBudgetMs: 60_000 });
    try {
      const res = await request(t.app)
        .get('/api/graph?focus=norland&depth=2&layout=false')
        .expect(200);
      expect(res.body.nodes.map((n: { key: string }) => n.key)).toContain('norland');
      expect(res.body.nodes.length).toBeGreaterThan(1);
    } finally {
      t.close();
    }
  });

  it('finds the same paths with an ample budget as without one', async () => {
    const t = await testApp();
    try {
      const actors = t.graph.graph.nodes();
      let found = 0;
      for (const from of actors) {
        for (const to of actors) {
          const budget = new TimeBudget('paths', 60_000);
          const mine = kShortestPaths(t.graph, from, to, { k: 3, budget });
          expect(mine).toEqual(kShortestPaths(t.graph, from, to, { k: 3 }));
          if (mine.paths.some((p) => p.nodes.length > 2)) found++;
        }
      }
      expect(found).toBeGreaterThan(0);
    } finally {
      t.close();
    }
  });

  it('throws once the deadline has passed', () => {
    let now = 0;
    const budget = new TimeBudget('the test query', 100, () => now);
    budget.check();
    now = 100;
    budget.check();
    now = 101;
    expect(() => budget.check()).toThrow(TimeBudgetExceededError);
  });
});
