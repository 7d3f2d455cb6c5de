/** The description model's helpers: formula-safe cells, sheet names, widths, and the soundness check. */
import { SheetBuilder } from '../sheet-builder';
import {
  STYLES,
  SheetDescription,
  cell,
  checkSheetDescription,
  displayWidth,
  isValidSheetName,
  looksLikeFormula,
  uniqueSheetName,
  workbookFileName,
} from '../sheet-description';

describe('cell: the one helper every describer uses', () => {
  it.each(['=1+1', '+8613800000000', '-5', '@SUM(A1)', '\t=x', '=HYPERLINK("http://x")'])('marks %j formula-safe, keeping the value', (v) => {
    expect(cell(v, 'cell')).toEqual({ value: v, style: 'cell', formulaSafe: true });
  });

  it.each(['王芳', '1+1', 'a=b', '（=）', '—', ''])('leaves %j alone', (v) => {
    expect(cell(v).formulaSafe).toBeUndefined();
  });

  it('never marks numbers, and refuses NaN and infinities', () => {
    expect(cell(-5, 'number')).toEqual({ value: -5, style: 'number' });
    expect(() => cell(Number.NaN)).toThrow();
    expect(() => cell(Infinity)).toThrow();
    expect(looksLikeFormula('-')).toBe(true);
  });
});

describe('sheet names', () => {
  it('replaces forbidden characters, trims quotes, keeps 31 units and makes names unique without regard to case', () => {
    const taken = new Set<string>();
    expect(uniqueSheetName('a/b:c*d?e[f]g\\h', taken)).toBe('a／b：c＊d？e［f］g＼h');
    expect(uniqueSheetName("'引号'", taken)).toBe('引号');
    const long = '党支部开展创先争优活动群众评议表党支部开展创先争优活动群众评议表';
    const a = uniqueSheetName(long, taken, '（党员·机关党支部）');
    expect(a.length).toBeLessThanOrEqual(31);
    expect(a.endsWith('（党员·机关党支部）')).toBe(true);
    const b = uniqueSheetName(long, taken, '（党员·机关党支部）');
    expect(b).not.toBe(a);
    expect(b.length).toBeLessThanOrEqual(31);
    expect(b.endsWith('(2)')).toBe(true);
    expect(uniqueSheetName('sheet', new Set(['SHEET']))).toBe('sheet(2)');
    expect(uniqueSheetName('History', new Set())).toBe('History(2)');
    expect(uniqueSheetName('', new Set())).toBe('Sheet');
    const longTail = uniqueSheetName('窗口服务岗位群众满意度测评表', new Set(), `（${'很长的测评人类别名称'.repeat(5)}）`);
    expect(longTail.length).toBeLessThanOrEqual(31);
    expect(longTail.startsWith('窗口服务岗位群众')).toBe(true);
    for (const n of taken) expect(isValidSheetName(n)).toBe(true);
  });

  it('never splits a character outside the BMP', () => {
    const name = uniqueSheetName('𠀀'.repeat(20), new Set());
    expect(name.length).toBeLessThanOrEqual(31);
    expect([...name].every((ch) => ch === '𠀀')).toBe(true);
  });

  it('checks names', () => {
    expect(isValidSheetName('排名表')).toBe(true);
    expect(isValidSheetName('a'.repeat(32))).toBe(false);
    expect(isValidSheetName('a:b')).toBe(false);
    expect(isValidSheetName("'a")).toBe(false);
    expect(isValidSheetName('')).toBe(false);
  });
});

describe('workbook file names (not cut to a sheet name\'s 31 characters)', () => {
  it('keeps the whole name, writing the characters Windows refuses full-width (a slash as 、)', () => {
    const full = '党支部开展创先争优活动群众评议表（党员·中共某某市某某区某某街道幸福里社区第一党支部委员会）';
    expect(workbookFileName(full)).toBe(`${full}.xlsx`);
    expect(workbookFileName('干部50%/员工50%\\a:b*c?d"e<f>g|h')).toBe('干部50%、员工50%、a：b＊c？d＂e＜f＞g｜h.xlsx');
  });

  it('drops control characters and trailing dots and spaces; a device name (CON) or nothing gets a _', () => {
    expect(workbookFileName(' 表\u0001名. . ')).toBe('表名.xlsx');
    expect(workbookFileName('con')).toBe('con_.xlsx');
    expect(workbookFileName('')).toBe('_.xlsx');
    expect(workbookFileName('结果', '.json')).toBe('结果.json');
  });

  it('cuts at 120 characters with the extension, never inside a character', () => {
    // 115 + 5 (.xlsx) = 120: kept whole; one more character is cut.
    expect(workbookFileName('表'.repeat(115))).toBe(`${'表'.repeat(115)}.xlsx`);
    expect(workbookFileName('表'.repeat(116))).toBe(`${'表'.repeat(115)}.xlsx`);
    // 𠀀 is two UTF-16 units: 57 of them (114 units) fit in 115, the 58th does not.
    expect(workbookFileName('𠀀'.repeat(60))).toBe(`${'𠀀'.repeat(57)}.xlsx`);
  });
});

describe('widths and styles', () => {
  it('counts Chinese, full-width characters and √ twice', () => {
    expect(displayWidth('王芳')).toBe(4);
    expect(displayWidth('A1')).toBe(2);
    expect(displayWidth('（√）')).toBe(6);
  });

  it('describes every style as data', () => {
    for (const s of Object.values(STYLES)) {
      expect(s.fontSize).toBeGreaterThan(0);
      expect(s.fill === null || /^[0-9A-F]{6}$/.test(s.fill)).toBe(true);
    }
    expect(STYLES.header.bold).toBe(true);
    expect(STYLES.wrap.wrap).toBe(true);
  });
});

describe('the builder and the soundness check', () => {
  function sample(): SheetDescription {
    const b = new SheetBuilder(3);
    b.band('标题', 'title');
    b.row([cell('姓名', 'header'), cell('单位', 'header'), cell('说明', 'header')]);
    b.row([cell('王芳'), cell('办公室'), cell('很长的说明文字'.repeat(10), 'wrap')]);
    return b.build({ name: '测试', kind: 'ranking', print: { orientation: 'portrait' }, bounds: [{}, {}, { max: 20 }] });
  }

  it('keeps rows rectangular, blanks the covered cells of merges, sizes columns and wrapped rows', () => {
    const s = sample();
    expect(checkSheetDescription(s)).toEqual([]);
    expect(s.cells.every((r) => r.length === 3)).toBe(true);
    expect(s.cells[0].map((c) => c.value)).toEqual(['标题', null, null]);
    expect(s.merges).toEqual([{ r1: 0, c1: 0, r2: 0, c2: 2 }]);
    expect(s.columns[0].width).toBe(displayWidth('姓名') + 1 + 2); // bold header, +10%, rounded up
    expect(s.columns[2].width).toBe(20);
    expect(s.rowHeights.find((h) => h.row === 2)!.points).toBeGreaterThan(30);
    expect(s.print).toMatchObject({ paper: 'A4', fitToWidth: true });
  });

  it('reports what a renderer could not write', () => {
    const s = sample();
    s.cells[2][0] = { value: '=1+1' };
    s.merges.push({ r1: 0, c1: 1, r2: 1, c2: 1 });
    s.validations.push({ kind: 'list', range: { r1: 0, c1: 0, r2: 9, c2: 0 }, values: ['a,b'], error: 'x' });
    s.name = 'a/b';
    const problems = checkSheetDescription(s);
    expect(problems.some((p) => p.includes('formulaSafe'))).toBe(true);
    expect(problems.some((p) => p.includes('重叠'))).toBe(true);
    expect(problems.some((p) => p.includes('会被覆盖'))).toBe(true);
    expect(problems.some((p) => p.includes('超出表格'))).toBe(true);
    expect(problems.some((p) => p.includes('逗号'))).toBe(true);
    expect(problems.some((p) => p.includes('工作表名'))).toBe(true);
  });
});
