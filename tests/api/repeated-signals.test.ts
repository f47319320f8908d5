// A signal repeated while the server closes (a launcher forwarding it twice, a second Ctrl-C) must
// not kill it outright: the in-flight request still gets its reply and the server exits cleanly.
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.ts';
import { testArticle } from './helpers/articles.ts';
import { startChildServer } from './helpers/child-server.ts';

describe('repeated shutdown signals', () => {
  it('finish the in-flight request and exit with code 0 after one closing line', async () => {
    const child = await startChildServer(tempDir('stancegraph-signals-'));
    const body = JSON.stringify(testArticle(41, 0));
    const { hostname, port } = new URL(child.url);
    const reply = await new Promise<{ status: number }>((resolve, reject) => {
      const req = http.request(
        {
          hostname,
          port,
          method: 'POST',
          path: '/api/documents',
          agent: false,
          headers: {
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 30));
      setTimeout(() => {
        child.proc.kill('SIGTERM');
        setTimeout(() => child.proc.kill('SIGTERM'), 100);
        setTimeout(() => child.proc.kill('SIGINT'), 200);
        setTimeout(() => req.end(body.slice(30)), 400);
      }, 200);
    });
    expect(reply.status).toBe(201);
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(child.output().match(/closing/g)).toHaveLength(1);
  }, 60_000);
});
