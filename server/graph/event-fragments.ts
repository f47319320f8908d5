// Each event edge's JSON as graph views give it (quote included), kept by event key across views.
// The busiest pairs of a heavy-tailed graph recur in the views of most actors (256 random actors'
// default ego views at a million events show 118,711 event edges, 19,251 of them distinct), so a
// view built for a new actor finds most of its event edges written already: no object to make,
// no quote to read from the store, nothing to serialise. An edge is written once per event and
// kept while neither of its actors has been touched by a document since (only such a document
// can remove the event, and renumbering events touches every actor). Past a bound in bytes the
// oldest edges are dropped first, but one asked for since it was kept (or last spared) is spared
// once and goes to the back (a second chance: close to least recently used, with no reordering on
// each hit). The order is a queue of its own: a Map walked from its front after deletions there
// skips every deleted slot until the table is rebuilt, which made each drop cost the whole table.
import type { StanceGraph } from './stance-graph.ts';
import type { EventKey } from './types.ts';

interface Fragment {
  event: EventKey;
  /** The graph version the edge was written at. */
  builtAt: number;
  text: string;
  /** Asked for since it was kept or last spared. */
  used: boolean;
}

/**
 * Event edges' JSON texts kept by default, in UTF-16 code units: 16M holds the edges of 256 random
 * actors' default ego views at a million events (about 34,000 edges), where 8M dropped a view's
 * busiest pairs before the same actors came round again and each view read about 50 quotes.
 */
export const FRAGMENT_CODE_UNITS = 16 * 1024 * 1024;

export class EventFragments {
  /** Event key -> its edge's JSON. */
  private readonly kept = new Map<EventKey, Fragment>();
  /**
   * The kept fragments, oldest (or last spared) first, from `head` on; an entry no longer the one
   * kept for its event (dropped, replaced or moved to the back) is skipped.
   */
  private order: Fragment[] = [];
  private head = 0;
  private units = 0;

  constructor(
    private readonly graph: StanceGraph,
    private readonly maxUnits = FRAGMENT_CODE_UNITS,
  ) {}

  /**
   * The version from which kept edges between the two actors are current: the last time a
   * document touched either of them.
   */
  changedAt(source: string, target: string): number {
    return Math.max(this.graph.touched(source), this.graph.touched(target));
  }

  /** Whether an edge is kept for the event (current or not); unlike `get`, not a use. */
  has(event: EventKey): boolean {
    return this.kept.has(event);
  }

  /** The kept JSON of an event whose actors last changed at `changedAt`, if still current. */
  get(event: EventKey, changedAt: number): string | undefined {
    const kept = this.kept.get(event);
    if (!kept) return undefined;
    if (changedAt > kept.builtAt) {
      this.kept.delete(event);
      this.units -= kept.text.length;
      return undefined;
    }
    kept.used = true;
    return kept.text;
  }

  /**
   * Keeps the event's JSON written at `builtAt`, dropping the oldest past the bound (each one asked
   * for since it was kept or last spared is spared once).
   */
  set(event: EventKey, builtAt: number, text: string): void {
    const old = this.kept.get(event);
    if (old) {
      this.kept.delete(event);
      this.units -= old.text.length;
    }
    if (text.length > this.maxUnits) return;
    const fragment: Fragment = { event, builtAt, text, used: false };
    this.kept.set(event, fragment);
    this.order.push(fragment);
    this.units += text.length;
    // Entries spared go to the back, so the walk meets them again only after every older one.
    while (this.units > this.maxUnits) {
      const oldest = this.order[this.head++]!;
      if (this.kept.get(oldest.event) !== oldest) continue;
      if (oldest.used) {
        oldest.used = false;
        this.order.push(oldest);
      } else {
        this.kept.delete(oldest.event);
        this.units -= oldest.text.length;
      }
    }
    // Skipped entries (and replaced ones under the bound) are cleared once they outnumber the kept.
    if (this.order.length - this.head > 2 * this.kept.size + 1024) {
      this.order = this.order.slice(this.head).filter((f) => this.kept.get(f.event) === f);
      this.head = 0;
    }
  }

  /** Edges kept and their UTF-16 code units. */
  get size(): { entries: number; units: number } {
    return { entries: this.kept.size, units: this.units };
  }

  /** The bound, in UTF-16 code units. */
  get bound(): number {
    return this.maxUnits;
  }
}
