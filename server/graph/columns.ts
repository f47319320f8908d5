// Parts shared by the graph's column stores (pair-index.ts, event-table.ts): a table of distinct
// strings known by number, typed arrays grown by copying, and the shape a store's state takes in a
// saved graph (snapshot/).

/** The number of no string, no pair, no event. */
export const NONE = -1;

/** A table of distinct strings, each known by its position (positions are never reused). */
export class StringTable {
  private readonly numbers = new Map<string, number>();
  readonly values: string[] = [];

  of(value: string): number {
    let n = this.numbers.get(value);
    if (n === undefined) {
      n = this.values.length;
      this.numbers.set(value, n);
      this.values.push(value);
    }
    return n;
  }

  /** As of(), with null numbered NONE. */
  ofNullable(value: string | null): number {
    return value === null ? NONE : this.of(value);
  }

  find(value: string): number {
    return this.numbers.get(value) ?? NONE;
  }

  /** The string at a number; null for NONE. */
  at(n: number): string | null {
    return n === NONE ? null : this.values[n]!;
  }

  /** A table holding `values` at their positions (distinct strings, as values gives them). */
  static from(values: readonly string[]): StringTable {
    const table = new StringTable();
    for (const value of values) table.of(value);
    if (table.values.length !== values.length)
      throw new Error('saved string table repeats a value');
    return table;
  }
}

/** A typed array a saved graph holds raw. */
export type Column = Int32Array | Float64Array | Uint8Array;

/** One part of the graph's state as it is saved: typed arrays by name, and the rest as JSON. */
export interface SavedPart {
  json: Record<string, unknown>;
  arrays: Record<string, Column>;
}

/** A copy of `a` at `size` entries, the new ones set to `fill`. */
export function grown<T extends Int32Array | Float64Array | Uint8Array>(
  a: T,
  size: number,
  fill = 0,
): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}
