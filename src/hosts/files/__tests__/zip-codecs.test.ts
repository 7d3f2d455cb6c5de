/**
 * The zip guard inflates small entries and computes CRC-32s with Node's zlib in Node and with fflate
 * and its own CRC in a browser (zip-guard.ts, ZipCodec). Both must give the same verdict on every file:
 * the same bombs refused, the same damage found, the same cells counted, and, for a file that passes,
 * the very same entries kept for the parser. Each file below is guarded with both codecs and the
 * results compared: valid workbooks of every kind the reader meets, the broken-files corpus, directories
 * that lie about sizes, and deflate streams damaged at random (with the CRC left as it was, and with
 * the CRC and size rewritten to fit what the damaged stream inflates to, so that only the inflater
 * itself can tell).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { inflateSync, strToU8, zipSync } from 'fflate';
import { JS_CODEC, NATIVE_CODEC, ZipCodec, ZipParts, ZipVerdict, guardZip, useZipCodec, zipCodec } from '../zip-guard';
import { crc32, entryDataStart, readZipDirectory } from '../zip-directory';
import { DEFAULT_LIMITS, ReadOutcome, detectFormat, readWorkbook } from '../read-workbook';
import { writeWorkbook } from '../write-workbook';
import { describeTemplates } from '../../../core/output/describe-templates';
import { getPreset } from '../../../core/presets';
import { noise } from './fixtures';

const CORPUS = path.join(__dirname, '..', '..', '..', '..', 'tests', 'fixtures', 'broken');

/** The codecs compared: in Node both exist (checked below). */
const NATIVE = NATIVE_CODEC!;

function withCodec<T>(codec: ZipCodec, run: () => T): T {
  const restore = useZipCodec(codec);
  try {
    return run();
  } finally {
    restore();
  }
}

async function withCodecAsync<T>(codec: ZipCodec, run: () => Promise<T>): Promise<T> {
  const restore = useZipCodec(codec);
  try {
    return await run();
  } finally {
    restore();
  }
}

interface Guarded {
  verdict: ZipVerdict;
  parts: ZipParts;
}

function guard(bytes: Uint8Array, codec: ZipCodec, limits = DEFAULT_LIMITS): Guarded | string {
  const dir = readZipDirectory(bytes);
  if (!dir.ok) return `directory: ${dir.reason}`;
  const format = detectFormat('a.xlsx', bytes) === 'ods' ? 'ods' : 'xlsx';
  const parts: ZipParts = { entries: [], complete: true };
  return { verdict: withCodec(codec, () => guardZip(bytes, dir.entries, format, limits, parts)), parts };
}

/** What must agree: the verdict (the inflater's own error text is never passed on) and every kept entry, byte for byte. */
function comparable(g: Guarded | string): unknown {
  if (typeof g === 'string') return g;
  const v = g.verdict;
  if (!v.ok) return { verdict: v };
  return {
    verdict: v,
    complete: g.parts.complete,
    entries: g.parts.entries.map((e) => ({ name: e.name, data: Buffer.from(e.data.buffer, e.data.byteOffset, e.data.length).toString('base64') })),
  };
}

function expectSameVerdicts(bytes: Uint8Array, limits = DEFAULT_LIMITS): ZipVerdict | string {
  const js = guard(bytes, JS_CODEC, limits);
  const native = guard(bytes, NATIVE, limits);
  expect(comparable(native)).toEqual(comparable(js));
  return typeof js === 'string' ? js : js.verdict;
}

/** The central-directory record of an entry, found by its local header offset. */
function centralRecord(zip: Uint8Array, localOffset: number): number {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = zip.length - 46; i >= 0; i--) {
    if (dv.getUint32(i, true) === 0x02014b50 && dv.getUint32(i + 42, true) === localOffset) return i;
  }
  throw new Error('no central record');
}

/** Rewrites an entry's CRC-32 and uncompressed size, in its local header and its central record alike. */
function setCrcAndSize(zip: Uint8Array, localOffset: number, crc: number, size: number): void {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const central = centralRecord(zip, localOffset);
  dv.setUint32(localOffset + 14, crc, true);
  dv.setUint32(localOffset + 22, size, true);
  dv.setUint32(central + 16, crc, true);
  dv.setUint32(central + 24, size, true);
}

/** A small deterministic generator (the same cases on every run). */
function prng(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return Math.floor((s / 0x100000000) * n);
  };
}

function sheetJs(rows: number, bookType: 'xlsx' | 'ods', compression = true): Uint8Array {
  const aoa: unknown[][] = [['测评人类别：党组织负责人'], ['姓名', '优秀', '称职', '基本称职', '不称职']];
  for (let i = 0; i < rows; i++) aoa.push([`王${i}`, i % 2 ? '√' : null, i % 2 ? null : '√', null, i % 7 === 0 ? 1.5 : null]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), '测评表');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType, compression }) as ArrayBuffer);
}

async function template(): Promise<Uint8Array> {
  const scheme = getPreset('p1-double-pledge');
  const [t] = describeTemplates(scheme, [{ name: '张三' }, { name: '李四' }]);
  return writeWorkbook([t]);
}

it('in Node the guard uses Node zlib by default; the browser codec is fflate', () => {
  expect(NATIVE_CODEC).not.toBeNull();
  expect(zipCodec()).toBe(NATIVE_CODEC);
  expect(JS_CODEC.kind).toBe('js');
  const data = noise(100_000);
  for (const cut of [0, 1, 7, 8, 9, 4096, 99_999]) {
    const a = NATIVE.crc32(NATIVE.crc32(0, data.subarray(0, cut)), data.subarray(cut));
    expect(a).toBe(crc32(crc32(0, data.subarray(0, cut)), data.subarray(cut)));
    expect(a).toBe(crc32(0, data));
  }
  expect(NATIVE.crc32(0, strToU8('123456789'))).toBe(0xcbf43926);
});

/** A copy of `good` with one to three random bytes of one deflated entry's stream overwritten. */
function damageOneDeflatedEntry(good: Uint8Array, next: (n: number) => number) {
  const zip = good.slice();
  const dir = readZipDirectory(zip);
  if (!dir.ok) throw new Error(dir.detail);
  const deflated = dir.entries.filter((x) => x.method === 8 && x.compressedSize > 2);
  const e = deflated[next(deflated.length)];
  const start = entryDataStart(zip, e)!;
  for (let k = 1 + next(3); k > 0; k--) zip[start + next(e.compressedSize)] = next(256);
  return { zip, e, start };
}

describe('both codecs give the same verdict and the same entries', () => {
  it('valid workbooks: SheetJS xlsx and ods (stored and deflated, small and streamed), exceljs templates, fflate at every level', async () => {
    const files = [
      sheetJs(50, 'xlsx'),
      sheetJs(50, 'xlsx', false),
      sheetJs(30_000, 'xlsx'), // a sheet past one step compressed: the streaming path
      sheetJs(50, 'ods'),
      sheetJs(3_000, 'ods'),
      await template(),
    ];
    const xml = strToU8(`<worksheet><sheetData>${'<row><c r="A1" t="s"><v>0</v></c><c/></row>'.repeat(500)}</sheetData></worksheet>`);
    for (let level = 0; level <= 9; level++) {
      files.push(
        zipSync(
          { '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': xml, 'xl/media/x.bin': noise(5000) },
          { level: level as 0 },
        ),
      );
    }
    for (const f of files) expect(expectSameVerdicts(f)).toMatchObject({ ok: true });
    // The counters see the same bytes: a cap the sheets pass gives the same count and the same refusal.
    for (const f of [sheetJs(3_000, 'xlsx'), sheetJs(3_000, 'ods')]) {
      const counted = expectSameVerdicts(f, { ...DEFAULT_LIMITS, maxCells: 1000 });
      expect(counted).toMatchObject({ ok: false, problem: 'too-many-cells' });
      expect(expectSameVerdicts(f, { ...DEFAULT_LIMITS, maxCells: 20_000 })).toMatchObject({ ok: true, cellsCounted: true });
    }
  });

  it('the broken-files corpus (tests/fixtures/broken), guard and readWorkbook', async () => {
    const names = fs.readdirSync(CORPUS).sort();
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      const bytes = new Uint8Array(fs.readFileSync(path.join(CORPUS, name)));
      expectSameVerdicts(bytes);
      const js = await withCodecAsync(JS_CODEC, () => readWorkbook(name, bytes));
      const native = await withCodecAsync(NATIVE, () => readWorkbook(name, bytes));
      expect(outcomeKey(native)).toEqual(outcomeKey(js));
    }
  });

  it('directories that lie: an entry inflating past what it declares (Huffman-coded and stored), by one byte, or to less', () => {
    const sheet = 'xl/worksheets/sheet1.xml';
    const cases: [Uint8Array, number][] = [
      [new Uint8Array(200_000), 1000], // zeros: Huffman-coded, far past the declared size
      [noise(6000), 3000], // incompressible: a stored block past the declared size
      [strToU8('<c/>'.repeat(1000)), 3999], // one byte past
      [strToU8('<c/>'.repeat(1000)), 4001], // one byte short (kept for the parser to read itself)
      [new Uint8Array(3_000_000), 2_000_000], // past one step and past the one-call bound: streamed
    ];
    for (const [content, declared] of cases) {
      const zip = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>'), [sheet]: content }, { level: 6 });
      const dir = readZipDirectory(zip);
      if (!dir.ok) throw new Error(dir.detail);
      const e = dir.entries.find((x) => x.name === sheet)!;
      setCrcAndSize(zip, e.localHeaderOffset, e.crc32, declared);
      const verdict = expectSameVerdicts(zip);
      if (declared < content.length) expect(verdict).toMatchObject({ ok: false, problem: 'bomb' });
    }
  });

  it('deflate streams damaged at random, CRC as it was: 400 files', () => {
    const good = [sheetJs(50, 'xlsx'), sheetJs(50, 'ods')];
    const next = prng(20261203);
    const problems = new Map<string, number>();
    for (let i = 0; i < 400; i++) {
      const { zip, e, start } = damageOneDeflatedEntry(good[i % 2], next);
      const v = expectSameVerdicts(zip);
      const key = typeof v === 'string' ? v : v.ok ? 'ok' : v.problem;
      problems.set(key, (problems.get(key) ?? 0) + 1);
    }
    // Refused by the inflater, the CRC, or as inflating past its declared size; all but the odd change
    // that alters nothing decoded (the unused bits after the last block).
    expect(problems.get('ok') ?? 0).toBeLessThan(4);
    expect(problems.get('damaged')).toBeGreaterThan(200);
    expect(problems.get('bomb')).toBeGreaterThan(10);
  });

  it('deflate streams damaged at random, CRC and size rewritten to what the damaged stream inflates to: 400 files', () => {
    const good = [sheetJs(50, 'xlsx'), sheetJs(50, 'ods')];
    const next = prng(20261204);
    let decodable = 0;
    for (let i = 0; i < 400; i++) {
      const { zip, e, start } = damageOneDeflatedEntry(good[i % 2], next);
      let out: Uint8Array | null = null;
      try {
        out = inflateSync(zip.subarray(start, start + e.compressedSize));
      } catch {
        // not decodable by fflate: compared as it is
      }
      if (out && out.length < 1024 * 1024) {
        decodable++;
        setCrcAndSize(zip, e.localHeaderOffset, crc32(0, out), out.length);
      }
      expectSameVerdicts(zip);
    }
    expect(decodable).toBeGreaterThan(20);
  });
});

function outcomeKey(o: ReadOutcome): unknown {
  return {
    problem: o.problem,
    format: o.format,
    codes: o.findings.map((f) => f.code),
    sheets: o.submission?.sheets,
  };
}
