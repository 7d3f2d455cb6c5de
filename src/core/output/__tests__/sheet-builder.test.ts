/**
 * The builder's estimates for print: a title is never wider than the columns under it, and a wrapped
 * cell's row is tall enough for every line (Excel does not autofit a row whose height is set). The
 * expected figures are worked out by hand from the unit widths (宋体 11 pt: a Chinese character
 * counted 2.15 column units, a half-width one 1.05; one unit left for the cell's margins).
 */
import { SheetBuilder, lineUnits, wrappedLines } from '../sheet-builder';
import { cell } from '../sheet-description';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('a title over a narrow table', () => {
  function narrow(title: string) {
    const b = new SheetBuilder(3);
    b.band(title, 'title', 36);
    b.row([cell('序号', 'header'), cell('姓名', 'header'), cell('等次', 'header')]);
    b.row([cell(1, 'center'), cell('王芳', 'center'), cell('优秀', 'center')]);
    return b.build({ name: '公示表', kind: 'publication', print: { orientation: 'portrait' }, bounds: [{ min: 6 }, { min: 12 }, { min: 12 }] });
  }

  it('widens the columns until the whole title fits (16 pt bold: 19 characters × 2.15 × 16/11 × 1.1 ≈ 65.2 units)', () => {
    const title = '关于2026年度中层干部述职考核结果的公示'; // 17 Chinese characters and 4 digits
    const s = narrow(title);
    const needed = (17 * 2.15 + 4 * 1.05) * (16 / 11) * 1.1;
    expect(needed).toBeCloseTo(65.2, 1);
    expect(sum(s.columns.map((c) => c.width))).toBeGreaterThanOrEqual(needed);
    // Before: 6 + 12 + 12 = 30, far narrower than the title.
  });

  it('widens in proportion, keeping the narrow 序号 column the narrowest', () => {
    const w = narrow('关于2026年度党组织书记抓基层党建述职评议考核结果的公示').columns.map((c) => c.width);
    expect(w[0]).toBeLessThan(w[1]);
    expect(w[1]).toBe(w[2]);
    expect(Math.abs(w[1] / w[0] - 12 / 7)).toBeLessThan(0.1); // 7 : 12 : 12 before widening
  });

  it('leaves a table wider than its title as it is', () => {
    const s = narrow('公示');
    // 序号 in bold: 2 × 2.15 × 1.1 + 2 = 6.73, rounded up to 7; the others at their minimum.
    expect(s.columns.map((c) => c.width)).toEqual([7, 12, 12]);
  });
});

describe('lines of wrapped text', () => {
  it('counts a Chinese character 2.15 units: 32 fit a 70-unit column (68.8 ≤ 69), 33 do not (70.95)', () => {
    expect(lineUnits('一'.repeat(32))).toBeCloseTo(68.8, 5);
    expect(wrappedLines('一'.repeat(32), 70)).toBe(1);
    expect(wrappedLines('一'.repeat(33), 70)).toBe(2); // counted 2 units each, 66 would have passed for one line
  });

  it('fills lines greedily: 4 characters a line in 11 units (8.6 ≤ 10, a fifth would be 10.75)', () => {
    expect(wrappedLines('一二三四五六七八', 11)).toBe(2);
    expect(wrappedLines('一二三四五六七八九', 11)).toBe(3);
    expect(wrappedLines('一二三四\n五', 11)).toBe(2);
  });

  it('keeps closing punctuation with the character before and a number whole', () => {
    // 一二三 6.45 + 「四，」 4.3 = 10.75 > 10: 四， moves to the second line with 五.
    expect(wrappedLines('一二三四，五', 11)).toBe(2);
    // 一二 4.3 + 「72.54」 5.25 = 9.55 fits; 一二三 6.45 + 5.25 = 11.7 does not, and the number is not split.
    expect(wrappedLines('一二72.54', 11)).toBe(1);
    expect(wrappedLines('一二三72.54', 11)).toBe(2);
    // An opening bracket goes with what follows: 一二三 6.45 + 「（四」 4.3 > 10.
    expect(wrappedLines('一二三（四）', 11)).toBe(2);
  });

  it('gives a wrapped row the height of all its lines', () => {
    const b = new SheetBuilder(2);
    b.row([cell('王芳', 'cell'), cell('一'.repeat(33 * 2), 'wrap')]); // 3 lines in a 70-unit column (32 a line)
    const s = b.build({ name: 't', kind: 'ranking', print: { orientation: 'portrait' }, bounds: [{}, { min: 70, max: 70 }] });
    expect(s.columns[1].width).toBe(70);
    expect(s.rowHeights).toEqual([{ row: 0, points: Math.ceil(3 * 11 * 1.35 + 4) }]);
  });
});
