// Which documents mention each actor, compactly: documents are numbers (small integers, stored
// unboxed), an actor's in ingest order, and the identities they state (kind, name, country,
// aliases) are runs, since a document nearly always states what the one before it did. A mention
// takes one array slot here, where it took a document id and an identity pointer, two slots.
import { identityKey, sameIdentity, type ActorIdentity } from './contributions.ts';

/** Document ids as numbers; a removed document's number is given to a later one. */
export class DocumentNumbers {
  private readonly numbers = new Map<string, number>();
  private readonly ids: (string | undefined)[] = [];
  private readonly free: number[] = [];

  /** The document's number, given one if new. */
  of(id: string): number {
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = this.free.pop() ?? this.ids.length;
      this.numbers.set(id, n);
      this.ids[n] = id;
    }
    return n;
  }

  /** The document's number, or -1. */
  find(id: string): number {
    return this.numbers.get(id) ?? -1;
  }

  id(n: number): string {
    return this.ids[n]!;
  }

  /** Every number's id (null for a free number) and the free numbers, for a saved graph. */
  save(): { ids: (string | null)[]; free: number[] } {
    return { ids: Array.from(this.ids, (id) => id ?? null), free: [...this.free] };
  }

  /** Numbers as save() gave them. */
  static restore(saved: { ids: readonly (string | null)[]; free: readonly number[] }) {
    const numbers = new DocumentNumbers();
    saved.ids.forEach((id, n) => {
      numbers.ids[n] = id ?? undefined;
      if (id !== null) numbers.numbers.set(id, n);
    });
    numbers.free.push(...saved.free);
    return numbers;
  }

  /** Frees a document's number once nothing lists it. */
  release(id: string): void {
    const n = this.numbers.get(id);
    if (n === undefined) return;
    this.numbers.delete(id);
    this.ids[n] = undefined;
    this.free.push(n);
  }
}

/** One actor's documents in ingest order and the identity each states. */
export class ActorDocuments {
  private readonly docs: number[] = [];
  /** Identities in document order, each with how many consecutive documents state it. */
  private readonly runIdentities: ActorIdentity[] = [];
  private readonly runLengths: number[] = [];
  /** The distinct identities by identityKey, so a document stating a known one shares its object. */
  private distinct = new Map<string, ActorIdentity>();

  /** How many documents mention the actor. */
  get size(): number {
    return this.docs.length;
  }

  /**
   * Appends a document and the identity it states (stored as an object equal ones share); true when
   * no document listed states that identity yet, so folding it in can change the actor's.
   */
  add(doc: number, stated: ActorIdentity): boolean {
    this.docs.push(doc);
    const last = this.runIdentities.length - 1;
    const previous = this.runIdentities[last];
    if (previous && sameIdentity(previous, stated)) {
      this.runLengths[last]! += 1;
      return false;
    }
    const key = identityKey(stated);
    let identity = this.distinct.get(key);
    const fresh = !identity;
    if (!identity) {
      const { kind, name, country, aliases } = stated;
      identity = { kind, name, country, aliases };
      this.distinct.set(key, identity);
    }
    this.runIdentities.push(identity);
    this.runLengths.push(1);
    return fresh;
  }

  /** The documents and the runs of identities (with their lengths), for a saved graph. */
  save(): {
    docs: readonly number[];
    identities: readonly ActorIdentity[];
    lengths: readonly number[];
  } {
    return { docs: this.docs, identities: this.runIdentities, lengths: this.runLengths };
  }

  /** An actor's documents as save() gave them. */
  static restore(
    docs: ArrayLike<number>,
    identities: readonly ActorIdentity[],
    lengths: ArrayLike<number>,
  ): ActorDocuments {
    const out = new ActorDocuments();
    for (let i = 0; i < docs.length; i++) out.docs.push(docs[i]!);
    for (let i = 0; i < lengths.length; i++) {
      const identity = identities[i]!;
      out.runIdentities.push(identity);
      out.runLengths.push(lengths[i]!);
      out.distinct.set(identityKey(identity), identity);
    }
    return out;
  }

  /** Removes a document; false when it is not listed. */
  remove(doc: number): boolean {
    const at = this.docs.indexOf(doc);
    if (at < 0) return false;
    this.docs.splice(at, 1);
    let run = 0;
    for (let start = 0; start + this.runLengths[run]! <= at; run++) start += this.runLengths[run]!;
    if (--this.runLengths[run]! === 0) {
      this.runLengths.splice(run, 1);
      this.runIdentities.splice(run, 1);
      this.distinct = new Map([...new Set(this.runIdentities)].map((i) => [identityKey(i), i]));
    }
    return true;
  }

  /** The identities stated, in document order (consecutive documents stating one give it once). */
  identities(): readonly ActorIdentity[] {
    return this.runIdentities;
  }

  /** Document numbers from `offset`, at most `limit` of them, in ingest order. */
  page(offset: number, limit: number): number[] {
    return this.docs.slice(offset, offset + limit);
  }
}
