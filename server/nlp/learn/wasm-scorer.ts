// The compact model's scoring loop in WebAssembly, emitted by the project's own assembler and
// compiled once per process. A call can first hash feature templates from values the caller wrote
// into the memory (the chain of hashMix and hashFinish, so the ids are those of featWith1..4),
// writing each id into its place among the feature ids. One call then finds each feature in the open-addressing table and adds its
// weights into int32 sums: entries (class << 16 | int16 weight) one by one, and dense rows (one
// int16 per class) eight classes at a time with SIMD adds, widened to int32 first. The sums are
// those of a plain loop (integer adds: their order changes nothing). Everything lives in one
// memory per model, laid out by `CompactModel`: the sums, the feature ids written by the caller,
// scratch lists, the table and the rows. Wasm loads and stores need no per-access bounds check.
import { FunctionBuilder, Op, Simd, emitModule } from '../../wasm/index.ts';
import { FINISH_1, FINISH_2, MIX_ADD, MIX_C1, MIX_C2 } from './hash.ts';

/** Parameters of the exported `add`, in order (all byte addresses unless said otherwise). */
const P = {
  feats: 0,
  /** Number of feature ids at `feats`. */
  n: 1,
  acc: 2,
  /** 0: every class; 1: classes below the split; 2: classes from the split (see ClassPart). */
  part: 3,
  table: 4,
  /** Slot mask (slots - 1), applied to a key. */
  mask: 5,
  /** Bytes per slot. */
  stride: 6,
  /** First byte past the table. */
  tableEnd: 7,
  packed: 8,
  /** Scratch: one word per feature (slots found). */
  found: 9,
  /** Scratch: two words per feature, plus four spare (row bounds). */
  rows: 10,
  /** A word that receives the reads issued only to fetch lines early. */
  sink: 11,
  /** Scratch: one word per feature (dense rows found). */
  dense: 12,
  /** Byte range of each dense row to add: [from, to), in whole pairs of blocks (32 bytes). */
  blockFrom: 13,
  blockTo: 14,
  /**
   * Hashed templates to write into `feats` first, or 0 for none: four words (the end of the
   * records of one, two, three and four values), then the records, each [start hash, address of
   * its feature id, address of each value] (see `hashTemplates`).
   */
  templates: 15,
} as const;

/**
 * Feature ids from templates, the same chain as hashMix and hashFinish: for each record of k
 * values, h = start hash, mixed with each value in turn, finished, and stored at its address.
 */
function hashTemplates(f: FunctionBuilder): void {
  const q = f.local();
  const qe = f.local();
  const h = f.local();
  /** h = hashMix(h, value on the stack). */
  const mix = (): void => {
    f.const(MIX_C1).op(Op.mul).const(15).op(Op.rotl).const(MIX_C2).op(Op.mul);
    f.get(h).op(Op.xor).const(13).op(Op.rotl).const(5).op(Op.mul).const(MIX_ADD).op(Op.add);
    f.set(h);
  };
  /** The finished hash of h, on the stack. */
  const finish = (): void => {
    f.get(h).get(h).const(16).op(Op.shrU, Op.xor).const(FINISH_1).op(Op.mul).set(h);
    f.get(h).get(h).const(13).op(Op.shrU, Op.xor).const(FINISH_2).op(Op.mul).set(h);
    f.get(h).get(h).const(16).op(Op.shrU, Op.xor);
  };
  f.get(P.templates).if();
  f.get(P.templates).const(16).op(Op.add).set(q);
  for (let k = 1; k <= 4; k++) {
    f.get(P.templates)
      .load(4 * (k - 1))
      .set(qe);
    f.block().loop();
    f.get(q).get(qe).op(Op.geU).brIf(1);
    f.get(q).load().set(h);
    for (let j = 0; j < k; j++) {
      f.get(q)
        .load(8 + 4 * j)
        .load();
      mix();
    }
    f.get(q).load(4);
    finish();
    f.store();
    f.get(q)
      .const(4 * (k + 2))
      .op(Op.add)
      .set(q);
    f.br(0).end().end();
  }
  f.end();
}

/**
 * Set in a slot's ref when it points at a dense row: one int16 per class, in pairs of blocks of
 * eight classes (zero past the last class).
 */
export const DENSE_REF = 0x40000000;

/** Bytes read ahead from the start of each dense row; a model's memory has as many past its rows. */
export const READ_AHEAD_BYTES = 256;

function buildAdd(): FunctionBuilder {
  const f = new FunctionBuilder(16);
  hashTemplates(f);
  const p = f.local();
  const pe = f.local();
  const key = f.local();
  const base = f.local();
  const ref = f.local();
  const m = f.local();
  const touch = f.local();
  const head = f.local();
  const start = f.local();
  const a = f.local();
  const ae = f.local();
  const b = f.local();
  const be = f.local();
  const r = f.local();
  const re = f.local();
  const addr = f.local();
  const v = [
    f.local(),
    f.local(),
    f.local(),
    f.local(),
    f.local(),
    f.local(),
    f.local(),
    f.local(),
  ];
  const d = f.local();
  const sum = [f.localV128(), f.localV128(), f.localV128(), f.localV128()];
  const x = f.localV128();
  const y = f.localV128();

  /** acc[v >>> 16] += (v << 16) >> 16, for a local v holding one entry. */
  const addEntry = (entry: number): void => {
    f.get(P.acc).get(entry).const(14).op(Op.shrU).const(-4).op(Op.and, Op.add).tee(addr);
    f.get(addr).load().get(entry).op(Op.extend16S, Op.add).store();
  };
  /** x += step. */
  const bump = (x: number, step: number): void => {
    f.get(x).const(step).op(Op.add).set(x);
  };
  /** Four entries from ptr: load them all, then add them. */
  const addFour = (ptr: number): void => {
    for (let k = 0; k < 4; k++)
      f.get(ptr)
        .load(4 * k)
        .set(v[k]);
    for (let k = 0; k < 4; k++) addEntry(v[k]);
  };
  /** The home slot's address of the key in local `k`. */
  const home = (k: number): void => {
    f.get(P.table).get(k).get(P.mask).op(Op.and).get(P.stride).op(Op.mul, Op.add);
  };

  // 1. Read every feature's home slot, with no branch between the reads, so their misses overlap.
  f.get(P.feats).get(P.n).const(2).op(Op.shl, Op.add).set(pe);
  f.get(P.feats).set(p);
  f.block().loop();
  f.get(p).get(pe).op(Op.geU).brIf(1);
  f.get(p).load().set(key);
  home(key);
  f.load().get(touch).op(Op.xor).set(touch);
  bump(p, 4);
  f.br(0).end().end();

  // 2. Probe: list the slot of each feature present (ref -1 marks an empty slot).
  f.get(P.feats).set(p);
  f.get(P.found).set(m);
  f.block().loop();
  f.get(p).get(pe).op(Op.geU).brIf(1);
  f.get(p).load().set(key);
  home(key);
  f.set(base);
  f.block().loop();
  f.get(base).load(4).const(-1).op(Op.eq).brIf(1);
  f.get(base).load().get(key).op(Op.eq).if();
  f.get(m).get(base).store();
  bump(m, 4);
  f.br(2);
  f.end();
  f.get(base).get(P.stride).op(Op.add).set(base);
  f.get(P.table).get(base).get(base).get(P.tableEnd).op(Op.eq, Op.select).set(base);
  f.br(0).end().end();
  bump(p, 4);
  f.br(0).end().end();

  // 3. Inline entries now; each packed row's bounds queued, its second cache line read ahead;
  // dense rows listed.
  f.get(P.rows).set(re);
  f.get(P.dense).set(d);
  f.get(P.found).set(p);
  f.block().loop();
  f.get(p).get(m).op(Op.geU).brIf(1);
  f.get(p).load().tee(base).load(4).tee(ref);
  f.const(0).op(Op.geS).if();
  f.get(ref).const(DENSE_REF).op(Op.and).if();
  {
    f.get(d);
    f.get(P.packed)
      .get(ref)
      .const(DENSE_REF - 1)
      .op(Op.and)
      .const(2)
      .op(Op.shl, Op.add);
    f.tee(addr).store();
    // The row's first four cache lines, read ahead while the packed rows are added (the memory
    // has room past the last row for these reads: see READ_AHEAD_BYTES).
    for (let at = 0; at < READ_AHEAD_BYTES; at += 64)
      f.get(addr).load(at).get(touch).op(Op.xor).set(touch);
    bump(d, 4);
  }
  f.else();
  {
    f.get(P.packed).get(ref).const(2).op(Op.shl, Op.add).tee(start).load().set(head);
    bump(start, 4);
    f.get(start).load(64).get(touch).op(Op.xor).set(touch);
    // Start: the split's turn when only the classes from it are wanted, else the row's start.
    f.get(re).get(start).get(head).const(16).op(Op.shrU).const(-4).op(Op.and);
    f.const(0).get(P.part).const(2).op(Op.eq, Op.select).const(2).op(Op.shl, Op.add).store();
    // End: past the split's turn when only the classes below it are wanted, else the padded end.
    f.get(re).get(start).get(head).const(16).op(Op.shrU).const(3).op(Op.add).const(-4).op(Op.and);
    f.get(head).const(0xffff).op(Op.and).get(P.part).const(1).op(Op.eq, Op.select);
    f.const(2).op(Op.shl, Op.add).store(4);
    bump(re, 8);
  }
  f.end();
  f.else();
  {
    // -1 - ref entries inline, after the key and ref words.
    f.get(base).const(8).op(Op.add).set(a);
    f.get(base).const(4).op(Op.add).get(ref).const(2).op(Op.shl, Op.sub).set(ae);
    f.block().loop();
    f.get(a).get(ae).op(Op.geU).brIf(1);
    f.get(a).load().set(v[0]);
    addEntry(v[0]);
    bump(a, 4);
    f.br(0).end().end();
  }
  f.end();
  bump(p, 4);
  f.br(0).end().end();
  f.get(P.sink).get(touch).store();

  // 4. Rows two at a time, four entries of each per turn, then the rest of the longer one.
  f.get(P.rows).set(r);
  f.block().loop();
  f.get(r).get(re).op(Op.geU).brIf(1);
  f.get(r).load().set(a);
  f.get(r).load(4).set(ae);
  f.get(r).load(8).const(0).get(r).const(8).op(Op.add).get(re).op(Op.ltU, Op.select).set(b);
  f.get(r).load(12).const(0).get(r).const(8).op(Op.add).get(re).op(Op.ltU, Op.select).set(be);
  f.block().loop();
  f.get(a).get(ae).op(Op.ltU).get(b).get(be).op(Op.ltU, Op.and, Op.eqz).brIf(1);
  for (let k = 0; k < 4; k++) {
    f.get(a)
      .load(4 * k)
      .set(v[2 * k]);
    f.get(b)
      .load(4 * k)
      .set(v[2 * k + 1]);
  }
  for (const e of v) addEntry(e);
  bump(a, 16);
  bump(b, 16);
  f.br(0).end().end();
  // The longer row's rest: b and be take over when the first row is done.
  f.get(a).get(b).get(a).get(ae).op(Op.ltU, Op.select).set(b);
  f.get(ae).get(be).get(a).get(ae).op(Op.ltU, Op.select).set(be);
  f.block().loop();
  f.get(b).get(be).op(Op.geU).brIf(1);
  addFour(b);
  bump(b, 16);
  f.br(0).end().end();
  bump(r, 16);
  f.br(0).end().end();

  // 5. Dense rows, two blocks of eight classes at a time over every row, in four int32x4 sums
  // (each int16 widened first, so the sums are exact), added onto acc once per pair of blocks.
  f.get(P.blockFrom).set(b);
  f.block().loop();
  f.get(b).get(P.blockTo).op(Op.geU).brIf(1);
  for (const s of sum) f.zeroV128().set(s);
  f.get(P.dense).set(r);
  f.block().loop();
  f.get(r).get(d).op(Op.geU).brIf(1);
  f.get(r).load().get(b).op(Op.add).tee(addr).loadV128().set(x);
  f.get(addr).loadV128(16).set(y);
  for (const [s, src, high] of [
    [sum[0], x, false],
    [sum[1], x, true],
    [sum[2], y, false],
    [sum[3], y, true],
  ] as const) {
    f.get(s)
      .get(src)
      .simd(high ? Simd.i32x4ExtendHighI16x8S : Simd.i32x4ExtendLowI16x8S);
    f.simd(Simd.i32x4Add).set(s);
  }
  bump(r, 4);
  f.br(0).end().end();
  f.get(P.acc).get(b).const(1).op(Op.shl, Op.add).set(addr);
  sum.forEach((s, k) => {
    f.get(addr)
      .get(addr)
      .loadV128(16 * k)
      .get(s)
      .simd(Simd.i32x4Add)
      .storeV128(16 * k);
  });
  bump(b, 32);
  f.br(0).end().end();
  return f;
}

let compiled: WebAssembly.Module | null = null;

/** The scorer module, emitted and compiled on first use. */
function scorerModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(emitModule({ add: buildAdd() }));
  return compiled;
}

/** Byte addresses of a model's areas in its memory, as `CompactModel` lays them out. */
export interface ScorerLayout {
  acc: number;
  feats: number;
  found: number;
  rows: number;
  sink: number;
  table: number;
  /** Slots in the table (a power of two) and bytes per slot. */
  slots: number;
  strideBytes: number;
  packed: number;
  dense: number;
}

/**
 * The scorer bound to one model's memory: `add(feats, n, acc, part, blockFrom, blockTo,
 * templates)` with byte addresses, the byte range of each dense row to add, and the hashed
 * templates to write into the feature ids first (0: none).
 */
export type BoundScorer = (
  feats: number,
  n: number,
  acc: number,
  part: number,
  blockFrom: number,
  blockTo: number,
  templates: number,
) => void;

export function bindScorer(memory: WebAssembly.Memory, layout: ScorerLayout): BoundScorer {
  const instance = new WebAssembly.Instance(scorerModule(), { env: { memory } });
  const add = instance.exports.add as (...args: number[]) => void;
  const { table, slots, strideBytes, packed, found, rows, sink, dense } = layout;
  const mask = slots - 1;
  const tableEnd = table + slots * strideBytes;
  return (feats, n, acc, part, blockFrom, blockTo, templates) =>
    add(
      feats,
      n,
      acc,
      part,
      table,
      mask,
      strideBytes,
      tableEnd,
      packed,
      found,
      rows,
      sink,
      dense,
      blockFrom,
      blockTo,
      templates,
    );
}
