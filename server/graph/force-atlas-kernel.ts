// The views' ForceAtlas2 steps in WebAssembly, emitted by the project's assembler
// (server/wasm/emit.ts) and compiled once per process: each step saves the nodes' forces, sets
// them to their repulsion, adds gravity and the edges' attraction, and moves each node by its
// force (force-atlas.ts gives the forces and the step). Every operation is the plain loop's, in
// its order, in 64-bit floats with no fused multiply-add; Math.log is imported, and the square
// root and minimum are WebAssembly's, exact as Math's; so positions are those of the plain loop
// bit for bit. The repulsion of node i is the sum over the nodes j before it of the vector from j
// to i times k m_i m_j / d^2, taken in the order j = 0, 1, ..., i - 1, and each such term is also
// taken off node j's force, which receives its terms from i = j + 1, j + 2, ... in that order. Two
// rows are summed at a time, one per lane of a pair of f64s (f64x2): each lane adds its row's terms
// in the order a loop of one row at a time would, and node j takes the lower row's term off before
// the upper's, at half the divisions. Terms between coincident nodes (a zero or not-a-number
// squared distance) are masked to +0 rather than branched over, which leaves every sum as
// skipping them would.
import { F64, FunctionBuilder, Op, Simd, emitModule } from '../wasm/index.ts';

/** A node's record in the layout's memory: RECORD f64 slots, at these places. */
export const X = 0;
export const Y = 1;
export const DX = 2;
export const DY = 3;
export const MASS = 4;
const OLD_DX = 5;
const OLD_DY = 6;
export const CONVERGENCE = 7;
export const RECORD = 8;

const RECORD_BYTES = RECORD * 8;
/** The settings' places (byte addresses), then where the records start. */
const SCALING_AT = 0;
const GRAVITY_AT = 8;
const SLOW_DOWN_AT = 16;
const RECORDS_AT = 32;
const PAGE_BYTES = 64 * 1024;

/** Parameters of the exported `layout` (addresses in bytes). */
const P = { n: 0, base: 1, edges: 2, edgeCount: 3, iterations: 4 } as const;
/** Imported functions, by index. */
const LOG = 0;

const at = (field: number) => field * 8;

/** Each node's DX and DY set to its repulsion from every other node. */
function repulsion(f: FunctionBuilder, end: number): void {
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
  /** mi = k times the masses in mi. */
  const scaleMasses = () => {
    f.const(0).loadSplat64(SCALING_AT).get(mi).simd(Simd.f64x2Mul).set(mi);
  };

  f.get(P.base).set(pi);
  // Rows two at a time: i (lane 0) and i + 1 (lane 1).
  f.block().loop();
  f.get(pi).const(RECORD_BYTES).op(Op.add).get(end).op(Op.geU).brIf(1);
  rowPair(X, xi);
  rowPair(Y, yi);
  rowPair(MASS, mi);
  scaleMasses();
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
  f.get(pi).loadSplat64(at(MASS)).set(mi);
  scaleMasses();
  f.zeroV128().set(sumX).zeroV128().set(sumY);
  before([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0]);
  storeSums(0, 0);
  f.end();
}

/** `body` once for each record, its address in `p`. */
function eachNode(f: FunctionBuilder, p: number, end: number, body: () => void): void {
  f.get(P.base).set(p);
  f.block().loop();
  f.get(p).get(end).op(Op.geU).brIf(1);
  body();
  f.get(p).const(RECORD_BYTES).op(Op.add).set(p);
  f.br(0).end().end();
}

/** The layout function: `iterations` steps over the records and the edges' record addresses. */
function layoutFunction(): FunctionBuilder {
  const f = new FunctionBuilder(5);
  const end = f.local();
  const it = f.local();
  const p = f.local();
  const q = f.local();
  const a = f.local();
  const b = f.local();
  const edgesEnd = f.local();
  const v1 = f.localF64();
  const v2 = f.localF64();
  const fx = f.localF64();
  const fy = f.localF64();
  const ox = f.localF64();
  const oy = f.localF64();
  const swing = f.localF64();
  const speed = f.localF64();

  f.get(P.base).get(P.n).const(RECORD_BYTES).op(Op.mul).op(Op.add).set(end);
  f.get(P.edges).get(P.edgeCount).const(8).op(Op.mul).op(Op.add).set(edgesEnd);
  f.const(0).set(it);
  f.block().loop();
  f.get(it).get(P.iterations).op(Op.geS).brIf(1);

  // Each node's force of the step before, kept for its swing.
  eachNode(f, p, end, () => {
    f.get(p).get(p).loadF64(at(DX)).storeF64(at(OLD_DX));
    f.get(p).get(p).loadF64(at(DY)).storeF64(at(OLD_DY));
  });
  repulsion(f, end);
  // Strong gravity towards the origin: factor = k * mass * (gravity / k).
  eachNode(f, p, end, () => {
    f.get(p).loadF64(at(X)).set(v1);
    f.get(p).loadF64(at(Y)).set(v2);
    f.get(v1).constF64(0).op(F64.eq).get(v2).constF64(0).op(F64.eq).op(Op.and).op(Op.eqz).if();
    f.const(0).loadF64(SCALING_AT).get(p).loadF64(at(MASS)).op(F64.mul);
    f.const(0).loadF64(GRAVITY_AT).op(F64.mul).set(fx);
    f.get(p).get(p).loadF64(at(DX)).get(v1).get(fx).op(F64.mul, F64.sub).storeF64(at(DX));
    f.get(p).get(p).loadF64(at(DY)).get(v2).get(fx).op(F64.mul, F64.sub).storeF64(at(DY));
    f.end();
  });
  // Linear attraction along each edge, of weight 1.
  f.get(P.edges).set(q);
  f.block().loop();
  f.get(q).get(edgesEnd).op(Op.geU).brIf(1);
  f.get(q).load(0).set(a);
  f.get(q).load(4).set(b);
  f.get(b).loadF64(at(X)).get(a).loadF64(at(X)).op(F64.sub).set(fx);
  f.get(b).loadF64(at(Y)).get(a).loadF64(at(Y)).op(F64.sub).set(fy);
  f.get(a).get(a).loadF64(at(DX)).get(fx).op(F64.add).storeF64(at(DX));
  f.get(a).get(a).loadF64(at(DY)).get(fy).op(F64.add).storeF64(at(DY));
  f.get(b).get(b).loadF64(at(DX)).get(fx).op(F64.sub).storeF64(at(DX));
  f.get(b).get(b).loadF64(at(DY)).get(fy).op(F64.sub).storeF64(at(DY));
  f.get(q).const(8).op(Op.add).set(q);
  f.br(0).end().end();
  // Each node moves by its force, slowed where it swings.
  eachNode(f, p, end, () => {
    f.get(p).loadF64(at(DX)).set(fx);
    f.get(p).loadF64(at(DY)).set(fy);
    f.get(p).loadF64(at(OLD_DX)).set(ox);
    f.get(p).loadF64(at(OLD_DY)).set(oy);
    // swing = 1 + sqrt(mass * sqrt((ox - fx)^2 + (oy - fy)^2))
    f.get(p).loadF64(at(MASS));
    f.get(ox).get(fx).op(F64.sub).tee(v1).get(v1).op(F64.mul);
    f.get(oy).get(fy).op(F64.sub).tee(v2).get(v2).op(F64.mul);
    f.op(F64.add, F64.sqrt, F64.mul, F64.sqrt).constF64(1).op(F64.add).set(swing);
    // traction = sqrt((ox + fx)^2 + (oy + fy)^2) / 2
    f.get(ox).get(fx).op(F64.add).tee(v1).get(v1).op(F64.mul);
    f.get(oy).get(fy).op(F64.add).tee(v2).get(v2).op(F64.mul);
    f.op(F64.add, F64.sqrt).constF64(2).op(F64.div).set(v1);
    // speed = convergence * log(1 + traction) / swing
    f.get(p).loadF64(at(CONVERGENCE)).constF64(1).get(v1).op(F64.add).call(LOG).op(F64.mul);
    f.get(swing).op(F64.div).set(speed);
    // convergence = min(1, sqrt(speed * (fx^2 + fy^2) / swing))
    f.get(p).constF64(1).get(speed).get(fx).get(fx).op(F64.mul).get(fy).get(fy).op(F64.mul);
    f.op(F64.add, F64.mul).get(swing).op(F64.div, F64.sqrt, F64.min).storeF64(at(CONVERGENCE));
    // x += fx * (speed / slowDown), and y
    f.get(speed).const(0).loadF64(SLOW_DOWN_AT).op(F64.div).set(v1);
    f.get(p).get(p).loadF64(at(X)).get(fx).get(v1).op(F64.mul, F64.add).storeF64(at(X));
    f.get(p).get(p).loadF64(at(Y)).get(fy).get(v1).op(F64.mul, F64.add).storeF64(at(Y));
  });
  f.get(it).const(1).op(Op.add).set(it);
  f.br(0).end().end();
  return f;
}

interface Kernel {
  memory: WebAssembly.Memory;
  layout: (n: number, base: number, edges: number, edgeCount: number, iterations: number) => void;
}

let kernel: Kernel | undefined;

function compiled(): Kernel {
  if (kernel) return kernel;
  const memory = new WebAssembly.Memory({ initial: 1 });
  const module = new WebAssembly.Module(emitModule({ layout: layoutFunction() }, ['log']));
  const instance = new WebAssembly.Instance(module, { env: { memory, log: Math.log } });
  kernel = { memory, layout: instance.exports.layout as Kernel['layout'] };
  return kernel;
}

/** A layout's place in the kernel's memory: its nodes' records and its edges. */
export interface LayoutRecords {
  /** RECORD f64s a node, every slot zero. */
  nodes: Float64Array;
  /** Two a edge: the node indices at its ends. */
  edges: Int32Array;
}

/**
 * Room for `n` nodes and `edgeCount` edges in the memory the kernel reads, valid until the next
 * call (the memory may grow).
 */
export function layoutRecords(n: number, edgeCount: number): LayoutRecords {
  const { memory } = compiled();
  const edgesAt = RECORDS_AT + n * RECORD_BYTES;
  const bytes = edgesAt + edgeCount * 8;
  const missing = bytes - memory.buffer.byteLength;
  if (missing > 0) memory.grow(Math.ceil(missing / PAGE_BYTES));
  const nodes = new Float64Array(memory.buffer, RECORDS_AT, n * RECORD);
  nodes.fill(0);
  return { nodes, edges: new Int32Array(memory.buffer, edgesAt, edgeCount * 2) };
}

/**
 * Runs `iterations` steps over the records of layoutRecords(n, edgeCount), whose nodes hold their
 * positions, masses and convergence and whose edges their nodes' indices.
 */
export function runLayout(
  n: number,
  edgeCount: number,
  iterations: number,
  settings: { scalingRatio: number; gravity: number; slowDown: number },
): void {
  const { memory, layout } = compiled();
  const edgesAt = RECORDS_AT + n * RECORD_BYTES;
  // Edges as the byte addresses of their nodes' records.
  const edges = new Int32Array(memory.buffer, edgesAt, edgeCount * 2);
  for (let e = 0; e < edges.length; e++) edges[e] = RECORDS_AT + edges[e]! * RECORD_BYTES;
  const fixed = new Float64Array(memory.buffer, 0, RECORDS_AT / 8);
  fixed[SCALING_AT / 8] = settings.scalingRatio;
  fixed[GRAVITY_AT / 8] = settings.gravity / settings.scalingRatio;
  fixed[SLOW_DOWN_AT / 8] = settings.slowDown;
  layout(n, RECORDS_AT, edgesAt, edgeCount, iterations);
}
