/**
 * One SheetDescription → operations on a new worksheet, in the order the description's conventions
 * ask (sheet-description.ts): number formats (text "@" for every string cell, so "001",
 * "2026-12-31" and "=1+1" stay text) before values, then styles, column widths, row heights,
 * merges, dropdown validation, frozen panes, filter, print settings and page breaks, unlocked ranges, the ownership
 * mark, and protection last (a protected sheet refuses the rest).
 *
 * Operations are queued through a Batcher that syncs when the estimated request would pass the
 * budget (3 MB against Excel on the web's 5 MB): values and number formats go as whole-range
 * arrays in row bands sized from their exact JSON length; styles go as one range per rectangle of
 * equal style (style-areas.ts), or, with ExcelApi 1.9, as one RangeAreas per style; never a proxy
 * per cell. A sheet of ordinary size is one sync. Calculation is suspended for every sync
 * (suspendApiCalculationUntilNextSync, 1.6) and screen updating too where the API has it (1.9).
 */
import { CellStyle, SheetDescription, STYLES, StyleName, Validation, looksLikeFormula } from '../../core/output/sheet-description';
import { columnsA1, rangeA1, rowsA1 } from './a1';
import { utf8Length } from './read-grids';
import { FeatureName, Supports, hasFeature } from './requirements';
import { SheetMark, queueMarkWrite } from './sheet-marks';
import { groupRectangles, runs } from './style-areas';

export interface WriteLimits {
  /** Estimated bytes of one sync's request. */
  requestBytes: number;
  /** Characters of one getRanges address list (Excel refuses long ones: office-js#5198). */
  addressChars: number;
}

export const DEFAULT_WRITE_LIMITS: Readonly<WriteLimits> = Object.freeze({ requestBytes: 3_000_000, addressChars: 2000 });

/** A conservative size of one queued operation in Excel's request JSON (action + object path). */
export const OPERATION_BYTES = 250;

/** Queues operations and syncs when the next would pass the request budget. */
export class Batcher {
  private bytes = 0;
  private open = false;
  syncs = 0;

  constructor(
    private readonly ctx: Excel.RequestContext,
    private readonly limits: WriteLimits,
    private readonly supports: Supports,
  ) {}

  async add(bytes: number, queue: () => void): Promise<void> {
    if (this.open && this.bytes + bytes > this.limits.requestBytes) await this.flush();
    if (!this.open) {
      const app = this.ctx.workbook.application;
      app.suspendApiCalculationUntilNextSync();
      if (hasFeature(this.supports, 'screenUpdating')) app.suspendScreenUpdatingUntilNextSync();
      this.open = true;
      this.bytes = 2 * OPERATION_BYTES;
    }
    queue();
    this.bytes += bytes;
  }

  async flush(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    this.bytes = 0;
    this.syncs++;
    await this.ctx.sync();
  }
}

/** Excel column width in points for a width in characters (maximum digit width 7 px, 5 px padding). */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * What a cell's string must be written as: an apostrophe keeps a formula-like or quoted text literal.
 * Excel takes a string written to Range.values that starts with "=" as a formula even in a cell
 * formatted "@", so the quote is the guard; it is decided here from the text itself as well as from
 * the description's `formulaSafe`, so a description made without `cell()` cannot slip one through.
 */
export function textForExcel(text: string, formulaSafe: boolean | undefined): string {
  return formulaSafe || looksLikeFormula(text) || text.startsWith("'") ? `'${text}` : text;
}

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;
const VERTICAL = { top: 'Top', middle: 'Center' } as const;
const BORDERS = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

function applyStyle(f: Excel.RangeFormat, s: Readonly<CellStyle>): void {
  f.font.name = s.fontName;
  f.font.size = s.fontSize;
  f.font.bold = s.bold;
  if (s.fill) f.fill.color = `#${s.fill}`;
  f.horizontalAlignment = HORIZONTAL[s.horizontal];
  f.verticalAlignment = VERTICAL[s.vertical];
  f.wrapText = s.wrap;
  if (s.border === 'thin')
    for (const side of BORDERS) {
      const b = f.borders.getItem(side);
      b.style = 'Continuous';
      b.weight = 'Thin';
      b.color = '#000000';
    }
}

const STYLE_OPERATIONS = 8 + BORDERS.length * 4;

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function applyValidation(range: Excel.Range, v: Validation): void {
  const dv = range.dataValidation;
  dv.rule =
    v.kind === 'list'
      ? { list: { inCellDropDown: true, source: v.values.join(',') } }
      : v.kind === 'whole'
        ? { wholeNumber: { formula1: v.min, formula2: v.max, operator: 'Between' } }
        : { decimal: { formula1: v.min, formula2: v.max, operator: 'Between' } };
  dv.ignoreBlanks = true;
  // Excel's limits: titles 32 characters, error message 225, input message 255.
  dv.errorAlert = { showAlert: true, style: 'Stop', title: '输入无效', message: truncate(v.error, 225) };
  if (v.prompt) dv.prompt = { showPrompt: true, title: '填写说明', message: truncate(v.prompt, 255) };
}

export interface RenderResult {
  /** Features this sheet needed but this Excel lacks. */
  missing: FeatureName[];
}

/**
 * Queues `d` onto the new, empty worksheet `ws` and syncs (through `batch`) as often as its size
 * needs; the final flush is left to the caller so the next step can share the sync.
 */
export async function renderSheet(ws: Excel.Worksheet, d: SheetDescription, mark: SheetMark, batch: Batcher, supports: Supports, limits: WriteLimits): Promise<RenderResult> {
  const missing: FeatureName[] = [];
  const rows = d.cells.length;
  const cols = d.columns.length;

  // 1. Number formats, then values, in row bands of at most the request budget.
  if (rows > 0 && cols > 0) {
    let start = 0;
    while (start < rows) {
      const formats: (string | null)[][] = [];
      const values: (string | number | null)[][] = [];
      let bytes = 4 * OPERATION_BYTES;
      let r = start;
      while (r < rows) {
        const fRow = d.cells[r].map((c) => (typeof c.value === 'string' ? '@' : typeof c.value === 'number' ? c.numberFormat ?? 'General' : null));
        const vRow = d.cells[r].map((c) => (typeof c.value === 'string' ? textForExcel(c.value, c.formulaSafe) : c.value));
        const rowBytes = utf8Length(JSON.stringify(fRow)) + utf8Length(JSON.stringify(vRow)) + 2;
        if (r > start && bytes + rowBytes > limits.requestBytes) break;
        formats.push(fRow);
        values.push(vRow);
        bytes += rowBytes;
        r++;
      }
      const from = start;
      await batch.add(bytes, () => {
        const range = ws.getRangeByIndexes(from, 0, formats.length, cols);
        range.numberFormat = formats;
        range.values = values;
      });
      start = r;
    }
  }

  // 2. Styles: one range (or RangeAreas) per rectangle of equal style.
  const areas = groupRectangles<StyleName>(rows, cols, (r, c) => d.cells[r][c].style);
  const useAreas = hasFeature(supports, 'rangeAreas');
  for (const [name, rects] of areas) {
    const style = STYLES[name];
    if (useAreas) {
      let list: string[] = [];
      let length = 0;
      const send = async (addresses: string[]) => {
        const address = addresses.join(',');
        await batch.add(STYLE_OPERATIONS * OPERATION_BYTES + address.length, () => applyStyle(ws.getRanges(address).format, style));
      };
      for (const rect of rects) {
        const a = rangeA1(rect);
        if (list.length > 0 && length + a.length + 1 > limits.addressChars) {
          await send(list);
          list = [];
          length = 0;
        }
        list.push(a);
        length += a.length + 1;
      }
      if (list.length > 0) await send(list);
    } else
      for (const x of rects)
        await batch.add(STYLE_OPERATIONS * OPERATION_BYTES, () => applyStyle(ws.getRangeByIndexes(x.r1, x.c1, x.r2 - x.r1 + 1, x.c2 - x.c1 + 1).format, style));
  }

  // 3. Widths and heights, one range per run of equal values.
  for (const [c1, c2, w] of runs(d.columns.map((c) => c.width)))
    await batch.add(2 * OPERATION_BYTES, () => (ws.getRange(columnsA1(c1, c2)).format.columnWidth = widthPoints(w)));
  const heights = [...d.rowHeights].sort((a, b) => a.row - b.row);
  for (let i = 0; i < heights.length; ) {
    let j = i;
    while (j + 1 < heights.length && heights[j + 1].row === heights[j].row + 1 && heights[j + 1].points === heights[i].points) j++;
    const [from, to, points] = [heights[i].row, heights[j].row, heights[i].points];
    await batch.add(2 * OPERATION_BYTES, () => (ws.getRange(rowsA1(from, to)).format.rowHeight = points));
    i = j + 1;
  }

  // 4. Merges.
  for (const m of d.merges) await batch.add(2 * OPERATION_BYTES, () => ws.getRangeByIndexes(m.r1, m.c1, m.r2 - m.r1 + 1, m.c2 - m.c1 + 1).merge(false));

  // 5. Dropdowns and number limits (ExcelApi 1.8).
  if (d.validations.length > 0) {
    if (hasFeature(supports, 'dataValidation'))
      for (const v of d.validations) {
        const x = v.range;
        await batch.add(6 * OPERATION_BYTES + utf8Length(JSON.stringify(v)), () => applyValidation(ws.getRangeByIndexes(x.r1, x.c1, x.r2 - x.r1 + 1, x.c2 - x.c1 + 1), v));
      }
    else missing.push('dataValidation');
  }

  // 6. Frozen panes (1.7).
  const freeze = d.freeze;
  if (freeze && (freeze.rows > 0 || freeze.cols > 0))
    await batch.add(2 * OPERATION_BYTES, () => {
      if (freeze.rows > 0 && freeze.cols > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, freeze.rows, freeze.cols));
      else if (freeze.rows > 0) ws.freezePanes.freezeRows(freeze.rows);
      else ws.freezePanes.freezeColumns(freeze.cols);
    });

  // 7. Filter buttons (1.9).
  const filter = d.autoFilter;
  if (filter) {
    if (hasFeature(supports, 'autoFilter'))
      await batch.add(2 * OPERATION_BYTES, () => ws.autoFilter.apply(ws.getRangeByIndexes(filter.r1, filter.c1, filter.r2 - filter.r1 + 1, filter.c2 - filter.c1 + 1)));
    else missing.push('autoFilter');
  }

  // 8. Print settings (1.9).
  if (hasFeature(supports, 'pageLayout')) {
    const p = d.print;
    await batch.add(15 * OPERATION_BYTES + utf8Length(p.footer ?? ''), () => {
      const pl = ws.pageLayout;
      pl.paperSize = 'A4';
      pl.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      if (p.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      pl.topMargin = p.margins.top * 72;
      pl.bottomMargin = p.margins.bottom * 72;
      pl.leftMargin = p.margins.left * 72;
      pl.rightMargin = p.margins.right * 72;
      pl.headerMargin = p.margins.header * 72;
      pl.footerMargin = p.margins.footer * 72;
      pl.centerHorizontally = p.horizontalCentered;
      // Each sheet numbered from 1 (第 1 页，共 3 页), as the file host does: the 公示表 is posted on its own.
      pl.firstPageNumber = 1;
      if (p.repeatRows) pl.setPrintTitleRows(rowsA1(p.repeatRows.from, p.repeatRows.to));
      if (p.footer) pl.headersFooters.defaultForAllPages.centerFooter = p.footer;
    });
    // Manual page breaks (ExcelApi 1.9, as pageLayout): each added above the first row of the next page.
    const breaks = d.rowBreaks ?? [];
    if (breaks.length > 0)
      await batch.add(2 * OPERATION_BYTES * breaks.length, () => {
        for (const r of breaks) ws.horizontalPageBreaks.add(ws.getRangeByIndexes(r + 1, 0, 1, 1));
      });
  } else missing.push('pageLayout');

  // 9. Unlocked entry cells, the mark, and protection last.
  const protection = d.protection;
  if (protection)
    for (const u of protection.unlocked)
      await batch.add(3 * OPERATION_BYTES, () => (ws.getRangeByIndexes(u.r1, u.c1, u.r2 - u.r1 + 1, u.c2 - u.c1 + 1).format.protection.locked = false));
  const withProperties = hasFeature(supports, 'customProperties');
  await batch.add(4 * OPERATION_BYTES + 2 * utf8Length(JSON.stringify(mark)), () => queueMarkWrite(ws, mark, withProperties));
  if (protection)
    await batch.add(OPERATION_BYTES, () => ws.protection.protect({ allowFormatColumns: protection.allowFormatColumns, allowFormatRows: protection.allowFormatRows }));
  return { missing };
}
