/**
 * The writer's two shortcuts, each checked against the plain path it replaces: the workbook must hold
 * the very same parts, byte for byte, either way.
 *
 * - Its zip in Node: exceljs stores the parts and zip-repack.ts deflates them with Node's zlib
 *   (write-workbook.ts zipBytes), instead of exceljs deflating them itself (as in a browser). Every entry
 *   deflated, and read as a whole by SheetJS, exceljs and the project's own zip guard (CRC-32s and
 *   sizes right). A zip the repacker does not handle as it is comes back as null and the writer then
 *   leaves the deflating to exceljs.
 * - Cells sharing one style object per style, format and kind of value (write-workbook.ts sharedStyle),
 *   instead of one object per cell, with the cells that sheet protection unlocks kept apart.
 */
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { runCampaign } from '../../../core/engine';
import { describeResultWorkbook, describeTemplates } from '../../../core/output/describe-workbooks';
import { getPreset } from '../../../core/presets';
import { NODE_ZLIB } from '../node-zlib';
import { readWorkbook } from '../read-workbook';
import { CellDescription, SheetDescription } from '../../../core/output/sheet-description';
import { useNodeDeflate, useSharedStyles, writeWorkbook } from '../write-workbook';
import { readZipDirectory } from '../zip-directory';
import { deflateStoredZip } from '../zip-repack';

const zlib = NODE_ZLIB!;
const deflateRaw = (data: Uint8Array) => zlib.deflateRawSync(data);

function methods(zip: Uint8Array): number[] {
  const dir = readZipDirectory(zip);
  if (!dir.ok) throw new Error(dir.detail);
  return dir.entries.map((e) => e.method);
}

async function bothWays(sheets: Parameters<typeof writeWorkbook>[0]): Promise<{ node: Uint8Array; exceljs: Uint8Array }> {
  useNodeDeflate(false);
  try {
    const exceljs = await writeWorkbook(sheets);
    useNodeDeflate(true);
    return { node: await writeWorkbook(sheets), exceljs };
  } finally {
    useNodeDeflate(true);
  }
}

function sameParts(a: Uint8Array, b: Uint8Array): void {
  const pa = unzipSync(a);
  const pb = unzipSync(b);
  expect(Object.keys(pa)).toEqual(Object.keys(pb));
  for (const k of Object.keys(pa)) expect(Buffer.from(pa[k]).equals(Buffer.from(pb[k]))).toBe(true);
}

describe('the result workbook and templates deflated with Node zlib', () => {
  // exceljs writes each workbook twice here, cold: seconds on a busy machine, not a speed check.
  jest.setTimeout(30_000);
  const scheme = getPreset('p4-middle-managers');
  const roster = [{ name: '王芳', unit: '营业部' }, { name: '=1+1', unit: '@SUM(A1)' }, { name: '李强', unit: '科技部' }];
  const result = runCampaign({
    scheme,
    roster,
    today: '2026-12-01',
    submissions: [
      {
        file: 'a.xlsx',
        sheets: [{ name: '表', rows: [['测评人类别：干部'], ['姓名', '测评得分'], ...roster.map((p, i) => [p.name, 70 + i * 10])], merges: [] }],
      },
    ],
  });

  it('Node zlib is there in Node', () => {
    expect(NODE_ZLIB).not.toBeNull();
  });

  it('the result workbook: the same parts as exceljs deflating them, every entry deflated, read back whole', async () => {
    const { node, exceljs } = await bothWays(describeResultWorkbook(result));
    sameParts(node, exceljs);
    expect(methods(node).every((m) => m === 8)).toBe(true);
    // Read by SheetJS (through the project's reader: zip guard, CRC-32s, sizes) and by exceljs.
    const read = await readWorkbook('结果.xlsx', node);
    expect(read.findings).toEqual([]);
    expect(read.submission!.sheets.map((s) => s.name)).toEqual(describeResultWorkbook(result).map((d) => d.name));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(node) as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThan(3);
    expect(XLSX.read(node, { type: 'array' }).SheetNames).toEqual(wb.worksheets.map((w) => w.name));
  });

  it('templates of every form of a preset: the same parts both ways', async () => {
    for (const sheet of describeTemplates(getPreset('p1-double-pledge'), roster)) {
      const { node, exceljs } = await bothWays([sheet]);
      sameParts(node, exceljs);
      expect(methods(node).every((m) => m === 8)).toBe(true);
    }
  });
});

describe('deflateStoredZip', () => {
  const parts = { '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook>'.repeat(100)), '文件/名.xml': strToU8('中文') };

  it('deflates every entry of a stored zip and keeps names, order, dates, CRC-32s and sizes', () => {
    const stored = zipSync(parts, { level: 0, mtime: new Date(2001, 2, 3, 4, 5, 6) });
    expect(methods(stored)).toEqual([0, 0, 0]);
    const out = deflateStoredZip(stored, deflateRaw)!;
    expect(out.length).toBeLessThan(stored.length);
    const before = readZipDirectory(stored);
    const after = readZipDirectory(out);
    if (!before.ok || !after.ok) throw new Error('unreadable');
    expect(after.entries.map((e) => [e.name, e.crc32, e.declaredSize, e.flags, e.method])).toEqual(
      before.entries.map((e) => [e.name, e.crc32, e.declaredSize, e.flags, 8]),
    );
    const dv = (b: Uint8Array, e: { localHeaderOffset: number }) => new DataView(b.buffer, b.byteOffset).getUint32(e.localHeaderOffset + 10, true);
    expect(after.entries.map((e) => dv(out, e))).toEqual(before.entries.map((e) => dv(stored, e))); // DOS time and date
    const back = unzipSync(out);
    for (const [k, v] of Object.entries(parts)) expect(Buffer.from(back[k]).equals(Buffer.from(v))).toBe(true);
  });

  it('an empty entry and a zip of one entry', () => {
    const out = deflateStoredZip(zipSync({ 'a.xml': new Uint8Array(0) }, { level: 0 }), deflateRaw)!;
    expect(unzipSync(out)['a.xml']).toHaveLength(0);
  });

  it('null for what it does not handle as it is: deflated entries, a comment after the end record, damage, not a zip', () => {
    expect(deflateStoredZip(zipSync(parts, { level: 6 }), deflateRaw)).toBeNull();
    const stored = zipSync(parts, { level: 0 });
    const withComment = new Uint8Array(stored.length + 3);
    withComment.set(stored);
    expect(deflateStoredZip(withComment, deflateRaw)).toBeNull(); // bytes after the end record
    expect(deflateStoredZip(stored.subarray(0, stored.length - 30), deflateRaw)).toBeNull();
    const shifted = stored.slice();
    shifted[0] = 0; // the first local header's signature
    expect(deflateStoredZip(shifted, deflateRaw)).toBeNull();
    expect(deflateStoredZip(strToU8('not a zip'), deflateRaw)).toBeNull();
  });
});

describe('cells sharing style objects (write-workbook.ts sharedStyle)', () => {
  /** Every part of the workbook written with shared style objects and with one object per cell. */
  async function sameBothWays(sheets: SheetDescription[]): Promise<Uint8Array> {
    useSharedStyles(false);
    let own: Uint8Array;
    try {
      own = await writeWorkbook(sheets);
    } finally {
      useSharedStyles(true);
    }
    const shared = await writeWorkbook(sheets);
    sameParts(shared, own);
    return shared;
  }

  it('the same file as with one style object per cell: result workbooks and templates', async () => {
    const roster = [{ name: '王芳', unit: '营业部' }, { name: '=1+1', unit: '@SUM(A1)' }, { name: '李强', unit: '科技部' }];
    for (const id of ['p1-double-pledge', 'p4-middle-managers', 'p5-party-members']) await sameBothWays(describeTemplates(getPreset(id), roster));
  });

  it('merges reaching unlocked cells, the same style on values of every kind, formats and none', async () => {
    const styles = ['header', 'cell', 'title', 'number', 'entry', undefined] as const;
    const values = ['文字', 12.5, null, '=1+1', 0.25] as const;
    const cells: CellDescription[][] = [];
    for (let r = 0; r < 12; r++) {
      const row: CellDescription[] = [];
      for (let c = 0; c < 8; c++) {
        const value = values[(r * 3 + c) % values.length];
        const style = styles[(r + c) % styles.length];
        const d: CellDescription = { value, ...(style ? { style } : {}) };
        if (typeof value === 'number' && c % 2 === 0) d.numberFormat = value < 1 ? '0.00%' : '0.00';
        if ((r >= 3 && r <= 4 && c >= 2 && c <= 3) || (r === 9 && c >= 5)) d.value = r === 3 && c === 2 ? d.value : null; // inside merges
        row.push(d);
      }
      cells.push(row);
    }
    const sheet: SheetDescription = {
      name: '表',
      kind: 'template',
      cells,
      columns: cells[0].map(() => ({ width: 10 })),
      rowHeights: [],
      // One merge reaching an unlocked range, one not, one wholly unlocked.
      merges: [
        { r1: 3, c1: 2, r2: 4, c2: 3 },
        { r1: 0, c1: 0, r2: 0, c2: 7 },
        { r1: 9, c1: 5, r2: 9, c2: 7 },
      ],
      validations: [],
      print: { paper: 'A4', orientation: 'portrait', fitToWidth: true, margins: { top: 1, bottom: 1, left: 1, right: 1, header: 0.5, footer: 0.5 }, horizontalCentered: true },
      protection: {
        password: null,
        unlocked: [
          { r1: 4, c1: 3, r2: 6, c2: 4 },
          { r1: 9, c1: 5, r2: 9, c2: 7 },
          { r1: 20, c1: 0, r2: 20, c2: 2 },
        ],
        allowFormatColumns: true,
        allowFormatRows: true,
      },
    };
    const bytes = await sameBothWays([sheet, { ...sheet, name: '表二', protection: undefined }]);
    // And what that means: the merge reaching an unlocked cell is unlocked as a whole (its cells share
    // its first cell's style), and a cell of the same style elsewhere stays locked.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('表')!;
    expect(ws.getCell(4, 3).protection?.locked).toBe(false); // first cell of the merge C4:D5
    expect(ws.getCell(5, 4).protection?.locked).toBe(false);
    expect(ws.getCell(7, 5).protection?.locked).toBe(false);
    const sameStyleAsC4 = cells.flatMap((row, r) => row.map((d, c) => ({ d, r, c }))).find(
      ({ d, r, c }) => d.style === cells[3][2].style && typeof d.value === typeof cells[3][2].value && d.numberFormat === cells[3][2].numberFormat && r > 10,
    );
    if (sameStyleAsC4) expect(ws.getCell(sameStyleAsC4.r + 1, sameStyleAsC4.c + 1).protection?.locked ?? true).toBe(true);
  });
});
