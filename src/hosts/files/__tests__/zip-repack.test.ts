/**
 * The writer's zip in Node: exceljs stores the parts and zip-repack.ts deflates them with Node's zlib
 * (write-workbook.ts). The workbook must hold the very same parts, byte for byte, as when exceljs
 * deflates them itself (as in a browser), every entry deflated, and read as a whole by SheetJS, exceljs
 * and the project's own zip guard (CRC-32s and sizes right). A zip the repacker does not handle as it is
 * comes back as null and the writer then leaves the deflating to exceljs.
 */
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { runCampaign } from '../../../core/engine';
import { describeResultWorkbook, describeTemplates } from '../../../core/output/describe-workbooks';
import { getPreset } from '../../../core/presets';
import { NODE_ZLIB } from '../node-zlib';
import { readWorkbook } from '../read-workbook';
import { useNodeDeflate, writeWorkbook } from '../write-workbook';
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
