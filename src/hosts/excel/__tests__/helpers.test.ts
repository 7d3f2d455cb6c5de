/** The Excel host's pure helpers: addresses, rectangles, marks, cell conversion, error messages. */
import { cellA1, columnLetters, parseAreaList, parseCellA1, rangeA1 } from '../a1';
import { isDateFormat, serialToDate, toCellValue } from '../cell-values';
import { ExcelHostError, excelErrorMessage, isSizeLimit, toExcelHostError } from '../excel-errors';
import { textForExcel, widthPoints } from '../render-sheet';
import { FEATURES, MIN_EXCEL_API, hasFeature, meetsMinimum } from '../requirements';
import { decodeMark, encodeMark, textFormula, textOfFormula } from '../sheet-marks';
import { groupRectangles, runs } from '../style-areas';

describe('A1 addresses', () => {
  it('converts both ways', () => {
    expect([columnLetters(0), columnLetters(25), columnLetters(26), columnLetters(16383)]).toEqual(['A', 'Z', 'AA', 'XFD']);
    expect([cellA1(0, 0), rangeA1({ r1: 2, c1: 1, r2: 4, c2: 27 }), rangeA1({ r1: 3, c1: 3, r2: 3, c2: 3 })]).toEqual(['A1', 'B3:AB5', 'D4']);
    expect([parseCellA1('$B$7'), parseCellA1('B0'), parseCellA1('XFE1')]).toEqual([{ r: 6, c: 1 }, null, null]);
  });

  it('reads the areas of a RangeAreas address, whatever the sheet name holds', () => {
    expect(parseAreaList("Sheet1!A1:B2, Sheet1!D4")).toEqual([
      { r1: 0, c1: 0, r2: 1, c2: 1 },
      { r1: 3, c1: 3, r2: 3, c2: 3 },
    ]);
    expect(parseAreaList("'排名, 表!A1'!$C$3:$D$4,'排名, 表!A1'!F9")).toEqual([
      { r1: 2, c1: 2, r2: 3, c2: 3 },
      { r1: 8, c1: 5, r2: 8, c2: 5 },
    ]);
  });
});

describe('grouping cells by style', () => {
  it('stacks equal runs into rectangles: a table body is one rectangle per column style, not one per cell', () => {
    const grid = [
      ['t', 't', 't'],
      ['h', 'h', 'h'],
      ['c', 'n', 'n'],
      ['c', 'n', 'n'],
      ['c', 'n', 'n'],
      [undefined, 'x', undefined],
    ];
    const g = groupRectangles(grid.length, 3, (r, c) => grid[r][c]);
    expect(Object.fromEntries(g)).toEqual({
      t: [{ r1: 0, c1: 0, r2: 0, c2: 2 }],
      h: [{ r1: 1, c1: 0, r2: 1, c2: 2 }],
      c: [{ r1: 2, c1: 0, r2: 4, c2: 0 }],
      n: [{ r1: 2, c1: 1, r2: 4, c2: 2 }],
      x: [{ r1: 5, c1: 1, r2: 5, c2: 1 }],
    });
    // Every styled cell is covered exactly once.
    const covered = new Map<string, number>();
    for (const rects of g.values()) for (const x of rects) for (let r = x.r1; r <= x.r2; r++) for (let c = x.c1; c <= x.c2; c++) covered.set(`${r},${c}`, (covered.get(`${r},${c}`) ?? 0) + 1);
    expect([...covered.values()].every((n) => n === 1)).toBe(true);
    expect(covered.size).toBe(grid.flat().filter((x) => x !== undefined).length);
  });

  it('finds runs of equal widths', () => {
    expect(runs([6, 10, 10, 10, 6])).toEqual([
      [0, 0, 6],
      [1, 3, 10],
      [4, 4, 6],
    ]);
  });
});

describe('ownership mark', () => {
  it('round-trips through a text-constant formula in pieces of at most 255 characters', () => {
    const mark = { v: 1 as const, kind: 'template', name: '附表2"优秀"', wanted: '附表2"优秀"', meta: { formId: 'x'.repeat(600), note: '"'.repeat(300) } };
    const f = textFormula(encodeMark(mark));
    const pieces = [...f.slice(1).matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]);
    expect(pieces.length).toBeGreaterThan(3);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(255);
    expect(decodeMark(textOfFormula(f))).toEqual(mark);
  });

  it('ignores what is not its mark', () => {
    expect([decodeMark('x'), decodeMark('{"v":2}'), decodeMark(null), textOfFormula('=A1')]).toEqual([null, null, null, null]);
  });
});

describe('cells from Excel', () => {
  it('recognises date formats, not number formats', () => {
    expect(['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', 'hh:mm', '[h]:mm', '[$-804]aaaa yyyy/m/d', 'm/d/yy'].map(isDateFormat)).toEqual([true, true, true, true, true, true]);
    expect(['General', '0.00', '0.00%', '@', '#,##0', '0.00E+00', '[Red]0.00', '"m"0'].map(isDateFormat)).toEqual([false, false, false, false, false, false, false, false]);
    expect(serialToDate(1).toISOString().slice(0, 10)).toBe('1900-01-01');
    expect(serialToDate(61).toISOString().slice(0, 10)).toBe('1900-03-01');
  });

  it('keeps a text that starts with "=" as text, and a formula as a formula', () => {
    expect(toCellValue('=1+1', '=1+1', 'String', '@')).toBe('=1+1');
    expect(toCellValue(2, '=1+1', 'Integer', 'General')).toEqual({ formula: '1+1', value: 2 });
    expect(toCellValue('#N/A', '=NA()', 'Error', 'General')).toEqual({ formula: 'NA()', error: '#N/A' });
    expect(toCellValue('', '', 'Empty', 'General')).toBeNull();
  });
});

describe('writing helpers', () => {
  it('quotes only the strings Excel would not keep as typed', () => {
    expect([textForExcel('=1+1', true), textForExcel("'x", undefined), textForExcel('001', undefined)]).toEqual(["'=1+1", "''x", '001']);
  });

  it('converts character widths to points (10 characters = 75 px = 56.25 pt)', () => {
    expect(widthPoints(10)).toBe(56.25);
  });
});

describe('requirement sets and errors', () => {
  it('asks the injected supports() for each feature', () => {
    const asked: string[] = [];
    const supports = (set: string, v: string) => (asked.push(`${set} ${v}`), v === '1.7');
    expect(meetsMinimum(supports)).toBe(true);
    expect(hasFeature(supports, 'dataValidation')).toBe(false);
    expect(asked).toEqual([`ExcelApi ${MIN_EXCEL_API}`, `ExcelApi ${FEATURES.dataValidation.version}`]);
  });

  it('maps Excel error codes to Chinese messages in one place', () => {
    expect(excelErrorMessage('InvalidOperationInCellEditMode', '读取工作表')).toBe('Excel 正在编辑单元格，无法读取工作表。请先按 Enter 或 Esc 结束编辑，再点一次。');
    expect(excelErrorMessage('AccessDenied', '写入结果')).toMatch(/^工作表或工作簿受保护，无法写入结果/);
    expect(excelErrorMessage('ApiNotFound')).toMatch(/版本过旧.*ExcelApi 1\.7/);
    expect(excelErrorMessage('SomethingNew', '写入结果')).toMatch(/错误代码 SomethingNew/);
    const e = toExcelHostError({ code: 'ResponsePayloadSizeLimitExceeded', message: 'x' }, '读取');
    expect(e).toBeInstanceOf(ExcelHostError);
    expect([e.code, e.message]).toEqual(['ResponsePayloadSizeLimitExceeded', expect.stringMatching(/超出 Excel 单次传输的上限/)]);
    expect(isSizeLimit({ code: 'RangeExceedsLimit' })).toBe(true);
    expect(toExcelHostError(new TypeError('boom'), '读取').message).toBe('评议通内部错误，无法读取：boom');
  });
});
