// The server's HTTP server creates requests and responses with the app's own prototypes, so
// Express finds nothing to swap as a request enters: checked on the objects as they arrive, and
// on replies, which must be those the app gives through supertest (status, body, headers).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMessageClasses, createHttpServer } from '../../server/security/index.ts';
import { testApp } from './setup.ts';

const t = await testApp(['one', 'two']);
let server: http.Server;
let port = 0;
const arrived: { request: object | null; response: object | null }[] = [];

beforeAll(async () => {
  server = createHttpServer(t.app);
  // Runs before the app's own listener: what Express is handed, before it touches anything.
  server.prependListener('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    arrived.push({ request: Object.getPrototypeOf(req), response: Object.getPrototypeOf(res) });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  expect(t.errors).toEqual([]);
  await t.close();
});

async function served(pathname: string) {
  const reply = await fetch(`http://127.0.0.1:${port}${pathname}`);
  return { status: reply.status, headers: reply.headers, body: await reply.text() };
}

describe('requests born with the app prototypes', () => {
  it('hands Express requests and responses whose prototypes are already the app ones', async () => {
    arrived.length = 0;
    await served('/healthz');
    await served('/api/actors?q=a');
    const app = t.app as unknown as { request: object; response: object };
    expect(arrived).toHaveLength(2);
    for (const a of arrived) {
      expect(a.request).toBe(app.request);
      expect(a.response).toBe(app.response);
    }
  });

  it('keeps them Node messages', () => {
    const classes = appMessageClasses(t.app);
    const Req = classes.IncomingMessage!;
    const req = new Req(null as never);
    expect(req).toBeInstanceOf(http.IncomingMessage);
    const Res = classes.ServerResponse!;
    const res = new Res(req);
    expect(res).toBeInstanceOf(http.ServerResponse);
    expect(typeof (res as unknown as express.Response).json).toBe('function');
  });

  it('answers as the app does through supertest', async () => {
    for (const pathname of [
      '/healthz',
      '/api/actors?q=a',
      '/api/nowhere',
      '/api/relations?limit=x',
    ]) {
      const direct = await request(t.app).get(pathname);
      const viaServer = await served(pathname);
      expect(viaServer.status).toBe(direct.status);
      expect(viaServer.body).toBe(direct.text);
      expect(viaServer.headers.get('content-security-policy')).toBe(
        direct.headers['content-security-policy'],
      );
      expect(viaServer.headers.get('content-type')).toBe(direct.headers['content-type']);
    }
  });

  it('leaves an app without its own prototypes to Node defaults', () => {
    const notExpress = ((_req: unknown, _res: unknown) =>
      undefined) as unknown as express.Application;
    expect(appMessageClasses(notExpress)).toEqual({});
  });
});
