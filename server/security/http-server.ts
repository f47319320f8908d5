// The HTTP server around the app, with the slow-client limits the README promises (whole request
// headers within 10 s, the whole request within 30 s, checked every second rather than Node's
// default 30 s sweep) and JSON bodies for the errors Node answers before the app sees a request:
// 400 for a request the parser cannot read, 408 for a client too slow, 431 for headers too large,
// 417 for an Expect header other than 100-continue. Requests and responses are created with the
// app's prototypes, so Express need not swap them per request.
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

type MessageClasses = Pick<http.ServerOptions, 'IncomingMessage' | 'ServerResponse'>;

/**
 * Request and response classes whose objects are born with the app's own prototypes. Express
 * otherwise swaps the prototype of each request and response as it enters the app
 * (`Object.setPrototypeOf`), and V8 then keeps about a quarter of what a request allocates alive
 * through the next young-generation collection; under load every collection copies megabytes and
 * pauses for it. Born with the prototype Express sets, the swap changes nothing.
 */
export function appMessageClasses(app: express.Application): MessageClasses {
  const { request, response } = app as unknown as { request?: object; response?: object };
  if (!request || !response) return {};
  function AppRequest(socket: unknown): http.IncomingMessage {
    return Reflect.construct(http.IncomingMessage, [socket], AppRequest) as http.IncomingMessage;
  }
  AppRequest.prototype = request;
  function AppResponse(req: unknown, options: unknown): http.ServerResponse {
    return Reflect.construct(
      http.ServerResponse,
      [req, options],
      AppResponse,
    ) as http.ServerResponse;
  }
  AppResponse.prototype = response;
  return {
    IncomingMessage: AppRequest as unknown as typeof http.IncomingMessage,
    ServerResponse: AppResponse as unknown as typeof http.ServerResponse,
  };
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
      ...appMessageClasses(app),
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
