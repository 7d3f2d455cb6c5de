/**
 * What an xlsx keeps beside a sheet's cells that SheetJS, with the reader's options, does not give, and
 * that changes what a clerk sees on a returned ballot:
 * - rows and columns hidden (`<row hidden="1">`, `<col hidden="1">`, also rows a filter hides): SheetJS
 *   reads them only with `cellStyles`, which also parses every cell's style (not wanted: bench/files);
 * - drawings anchored on the sheet (xl/drawings/drawingN.xml, reached through the sheet's rels): a √
 *   inserted as a text box, a shape or a picture over a cell (common in WPS) leaves the cell empty.
 * The engine decides what to say about them (ballots/sheet-extras in read-ballots.ts); here they are only
 * found. Cheap when there is nothing: sheet XML is looked into only where the bytes ` hidden="` occur, and
 * the workbook's parts are read only when a sheet has something or a drawing part exists.
 */
import { inflateSync } from 'fflate';
import { Drawing } from '../../core/forms/grid';
import { ZipParts } from './zip-guard';
import { ZipEntry, entryDataStart } from './zip-directory';

export interface SheetExtras {
  hiddenRows: number[];
  hiddenColumns: number[];
  drawings: Drawing[];
}

/** An xlsx's parts by name (lower case): from the guard's inflated entries, else inflated here. */
export type PartBytes = (name: string) => Uint8Array | null;

export function partsReader(bytes: Uint8Array, entries: ZipEntry[], parts: ZipParts | undefined): PartBytes {
  const kept = new Map<string, Uint8Array>();
  if (parts?.complete) for (const p of parts.entries) kept.set(p.name.toLowerCase(), p.data);
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) byName.set(e.name.toLowerCase(), e);
  return (name) => {
    const key = name.toLowerCase();
    const hit = kept.get(key);
    if (hit !== undefined) return hit;
    // The guard has checked every entry (sizes, CRC) before: inflating one of them again is safe.
    const e = byName.get(key);
    if (e === undefined) return null;
    const start = entryDataStart(bytes, e);
    if (start === null) return null;
    const data = bytes.subarray(start, start + e.compressedSize);
    try {
      return e.method === 0 ? data : inflateSync(data, { out: new Uint8Array(e.declaredSize) });
    } catch {
      return null;
    }
  };
}

const HIDDEN_ATTR = new TextEncoder().encode('hidden=');

/**
 * Whether the bytes hold `hidden=` (a row or column hidden, or a hidden attribute of another element). Looked
 * for by its "h", rare in sheet XML (cells are `<c r="B3" s="1" t="s"><v>12</v></c>`), with the native indexOf.
 */
function mentionsHidden(data: Uint8Array): boolean {
  const first = HIDDEN_ATTR[0];
  outer: for (let at = data.indexOf(first); at >= 0 && at + HIDDEN_ATTR.length <= data.length; at = data.indexOf(first, at + 1)) {
    for (let k = 1; k < HIDDEN_ATTR.length; k++) if (data[at + k] !== HIDDEN_ATTR[k]) continue outer;
    return true;
  }
  return false;
}

const decoder = new TextDecoder();
const text = (data: Uint8Array | null): string => (data === null ? '' : decoder.decode(data));

/** An attribute's value in a start tag's attribute text. */
function attr(tag: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : null;
}

const isTrue = (v: string | null) => v === '1' || v === 'true';

/** The path a relationship's target names, from the folder of the part whose rels it is. */
function resolve(folder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `${folder}/${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** Relationships of a part: id → [type, target resolved]. */
function rels(read: PartBytes, part: string): Map<string, { type: string; target: string }> {
  const slash = part.lastIndexOf('/');
  const folder = part.slice(0, slash);
  const out = new Map<string, { type: string; target: string }>();
  const xml = text(read(`${folder}/_rels/${part.slice(slash + 1)}.rels`));
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    if (id === null || target === null || attr(m[1], 'TargetMode') === 'External') continue;
    out.set(id, { type: attr(m[1], 'Type') ?? '', target: resolve(folder, target) });
  }
  return out;
}

/** Rows and columns a sheet's XML hides (0-based). */
function hiddenIn(xml: string): { rows: number[]; cols: number[] } {
  const rows: number[] = [];
  let r = -1;
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?row\b([^>]*)>/g)) {
    const n = attr(m[1], 'r');
    r = n !== null && /^\d+$/.test(n) ? Number(n) - 1 : r + 1;
    if (isTrue(attr(m[1], 'hidden'))) rows.push(r);
  }
  const cols: number[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?col\b([^>]*)>/g)) {
    if (!isTrue(attr(m[1], 'hidden'))) continue;
    const min = Number(attr(m[1], 'min'));
    const max = Number(attr(m[1], 'max'));
    // A range hidden to the sheet's last column (min="5" max="16384") is the unused area: only what holds cells matters, the reader trims.
    if (Number.isInteger(min) && Number.isInteger(max) && min >= 1) for (let c = min; c <= Math.min(max, min + 1000); c++) cols.push(c - 1);
  }
  return { rows, cols };
}

/** The shapes and pictures a drawing part anchors (not charts, not form controls: see CHECKBOXES_NOT_READ). */
function drawingsIn(xml: string): Drawing[] {
  const out: Drawing[] = [];
  for (const m of xml.matchAll(/<((?:[\w.-]+:)?)(twoCellAnchor|oneCellAnchor|absoluteAnchor)\b[^>]*>([\s\S]*?)<\/\1\2>/g)) {
    const body = m[3];
    // A form control (check box) has a shape here too, tied to its VML by compatExt: counted as a control, not again.
    if (/compatExt/.test(body)) continue;
    const kind = /<(?:[\w.-]+:)?pic\b/.test(body) ? 'picture' : /<(?:[\w.-]+:)?(sp|grpSp|cxnSp)\b/.test(body) ? 'shape' : null;
    if (kind === null) continue;
    const from = /<(?:[\w.-]+:)?from\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?from>/.exec(body)?.[1] ?? '';
    const col = /<(?:[\w.-]+:)?col>\s*(\d+)\s*</.exec(from)?.[1];
    const row = /<(?:[\w.-]+:)?row>\s*(\d+)\s*</.exec(from)?.[1];
    const words = [...body.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join('').trim();
    out.push({ row: row === undefined ? null : Number(row), col: col === undefined ? null : Number(col), kind, text: words });
  }
  return out;
}

/**
 * The extras of each sheet, by its index in the workbook (xl/workbook.xml's order, which is SheetJS's
 * SheetNames order); sheets with nothing are left out, and so is everything when nothing is found.
 */
export function xlsxSheetExtras(entries: readonly { name: string }[], read: PartBytes): Map<number, SheetExtras> {
  const found = new Map<number, SheetExtras>();
  const hasDrawing = entries.some((e) => /^xl\/drawings\/[^/]+\.xml$/i.test(e.name));
  const sheetParts = entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name));
  const hiding = sheetParts.filter((e) => {
    const data = read(e.name);
    return data !== null && mentionsHidden(data);
  });
  if (!hasDrawing && hiding.length === 0) return found;

  const workbookRels = rels(read, 'xl/workbook.xml');
  const sheets = [...text(read('xl/workbook.xml')).matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*)>/g)].map((m) => {
    const id = attr(m[1], 'id');
    return id === null ? null : (workbookRels.get(id)?.target ?? null);
  });
  sheets.forEach((part, index) => {
    if (part === null) return;
    const extras: SheetExtras = { hiddenRows: [], hiddenColumns: [], drawings: [] };
    if (hiding.some((e) => e.name.toLowerCase() === part.toLowerCase())) {
      const { rows, cols } = hiddenIn(text(read(part)));
      extras.hiddenRows = rows;
      extras.hiddenColumns = cols;
    }
    if (hasDrawing)
      for (const rel of rels(read, part).values()) if (/\/drawing$/.test(rel.type)) extras.drawings.push(...drawingsIn(text(read(rel.target))));
    if (extras.hiddenRows.length + extras.hiddenColumns.length + extras.drawings.length > 0) found.set(index, extras);
  });
  return found;
}
