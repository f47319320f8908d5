// A lean keep-alive HTTP/1.1 load client for the scale bench: each connection is a raw socket with
// Nagle off, writes a fixed GET and times it from the write to the reply's last byte (Content-Length
// or chunked), with nothing parsed beyond the status line and the framing headers. A load runs its
// connections in a loop for a fixed time after a warm-up, and reports the latency quantiles, the
// throughput and the CPU the client and (when its pid is given) the server spent per request, so a
// figure can be read as the server's and not the client's.
import { readFileSync } from 'node:fs';
import net from 'node:net';

export interface Reply {
  status: number;
  bytes: number;
  ms: number;
}

const HEAD_END = Buffer.from('\r\n\r\n');
const CRLF = Buffer.from('\r\n');

/** One kept-alive connection; requests go one at a time. */
export class Connection {
  private socket: net.Socket | null = null;
  private head: Buffer | null = null;
  private pending: ((reply: Reply) => void) | null = null;
  private t0 = 0;
  private status = 0;
  private bytes = 0;
  /** Body bytes still to come (Content-Length), or -1 when chunked. */
  private remaining = 0;
  /** Chunked framing: bytes left of the current chunk's data plus its CRLF, or -1 for a size line. */
  private chunkLeft = -1;
  private line: Buffer | null = null;

  constructor(
    private readonly port: number,
    private readonly host = '127.0.0.1',
  ) {}

  private connect(): Promise<net.Socket> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ port: this.port, host: this.host, noDelay: true });
      socket.once('connect', () => resolve(socket));
      socket.once('error', reject);
      socket.on('data', (d: Buffer) => this.onData(d));
      // A connection the server closes mid-reply answers that request with status 0.
      socket.on('close', () => {
        if (this.socket === socket) this.socket = null;
        this.finish(0);
      });
      socket.on('error', () => undefined);
    });
  }

  async get(path: string): Promise<Reply> {
    this.socket ??= await this.connect();
    this.head = null;
    this.status = 0;
    this.bytes = 0;
    this.remaining = 0;
    this.chunkLeft = -1;
    this.line = null;
    return new Promise((resolve) => {
      this.pending = resolve;
      this.t0 = performance.now();
      this.socket!.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }

  private finish(status: number): void {
    const done = this.pending;
    if (!done) return;
    this.pending = null;
    done({ status, bytes: this.bytes, ms: performance.now() - this.t0 });
  }

  private onData(data: Buffer): void {
    if (!this.pending) return;
    if (this.status === 0) {
      const buf = this.head ? Buffer.concat([this.head, data]) : data;
      const end = buf.indexOf(HEAD_END);
      if (end < 0) {
        this.head = buf;
        return;
      }
      const head = buf.toString('latin1', 0, end);
      this.status = Number(head.slice(9, 12));
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
      this.remaining = length
        ? Number(length[1])
        : /\r\ntransfer-encoding:\s*chunked/i.test(head)
          ? -1
          : 0;
      data = buf.subarray(end + 4);
    }
    if (this.remaining >= 0) {
      this.bytes += data.length;
      this.remaining -= data.length;
      if (this.remaining <= 0) this.finish(this.status);
      return;
    }
    this.chunked(data);
  }

  /** Walks chunked framing; the reply ends with the zero-size chunk and its blank line. */
  private chunked(data: Buffer): void {
    let at = 0;
    while (at < data.length) {
      if (this.chunkLeft < 0) {
        const buf = this.line ? Buffer.concat([this.line, data.subarray(at)]) : data.subarray(at);
        const eol = buf.indexOf(CRLF);
        if (eol < 0) {
          this.line = Buffer.from(buf);
          return;
        }
        const size = parseInt(buf.toString('latin1', 0, eol), 16);
        // The last chunk: a size line of 0, then (no trailers here) one more CRLF, which must be
        // read here so it is not taken for the start of the next reply.
        if (size === 0) {
          if (buf.length < eol + 4) {
            this.line = Buffer.from(buf);
            return;
          }
          this.line = null;
          this.finish(this.status);
          return;
        }
        this.line = null;
        data = buf;
        at = eol + 2;
        this.chunkLeft = size + 2;
        continue;
      }
      const take = Math.min(this.chunkLeft, data.length - at);
      this.bytes += Math.max(0, Math.min(take, this.chunkLeft - 2));
      this.chunkLeft -= take;
      at += take;
      if (this.chunkLeft === 0) this.chunkLeft = -1;
    }
  }
}

export interface Load {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  requests: number;
  perSecond: number;
  statuses: number[];
  /** The largest reply body seen, bytes. */
  bytes: number;
  /** CPU the client process spent per request, ms. */
  clientCpuMs: number;
  /** CPU the server process spent per request, ms (from /proc; null without a pid). */
  serverCpuMs: number | null;
}

export interface LoadOptions {
  connections: number;
  /** How long requests are timed. */
  ms: number;
  /** Untimed load before it, so both sides run warm code. */
  warmupMs: number;
  /** A bound on the timed requests, so a fast route does not fill memory. */
  maxRequests: number;
  /** The server's pid, to read its CPU time around the timed part. */
  serverPid?: number;
}

/** User plus system CPU time of a process so far, ms (Linux /proc, clock ticks of 10 ms). */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/**
 * `connections` clients each asking for `path` in a loop: warm-up, then `ms` timed. Given a list,
 * the requests take its paths in turn (one turn shared by all connections), so a reply cache
 * smaller than the list answers none of them.
 */
export async function load(
  port: number,
  path: string | string[],
  options: LoadOptions,
): Promise<Load> {
  const paths = typeof path === 'string' ? [path] : path;
  let turn = 0;
  const next = () => paths[turn++ % paths.length]!;
  const conns = Array.from({ length: options.connections }, () => new Connection(port));
  const loop = async (c: Connection, until: number, each: (r: Reply) => boolean) => {
    while (performance.now() < until) if (!each(await c.get(next()))) return;
  };
  const warmEnd = performance.now() + options.warmupMs;
  await Promise.all(conns.map((c) => loop(c, warmEnd, () => true)));

  const times = new Float64Array(options.maxRequests);
  let n = 0;
  let bytes = 0;
  const statuses = new Set<number>();
  const record = (r: Reply) => {
    if (n >= times.length) return false;
    times[n++] = r.ms;
    statuses.add(r.status);
    if (r.bytes > bytes) bytes = r.bytes;
    return true;
  };
  const server0 = options.serverPid ? processCpuMs(options.serverPid) : 0;
  const client0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(conns.map((c) => loop(c, t0 + options.ms, record)));
  const elapsed = performance.now() - t0;
  const client = process.cpuUsage(client0);
  const serverCpu = options.serverPid ? processCpuMs(options.serverPid) - server0 : null;
  for (const c of conns) c.close();

  const sorted = times.subarray(0, n).sort();
  return {
    p50: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    p99: quantile(sorted, 0.99),
    max: sorted[n - 1] ?? NaN,
    requests: n,
    perSecond: (n / elapsed) * 1000,
    statuses: [...statuses].sort((a, b) => a - b),
    bytes,
    clientCpuMs: (client.user + client.system) / 1000 / Math.max(1, n),
    serverCpuMs: serverCpu === null ? null : serverCpu / Math.max(1, n),
  };
}
