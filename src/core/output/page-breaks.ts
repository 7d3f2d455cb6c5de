/**
 * Where the pages of a printed sheet end, and the manual breaks that keep rows together (report §2, §3,
 * §3b of the print review): a 附表3 person's block of item rows on one page (a 廉洁公正 row on the next
 * page would not show whom it rates, seed 004 附3), the 计票人/监票人 lines with the last rows of the
 * count they sign (seed 002 第五篇 二(三)3: the counters confirm the count), the 公示表's 公示期, 落款 and
 * date with the last names (the stamped notice must carry names) — and never a page holding only the
 * repeated header rows.
 *
 * The one place for the page arithmetic: A4, the margins, the fit-to-width scale and the row heights the
 * builder estimated (rows without a set height take Excel's default, 15 pt for an 11 pt font). Every page
 * end of the simulation is written as a manual break once any page must end early, so the spreadsheet
 * does not place its own break elsewhere. The simulation errs towards shorter pages: the scale is taken
 * from columns of 7 px a character (Excel draws 7w + 5 px, so its scale is at most ours) and a page is
 * filled to {@link PAGE_FILL} of its height, so a page the spreadsheet lays out holds at least what ours
 * holds and our breaks come first.
 */
import { SheetDescription } from './sheet-description';

/** A4 in points (210 × 297 mm). */
const A4_POINTS = { short: 595.3, long: 841.9 };
/** Excel's row height for the default 11 pt font, for rows whose height is not set. */
export const DEFAULT_ROW_POINTS = 15;
/** Points per character of column width: 7 px a character at 96 dpi (the padding of 5 px left out, see above). */
const POINTS_PER_WIDTH_UNIT = 7 * 0.75;
/** The share of a page's printable height filled: a few points for rows the spreadsheet draws in whole pixels. */
export const PAGE_FILL = 0.995;

/** Rows 0-based, inclusive, that should print on one page. */
export interface KeepTogether {
  from: number;
  to: number;
}

/** The scale at which a sheet printed one page wide prints (1 when it fits at 100 %). */
export function fitToWidthScale(sheet: SheetDescription): number {
  if (!sheet.print.fitToWidth) return 1;
  const paper = sheet.print.orientation === 'landscape' ? A4_POINTS.long : A4_POINTS.short;
  const printable = paper - (sheet.print.margins.left + sheet.print.margins.right) * 72;
  const width = sheet.columns.reduce((a, c) => a + c.width * POINTS_PER_WIDTH_UNIT, 0);
  return Math.min(1, printable / width);
}

/** The height rows may fill on one page, in the sheet's own points (before scaling). */
export function pageCapacity(sheet: SheetDescription): number {
  const paper = sheet.print.orientation === 'landscape' ? A4_POINTS.short : A4_POINTS.long;
  const printable = paper - (sheet.print.margins.top + sheet.print.margins.bottom) * 72;
  return (printable / fitToWidthScale(sheet)) * PAGE_FILL;
}

/** Every row's height in points: the set (or estimated) height, else the default. */
export function rowPoints(sheet: SheetDescription): number[] {
  const out = sheet.cells.map(() => DEFAULT_ROW_POINTS);
  for (const h of sheet.rowHeights) out[h.row] = h.points;
  return out;
}

/**
 * The rows after which a page ends (0-based, ascending), filling each page with rows (the repeated
 * header rows drawn again at the top of every page after the first) and ending a page early where it
 * would split a `keep` range — unless the page would then hold no row of its own besides the header,
 * or the range does not fit on a page anyway. Empty when the sheet prints on one page.
 */
export function pageEnds(sheet: SheetDescription, keep: readonly KeepTogether[]): number[] {
  const heights = rowPoints(sheet);
  const n = heights.length;
  const capacity = pageCapacity(sheet);
  const repeat = sheet.print.repeatRows;
  const sum = (from: number, to: number) => heights.slice(from, to + 1).reduce((a, b) => a + b, 0);
  const repeatHeight = repeat ? sum(repeat.from, repeat.to) : 0;
  const ends: number[] = [];
  let start = 0;
  while (start < n) {
    const repeated = repeat !== undefined && start > repeat.to;
    const room = capacity - (repeated ? repeatHeight : 0);
    let next = start;
    let used = 0;
    while (next < n && used + heights[next] <= room) used += heights[next++];
    if (next >= n) break;
    if (next === start) next = start + 1; // a row taller than a page prints alone
    // The page holds at least one row besides the header rows that head it.
    const lowest = start === 0 && repeat ? repeat.to + 1 : start;
    const split = keep.filter((k) => k.from <= next - 1 && k.to >= next && k.from - 1 >= lowest && sum(k.from, k.to) + repeatHeight <= capacity);
    const end = split.length > 0 ? Math.min(...split.map((k) => k.from)) - 1 : next - 1;
    ends.push(end);
    start = end + 1;
  }
  return ends;
}

/** The sheet with its manual breaks (`rowBreaks`) where it prints on more than one page. */
export function withPageBreaks(sheet: SheetDescription, keep: readonly KeepTogether[]): SheetDescription {
  const ends = pageEnds(sheet, keep);
  if (ends.length > 0) sheet.rowBreaks = ends;
  return sheet;
}

/**
 * The rows after a table kept with its last rows: from `lastRows` rows before the end of the table (or
 * the start of the block holding that row) to the sheet's last row — signature lines, 填表说明, 公示期 and
 * 落款 never go to a page alone. null when nothing follows the table.
 */
export function tailWithLastRows(sheet: SheetDescription, table: { first: number; last: number }, lastRows: number, blocks: readonly KeepTogether[] = []): KeepTogether | null {
  const end = sheet.cells.length - 1;
  if (table.last >= end || table.last < table.first) return null;
  let from = Math.max(table.first, table.last - lastRows + 1);
  const block = blocks.find((k) => k.from <= from && from <= k.to);
  if (block) from = block.from;
  return { from, to: end };
}
