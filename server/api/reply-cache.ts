// Replies kept per graph version: a reply built for a query is given again for the same query
// until the graph changes, least recently used dropped first, bounded in entries and in bytes.

export interface ReplyCacheOptions<T> {
  /** Most replies kept. */
  entries: number;
  /** Most bytes kept over all replies (by `bytesOf`); a larger reply is not kept. */
  bytes: number;
  bytesOf: (reply: T) => number;
}

interface Kept<T> {
  version: number;
  reply: T;
  bytes: number;
}

export class ReplyCache<T> {
  /** Query key -> the reply and the graph version it was built at; least recent first. */
  private readonly kept = new Map<string, Kept<T>>();
  private bytes = 0;

  constructor(private readonly options: ReplyCacheOptions<T>) {}

  /** The reply kept for the key at this version, or undefined (one kept at another is dropped). */
  get(key: string, version: number): T | undefined {
    const kept = this.kept.get(key);
    if (!kept) return undefined;
    this.drop(key, kept);
    if (kept.version !== version) return undefined;
    this.kept.set(key, kept);
    this.bytes += kept.bytes;
    return kept.reply;
  }

  /** Keeps the reply built at `version` for the key, dropping the least recent past the bounds. */
  set(key: string, version: number, reply: T): void {
    const old = this.kept.get(key);
    if (old) this.drop(key, old);
    const bytes = this.options.bytesOf(reply);
    if (bytes > this.options.bytes) return;
    this.kept.set(key, { version, reply, bytes });
    this.bytes += bytes;
    for (const [k, v] of this.kept) {
      if (this.kept.size <= this.options.entries && this.bytes <= this.options.bytes) break;
      this.drop(k, v);
    }
  }

  /** Replies kept and their bytes. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.kept.size, bytes: this.bytes };
  }

  private drop(key: string, kept: Kept<T>): void {
    this.kept.delete(key);
    this.bytes -= kept.bytes;
  }
}
