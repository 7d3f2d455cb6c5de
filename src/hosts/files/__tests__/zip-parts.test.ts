/**
 * The zip guard hands the entries it inflated to the parser (zip-guard.ts ZipParts, read-workbook.ts
 * parseParts), so that SheetJS does not inflate them again. The workbook SheetJS builds from them
 * must be the very one `XLSX.read` builds from the file's bytes, in every zip format and however the
 * entries are stored; a zip the parser would read otherwise than the guard (data descriptors) is left
 * to `XLSX.read` as before. Parts SheetJS would read only into what the reader never uses (document
 * properties, theme, dynamic-array metadata) are not handed to it; the workbooks are compared without those.
 */
import * as XLSX from '@e965/xlsx';
import { Zip, ZipDeflate, strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { isDeepStrictEqual } from 'util';
import { ZipParts, guardZip } from '../zip-guard';
import { readZipDirectory } from '../zip-directory';
import { DEFAULT_LIMITS, PARSE_OPTIONS, parseParts, readWorkbook } from '../read-workbook';
import { sheetToGrid } from '../sheet-grid';
import { writeWorkbook } from '../write-workbook';
import { describeTemplates } from '../../../core/output/describe-templates';
import { getPreset } from '../../../core/presets';

function sample(rows: number): XLSX.WorkBook {
  const aoa: unknown[][] = [['姓名', '日期', '分数', '公式', '布尔']];
  for (let i = 0; i < rows; i++) aoa.push([`王${i}√`, new Date(Date.UTC(2024, 0, 1 + (i % 300))), i * 1.5, null, i % 2 === 0]);
  const ws = XLSX.utils.aoa_to_sheet(aoa, { cellDates: true });
  for (let i = 0; i < rows; i++) ws[`D${i + 2}`] = { t: 'n', f: `C${i + 2}*2`, v: i * 3 };
  ws.E2 = { t: 'e', v: 7 };
  ws['!merges'] = [{ s: { r: 0, c: 6 }, e: { r: 1, c: 7 } }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '测评表');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['a', 1], ['b', 2]]), 'Sheet2');
  return wb;
}

function bytesOf(wb: XLSX.WorkBook, bookType: XLSX.BookType, compression: boolean): Uint8Array {
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType, compression }) as ArrayBuffer);
}

function guarded(bytes: Uint8Array, format: 'xlsx' | 'ods'): ZipParts {
  const dir = readZipDirectory(bytes);
  if (!dir.ok) throw new Error(dir.detail);
  const parts: ZipParts = { entries: [], complete: true };
  expect(guardZip(bytes, dir.entries, format, DEFAULT_LIMITS, parts)).toMatchObject({ ok: true });
  return parts;
}

const options = (): XLSX.ParsingOptions => ({ ...PARSE_OPTIONS, type: 'buffer' });

/**
 * The workbook without what parseParts does not hand SheetJS the parts for (read-workbook.ts
 * UNREAD_PARTS, DYNAMIC_ARRAY_METADATA): the document properties, and the dynamic-array flag `D` of
 * formula cells. Everything else must be the same.
 */
function withoutUnread(wb: XLSX.WorkBook): XLSX.WorkBook {
  const { Props: _props, Custprops: _custprops, ...rest } = wb as XLSX.WorkBook & { Custprops?: unknown };
  for (const ws of Object.values(wb.Sheets)) {
    for (const row of (ws['!data'] as (XLSX.CellObject & { D?: boolean })[][] | undefined) ?? []) for (const c of row ?? []) if (c) delete c.D;
  }
  return rest as XLSX.WorkBook;
}
const asBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.length);

describe('the parser reads the entries the guard inflated', () => {
  it.each([
    ['xlsx', 'xlsx', 'deflated', 30],
    ['xlsx', 'xlsx', 'stored', 30],
    // Over 8 KB compressed: the sheet goes through the guard's streaming inflater.
    ['xlsx', 'xlsx', 'deflated', 1500],
    ['xlsm', 'xlsx', 'deflated', 30],
    ['xlsb', 'xlsx', 'deflated', 30],
    ['xlsb', 'xlsx', 'deflated', 1500],
    ['ods', 'ods', 'deflated', 30],
    ['ods', 'ods', 'deflated', 1500],
  ] as const)('%s (%s, %s, %i rows): the same workbook as XLSX.read', (bookType, format, how, rows) => {
    const bytes = bytesOf(sample(rows), bookType, how === 'deflated');
    const parts = guarded(bytes, format);
    const dir = readZipDirectory(bytes);
    if (rows > 1000 && dir.ok) expect(Math.max(...dir.entries.map((e) => e.compressedSize))).toBeGreaterThan(8 * 1024);
    expect(parts.complete).toBe(true);
    expect(parts.entries.map((e) => e.name).sort()).toEqual(Object.keys(unzipSync(bytes)).sort());
    const fromParts = parseParts(parts, options());
    const fromFile = XLSX.read(asBuffer(bytes), options());
    expect(fromParts.SheetNames).toEqual(['测评表', 'Sheet2']);
    expect(isDeepStrictEqual(withoutUnread(fromParts), withoutUnread(fromFile))).toBe(true);
  });

  it('a zip with data descriptors is left to the parser, and reads the same', async () => {
    const plain = bytesOf(sample(30), 'xlsx', true);
    // fflate's streaming writer puts each entry's sizes in a data descriptor after its data (flag bit 3).
    const chunks: Uint8Array[] = [];
    const zip = new Zip((err, chunk) => {
      if (err) throw err;
      chunks.push(chunk);
    });
    for (const [name, data] of Object.entries(unzipSync(plain))) {
      const entry = new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      entry.push(data, true);
    }
    zip.end();
    const streamed = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    chunks.reduce((at, c) => (streamed.set(c, at), at + c.length), 0);
    const dir = readZipDirectory(streamed);
    expect(dir.ok && dir.entries.every((e) => e.flags & 0x08)).toBe(true);

    expect(guarded(streamed, 'xlsx').complete).toBe(false);
    const a = await readWorkbook('流式.xlsx', streamed);
    const b = await readWorkbook('流式.xlsx', plain);
    expect(a.submission).not.toBeNull();
    expect(a.submission).toEqual(b.submission);
  });
});

describe('the parts the parser is not handed (read-workbook.ts UNREAD_PARTS, DYNAMIC_ARRAY_METADATA)', () => {
  /** The grids XLSX.read's workbook gives, every part read. */
  function gridsOfXlsxRead(bytes: Uint8Array) {
    const wb = XLSX.read(asBuffer(bytes), options());
    return wb.SheetNames.filter((n) => n !== '_pingyi').map((n) => sheetToGrid(n, wb.Sheets[n], { left: Infinity }));
  }

  it('a dynamic-array formula (cm="1" and xl/metadata.xml): the same grids and the same formula as XLSX.read', async () => {
    const wb = sample(30);
    (wb.Sheets['测评表'] as Record<string, unknown>).D2 = { t: 'n', f: 'SEQUENCE(3)', F: 'D2:D4', D: true, v: 1 };
    const bytes = bytesOf(wb, 'xlsx', true);
    expect(strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml'])).toContain('cm="1"');
    expect(Object.keys(unzipSync(bytes))).toEqual(expect.arrayContaining(['xl/metadata.xml', 'docProps/app.xml', 'docProps/core.xml', 'xl/theme/theme1.xml']));
    const outcome = await readWorkbook('动态数组.xlsx', bytes);
    expect(outcome.submission!.sheets).toEqual(gridsOfXlsxRead(bytes));
    expect(outcome.submission!.sheets[0].rows[1][3]).toEqual({ formula: 'SEQUENCE(3)', value: 1 });
  });

  it("the project's own templates and result workbook (exceljs: theme, document properties): the same grids as XLSX.read", async () => {
    const scheme = getPreset('p1-double-pledge');
    const [t] = describeTemplates(scheme, [{ name: '张三', unit: '办公室' }, { name: '李四' }]);
    const bytes = await writeWorkbook([t]);
    const outcome = await readWorkbook('模板.xlsx', bytes);
    expect(outcome.submission!.sheets).toEqual(gridsOfXlsxRead(bytes));
    expect(outcome.templateMeta).toBeDefined();
  });

  it('broken document properties change nothing (they are not parsed)', async () => {
    const bytes = bytesOf(sample(5), 'xlsx', true);
    const parts = unzipSync(bytes);
    parts['docProps/core.xml'] = strToU8('<cp:coreProperties><dc:title>未闭合');
    parts['docProps/app.xml'] = strToU8('<Properties><TitlesOfParts><vt:vector size="99"><vt:lpstr>');
    const outcome = await readWorkbook('属性损坏.xlsx', zipSync(parts));
    expect(outcome.findings).toEqual([]);
    expect(outcome.submission!.sheets).toEqual((await readWorkbook('原.xlsx', bytes)).submission!.sheets);
  });
});
