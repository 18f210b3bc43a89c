import { Inflate } from 'fflate';
import { HttpProblem } from '../../http/http-problem.js';
import { byteSizeText } from './byte-size-text.js';

/**
 * Reading ZIP archives (KMZ, zipped Shapefile, XLSX) without trusting them.
 *
 * The central directory is read here rather than by a library so that the
 * declared sizes are checked before anything is inflated, and inflating is
 * streamed so that it stops as soon as the real output passes the limit: a
 * zip bomb declares small sizes and inflates a thousandfold.
 */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when read. */
  method: number;
  encrypted: boolean;
  compressedSize: number;
  /** As declared by the archive, bytes: may lie. */
  originalSize: number;
  localHeaderOffset: number;
}

/** A shared allowance of inflated bytes across every entry read from one archive. */
export interface InflateBudget {
  fileName: string;
  maxExpandedBytes: number;
  used: number;
}

const localHeaderSignature = 0x04034b50;
const centralHeaderSignature = 0x02014b50;
const endOfCentralDirectorySignature = 0x06054b50;
/** Zip64 puts this in a 32-bit size or offset field; our limits are far below 4 GiB, so such an entry is too large anyway. */
const zip64Marker = 0xffffffff;
const inflateChunkBytes = 4096;

/** A local file header (or the end record of an empty archive) at the start: the bytes are a ZIP. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b &&
    ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06));
}

function corrupt(fileName: string): HttpProblem {
  return new HttpProblem(400, 'import-zip-corrupt', { file: fileName });
}

/** The archive's files (not its folders), from the central directory; throws 400 when it cannot be read. */
export function listZipEntries(bytes: Uint8Array, fileName: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  // The end record is 22 bytes plus a comment of at most 65535.
  for (let p = bytes.length - 22; p >= 0 && p >= bytes.length - 22 - 0xffff; p--) {
    if (view.getUint32(p, true) === endOfCentralDirectorySignature) {
      end = p;
      break;
    }
  }
  if (end < 0) throw corrupt(fileName);
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (directoryOffset === zip64Marker || directorySize === zip64Marker) throw corrupt(fileName);
  if (directoryOffset + directorySize > end) throw corrupt(fileName);
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let p = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || view.getUint32(p, true) !== centralHeaderSignature) throw corrupt(fileName);
    const flags = view.getUint16(p + 8, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength > end) throw corrupt(fileName);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    const entry: ZipEntry = {
      name,
      method: view.getUint16(p + 10, true),
      encrypted: (flags & 1) === 1,
      compressedSize: view.getUint32(p + 20, true),
      originalSize: view.getUint32(p + 24, true),
      localHeaderOffset: view.getUint32(p + 42, true),
    };
    if (!name.endsWith('/')) entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Refuses (413) before inflating anything when the entries about to be read
 * declare more than the limit; a zip64 size counts as over it.
 */
export function checkDeclaredSizes(entries: readonly ZipEntry[], budget: InflateBudget): void {
  const declared = entries.reduce((sum, e) => sum + (e.originalSize === zip64Marker ? Infinity : e.originalSize), 0);
  if (budget.used + declared > budget.maxExpandedBytes) throw tooLarge(budget);
}

function tooLarge(budget: InflateBudget): HttpProblem {
  return new HttpProblem(413, 'import-zip-too-large', { file: budget.fileName, max: byteSizeText(budget.maxExpandedBytes) });
}

/** The entry's bytes, inflated in small steps and stopped (413) as soon as the archive's total passes the budget. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  if (entry.encrypted) throw new HttpProblem(400, 'import-zip-encrypted', { file: budget.fileName });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = entry.localHeaderOffset;
  if (p + 30 > bytes.length || view.getUint32(p, true) !== localHeaderSignature) throw corrupt(budget.fileName);
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  const stop = start + entry.compressedSize;
  if (entry.compressedSize === zip64Marker || stop > bytes.length) throw corrupt(budget.fileName);
  const compressed = bytes.subarray(start, stop);
  if (entry.method === 0) {
    budget.used += compressed.length;
    if (budget.used > budget.maxExpandedBytes) throw tooLarge(budget);
    return compressed;
  }
  if (entry.method !== 8) throw corrupt(budget.fileName);
  const chunks: Uint8Array[] = [];
  let finished = false;
  const inflate = new Inflate((chunk, final) => {
    budget.used += chunk.length;
    if (budget.used > budget.maxExpandedBytes) throw tooLarge(budget);
    chunks.push(chunk);
    if (final) finished = true;
  });
  try {
    for (let offset = 0; offset < compressed.length; offset += inflateChunkBytes) {
      const end = Math.min(offset + inflateChunkBytes, compressed.length);
      inflate.push(compressed.subarray(offset, end), end === compressed.length);
    }
    if (compressed.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof HttpProblem) throw error;
    throw corrupt(budget.fileName);
  }
  if (!finished && compressed.length > 0) throw corrupt(budget.fileName);
  return concat(chunks);
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Entries that are not the resource forks macOS adds to archives it makes (`__MACOSX/`, `._name`). */
export function isOwnEntry(entry: ZipEntry): boolean {
  const base = entry.name.split('/').pop() ?? '';
  return !entry.name.startsWith('__MACOSX/') && !base.startsWith('._');
}
