// Typed fetch client for the stancegraph API: one method per endpoint, errors as ApiRequestError.
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
}

export function createApiClient(base = '/api', fetchImpl: typeof fetch = fetch): ApiClient {
  async function request<T>(path: string, init?: RequestInit): Promise<T> {
    let res: Response;
    try {
      res = await fetchImpl(`${base}${path}`, {
        ...init,
        headers: { accept: 'application/json', ...(init?.headers ?? {}) },
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
  };
}
