/**
 * Writing result sheets into the open workbook (the fake): what the sheets hold matches their
 * descriptions, strings stay text, syncs are a constant number per sheet, the user's sheets are
 * untouched byte for byte, a second run replaces only the add-in's sheets and keeps staff edits in
 * the 整改清单, and missing features or a busy or protected Excel give Chinese messages.
 */
import { CampaignResult, runCampaign } from '../../../core/engine';
import { GONE_MARK } from '../../../core/output/merge-rectification';
import { describeResultWorkbook } from '../../../core/output/describe-workbooks';
import { describeTemplates } from '../../../core/output/describe-templates';
import { CellDescription, STYLES, SheetDescription, cell } from '../../../core/output/sheet-description';
import { getPreset } from '../../../core/presets';
import { FakeExcel } from '../../../../tests/fakes/fake-excel';
import { ExcelHostError } from '../excel-errors';
import { ExcelWorkbookHost } from '../excel-host';
import { widthPoints } from '../render-sheet';
import { MARK_NAME, MARK_PROPERTY, decodeMark, textOfFormula } from '../sheet-marks';
import { BALLOTS, ROSTER, campaignWorkbook, rejection, schemeWithRectification } from './fixtures';

const FIVE_MB = 5 * 1024 * 1024;
const host = (fx: FakeExcel) => new ExcelWorkbookHost({ run: fx.run, supports: fx.supports });
const USER_SHEETS = [...BALLOTS.map((b) => b.sheet), '排名表'];

async function compute(fx: FakeExcel, h: ExcelWorkbookHost): Promise<CampaignResult> {
  const { sheets } = await h.readSheets(BALLOTS.map((b) => b.sheet));
  return runCampaign({ scheme: schemeWithRectification(), roster: ROSTER, submissions: [{ file: fx.workbookName, sheets }], today: '2026-12-01' });
}

function rectKey(r: { r1: number; c1: number; r2: number; c2: number }) {
  return `${r.r1},${r.c1},${r.r2},${r.c2}`;
}

/** Every property of the written sheet that the description fixes. */
function expectSheetMatches(fx: FakeExcel, name: string, d: SheetDescription, options: { validation: boolean; print: boolean }) {
  const s = fx.sheet(name);
  d.cells.forEach((row, r) =>
    row.forEach((c: CellDescription, col) => {
      const at = `${name}!R${r + 1}C${col + 1}`;
      const shown = s.shown(r, col);
      expect({ at, value: shown }).toEqual({ at, value: c.value === '' ? null : c.value });
      if (typeof c.value === 'string') expect({ at, format: s.format(r, col).numberFormat }).toEqual({ at, format: '@' });
      if (typeof c.value === 'number') expect({ at, format: s.format(r, col).numberFormat }).toEqual({ at, format: c.numberFormat ?? 'General' });
      if (c.style) {
        const st = STYLES[c.style];
        const f = s.format(r, col);
        expect({ at, font: [f.fontName, f.fontSize, f.bold], fill: f.fill, wrap: f.wrap, h: f.horizontal }).toEqual({
          at,
          font: [st.fontName, st.fontSize, st.bold],
          fill: st.fill ? `#${st.fill}` : null,
          wrap: st.wrap,
          h: { left: 'Left', center: 'Center', right: 'Right' }[st.horizontal],
        });
        const border = st.border === 'thin' ? 'Continuous/Thin/#000000' : null;
        expect({ at, borders: [f.top, f.bottom, f.left, f.right] }).toEqual({ at, borders: [border, border, border, border] });
      }
    }),
  );
  expect(s.table().length).toBeLessThanOrEqual(d.cells.length);
  expect(s.merges.map(rectKey).sort()).toEqual(d.merges.map(rectKey).sort());
  d.columns.forEach((c, i) => expect(s.columnWidths.get(i)).toBe(widthPoints(c.width)));
  for (const h of d.rowHeights) expect(s.rowHeights.get(h.row)).toBe(h.points);
  expect(s.freeze).toEqual(d.freeze && (d.freeze.rows || d.freeze.cols) ? d.freeze : null);
  if (options.validation)
    expect(s.validations.map((v) => [rectKey(v.rect), v.rule, v.errorAlert?.message, v.errorAlert?.style, v.ignoreBlanks])).toEqual(
      d.validations.map((v) => [
        rectKey(v.range),
        v.kind === 'list'
          ? { list: { inCellDropDown: true, source: v.values.join(',') } }
          : { [v.kind === 'whole' ? 'wholeNumber' : 'decimal']: { formula1: v.min, formula2: v.max, operator: 'Between' } },
        v.error,
        'Stop',
        true,
      ]),
    );
  else expect(s.validations).toEqual([]);
  if (options.print) {
    const p = d.print;
    expect(s.page).toMatchObject({
      paperSize: 'A4',
      orientation: p.orientation === 'landscape' ? 'Landscape' : 'Portrait',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      topMargin: p.margins.top * 72,
      leftMargin: p.margins.left * 72,
      centerHorizontally: p.horizontalCentered,
      // Each sheet numbered from 1, not on from the sheets before it.
      firstPageNumber: 1,
      printTitleRows: p.repeatRows ? `$${p.repeatRows.from + 1}:$${p.repeatRows.to + 1}` : null,
      centerFooter: p.footer ?? '',
    });
    expect(s.autoFilter && rectKey(s.autoFilter)).toBe(d.autoFilter ? rectKey(d.autoFilter) : null);
    // A break after row r is added above row r + 1 (the first row of the next page).
    expect(s.rowBreaks).toEqual((d.rowBreaks ?? []).map((r) => r + 1));
  } else {
    expect(s.page.paperSize).toBe('Letter');
    expect(s.rowBreaks).toEqual([]);
  }
}

describe('a result workbook written into Excel', () => {
  const fx = campaignWorkbook();
  const h = host(fx);
  let descriptions: SheetDescription[];
  let outcome: Awaited<ReturnType<ExcelWorkbookHost['writeSheets']>>;
  let syncs = 0;
  const before = new Map<string, string>();

  beforeAll(async () => {
    for (const n of USER_SHEETS) before.set(n, fx.snapshot(n));
    const result = await compute(fx, h);
    descriptions = describeResultWorkbook(result);
    const start = fx.syncCount;
    outcome = await h.writeSheets(descriptions);
    syncs = fx.syncCount - start;
  });

  it('writes every output, the 排名表 under a free name because the user has one', () => {
    expect(outcome.written).toEqual(['排名表(2)', '公示表', '整改清单', '统计表', '得分情况', '校验结果']);
    expect(outcome.renamed).toEqual([{ wanted: '排名表', used: '排名表(2)' }]);
    expect(outcome.degraded).toEqual([]);
    expect(fx.sheetNames()).toEqual([...USER_SHEETS, '排名表(2)', '公示表', '整改清单', '统计表', '得分情况', '校验结果']);
  });

  it('sheets hold the described values, formats, styles, widths, merges, dropdowns, frozen panes and print settings', () => {
    descriptions.forEach((d, i) => expectSheetMatches(fx, outcome.written[i], d, { validation: true, print: true }));
  });

  it('得分情况 (a long table on its own sheet) prints its title and header row on every page', () => {
    expect(fx.sheet('得分情况').page.printTitleRows).toBe('$1:$2');
    expect(fx.sheet('得分情况').shown(1, 0)).toBe('序号');
    expect(fx.sheet('统计表').page.printTitleRows).toBe('$1:$1');
  });

  it('writes the 整改清单\'s 整改时限 as a real date: the serial of 2026-12-31 (46387: 2026-01-01 is 46023, + 364) with the Chinese date format', () => {
    const s = fx.sheet('整改清单');
    expect(s.cell(3, 7)!.value).toBe(46387);
    expect(s.format(3, 7).numberFormat).toBe('yyyy"年"m"月"d"日"');
  });

  it('takes 2 syncs to take stock and 2 per sheet (write, swap in), whatever the sheets hold', () => {
    expect(syncs).toBe(2 + 2 * descriptions.length);
    // Calculation is suspended for every write sync.
    expect(fx.syncs.slice(-2 * descriptions.length).every((s) => s.calculationSuspended && s.screenUpdatingSuspended)).toBe(true);
  });

  it('marks its own sheets (custom property and hidden name) and lists them as its own', async () => {
    const s = fx.sheet('排名表(2)');
    expect(decodeMark(s.customProperties.get(MARK_PROPERTY)?.value)).toEqual({ v: 1, kind: 'ranking', name: '排名表(2)', wanted: '排名表', meta: { kind: 'ranking', schemeId: 'p4-middle-managers' } });
    expect(s.names.get(MARK_NAME.toLowerCase())?.visible).toBe(false);
    expect(decodeMark(textOfFormula(s.names.get(MARK_NAME.toLowerCase())?.formula))?.kind).toBe('ranking');
    const list = await h.listSheets();
    expect(list.find((x) => x.name === '排名表')).toEqual({ name: '排名表', ownedKind: null, visible: true });
    expect(list.find((x) => x.name === '整改清单')?.ownedKind).toBe('rectification');
  });

  it('leaves the user sheets byte for byte as they were, the user 排名表 included', () => {
    for (const n of USER_SHEETS) expect({ n, same: fx.snapshot(n) === before.get(n) }).toEqual({ n, same: true });
  });
});

/** Staff typing into the 整改清单 through Excel (the API, as a user's edit would arrive). */
async function type(fx: FakeExcel, sheet: string, address: string, value: string) {
  await fx.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
    await ctx.sync();
  });
}

describe('strings are written as text', () => {
  it('leading zeros, ISO dates, percent-like and formula-like text and a leading apostrophe survive exactly', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Sheet1');
    const texts = ['001', '2026-12-31', '50%', '=1+1', '+86 138', '-', "'单引号开头", 'TRUE', '#N/A'];
    const d: SheetDescription = {
      name: '名单',
      kind: 'publication',
      cells: [texts.map((t) => cell(t, 'cell')), [cell(1, 'number', { numberFormat: '0', text: '1' }), ...texts.slice(1).map(() => cell(null))]],
      columns: texts.map(() => ({ width: 10 })),
      rowHeights: [],
      merges: [],
      validations: [],
      print: { paper: 'A4', orientation: 'portrait', fitToWidth: true, margins: { top: 0.75, bottom: 0.75, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 }, horizontalCentered: true },
    };
    await host(fx).writeSheets([d]);
    const s = fx.sheet('名单');
    expect(texts.map((_, c) => s.shown(0, c))).toEqual(texts);
    expect(texts.map((_, c) => s.cell(0, c)!.formula ?? null)).toEqual(texts.map(() => null));
    expect(texts.map((_, c) => s.format(0, c).numberFormat)).toEqual(texts.map(() => '@'));
    expect([s.shown(1, 0), s.format(1, 0).numberFormat]).toEqual([1, '0']);
    // And they read back as the same strings.
    const { sheets } = await host(fx).readSheets(['名单']);
    expect(sheets[0].rows[0]).toEqual(texts);
  });
});

describe('a second write-back', () => {
  it('replaces only its own sheets, keeps the user sheets untouched and keeps staff edits to the 整改清单', async () => {
    const fx = campaignWorkbook();
    const h = host(fx);
    const snapshots = new Map(USER_SHEETS.map((n) => [n, fx.snapshot(n)]));
    await h.writeSheets(describeResultWorkbook(await compute(fx, h)));
    const position = fx.sheetNames().indexOf('整改清单');
    // Staff work on the list: measures for 张伟 (row 4), 丁小强's item closed with a date column they added.
    await type(fx, '整改清单', 'G4', '每月向党委报告整改进展');
    await type(fx, '整改清单', 'I4', '已销号');
    await type(fx, '整改清单', 'F5', '办公室主任');
    await type(fx, '整改清单', 'G5', '调整岗位');
    // Next run: a fourth 干部 ballot lifts 丁小强 out of 不称职 (his row disappears), 张伟 stays.
    fx.addSheet('干部3', [['干部岗位测评表'], ['测评人类别：干部'], ['姓名', '测评得分'], ['王芳', 90], ['李强', 80], ['张伟', 80], ['丁宁', 70], ['丁小强', 90]]);
    const { sheets } = await h.readSheets([...BALLOTS.map((b) => b.sheet), '干部3']);
    const result = runCampaign({ scheme: schemeWithRectification(), roster: ROSTER, submissions: [{ file: fx.workbookName, sheets }], today: '2026-12-01' });
    expect(result.rectification.map((r) => r.subject)).toEqual(['张伟']);
    const outcome = await h.writeSheets(describeResultWorkbook(result));

    expect(outcome.written).toEqual(['排名表(2)', '公示表', '整改清单', '统计表', '得分情况', '校验结果']);
    expect(outcome.renamed).toEqual([{ wanted: '排名表', used: '排名表(2)' }]);
    expect(fx.sheetNames().filter((n) => n.startsWith('整改清单') || n.startsWith('排名表'))).toEqual(['排名表', '排名表(2)', '整改清单']);
    expect(fx.sheetNames().indexOf('整改清单')).toBe(position);
    const s = fx.sheet('整改清单');
    expect(s.table().slice(3).map((row) => [row[1], row[5], row[6], row[8], String(row[10]).startsWith(GONE_MARK)])).toEqual([
      ['张伟', '张伟', '每月向党委报告整改进展', '已销号', false],
      ['丁小强', '办公室主任', '调整岗位', '整改中', true],
    ]);
    expect(s.validations.map((v) => rectKey(v.rect))).toEqual(['3,8,4,8']);
    for (const n of USER_SHEETS) expect({ n, same: fx.snapshot(n) === snapshots.get(n) }).toEqual({ n, same: true });
  });

  it('keeps an old 整改清单 whose table staff rebuilt beyond recognition, and writes the new one beside it', async () => {
    const fx = campaignWorkbook();
    const h = host(fx);
    const descriptions = describeResultWorkbook(await compute(fx, h));
    await h.writeSheets(descriptions);
    await type(fx, '整改清单', 'B3', '对象'); // the 被评议对象 header renamed
    const rebuilt = fx.snapshot('整改清单');
    const outcome = await h.writeSheets(descriptions);
    expect(fx.snapshot('整改清单')).toBe(rebuilt);
    // The kept sheet is the add-in's, not a clerk's in the way: said in notes, not as renamed.
    expect(outcome.renamed).toEqual([{ wanted: '排名表', used: '排名表(2)' }]);
    expect(outcome.written).toContain('整改清单(2)');
    expect(outcome.notes).toEqual(['原「整改清单」的表头已被改动，无法核对其中的整改记录，已原样保留；本次的整改清单写入了「整改清单(2)」。']);
    expect(outcome.degraded).toEqual([]);
  });

  it('never touches a user sheet that took the name of an output between runs', async () => {
    const fx = campaignWorkbook();
    const h = host(fx);
    await h.writeSheets(describeResultWorkbook(await compute(fx, h)));
    // The user deletes the add-in's 公示表 and makes their own of the same name.
    await fx.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('公示表').delete();
      ctx.workbook.worksheets.add('公示表').getRange('A1').values = [['我的公示表']];
      await ctx.sync();
    });
    const mine = fx.snapshot('公示表');
    const outcome = await h.writeSheets(describeResultWorkbook(await compute(fx, h)));
    expect(outcome.renamed).toContainEqual({ wanted: '公示表', used: '公示表(2)' });
    expect(fx.snapshot('公示表')).toBe(mine);
  });
});

describe('size', () => {
  /** A findings-like list of `rows` rows of `text`. */
  function list(rows: number, text: (r: number) => string): SheetDescription {
    const header = ['序号', '工作表', '说明'].map((x) => cell(x, 'header'));
    return {
      name: '校验结果',
      kind: 'findings',
      cells: [header, ...Array.from({ length: rows }, (_, r) => [cell(r + 1, 'center', { numberFormat: '0', text: String(r + 1) }), cell(`票${r % 50}`, 'center'), cell(text(r), 'wrap')])],
      columns: [{ width: 6 }, { width: 10 }, { width: 60 }],
      rowHeights: [],
      merges: [],
      validations: [],
      freeze: { rows: 1, cols: 0 },
      print: { paper: 'A4', orientation: 'portrait', fitToWidth: true, margins: { top: 0.75, bottom: 0.75, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 }, horizontalCentered: true },
    };
  }

  it('writes 100 or 5,000 rows in the same number of syncs', async () => {
    const counts = [];
    const operations = [];
    for (const rows of [100, 5000]) {
      const fx = new FakeExcel();
      fx.addSheet('Sheet1');
      const start = fx.syncCount;
      await host(fx).writeSheets([list(rows, (r) => `第 ${r} 行：姓名写法与名册不同`)]);
      counts.push(fx.syncCount - start);
      operations.push(fx.syncs.map((s) => s.operations));
      expect(fx.sheet('校验结果').shown(rows, 2)).toBe(`第 ${rows - 1} 行：姓名写法与名册不同`);
    }
    expect(counts).toEqual([4, 4]);
    // The same operations too: whole-range arrays and one range per style rectangle, no proxy per row.
    expect(operations[1]).toEqual(operations[0]);
  });

  it('splits long texts over syncs so that no request exceeds 5 MB', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Sheet1');
    const text = (r: number) => `${'存在问题说明'.repeat(200)}${r}`; // 1,200+ characters, 3.6 KB each
    await host(fx).writeSheets([list(2500, text)]);
    expect(fx.violations).toEqual([]);
    expect(Math.max(...fx.syncs.map((s) => s.requestBytes))).toBeLessThan(FIVE_MB);
    expect(fx.syncCount).toBeGreaterThan(5);
    const s = fx.sheet('校验结果');
    expect(s.shown(2500, 2)).toBe(text(2499));
    expect(s.shown(1, 2)).toBe(text(0));
  });
});

describe('templates', () => {
  it('protects a template with its entry cells unlocked, after writing everything else', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Sheet1');
    const [t] = describeTemplates(getPreset('p4-middle-managers'), ROSTER);
    const outcome = await host(fx).writeSheets([t]);
    const s = fx.sheet(outcome.written[0]);
    expectSheetMatches(fx, outcome.written[0], t, { validation: true, print: true });
    expect(s.protection).toMatchObject({ protected: true, options: { allowFormatColumns: true, allowFormatRows: true }, password: null });
    for (const u of t.protection!.unlocked) expect(s.format(u.r1, u.c1).locked).toBe(false);
    expect(s.format(0, 0).locked).toBe(true);
    expect(decodeMark(s.customProperties.get(MARK_PROPERTY)?.value)?.meta).toEqual(t.meta);
  });

  it('a 计票汇总表 takes whole numbers of votes only (13.5 is refused where it is typed)', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Sheet1');
    const [t] = describeTemplates(getPreset('p5-party-members'), ROSTER, { counts: true });
    const outcome = await host(fx).writeSheets([t]);
    expectSheetMatches(fx, outcome.written[0], t, { validation: true, print: true });
    const rules = fx.sheet(outcome.written[0]).validations.map((v) => Object.keys(v.rule ?? {})[0]);
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every((k) => k === 'wholeNumber')).toBe(true);
  });
});

describe('manual page breaks', () => {
  it('a 附表3 of 30 window posts: each break added above the first row of the next page, before protection', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Sheet1');
    const roster = Array.from({ length: 30 }, (_, i) => ({ name: `窗口${i + 1}`, window: true }));
    const t = describeTemplates(getPreset('p5-party-members'), roster).find((d) => d.meta?.formId === 'window-satisfaction')!;
    expect(t.rowBreaks?.length).toBeGreaterThan(0);
    const outcome = await host(fx).writeSheets([t]);
    expectSheetMatches(fx, outcome.written[0], t, { validation: true, print: true });
    expect(fx.sheet(outcome.written[0]).rowBreaks).toEqual(t.rowBreaks!.map((r) => r + 1));
    expect(fx.violations).toEqual([]);
  });
});

describe('below the optional requirement sets', () => {
  it('at ExcelApi 1.7 writes values, styles, merges and frozen panes, and says in Chinese what it could not set', async () => {
    const fx = campaignWorkbook({ excelApi: '1.7' });
    const h = host(fx);
    const snapshots = new Map(USER_SHEETS.map((n) => [n, fx.snapshot(n)]));
    const descriptions = describeResultWorkbook(await compute(fx, h));
    const outcome = await h.writeSheets(descriptions);
    descriptions.forEach((d, i) => expectSheetMatches(fx, outcome.written[i], d, { validation: false, print: false }));
    expect(outcome.degraded).toEqual([
      expect.stringMatching(/不支持以接口设置筛选（需 ExcelApi 1\.9）.*「排名表\(2\)」「整改清单」「校验结果」/),
      expect.stringMatching(/不支持页面设置（需 ExcelApi 1\.9）.*「排名表\(2\)」「公示表」「整改清单」「统计表」「得分情况」「校验结果」/),
      expect.stringMatching(/不支持数据验证（需 ExcelApi 1\.8）.*「整改清单」/),
    ]);
    // No custom properties below 1.12: the hidden name marks the sheets, and a re-run recognises them.
    expect(fx.sheet('整改清单').customProperties.size).toBe(0);
    expect((await h.listSheets()).filter((s) => s.ownedKind).map((s) => s.name)).toEqual(outcome.written);
    const again = await h.writeSheets(descriptions);
    expect(again.written).toEqual(outcome.written);
    for (const n of USER_SHEETS) expect(fx.snapshot(n)).toBe(snapshots.get(n));
  });

  it('a workbook written by a newer Excel is still recognised by an older one', async () => {
    const fx = campaignWorkbook({ excelApi: '1.13' });
    const h = host(fx);
    const descriptions = describeResultWorkbook(await compute(fx, h));
    await h.writeSheets(descriptions);
    const older = new FakeExcel({ excelApi: '1.8' });
    older.sheets = fx.sheets;
    const outcome = await host(older).writeSheets(descriptions);
    expect(outcome.written).toEqual(['排名表(2)', '公示表', '整改清单', '统计表', '得分情况', '校验结果']);
  });

  it('below ExcelApi 1.7 refuses with a clear message and changes nothing', async () => {
    const fx = campaignWorkbook({ excelApi: '1.6' });
    const h = host(fx);
    await expect(h.readSheets(['干部1'])).rejects.toThrow(/Excel 版本过旧.*ExcelApi 1\.7/);
    await expect(h.writeSheets([])).rejects.toMatchObject({ code: 'ApiTooOld' });
    expect(fx.syncCount).toBe(0);
  });
});

describe('Excel busy or protected', () => {

  it('in cell-edit mode: a Chinese message saying to press Enter or Esc, nothing written', async () => {
    const fx = campaignWorkbook();
    const h = host(fx);
    const descriptions = describeResultWorkbook(await compute(fx, h));
    const names = fx.sheetNames();
    fx.editMode = true;
    const e = await rejection(h.writeSheets(descriptions));
    expect(e).toBeInstanceOf(ExcelHostError);
    expect(e.code).toBe('InvalidOperationInCellEditMode');
    expect(e.message).toBe('Excel 正在编辑单元格，无法写入结果。请先按 Enter 或 Esc 结束编辑，再点一次。');
    expect((await rejection(h.readSheets(['干部1']))).message).toMatch(/正在编辑单元格，无法读取工作表/);
    fx.editMode = false;
    expect(fx.sheetNames()).toEqual(names);
  });

  it('a protected workbook structure: a Chinese message, nothing written', async () => {
    const fx = campaignWorkbook();
    const h = host(fx);
    const descriptions = describeResultWorkbook(await compute(fx, h));
    fx.workbookProtected = true;
    const e = await rejection(h.writeSheets(descriptions));
    expect([e.code, e.message]).toEqual(['WorkbookProtected', expect.stringMatching(/^工作簿结构受保护（“审阅 → 保护工作簿”）/)]);
    expect(fx.sheetNames()).toEqual([...USER_SHEETS]);
  });

  it('protection Excel reports half-way (AccessDenied): a Chinese message, the half-written sheet removed, old sheets intact', async () => {
    const fx = campaignWorkbook();
    const h = host(fx);
    const descriptions = describeResultWorkbook(await compute(fx, h));
    await h.writeSheets(descriptions);
    const snapshots = new Map(fx.sheetNames().map((n) => [n, fx.snapshot(n)]));
    const start = fx.syncCount;
    // Someone protects the sheet being replaced's workbook between our first look and the swap.
    fx.beforeSync = (n) => {
      if (n === start + 4) fx.workbookProtected = true;
      if (n > start + 4) fx.workbookProtected = false;
    };
    const e = await rejection(h.writeSheets(descriptions));
    fx.beforeSync = null;
    expect([e.code, e.message]).toEqual(['AccessDenied', '工作表或工作簿受保护，无法写入结果。请在“审阅”选项卡中撤销保护后重试。工作簿中原有的工作表都未改动。']);
    expect(fx.sheetNames()).toEqual([...snapshots.keys()]);
    for (const [n, snap] of snapshots) expect({ n, same: fx.snapshot(n) === snap }).toEqual({ n, same: true });
  });

  it('if the old sheet vanishes just before the swap, the new complete sheet still takes its name', async () => {
    const fx = campaignWorkbook();
    const h = host(fx);
    const descriptions = describeResultWorkbook(await compute(fx, h));
    await h.writeSheets(descriptions);
    const start = fx.syncCount;
    fx.beforeSync = (n) => {
      if (n === start + 4) fx.sheet('排名表(2)').deleted = true; // the user deletes it meanwhile
    };
    const e = await rejection(h.writeSheets(descriptions));
    fx.beforeSync = null;
    expect(e.code).toBe('ItemNotFound');
    expect(fx.sheetNames().filter((n) => n.startsWith('评议通写入中'))).toEqual([]);
    expect(fx.sheet('排名表(2)').shown(0, 0)).toBe(descriptions[0].cells[0][0].value);
  });

  it('an old 整改清单 a user protected is still read, merged and replaced', async () => {
    const fx = campaignWorkbook();
    const h = host(fx);
    const descriptions = describeResultWorkbook(await compute(fx, h));
    await h.writeSheets(descriptions);
    await type(fx, '整改清单', 'G4', '专题组织生活会');
    fx.sheet('整改清单').protection = { protected: true, options: {}, password: 'x' };
    await h.writeSheets(descriptions);
    expect(fx.sheet('整改清单').shown(3, 6)).toBe('专题组织生活会');
    expect(fx.sheet('整改清单').protection.protected).toBe(false);
  });
});

describe('selecting a finding', () => {
  it('activates the sheet and selects the cell; a missing or hidden sheet gives a Chinese message', async () => {
    const fx = campaignWorkbook();
    fx.addSheet('隐藏', [], { visibility: 'Hidden' });
    const h = host(fx);
    await h.selectCell('干部2', 'B7');
    expect([fx.activeSheet?.name, fx.selection]).toEqual(['干部2', '干部2!B7']);
    await expect(h.selectCell('没有', 'A1')).rejects.toThrow('找不到工作表「没有」，可能已被改名或删除。');
    await expect(h.selectCell('隐藏', 'A1')).rejects.toThrow(/已隐藏/);
    await expect(h.selectCell('干部2', 'B0')).rejects.toThrow(/地址「B0」无效/);
  });
});
