// Each pair's dated events as sorted date keys (each event's number beside its key), so the events
// of a pair within a date range are counted, or listed, by binary searches instead of a walk of
// the pair's list. A date's key orders dates of one
// form (day, month or year) as their strings do, and within a form the first and last day a date
// can mean (dates.ts) rise with the key, so the dates of a form that a range holds wholly are one
// run of keys. The keys sit in one typed array, pair after pair, built on the first count; a pair
// whose events change afterwards is read again from its own list on the next count and kept apart,
// and the whole is built again once those kept apart outgrow an eighth of it (the owner drops it
// when event numbers change).
import { NONE } from './columns.ts';
import { dateInRange, dateLowerBound, dateUpperBound } from './dates.ts';

/** What PairDates reads of the event table. */
export interface DatedPairSource {
  /** One more than the largest event number given. */
  readonly numbered: number;
  isLive(e: number): boolean;
  pair(e: number): number;
  /** The number of the event's date among the table's strings; NONE when undated. */
  dateCode(e: number): number;
  /** The string at a number of the table's strings. */
  text(code: number): string;
  /** The pair's newest event, or NONE; olderThan gives the next older one. */
  newest(pair: number): number;
  olderThan(e: number): number;
}

/** Keys of one date form span this many numbers: a day's, a month's, then a year's. */
const FORM_SPAN = 100_000_000;
const FORMS = 3;
/** How far into its span each form's keys go: eight digits of a day, six of a month, four of a year. */
const FORM_DIGITS = [100_000_000, 1_000_000, 10_000];
/** Runs this short are scanned; longer ones are searched. */
const SHORT_RUN = 8;
const DATE_FORM = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * A date's key: its form (0 a day, 1 a month, 2 a year) times FORM_SPAN plus its digits read as
 * one number; NONE for a string of none of these forms.
 */
export function dateKey(date: string): number {
  const m = DATE_FORM.exec(date);
  if (!m) return NONE;
  const year = Number(m[1]);
  if (m[3] !== undefined) return year * 10_000 + Number(m[2]) * 100 + Number(m[3]);
  if (m[2] !== undefined) return FORM_SPAN + year * 100 + Number(m[2]);
  return 2 * FORM_SPAN + year;
}

/** The date a key stands for (any key below its form's FORM_DIGITS gives a string of that form). */
function keyDate(key: number): string {
  const form = Math.floor(key / FORM_SPAN);
  const digits = String(key % FORM_SPAN).padStart(8, '0');
  if (form === 0) return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}`;
  if (form === 1) return `${digits.slice(2, 6)}-${digits.slice(6)}`;
  return digits.slice(4);
}

/** The first key in [lo, hi) for which `holds` is true (it must hold from some key on), or hi. */
function firstHolding(lo: number, hi: number, holds: (key: number) => boolean): number {
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (holds(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Where `key` would go in the sorted keys[from, to): the first position not below it. */
function lowerBound(keys: Int32Array, from: number, to: number, key: number): number {
  while (from < to) {
    const mid = (from + to) >>> 1;
    if (keys[mid]! < key) from = mid + 1;
    else to = mid;
  }
  return from;
}

/** Counts of each pair's events dated within one range. */
export interface PairDateCounter {
  /** How many of the pair's events lie wholly within the range (as dateInRange decides). */
  count(pair: number): number;
  /** The pair's events within the range, newest first (as its own list gives them). */
  events(pair: number): Int32Array;
}

/** A pair's run: its keys ascending, and at the same places their events. */
interface Run {
  keys: Int32Array;
  events: Int32Array;
}

export class PairDates {
  /** Pair p's keys are keys[start[p], start[p + 1]), ascending; pairs from start.length - 1 on have none here. */
  private start = new Int32Array(1);
  private keys = new Int32Array(0);
  /** The event of each key, ascending among events of the same key. */
  private numbers = new Int32Array(0);
  /** Runs read again since the build, by pair: they replace the pair's run above. */
  private readonly apart = new Map<number, Run>();
  private apartSize = 0;
  /** Pairs whose events changed since their run was read. */
  private readonly changed = new Set<number>();
  /** Pairs with a date of none of the three forms: counted by a walk of their list. */
  private readonly irregular = new Set<number>();
  /** 1 at a built pair kept apart or irregular (the sets above say which), else 0. */
  private special = new Uint8Array(0);
  /** Each date string's key, at its number among the table's strings (0 until read). */
  private keyOfCode = new Int32Array(0);

  constructor(private readonly table: DatedPairSource) {
    this.build();
  }

  /** Notes that a pair gained or lost an event: its run is read again on the next count. */
  pairChanged(pair: number): void {
    this.changed.add(pair);
  }

  /** Bytes the keys and the runs' starts take (the runs kept apart included). */
  get bytes(): number {
    return (
      this.keys.byteLength + this.numbers.byteLength + this.start.byteLength + 8 * this.apartSize
    );
  }

  /** A counter of the pairs' events within [from, to] at the table's current state. */
  counter(from: string | undefined, to: string | undefined): PairDateCounter {
    this.refresh();
    // Per form, the keys whose dates the range holds wholly: [bounds[2f], bounds[2f + 1]).
    const bounds = new Int32Array(2 * FORMS);
    const low = from === undefined ? undefined : dateLowerBound(from);
    const high = to === undefined ? undefined : dateUpperBound(to);
    for (let f = 0; f < FORMS; f++) {
      const first = f * FORM_SPAN;
      const end = first + FORM_DIGITS[f]!;
      bounds[2 * f] =
        low === undefined
          ? first
          : firstHolding(first, end, (k) => dateLowerBound(keyDate(k)) >= low);
      bounds[2 * f + 1] =
        high === undefined
          ? end
          : firstHolding(first, end, (k) => dateUpperBound(keyDate(k)) > high);
    }
    const [lo0, hi0, lo1, hi1, lo2, hi2] = bounds as unknown as number[];
    const { keys, numbers, start, apart, irregular } = this;
    const built = start.length - 1;
    const inRange = (k: number): boolean =>
      (k >= lo0! && k < hi0!) || (k >= lo1! && k < hi1!) || (k >= lo2! && k < hi2!);
    /** Keys of [a, b) within the range: a scan of a short run, else binary searches per form. */
    const within = (run: Int32Array, a: number, b: number): number => {
      if (a === b) return 0;
      let n = 0;
      if (b - a <= SHORT_RUN) {
        for (let i = a; i < b; i++) if (inRange(run[i]!)) n += 1;
        return n;
      }
      for (let f = 0; f < FORMS; f++) {
        const lo = bounds[2 * f]!;
        const hi = bounds[2 * f + 1]!;
        if (lo >= hi || run[a]! >= hi || run[b - 1]! < lo) continue;
        n += lowerBound(run, a, b, hi) - lowerBound(run, a, b, lo);
      }
      return n;
    };
    /** The events at the keys of [a, b) within the range, newest (highest number) first. */
    const listed = (run: Int32Array, of: Int32Array, a: number, b: number): Int32Array => {
      const out: number[] = [];
      for (let f = 0; f < FORMS; f++) {
        const lo = bounds[2 * f]!;
        const hi = bounds[2 * f + 1]!;
        if (a === b || lo >= hi || run[a]! >= hi || run[b - 1]! < lo) continue;
        const to = lowerBound(run, a, b, hi);
        for (let i = lowerBound(run, a, b, lo); i < to; i++) out.push(of[i]!);
      }
      return Int32Array.from(out).sort().reverse();
    };
    /** Where the pair's keys are: the built arrays, a run kept apart, or none (irregular). */
    const runOf = (pair: number): [Int32Array, Int32Array, number, number] | null => {
      if (pair < built && this.special[pair] === 0) {
        return [keys, numbers, start[pair]!, start[pair + 1]!];
      }
      if (irregular.has(pair)) return null;
      const run = apart.get(pair);
      return run ? [run.keys, run.events, 0, run.keys.length] : [keys, numbers, 0, 0];
    };
    return {
      count: (pair) => {
        if (pair < built && this.special[pair] === 0) {
          return within(keys, start[pair]!, start[pair + 1]!);
        }
        const run = runOf(pair);
        return run ? within(run[0], run[2], run[3]) : this.walked(pair, from, to).length;
      },
      events: (pair) => {
        const run = runOf(pair);
        return run ? listed(...run) : this.walked(pair, from, to);
      },
    };
  }

  /** The key of a date string by its number, read once. */
  private keyOf(code: number): number {
    if (code >= this.keyOfCode.length) {
      const grown = new Int32Array(Math.max(1024, 2 * code + 2));
      grown.set(this.keyOfCode);
      this.keyOfCode = grown;
    }
    let key = this.keyOfCode[code]!;
    if (key === 0) {
      key = dateKey(this.table.text(code));
      this.keyOfCode[code] = key;
    }
    return key;
  }

  /**
   * Every pair's run, from a scan of the table: the dated events ordered by key (each key's events
   * in number order) with one counting pass, then placed pair by pair in that order.
   */
  private build(): void {
    const table = this.table;
    const used = table.numbered;
    let pairs = 0;
    this.irregular.clear();
    // Each used date's rank among the keys, at its number among the table's strings (NONE when
    // unused or of another form).
    let rankByCode = new Int32Array(1024).fill(NONE);
    const codes: number[] = [];
    for (let e = 0; e < used; e++) {
      if (!table.isLive(e)) continue;
      pairs = Math.max(pairs, table.pair(e) + 1);
      const code = table.dateCode(e);
      if (code === NONE) continue;
      if (code >= rankByCode.length) {
        const grown = new Int32Array(2 * code + 2).fill(NONE);
        grown.set(rankByCode);
        rankByCode = grown;
      }
      if (rankByCode[code] !== NONE) continue;
      // Marked as seen; ranked below.
      rankByCode[code] = 0;
      if (this.keyOf(code) === NONE) this.irregular.add(table.pair(e));
      else codes.push(code);
    }
    codes.sort((a, b) => this.keyOf(a) - this.keyOf(b));
    rankByCode.fill(NONE);
    codes.forEach((code, rank) => (rankByCode[code] = rank));
    const byRank = new Int32Array(codes.length + 1);
    const start = new Int32Array(pairs + 1);
    for (let e = 0; e < used; e++) {
      if (!table.isLive(e)) continue;
      const code = table.dateCode(e);
      if (code === NONE) continue;
      const rank = rankByCode[code]!;
      if (rank === NONE) {
        this.irregular.add(table.pair(e));
        continue;
      }
      byRank[rank + 1]! += 1;
      start[table.pair(e) + 1]! += 1;
    }
    for (let r = 0; r < codes.length; r++) byRank[r + 1]! += byRank[r]!;
    for (let p = 0; p < pairs; p++) start[p + 1]! += start[p]!;
    const ordered = new Int32Array(byRank[codes.length]!);
    for (let e = 0; e < used; e++) {
      if (!table.isLive(e)) continue;
      const code = table.dateCode(e);
      if (code === NONE) continue;
      const rank = rankByCode[code]!;
      if (rank !== NONE) ordered[byRank[rank]!++] = e;
    }
    const keys = new Int32Array(ordered.length);
    const numbers = new Int32Array(ordered.length);
    const next = start.slice(0, pairs);
    for (const e of ordered) {
      const at = next[table.pair(e)]!++;
      keys[at] = this.keyOf(table.dateCode(e));
      numbers[at] = e;
    }
    this.start = start;
    this.keys = keys;
    this.numbers = numbers;
    this.special = new Uint8Array(pairs);
    for (const p of this.irregular) this.special[p] = 1;
    this.apart.clear();
    this.apartSize = 0;
    this.changed.clear();
  }

  /** Reads the changed pairs' runs again from their lists, or builds anew when many are apart. */
  private refresh(): void {
    if (this.changed.size === 0) return;
    for (const pair of this.changed) {
      this.apartSize -= this.apart.get(pair)?.keys.length ?? 0;
      this.irregular.delete(pair);
      const found: [number, number][] = [];
      for (let e = this.table.newest(pair); e !== NONE; e = this.table.olderThan(e)) {
        const code = this.table.dateCode(e);
        if (code === NONE) continue;
        const key = this.keyOf(code);
        if (key === NONE) this.irregular.add(pair);
        else found.push([key, e]);
      }
      found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const run = {
        keys: Int32Array.from(found, ([key]) => key),
        events: Int32Array.from(found, ([, e]) => e),
      };
      this.apart.set(pair, run);
      this.apartSize += found.length;
      if (pair < this.special.length) this.special[pair] = 1;
    }
    this.changed.clear();
    if (this.apartSize > this.keys.length / 8 + 4096) this.build();
  }

  /** A pair's events within the range, newest first, by a walk of its list (dates of another form). */
  private walked(pair: number, from: string | undefined, to: string | undefined): Int32Array {
    const out: number[] = [];
    for (let e = this.table.newest(pair); e !== NONE; e = this.table.olderThan(e)) {
      const code = this.table.dateCode(e);
      if (code !== NONE && dateInRange(this.table.text(code), from, to)) out.push(e);
    }
    return Int32Array.from(out);
  }
}
