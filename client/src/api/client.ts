// Typed fetch client for the stancegraph API: one method per endpoint, errors as ApiRequestError.
// With a token source, it sends the bearer token and asks for one when the server answers 401.
// Exports come back as files (a Blob and the attachment's name).
import type { AuthConfig, TokenSource } from './auth.ts';
import type {
  ActorInfo,
  ActorSearch,
  ArticleInput,
  Blocs,
  DocumentWithExtraction,
  DownloadedFile,
  Extraction,
  GraphExport,
  IngestResult,
  Metrics,
  Paths,
  RelationsPage,
  Timeline,
} from './types.ts';

/**
 * A failed request: HTTP status (0 when the server could not be reached), the API's code, and the
 * seconds the server asked to wait before trying again (Retry-After), if it said.
 */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds: number | null = null,
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

/** The file name of a Content-Disposition header (plain or RFC 5987 form); null when none. */
export function attachmentName(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // A malformed escape: fall back to the plain form below.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(header);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  // Only the last path segment: a file name never chooses a folder.
  return name ? (name.split(/[\\/]/).pop() ?? null) || null : null;
}

export interface ApiClient {
  graph(q?: Query): Promise<GraphExport>;
  searchActors(q: string, limit?: number): Promise<ActorSearch>;
  actor(id: string): Promise<ActorInfo>;
  relations(q: Query): Promise<RelationsPage>;
  paths(from: string, to: string, maxLength?: number): Promise<Paths>;
  metrics(q: Query): Promise<Metrics>;
  blocs(q: Query): Promise<Blocs>;
  timeline(q: Query): Promise<Timeline>;
  /** GET /api/export as a file (name from the server's Content-Disposition). */
  exportFile(q: Query): Promise<DownloadedFile>;
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

  async function send<T>(
    path: string,
    init: RequestInit | undefined,
    token: string | null,
    file = false,
  ): Promise<T> {
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
    if (file && res.ok) {
      const blob = await res.blob();
      const fileName = attachmentName(res.headers.get('content-disposition')) ?? 'stancegraph';
      return { fileName, blob } as T;
    }
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      body = null;
    }
    if (!res.ok) {
      const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
      const retryAfter = Number(res.headers.get('retry-after') ?? NaN);
      throw new ApiRequestError(
        res.status,
        err?.code ?? 'http_error',
        err?.message ?? `request failed with status ${res.status}`,
        Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : null,
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

  async function request<T>(path: string, init?: RequestInit, file = false): Promise<T> {
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
        return await send<T>(path, init, token, file);
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
    metrics: (q) => request(`/metrics${queryString(q)}`),
    blocs: (q) => request(`/blocs${queryString(q)}`),
    timeline: (q) => request(`/timeline${queryString(q)}`),
    exportFile: (q) => request(`/export${queryString(q)}`, { headers: { accept: '*/*' } }, true),
    document: (id) => request(`/documents/${enc(id)}`),
    ingest: (article) => post('/documents', article),
    preview: async (article) => {
      const res = await post<Extraction | { extraction: Extraction }>('/extract', article);
      return 'extraction' in res ? res.extraction : res;
    },
    authConfig,
  };
}
