/**
 * The decompression-bomb guard for zip-based workbooks (xlsx, ods), run before the workbook parser
 * sees the file. Two steps:
 *
 * 1. From the central directory alone (nothing inflated): encrypted entries, unknown compression,
 *    the total declared uncompressed size, the compression ratio and the number of sheets.
 * 2. Each entry is then inflated, a large one as a stream in small chunks, never into more memory than
 *    it declares: an entry that inflates to more than it declared, or whose deflate stream runs past
 *    its compressed size, is rejected (a directory can lie; SheetJS's own zip reader inflates each
 *    entry to the end of its deflate stream whatever the headers say). While inflating, the CRC-32 of
 *    every entry is checked (a damaged file is not read as if whole), and the sheet XML is scanned and
 *    its cells counted, so a sheet with millions of cells is refused before the parser builds millions
 *    of cell objects (for xlsx only when its XML is large enough to hold more cells than the limit:
 *    MIN_XLSX_CELL_BYTES). For ODS the count follows `table:number-rows-repeated` ×
 *    `table:number-columns-repeated`, which the parser would otherwise expand cell by cell (a few
 *    hundred bytes of XML can ask for 17 billion cells).
 *
 * With a ZipParts to fill, the inflated entries are kept (all of them, at most the declared total,
 * which step 1 capped) and the parser reads those instead of inflating the file again
 * (read-workbook.ts parseParts); without one, the output is discarded as it comes.
 *
 * In Node, small entries are inflated and every CRC-32 is computed by Node's own zlib (native code,
 * about twice fflate's speed here), reached without an import (node-zlib.ts) so that the browser bundle keeps
 * fflate and the JavaScript CRC (ZipCodec). zlib's output is used only when it is the entry, whole and within
 * its declared size; anything else is decided by fflate, so both give the same verdict on every file
 * (tests: __tests__/zip-codecs.test.ts).
 */
import { Inflate, inflateSync } from 'fflate';
import { NODE_ZLIB, NodeZlib } from './node-zlib';
import { ZipEntry, crc32, entryDataStart, u16, u32, zip64Sizes, LOCAL } from './zip-directory';

export interface ZipGuardLimits {
  maxUncompressedBytes: number;
  maxRatio: number;
  maxCells: number;
  maxSheets: number;
}

export type ZipProblem = 'encrypted' | 'damaged' | 'bomb' | 'too-large' | 'too-many-cells' | 'too-many-sheets';

/**
 * `cells` is what the cell counter counted when `cellsCounted`; otherwise the counter was not run
 * and `cells` is an upper bound on what it would have counted (see MIN_XLSX_CELL_BYTES), below
 * `maxCells`.
 */
export type ZipVerdict =
  | { ok: true; cells: number; cellsCounted: boolean; sheets: number }
  | { ok: false; problem: ZipProblem; detail: string };

/**
 * The fewest bytes of XML per cell the xlsx counter (XlsxCellCounter) counts. It counts a "<", a
 * local name `c`, then a space, tab, line end, "/", ">" or "<": three bytes, and the ending byte
 * may be the "<" of the next one, so `<c<c<c…<c>` counts n cells in 2n + 1 bytes, and never more
 * (the counter restarts at each entry, and a name the entry ends in is not counted). So when the
 * entries it scans hold fewer than 2 × maxCells bytes all together, it cannot count past maxCells,
 * and it is not run (a form-sized workbook's count was ~0.08 s per 1,000 files, bench/files.bench.ts).
 */
export const MIN_XLSX_CELL_BYTES = 2;

/** Below this declared total the ratio is not checked: a file that inflates to less cannot hurt. */
export const RATIO_FLOOR_BYTES = 10 * 1024 * 1024;

/** Input fed to the inflater per step; deflate expands at most ~1032×, so one step yields at most ~8 MB. */
const CHUNK = 8 * 1024;

/**
 * An entry no larger than one step (CHUNK compressed) and declaring at most this much is inflated in
 * one call into a buffer of its declared size + 1, rather than through the streaming inflater,
 * whose set-up (a 32 KB window and a 160 KB output buffer per entry, copied on every step) cost more
 * than the parser's own reading of a form-sized workbook's small parts. The bounds are the stream's:
 * at most ~8 MB of output work, and memory no more than the entry declares.
 */
const SMALL_DECLARED = 1024 * 1024;

class Stop extends Error {
  constructor(
    readonly problem: ZipProblem,
    readonly detail: string,
  ) {
    super(detail);
  }
}

export function mb(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

const SHEET_PART = /^xl\/(worksheets|chartsheets|dialogsheets|macrosheets)\/[^/]+\.(xml|bin)$/i;

/**
 * The entries as the guard inflated them, kept for the workbook parser so that it does not inflate
 * them a second time (read-workbook.ts). Filled by guardZip when it is passed one; meaningful only
 * when the verdict is ok.
 */
export interface ZipParts {
  /**
   * Every entry in directory order: its name as the parser reads it (from the local header, one
   * character per byte) and its inflated bytes (for a stored entry, a view into the file's bytes).
   */
  entries: { name: string; data: Uint8Array }[];
  /**
   * False when the parser, reading the zip itself, could see an entry otherwise than the guard did:
   * a local header with a data descriptor (flag bit 3, whose trailing sizes the parser checks) or an
   * encryption bit the directory does not have, or an entry that inflated to fewer bytes than it
   * declares (the parser would hand on a buffer of the declared size, its tail unwritten). The
   * parser then reads the file itself, as it did before the parts were kept.
   */
  complete: boolean;
}

export function guardZip(bytes: Uint8Array, entries: ZipEntry[], format: 'xlsx' | 'ods', limits: ZipGuardLimits, keep?: ZipParts): ZipVerdict {
  // Step 1: the directory alone.
  let declared = 0;
  for (const e of entries) {
    if (e.flags & 0x2041) return { ok: false, problem: 'encrypted', detail: `压缩包内的「${e.name}」已加密` };
    if (e.method !== 0 && e.method !== 8) {
      return { ok: false, problem: 'damaged', detail: `「${e.name}」使用了不支持的压缩方式（${e.method}）` };
    }
    declared += e.declaredSize;
  }
  if (declared > limits.maxUncompressedBytes) {
    return { ok: false, problem: 'too-large', detail: `解压后共 ${mb(declared)}，超过上限 ${mb(limits.maxUncompressedBytes)}` };
  }
  const ratio = declared / Math.max(1, bytes.length);
  if (declared > RATIO_FLOOR_BYTES && ratio > limits.maxRatio) {
    return {
      ok: false,
      problem: 'bomb',
      detail: `压缩比异常（${mb(bytes.length)} 的文件声明解压后为 ${mb(declared)}，约 ${Math.round(ratio)} 倍，上限 ${limits.maxRatio} 倍），疑似“压缩炸弹”`,
    };
  }
  if (format === 'xlsx') {
    const sheets = entries.filter((e) => SHEET_PART.test(e.name)).length;
    if (sheets > limits.maxSheets) {
      return { ok: false, problem: 'too-many-sheets', detail: `共有 ${sheets} 个工作表，超过上限 ${limits.maxSheets} 个` };
    }
  }

  // LibreOffice's 「使用密码保存」 keeps the zip readable and encrypts the parts inside, listed in the
  // manifest: found before anything else is inflated, else the parts read as damaged data.
  if (format === 'ods') {
    try {
      if (odsEncrypted(bytes, entries)) return { ok: false, problem: 'encrypted', detail: '设有打开密码' };
    } catch (err) {
      if (err instanceof Stop) return { ok: false, problem: err.problem, detail: err.detail };
      return { ok: false, problem: 'damaged', detail: '压缩数据损坏' };
    }
  }

  // Step 2: inflate, count, scan; keep the output for the parser or discard it.
  // An entry inflates to at most its declared size (verifyEntry refuses more), so the declared sizes
  // bound the bytes the xlsx counter would see. An ODS repeat count has no such bound.
  let scannedBytes = 0;
  for (const e of entries) if (scanned(e, format)) scannedBytes += e.declaredSize;
  const countXlsx = format === 'xlsx' && scannedBytes >= MIN_XLSX_CELL_BYTES * limits.maxCells;
  const counter = format === 'ods' ? new OdsCellCounter(limits) : countXlsx ? new XlsxCellCounter(limits) : null;
  try {
    for (const e of entries) {
      const out = verifyEntry(bytes, e, counter && scanned(e, format) ? counter : null, keep?.complete === true);
      if (keep) {
        const local = e.localHeaderOffset;
        const localFlags = u16(bytes, local + 6);
        if (out === null || out.length !== e.declaredSize || (localFlags | e.flags) & 0x2049) keep.complete = false;
        if (keep.complete) keep.entries.push({ name: latin1(bytes.subarray(local + 30), u16(bytes, local + 26)), data: out! });
      }
    }
  } catch (err) {
    if (err instanceof Stop) return { ok: false, problem: err.problem, detail: err.detail };
    // The inflater's own message is English and technical: not for the clerk.
    return { ok: false, problem: 'damaged', detail: '压缩数据损坏' };
  }
  if (!counter) return { ok: true, cells: Math.floor(scannedBytes / MIN_XLSX_CELL_BYTES), cellsCounted: false, sheets: 0 };
  if (counter.sheets > limits.maxSheets) {
    return { ok: false, problem: 'too-many-sheets', detail: `共有 ${counter.sheets} 个工作表，超过上限 ${limits.maxSheets} 个` };
  }
  return { ok: true, cells: counter.cells, cellsCounted: true, sheets: counter.sheets };
}

/** Whether an ODS manifest lists encryption data (ODF 1.2 §3.8.3 <manifest:encryption-data>) for any part. */
function odsEncrypted(bytes: Uint8Array, entries: ZipEntry[]): boolean {
  const manifest = entries.find((e) => e.name === 'META-INF/manifest.xml');
  if (!manifest) return false;
  const xml = new TextDecoder().decode(verifyEntry(bytes, manifest, null, true) ?? new Uint8Array());
  return /<([\w.-]+:)?encryption-data[\s/>]/.test(xml);
}

/** The entries whose XML the cell counter reads. */
function scanned(e: ZipEntry, format: 'xlsx' | 'ods'): boolean {
  return format === 'ods' ? e.name === 'content.xml' : /\.xml$/i.test(e.name);
}

/** What is fed each entry's inflated bytes, chunk by chunk. */
interface Scanner {
  begin(): void;
  push(chunk: Uint8Array): void;
}

/**
 * Checks one entry; with `keep`, returns its inflated bytes (null if the entry is one the parser
 * must read itself, see ZipParts.complete).
 */
function verifyEntry(bytes: Uint8Array, e: ZipEntry, scanner: Scanner | null, keep: boolean): Uint8Array | null {
  const start = entryDataStart(bytes, e);
  if (start === null) throw new Stop('damaged', `「${e.name}」的数据不完整（文件可能被截断）`);
  // The parser trusts the local header: its method, and its uncompressed size (or a zip64 extra
  // field's), by which it sizes its output buffer before inflating. Both must agree with what was
  // checked above; without a data descriptor (flag bit 3) the sizes must match exactly.
  const local = e.localHeaderOffset;
  if (u32(bytes, local) !== LOCAL) throw new Stop('damaged', `「${e.name}」的文件头损坏`);
  if (u16(bytes, local + 8) !== e.method) throw new Stop('bomb', `「${e.name}」的文件头与压缩目录记录的压缩方式不一致`);
  const localExtra = zip64Sizes(bytes, local + 30 + u16(bytes, local + 26), u16(bytes, local + 28));
  const parserSize = e.zip64Size || localExtra.size || u32(bytes, local + 22);
  const parserCompressed = localExtra.compressed || u32(bytes, local + 18);
  const exact = !(e.flags & 0x08);
  if (exact ? parserSize !== e.declaredSize || parserCompressed !== e.compressedSize : parserSize > e.declaredSize) {
    throw new Stop('bomb', `「${e.name}」的文件头与压缩目录记录的大小不一致`);
  }
  const data = bytes.subarray(start, start + e.compressedSize);
  let crc = 0;
  let out: Uint8Array | null = null;
  scanner?.begin();
  if (e.method === 0) {
    out = data;
    if (e.compressedSize !== e.declaredSize) throw new Stop('damaged', `「${e.name}」的大小记录不一致`);
    for (let i = 0; i < data.length; i += CHUNK) {
      const chunk = data.subarray(i, i + CHUNK);
      crc = codec.crc32(crc, chunk);
      scanner?.push(chunk);
    }
  } else if (data.length < 2) {
    throw new Stop('damaged', `「${e.name}」的压缩数据为空`);
  } else if (data.length <= CHUNK && e.declaredSize <= SMALL_DECLARED) {
    out = codec.inflateSmall(data, e);
    crc = codec.crc32(0, out);
    scanner?.push(out);
  } else {
    let produced = 0;
    // fflate hands each chunk over as a fresh copy, so the chunks can be kept as they are.
    const chunks: Uint8Array[] = [];
    const inflater = new Inflate((chunk) => {
      produced += chunk.length;
      if (produced > e.declaredSize) {
        throw new Stop('bomb', `「${e.name}」解压后超过其声明的 ${mb(e.declaredSize)}，疑似“压缩炸弹”`);
      }
      crc = codec.crc32(crc, chunk);
      scanner?.push(chunk);
      if (keep) chunks.push(chunk);
    });
    for (let i = 0; i < data.length; i += CHUNK) {
      const end = Math.min(i + CHUNK, data.length);
      inflater.push(data.subarray(i, end), end === data.length);
    }
    if (keep) {
      out = new Uint8Array(produced);
      let at = 0;
      for (const c of chunks) (out.set(c, at), (at += c.length));
    }
  }
  // A changed byte anywhere in the data shows here, so a damaged file is not read as if it were whole.
  if (crc !== e.crc32) throw new Stop('damaged', `「${e.name}」的校验和不符（数据已损坏）`);
  return keep ? out : null;
}

/**
 * How the guard inflates a small entry (at most CHUNK compressed, at most SMALL_DECLARED declared) and
 * computes CRC-32s. Both codecs return the entry's bytes, or throw overflow() when it inflates to more
 * than it declares, or throw the inflater's own error for a damaged stream (reported as damage).
 * Larger entries go through fflate's streaming inflater whichever codec is used (only their CRC is the
 * codec's): Node's zlib has no synchronous stream that hands output over piece by piece.
 */
export interface ZipCodec {
  readonly kind: 'native' | 'js';
  inflateSmall(data: Uint8Array, e: ZipEntry): Uint8Array;
  /** CRC-32 fed in pieces, as zip-directory.ts crc32. */
  crc32(crc: number, data: Uint8Array): number;
}

/**
 * fflate (pure JavaScript), as in a browser. The output buffer has one byte more than the entry
 * declares: fflate does not grow a buffer it is given, drops what does not fit (a stored block that
 * does not fit throws a RangeError) and returns what it wrote, so a result longer than declared means
 * the entry inflates to more than its directory says.
 */
export const JS_CODEC: ZipCodec = {
  kind: 'js',
  inflateSmall(data, e) {
    let out: Uint8Array;
    try {
      out = inflateSync(data, { out: new Uint8Array(e.declaredSize + 1) });
    } catch (err) {
      // By name: a RangeError from another realm (a test runner's sandbox) is not `instanceof` this one.
      if ((err as Error | null)?.name === 'RangeError') throw overflow(e);
      throw err;
    }
    if (out.length > e.declaredSize) throw overflow(e);
    return out;
  },
  crc32,
};

/**
 * Node's zlib for the common case, fflate for every other. zlib inflates the entry with
 * `maxOutputLength` its declared size + 1 (it stops with a RangeError as soon as the output passes
 * that, so it never inflates far into a bomb) into a single output step of that size. When that gives
 * the entry's bytes, within its declared size, those are the bytes fflate would give: both decode a
 * valid deflate stream alike, and what zlib accepts fflate accepts too (fflate checks less: it does not
 * refuse a distance reaching back before the output's start, or a stored block's length whose
 * complement does not match). Whenever zlib gives anything else (an error, or more than declared), the
 * entry goes to the JavaScript codec, whose verdict is used: a damaged or oversized entry is refused
 * exactly as in a browser, with the same problem and message, and a damaged stream that fflate reads
 * through is read (and then checked by its CRC) as there. Such entries are rare; the bound on the work
 * is the one-call path's (at most CHUNK compressed).
 */
function nativeCodec(zlib: NodeZlib): ZipCodec {
  return {
    kind: 'native',
    inflateSmall(data, e) {
      let out: Uint8Array;
      try {
        out = zlib.inflateRawSync(data, { maxOutputLength: e.declaredSize + 1, chunkSize: Math.max(64, e.declaredSize + 1) });
      } catch {
        return JS_CODEC.inflateSmall(data, e);
      }
      return out.length > e.declaredSize ? JS_CODEC.inflateSmall(data, e) : out;
    },
    crc32: (crc, data) => zlib.crc32(data, crc),
  };
}

/** Node's zlib where there is one (null in a browser). */
export const NATIVE_CODEC: ZipCodec | null = NODE_ZLIB ? nativeCodec(NODE_ZLIB) : null;

let codec: ZipCodec = NATIVE_CODEC ?? JS_CODEC;

/**
 * For tests: makes the guard use `next` (so that both codecs can be run over the same files);
 * returns a function that restores the one used before.
 */
export function useZipCodec(next: ZipCodec): () => void {
  const before = codec;
  codec = next;
  return () => {
    codec = before;
  };
}

/** The codec the guard uses now. */
export function zipCodec(): ZipCodec {
  return codec;
}

// Not a closure in either codec's inflateSmall: under tsx (esbuild with keepNames) every named closure is named when made
// (a defineProperty per entry, ~14 ms over the bench's 1,000 workbooks).
function overflow(e: ZipEntry): Stop {
  return new Stop('bomb', `「${e.name}」解压后超过其声明的 ${mb(e.declaredSize)}，疑似“压缩炸弹”`);
}

/**
 * A streaming XML tag tokenizer over bytes: reports each tag's name, and its attribute text when
 * asked for. Quotes are respected, so a ">" inside an attribute value does not end the tag.
 */
abstract class TagScanner implements Scanner {
  private state: 0 | 1 | 2 | 3 = 0; // 0 text, 1 tag name, 2 attributes, 3 <! or <? until >
  private name = new Uint8Array(64);
  private nameLength = 0;
  private closing = false;
  private attrs = new Uint8Array(1024);
  private attrLength = 0;
  private capture = false;
  private quote = 0;
  private last = 0;

  begin(): void {
    this.state = 0;
  }

  protected abstract wants(name: string): boolean;
  protected abstract tag(name: string, closing: boolean, selfClosing: boolean, attrs: string): void;

  push(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) {
      if (this.state === 0) {
        // Skip text up to the next tag natively.
        const next = chunk.indexOf(0x3c, i);
        if (next < 0) return;
        i = next;
      }
      const b = chunk[i];
      switch (this.state) {
        case 0:
          if (b === 0x3c) {
            this.state = 1;
            this.nameLength = 0;
            this.closing = false;
          }
          break;
        case 1:
          if (this.nameLength === 0 && !this.closing && (b === 0x21 || b === 0x3f)) this.state = 3;
          else if (this.nameLength === 0 && b === 0x2f) this.closing = true;
          else if (b === 0x3e) this.finishName(false), this.emit(false);
          else if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x2f) {
            this.finishName(true);
            if (b === 0x2f) this.addAttr(b);
          } else if (this.nameLength < this.name.length) this.name[this.nameLength++] = b;
          break;
        case 2:
          if (this.quote !== 0) {
            if (b === this.quote) this.quote = 0;
          } else if (b === 0x22 || b === 0x27) this.quote = b;
          else if (b === 0x3e) {
            this.emit(this.last === 0x2f);
            break;
          }
          this.addAttr(b);
          break;
        case 3:
          if (b === 0x3e) this.state = 0;
          break;
      }
    }
  }

  private currentName = '';

  private finishName(toAttributes: boolean): void {
    this.currentName = latin1(this.name, this.nameLength);
    this.capture = this.wants(this.currentName);
    this.attrLength = 0;
    this.quote = 0;
    this.last = 0;
    if (toAttributes) this.state = 2;
  }

  private addAttr(b: number): void {
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) this.last = b;
    if (!this.capture) return;
    if (this.attrLength === this.attrs.length) {
      // A tag whose attributes run past 1 MB is not something a spreadsheet writes; it could hide a
      // repeat count past the part that is read, so it is refused rather than skimmed.
      if (this.attrs.length >= MAX_TAG_BYTES) throw new Stop('damaged', `XML 标签 <${this.currentName}> 过长`);
      const grown = new Uint8Array(this.attrs.length * 2);
      grown.set(this.attrs);
      this.attrs = grown;
    }
    this.attrs[this.attrLength++] = b;
  }

  private emit(selfClosing: boolean): void {
    this.state = 0;
    const attrs = this.capture ? latin1(this.attrs, this.attrLength) : '';
    this.tag(this.currentName, this.closing, selfClosing, attrs);
  }
}

const MAX_TAG_BYTES = 1024 * 1024;

/** Bytes as Latin-1 text: enough for tag names and the ASCII attributes looked at here. */
function latin1(b: Uint8Array, length: number): string {
  let s = '';
  for (let i = 0; i < length; i += 4096) {
    s += String.fromCharCode.apply(null, b.subarray(i, Math.min(length, i + 4096)) as unknown as number[]);
  }
  return s;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Counts `<c>` elements (cells, with or without a value) in SpreadsheetML: every "<" followed by the
 * name `c` or `prefix:c` and then a space, "/" or ">". It needs no attributes, so it does not walk
 * the tags byte by byte as TagScanner does: it jumps from "<" to "<" (indexOf) and reads the name
 * only. It can only count more than the parser builds, never fewer: a `<c` inside a comment, a CDATA
 * section or (in malformed XML) an attribute value is counted too; every real cell starts with "<".
 * A name cut by a chunk boundary is carried over to the next chunk.
 */
class XlsxCellCounter implements Scanner {
  cells = 0;
  readonly sheets = 0;
  /** The last chunk ended inside a tag name (its state below is carried over). */
  private inName = false;
  /** The name so far: whether its first colon was seen, and its local part (after that colon). */
  private colon = false;
  private localLength = 0;
  private localIsC = false;

  constructor(private readonly limits: ZipGuardLimits) {}

  begin(): void {
    this.inName = false;
  }

  push(chunk: Uint8Array): void {
    let i = 0;
    if (this.inName) {
      i = this.readName(chunk, 0);
      if (i < 0) return;
    }
    for (;;) {
      const lt = chunk.indexOf(0x3c, i);
      if (lt < 0) return;
      this.colon = false;
      this.localLength = 0;
      this.localIsC = false;
      i = this.readName(chunk, lt + 1);
      if (i < 0) return;
    }
  }

  /** Reads a tag name from `at`: the index of the byte that ended it, or -1 when the chunk ended first. */
  private readName(chunk: Uint8Array, at: number): number {
    for (let j = at; j < chunk.length; j++) {
      const b = chunk[j];
      if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x2f || b === 0x3e || b === 0x3c) {
        this.inName = false;
        if (this.localLength === 1 && this.localIsC) this.count();
        return j;
      }
      if (b === 0x3a && !this.colon) {
        // "x:c": the local name is what follows the first colon (as localName() reads it).
        this.colon = true;
        this.localLength = 0;
        this.localIsC = false;
      } else {
        if (this.localLength === 0) this.localIsC = b === 0x63;
        if (this.localLength < 2) this.localLength++;
      }
    }
    this.inName = true;
    return -1;
  }

  private count(): void {
    if (++this.cells > this.limits.maxCells) {
      throw new Stop('too-many-cells', `单元格超过 ${this.limits.maxCells.toLocaleString('en-US')} 个的上限`);
    }
  }
}

/** Counts the cells an ODS parser would create, repeats included (empty repeated cells create none). */
class OdsCellCounter extends TagScanner {
  cells = 0;
  sheets = 0;
  private rowRepeat = 1;
  private rowCells = 0;
  private pending = false;
  private pendingRepeat = 1;
  private pendingFilled = false;

  constructor(private readonly limits: ZipGuardLimits) {
    super();
  }

  protected wants(name: string): boolean {
    const n = localName(name);
    return n === 'table-row' || n === 'table-cell' || n === 'covered-table-cell';
  }

  protected tag(name: string, closing: boolean, selfClosing: boolean, attrs: string): void {
    const n = localName(name);
    if (n === 'table') {
      if (!closing) this.sheets++;
    } else if (n === 'table-row') {
      if (closing) this.endRow();
      else {
        this.rowRepeat = repeat(attrs, 'number-rows-repeated');
        this.rowCells = 0;
        if (selfClosing) this.endRow();
      }
    } else if (n === 'table-cell' || n === 'covered-table-cell') {
      if (closing) {
        if (this.pending && this.pendingFilled) this.addCells(this.pendingRepeat);
        this.pending = false;
      } else {
        const count = repeat(attrs, 'number-columns-repeated');
        const typed = /value-type\s*=/.test(attrs);
        if (selfClosing) {
          if (typed) this.addCells(count);
        } else {
          this.pending = true;
          this.pendingRepeat = count;
          this.pendingFilled = typed;
        }
      }
    } else if (n === 'p' && this.pending && !closing) {
      this.pendingFilled = true;
    }
  }

  private addCells(count: number): void {
    this.rowCells += count;
    this.check(this.cells + this.rowRepeat * this.rowCells);
  }

  private endRow(): void {
    this.cells += this.rowRepeat * this.rowCells;
    this.rowCells = 0;
    this.rowRepeat = 1;
    this.check(this.cells);
  }

  private check(total: number): void {
    if (total > this.limits.maxCells) {
      throw new Stop('too-many-cells', `展开重复行列后单元格超过 ${this.limits.maxCells.toLocaleString('en-US')} 个的上限`);
    }
  }
}

function repeat(attrs: string, attr: string): number {
  const m = new RegExp(`${attr}\\s*=\\s*["'](\\d+)`).exec(attrs);
  return m ? Math.max(1, Number(m[1])) : 1;
}
