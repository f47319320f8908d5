// The scale bench's load client: it must read whole replies (Content-Length and chunked, split
// across packets at any byte), keep one connection for many requests, answer a connection cut
// mid-reply with status 0 and carry on, and count what a timed load saw.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Connection, load } from '../bench/http-load.ts';

const servers: net.Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((s) => new Promise((r) => s.close(r)).catch(() => undefined)),
  );
});

function listen(server: net.Server): Promise<number> {
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

/** A raw server that answers every request with `reply`, written a few bytes at a time. */
async function rawServer(
  reply: (n: number) => string,
  step = 3,
): Promise<{ port: number; sockets: () => number }> {
  let sockets = 0;
  let n = 0;
  const server = net.createServer((socket) => {
    sockets++;
    let pending = '';
    socket.on('data', async (d) => {
      pending += d.toString('latin1');
      while (pending.includes('\r\n\r\n')) {
        pending = pending.slice(pending.indexOf('\r\n\r\n') + 4);
        const bytes = Buffer.from(reply(n++), 'latin1');
        for (let at = 0; at < bytes.length; at += step) {
          socket.write(bytes.subarray(at, at + step));
          await new Promise((r) => setImmediate(r));
        }
      }
    });
  });
  const port = await listen(server);
  return { port, sockets: () => sockets };
}

describe('bench load client', () => {
  it('reads Content-Length replies split at every few bytes, on one kept connection', async () => {
    const bodies = ['{"ok":true}', '{"status":"fine","n":12345}', ''];
    const { port, sockets } = await rawServer((n) => {
      const body = bodies[n % bodies.length]!;
      return `HTTP/1.1 ${n === 2 ? 404 : 200} X\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
    });
    const c = new Connection(port);
    const got = [];
    for (let i = 0; i < 3; i++) got.push(await c.get('/x'));
    c.close();
    expect(got.map((g) => [g.status, g.bytes])).toEqual([
      [200, 11],
      [200, 27],
      [404, 0],
    ]);
    expect(sockets()).toBe(1);
  });

  it('reads chunked replies, including the closing CRLF, before the next reply', async () => {
    const { port } = await rawServer(
      (n) =>
        'HTTP/1.1 200 X\r\nTransfer-Encoding: chunked\r\n\r\n' +
        `5\r\nhello\r\n${(n + 10).toString(16)}\r\n${'z'.repeat(n + 10)}\r\n0\r\n\r\n`,
      2,
    );
    const c = new Connection(port);
    const a = await c.get('/a');
    const b = await c.get('/b');
    c.close();
    expect([a.status, a.bytes]).toEqual([200, 15]);
    expect([b.status, b.bytes]).toEqual([200, 16]);
  });

  it('answers a reply cut off by the server with status 0 and reconnects', async () => {
    let n = 0;
    const server = net.createServer((socket) => {
      socket.once('data', () => {
        if (n++ === 0) {
          socket.end('HTTP/1.1 200 X\r\nContent-Length: 100\r\n\r\npartial');
        } else {
          socket.write('HTTP/1.1 200 X\r\nContent-Length: 2\r\n\r\nok');
        }
      });
    });
    const port = await listen(server);
    const c = new Connection(port);
    const cut = await c.get('/first');
    const next = await c.get('/second');
    c.close();
    expect(cut.status).toBe(0);
    expect([next.status, next.bytes]).toEqual([200, 2]);
  });

  it('times a load against a real HTTP server and counts every request it made', async () => {
    let served = 0;
    const server = http.createServer((req, res) => {
      served++;
      const body = JSON.stringify({ path: req.url, at: served });
      res.writeHead(served % 7 === 0 ? 503 : 200, { 'content-type': 'application/json' });
      res.end(body);
    });
    const port = await listen(server);
    const result = await load(port, '/probe', {
      connections: 3,
      warmupMs: 20,
      ms: 150,
      maxRequests: 100_000,
      serverPid: process.pid,
    });
    expect(result.requests).toBeGreaterThan(10);
    // Warm-up requests are served but not timed.
    expect(served).toBeGreaterThan(result.requests);
    expect(result.statuses).toEqual([200, 503]);
    expect(result.p50).toBeLessThanOrEqual(result.p99);
    expect(result.p99).toBeLessThanOrEqual(result.max);
    expect(result.bytes).toBeGreaterThanOrEqual('{"path":"/probe","at":1}'.length);
    expect(result.serverCpuMs).not.toBeNull();
  });

  it('takes a list of paths in turn, so every path is asked about as often', async () => {
    const asked = new Map<string, number>();
    const server = http.createServer((req, res) => {
      asked.set(req.url!, (asked.get(req.url!) ?? 0) + 1);
      res.end('x');
    });
    const port = await listen(server);
    const result = await load(port, ['/a', '/b', '/c'], {
      connections: 2,
      warmupMs: 0,
      ms: 5_000,
      maxRequests: 90,
    });
    expect(result.requests).toBe(90);
    expect([...asked.keys()].sort()).toEqual(['/a', '/b', '/c']);
    // One turn shared by the connections: the counts differ by at most the requests in flight.
    const counts = [...asked.values()];
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(2);
  });

  it('stops timing at maxRequests', async () => {
    const server = http.createServer((_req, res) => res.end('x'));
    const port = await listen(server);
    const result = await load(port, '/', {
      connections: 2,
      warmupMs: 0,
      ms: 5_000,
      maxRequests: 50,
    });
    expect(result.requests).toBe(50);
    expect(result.serverCpuMs).toBeNull();
  });
});
