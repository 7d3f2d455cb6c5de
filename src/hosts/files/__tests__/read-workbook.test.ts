/**
 * Reading good workbooks in every supported format: values, merges, formulas with cached values,
 * error cells, dates, every sheet; text tables in UTF-8 (with and without BOM), UTF-16 and GB18030.
 * The workbooks are written by SheetJS here (not by the project's exceljs writer).
 */
import * as XLSX from '@e965/xlsx';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { CellValue, SheetGrid } from '../../../core/forms/grid';
import { copyOriginalName, findDuplicateFiles, findResentCopies } from '../content-hash';
import { DEFAULT_LIMITS, detectFormat, readWorkbook } from '../read-workbook';
import { ITEMS, LEVELS, PTG_ADD, PTG_DIV, annex2, book, odsErrorCells, ptgInt, ptgRef, write, xlsWithFormula } from './fixtures';

// Codepage tables for the GB18030/GBK test bytes: a different encoder than the decoder under test.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const cptable: { utils: { encode(cp: number, s: string): number[] } } = require('@e965/xlsx/dist/cpexcel.js');

const MEMBERS = [
  { name: '王　毅', marks: [0, 0, 1, 0], recommend: true },
  { name: '張三', marks: [1, 2, 3, 0], recommend: false },
  { name: '李四', marks: [0, 1, 0, 0], recommend: true },
];

function at(grid: SheetGrid, a1: string): CellValue | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return grid.rows[Number(m[2]) - 1]?.[col - 1];
}

async function readOk(name: string, bytes: Uint8Array) {
  const out = await readWorkbook(name, bytes);
  expect(out.findings).toEqual([]);
  expect(out.submission).not.toBeNull();
  return out.submission!;
}

describe('附表2 with merged item headers, in each format', () => {
  const spec = annex2(MEMBERS);
  const wb = book(spec, { name: '说明', aoa: [['填表说明：每项只能打一个√'], [], ['第三行']] });

  it.each(['xlsx', 'biff8', 'ods'] as const)('%s: values, merges and every sheet read back', async (type) => {
    const name = type === 'biff8' ? '附表2.xls' : `附表2.${type}`;
    const sub = await readOk(name, write(wb, type));
    expect(sub.file).toBe(name);
    expect(sub.sheets.map((s) => s.name)).toEqual(['附表2', '说明']);
    const g = sub.sheets[0];
    expect(at(g, 'A1')).toBe('优秀党员民主评议推荐表');
    expect(at(g, 'A3')).toBe('序号');
    expect(at(g, 'B3')).toBe('姓名');
    ITEMS.forEach((item, i) => expect(g.rows[2][2 + i * 4]).toBe(item));
    expect(g.rows[3].slice(2, 18)).toEqual([...LEVELS, ...LEVELS, ...LEVELS, ...LEVELS]);
    expect(at(g, 'S3')).toBe('是否推荐为优秀党员');
    // cells inside a merged range hold nothing
    expect(at(g, 'D3') ?? null).toBeNull();
    // data rows: numbers stay numbers, names as typed
    expect(at(g, 'A5')).toBe(1);
    expect(at(g, 'B5')).toBe('王　毅');
    expect(at(g, 'B6')).toBe('張三');
    expect(at(g, 'C5')).toBe('√'); // first item, 满意
    expect(at(g, 'D5') ?? null).toBeNull();
    expect(at(g, 'G5')).toBe('√'); // second item, 满意
    expect(at(g, 'L5')).toBe('√'); // third item, 比较满意
    expect(at(g, 'K5') ?? null).toBeNull();
    expect(at(g, 'D6')).toBe('√'); // 張三, first item, 比较满意
    expect(at(g, 'N6')).toBe('√'); // 張三, third item, 不满意
    expect(at(g, 'S5')).toBe('√');
    expect(at(g, 'S6') ?? null).toBeNull();
    expect(g.rows).toHaveLength(4 + MEMBERS.length);

    const sorted = [...g.merges].sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1);
    expect(sorted).toEqual(
      [...spec.merges!].sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1),
    );
    // the second sheet: a blank row in the middle is kept as an empty row
    expect(sub.sheets[1].rows).toEqual([['填表说明：每项只能打一个√'], [], ['第三行']]);
  });

  it('csv: the first sheet as a table (no merges in CSV)', async () => {
    const sub = await readOk('附表2.csv', write(wb, 'csv'));
    const g = sub.sheets[0];
    expect(g.name).toBe('附表2');
    expect(at(g, 'B3')).toBe('姓名');
    expect(at(g, 'C3')).toBe(ITEMS[0]);
    expect(at(g, 'B6')).toBe('張三');
    expect(at(g, 'A5')).toBe(1);
    expect(at(g, 'L5')).toBe('√');
    expect(at(g, 'K5')).toBeNull();
    expect(g.merges).toEqual([]);
  });
});

describe('formula cells keep their cached value, error cells their text', () => {
  const aoa = [
    ['项目', '甲', '乙', '合计'],
    ['分数', 80, 5, { t: 'n', f: 'B2+C2', v: 85 }],
    ['比值', 1, 0, { t: 'e', f: 'B3/C3', v: 0x07 }],
    ['查找', { t: 'e', v: 0x2a }, { t: 's', v: '__NA__' }, { t: 's', v: '√' }],
  ];

  it('xlsx', async () => {
    const g = (await readOk('f.xlsx', write(book({ name: 'S', aoa }), 'xlsx'))).sheets[0];
    expect(at(g, 'D2')).toEqual({ formula: 'B2+C2', value: 85 });
    expect(at(g, 'D3')).toEqual({ formula: 'B3/C3', error: '#DIV/0!' });
    expect(at(g, 'B4')).toEqual({ error: '#N/A' });
    expect(at(g, 'D4')).toBe('√');
  });

  it('xls (BIFF8 FORMULA records with a number and an error as cached value)', async () => {
    const plain = [aoa[0], ['分数', 80, 5, 0], ['比值', 1, 0, 0], aoa[3]];
    const xls = xlsWithFormula(write(book({ name: 'S', aoa: plain }), 'biff8'), [
      { row: 1, col: 3, rgce: [...ptgRef(1, 1), ...ptgRef(1, 2), PTG_ADD], cached: { number: 85 } },
      { row: 2, col: 3, rgce: [...ptgRef(2, 1), ...ptgInt(0), PTG_DIV], cached: { error: 0x07 } },
    ]);
    expect(detectFormat('f.xls', xls)).toBe('xls');
    const g = (await readOk('f.xls', xls)).sheets[0];
    expect(at(g, 'D2')).toEqual({ formula: 'B2+C2', value: 85 });
    expect(at(g, 'D3')).toEqual({ formula: 'B3/0', error: '#DIV/0!' });
    expect(at(g, 'B4')).toEqual({ error: '#N/A' });
  });

  it('ods (LibreOffice error cells)', async () => {
    const ods = odsErrorCells(write(book({ name: 'S', aoa: [...aoa.slice(0, 2), ['比值', 1, 0, '__DIV__'], ['查找', '__NA__', null, '√']] }), 'ods'), {
      __DIV__: { formula: 'of:=[.B3]/[.C3]', error: '#DIV/0!' },
      __NA__: { formula: 'of:=NA()', error: '#N/A' },
    });
    const g = (await readOk('f.ods', ods)).sheets[0];
    expect(at(g, 'D2')).toEqual({ formula: 'B2+C2', value: 85 });
    expect(at(g, 'D3')).toEqual({ formula: 'B3/C3', error: '#DIV/0!' });
    expect(at(g, 'B4')).toEqual({ formula: 'NA()', error: '#N/A' });
  });

  it('csv: an error text reads as an error, as Excel reads it; no formulas in CSV', async () => {
    const g = (await readOk('f.csv', new TextEncoder().encode('a,b\r\n#N/A,=1+1\r\n'))).sheets[0];
    expect(g.rows).toEqual([
      ['a', 'b'],
      [{ error: '#N/A' }, '=1+1'],
    ]);
  });
});

describe('dates are ISO text, whatever the display format and time zone', () => {
  it.each(['xlsx', 'biff8', 'ods'] as const)('%s', async (type) => {
    const ws = XLSX.utils.aoa_to_sheet([['日期']]);
    ws.A2 = { t: 'n', v: 45366, z: 'yyyy"年"m"月"d"日"' };
    ws.A3 = { t: 'n', v: 45366.5, z: 'yyyy-mm-dd hh:mm' };
    ws.A4 = { t: 'n', v: 0.25, z: 'hh:mm' };
    ws.A5 = { t: 'n', v: 45366, z: '0.00' }; // a number, not a date
    ws['!ref'] = 'A1:A5';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined); // SheetJS's ODS writer warns on formats
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: type }) as ArrayBuffer);
    spy.mockRestore();
    const g = (await readOk(`d.${type}`, bytes)).sheets[0];
    expect(g.rows.map((r) => r[0])).toEqual(['日期', '2024-03-15', '2024-03-15 12:00', '06:00', 45366]);
  });
});

describe('every sheet, hidden ones included (and marked so); the template metadata sheet is kept apart', () => {
  it('reads hidden sheets, marked hidden, and returns _pingyi as templateMeta', async () => {
    const wb = book(
      { name: '测评表', aoa: [['姓名', '优秀'], ['王毅', '√']] },
      { name: '隐藏', aoa: [['x']] },
      { name: '_pingyi', aoa: [['测评表', 'formId', 'f1'], ['测评表', 'kind', 'template']] },
    );
    wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }, { Hidden: 2 }] } as XLSX.WBProps as XLSX.WorkBook['Workbook'];
    const out = await readWorkbook('t.xlsx', write(wb, 'xlsx'));
    expect(out.submission!.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      ['测评表', false],
      ['隐藏', true],
    ]);
    expect(out.templateMeta).toEqual({ 测评表: { formId: 'f1', kind: 'template' } });
  });
});

describe('check boxes inserted as form controls (the tick is not in a cell)', () => {
  const withControls = (...checked: ('Checked' | 'Unchecked')[]) => {
    const files = unzipSync(write(book({ name: '测评表', aoa: [['姓名', '优秀', '称职'], ['王毅', null, null]] }), 'xlsx'));
    checked.forEach((state, i) => {
      files[`xl/ctrlProps/ctrlProp${i + 1}.xml`] = strToU8(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<formControlPr xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" objectType="CheckBox" ${state === 'Checked' ? 'checked="Checked" ' : ''}lockText="1"/>`,
      );
    });
    return zipSync(files);
  };

  it('says how many are ticked (error: those ticks are votes not counted), naming the file; the sheet is still read', async () => {
    const r = await readWorkbook('勾选.xlsx', withControls('Checked', 'Unchecked', 'Checked'));
    expect(r.submission?.sheets.map((s) => s.name)).toEqual(['测评表']);
    expect(r.findings.map((f) => [f.code, f.severity, f.file, f.message])).toEqual([
      ['CHECKBOXES_NOT_READ', 'error', '勾选.xlsx', '「勾选.xlsx」中有 2 个勾选了的复选框（插入的表单控件），本工具只读取单元格中的√，复选框的勾选未计入；请在相应单元格中打√后重新提交'],
    ]);
  });

  it('says nothing when no box is ticked (nothing is lost)', async () => {
    expect((await readWorkbook('空.xlsx', withControls('Unchecked'))).findings).toEqual([]);
  });
});

describe('a sheet declaring A1:XFD1048576 with three cells', () => {
  it('reads quickly into a grid of those cells only', async () => {
    const { patchZipPart } = await import('./fixtures');
    const ws = XLSX.utils.aoa_to_sheet([['a']]);
    ws.C5 = { t: 's', v: 'z' };
    ws.B2 = { t: 'n', v: 7 };
    ws['!ref'] = 'A1:C5';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    const bytes = patchZipPart(write(wb, 'xlsx'), 'xl/worksheets/sheet1.xml', (xml) => {
      const patched = xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>');
      expect(patched).not.toBe(xml);
      return patched;
    });
    const t0 = Date.now();
    const g = (await readOk('big-ref.xlsx', bytes)).sheets[0];
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(g.rows).toEqual([['a'], [null, 7], [], [], [null, null, 'z']]);
    expect(g.rows.reduce((n, r) => n + r.length, 0)).toBe(6);
  });
});

describe('WPS and misnamed files are read by what they are', () => {
  const wb = book({ name: 'S', aoa: [['姓名', '满意'], ['王毅', '√']] });

  it('an .xls saved with an .xlsx name (WPS does this) reads as xls', async () => {
    const bytes = write(wb, 'biff8');
    expect(detectFormat('附表.xlsx', bytes)).toBe('xls');
    const out = await readWorkbook('附表.xlsx', bytes);
    expect(out.format).toBe('xls');
    expect(out.submission!.sheets[0].rows).toEqual([['姓名', '满意'], ['王毅', '√']]);
  });

  it('an .xlsx saved with an .xls or .et name reads as xlsx', async () => {
    const bytes = write(wb, 'xlsx');
    expect(detectFormat('附表.xls', bytes)).toBe('xlsx');
    expect(detectFormat('附表.et', bytes)).toBe('xlsx');
    expect((await readWorkbook('附表.et', bytes)).submission!.sheets[0].rows[1]).toEqual(['王毅', '√']);
  });

  it('an Excel 97-2003 .et (WPS) reads as xls', async () => {
    const out = await readWorkbook('附表.et', write(wb, 'biff8'));
    expect(out.submission!.sheets[0].rows[1]).toEqual(['王毅', '√']);
  });

  it('a CSV exported under an .xls name reads as CSV', async () => {
    const bytes = new TextEncoder().encode('姓名,满意\n王毅,√\n');
    expect(detectFormat('导出.xls', bytes)).toBe('csv');
    expect((await readWorkbook('导出.xls', bytes)).submission!.sheets[0].rows).toEqual([['姓名', '满意'], ['王毅', '√']]);
  });

  it('text under a document\'s name (会议通知.docx picked among the ballots) is no workbook, and no sheet of it is named', async () => {
    const bytes = new TextEncoder().encode('关于召开民主评议大会的通知\n各支部：定于12月5日召开。\n');
    expect(detectFormat('会议通知.docx', bytes)).toBe('unknown');
    const out = await readWorkbook('会议通知.docx', bytes);
    expect(out.submission).toBeNull();
    expect(out.findings.map((f) => [f.code, f.sheet ?? null, f.message])).toEqual([
      ['FILE_NOT_WORKBOOK', null, '「会议通知.docx」不是工作簿：是以 .docx（文档）命名的纯文本，无法读取'],
    ]);
  });

  it('detects each format by its bytes', () => {
    expect(detectFormat('a.xlsx', write(wb, 'xlsx'))).toBe('xlsx');
    expect(detectFormat('a.ods', write(wb, 'ods'))).toBe('ods');
    expect(detectFormat('a.xlsx', write(wb, 'ods'))).toBe('ods');
    expect(detectFormat('a.xls', write(wb, 'biff8'))).toBe('xls');
    expect(detectFormat('a.csv', write(wb, 'csv'))).toBe('csv');
  });
});

describe('text tables: encodings', () => {
  const text = '姓名,单位,意见\r\n王毅,第一党支部,"服务好，""满意"""\r\n张三,机关,"两行\n意见"\r\n';
  const expected = [
    ['姓名', '单位', '意见'],
    ['王毅', '第一党支部', '服务好，"满意"'],
    ['张三', '机关', '两行\n意见'],
  ];

  it('UTF-8 without BOM', async () => {
    const out = await readWorkbook('名单.csv', new TextEncoder().encode(text));
    expect(out.encoding).toBe('utf-8');
    expect(out.submission!.sheets[0].rows).toEqual(expected);
  });

  it('UTF-8 with BOM (Excel’s "CSV UTF-8")', async () => {
    const body = new TextEncoder().encode(text);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...body]);
    const out = await readWorkbook('名单.csv', bytes);
    expect(out.encoding).toBe('utf-8-bom');
    expect(out.submission!.sheets[0].rows).toEqual(expected);
    expect(out.submission!.sheets[0].rows[0][0]).toBe('姓名'); // no BOM left on the first cell
  });

  it('GB18030/GBK (Chinese Excel’s default "CSV (逗号分隔)")', async () => {
    const bytes = Uint8Array.from(cptable.utils.encode(936, text));
    // 姓 = D0 D5 in GBK: check the fixture really is GBK, not UTF-8
    expect([bytes[0], bytes[1]]).toEqual([0xd0, 0xd5]);
    const out = await readWorkbook('名单.csv', bytes);
    expect(out.encoding).toBe('gb18030');
    expect(out.submission!.sheets[0].rows).toEqual(expected);
  });

  it('GB18030 four-byte characters (a rare name character outside GBK)', async () => {
    // 𠀀 (U+20000) is 95 32 82 36 in GB18030
    const bytes = new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x0a, 0xcd, 0xf5, 0x95, 0x32, 0x82, 0x36, 0x0a]);
    const out = await readWorkbook('名单.csv', bytes);
    expect(out.submission!.sheets[0].rows).toEqual([['姓名'], ['王\u{20000}']]);
  });

  it('UTF-16LE tab-separated ("Unicode 文本")', async () => {
    const t = '姓名\t得分\n王毅\t85\n';
    const bytes = new Uint8Array(2 + t.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < t.length; i++) {
      bytes[2 + i * 2] = t.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = t.charCodeAt(i) >> 8;
    }
    const out = await readWorkbook('名单.txt', bytes);
    expect(out.encoding).toBe('utf-16le');
    expect(out.submission!.sheets[0].rows).toEqual([
      ['姓名', '得分'],
      ['王毅', 85],
    ]);
  });

  it('keeps IDs, leading zeros and TRUE as text; semicolons when they separate', async () => {
    const out = await readWorkbook('x.csv', new TextEncoder().encode('编号;身份证号;分数;标记\n007;110101199003071234;85.5;TRUE\n="0012";1e3;-3;\n'));
    expect(out.submission!.sheets[0].rows).toEqual([
      ['编号', '身份证号', '分数', '标记'],
      ['007', '110101199003071234', 85.5, 'TRUE'],
      ['0012', '1e3', -3],
    ]);
  });
});

describe('duplicate files', () => {
  it('the same bytes under two names have the same hash and are paired', async () => {
    const bytes = write(book({ name: 'S', aoa: [['姓名'], ['王毅']] }), 'xlsx');
    const a = await readWorkbook('张三交.xlsx', bytes);
    const b = await readWorkbook('李四交.xlsx', bytes.slice());
    const c = await readWorkbook('王五交.xlsx', write(book({ name: 'S', aoa: [['姓名'], ['李四']] }), 'xlsx'));
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(b.sha256).toBe(a.sha256);
    expect(c.sha256).not.toBe(a.sha256);
    const hashes = [a, b, c].map((o) => ({ file: o.submission!.file, hash: o.sha256! }));
    expect(findDuplicateFiles(hashes)).toEqual([{ file: '李四交.xlsx', sameAs: '张三交.xlsx' }]);
  });

  it('three copies name the first; files without a hash are ignored', () => {
    expect(
      findDuplicateFiles([
        { file: 'a', hash: 'h1' },
        { file: 'b', hash: 'h2' },
        { file: 'c', hash: 'h1' },
        { file: 'd', hash: '' },
        { file: 'e', hash: '' },
        { file: 'f', hash: 'h1' },
      ]),
    ).toEqual([
      { file: 'c', sameAs: 'a' },
      { file: 'f', sameAs: 'a' },
    ]);
  });

  it('blames the copy, not the original: a name without a copy ending is kept, whatever the order', () => {
    for (const copy of ['附表2-党员3 - 副本.xlsx', '附表2-党员3(1).xlsx', '附表2-党员3（1）.xlsx', '附表2-党员3 副本 2.xlsx', '附表2-党员3 - Copy.xlsx', '附表2-党员3副本.xlsx'])
      expect(findDuplicateFiles([{ file: copy, hash: 'h' }, { file: '附表2-党员3.xlsx', hash: 'h' }])).toEqual([{ file: copy, sameAs: '附表2-党员3.xlsx' }]);
  });

  it('with no name to go by, the earlier modified time is the original; without times, the order given', () => {
    expect(findDuplicateFiles([{ file: '张三交.xlsx', hash: 'h', modified: 2000 }, { file: '李四交.xlsx', hash: 'h', modified: 1000 }])).toEqual([{ file: '张三交.xlsx', sameAs: '李四交.xlsx' }]);
    expect(findDuplicateFiles([{ file: '张三交.xlsx', hash: 'h', modified: 2000 }, { file: '李四交.xlsx', hash: 'h' }])).toEqual([{ file: '李四交.xlsx', sameAs: '张三交.xlsx' }]);
    // The name outranks the time: the 副本 made later by hand may carry an older time.
    expect(findDuplicateFiles([{ file: 'a.xlsx', hash: 'h', modified: 2000 }, { file: 'a - 副本.xlsx', hash: 'h', modified: 1000 }])).toEqual([{ file: 'a - 副本.xlsx', sameAs: 'a.xlsx' }]);
  });

  it('a file counted in an earlier batch stays the one counted, even under a copy\'s name', () => {
    expect(findDuplicateFiles([{ file: 'a(1).xlsx', hash: 'h', settled: true }, { file: 'a.xlsx', hash: 'h' }])).toEqual([{ file: 'a.xlsx', sameAs: 'a(1).xlsx' }]);
  });

  it.each([
    ['附表2-党员3 - 副本.xlsx', '附表2-党员3.xlsx'],
    ['附表2-党员3 - 副本 (2).xlsx', '附表2-党员3.xlsx'],
    ['附表2-党员3(1).xlsx', '附表2-党员3.xlsx'],
    ['附表2-党员3 (2).xlsx', '附表2-党员3.xlsx'],
    ['附表2-党员3（1）.xlsx', '附表2-党员3.xlsx'],
    ['附表2-党员3-修改.xlsx', '附表2-党员3.xlsx'],
    ['附表2-党员3更正版.xls', '附表2-党员3.xls'],
    ['附表2-党员3（更正）.xlsx', '附表2-党员3.xlsx'],
    ['附表2-党员3 - 副本(1).xlsx', '附表2-党员3.xlsx'],
    ['一支部/评议票 copy.xlsx', '一支部/评议票.xlsx'],
    ['附表2-党员3.xlsx', null],
    ['附表2(第二党小组).xlsx', null],
    ['附表2-党员13.xlsx', null],
    ['修改.xlsx', null],
    ['(1).xlsx', null],
  ])('copyOriginalName(%s) = %s', (name, original) => expect(copyOriginalName(name)).toBe(original));

  it('a re-sent file (1)/修改 beside its original name with other bytes is named, once; a byte copy or another folder is not', () => {
    expect(
      findResentCopies([
        { file: '附表2-党员3 - 副本.xlsx', hash: 'h3' }, // byte copy: DUPLICATE_FILE's, not this
        { file: '附表2-党员3(1).xlsx', hash: 'h3b' },
        { file: '附表2-党员3.xlsx', hash: 'h3' },
        { file: '附表2-党员4-修改.xls', hash: 'h4b' }, // another format of the same name
        { file: '附表2-党员4.xlsx', hash: 'h4' },
        { file: '附表2-党员5(1).xlsx', hash: 'h5' }, // no 附表2-党员5 here
        { file: '01/评议票(1).xlsx', hash: 'x1' },
        { file: '02/评议票.xlsx', hash: 'x2' }, // another folder: another sender
      ]),
    ).toEqual([
      { file: '附表2-党员3(1).xlsx', original: '附表2-党员3.xlsx' },
      { file: '附表2-党员4-修改.xls', original: '附表2-党员4.xlsx' },
    ]);
  });

  it('unreadable files still get a hash, so a twice-sent broken file is found too', async () => {
    const out = await readWorkbook('坏.xlsx', new Uint8Array([1, 2, 3, 4, 5]));
    expect(out.submission).toBeNull();
    expect(out.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('limits', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_LIMITS).toEqual({
      maxBytes: 50 * 1024 * 1024,
      maxUncompressedBytes: 200 * 1024 * 1024,
      maxCells: 5_000_000,
      maxSheets: 200,
      maxRatio: 100,
    });
  });
});
