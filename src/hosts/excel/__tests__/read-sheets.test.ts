/**
 * Reading the open workbook into grids: every kind of cell the engine distinguishes, merged areas,
 * and a number of syncs that depends on the size of the data, never on the number of rows — all
 * against the strict fake (tests/fakes/fake-excel.ts), which counts syncs and refuses requests and
 * responses over Excel on the web's 5 MB.
 */
import { runCampaign } from '../../../core/engine';
import { getPreset } from '../../../core/presets';
import { FakeExcel, FakeInput } from '../../../../tests/fakes/fake-excel';
import { ExcelWorkbookHost } from '../excel-host';
import { BALLOTS, DATE_SERIAL, ROSTER, TITLE_MERGE, campaignWorkbook, scoreRows } from './fixtures';

const host = (fx: FakeExcel, extra: Partial<ConstructorParameters<typeof ExcelWorkbookHost>[0]> = {}) => new ExcelWorkbookHost({ run: fx.run, supports: fx.supports, ...extra });

const FIVE_MB = 5 * 1024 * 1024;

describe('cells into grids', () => {
  const fx = new FakeExcel();
  // A table that starts at B3 (the used range does not start at A1).
  fx.addSheet(
    '说明',
    [
      [],
      [],
      [null, '标题（合并）', null, null],
      [null, '数字', 3.5, true],
      [null, '公式', { formula: '=SUM(C4:C4)', value: 3.5 }, { formula: '=VLOOKUP(B1,C:C,1,0)', error: '#N/A' }],
      [null, '错误', { error: '#DIV/0!' }, { value: '=1+1', quotePrefix: true }],
      [null, '日期', { value: DATE_SERIAL + 0.5, numberFormat: 'yyyy-mm-dd hh:mm' }, { value: 0.75, numberFormat: 'hh:mm' }],
      [null, '文本', '001', { value: 42, numberFormat: '0.00' }],
      [],
      [null, null, null, '最后一格'],
    ],
    { merges: [{ r1: 2, c1: 1, r2: 2, c2: 3 }, { r1: 8, c1: 1, r2: 9, c2: 2 }] },
  );

  it('gives values, formulas with cached values, error values and dates as the file host does, at sheet coordinates', async () => {
    const { sheets, findings } = await host(fx).readSheets(['说明']);
    expect(findings).toEqual([]);
    expect(sheets[0].rows).toEqual([
      [],
      [],
      [null, '标题（合并）'],
      [null, '数字', 3.5, true],
      [null, '公式', { formula: 'SUM(C4:C4)', value: 3.5 }, { formula: 'VLOOKUP(B1,C:C,1,0)', error: '#N/A' }],
      [null, '错误', { error: '#DIV/0!' }, '=1+1'],
      [null, '日期', '2026-11-20 12:00', '18:00'],
      [null, '文本', '001', 42],
      [],
      [null, null, null, '最后一格'],
    ]);
    expect(sheets[0].merges).toEqual(expect.arrayContaining([{ r1: 2, c1: 1, r2: 2, c2: 3 }, { r1: 8, c1: 1, r2: 9, c2: 2 }]));
    expect(sheets[0].merges).toHaveLength(2);
  });

  it('never changes the workbook while reading', async () => {
    const before = fx.snapshot('说明');
    await host(fx).readSheets(['说明']);
    expect(fx.snapshot('说明')).toBe(before);
  });

  it('reports a sheet that is not there, naming the workbook and sheet', async () => {
    const { sheets, findings } = await host(fx).readSheets(['说明', '不存在']);
    expect(sheets.map((s) => s.name)).toEqual(['说明']);
    expect(findings).toEqual([expect.objectContaining({ code: 'FILE_UNREADABLE', file: '评议工作簿.xlsx', sheet: '不存在' })]);
  });

  it('reads an empty sheet as an empty grid', async () => {
    const f = new FakeExcel();
    f.addSheet('空表');
    const { sheets } = await host(f).readSheets(['空表']);
    expect(sheets).toEqual([{ name: '空表', rows: [], merges: [] }]);
  });
});

describe('the engine computes from what the Excel host reads', () => {
  it('scores, tiers and cell addresses of findings come out of the grids', async () => {
    const fx = campaignWorkbook();
    const { sheets } = await host(fx).readSheets(BALLOTS.map((b) => b.sheet));
    expect(sheets[0].merges).toEqual([TITLE_MERGE]);
    expect(sheets[0].rows[2]).toEqual(['评议时间', '2026-11-20']);
    const result = runCampaign({ scheme: getPreset('p4-middle-managers'), roster: ROSTER, submissions: [{ file: '评议工作簿.xlsx', sheets }], today: '2026-12-01' });
    const by = (n: string) => result.subjects.find((s) => s.name === n)!;
    expect([by('王芳').scoreText, by('王芳').tier]).toEqual(['90.00', '优秀']);
    expect([by('李强').scoreText, by('李强').tier]).toEqual(['80.00', '称职']);
    expect([by('张伟').scoreText, by('张伟').tier]).toEqual(['80.00', '不称职']); // 一票否决
    expect([by('丁小强').scoreText, by('丁小强').tier]).toEqual(['60.00', '不称职']);
    expect(by('赵六').tier).toBeNull();
    expect(result.findings.filter((f) => f.code === 'NAME_NORMALISED' && f.sheet === '干部1').map((f) => f.cell)).toEqual(['A5', 'A6', 'A7', 'A8', 'A10']);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('a formula or an error value where a score belongs is reported at its cell, not counted', async () => {
    const fx = campaignWorkbook();
    fx.addSheet('干部3', scoreRows('干部', [{ formula: '=80+10', value: 90 }, { formula: '=NA()', error: '#N/A' }, 80, 70, 60, null]));
    const { sheets } = await host(fx).readSheets(['干部1', '干部3']);
    const result = runCampaign({ scheme: getPreset('p4-middle-managers'), roster: ROSTER, submissions: [{ file: '评议工作簿.xlsx', sheets }], today: '2026-12-01' });
    const errors = result.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.sheet, f.cell]);
    expect(errors).toEqual(expect.arrayContaining([['FORMULA_IN_ENTRY', '干部3', 'B5'], ['ERROR_VALUE', '干部3', 'B6']]));
  });
});

/** A sheet of `rows` ballot-like rows: name, four marks or scores. */
function bigSheet(rows: number, cell: (r: number, c: number) => FakeInput = (r, c) => (c === 0 ? `张${r % 97}` : (r + c) % 3 === 0 ? '√' : null)): FakeInput[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: 5 }, (_, c) => cell(r, c)));
}

async function readCounting(rows: FakeInput[][], options: ConstructorParameters<typeof FakeExcel>[0] = {}, extra = {}) {
  const fx = new FakeExcel(options);
  fx.addSheet('票', rows);
  const out = await host(fx, extra).readSheets(['票']);
  return { fx, out };
}

describe('sync pattern and block sizing', () => {
  it('takes the same number of syncs for 100 rows as for 5,000 rows (one band)', async () => {
    const small = await readCounting(bigSheet(100));
    const large = await readCounting(bigSheet(5000));
    // names, used ranges, sample, one band
    expect(small.fx.syncCount).toBe(4);
    expect(large.fx.syncCount).toBe(small.fx.syncCount);
    // ... and the same operations: no proxy per row or cell.
    expect(large.fx.syncs.map((x) => x.operations)).toEqual(small.fx.syncs.map((x) => x.operations));
    expect(large.out.sheets[0].rows).toHaveLength(5000);
    expect(large.out.sheets[0].rows[4999][0]).toBe(`张${4999 % 97}`);
  });

  it('grows only with bands for 60,000 rows, each response under 5 MB and each read under 1,000,000 cells', async () => {
    const { fx, out } = await readCounting(bigSheet(60000, (r, c) => (c === 0 ? `被评议人${r}` : r * 10 + c)));
    const bands = fx.syncCount - 3;
    expect(bands).toBeGreaterThan(1);
    const bytes = fx.syncs.slice(3).reduce((n, s) => n + s.responseBytes, 0);
    // Bands are filled to about the target: no more than twice as many as the bytes need.
    expect(bands).toBeLessThanOrEqual(Math.ceil(bytes / 1_000_000) + 1);
    expect(fx.violations).toEqual([]);
    for (const s of fx.syncs) {
      expect(s.responseBytes).toBeLessThan(FIVE_MB);
      expect(s.maxCellsRead).toBeLessThanOrEqual(1_000_000);
    }
    const rows = out.sheets[0].rows;
    expect(rows).toHaveLength(60000);
    expect(rows[59999]).toEqual(['被评议人59999', 599991, 599992, 599993, 599994]);
    expect(rows[31337][0]).toBe('被评议人31337');
  });

  it('reads long texts in as many syncs as their size needs, none over 5 MB', async () => {
    const long = (r: number, c: number) => `${'评议意见'.repeat(125)}${r}-${c}`; // 500+ characters, 1.5 KB each
    const { fx, out } = await readCounting(bigSheet(3000, long));
    expect(fx.violations).toEqual([]);
    expect(Math.max(...fx.syncs.map((s) => s.responseBytes))).toBeLessThan(FIVE_MB);
    expect(Math.max(...fx.syncs.map((s) => s.requestBytes))).toBeLessThan(FIVE_MB);
    expect(fx.syncCount).toBeGreaterThan(6); // ~45 MB of values and formulas cannot come in one
    expect(out.sheets[0].rows[2999][4]).toBe(long(2999, 4));
    expect(out.sheets[0].rows[1234][2]).toBe(long(1234, 2));
  });

  it('halves and re-reads bands when Excel refuses a response the sample did not foresee, losing nothing', async () => {
    // Short cells everywhere the sample looks; a run of long texts between sampled rows.
    const cell = (r: number, c: number) => (r >= 301 && r <= 318 ? `${'长'.repeat(3000)}${r}` : `${r}-${c}`);
    const { fx, out } = await readCounting(bigSheet(2000, cell), { responseByteLimit: 400_000 }, { readLimits: { responseBytes: 250_000 } });
    expect(fx.violations.length).toBeGreaterThan(0); // Excel refused at least once ...
    const rows = out.sheets[0].rows;
    expect(rows).toHaveLength(2000); // ... and every row arrived, in place
    expect(rows[310][3]).toBe(cell(310, 3));
    expect(rows[1999][0]).toBe('1999-0');
  });

  it('several small sheets share one band sync', async () => {
    const fx = new FakeExcel();
    for (let i = 1; i <= 8; i++) fx.addSheet(`票${i}`, bigSheet(30));
    const { sheets } = await host(fx).readSheets(Array.from({ length: 8 }, (_, i) => `票${i + 1}`));
    expect(sheets).toHaveLength(8);
    expect(fx.syncCount).toBe(4);
  });
});

describe('below ExcelApi 1.13', () => {
  it('reads values without merged areas and says so in Chinese', async () => {
    const fx = campaignWorkbook({ excelApi: '1.12' });
    const h = host(fx);
    const { sheets } = await h.readSheets(['干部1']);
    expect(sheets[0].merges).toEqual([]);
    expect(sheets[0].rows[4]).toEqual(['王\u3000芳', 88]);
    expect(h.readNotes.join('')).toMatch(/无法读取合并单元格（需 ExcelApi 1\.13）/);
  });
});
