// ForceAtlas2's repulsion between every two nodes of a view's layout, in WebAssembly emitted by the
// project's assembler (server/wasm/emit.ts) and compiled once per process. Node i's force is the
// sum over the nodes j before it of the vector from j to i times k m_i m_j / d^2, taken in the
// order j = 0, 1, ..., i - 1, and each such term is also taken off node j's force; node j's force
// receives its terms from i = j + 1, j + 2, ... in that order. Two rows are summed at a time, one
// per lane of a pair of f64s (f64x2): each lane adds its row's terms in the same order a loop of
// one row at a time would, with the same operations (no fused multiply-add), and node j takes the
// lower row's term off before the upper's, so the forces are those of the plain loop bit for bit,
// at half the divisions. Terms between coincident nodes (a zero or not-a-number squared distance)
// are masked to +0 rather than branched over, which leaves every sum as skipping them would.
import { F64, FunctionBuilder, Op, Simd, emitModule } from '../wasm/emit.ts';

/** A node's record in the layout's memory: RECORD f64 slots, at these places. */
export const X = 0;
export const Y = 1;
export const DX = 2;
export const DY = 3;
export const MASS = 4;
export const RECORD = 5;

const RECORD_BYTES = RECORD * 8;
/** Where the scaling ratio (k) is kept, and where the records start (byte addresses). */
const SCALE_AT = 0;
const RECORDS_AT = 16;
const PAGE_BYTES = 64 * 1024;

/** Parameters of the exported `repel`: the node count, the first record's and k's addresses. */
const P = { n: 0, base: 1, scale: 2 } as const;

/**
 * The repulsion function: for each node, DX and DY set to its repulsion from every other node
 * (over the records at `base`, `n` of them; k read at `scale`).
 */
function repelFunction(): FunctionBuilder {
  const f = new FunctionBuilder(3);
  const end = f.local();
  const pi = f.local();
  const pj = f.local();
  const xi = f.localV128();
  const yi = f.localV128();
  const mi = f.localV128();
  const sumX = f.localV128();
  const sumY = f.localV128();
  const xd = f.localV128();
  const yd = f.localV128();
  const sq = f.localV128();
  const fx = f.localV128();
  const fy = f.localV128();
  const at = (field: number) => field * 8;

  /** Both rows' terms with the node at pj; `lanes` masks off a lane whose row does not exist. */
  const term = (lanes?: number[]) => {
    f.get(xi).get(pj).loadSplat64(at(X)).simd(Simd.f64x2Sub).set(xd);
    f.get(yi).get(pj).loadSplat64(at(Y)).simd(Simd.f64x2Sub).set(yd);
    f.get(xd).get(xd).simd(Simd.f64x2Mul).get(yd).get(yd).simd(Simd.f64x2Mul);
    f.simd(Simd.f64x2Add).set(sq);
    // factor = (k m_i * m_j) / d^2, then the vector times it, where d^2 > 0.
    f.get(mi).get(pj).loadSplat64(at(MASS)).simd(Simd.f64x2Mul).get(sq).simd(Simd.f64x2Div);
    f.tee(fx).get(yd).simd(Simd.f64x2Mul).set(fy);
    f.get(xd).get(fx).simd(Simd.f64x2Mul).set(fx);
    f.get(sq).zeroV128().simd(Simd.f64x2Gt);
    if (lanes) f.constV128(lanes).simd(Simd.and);
    f.tee(sq).get(fx).simd(Simd.and).set(fx);
    f.get(sq).get(fy).simd(Simd.and).set(fy);
    f.get(sumX).get(fx).simd(Simd.f64x2Add).set(sumX);
    f.get(sumY).get(fy).simd(Simd.f64x2Add).set(sumY);
    // Node j: the lower row's term off first, then the upper's.
    for (const [field, force] of [
      [DX, fx],
      [DY, fy],
    ] as const) {
      f.get(pj).get(pj).loadF64(at(field));
      f.get(force).simdLane(Simd.f64x2ExtractLane, 0).op(F64.sub);
      f.get(force).simdLane(Simd.f64x2ExtractLane, 1).op(F64.sub);
      f.storeF64(at(field));
    }
  };
  /** Every node before the lower row (pj from base to pi). */
  const before = (lanes?: number[]) => {
    f.get(P.base).set(pj);
    f.block().loop();
    f.get(pj).get(pi).op(Op.geU).brIf(1);
    term(lanes);
    f.get(pj).const(RECORD_BYTES).op(Op.add).set(pj);
    f.br(0).end().end();
  };
  /** The lane's sum as the force of the row at pi plus `offset` bytes. */
  const storeSums = (lane: number, offset: number) => {
    f.get(pi)
      .get(sumX)
      .simdLane(Simd.f64x2ExtractLane, lane)
      .storeF64(offset + at(DX));
    f.get(pi)
      .get(sumY)
      .simdLane(Simd.f64x2ExtractLane, lane)
      .storeF64(offset + at(DY));
  };
  /** One row's value in lane 0 and, from the next record, the other's in lane 1. */
  const rowPair = (field: number, into: number) => {
    f.get(pi).loadSplat64(at(field));
    f.get(pi)
      .loadF64(RECORD_BYTES + at(field))
      .simdLane(Simd.f64x2ReplaceLane, 1);
    f.set(into);
  };

  f.get(P.base).get(P.n).const(RECORD_BYTES).op(Op.mul).op(Op.add).set(end);
  f.get(P.base).set(pi);
  // Rows two at a time: i (lane 0) and i + 1 (lane 1).
  f.block().loop();
  f.get(pi).const(RECORD_BYTES).op(Op.add).get(end).op(Op.geU).brIf(1);
  rowPair(X, xi);
  rowPair(Y, yi);
  rowPair(MASS, mi);
  f.get(P.scale).loadSplat64().get(mi).simd(Simd.f64x2Mul).set(mi);
  f.zeroV128().set(sumX).zeroV128().set(sumY);
  before();
  // Row i is complete; row i + 1's last term is node i's (lane 0 meets itself there: masked).
  storeSums(0, 0);
  f.get(pi).set(pj);
  term();
  storeSums(1, RECORD_BYTES);
  f.get(pi)
    .const(2 * RECORD_BYTES)
    .op(Op.add)
    .set(pi);
  f.br(0).end().end();
  // A last row alone, in lane 0.
  f.get(pi).get(end).op(Op.ltU).if();
  f.get(pi).loadSplat64(at(X)).set(xi);
  f.get(pi).loadSplat64(at(Y)).set(yi);
  f.get(P.scale).loadSplat64().get(pi).loadSplat64(at(MASS)).simd(Simd.f64x2Mul).set(mi);
  f.zeroV128().set(sumX).zeroV128().set(sumY);
  before([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0]);
  storeSums(0, 0);
  f.end();
  return f;
}

interface Kernel {
  memory: WebAssembly.Memory;
  repel: (n: number, base: number, scale: number) => void;
}

let kernel: Kernel | undefined;

function compiled(): Kernel {
  if (kernel) return kernel;
  const memory = new WebAssembly.Memory({ initial: 1 });
  const module = new WebAssembly.Module(emitModule({ repel: repelFunction() }));
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  kernel = { memory, repel: instance.exports.repel as Kernel['repel'] };
  return kernel;
}

/**
 * The records of `n` nodes (RECORD f64s each, every slot zero), in the memory `repel` reads. The
 * view is valid until the next call (the memory may grow).
 */
export function layoutRecords(n: number): Float64Array {
  const { memory } = compiled();
  const bytes = RECORDS_AT + n * RECORD_BYTES;
  const missing = bytes - memory.buffer.byteLength;
  if (missing > 0) memory.grow(Math.ceil(missing / PAGE_BYTES));
  const records = new Float64Array(memory.buffer, RECORDS_AT, n * RECORD);
  records.fill(0);
  return records;
}

/**
 * Sets the DX and DY of each of the first `n` records (from layoutRecords) to the node's repulsion
 * from every other node, with scaling ratio `k`.
 */
export function repel(n: number, k: number): void {
  const { memory, repel: run } = compiled();
  new Float64Array(memory.buffer, SCALE_AT, 1)[0] = k;
  run(n, RECORDS_AT, SCALE_AT);
}
