// The saved graph's file: a fixed prefix (magic, section lengths, body length, CRC-32 of the
// body), a small JSON tag (what the graph was saved from: format, code fingerprint, store id and
// generation), the table of the arrays (JSON), the graph's JSON half, and the typed arrays raw
// (native byte order, each at a multiple of 8). The tag is read first, so a stale file costs one
// small read; a file whose length or checksum is wrong is refused before its JSON half is decoded.
// Each array is read into a buffer of its own (see readSnapshotFile).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open, readdir, rename, rm } from 'node:fs/promises';
import { setImmediate as loopTurn } from 'node:timers/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { Column, SavedPart } from '../columns.ts';

const MAGIC = 'SGGRAPH1';
const PREFIX = 32;

/** What a saved graph was saved from; a file is used only when all of it matches. */
export interface SnapshotTag {
  format: number;
  fingerprint: string;
  endianness: 'LE' | 'BE';
  store: string;
  generation: number;
  /** The change log number the graph reflects (the change feed follows on from it). */
  lastChange: number;
}

const KINDS = {
  i32: Int32Array,
  f64: Float64Array,
  u8: Uint8Array,
} as const;
type Kind = keyof typeof KINDS;
/** An array's name, kind, offset from the start of the arrays and length (in elements). */
type TableEntry = [string, Kind, number, number];

function kindOf(column: Column): Kind {
  if (column instanceof Int32Array) return 'i32';
  if (column instanceof Float64Array) return 'f64';
  return 'u8';
}

const align8 = (n: number) => (n + 7) & ~7;

/**
 * The whole file in one buffer, its checksum not yet set (sealSnapshot): the arrays are copied in,
 * so the graph may change once this returns.
 */
export function encodeSnapshot(tag: SnapshotTag, part: SavedPart): Buffer {
  const tagBytes = Buffer.from(JSON.stringify(tag));
  const table: TableEntry[] = [];
  const entries = Object.entries(part.arrays);
  // Offsets count from the start of the arrays area, which begins at a multiple of 8.
  let at = 0;
  for (const [name, column] of entries) {
    table.push([name, kindOf(column), at, column.length]);
    at = align8(at + column.byteLength);
  }
  const tableBytes = Buffer.from(JSON.stringify(table));
  const jsonBytes = Buffer.from(JSON.stringify(part.json));
  const arraysStart = align8(PREFIX + tagBytes.length + tableBytes.length + jsonBytes.length);
  const total = arraysStart + at;
  const out = Buffer.allocUnsafeSlow(total);
  out.fill(0, 0, arraysStart);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(tagBytes.length, 8);
  out.writeUInt32LE(jsonBytes.length, 12);
  out.writeDoubleLE(total - PREFIX, 16);
  out.writeUInt32LE(tableBytes.length, 28);
  tagBytes.copy(out, PREFIX);
  tableBytes.copy(out, PREFIX + tagBytes.length);
  jsonBytes.copy(out, PREFIX + tagBytes.length + tableBytes.length);
  entries.forEach(([, column], i) => {
    const bytes = Buffer.from(column.buffer, column.byteOffset, column.byteLength);
    const offset = arraysStart + table[i]![2];
    bytes.copy(out, offset);
    out.fill(0, offset + column.byteLength, arraysStart + align8(table[i]![2] + column.byteLength));
  });
  return out;
}

/** Bytes checksummed between two turns of the event loop. */
const CRC_CHUNK = 8 * 2 ** 20;

/** Sets the body's checksum in the prefix, a chunk a turn so requests are served meanwhile. */
export async function sealSnapshot(out: Buffer): Promise<void> {
  let crc = 0;
  for (let at = PREFIX; at < out.length; at += CRC_CHUNK) {
    crc = crc32(out.subarray(at, Math.min(out.length, at + CRC_CHUNK)), crc);
    await loopTurn();
  }
  out.writeUInt32LE(crc, 24);
}

/** Whether a process with this id is running (one we may not signal counts as running). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** Removes temporary files that saves by processes no longer running left beside `file`. */
async function removeLeftovers(file: string): Promise<void> {
  const prefix = `${path.basename(file)}.tmp-`;
  const names = await readdir(path.dirname(file)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !running(pid)) {
      await rm(path.join(path.dirname(file), name), { force: true });
    }
  }
}

/**
 * Writes the file atomically: a temporary file beside it (named by this process, so two servers
 * on one store never write into one), flushed to disk, then renamed over it. Temporary files left
 * by a process killed while saving are removed first.
 */
export async function writeSnapshotFile(file: string, bytes: Buffer): Promise<void> {
  await removeLeftovers(file);
  const temporary = `${file}.tmp-${process.pid}`;
  try {
    const handle = await open(temporary, 'w', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  // The rename itself reaches the disk with the folder's entry.
  const folder = await open(path.dirname(file), 'r').catch(() => null);
  if (folder)
    await folder
      .sync()
      .catch(() => undefined)
      .finally(() => folder.close());
}

/** Why a saved graph was not used. */
export class SnapshotRefused extends Error {
  constructor(
    readonly reason: 'missing' | 'stale' | 'damaged',
    message: string,
  ) {
    super(message);
    this.name = 'SnapshotRefused';
  }
}

function readExactly(fd: number, into: Uint8Array, position: number): void {
  let done = 0;
  while (done < into.length) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) throw new SnapshotRefused('damaged', 'the file ends early');
    done += n;
  }
}

/** Opens a saved graph's file (SnapshotRefused 'missing' when there is none). */
function openSnapshot(file: string): number {
  try {
    return openSync(file, 'r');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') {
      throw new SnapshotRefused('missing', 'no saved graph');
    }
    throw new SnapshotRefused('damaged', (error as Error).message);
  }
}

interface Head {
  size: number;
  tag: SnapshotTag;
  tagLength: number;
  tableLength: number;
  jsonLength: number;
}

/** The prefix and the tag, checked against the file's length (the body is not read). */
function readHead(fd: number): Head {
  const size = fstatSync(fd).size;
  if (size < PREFIX) throw new SnapshotRefused('damaged', `the file is ${size} bytes`);
  const prefix = Buffer.alloc(PREFIX);
  readExactly(fd, prefix, 0);
  if (prefix.toString('latin1', 0, 8) !== MAGIC) {
    throw new SnapshotRefused('damaged', 'not a saved graph of this format');
  }
  const tagLength = prefix.readUInt32LE(8);
  const jsonLength = prefix.readUInt32LE(12);
  const bodyLength = prefix.readDoubleLE(16);
  const tableLength = prefix.readUInt32LE(28);
  if (size !== PREFIX + bodyLength || tagLength + tableLength + jsonLength > bodyLength) {
    throw new SnapshotRefused(
      'damaged',
      `the file is ${size} bytes, its prefix says ${PREFIX + bodyLength}`,
    );
  }
  const tagBytes = Buffer.alloc(tagLength);
  readExactly(fd, tagBytes, PREFIX);
  try {
    return {
      size,
      tag: JSON.parse(tagBytes.toString('utf8')) as SnapshotTag,
      tagLength,
      tableLength,
      jsonLength,
    };
  } catch {
    throw new SnapshotRefused('damaged', 'its tag is not JSON');
  }
}

/** A saved graph's tag alone (throws SnapshotRefused when the file is missing or its head damaged). */
export function readSnapshotTag(file: string): SnapshotTag {
  const fd = openSnapshot(file);
  try {
    return readHead(fd).tag;
  } finally {
    closeSync(fd);
  }
}

/** Bytes read at a time where the file holds no array (the padding before and between them). */
const SKIP_CHUNK = 64 * 2 ** 10;

/**
 * Reads a saved graph's state if its tag is `expected` (throws SnapshotRefused when it is
 * missing, stale or damaged). Each array is read into a buffer of its own, so a column that grows
 * and is copied leaves nothing of the file behind, and the JSON half and the arrays only restore
 * reads are dropped once the graph is made. The arrays are read before the JSON half is decoded:
 * their memory starts a collection, cheap while the heap is small. The checksum is taken piece by
 * piece in file order and checked before the JSON half is decoded.
 */
export function readSnapshotFile(
  file: string,
  expected: SnapshotTag,
): { tag: SnapshotTag; part: SavedPart } {
  const fd = openSnapshot(file);
  try {
    const { size, tag, tagLength, tableLength, jsonLength } = readHead(fd);
    for (const key of ['format', 'fingerprint', 'endianness', 'store', 'generation'] as const) {
      if (tag[key] !== expected[key]) {
        throw new SnapshotRefused('stale', `saved at ${key} ${tag[key]}, now ${expected[key]}`);
      }
    }
    const tableStart = PREFIX + tagLength;
    const jsonStart = tableStart + tableLength;
    const arraysStart = align8(jsonStart + jsonLength);
    if (arraysStart > size) throw new SnapshotRefused('damaged', 'its sections pass its end');
    const head = Buffer.allocUnsafe(arraysStart);
    readExactly(fd, head, 0);
    let crc = crc32(head.subarray(PREFIX));
    let at = arraysStart;
    const scratch = Buffer.allocUnsafe(SKIP_CHUNK);
    /** Reads on to `end` for the checksum alone. */
    const skipTo = (end: number) => {
      for (; at < end; at += SKIP_CHUNK) {
        const piece = scratch.subarray(0, Math.min(SKIP_CHUNK, end - at));
        readExactly(fd, piece, at);
        crc = crc32(piece, crc);
      }
      at = end;
    };
    let table: TableEntry[];
    try {
      table = JSON.parse(head.toString('utf8', tableStart, jsonStart)) as TableEntry[];
    } catch {
      throw new SnapshotRefused('damaged', 'its table of arrays is not JSON');
    }
    const arrays: SavedPart['arrays'] = {};
    for (const [name, kind, offset, length] of table) {
      const Type = Object.hasOwn(KINDS, kind) ? KINDS[kind] : undefined;
      const start = arraysStart + offset;
      const end = Type ? start + length * Type.BYTES_PER_ELEMENT : Infinity;
      // In file order and apart, as encodeSnapshot writes them.
      if (!(start >= at && end <= size)) {
        throw new SnapshotRefused('damaged', `array ${name} lies outside the file or over another`);
      }
      skipTo(start);
      // Not zeroed first: the read fills it whole or throws.
      const bytes = Buffer.allocUnsafeSlow(end - start);
      readExactly(fd, bytes, start);
      crc = crc32(bytes, crc);
      at = end;
      arrays[name] = new Type!(bytes.buffer, 0, length);
    }
    skipTo(size);
    if (crc !== head.readUInt32LE(24)) {
      throw new SnapshotRefused('damaged', 'its checksum does not match');
    }
    const json = JSON.parse(
      head.toString('utf8', jsonStart, jsonStart + jsonLength),
    ) as SavedPart['json'];
    return { tag, part: { json, arrays } };
  } finally {
    closeSync(fd);
  }
}
