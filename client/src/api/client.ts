// Typed fetch client for the stancegraph API: one method per endpoint, errors as ApiRequestError.
// With a token source, it sends the bearer token and asks for one when the server answers 401.
import type { AuthConfig, TokenSource } from './auth.ts';
import type {
  ActorInfo,
  ActorSearch,
  ArticleInput,
  DocumentWithExtraction,
  Extraction,
  GraphExport,
  IngestResult,
  Path,
  RelationsPage,
} from './types.ts';

/** A failed request: HTTP status (0 when the server could not be reached) and the API's code. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`stancegraph: ${message}`);
    this.name = 'ApiRequestError';
  }

  get unreachable(): boolean {
    return this.status === 0;
  }
}

type Query = Record<string, string | number | readonly string[] | null | undefined>;

/** A query string without empty values; lists are comma-separated as the API accepts. */
export function queryString(q: Query): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === null || v === undefined) continue;
    if (Array.isArray(v)) {
      if (v.length) p.set(k, v.join(','));
    } else p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

export interface ApiClient {
  graph(q?: Query): Promise<GraphExport>;
  searchActors(q: string, limit?: number): Promise<ActorSearch>;
  actor(id: string): Promise<ActorInfo>;
  relations(q: Query): Promise<RelationsPage>;
  paths(from: string, to: string, maxLength?: number): Promise<Path>;
  document(id: string): Promise<DocumentWithExtraction>;
  ingest(article: ArticleInput): Promise<IngestResult>;
  preview(article: ArticleInput): Promise<Extraction>;
  /** Whether the server wants tokens; null when it does not say (an older server). */
  authConfig(): Promise<AuthConfig | null>;
}

export interface ApiClientOptions {
  base?: string;
  fetch?: typeof fetch;
  /** Without one, requests carry no token and a 401 is simply an error. */
  tokens?: TokenSource;
}

/** How many times one request may ask for a token before it gives up with the 401. */
const MAX_ASKS = 3;

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const base = options.base ?? '/api';
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const tokens = options.tokens ?? null;
  let config: Promise<AuthConfig | null> | null = null;

  async function send<T>(path: string, init: RequestInit | undefined, token: string | null) {
    let res: Response;
    try {
      res = await fetchImpl(`${base}${path}`, {
        ...init,
        headers: {
          accept: 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(init?.headers ?? {}),
        },
      });
    } catch {
      throw new ApiRequestError(0, 'unreachable', 'the server cannot be reached');
    }
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      body = null;
    }
    if (!res.ok) {
      const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
      throw new ApiRequestError(
        res.status,
        err?.code ?? 'http_error',
        err?.message ?? `request failed with status ${res.status}`,
      );
    }
    return body as T;
  }

  function authConfig(): Promise<AuthConfig | null> {
    config ??= send<{ auth?: AuthConfig }>('/config', undefined, null)
      .then((c) => c.auth ?? null)
      .catch(() => {
        config = null;
        return null;
      });
    return config;
  }

  async function request<T>(path: string, init?: RequestInit): Promise<T> {
    const write = init?.method !== undefined && init.method !== 'GET';
    let token = tokens?.get() ?? null;
    // Ask before the first write when the server says it needs a token, rather than failing once.
    if (tokens && write && token === null && (await authConfig())?.writeTokenRequired) {
      token = await tokens.ask('required', 'Adding articles on this server needs an access token.');
      if (token === null) {
        throw new ApiRequestError(401, 'unauthorized', 'an access token is needed to change data');
      }
      tokens.set(token);
    }
    for (let asks = 0; ; asks++) {
      try {
        return await send<T>(path, init, token);
      } catch (err) {
        if (!tokens || !(err instanceof ApiRequestError) || err.status !== 401) throw err;
        if (asks >= MAX_ASKS) throw err;
        const reason = token ? 'rejected' : 'required';
        // A refused token is forgotten, so declining the prompt does not keep resending it.
        if (token) tokens.set(null);
        const next = await tokens.ask(
          reason,
          reason === 'rejected'
            ? 'The server did not accept this token. Check it and try again.'
            : write
              ? 'Changing data on this server needs an access token.'
              : 'Reading from this server needs an access token.',
        );
        if (next === null) throw err;
        token = next;
        tokens.set(token);
      }
    }
  }

  const post = <T>(path: string, data: unknown) =>
    request<T>(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(data),
    });
  const enc = encodeURIComponent;
  return {
    graph: (q = {}) => request(`/graph${queryString(q)}`),
    searchActors: (q, limit = 8) => request(`/actors${queryString({ q, limit })}`),
    actor: (id) => request(`/actors/${enc(id)}`),
    relations: (q) => request(`/relations${queryString(q)}`),
    paths: (from, to, maxLength) => request(`/paths${queryString({ from, to, maxLength })}`),
    document: (id) => request(`/documents/${enc(id)}`),
    ingest: (article) => post('/documents', article),
    preview: async (article) => {
      const res = await post<Extraction | { extraction: Extraction }>('/extract', article);
      return 'extraction' in res ? res.extraction : res;
    },
    authConfig,
  };
}
