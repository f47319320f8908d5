// What each recent change of the graph touched: the pairs of actors whose events it added or
// removed, and the actors it listed, by graph version. Indexes kept beside the graph (the path
// index) read the entries after the version they were last brought up to date at and update only
// what those touched. The journal holds a bounded number of entries: an index further behind than
// the oldest kept is built again.

/** Entries kept at most; past this the oldest versions' entries are dropped, down to half. */
const MAX_ENTRIES = 131_072;

/** The pairs touched after some version: entry i is firsts[i] with seconds[i]. */
export interface TouchedPairs {
  firsts: readonly string[];
  seconds: readonly string[];
}

export class ChangeJournal {
  /** Every change after this version has its entries here. */
  private floor = 0;
  private versions: number[] = [];
  private firsts: string[] = [];
  private seconds: string[] = [];

  /**
   * Records that the change making `version` touched the pair (a, b): their events changed, or,
   * with a the same as b, the actor itself (listed by the document; it may be new or gone).
   */
  note(version: number, a: string, b: string): void {
    this.versions.push(version);
    this.firsts.push(a);
    this.seconds.push(b);
    if (this.versions.length > MAX_ENTRIES) this.drop();
  }

  /** Forgets everything: the graph is at `version` and nothing before it is known (a restore). */
  reset(version: number): void {
    this.floor = version;
    this.versions = [];
    this.firsts = [];
    this.seconds = [];
  }

  /** The entries of the changes after `version`, or null when some of them were dropped. */
  since(version: number): TouchedPairs | null {
    if (version < this.floor) return null;
    // Versions only grow along the entries: the first one after `version`, by bisection.
    let lo = 0;
    let hi = this.versions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.versions[mid]! <= version) lo = mid + 1;
      else hi = mid;
    }
    return { firsts: this.firsts.slice(lo), seconds: this.seconds.slice(lo) };
  }

  /** Drops the oldest versions' entries, whole versions at a time, until at most half are left. */
  private drop(): void {
    let cut = this.versions.length - (MAX_ENTRIES >> 1);
    while (cut < this.versions.length && this.versions[cut] === this.versions[cut - 1]) cut++;
    this.floor = this.versions[cut - 1]!;
    this.versions = this.versions.slice(cut);
    this.firsts = this.firsts.slice(cut);
    this.seconds = this.seconds.slice(cut);
  }
}
