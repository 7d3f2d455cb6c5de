/**
 * Renders the engine's sheet descriptions into an .xlsx with exceljs: values, styles, number
 * formats, widths, merges, dropdowns, frozen header rows, A4 print setup with repeated title rows,
 * protection without a password, and the template metadata in a very hidden sheet so a returned copy
 * is recognised. It only translates: every decision is already in the description.
 */
import ExcelJS from 'exceljs';
import { CellDescription, CellRange, CellStyle, SheetDescription, STYLES, Validation } from '../../core/output/sheet-description';
import { NODE_ZLIB } from './node-zlib';
import { deflateStoredZip, withFixedEntryDates } from './zip-repack';

/** The very hidden sheet holding template metadata: rows of [sheet name, key, value]. */
export const META_SHEET = '_pingyi';

const A4 = 9;

/**
 * A string as the .xlsx must hold it to read back as the same text. Office escapes characters in
 * its strings (ST_Xstring: shared strings, sheet names, defined names, header and footer, validation
 * lists and messages) as _xHHHH_, so a literal "_x0041_" is stored with its underscore escaped
 * (_x005F_x0041_), else Excel and SheetJS show "A"; U+FFFE and U+FFFF are not XML characters and are
 * dropped (exceljs already drops the C0 controls, which XML 1.0 forbids as well).
 */
export function xlsxText(text: string): string {
  return text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1').replace(/[\uFFFE\uFFFF]/g, '');
}

export async function writeWorkbook(sheets: readonly SheetDescription[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '评议通';
  // Fixed dates keep the output of the same input byte-for-byte comparable.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = new Date(Date.UTC(2000, 0, 1));
  const metaRows: [string, string, string][] = [];
  const shared = new Map<string, Partial<ExcelJS.Style>>();
  for (const s of sheets) {
    renderSheet(wb, s, shared);
    for (const [k, v] of Object.entries(s.meta ?? {})) metaRows.push([s.name, k, v]);
  }
  if (metaRows.length > 0) {
    const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
    meta.addRows(metaRows.map((row) => row.map(xlsxText)));
  }
  // Sheet names escaped last, past exceljs's setter: it counts the escape's 6 characters against the 31 a name
  // may have (the decoded name's limit) and would cut the name. The print titles are written from this name too.
  for (const ws of wb.worksheets) (ws as unknown as { _name: string })._name = xlsxText(ws.name);
  return zipBytes(wb);
}

/**
 * The workbook's bytes. In Node the parts are zipped stored and then deflated with Node's zlib
 * (zip-repack.ts): exceljs's own deflate (JSZip with pako, pure JavaScript) took most of the time of
 * writing a result workbook. The parts are the same either way; only their compressed bytes differ.
 * In a browser (no Node zlib), exceljs deflates them itself. Either way every entry gets the same fixed
 * date, so the same sheets give the same bytes.
 */
async function zipBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  if (NODE_ZLIB && nodeDeflate) {
    const zlib = NODE_ZLIB;
    const stored = new Uint8Array((await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } })) as ArrayBuffer);
    const deflated = deflateStoredZip(stored, (data) => zlib.deflateRawSync(data));
    if (deflated) return withFixedEntryDates(deflated);
  }
  return withFixedEntryDates(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

let nodeDeflate = true;

/** For tests: whether the writer deflates with Node's zlib when it can (as by default) or leaves it to exceljs. */
export function useNodeDeflate(on: boolean): void {
  nodeDeflate = on;
}

let sharedStyles = true;

/** For tests: whether cells share style objects (as by default, see sharedStyle) or each has its own. */
export function useSharedStyles(on: boolean): void {
  sharedStyles = on;
}

function excelStyle(style: CellStyle): Partial<ExcelJS.Style> {
  const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
  return {
    font: { name: style.fontName, size: style.fontSize, bold: style.bold },
    alignment: { horizontal: style.horizontal, vertical: style.vertical, wrapText: style.wrap },
    ...(style.fill ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${style.fill}` } } as ExcelJS.Fill } : {}),
    ...(style.border === 'thin' ? { border: { top: thin, bottom: thin, left: thin, right: thin } } : {}),
  };
}

/** A cell's style as the description gives it: its named style, then its number format, or text ("@") for a string. */
function cellStyle(d: CellDescription): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = d.style ? excelStyle(STYLES[d.style]) : {};
  if (d.numberFormat) style.numFmt = d.numberFormat;
  else if (typeof d.value === 'string') style.numFmt = '@';
  return style;
}

/**
 * One style object for all the cells with the same style, format and kind of value. exceljs's writer
 * remembers the style objects it has seen (a WeakMap in its StylesXform) and turns a new one into its
 * XML records (font, border, fill, alignment, format) to find its index: once per object, so once per
 * cell when every cell has its own (most of the time of preparing a result workbook). The kind of value
 * is part of the key because exceljs gives a cell without a format the format of its value's type, and
 * a shared object keeps the index of the first cell that used it. The file is the same byte for byte.
 */
function sharedStyle(shared: Map<string, Partial<ExcelJS.Style>>, d: CellDescription): Partial<ExcelJS.Style> {
  const key = `${d.style ?? ''}\u0000${d.numberFormat ?? ''}\u0000${d.value === null ? 'null' : typeof d.value}`;
  let style = shared.get(key);
  if (!style) shared.set(key, (style = cellStyle(d)));
  return style;
}

/**
 * The cells whose style object must be their own: those the sheet protection unlocks (exceljs sets
 * `protection` on the cell's style object in place) and every cell of a merge reaching one of them
 * (merged cells take their first cell's style object). Keys: row × 16,384 + column.
 */
function ownStyleCells(s: SheetDescription): Set<number> {
  const own = new Set<number>();
  if (!s.protection) return own;
  const add = (r: CellRange) => {
    for (let row = r.r1; row <= r.r2; row++) for (let col = r.c1; col <= r.c2; col++) own.add(row * 16384 + col);
  };
  const unlocked = s.protection.unlocked;
  for (const u of unlocked) add(u);
  for (const m of s.merges) if (unlocked.some((u) => u.r1 <= m.r2 && m.r1 <= u.r2 && u.c1 <= m.c2 && m.c1 <= u.c2)) add(m);
  return own;
}

/**
 * exceljs takes a width of exactly 9 for its own default and leaves the column out of the file, so
 * Excel would show its default 8.43 instead: 9 is written as 9.01.
 */
function excelJsWidth(width: number): number {
  return width === 9 ? 9.01 : width;
}

/** A1 address of a 0-based range: "C5:R124", or "C5" for one cell. */
function rangeAddress(r: CellRange): string {
  const a = (row: number, col: number) => `${columnLetters(col)}${row + 1}`;
  return r.r1 === r.r2 && r.c1 === r.c2 ? a(r.r1, r.c1) : `${a(r.r1, r.c1)}:${a(r.r2, r.c2)}`;
}

function columnLetters(col: number): string {
  let out = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** exceljs's Worksheet.dataValidations, which its typings leave out: a range address is written as one sqref. */
interface RangeValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

function excelValidation(v: Validation): ExcelJS.DataValidation {
  const base = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop' as const, error: xlsxText(v.error), ...(v.prompt ? { showInputMessage: true, prompt: xlsxText(v.prompt) } : {}) };
  switch (v.kind) {
    case 'list':
      return { ...base, type: 'list', formulae: [`"${xlsxText(v.values.join(',')).replace(/"/g, '""')}"`] };
    case 'decimal':
      return { ...base, type: 'decimal', operator: 'between', formulae: [v.min, v.max] };
    case 'whole':
      return { ...base, type: 'whole', operator: 'between', formulae: [v.min, v.max] };
  }
}

function renderSheet(wb: ExcelJS.Workbook, s: SheetDescription, shared: Map<string, Partial<ExcelJS.Style>>) {
  const ws = wb.addWorksheet(s.name, {
    views: s.freeze ? [{ state: 'frozen', xSplit: s.freeze.cols, ySplit: s.freeze.rows }] : [{}],
    pageSetup: {
      paperSize: A4,
      orientation: s.print.orientation,
      fitToPage: s.print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: s.print.horizontalCentered,
      margins: s.print.margins,
      // Each sheet numbered from 1 (第 1 页，共 3 页), not on from the sheets before it when the whole
      // workbook is printed: the 公示表 is posted on its own. exceljs writes useFirstPageNumber with it.
      firstPageNumber: 1,
      ...(s.print.repeatRows ? { printTitlesRow: `${s.print.repeatRows.from + 1}:${s.print.repeatRows.to + 1}` } : {}),
    },
  });
  if (s.print.footer) ws.headerFooter.oddFooter = `&C${xlsxText(s.print.footer)}`;
  s.columns.forEach((c, i) => (ws.getColumn(i + 1).width = excelJsWidth(c.width)));
  const own = ownStyleCells(s);
  s.cells.forEach((row, r) => {
    row.forEach((d, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      if (d.value !== null) {
        // A string is written as a string cell (t="s"), never as a formula, and given the text format "@"
        // so that retyping it does not turn "=1+1" into a formula either (formulaSafe needs nothing more here).
        cell.value = typeof d.value === 'string' ? xlsxText(d.value) : d.value;
      }
      cell.style = (!sharedStyles || own.has(r * 16384 + c) ? cellStyle(d) : sharedStyle(shared, d)) as ExcelJS.Style;
    });
  });
  for (const h of s.rowHeights) ws.getRow(h.row + 1).height = h.points;
  for (const m of s.merges) ws.mergeCells(m.r1 + 1, m.c1 + 1, m.r2 + 1, m.c2 + 1);
  // A manual break after the row: <brk id="n" max="16383" man="1"/> (n the 1-based row ending the page). The
  // columns are given: without them exceljs writes max="16838", past Excel's last column (16383, 0-based).
  for (const r of s.rowBreaks ?? []) ws.getRow(r + 1).addPageBreak(1, 16384);
  // One rule per described range, as the description gives it. Set cell by cell, exceljs joins the cells
  // again on writing and can emit overlapping ranges for one rule (C10:R124 and C5:R124: exceljs#2820),
  // which Excel does not allow and other readers take only in part.
  const validations = (ws as unknown as { dataValidations: RangeValidations }).dataValidations;
  for (const v of s.validations) validations.add(rangeAddress(v.range), excelValidation(v));
  if (s.autoFilter) ws.autoFilter = { from: { row: s.autoFilter.r1 + 1, column: s.autoFilter.c1 + 1 }, to: { row: s.autoFilter.r2 + 1, column: s.autoFilter.c2 + 1 } };
  if (s.protection) {
    for (const u of s.protection.unlocked)
      for (let r = u.r1; r <= u.r2; r++)
        for (let c = u.c1; c <= u.c2; c++) {
          const cell = ws.getCell(r + 1, c + 1);
          cell.protection = { locked: false };
        }
    // No password: protection keeps the form's shape; exceljs takes '' as "no password".
    void ws.protect('', { formatColumns: s.protection.allowFormatColumns, formatRows: s.protection.allowFormatRows, selectLockedCells: true, selectUnlockedCells: true });
  }
}
