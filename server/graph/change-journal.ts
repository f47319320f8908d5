// What each recent change of the graph touched: the pairs of actors whose events it added or
// removed, and the actors it listed, by graph version. Indexes kept beside the graph (the path
// index) read the entries after the version they were last brought up to date at and update only
// what those touched. The journal holds a bounded number of entries: an index further behind than
// the oldest kept is built again. An index that follows the journal is told after each change, so
// it can catch up off the request path, and before entries it still needs are dropped, so it can
// catch up first.

/** Entries kept at most by default; past this the oldest versions' entries are dropped, down to half. */
const MAX_ENTRIES = 131_072;

/** The pairs touched after some version: entry i is firsts[i] with seconds[i]. */
export interface TouchedPairs {
  firsts: readonly string[];
  seconds: readonly string[];
  /** The version these entries bring a reader to: every change up to it is in them. */
  through: number;
}

/** An index kept up to date from the journal. */
export interface JournalFollower {
  /** A change was completed (the graph is at a new version). */
  changed(): void;
  /**
   * The entries up to version `floor` are about to be dropped: a follower still behind it reads
   * what it needs now, or is built again later.
   */
  dropping(floor: number): void;
}

export class ChangeJournal {
  /** Every change after this version has its entries here. */
  private floor = 0;
  /** The last change completed. */
  private latest = 0;
  private versions: number[] = [];
  private firsts: string[] = [];
  private seconds: string[] = [];
  private readonly followers: JournalFollower[] = [];

  /** A journal of at most `capacity` entries (between two changes). */
  constructor(private readonly capacity = MAX_ENTRIES) {}

  /**
   * Records that the change making `version` touched the pair (a, b): their events changed, or,
   * with a the same as b, the actor itself (listed by the document; it may be new or gone).
   */
  note(version: number, a: string, b: string): void {
    this.versions.push(version);
    this.firsts.push(a);
    this.seconds.push(b);
  }

  /**
   * The change making `version` is complete: the oldest entries are dropped if there are too many
   * (followers first told), and followers told of the change.
   */
  completed(version: number): void {
    this.latest = version;
    if (this.versions.length > this.capacity) this.drop();
    for (const follower of this.followers) follower.changed();
  }

  /** Tells `follower` of every change completed from now on. */
  follow(follower: JournalFollower): void {
    this.followers.push(follower);
  }

  /** Forgets everything: the graph is at `version` and nothing before it is known (a restore). */
  reset(version: number): void {
    this.floor = this.latest = version;
    this.versions = [];
    this.firsts = [];
    this.seconds = [];
  }

  /**
   * The entries of the changes after `version`, or null when some of them were dropped. With
   * `upTo`, only those of the changes up to that version; with `most`, only the first changes'
   * entries, whole changes up to `most` entries (at least one change); `through` says how far they
   * reach.
   */
  since(version: number, most = Infinity, upTo = Infinity): TouchedPairs | null {
    if (version < this.floor) return null;
    const from = this.after(version);
    // Where the changes up to `upTo` end, and how far they reach.
    const last = upTo < this.latest ? Math.max(version, upTo) : this.latest;
    const end = last < this.latest ? this.after(last) : this.versions.length;
    let to = end;
    if (to - from > most) {
      // The whole change holding entry from + most - 1 (or the first change, if larger).
      to = from + Math.max(1, most);
      while (to < end && this.versions[to] === this.versions[to - 1]) to++;
    }
    const through = to < end ? this.versions[to - 1]! : last;
    return { firsts: this.firsts.slice(from, to), seconds: this.seconds.slice(from, to), through };
  }

  /** Index of the first entry of a change after `version` (versions only grow along the entries). */
  private after(version: number): number {
    let lo = 0;
    let hi = this.versions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.versions[mid]! <= version) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Drops the oldest versions' entries, whole versions at a time, until at most half are left. */
  private drop(): void {
    let cut = this.versions.length - (this.capacity >> 1);
    while (cut < this.versions.length && this.versions[cut] === this.versions[cut - 1]) cut++;
    const floor = this.versions[cut - 1]!;
    for (const follower of this.followers) follower.dropping(floor);
    this.floor = floor;
    this.versions = this.versions.slice(cut);
    this.firsts = this.firsts.slice(cut);
    this.seconds = this.seconds.slice(cut);
  }
}
