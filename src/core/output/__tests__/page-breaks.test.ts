/**
 * Page ends worked out by hand. A4 portrait with the default margins (0.75 in top and bottom) leaves
 * 841.9 − 108 = 733.9 pt, filled to 99.5 %: 730.23 pt a page at 100 % (every table below is narrow enough
 * to print at 100 %). Pages after the first repeat the header row (15 pt): 715.23 pt for other rows.
 */
import { SheetDescription, checkSheetDescription, DEFAULT_MARGINS } from '../sheet-description';
import { fitToWidthScale, pageCapacity, pageEnds, tailWithLastRows } from '../page-breaks';

/** A sheet of one column whose rows have the given heights; row 1 is the repeated header. */
function sheet(heights: number[], options: { width?: number; orientation?: 'portrait' | 'landscape' } = {}): SheetDescription {
  return {
    name: '表',
    kind: 'template',
    cells: heights.map(() => [{ value: 'x' }]),
    columns: [{ width: options.width ?? 20 }],
    rowHeights: heights.map((points, row) => ({ row, points })),
    merges: [],
    validations: [],
    print: { paper: 'A4', orientation: options.orientation ?? 'portrait', fitToWidth: true, repeatRows: { from: 1, to: 1 }, margins: DEFAULT_MARGINS, horizontalCentered: true },
  };
}

const rows = (n: number, points: number) => new Array<number>(n).fill(points);

describe('the page arithmetic', () => {
  it('a narrow portrait sheet prints at 100 %: 730.23 pt a page', () => {
    const s = sheet([15]);
    expect(fitToWidthScale(s)).toBe(1);
    expect(pageCapacity(s)).toBeCloseTo(733.9 * 0.995, 6);
  });

  it('a landscape sheet 200 characters wide: 200 × 5.25 = 1050 pt on 769.9 pt, scale 0.7332, 661.3 pt of rows a page', () => {
    const s = sheet([15], { width: 200, orientation: 'landscape' });
    expect(fitToWidthScale(s)).toBeCloseTo(769.9 / 1050, 6);
    expect(pageCapacity(s)).toBeCloseTo((487.3 / (769.9 / 1050)) * 0.995, 6);
  });
});

describe('a table with signature lines under it', () => {
  // Title 36, header 15, 44 rows of 15 (rows 2–45), 计票人/监票人 28 + 28 (rows 46–47), 填表说明 80 (row 48).
  const heights = [36, 15, ...rows(44, 15), 28, 28, 80];
  const table = { first: 2, last: 45 };

  it('without a rule the page ends where it is full: 36 + 15 + 44 × 15 = 711, the first signature line (739) does not fit', () => {
    expect(pageEnds(sheet(heights), [])).toEqual([45]);
  });

  it('the signature lines take the last 3 rows (43–45) with them: page 1 ends after row 42', () => {
    const s = sheet(heights);
    const tail = tailWithLastRows(s, table, 3)!;
    expect(tail).toEqual({ from: 43, to: 48 });
    // Page 2: header 15 + 3 × 15 + 28 + 28 + 80 = 196, well within a page.
    expect(pageEnds(s, [tail])).toEqual([42]);
  });

  it('on one page, no break at all', () => {
    const short = [36, 15, ...rows(30, 15), 28, 28, 80];
    const s = sheet(short);
    expect(pageEnds(s, [tailWithLastRows(s, { first: 2, last: 31 }, 3)!])).toEqual([]);
  });

  it('never a first page with only the title and header: with 2 rows above the signatures the page keeps them', () => {
    // Title 36, 10 field rows of 60 (rows 1–10) … here the header is row 11, so the repeated rows are 11–11.
    const tall = [36, ...rows(10, 60), 15, 15, 15, 28, 28, 80];
    const s = { ...sheet(tall), print: { ...sheet(tall).print, repeatRows: { from: 11, to: 11 } } };
    // 36 + 600 + 15 + 15 + 15 = 681, + 28 = 709, + 28 = 737 > 730.23: the natural end is after row 14.
    // The tail (rows 12–16) would start page 2 and leave page 1 with no table row: not taken.
    const tail = tailWithLastRows(s, { first: 12, last: 13 }, 3)!;
    expect(tail.from).toBe(12);
    expect(pageEnds(s, [tail])).toEqual([14]);
  });
});

describe('blocks of 4 rows (附表3)', () => {
  // Title 36, header 15, 30 blocks of 4 rows of 15 (rows 2–121).
  const heights = [36, 15, ...rows(120, 15)];
  const blocks = Array.from({ length: 30 }, (_, i) => ({ from: 2 + 4 * i, to: 5 + 4 * i }));

  it('a page ends between two blocks, never inside one', () => {
    // Page 1: 730.23 − 51 = 679.23 → 45 rows (2–46); row 46 opens block 12 (46–49): page 1 ends after 45.
    // Page 2 from 46: 715.23 → 47 rows (46–92); row 92 is in block 23 (90–93): page 2 ends after 89.
    // Page 3 from 90: 32 rows, the rest.
    expect(pageEnds(sheet(heights), blocks)).toEqual([45, 89]);
    expect(pageEnds(sheet(heights), [])).toEqual([46, 93]);
  });

  it('the tail goes with the whole last block, not its last 3 rows only', () => {
    const s = sheet([...heights, 28]);
    expect(tailWithLastRows(s, { first: 2, last: 121 }, 3, blocks)).toEqual({ from: 118, to: 122 });
  });

  it('a block taller than a page is left to split where it must', () => {
    const s = sheet([36, 15, ...rows(60, 15)]);
    expect(pageEnds(s, [{ from: 2, to: 61 }])).toEqual([46]);
  });
});

describe('the description', () => {
  it('row breaks inside the sheet, ascending, not after the last row', () => {
    const s = sheet(rows(5, 15));
    expect(checkSheetDescription({ ...s, rowBreaks: [1, 3] })).toEqual([]);
    expect(checkSheetDescription({ ...s, rowBreaks: [3, 1] })).toHaveLength(1);
    expect(checkSheetDescription({ ...s, rowBreaks: [4] })).toHaveLength(1);
  });
});
