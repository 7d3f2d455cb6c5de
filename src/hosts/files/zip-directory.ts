/**
 * The central directory of a zip file (xlsx, ods), read without inflating anything: entry names,
 * declared sizes and where each entry's data starts. The decompression-bomb guard decides from
 * this before a single byte is inflated (APPNOTE.TXT 4.3.12, 4.3.16, 4.5.3).
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate; anything else cannot be read by the workbook parser. */
  method: number;
  /** General purpose flags; bit 0 means the entry is encrypted. */
  flags: number;
  /** CRC-32 of the uncompressed data. */
  crc32: number;
  compressedSize: number;
  /** The uncompressed size the directory declares (it can lie; see zip-guard.ts). */
  declaredSize: number;
  /** The uncompressed size in the directory's zip64 extra field, 0 when there is none. */
  zip64Size: number;
  localHeaderOffset: number;
}

export type ZipDirectory =
  | { ok: true; entries: ZipEntry[] }
  | { ok: false; reason: 'truncated' | 'damaged' | 'too-many-entries'; detail: string };

const CENTRAL = 0x02014b50;
export const LOCAL = 0x04034b50;

/**
 * More entries than any workbook has (a workbook of 200 sheets has about 600 parts). Kept low also
 * because the parser, in a browser, copies the rest of the file once per compressed entry.
 */
export const MAX_ZIP_ENTRIES = 2000;

export function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

export function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

/** A 64-bit little-endian integer; values beyond 2^53 come back as Infinity (they are rejected anyway). */
export function u64(b: Uint8Array, at: number): number {
  const lo = u32(b, at);
  const hi = u32(b, at + 4);
  return hi >= 0x200000 ? Infinity : hi * 0x100000000 + lo;
}

export function startsWithZipMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

const utf8 = new TextDecoder('utf-8');

/**
 * Reads the central directory; never throws, never inflates. It finds the directory the way the
 * workbook parser does (the last end-of-directory signature in the file, its entry count and
 * offset), so both look at the same entries: a second, fake directory hidden in a comment cannot
 * show the guard one list of files and the parser another. Zip64 archives (over 4 GB or 65,535
 * entries) are refused: the parser cannot read them and no workbook within the limits needs one.
 */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const n = bytes.length;
  let eocd = -1;
  for (let at = n - 4; at >= 0; at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 0x05 && bytes[at + 3] === 0x06) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: 'truncated', detail: '找不到压缩目录（文件末尾缺失）' };
  if (eocd + 22 > n) return { ok: false, reason: 'truncated', detail: '压缩目录的结尾记录不完整' };
  if (u16(bytes, eocd + 4) !== 0 || u16(bytes, eocd + 6) !== 0) {
    return { ok: false, reason: 'damaged', detail: '分卷压缩文件' };
  }
  const count = u16(bytes, eocd + 8);
  const offset = u32(bytes, eocd + 16);
  if (count !== u16(bytes, eocd + 10)) return { ok: false, reason: 'damaged', detail: '压缩目录的文件数记录不一致' };
  if (count === 0xffff || offset === 0xffffffff) return { ok: false, reason: 'damaged', detail: '不支持的 zip64 格式' };
  if (count > MAX_ZIP_ENTRIES) {
    return { ok: false, reason: 'too-many-entries', detail: `压缩包内有 ${count} 个文件，超过 ${MAX_ZIP_ENTRIES} 个` };
  }
  if (offset > eocd) return { ok: false, reason: 'truncated', detail: '压缩目录超出文件末尾' };

  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > n || u32(bytes, at) !== CENTRAL) return { ok: false, reason: 'damaged', detail: `压缩目录第 ${i + 1} 项损坏` };
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const crc32 = u32(bytes, at + 16);
    let compressedSize = u32(bytes, at + 20);
    let declaredSize = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const localHeaderOffset = u32(bytes, at + 42);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > n) return { ok: false, reason: 'truncated', detail: '压缩目录不完整' };
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // A zip64 extended-information field: the parser takes its sizes whenever they are non-zero.
    const z = zip64Sizes(bytes, at + 46 + nameLength, extraLength);
    if (z.size) declaredSize = z.size;
    if (z.compressed) compressedSize = z.compressed;
    entries.push({ name, method, flags, crc32, compressedSize, declaredSize, zip64Size: z.size, localHeaderOffset });
    at = end;
  }
  return { ok: true, entries };
}

/**
 * The sizes in a zip64 extra field (id 0x0001), read as the workbook parser reads them: the first
 * eight bytes as the uncompressed size, the next eight as the compressed size; 0 when absent.
 */
export function zip64Sizes(bytes: Uint8Array, start: number, length: number): { size: number; compressed: number } {
  let e = start;
  const end = Math.min(start + length, bytes.length);
  while (e + 4 <= end) {
    const id = u16(bytes, e);
    const size = u16(bytes, e + 2);
    if (id === 0x0001) {
      const read = (p: number) => (p + 8 <= bytes.length ? u64(bytes, p) : 0);
      return { size: read(e + 4), compressed: read(e + 12) };
    }
    e += 4 + size;
  }
  return { size: 0, compressed: 0 };
}

/** Where an entry's data starts, from its local header; null when the header is missing or cut off. */
export function entryDataStart(bytes: Uint8Array, entry: ZipEntry): number | null {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL) return null;
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  return start + entry.compressedSize <= bytes.length ? start : null;
}

/** The stored (uncompressed) bytes of a small entry such as `mimetype`, or null. */
export function storedEntry(bytes: Uint8Array, entry: ZipEntry, maxLength = 256): Uint8Array | null {
  if (entry.method !== 0 || entry.compressedSize > maxLength) return null;
  const start = entryDataStart(bytes, entry);
  return start === null ? null : bytes.subarray(start, start + entry.compressedSize);
}

/**
 * CRC-32 tables for slicing by 8 (eight bytes per step instead of one): T[0] is the usual byte-wise
 * table; T[k][n] is the CRC of byte n followed by k zero bytes.
 */
const CRC_TABLES = (() => {
  const t = new Int32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n];
    for (let k = 1; k < 8; k++) {
      c = t[c & 0xff] ^ (c >>> 8);
      t[k * 256 + n] = c;
    }
  }
  return t;
})();

/** CRC-32 (the zip polynomial), fed in pieces: start with crc = 0, pass the result on, compare at the end. */
export function crc32(crc: number, data: Uint8Array): number {
  const t = CRC_TABLES;
  let c = ~crc;
  let i = 0;
  const n = data.length;
  for (const end8 = n - (n & 7); i < end8; i += 8) {
    const lo = c ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
    c =
      t[1792 + (lo & 0xff)] ^
      t[1536 + ((lo >>> 8) & 0xff)] ^
      t[1280 + ((lo >>> 16) & 0xff)] ^
      t[1024 + (lo >>> 24)] ^
      t[768 + data[i + 4]] ^
      t[512 + data[i + 5]] ^
      t[256 + data[i + 6]] ^
      t[data[i + 7]];
  }
  for (; i < n; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
