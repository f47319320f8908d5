// Security settings read from the environment (HOST, STANCEGRAPH_TOKEN, CORS_ORIGIN, limits), validated
// once at start-up so a typo fails loudly instead of silently weakening the server.
export interface RateSetting {
  /** Requests a client may make in a burst (the bucket's size). */
  requests: number;
  /** Window over which `requests` tokens are refilled. */
  perMs: number;
}

export interface SecuritySettings {
  /** Address the server binds; decides whether a token is required and the Host check. */
  host: string;
  /** Bearer token for data-changing requests; null leaves writes open (loopback only). */
  token: string | null;
  /** Bearer token for reads; when set, reads need it or the write token. */
  readToken: string | null;
  /** The one origin allowed to call the API from a browser; null keeps CORS closed. */
  corsOrigin: string | null;
  /** Extra Host header names accepted besides loopback names (DNS-rebinding guard). */
  allowedHosts: string[];
  /** Per-client budget for ingest and extract requests; null disables limiting. */
  ingestRate: RateSetting | null;
  /** Largest JSON body, in bytes. */
  bodyLimitBytes: number;
  /** Longest article text accepted by the API, in UTF-16 code units. */
  maxArticleChars: number;
  /** Time a long query (paths) may take before it answers 503. */
  queryBudgetMs: number;
  /** Time one article's extraction may take in a worker before it answers 422. */
  extractBudgetMs: number;
  /** Extraction worker threads; null: the machine's cores, at most 4. */
  extractWorkers: number | null;
}

export const DEFAULT_SECURITY: SecuritySettings = {
  host: '127.0.0.1',
  token: null,
  readToken: null,
  corsOrigin: null,
  allowedHosts: [],
  ingestRate: { requests: 30, perMs: 60_000 },
  bodyLimitBytes: 2 * 1024 * 1024,
  maxArticleChars: 200_000,
  queryBudgetMs: 2_000,
  extractBudgetMs: 30_000,
  extractWorkers: null,
};

/** Raised when an environment setting cannot be understood; the message names the variable. */
export class SettingsError extends Error {
  constructor(variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'SettingsError';
  }
}

const UNITS: Record<string, number> = {
  s: 1000,
  sec: 1000,
  second: 1000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
};

/** "30/min", "5/s", "100/hour", or "off". */
export function parseRate(value: string, variable = 'STANCEGRAPH_INGEST_RATE'): RateSetting | null {
  const v = value.trim().toLowerCase();
  if (v === 'off' || v === 'none' || v === '0') return null;
  const m = /^(\d{1,9})\s*\/\s*([a-z]+)$/.exec(v);
  const perMs = m ? (UNITS[m[2]!.replace(/s$/, '')] ?? UNITS[m[2]!]) : undefined;
  if (!m || perMs === undefined || Number(m[1]) < 1) {
    throw new SettingsError(
      variable,
      `expected e.g. "30/min", "5/s", "100/hour" or "off", got "${value}"`,
    );
  }
  return { requests: Number(m[1]), perMs };
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 * 1024 };

/** "2mb", "512kb", "100000". */
export function parseSize(value: string, variable: string): number {
  const m = /^(\d{1,9})\s*(b|kb|mb)?$/i.exec(value.trim());
  const bytes = m ? Number(m[1]) * SIZE_UNITS[(m[2] ?? '').toLowerCase()]! : NaN;
  if (!(bytes >= 1))
    throw new SettingsError(variable, `expected a size like "2mb", got "${value}"`);
  return bytes;
}

function positiveInt(value: string, variable: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new SettingsError(variable, `expected a positive integer, got "${value}"`);
  }
  return n;
}

/** An origin is scheme://host[:port] and nothing more: what browsers send in Origin. */
function isOrigin(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
}

function token(value: string | undefined, variable: string): string | null {
  if (value === undefined || value === '') return null;
  // Short tokens can be guessed; refusing them is kinder than a breach.
  if (value.length < 16) throw new SettingsError(variable, 'must be at least 16 characters long');
  return value;
}

/** The settings the environment asks for, over the defaults. */
export function securitySettings(env: NodeJS.ProcessEnv = process.env): SecuritySettings {
  const s: SecuritySettings = { ...DEFAULT_SECURITY, host: env.HOST || DEFAULT_SECURITY.host };
  s.token = token(env.STANCEGRAPH_TOKEN, 'STANCEGRAPH_TOKEN');
  s.readToken = token(env.STANCEGRAPH_READ_TOKEN, 'STANCEGRAPH_READ_TOKEN');
  if (s.readToken && !s.token) {
    throw new SettingsError('STANCEGRAPH_READ_TOKEN', 'needs STANCEGRAPH_TOKEN to be set as well');
  }
  if (env.CORS_ORIGIN) {
    const origin = env.CORS_ORIGIN.replace(/\/$/, '');
    if (!isOrigin(origin)) {
      throw new SettingsError(
        'CORS_ORIGIN',
        `expected one origin like "https://example.org" (scheme, host, optional port), got "${env.CORS_ORIGIN}"`,
      );
    }
    s.corsOrigin = origin;
  }
  if (env.STANCEGRAPH_ALLOWED_HOSTS) {
    s.allowedHosts = env.STANCEGRAPH_ALLOWED_HOSTS.split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean);
  }
  if (env.STANCEGRAPH_INGEST_RATE) s.ingestRate = parseRate(env.STANCEGRAPH_INGEST_RATE);
  if (env.STANCEGRAPH_BODY_LIMIT) {
    s.bodyLimitBytes = parseSize(env.STANCEGRAPH_BODY_LIMIT, 'STANCEGRAPH_BODY_LIMIT');
  }
  if (env.STANCEGRAPH_MAX_ARTICLE_CHARS) {
    s.maxArticleChars = positiveInt(
      env.STANCEGRAPH_MAX_ARTICLE_CHARS,
      'STANCEGRAPH_MAX_ARTICLE_CHARS',
    );
  }
  if (env.STANCEGRAPH_QUERY_BUDGET_MS) {
    s.queryBudgetMs = positiveInt(env.STANCEGRAPH_QUERY_BUDGET_MS, 'STANCEGRAPH_QUERY_BUDGET_MS');
  }
  if (env.STANCEGRAPH_EXTRACT_BUDGET_MS) {
    s.extractBudgetMs = positiveInt(
      env.STANCEGRAPH_EXTRACT_BUDGET_MS,
      'STANCEGRAPH_EXTRACT_BUDGET_MS',
    );
  }
  if (env.STANCEGRAPH_WORKERS) {
    s.extractWorkers = positiveInt(env.STANCEGRAPH_WORKERS, 'STANCEGRAPH_WORKERS');
  }
  return s;
}
