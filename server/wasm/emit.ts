// A tiny WebAssembly assembler: just enough of the binary format to emit one module that imports a
// memory (and, if asked, functions of one f64 to one f64, such as Math.log) and exports functions
// of i32 parameters, with i32, f64 and v128 locals, built from the few instructions the parser's
// compact scorer (server/nlp/learn/wasm-scorer.ts) and the views' layout
// (server/graph/force-atlas-kernel.ts) need. No toolchain at build or run time: the bytes come
// from this code.

/** Opcodes of the i32 instructions used (WebAssembly core spec, binary format). */
export const Op = {
  drop: 0x1a,
  select: 0x1b,
  eqz: 0x45,
  eq: 0x46,
  ne: 0x47,
  ltS: 0x48,
  ltU: 0x49,
  gtS: 0x4a,
  gtU: 0x4b,
  geS: 0x4e,
  geU: 0x4f,
  add: 0x6a,
  sub: 0x6b,
  mul: 0x6c,
  and: 0x71,
  or: 0x72,
  xor: 0x73,
  shl: 0x74,
  shrS: 0x75,
  shrU: 0x76,
  rotl: 0x77,
  extend16S: 0xc1,
} as const;

/** Opcodes of the f64 instructions used. */
export const F64 = {
  load: 0x2b,
  store: 0x39,
  eq: 0x61,
  gt: 0x64,
  sqrt: 0x9f,
  add: 0xa0,
  sub: 0xa1,
  mul: 0xa2,
  div: 0xa3,
  min: 0xa4,
} as const;

/** SIMD instructions (prefix 0xfd, then the LEB128 number) used on v128 values. */
export const Simd = {
  load: 0x00,
  store: 0x0b,
  const: 0x0c,
  i32x4ExtendLowI16x8S: 0xa7,
  i32x4ExtendHighI16x8S: 0xa8,
  i32x4Add: 0xae,
  load64Splat: 0x0a,
  f64x2Splat: 0x14,
  f64x2ExtractLane: 0x21,
  f64x2ReplaceLane: 0x22,
  f64x2Gt: 0x4a,
  and: 0x4e,
  f64x2Add: 0xf0,
  f64x2Sub: 0xf1,
  f64x2Mul: 0xf2,
  f64x2Div: 0xf3,
} as const;

const I32 = 0x7f;
const F64_TYPE = 0x7c;
const V128 = 0x7b;
const VOID = 0x40;

function unsignedLeb(value: number, out: number[]): void {
  let v = value >>> 0;
  do {
    const byte = v & 0x7f;
    v >>>= 7;
    out.push(v !== 0 ? byte | 0x80 : byte);
  } while (v !== 0);
}

function signedLeb(value: number, out: number[]): void {
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return;
  }
}

function name(text: string, out: number[]): void {
  const bytes = new TextEncoder().encode(text);
  unsignedLeb(bytes.length, out);
  out.push(...bytes);
}

/** One function body: i32 parameters first, then locals, addressed by index. */
export class FunctionBuilder {
  readonly code: number[] = [];
  private readonly localTypes: number[] = [];

  constructor(readonly nParams: number) {}

  /** A new i32 local; returns its index. */
  local(): number {
    this.localTypes.push(I32);
    return this.nParams + this.localTypes.length - 1;
  }

  /** A new f64 local; returns its index. */
  localF64(): number {
    this.localTypes.push(F64_TYPE);
    return this.nParams + this.localTypes.length - 1;
  }

  /** A new v128 local; returns its index. */
  localV128(): number {
    this.localTypes.push(V128);
    return this.nParams + this.localTypes.length - 1;
  }

  /** One SIMD instruction without immediates. */
  simd(code: number): this {
    this.code.push(0xfd);
    unsignedLeb(code, this.code);
    return this;
  }
  /** v128.load / v128.store at the address on the stack plus a constant byte offset. */
  loadV128(offset = 0): this {
    this.code.push(0xfd, Simd.load, 0);
    unsignedLeb(offset, this.code);
    return this;
  }
  storeV128(offset = 0): this {
    this.code.push(0xfd, Simd.store, 0);
    unsignedLeb(offset, this.code);
    return this;
  }
  /** v128.const with every byte zero. */
  zeroV128(): this {
    return this.constV128(new Array<number>(16).fill(0));
  }
  /** v128.const of the 16 bytes given (lane 0 first). */
  constV128(bytes: readonly number[]): this {
    this.code.push(0xfd, Simd.const, ...bytes);
    return this;
  }
  /** One SIMD instruction with a lane index (extract_lane, replace_lane). */
  simdLane(code: number, lane: number): this {
    this.simd(code);
    this.code.push(lane);
    return this;
  }
  /** v128.load64_splat: the f64 at the address on the stack plus a byte offset, in both lanes. */
  loadSplat64(offset = 0): this {
    this.code.push(0xfd, Simd.load64Splat, 3);
    unsignedLeb(offset, this.code);
    return this;
  }
  /** f64.const. */
  constF64(value: number): this {
    this.code.push(0x44, ...new Uint8Array(new Float64Array([value]).buffer));
    return this;
  }
  /** Calls function `index` (imported functions come first). */
  call(index: number): this {
    this.code.push(0x10);
    unsignedLeb(index, this.code);
    return this;
  }
  /** f64.load at the address on the stack plus a constant byte offset (8-byte aligned). */
  loadF64(offset = 0): this {
    this.code.push(F64.load, 3);
    unsignedLeb(offset, this.code);
    return this;
  }
  /** f64.store: address then value on the stack. */
  storeF64(offset = 0): this {
    this.code.push(F64.store, 3);
    unsignedLeb(offset, this.code);
    return this;
  }

  op(...codes: number[]): this {
    this.code.push(...codes);
    return this;
  }
  get(index: number): this {
    this.code.push(0x20);
    unsignedLeb(index, this.code);
    return this;
  }
  set(index: number): this {
    this.code.push(0x21);
    unsignedLeb(index, this.code);
    return this;
  }
  tee(index: number): this {
    this.code.push(0x22);
    unsignedLeb(index, this.code);
    return this;
  }
  const(value: number): this {
    this.code.push(0x41);
    signedLeb(value, this.code);
    return this;
  }
  /** i32.load at the address on the stack plus a constant byte offset (4-byte aligned). */
  load(offset = 0): this {
    this.code.push(0x28, 2);
    unsignedLeb(offset, this.code);
    return this;
  }
  /** i32.store: address then value on the stack. */
  store(offset = 0): this {
    this.code.push(0x36, 2);
    unsignedLeb(offset, this.code);
    return this;
  }
  block(): this {
    this.code.push(0x02, VOID);
    return this;
  }
  loop(): this {
    this.code.push(0x03, VOID);
    return this;
  }
  if(): this {
    this.code.push(0x04, VOID);
    return this;
  }
  else(): this {
    this.code.push(0x05);
    return this;
  }
  end(): this {
    this.code.push(0x0b);
    return this;
  }
  /** Branch to the enclosing label `depth` levels out (0: the innermost). */
  br(depth: number): this {
    this.code.push(0x0c);
    unsignedLeb(depth, this.code);
    return this;
  }
  brIf(depth: number): this {
    this.code.push(0x0d);
    unsignedLeb(depth, this.code);
    return this;
  }

  /** The function's entry in the code section. */
  encode(): number[] {
    const body: number[] = [];
    // Locals as runs of one type.
    const runs: [number, number][] = [];
    for (const t of this.localTypes) {
      const last = runs[runs.length - 1];
      if (last && last[1] === t) last[0]++;
      else runs.push([1, t]);
    }
    unsignedLeb(runs.length, body);
    for (const [count, t] of runs) {
      unsignedLeb(count, body);
      body.push(t);
    }
    body.push(...this.code, 0x0b);
    const out: number[] = [];
    unsignedLeb(body.length, out);
    out.push(...body);
    return out;
  }
}

function section(id: number, content: number[], out: number[]): void {
  out.push(id);
  unsignedLeb(content.length, out);
  out.push(...content);
}

/**
 * A module importing one memory as `env.memory`, then each of `f64Imports` as `env.<name>`, a
 * function of one f64 to one f64 (called by its place in that list), and exporting the given
 * functions (no results, i32 parameters only).
 */
export function emitModule(
  functions: Record<string, FunctionBuilder>,
  f64Imports: readonly string[] = [],
): Uint8Array<ArrayBuffer> {
  const entries = Object.entries(functions);
  const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const types: number[] = [];
  const f64Type = entries.length;
  unsignedLeb(entries.length + (f64Imports.length > 0 ? 1 : 0), types);
  for (const [, fn] of entries) {
    types.push(0x60);
    unsignedLeb(fn.nParams, types);
    for (let i = 0; i < fn.nParams; i++) types.push(I32);
    types.push(0);
  }
  if (f64Imports.length > 0) types.push(0x60, 1, F64_TYPE, 1, F64_TYPE);
  section(1, types, out);
  const imports: number[] = [];
  unsignedLeb(1 + f64Imports.length, imports);
  name('env', imports);
  name('memory', imports);
  imports.push(0x02, 0x00, 1);
  for (const label of f64Imports) {
    name('env', imports);
    name(label, imports);
    imports.push(0x00);
    unsignedLeb(f64Type, imports);
  }
  section(2, imports, out);
  const funcs: number[] = [];
  unsignedLeb(entries.length, funcs);
  entries.forEach((_, i) => unsignedLeb(i, funcs));
  section(3, funcs, out);
  const exports: number[] = [];
  unsignedLeb(entries.length, exports);
  entries.forEach(([label], i) => {
    name(label, exports);
    exports.push(0x00);
    unsignedLeb(f64Imports.length + i, exports);
  });
  section(7, exports, out);
  const code: number[] = [];
  unsignedLeb(entries.length, code);
  for (const [, fn] of entries) code.push(...fn.encode());
  section(10, code, out);
  return new Uint8Array(out);
}
