/**
 * Telling a template the add-in inserted and nobody has filled in from one the clerk has used.
 *
 * Inserted templates are forms to fill in Excel (the entry cells are unlocked, and 校验 reads them),
 * so inserting again must not replace one that holds the clerk's ticks. The mark of a template
 * records a fingerprint of its cells as entered (`descriptionFingerprint`); before replacing it, the
 * sheet is read back and fingerprinted the same way (`gridFingerprint`). Any change to a value (a
 * tick, a name typed into a blank row, a retyped header) makes them differ; formats do not count.
 *
 * Both fingerprint the cells as the reader (read-grids.ts, cell-values.ts) returns them: empty as
 * null, text as text, numbers as numbers (as ISO text under a date format), only the top-left cell
 * of a merged area, trailing empty cells and rows left out.
 */
import { CellValue } from '../../core/forms/grid';
import { SheetDescription } from '../../core/output/sheet-description';
import { dateText } from '../files/sheet-grid';
import { isDateFormat, serialToDate } from './cell-values';

/** cyrb53 (a public-domain 53-bit string hash): enough to tell two grids apart, no crypto needed. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

/** Rows without trailing empty cells, and no trailing empty rows. */
function trimmed(rows: CellValue[][]): CellValue[][] {
  const out = rows.map((row) => {
    let n = row.length;
    while (n > 0 && (row[n - 1] === null || row[n - 1] === undefined || row[n - 1] === '')) n--;
    return row.slice(0, n).map((v) => (v === undefined || v === '' ? null : v));
  });
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}

export function gridFingerprint(rows: CellValue[][]): string {
  return hash53(JSON.stringify(trimmed(rows)));
}

/** The fingerprint of the sheet `d` becomes once written, as it will read back. */
export function descriptionFingerprint(d: SheetDescription): string {
  const hiddenByMerge = new Set<string>();
  for (const m of d.merges)
    for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) if (r !== m.r1 || c !== m.c1) hiddenByMerge.add(`${r},${c}`);
  const rows: CellValue[][] = d.cells.map((row, r) =>
    row.map((cell, c) => {
      const v = cell.value;
      if (v === null || v === '' || hiddenByMerge.has(`${r},${c}`)) return null;
      if (typeof v === 'number' && cell.numberFormat && isDateFormat(cell.numberFormat)) return dateText(serialToDate(v));
      return v;
    }),
  );
  return gridFingerprint(rows);
}
