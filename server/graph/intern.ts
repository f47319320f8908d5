// String interning for the graph's repeated strings (actor and event ids, affiliation roles,
// published dates): one string object per distinct value instead of one per stored row. The event
// table numbers its own repeated values (event-table.ts). The pool is bounded:
// past its size a value is kept as given, which costs memory but never correctness. A pooled value
// stays pooled after the last event using it is removed (at most the bound's worth of strings).
export class Interner {
  private readonly pool = new Map<string, string>();

  constructor(private readonly max: number) {}

  /** The pooled string equal to `value` (pooling it if there is room). */
  of(value: string): string {
    const known = this.pool.get(value);
    if (known !== undefined) return known;
    if (this.pool.size < this.max) this.pool.set(value, value);
    return value;
  }

  /** As of(), passing null through. */
  orNull<T extends string>(value: T | null): T | null {
    return value === null ? null : (this.of(value) as T);
  }
}
