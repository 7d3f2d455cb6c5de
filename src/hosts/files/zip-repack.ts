/**
 * Deflates a zip whose entries are all stored (method 0), keeping everything else of it: the same
 * entries in the same order, with the same names, dates, flags, CRC-32s, extra fields and comments.
 * Only each entry's method (8, deflate), its compressed size and the offsets change.
 *
 * Used by the file writer in Node (write-workbook.ts): exceljs zips its parts with JSZip, whose
 * deflate is pako (pure JavaScript) and took most of the time of writing a result workbook
 * (bench/files.bench.ts profiles: ~45 ms of ~145 ms); the writer asks JSZip to store the parts and
 * this deflates them with Node's zlib. The entries read back byte for byte the same.
 */
import { LOCAL, readZipDirectory, u16, u32 } from './zip-directory';

const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/**
 * The zip with every entry deflated by `deflateRaw`, or null when it is not one this handles as it
 * is: a single-disk zip without zip64 or data descriptors, every entry stored and its local header
 * agreeing with the central directory, the directory right after the last entry's data and the end
 * record right after the directory.
 */
export function deflateStoredZip(zip: Uint8Array, deflateRaw: (data: Uint8Array) => Uint8Array): Uint8Array | null {
  const dir = readZipDirectory(zip);
  if (!dir.ok || dir.entries.length === 0) return null;
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end record, with no comment.
  const eocd = endRecord(zip);
  if (eocd < 0 || eocd + 22 + u16(zip, eocd + 20) !== zip.length) return null;
  const dirOffset = u32(zip, eocd + 16);
  const dirSize = u32(zip, eocd + 12);
  if (dirOffset + dirSize !== eocd) return null;

  const pieces: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let out = 0;
  let expectLocal = 0;
  let at = dirOffset;
  for (const e of dir.entries) {
    if (dv.getUint32(at, true) !== CENTRAL) return null;
    const centralLength = 46 + u16(zip, at + 28) + u16(zip, at + 30) + u16(zip, at + 32);
    const local = e.localHeaderOffset;
    if (local !== expectLocal || e.method !== 0 || e.flags & 0x08 || e.zip64Size || u32(zip, local) !== LOCAL) return null;
    if (u16(zip, local + 8) !== 0 || u32(zip, local + 18) !== e.compressedSize || u32(zip, local + 22) !== e.declaredSize) return null;
    if (e.compressedSize !== e.declaredSize) return null;
    const headerLength = 30 + u16(zip, local + 26) + u16(zip, local + 28);
    const dataStart = local + headerLength;
    const dataEnd = dataStart + e.compressedSize;
    if (dataEnd > dirOffset) return null;
    expectLocal = dataEnd;

    const deflated = deflateRaw(zip.subarray(dataStart, dataEnd));
    const header = zip.slice(local, dataStart);
    const hv = new DataView(header.buffer);
    hv.setUint16(8, 8, true);
    hv.setUint32(18, deflated.length, true);
    const central = zip.slice(at, at + centralLength);
    const cv = new DataView(central.buffer);
    cv.setUint16(10, 8, true);
    cv.setUint32(20, deflated.length, true);
    cv.setUint32(42, out, true);
    pieces.push(header, deflated);
    centrals.push(central);
    out += header.length + deflated.length;
    at += centralLength;
  }
  if (expectLocal !== dirOffset || at !== eocd) return null;

  const end = zip.slice(eocd, zip.length);
  const ev = new DataView(end.buffer);
  const newDirSize = centrals.reduce((n, c) => n + c.length, 0);
  ev.setUint32(12, newDirSize, true);
  ev.setUint32(16, out, true);
  const result = new Uint8Array(out + newDirSize + end.length);
  let w = 0;
  for (const p of [...pieces, ...centrals, end]) {
    result.set(p, w);
    w += p.length;
  }
  return result;
}

/** 2000-01-01 00:00 in the zip's MS-DOS date and time fields: the date the writer gives the workbook's properties too. */
export const FIXED_DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
export const FIXED_DOS_TIME = 0;

/**
 * The zip with every entry's modified date and time (local header and central directory) set to
 * FIXED_DOS_DATE / FIXED_DOS_TIME, in place. JSZip stamps each part with the clock when it is added, so
 * two writes of the same sheets a minute apart differed in those bytes alone. A zip this cannot walk
 * (not the writer's) is returned as it is.
 */
export function withFixedEntryDates(zip: Uint8Array): Uint8Array {
  const dir = readZipDirectory(zip);
  if (!dir.ok) return zip;
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = endRecord(zip);
  if (eocd < 0) return zip;
  let at = u32(zip, eocd + 16);
  for (let i = 0; i < dir.entries.length; i++) {
    if (at + 46 > eocd || dv.getUint32(at, true) !== CENTRAL) return zip;
    const local = u32(zip, at + 42);
    if (local + 30 > zip.length || u32(zip, local) !== LOCAL) return zip;
    dv.setUint16(at + 12, FIXED_DOS_TIME, true);
    dv.setUint16(at + 14, FIXED_DOS_DATE, true);
    dv.setUint16(local + 10, FIXED_DOS_TIME, true);
    dv.setUint16(local + 12, FIXED_DOS_DATE, true);
    at += 46 + u16(zip, at + 28) + u16(zip, at + 30) + u16(zip, at + 32);
  }
  return zip;
}

/** Where the end-of-central-directory record starts: the last one in the file (as readZipDirectory finds it); -1 if none. */
function endRecord(zip: Uint8Array): number {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = zip.length - 22; at >= 0; at--) if (dv.getUint32(at, true) === END) return at;
  return -1;
}
