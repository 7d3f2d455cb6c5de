/** A1 addresses ↔ 0-based inclusive rectangles (the engine's CellRange / MergeRange). */
import { CellRange } from '../../core/output/sheet-description';

export function columnLetters(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellA1(r: number, c: number): string {
  return `${columnLetters(c)}${r + 1}`;
}

export function rangeA1(x: CellRange): string {
  const a = cellA1(x.r1, x.c1);
  return x.r1 === x.r2 && x.c1 === x.c2 ? a : `${a}:${cellA1(x.r2, x.c2)}`;
}

/** Whole rows, as print titles want them: "$3:$4". */
export function rowsA1(from: number, to: number): string {
  return `$${from + 1}:$${to + 1}`;
}

/** Whole columns: "A:C". */
export function columnsA1(from: number, to: number): string {
  return `${columnLetters(from)}:${columnLetters(to)}`;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B3" or "$B$3" → { r: 2, c: 1 }; null if not a single cell address. */
export function parseCellA1(text: string): { r: number; c: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text.trim());
  if (!m) return null;
  const r = Number(m[2]) - 1;
  const c = columnIndex(m[1].toUpperCase());
  return r >= 0 && c >= 0 && c < 16384 && r < 1048576 ? { r, c } : null;
}

/**
 * The rectangles of an address list as Excel returns it for RangeAreas: "Sheet1!A1:B2, Sheet1!D4",
 * with the sheet name quoted when needed ("'My sheet'!A1"). Each area is recognised by its trailing
 * cell reference, so commas or exclamation marks inside a quoted sheet name do no harm.
 */
export function parseAreaList(address: string): CellRange[] {
  const out: CellRange[] = [];
  const re = /(?:^|!|,\s*)\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?(?=\s*,|\s*$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(address)) !== null) {
    const r1 = Number(m[2]) - 1;
    const c1 = columnIndex(m[1]);
    const r2 = m[4] ? Number(m[4]) - 1 : r1;
    const c2 = m[3] ? columnIndex(m[3]) : c1;
    out.push({ r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) });
  }
  return out;
}
