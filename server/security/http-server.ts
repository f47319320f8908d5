// The HTTP server around the app, with the slow-client limits the README promises (whole request
// headers within 10 s, the whole request within 30 s, checked every second rather than Node's
// default 30 s sweep) and JSON bodies for the errors Node answers before the app sees a request:
// 400 for a request the parser cannot read, 408 for a client too slow, 431 for headers too large,
// 417 for an Expect header other than 100-continue.
import http from 'node:http';
import type { Duplex } from 'node:stream';
import type express from 'express';

export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;
/** How often Node looks for requests past their timeouts; the worst overshoot of either limit. */
export const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

export interface HttpTimeouts {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  checkIntervalMs: number;
}

const DEFAULT_TIMEOUTS: HttpTimeouts = {
  headersTimeoutMs: HEADERS_TIMEOUT_MS,
  requestTimeoutMs: REQUEST_TIMEOUT_MS,
  checkIntervalMs: TIMEOUT_CHECK_INTERVAL_MS,
};

const REASONS: Record<number, [code: string, message: string]> = {
  400: ['bad_request', 'the request is not valid HTTP/1.1'],
  408: [
    'request_timeout',
    'the request was not received in time (headers within 10 s, the whole request within 30 s)',
  ],
  417: ['expectation_failed', 'only "Expect: 100-continue" is supported'],
  431: ['headers_too_large', 'the request headers are too large'],
};

/** A complete HTTP/1.1 response with a JSON error body, for writing straight to a socket. */
export function rawJsonError(status: number, message?: string): string {
  const [code, fallback] = REASONS[status] ?? REASONS[400]!;
  const body = JSON.stringify({ error: { code, message: message ?? fallback } });
  return (
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? 'Error'}\r\n` +
    'Content-Type: application/json; charset=utf-8\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Cache-Control: no-store\r\n' +
    'Connection: close\r\n\r\n' +
    body
  );
}

function statusOf(error: NodeJS.ErrnoException): number {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return 408;
    case 'HPE_HEADER_OVERFLOW':
      return 431;
    default:
      return 400;
  }
}

/**
 * What Node would write on a client error, as JSON: only while nothing of a response has gone out
 * on the socket (otherwise a second status line would corrupt the stream), then the socket closes.
 */
function onClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: http.ServerResponse | null })._httpMessage;
  if (!socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  socket.end(rawJsonError(statusOf(error)));
  // A client that never reads must not hold the socket open either.
  setTimeout(() => socket.destroy(), 1_000).unref();
}

/** An HTTP server for the app with the slow-client limits and JSON protocol errors. */
export function createHttpServer(
  app: express.Application,
  timeouts: Partial<HttpTimeouts> = {},
): http.Server {
  const t = { ...DEFAULT_TIMEOUTS, ...timeouts };
  const server = http.createServer(
    {
      headersTimeout: t.headersTimeoutMs,
      requestTimeout: t.requestTimeoutMs,
      connectionsCheckingInterval: t.checkIntervalMs,
    },
    app,
  );
  server.on('clientError', onClientError);
  server.on('checkExpectation', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    const [code, message] = REASONS[417]!;
    const body = JSON.stringify({ error: { code, message } });
    res
      .writeHead(417, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
        connection: 'close',
      })
      .end(body);
  });
  return server;
}
