/**
 * Looking inside the .xlsx files the project writes, independently of the writer: the zip's entries
 * (fflate), the formula elements in its worksheet XML, and every cell as SheetJS reads it (type,
 * value, formula), so tests can say "no <f> anywhere" and "this text is in that sheet, as text".
 */
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';

/** Every entry of the zip by path, as bytes. */
export function zipEntries(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

/** Every formula element (<f>…</f>, <f …/>) in the worksheets, as "path: element". */
export function formulaElements(bytes: Uint8Array): string[] {
  const out: string[] = [];
  for (const [path, data] of Object.entries(zipEntries(bytes))) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(path)) continue;
    for (const m of strFromU8(data).matchAll(/<(?:\w+:)?f(?:\s[^>]*)?(?:\/>|>[\s\S]*?<\/(?:\w+:)?f>)/g)) out.push(`${path}: ${m[0].slice(0, 80)}`);
  }
  return out;
}

export interface ReadCell {
  sheet: string;
  address: string;
  /** SheetJS type: s text, n number, b boolean, e error, d date, z stub. */
  t: string;
  v: unknown;
  f?: string;
}

/** Every cell of every sheet (hidden ones included), as SheetJS reads it. */
export function readCells(bytes: Uint8Array): ReadCell[] {
  const wb = XLSX.read(bytes, { type: 'array', cellFormula: true });
  const out: ReadCell[] = [];
  for (const sheet of wb.SheetNames) {
    const ws = wb.Sheets[sheet];
    for (const [address, c] of Object.entries(ws)) {
      if (address.startsWith('!')) continue;
      const cell = c as XLSX.CellObject;
      out.push({ sheet, address, t: cell.t, v: cell.v, ...(cell.f !== undefined ? { f: cell.f } : {}) });
    }
  }
  return out;
}

/** The text cells of one sheet, as a set of their values. */
export function textsOf(cells: readonly ReadCell[], sheet: string): Set<string> {
  return new Set(cells.filter((c) => c.sheet === sheet && c.t === 's').map((c) => String(c.v)));
}

/** Rows of one sheet as arrays of values (null for empty), for looking at table rows. */
export function rowsOf(bytes: Uint8Array, sheet: string): unknown[][] {
  const wb = XLSX.read(bytes, { type: 'array' });
  const ws = wb.Sheets[sheet];
  if (!ws) throw new Error(`no sheet ${sheet}; sheets: ${wb.SheetNames.join(', ')}`);
  return XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null, blankrows: true });
}
