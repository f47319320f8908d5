// A signal repeated while the server closes (a launcher forwarding it twice, a second Ctrl-C) must
// not kill it outright: the in-flight request still gets its reply and the server exits cleanly.
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.ts';
import { testArticle } from './helpers/articles.ts';
import { startChildServer } from './helpers/child-server.ts';
import { splitPost } from './helpers/split-post.ts';

describe('repeated shutdown signals', () => {
  it('finish the in-flight request and exit with code 0 after one closing line', async () => {
    const child = await startChildServer(tempDir('stancegraph-signals-'));
    const body = JSON.stringify(testArticle(41, 0));
    const reply = await splitPost(
      child.url,
      body,
      30,
      () => {
        child.proc.kill('SIGTERM');
        setTimeout(() => child.proc.kill('SIGTERM'), 100);
        setTimeout(() => child.proc.kill('SIGINT'), 200);
      },
      400,
    );
    expect(reply.status).toBe(201);
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(child.output().match(/closing/g)).toHaveLength(1);
  }, 60_000);
});
