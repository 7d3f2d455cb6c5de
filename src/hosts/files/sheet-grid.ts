/**
 * A parsed worksheet (the workbook library's dense cell objects) → the engine's SheetGrid.
 *
 * - The grid covers the cells actually present, not the sheet's declared range: a sheet whose
 *   dimension says A1:XFD1048576 but holds three cells gives a grid of a few short rows. Rows are
 *   ragged (each as long as its last non-empty cell); trailing empty rows are dropped.
 * - Formula cells → { formula, value } (the cached value; null when the file kept none), or
 *   { formula, error } when the cached value is an error.
 * - Error cells → { error: '#N/A' } and the like.
 * - Dates (cells with a date number format) → ISO text: "2024-03-15", "2024-03-15 08:30",
 *   "08:30" for a time alone (seconds shown only when not zero). Independent of the display format,
 *   the 1900/1904 date system and the computer's time zone.
 */
import type { CellObject, WorkSheet } from '@e965/xlsx';
import { CellValue, MergeRange, Scalar, SheetGrid } from '../../core/forms/grid';

/** Excel's error codes ([MS-XLSB] 2.5.97.2, the BErr values) and their text. */
export const ERROR_TEXT: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

export class CellBudgetExceeded extends Error {}

/** How many more cells may be allocated; shared by all sheets of one workbook. */
export interface CellBudget {
  left: number;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function dateText(d: Date): string {
  // Round to the second: Excel's serial numbers carry floating-point noise (12:00 can be 11:59:59.999).
  const t = Math.round(d.getTime() / 1000) * 1000;
  const r = new Date(t);
  const y = r.getUTCFullYear();
  const date = `${y}-${pad(r.getUTCMonth() + 1)}-${pad(r.getUTCDate())}`;
  const h = r.getUTCHours();
  const m = r.getUTCMinutes();
  const s = r.getUTCSeconds();
  const time = `${pad(h)}:${pad(m)}${s ? `:${pad(s)}` : ''}`;
  // Serial numbers below 1 (a time alone) land on 1899-12-30/31 depending on the producer.
  if (y < 1900 || (y === 1899 && r.getUTCMonth() === 11)) return time;
  return h || m || s ? `${date} ${time}` : date;
}

function errorText(cell: CellObject): string {
  if (typeof cell.w === 'string' && cell.w.startsWith('#')) return cell.w;
  if (typeof cell.v === 'number' && ERROR_TEXT[cell.v]) return ERROR_TEXT[cell.v];
  return typeof cell.v === 'string' && cell.v.startsWith('#') ? cell.v : '#ERROR';
}

function scalarOf(cell: CellObject): Scalar {
  const v = cell.v;
  switch (cell.t) {
    case 'b':
      return Boolean(v);
    case 'n':
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    case 'd':
      if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : dateText(v);
      return typeof v === 'string' || typeof v === 'number' ? v : null;
    case 's':
      return v === undefined || v === null ? null : String(v);
    default:
      return null;
  }
}

export function cellValue(cell: CellObject | undefined | null): CellValue {
  if (!cell) return null;
  const formula = typeof cell.f === 'string' && cell.f !== '' ? cell.f : undefined;
  if (cell.t === 'e') return formula !== undefined ? { formula, error: errorText(cell) } : { error: errorText(cell) };
  const value = scalarOf(cell);
  if (formula !== undefined) return { formula, value };
  return value;
}

function isEmpty(v: CellValue): boolean {
  return v === null || v === '';
}

/** The grid of one worksheet; throws CellBudgetExceeded when it would pass the workbook's budget. */
export function sheetToGrid(name: string, ws: WorkSheet | undefined, budget: CellBudget): SheetGrid {
  const data: (CellObject[] | undefined)[] = (ws?.['!data'] as (CellObject[] | undefined)[] | undefined) ?? [];
  const rows: CellValue[][] = [];
  let lastFilledRow = -1;
  for (let r = 0; r < data.length; r++) {
    const source = data[r];
    // A row array is as long as its last cell + 1 (holes are absent cells). The whole span is
    // charged to the budget, since finding the last non-empty cell walks back over it.
    const span = source ? source.length : 0;
    budget.left -= Math.max(1, span);
    if (budget.left < 0) throw new CellBudgetExceeded();
    let last = span - 1;
    while (last >= 0 && isEmpty(cellValue(source![last]))) last--;
    const width = last + 1;
    const row: CellValue[] = new Array(width);
    for (let c = 0; c < width; c++) row[c] = cellValue(source![c]);
    rows.push(row);
    if (width > 0) lastFilledRow = r;
  }
  rows.length = lastFilledRow + 1;
  const merges: MergeRange[] = ((ws?.['!merges'] as { s: { r: number; c: number }; e: { r: number; c: number } }[] | undefined) ?? []).map(
    (m) => ({ r1: m.s.r, c1: m.s.c, r2: m.e.r, c2: m.e.c }),
  );
  return { name, rows, merges };
}
