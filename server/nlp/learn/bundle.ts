// A small self-describing binary container for models: a magic word, a JSON header naming each
// typed array (type, length, byte offset) plus free metadata, then the arrays, 8-byte aligned,
// little-endian. Readers check the magic, the version and the bounds before touching the data.
import { endianness } from 'node:os';

const MAGIC = 0x424e4753; // "SGNB" read as a little-endian uint32
const VERSION = 1;

export type ArrayType = 'u8' | 'i8' | 'u16' | 'i16' | 'u32' | 'i32' | 'f32' | 'f64';
export type AnyTypedArray =
  | Uint8Array
  | Int8Array
  | Uint16Array
  | Int16Array
  | Uint32Array
  | Int32Array
  | Float32Array
  | Float64Array;

export interface Bundle {
  /** Free JSON-serialisable metadata (kind, label names, options ...). */
  meta: Record<string, unknown>;
  arrays: Record<string, AnyTypedArray>;
}

interface ArrayEntry {
  name: string;
  type: ArrayType;
  length: number;
  offset: number;
}

function typeOf(a: AnyTypedArray): ArrayType {
  if (a instanceof Uint8Array) return 'u8';
  if (a instanceof Int8Array) return 'i8';
  if (a instanceof Uint16Array) return 'u16';
  if (a instanceof Int16Array) return 'i16';
  if (a instanceof Uint32Array) return 'u32';
  if (a instanceof Int32Array) return 'i32';
  if (a instanceof Float32Array) return 'f32';
  return 'f64';
}

const WIDTH: Record<ArrayType, number> = {
  u8: 1,
  i8: 1,
  u16: 2,
  i16: 2,
  u32: 4,
  i32: 4,
  f32: 4,
  f64: 8,
};

function make(type: ArrayType, buffer: ArrayBuffer, length: number): AnyTypedArray {
  switch (type) {
    case 'u8':
      return new Uint8Array(buffer, 0, length);
    case 'i8':
      return new Int8Array(buffer, 0, length);
    case 'u16':
      return new Uint16Array(buffer, 0, length);
    case 'i16':
      return new Int16Array(buffer, 0, length);
    case 'u32':
      return new Uint32Array(buffer, 0, length);
    case 'i32':
      return new Int32Array(buffer, 0, length);
    case 'f32':
      return new Float32Array(buffer, 0, length);
    case 'f64':
      return new Float64Array(buffer, 0, length);
  }
}

const bigEndianHost = endianness() === 'BE';

function swapInPlace(bytes: Uint8Array, width: number): void {
  if (width === 1) return;
  for (let i = 0; i + width <= bytes.length; i += width) {
    for (let a = i, b = i + width - 1; a < b; a++, b--) {
      const t = bytes[a];
      bytes[a] = bytes[b];
      bytes[b] = t;
    }
  }
}

const align8 = (n: number): number => (n + 7) & ~7;

/** Serialises a bundle. Array names are written in sorted order so output is deterministic. */
export function writeBundle(bundle: Bundle): Buffer {
  const names = Object.keys(bundle.arrays).sort();
  const entries: ArrayEntry[] = [];
  let offset = 0;
  let end = 0;
  for (const name of names) {
    const a = bundle.arrays[name];
    offset = align8(end);
    entries.push({ name, type: typeOf(a), length: a.length, offset });
    end = offset + a.byteLength;
  }
  const header = Buffer.from(JSON.stringify({ meta: bundle.meta, arrays: entries }), 'utf8');
  const dataStart = align8(12 + header.length);
  const out = Buffer.alloc(dataStart + end);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(VERSION, 4);
  out.writeUInt32LE(header.length, 8);
  header.copy(out, 12);
  for (const e of entries) {
    const a = bundle.arrays[e.name];
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const target = out.subarray(dataStart + e.offset, dataStart + e.offset + a.byteLength);
    target.set(bytes);
    if (bigEndianHost) swapInPlace(target, WIDTH[e.type]);
  }
  return out;
}

/** Reads a bundle written by {@link writeBundle}; throws on a wrong magic, version or bounds. */
export function readBundle(data: Uint8Array): Bundle {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length < 12 || buf.readUInt32LE(0) !== MAGIC) throw new Error('bundle: not a model file');
  const version = buf.readUInt32LE(4);
  if (version !== VERSION) throw new Error(`bundle: unsupported version ${version}`);
  const headerLength = buf.readUInt32LE(8);
  if (12 + headerLength > buf.length) throw new Error('bundle: truncated header');
  const header = JSON.parse(buf.toString('utf8', 12, 12 + headerLength)) as {
    meta: Record<string, unknown>;
    arrays: ArrayEntry[];
  };
  const dataStart = align8(12 + headerLength);
  const arrays: Record<string, AnyTypedArray> = {};
  for (const e of header.arrays) {
    const width = WIDTH[e.type];
    if (width === undefined) throw new Error(`bundle: unknown array type ${e.type}`);
    const start = dataStart + e.offset;
    const byteLength = e.length * width;
    if (e.offset < 0 || start + byteLength > buf.length)
      throw new Error(`bundle: ${e.name} out of bounds`);
    // Copy into a fresh, aligned buffer: the source may sit at any byte offset.
    const copy = new Uint8Array(byteLength);
    copy.set(buf.subarray(start, start + byteLength));
    if (bigEndianHost) swapInPlace(copy, width);
    arrays[e.name] = make(e.type, copy.buffer, e.length);
  }
  return { meta: header.meta, arrays };
}
