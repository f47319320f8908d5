// Slow clients and protocol errors, measured with raw sockets against the server startServer
// builds (createHttpServer): headers must arrive within 10 s and the whole request within 30 s,
// each answered with a JSON 408 about a second after its limit at most; requests Node refuses
// before the app sees them (400, 431, 417) get JSON bodies too.
import net from 'node:net';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HEADERS_TIMEOUT_MS,
  REQUEST_TIMEOUT_MS,
  createHttpServer,
} from '../../server/security/index.ts';
import { testApp } from './setup.ts';

const t = await testApp(['one']);
let server: http.Server;
let port = 0;

beforeAll(async () => {
  server = createHttpServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  expect(t.errors).toEqual([]);
  await t.close();
});

interface RawReply {
  status: number;
  headers: string;
  body: string;
  /** Milliseconds from connecting to the server closing the connection. */
  ms: number;
}

/** Sends `head` at once, then `drip` once a second until the server answers and closes. */
function rawExchange(head: string, drip?: string): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    let timer: NodeJS.Timeout | undefined;
    socket.setEncoding('utf8');
    socket.on('connect', () => {
      socket.write(head);
      if (drip) {
        timer = setInterval(() => {
          if (socket.writable) socket.write(drip);
        }, 1_000);
      }
    });
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      const [headers = '', body = ''] = received.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(headers)?.[1] ?? 0);
      if (!status) reject(new Error(`no HTTP answer, got ${JSON.stringify(received)}`));
      else resolve({ status, headers, body, ms: performance.now() - started });
    });
    socket.setTimeout(60_000, () => socket.destroy());
  });
}

function errorCode(reply: RawReply): string {
  expect(reply.headers).toMatch(/content-type: application\/json/i);
  return (JSON.parse(reply.body) as { error: { code: string } }).error.code;
}

describe('slow clients', () => {
  it('cuts slow headers at 10 s and a slow body at 30 s, each with a JSON 408', async () => {
    const [headers, body] = await Promise.all([
      rawExchange('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n', 'X-Drip: 1\r\n'),
      rawExchange(
        'POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
          'Content-Length: 100000\r\n\r\n{"text":"',
        'a',
      ),
    ]);
    console.log(
      `slow clients: headers cut after ${(headers.ms / 1000).toFixed(1)} s (limit ${HEADERS_TIMEOUT_MS / 1000} s), ` +
        `body after ${(body.ms / 1000).toFixed(1)} s (limit ${REQUEST_TIMEOUT_MS / 1000} s)`,
    );
    expect(headers.status).toBe(408);
    expect(errorCode(headers)).toBe('request_timeout');
    expect(headers.ms).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 500);
    expect(headers.ms).toBeLessThan(HEADERS_TIMEOUT_MS + 3_000);
    expect(body.status).toBe(408);
    expect(errorCode(body)).toBe('request_timeout');
    expect(body.ms).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 500);
    expect(body.ms).toBeLessThan(REQUEST_TIMEOUT_MS + 3_000);
  }, 60_000);
});

describe('errors Node answers before the app', () => {
  it('answers a request it cannot parse with a JSON 400', async () => {
    const reply = await rawExchange('NOT HTTP AT ALL\r\n\r\n');
    expect(reply.status).toBe(400);
    expect(errorCode(reply)).toBe('bad_request');
  });

  it('answers oversized headers with a JSON 431', async () => {
    const reply = await rawExchange(
      `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`,
    );
    expect(reply.status).toBe(431);
    expect(errorCode(reply)).toBe('headers_too_large');
  });

  it('answers an Expect header it cannot meet with a JSON 417', async () => {
    const reply = await rawExchange(
      'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 200-ok\r\nConnection: close\r\n\r\n',
    );
    expect(reply.status).toBe(417);
    expect(errorCode(reply)).toBe('expectation_failed');
  });
});
