// `npm start` as a user runs it: a signal to the npm process stops the server itself, so nothing
// is left listening as an orphan.
import { connect } from 'node:net';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.ts';
import { startChildServer } from './helpers/child-server.ts';

/** True when something accepts a TCP connection at the URL's host and port. */
function listening(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function closedWithin(url: string, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!(await listening(url))) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

function outputClosedWithin(stream: Readable, ms: number): Promise<boolean> {
  if (stream.closed) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    stream.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

describe('npm start', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'stops the server on %s to the npm process',
    async (signal) => {
      const server = await startChildServer(
        tempDir('stancegraph-npm-start-'),
        {},
        60_000,
        'npm-start',
      );
      expect(await listening(server.url)).toBe(true);
      const exit = await server.kill(signal);
      expect(exit.code ?? exit.signal).not.toBeUndefined();
      expect(await closedWithin(server.url, 20_000)).toBe(true);
      // The output pipe closes only once every process holding it, the server too, has exited.
      expect(await outputClosedWithin(server.proc.stdout!, 20_000)).toBe(true);
      expect(server.output()).toContain(`${signal}, closing`);
    },
    90_000,
  );
});
