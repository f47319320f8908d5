// The explorer's API client: bearer tokens sent on every request once known, a prompt when the
// server answers 401 or says writes need a token, and the token kept in (session) storage.
import { describe, expect, it } from 'vitest';
import {
  ApiRequestError,
  createApiClient,
  storedToken,
  TOKEN_KEY,
  type TokenReason,
} from '../../client/src/api/index.ts';

const TOKEN = 'correct-horse-battery-staple';

interface Seen {
  method: string;
  path: string;
  auth: string | null;
}

/** A fake server: writes need TOKEN; /config tells whether it says so up front. */
function fakeServer(opts: { advertise: boolean; readToken?: boolean }) {
  const seen: Seen[] = [];
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://test');
    const headers = new Headers(init?.headers);
    const method = init?.method ?? 'GET';
    const auth = headers.get('authorization');
    seen.push({ method, path: url.pathname, auth });
    if (url.pathname === '/api/config') {
      if (!opts.advertise) return json(404, { error: { code: 'not_found', message: 'no route' } });
      return json(200, {
        auth: { writeTokenRequired: true, readTokenRequired: !!opts.readToken, scheme: 'Bearer' },
      });
    }
    const needs = method !== 'GET' || opts.readToken;
    if (needs && auth !== `Bearer ${TOKEN}`) {
      return json(401, { error: { code: 'unauthorized', message: 'needs a token' } });
    }
    if (method === 'POST') return json(201, { id: 'doc-1', created: true, extraction: {} });
    return json(200, { items: [], total: 0 });
  }) as typeof fetch;
  return { seen, fetchImpl };
}

function memoryStorage() {
  const m = new Map<string, string>();
  return {
    map: m,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
}

function tokenSource(answers: (string | null)[]) {
  const storage = memoryStorage();
  const asked: TokenReason[] = [];
  return {
    storage,
    asked,
    source: {
      ...storedToken(storage),
      ask: async (reason: TokenReason) => {
        asked.push(reason);
        return answers.shift() ?? null;
      },
    },
  };
}

const article = { text: 'Some article.' };

describe('API client tokens', () => {
  it('sends no token on reads while none is known', async () => {
    const { seen, fetchImpl } = fakeServer({ advertise: true });
    const t = tokenSource([]);
    const api = createApiClient({ fetch: fetchImpl, tokens: t.source });
    await api.searchActors('kim');
    expect(seen).toEqual([{ method: 'GET', path: '/api/actors', auth: null }]);
    expect(t.asked).toEqual([]);
  });

  it('asks before the first write when /api/config says writes need a token', async () => {
    const { seen, fetchImpl } = fakeServer({ advertise: true });
    const t = tokenSource([TOKEN]);
    const api = createApiClient({ fetch: fetchImpl, tokens: t.source });
    const r = await api.ingest(article);
    expect(r.id).toBe('doc-1');
    expect(t.asked).toEqual(['required']);
    // One config read, then a single write that already carries the token: no failed attempt.
    expect(seen.map((s) => `${s.method} ${s.path} ${s.auth}`)).toEqual([
      'GET /api/config null',
      `POST /api/documents Bearer ${TOKEN}`,
    ]);
    expect(t.storage.map.get(TOKEN_KEY)).toBe(TOKEN);
    // Later requests, reads included, reuse the kept token without asking again.
    await api.searchActors('x');
    await api.ingest(article);
    expect(t.asked).toHaveLength(1);
    expect(seen.at(-1)!.auth).toBe(`Bearer ${TOKEN}`);
    expect(seen.filter((s) => s.path === '/api/config')).toHaveLength(1);
  });

  it('asks on a 401 when the server does not advertise, then retries with the token', async () => {
    const { seen, fetchImpl } = fakeServer({ advertise: false });
    const t = tokenSource([TOKEN]);
    const api = createApiClient({ fetch: fetchImpl, tokens: t.source });
    await api.ingest(article);
    expect(t.asked).toEqual(['required']);
    const writes = seen.filter((s) => s.method === 'POST');
    expect(writes.map((s) => s.auth)).toEqual([null, `Bearer ${TOKEN}`]);
  });

  it('says when a token was refused, forgets it, and asks again', async () => {
    const { seen, fetchImpl } = fakeServer({ advertise: true });
    const t = tokenSource(['wrong-token', TOKEN]);
    const api = createApiClient({ fetch: fetchImpl, tokens: t.source });
    await api.preview(article);
    expect(t.asked).toEqual(['required', 'rejected']);
    expect(seen.filter((s) => s.method === 'POST').map((s) => s.auth)).toEqual([
      'Bearer wrong-token',
      `Bearer ${TOKEN}`,
    ]);
    expect(t.storage.map.get(TOKEN_KEY)).toBe(TOKEN);
  });

  it('fails with the 401 when the person cancels, keeping no token', async () => {
    const { fetchImpl } = fakeServer({ advertise: false });
    const t = tokenSource([null]);
    const api = createApiClient({ fetch: fetchImpl, tokens: t.source });
    const err = await api.ingest(article).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiRequestError);
    expect((err as ApiRequestError).status).toBe(401);
    expect(t.storage.map.has(TOKEN_KEY)).toBe(false);
  });

  it('gives up after a bounded number of refused tokens', async () => {
    const { seen, fetchImpl } = fakeServer({ advertise: false });
    const t = tokenSource(['a', 'b', 'c', 'd', 'e', 'f']);
    const api = createApiClient({ fetch: fetchImpl, tokens: t.source });
    const err = await api.ingest(article).catch((e: unknown) => e);
    expect((err as ApiRequestError).status).toBe(401);
    expect(t.asked.length).toBe(3);
    expect(seen.filter((s) => s.method === 'POST').length).toBe(4);
  });

  it('asks for reads too when the server wants a read token', async () => {
    const { fetchImpl } = fakeServer({ advertise: true, readToken: true });
    const t = tokenSource([TOKEN]);
    const api = createApiClient({ fetch: fetchImpl, tokens: t.source });
    await api.graph();
    expect(t.asked).toEqual(['required']);
  });

  it('without a token source, a 401 is a plain error and nothing is asked', async () => {
    const { fetchImpl } = fakeServer({ advertise: true });
    const api = createApiClient({ fetch: fetchImpl });
    const err = await api.ingest(article).catch((e: unknown) => e);
    expect((err as ApiRequestError).code).toBe('unauthorized');
  });

  it('keeps the token in memory when storage throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    const s = storedToken(broken);
    s.set('abc');
    expect(s.get()).toBe('abc');
    s.set(null);
    expect(s.get()).toBeNull();
  });
});
