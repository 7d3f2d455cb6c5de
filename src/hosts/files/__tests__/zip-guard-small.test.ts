/**
 * The zip guard's one-call path for small entries (zip-guard.ts, inflateSmall): an entry of at most
 * one step of compressed data is inflated into a buffer of its declared size + 1, so it must still
 * catch an entry that inflates to more than its directory declares, whether the excess comes from
 * Huffman-coded data or from a stored (uncompressed) deflate block, and a damaged small entry.
 */
import { strToU8, zipSync } from 'fflate';
import { MIN_XLSX_CELL_BYTES, guardZip } from '../zip-guard';
import { readZipDirectory } from '../zip-directory';
import { DEFAULT_LIMITS, readWorkbook } from '../read-workbook';
import { noise } from './fixtures';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const SHEET = 'xl/worksheets/sheet1.xml';

function smallZip(sheet: Uint8Array): Uint8Array {
  return zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), 'xl/workbook.xml': strToU8('<workbook/>'), [SHEET]: sheet }, { level: 6 });
}

/** Rewrites the sheet's declared size, in the central directory and in the local header alike. */
function declare(zip: Uint8Array, from: number, to: number): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  let changed = 0;
  for (let i = 0; i + 30 <= out.length; i++) {
    const sig = dv.getUint32(i, true);
    if (sig === 0x02014b50 && dv.getUint32(i + 24, true) === from) (dv.setUint32(i + 24, to, true), changed++);
    if (sig === 0x04034b50 && dv.getUint32(i + 22, true) === from) (dv.setUint32(i + 22, to, true), changed++);
  }
  expect(changed).toBe(2);
  return out;
}

function sheetEntry(zip: Uint8Array) {
  const dir = readZipDirectory(zip);
  if (!dir.ok) throw new Error(dir.detail);
  return { entries: dir.entries, sheet: dir.entries.find((e) => e.name === SHEET)! };
}

describe('small entries inflated in one call', () => {
  it('an entry that inflates past its declared size (Huffman-coded) is a bomb', async () => {
    const zeros = new Uint8Array(200_000);
    const liar = declare(smallZip(zeros), zeros.length, 1000);
    const { entries, sheet } = sheetEntry(liar);
    expect(sheet.compressedSize).toBeLessThanOrEqual(8 * 1024); // the one-call path
    const verdict = guardZip(liar, entries, 'xlsx', DEFAULT_LIMITS);
    expect(verdict).toMatchObject({ ok: false, problem: 'bomb' });
    const out = await readWorkbook('说谎.xlsx', liar);
    expect(out.problem).toBe('bomb');
    expect(out.findings[0].message).toMatch(/超过其声明/);
  });

  it('an entry whose stored deflate block runs past its declared size is a bomb', () => {
    const random = noise(6000); // incompressible: deflate keeps it as a stored block
    const liar = declare(smallZip(random), random.length, 3000);
    const { entries, sheet } = sheetEntry(liar);
    expect(sheet.method).toBe(8);
    expect(sheet.compressedSize).toBeLessThanOrEqual(8 * 1024);
    expect(guardZip(liar, entries, 'xlsx', DEFAULT_LIMITS)).toMatchObject({ ok: false, problem: 'bomb' });
  });

  it('an entry exactly as large as declared passes, and its cells are counted', () => {
    const xml = strToU8(`<worksheet><sheetData>${'<row><c r="A1"><v>1</v></c><c r="B1"/></row>'.repeat(100)}</sheetData></worksheet>`);
    const zip = smallZip(xml);
    const { entries } = sheetEntry(zip);
    // With the default cap this XML is too small to hold 5,000,000 cells, so the count is skipped;
    // a cap the XML could pass makes the guard count.
    expect(guardZip(zip, entries, 'xlsx', { ...DEFAULT_LIMITS, maxCells: 1000 })).toEqual({ ok: true, cells: 200, cellsCounted: true, sheets: 0 });
  });

  it('an entry declaring a little less than it holds is caught by one byte', () => {
    const xml = strToU8('<worksheet><sheetData/></worksheet>');
    const liar = declare(smallZip(xml), xml.length, xml.length - 1);
    const { entries } = sheetEntry(liar);
    expect(guardZip(liar, entries, 'xlsx', DEFAULT_LIMITS)).toMatchObject({ ok: false, problem: 'bomb' });
  });

  it('a changed byte in a small entry is damage', () => {
    const xml = strToU8(`<worksheet><sheetData>${'<row><c><v>12345</v></c></row>'.repeat(50)}</sheetData></worksheet>`);
    const zip = smallZip(xml);
    const { entries, sheet } = sheetEntry(zip);
    const bad = zip.slice();
    const dataStart = sheet.localHeaderOffset + 30 + new DataView(bad.buffer).getUint16(sheet.localHeaderOffset + 26, true) + new DataView(bad.buffer).getUint16(sheet.localHeaderOffset + 28, true);
    bad[dataStart + Math.floor(sheet.compressedSize / 2)] ^= 0x10;
    const verdict = guardZip(bad, entries, 'xlsx', DEFAULT_LIMITS);
    if (verdict.ok) throw new Error('a damaged entry passed the guard');
    // Most flips give a wrong checksum or broken codes; a few make the stream longer than declared.
    expect(['damaged', 'bomb']).toContain(verdict.problem);
  });
});

describe('counting cells in SpreadsheetML', () => {
  const cellsOf = (xml: string, level: 0 | 6 = 6) => {
    const zip = zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), 'xl/workbook.xml': strToU8('<workbook/>'), [SHEET]: strToU8(xml) }, { level });
    // A cap the XML is large enough to pass, so that the counter runs (see MIN_XLSX_CELL_BYTES).
    const verdict = guardZip(zip, sheetEntry(zip).entries, 'xlsx', { ...DEFAULT_LIMITS, maxCells: Math.floor(xml.length / MIN_XLSX_CELL_BYTES) });
    if (!verdict.ok) throw new Error(verdict.detail);
    expect(verdict.cellsCounted).toBe(true);
    return verdict.cells;
  };

  it('counts <c>, <c/> and prefixed <x:c>, not </c>, <col>, <cc> or a second prefix', () => {
    const xml =
      '<x:worksheet><x:sheetData><x:row><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1"/></x:row></x:sheetData></x:worksheet>' +
      '<row><c r="A2" t="s"><v>0</v></c><c\tr="B2"/><c\nr="C2"></c><c>x</c><c/></row><cols><col min="1"/></cols><cc/><a:b:c/>';
    expect(cellsOf(xml)).toBe(7);
  });

  it('a cell tag cut by the boundary between two chunks is counted once', () => {
    // A stored entry is fed in 8 KB slices: put "<" as the last byte of the first slice and "c" as the first of the next.
    for (const shift of [0, 1, 2]) {
      const head = '<worksheet><sheetData><row>';
      const pad = `<v>${'x'.repeat(8192 - head.length - '<v>'.length - '</v>'.length - shift)}</v>`;
      const xml = `${head}${pad}${'<c r="A1"><v>1</v></c>'.repeat(3)}</row></sheetData></worksheet>`;
      expect(xml.indexOf('<c ')).toBe(8192 - shift);
      expect(cellsOf(xml, 0)).toBe(3);
    }
  });

  it('a large sheet inflated as a stream (several steps) gives the exact count', () => {
    let seed = 7;
    const cells: string[] = [];
    for (let i = 0; i < 30_000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      cells.push(`<c r="A${i + 1}"><v>${seed}</v></c>`);
    }
    const xml = `<worksheet><sheetData><row>${cells.join('')}</row></sheetData></worksheet>`;
    const zip = zipSync({ [SHEET]: strToU8(xml) }, { level: 6 });
    expect(sheetEntry(zip).sheet.compressedSize).toBeGreaterThan(8 * 1024);
    expect(cellsOf(xml)).toBe(30_000);
  });
});

describe('the xlsx count is skipped only when the XML cannot hold more cells than the cap', () => {
  const CAP = 1000;
  const limits = { ...DEFAULT_LIMITS, maxCells: CAP };
  /** A zip whose only XML is the sheet, of exactly `size` bytes. */
  const zipOf = (xml: string) => {
    const zip = zipSync({ [SHEET]: strToU8(xml) }, { level: 6 });
    return { zip, entries: sheetEntry(zip).entries };
  };
  /** The densest XML the counter counts: n cells in 2n + 1 bytes. */
  const densest = (n: number) => '<c'.repeat(n) + '>';
  const padTo = (xml: string, size: number) => xml + ' '.repeat(size - xml.length);
  const bound = MIN_XLSX_CELL_BYTES * CAP;

  it('the densest XML counted is 2 bytes a cell', () => {
    expect(MIN_XLSX_CELL_BYTES).toBe(2);
    const { zip, entries } = zipOf(padTo(densest(CAP - 1), bound));
    expect(guardZip(zip, entries, 'xlsx', limits)).toEqual({ ok: true, cells: CAP - 1, cellsCounted: true, sheets: 0 });
  });

  it('one byte under the bound: not counted, reported as an upper bound below the cap', () => {
    const { zip, entries } = zipOf(padTo(densest(CAP - 1), bound - 1));
    expect(guardZip(zip, entries, 'xlsx', limits)).toEqual({ ok: true, cells: CAP - 1, cellsCounted: false, sheets: 0 });
  });

  it('the bound counts the bytes of every XML entry the counter scans, not only the sheets', () => {
    const half = (bound - 2) / 2;
    const zip = zipSync({ 'xl/styles.xml': strToU8(' '.repeat(half + 2)), [SHEET]: strToU8(padTo(densest(10), half)) }, { level: 6 });
    expect(guardZip(zip, sheetEntry(zip).entries, 'xlsx', limits)).toEqual({ ok: true, cells: 10, cellsCounted: true, sheets: 0 });
  });

  it('a file just over the bound that holds more cells than the cap is counted and refused', async () => {
    // The fewest bytes that can hold CAP + 1 counted cells: 2 × CAP + 3.
    const xml = densest(CAP + 1);
    expect(xml.length).toBe(bound + 3);
    const { zip, entries } = zipOf(xml);
    expect(guardZip(zip, entries, 'xlsx', limits)).toMatchObject({ ok: false, problem: 'too-many-cells' });
    // And through the reader, in a workbook, before anything is parsed.
    const workbook = smallZip(strToU8(`<worksheet><sheetData><row>${densest(CAP + 1)}</row></sheetData></worksheet>`));
    const out = await readWorkbook('密集.xlsx', workbook, { maxCells: CAP });
    expect(out.problem).toBe('too-many-cells');
    expect(out.findings[0].message).toMatch(/单元格超过 1,000 个/);
  });
});
