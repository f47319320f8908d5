// A POST whose body arrives in two parts, with something done in between: a request that is in
// flight across a signal or a restart.
import http from 'node:http';

/**
 * Posts `body` to `url` + `/api/documents`: the first `split` characters at once, then after
 * 200 ms runs `between`, and after `restAfterMs` more sends the rest. Resolves with the reply.
 */
export function splitPost(
  url: string,
  body: string,
  split: number,
  between: () => void,
  restAfterMs: number,
): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
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
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.write(body.slice(0, split));
    setTimeout(() => {
      between();
      setTimeout(() => req.end(body.slice(split)), restAfterMs);
    }, 200);
  });
}
