/**
 * Renders the engine's sheet descriptions into an .xlsx with exceljs: values, styles, number
 * formats, widths, merges, dropdowns, frozen header rows, A4 print setup with repeated title rows,
 * protection without a password, and the template metadata in a very hidden sheet so a returned copy
 * is recognised. It only translates: every decision is already in the description.
 */
import ExcelJS from 'exceljs';
import { CellStyle, SheetDescription, STYLES } from '../../core/output/sheet-description';
import { NODE_ZLIB } from './node-zlib';
import { deflateStoredZip } from './zip-repack';

/** The very hidden sheet holding template metadata: rows of [sheet name, key, value]. */
export const META_SHEET = '_pingyi';

const A4 = 9;

/**
 * A string as the .xlsx must hold it to read back as the same text. Office escapes characters in
 * shared strings as _xHHHH_, so a literal "_x0041_" is stored with its underscore escaped
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
  for (const s of sheets) {
    renderSheet(wb, s);
    for (const [k, v] of Object.entries(s.meta ?? {})) metaRows.push([s.name, k, v]);
  }
  if (metaRows.length > 0) {
    const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
    meta.addRows(metaRows.map((row) => row.map(xlsxText)));
  }
  return zipBytes(wb);
}

/**
 * The workbook's bytes. In Node the parts are zipped stored and then deflated with Node's zlib
 * (zip-repack.ts): exceljs's own deflate (JSZip with pako, pure JavaScript) took most of the time of
 * writing a result workbook. The parts are the same either way; only their compressed bytes differ.
 * In a browser (no Node zlib), exceljs deflates them itself.
 */
async function zipBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  if (NODE_ZLIB && nodeDeflate) {
    const zlib = NODE_ZLIB;
    const stored = new Uint8Array((await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } })) as ArrayBuffer);
    const deflated = deflateStoredZip(stored, (data) => zlib.deflateRawSync(data));
    if (deflated) return deflated;
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

let nodeDeflate = true;

/** For tests: whether the writer deflates with Node's zlib when it can (as by default) or leaves it to exceljs. */
export function useNodeDeflate(on: boolean): void {
  nodeDeflate = on;
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

function renderSheet(wb: ExcelJS.Workbook, s: SheetDescription) {
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
      ...(s.print.repeatRows ? { printTitlesRow: `${s.print.repeatRows.from + 1}:${s.print.repeatRows.to + 1}` } : {}),
    },
  });
  if (s.print.footer) ws.headerFooter.oddFooter = `&C${s.print.footer}`;
  s.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  s.cells.forEach((row, r) => {
    row.forEach((d, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      if (d.value !== null) {
        // A string is written as a string cell (t="s"), never as a formula, and given the text format "@"
        // so that retyping it does not turn "=1+1" into a formula either (formulaSafe needs nothing more here).
        cell.value = typeof d.value === 'string' ? xlsxText(d.value) : d.value;
      }
      const style: Partial<ExcelJS.Style> = d.style ? excelStyle(STYLES[d.style]) : {};
      if (d.numberFormat) style.numFmt = d.numberFormat;
      else if (typeof d.value === 'string') style.numFmt = '@';
      cell.style = style as ExcelJS.Style;
    });
  });
  for (const h of s.rowHeights) ws.getRow(h.row + 1).height = h.points;
  for (const m of s.merges) ws.mergeCells(m.r1 + 1, m.c1 + 1, m.r2 + 1, m.c2 + 1);
  for (const v of s.validations) {
    for (let r = v.range.r1; r <= v.range.r2; r++)
      for (let c = v.range.c1; c <= v.range.c2; c++) {
        const base = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop' as const, error: v.error, ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}) };
        ws.getCell(r + 1, c + 1).dataValidation =
          v.kind === 'list'
            ? { ...base, type: 'list', formulae: [`"${v.values.join(',').replace(/"/g, '""')}"`] }
            : { ...base, type: 'decimal', operator: 'between', formulae: [v.min, v.max] };
      }
  }
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
