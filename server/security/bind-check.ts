// Who may reach the server: loopback by default; any other bind address needs a write token.
import { isIP } from 'node:net';
import type { SecuritySettings } from './settings.ts';

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.', 'ip6-localhost', 'ip6-loopback']);

/** True for addresses only this machine can reach: 127.0.0.0/8, ::1, localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (LOOPBACK_NAMES.has(h) || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || /^::ffff:127\./.test(h) || /^(0+:){7}0*1$/.test(h);
  return false;
}

/** Raised at start-up when the settings would expose writes to the network without a token. */
export class UnsafeBindError extends Error {
  constructor(host: string) {
    super(
      `refusing to listen on ${host}: it is reachable from other machines, and without ` +
        'STANCEGRAPH_TOKEN anyone there could add or delete documents. Set STANCEGRAPH_TOKEN ' +
        '(16+ characters) or bind to 127.0.0.1.',
    );
    this.name = 'UnsafeBindError';
  }
}

export function assertSafeBind(settings: SecuritySettings): void {
  if (!isLoopbackHost(settings.host) && !settings.token) throw new UnsafeBindError(settings.host);
}
