// Every event of the graph, in columns: an event is a number, and its endpoints, pair, document,
// repeated strings (type, quad, polarity, mode, date, precision, extractor), scores and evidence
// span sit in typed arrays at that number. Numbers are given in insertion order, so a scan of the
// columns lists events in the order they were added; a removed event is marked dead in place, and
// compact() moves the live ones down over the dead, in order, when the owner asks. Each pair's
// events form a doubly linked list, newest first, so an actor's events are its pairs' lists and a
// document's removal unlinks only its own events. An event takes about 90 bytes here, where a
// graphology edge with an attribute object took about 400. A date index (events by date, built
// on the first date-filtered read and extended with the events added since) lets a date filter read
// only the events it keeps, and each pair's date keys (pair-dates.ts, built on the first count and
// told of each pair whose events change) count a pair's events in a range without a walk.
import type { EventOrigin, GraphEvent, Polarity } from '../model/index.ts';
import { grown, NONE, StringTable, type SavedPart } from './columns.ts';
import { PairDates } from './pair-dates.ts';
import type { EventEdgeAttributes } from './types.ts';

export class EventTable {
  private capacity = 0;
  /** One more than the last number given. */
  private used = 0;
  private live = 0;
  private readonly values = new StringTable();
  /** Pair-index actor numbers of each event's ends; a dead event's source is NONE. */
  private src = new Int32Array(0);
  private tgt = new Int32Array(0);
  private pairOf = new Int32Array(0);
  private doc = new Int32Array(0);
  /** The pair's list: the next older and next newer event of the same pair. */
  private older = new Int32Array(0);
  private newer = new Int32Array(0);
  private type = new Int32Array(0);
  private quad = new Int32Array(0);
  private polarity = new Int32Array(0);
  private mode = new Int32Array(0);
  private date = new Int32Array(0);
  private precision = new Int32Array(0);
  private extractor = new Int32Array(0);
  private score = new Float64Array(0);
  private confidence = new Float64Array(0);
  private sentence = new Int32Array(0);
  private spanStart = new Int32Array(0);
  private spanEnd = new Int32Array(0);
  /** 1 when the event's key is its document's id and its own joined (its id was taken). */
  private namespaced = new Uint8Array(0);
  private ids: string[] = [];
  private readonly origins = new Map<number, EventOrigin>();
  /** Each pair's newest event, at the pair's number. */
  private head = new Int32Array(0);
  /** Events whose key is their plain id, by that id. */
  private readonly plainKeys = new Map<string, number>();
  /** Event numbers by date (see datedEvents); null until asked for, and again after compact(). */
  private byDate: DateIndex | null = null;
  /** Each pair's date keys (see pairDates); null until asked for, and again after compact(). */
  private byPairDate: PairDates | null = null;

  /** Events in the table (dead ones not counted). */
  get size(): number {
    return this.live;
  }

  /** Slots of removed events not yet given back by compact(). */
  get dead(): number {
    return this.used - this.live;
  }

  /** One more than the largest event number given: scans run up to it. */
  get numbered(): number {
    return this.used;
  }

  /** Whether an event holds `id` as its key. */
  hasPlainKey(id: string): boolean {
    return this.plainKeys.has(id);
  }

  /**
   * Adds an event between two actors (pair-index numbers) in a pair; `namespaced` when its key must
   * be joined with its document's id. Returns its number.
   */
  add(
    source: number,
    target: number,
    pair: number,
    document: number,
    event: GraphEvent,
    id: string,
    extractor: string,
    namespaced: boolean,
  ): number {
    if (this.used === this.capacity) this.grow(Math.max(1024, 2 * this.capacity));
    const e = this.used++;
    this.live += 1;
    const v = this.values;
    this.src[e] = source;
    this.tgt[e] = target;
    this.pairOf[e] = pair;
    this.doc[e] = document;
    this.type[e] = v.of(event.type);
    this.quad[e] = v.of(event.quad);
    this.polarity[e] = v.of(event.polarity);
    this.mode[e] = v.ofNullable(event.mode);
    this.date[e] = v.ofNullable(event.date);
    this.precision[e] = v.ofNullable(event.datePrecision);
    this.extractor[e] = v.of(extractor);
    this.score[e] = event.score;
    this.confidence[e] = event.confidence;
    this.sentence[e] = event.evidence.sentence;
    this.spanStart[e] = event.evidence.start;
    this.spanEnd[e] = event.evidence.end;
    this.ids[e] = id;
    this.namespaced[e] = namespaced ? 1 : 0;
    if (!namespaced) this.plainKeys.set(id, e);
    if (event.origin) this.origins.set(e, { ...event.origin });
    if (pair >= this.head.length) this.head = grown(this.head, Math.max(1024, 2 * pair + 2), NONE);
    const first = this.head[pair]!;
    this.older[e] = first;
    this.newer[e] = NONE;
    if (first !== NONE) this.newer[first] = e;
    this.head[pair] = e;
    this.byPairDate?.pairChanged(pair);
    return e;
  }

  /** Marks an event dead and unlinks it from its pair's list. */
  remove(e: number): void {
    if (!this.isLive(e)) return;
    const older = this.older[e]!;
    const newer = this.newer[e]!;
    if (newer === NONE) this.head[this.pairOf[e]!] = older;
    else this.older[newer] = older;
    if (older !== NONE) this.newer[older] = newer;
    if (this.namespaced[e] === 0 && this.plainKeys.get(this.ids[e]!) === e) {
      this.plainKeys.delete(this.ids[e]!);
    }
    this.origins.delete(e);
    this.src[e] = NONE;
    this.live -= 1;
    this.byPairDate?.pairChanged(this.pairOf[e]!);
  }

  isLive(e: number): boolean {
    return Number.isInteger(e) && e >= 0 && e < this.used && this.src[e] !== NONE;
  }

  source(e: number): number {
    return this.src[e]!;
  }

  target(e: number): number {
    return this.tgt[e]!;
  }

  /** The event's pair number. */
  pair(e: number): number {
    return this.pairOf[e]!;
  }

  document(e: number): number {
    return this.doc[e]!;
  }

  id(e: number): string {
    return this.ids[e]!;
  }

  /** The event's date as stated (YYYY, YYYY-MM or YYYY-MM-DD), or null. */
  dateOf(e: number): string | null {
    return this.values.at(this.date[e]!);
  }

  /** The number of the event's date among the table's strings (text() reads it); NONE if undated. */
  dateCode(e: number): number {
    return this.date[e]!;
  }

  /** One of the table's strings by number. */
  text(code: number): string {
    return this.values.at(code)!;
  }

  /** Each pair's date keys, to count a pair's events in a date range: built on first use. */
  pairDates(): PairDates {
    return (this.byPairDate ??= new PairDates(this));
  }

  polarityOf(e: number): Polarity {
    return this.values.at(this.polarity[e]!)! as Polarity;
  }

  isNamespaced(e: number): boolean {
    return this.namespaced[e] === 1;
  }

  /** The pair's newest event, or NONE. */
  newest(pair: number): number {
    return pair >= 0 && pair < this.head.length ? this.head[pair]! : NONE;
  }

  /** The next older event of the same pair, or NONE. */
  olderThan(e: number): number {
    return this.older[e]!;
  }

  /** The event's fields as a new object, in the order the graph has always given them. */
  attributes(e: number, documentId: string): EventEdgeAttributes {
    const v = this.values;
    const attrs: EventEdgeAttributes = {
      kind: 'event',
      id: this.ids[e]!,
      eventType: v.at(this.type[e]!) as EventEdgeAttributes['eventType'],
      quad: v.at(this.quad[e]!) as EventEdgeAttributes['quad'],
      polarity: v.at(this.polarity[e]!) as EventEdgeAttributes['polarity'],
      score: this.score[e]!,
      mode: v.at(this.mode[e]!) as EventEdgeAttributes['mode'],
      date: v.at(this.date[e]!),
      datePrecision: v.at(this.precision[e]!) as EventEdgeAttributes['datePrecision'],
      confidence: this.confidence[e]!,
      document: documentId,
      extractor: v.at(this.extractor[e]!)!,
      sentence: this.sentence[e]!,
      evidenceStart: this.spanStart[e]!,
      evidenceEnd: this.spanEnd[e]!,
    };
    const origin = this.origins.get(e);
    if (origin) attrs.origin = origin;
    return attrs;
  }

  /**
   * Moves every live event down over the dead ones, keeping their order and their pairs' lists;
   * gives each old number's new one (NONE for a dead event).
   */
  compact(): Int32Array {
    const moved = new Int32Array(this.used).fill(NONE);
    let n = 0;
    for (let e = 0; e < this.used; e++) if (this.src[e] !== NONE) moved[e] = n++;
    const renumber = (e: number) => (e === NONE ? NONE : moved[e]!);
    const columns = this.columns();
    const origins = new Map<number, EventOrigin>();
    for (let e = 0; e < this.used; e++) {
      const to = moved[e]!;
      if (to === NONE) continue;
      // to <= e, and every slot below e has been read already: moving down in place is safe.
      for (const column of columns) column[to] = column[e]!;
      this.older[to] = renumber(this.older[e]!);
      this.newer[to] = renumber(this.newer[e]!);
      this.ids[to] = this.ids[e]!;
      const origin = this.origins.get(e);
      if (origin) origins.set(to, origin);
    }
    this.ids.length = n;
    this.byDate = null;
    this.byPairDate = null;
    this.origins.clear();
    for (const [e, origin] of origins) this.origins.set(e, origin);
    for (let p = 0; p < this.head.length; p++) this.head[p] = renumber(this.head[p]!);
    for (const [id, e] of this.plainKeys) this.plainKeys.set(id, moved[e]!);
    this.used = n;
    return moved;
  }

  /**
   * The table's state for a saved graph: each column up to the last number given (views, not
   * copies: save before the next change), event ids as numbers into a table of distinct ids.
   */
  save(): SavedPart {
    const n = this.used;
    const idValues = new StringTable();
    const idNumbers = new Int32Array(n);
    for (let e = 0; e < n; e++) idNumbers[e] = idValues.of(this.ids[e]!);
    const arrays: SavedPart['arrays'] = { idNumbers, head: this.head };
    const columns = this.columns();
    COLUMN_NAMES.forEach((name, i) => (arrays[name] = columns[i]!.subarray(0, n)));
    arrays.older = this.older.subarray(0, n);
    arrays.newer = this.newer.subarray(0, n);
    return {
      json: {
        used: n,
        live: this.live,
        values: this.values.values,
        ids: idValues.values,
        origins: [...this.origins],
      },
      arrays,
    };
  }

  /** A table from save()'s state; `ids` are the saved distinct ids (pooled by the caller). */
  static restore(part: SavedPart, ids: readonly string[]): EventTable {
    const t = new EventTable();
    const json = part.json as {
      used: number;
      live: number;
      values: string[];
      origins: [number, EventOrigin][];
    };
    const a = part.arrays as unknown as Record<string, Int32Array<ArrayBuffer>>;
    const n = json.used;
    t.used = n;
    t.capacity = n;
    t.live = json.live;
    for (const value of json.values) t.values.of(value);
    t.src = a.src!;
    t.tgt = a.tgt!;
    t.pairOf = a.pairOf!;
    t.doc = a.doc!;
    t.older = a.older!;
    t.newer = a.newer!;
    t.type = a.type!;
    t.quad = a.quad!;
    t.polarity = a.polarity!;
    t.mode = a.mode!;
    t.date = a.date!;
    t.precision = a.precision!;
    t.extractor = a.extractor!;
    t.score = part.arrays.score as Float64Array<ArrayBuffer>;
    t.confidence = part.arrays.confidence as Float64Array<ArrayBuffer>;
    t.sentence = a.sentence!;
    t.spanStart = a.spanStart!;
    t.spanEnd = a.spanEnd!;
    t.namespaced = part.arrays.namespaced as Uint8Array<ArrayBuffer>;
    t.head = a.head!;
    for (const column of [...t.columns(), t.older, t.newer]) {
      if (column.length !== n) throw new Error('saved event column has the wrong length');
    }
    const idNumbers = a.idNumbers!;
    t.ids = new Array<string>(n);
    for (let e = 0; e < n; e++) t.ids[e] = ids[idNumbers[e]!]!;
    for (const [e, origin] of json.origins) t.origins.set(e, origin);
    // An event holds its plain id as its key exactly when it is live and not namespaced.
    for (let e = 0; e < n; e++) {
      if (t.src[e] !== NONE && t.namespaced[e] === 0) t.plainKeys.set(t.ids[e]!, e);
    }
    return t;
  }

  /**
   * The live events whose date `keep` accepts, in ascending number (insertion) order; undated
   * events are never given. `keep` is asked once per distinct date, and only the events of the
   * dates it accepts are read.
   */
  datedEvents(keep: (date: string) => boolean): Int32Array {
    const index = this.dateIndex();
    const chosen: DateBucket[] = [];
    let total = 0;
    for (const [date, bucket] of index.buckets) {
      if (!keep(this.values.at(date)!)) continue;
      chosen.push(bucket);
      total += bucket.size;
    }
    const out = new Int32Array(total);
    let n = 0;
    if (chosen.length === 1 || total * Math.log2(total + 2) < this.used) {
      for (const bucket of chosen) {
        for (let i = 0; i < bucket.size; i++) {
          const e = bucket.events[i]!;
          if (this.src[e] !== NONE) out[n++] = e;
        }
      }
      // Each bucket is ascending already; several are merged by a sort.
      return chosen.length === 1 ? out.subarray(0, n) : out.subarray(0, n).sort();
    }
    // Many events from many dates: marking them and reading the marks in order beats sorting.
    const marks = new Uint8Array(this.used);
    for (const bucket of chosen) {
      for (let i = 0; i < bucket.size; i++) marks[bucket.events[i]!] = 1;
    }
    for (let e = 0; e < this.used; e++) if (marks[e] === 1 && this.src[e] !== NONE) out[n++] = e;
    return out.subarray(0, n);
  }

  /** The date index, built on first use and extended with the events numbered since. */
  private dateIndex(): DateIndex {
    const index = (this.byDate ??= { buckets: new Map(), upTo: 0 });
    for (let e = index.upTo; e < this.used; e++) {
      const date = this.date[e]!;
      if (date === NONE || this.src[e] === NONE) continue;
      let bucket = index.buckets.get(date);
      if (!bucket) {
        bucket = { events: new Int32Array(16), size: 0 };
        index.buckets.set(date, bucket);
      }
      if (bucket.size === bucket.events.length) {
        bucket.events = grown(bucket.events, 2 * bucket.size);
      }
      bucket.events[bucket.size++] = e;
    }
    index.upTo = this.used;
    return index;
  }

  /** Every column kept at an event's number, but its pair links. */
  private columns(): (Int32Array | Float64Array | Uint8Array)[] {
    return [
      this.src,
      this.tgt,
      this.pairOf,
      this.doc,
      this.type,
      this.quad,
      this.polarity,
      this.mode,
      this.date,
      this.precision,
      this.extractor,
      this.score,
      this.confidence,
      this.sentence,
      this.spanStart,
      this.spanEnd,
      this.namespaced,
    ];
  }

  private grow(size: number): void {
    this.capacity = size;
    this.src = grown(this.src, size);
    this.tgt = grown(this.tgt, size);
    this.pairOf = grown(this.pairOf, size);
    this.doc = grown(this.doc, size);
    this.older = grown(this.older, size);
    this.newer = grown(this.newer, size);
    this.type = grown(this.type, size);
    this.quad = grown(this.quad, size);
    this.polarity = grown(this.polarity, size);
    this.mode = grown(this.mode, size);
    this.date = grown(this.date, size);
    this.precision = grown(this.precision, size);
    this.extractor = grown(this.extractor, size);
    this.score = grown(this.score, size);
    this.confidence = grown(this.confidence, size);
    this.sentence = grown(this.sentence, size);
    this.spanStart = grown(this.spanStart, size);
    this.spanEnd = grown(this.spanEnd, size);
    this.namespaced = grown(this.namespaced, size);
  }
}

/** The names save() gives the columns() arrays, in their order. */
const COLUMN_NAMES = [
  'src',
  'tgt',
  'pairOf',
  'doc',
  'type',
  'quad',
  'polarity',
  'mode',
  'date',
  'precision',
  'extractor',
  'score',
  'confidence',
  'sentence',
  'spanStart',
  'spanEnd',
  'namespaced',
] as const;

/** The numbers of the events with one date, ascending; removed ones stay until compact(). */
interface DateBucket {
  events: Int32Array;
  size: number;
}

/** Events by date number, covering the events numbered below `upTo`. */
interface DateIndex {
  buckets: Map<number, DateBucket>;
  upTo: number;
}
