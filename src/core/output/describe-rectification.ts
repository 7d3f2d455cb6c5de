/**
 * 整改清单 (问题清单、责任清单、整改清单, seed 003 篇七; 问题整改台帐 with 销号, seed 002): one row per
 * rectification item of the results, with a dropdown (整改中 / 已销号) on the status column so the
 * clerk closes items in the sheet itself, and 完成时间 for the date of 销号. 整改措施 and 完成时间 are
 * left for the clerk; 整改时限 and 完成时间 are real dates shown 2026年12月31日 (dateCell), a 完成时间 typed
 * otherwise (2027.1.8, 2027年1月8日) read and written back as one (calendar-date.ts).
 *
 * The sheet is laid out in one place (`buildRectificationSheet`): from this run's rows here, and again
 * by merge-rectification.ts when a re-run carries over what staff typed into the previous sheet.
 */
import { readCalendarDate } from '../common/calendar-date';
import { CampaignResult } from '../engine';
import { RectificationRow } from '../rectification/rectification';
import { inYear } from './describe-publication';
import { SheetBuilder, WidthBounds, headerRow } from './sheet-builder';
import { SheetDescription, StyleName, cell, countCell, dateCell, pageFooter } from './sheet-description';

export const RECTIFICATION_STATUSES: readonly RectificationRow['status'][] = ['整改中', '已销号'];

/** A cell value of the table. */
export type RectificationText = string | number | null;

/**
 * The columns, in order. Widths (characters) are bounded so that with 完成时间 the table at its widest
 * (201 units) prints one page wide at 70.2% of landscape A4 (Excel: a column is width × 7 + 5 px, 0.75 pt a
 * px; (201 × 7 + 11 × 5) × 0.75 = 1,096.5 pt against 769.7 pt of paper between 0.5 in margins); before
 * 完成时间 the ten columns reached 207 units, 68.5%. Longer text wraps. A date (2026年12月31日: 8 digits and
 * 3 characters of 2) takes 14, and 15 with room.
 */
export const RECTIFICATION_COLUMNS = [
  { header: '序号', bounds: { min: 6 }, style: 'center' },
  { header: '被评议对象', bounds: { min: 10, max: 14 }, style: 'center' },
  { header: '单位', bounds: { min: 8, max: 16 }, style: 'wrap' },
  { header: '存在问题', bounds: { min: 24, max: 36 }, style: 'wrap' },
  { header: '整改要求', bounds: { min: 16, max: 26 }, style: 'wrap' },
  { header: '责任人', bounds: { min: 8, max: 12 }, style: 'center' },
  { header: '整改措施', bounds: { min: 24, max: 24 }, style: 'wrap' },
  { header: '整改时限', bounds: { min: 15, max: 15 }, style: 'center' },
  { header: '整改状态', bounds: { min: 10, max: 12 }, style: 'center' },
  { header: '完成时间', bounds: { min: 15, max: 15 }, style: 'center' },
  { header: '依据', bounds: { min: 16, max: 24 }, style: 'wrap' },
] as const satisfies readonly { header: string; bounds: WidthBounds; style: StyleName }[];

export type RectificationColumn = (typeof RECTIFICATION_COLUMNS)[number]['header'];

/** Columns staff added to the sheet, carried over by their header (merge-rectification.ts). */
const ADDED_COLUMN_BOUNDS: WidthBounds = { min: 8, max: 24 };

export const NO_ITEMS_NOTE = '本次评议没有需要整改的事项。';

/** Under rows kept from the previous sheet when this run has no item of its own (they are all gone from the results). */
export function keptOnlyNote(kept: number): string {
  return `本次评议结果中没有需要整改的事项；以上 ${kept} 项是此前整改清单中已填写整改情况、本次结果中已无的事项，保留备查。`;
}

/** The columns that hold a date: written as real dates (dateCell), whatever form a carried-over one was typed in. */
export const DATE_COLUMNS: ReadonlySet<RectificationColumn> = new Set<RectificationColumn>(['整改时限', '完成时间']);

/** A date column's value as a date cell; what is no date (尚未完成, 2027-13-01) as typed (said by rectificationDateProblems). */
function dateOrAsTyped(value: RectificationText, style: StyleName) {
  const iso = value === null || (typeof value === 'string' && value.trim() === '') ? null : readCalendarDate(value);
  return iso ? dateCell(iso, style) : cell(value, style);
}

export interface RectificationTable {
  title: string;
  subtitle: string;
  schemeId: string;
  /** Staff's own columns, by their header, after the standard ones. */
  addedHeaders: string[];
  /** This run's items first (`fresh`), then rows kept from the previous sheet. */
  rows: { fresh: boolean; values: Partial<Record<RectificationColumn, RectificationText>>; added: RectificationText[] }[];
}

export function describeRectification(result: CampaignResult): SheetDescription {
  const { scheme } = result;
  const sheet = buildRectificationSheet({
    title: `${inYear(result, scheme.process)}整改清单`,
    subtitle: '（问题清单、责任清单、整改清单）',
    schemeId: scheme.id,
    addedHeaders: [],
    rows: result.rectification.map((row) => ({
      fresh: true,
      added: [],
      values: {
        // A namesake without a unit to tell him apart is named with the note the roster gives (王伟（办公室主任）).
        被评议对象: row.unit === '' ? row.label : row.subject,
        单位: row.unit,
        存在问题: row.problem,
        整改要求: row.action,
        责任人: row.responsible,
        整改措施: row.measures,
        整改时限: row.deadline,
        整改状态: row.status,
        完成时间: null,
        依据: row.cite,
      },
    })),
  });
  // The year is read back by a re-run writing over this file (cli/previous-result.ts): another year's 整改 records are
  // not this year's. A merge keeps the new sheet's meta, so the year stays this run's.
  return { ...sheet, meta: { ...sheet.meta, year: String(result.year) } };
}

export function buildRectificationSheet(t: RectificationTable): SheetDescription {
  const width = RECTIFICATION_COLUMNS.length + t.addedHeaders.length;
  const b = new SheetBuilder(width);
  b.band(t.title, 'title', 30);
  b.band(t.subtitle, 'subtitle');
  const header = headerRow(b, [...RECTIFICATION_COLUMNS.map((c) => c.header), ...t.addedHeaders]);
  const first = b.rowCount;
  t.rows.forEach((row, i) =>
    b.row([
      ...RECTIFICATION_COLUMNS.map((c) =>
        c.header === '序号' ? countCell(i + 1, 'center') : DATE_COLUMNS.has(c.header) ? dateOrAsTyped(row.values[c.header] ?? null, c.style) : cell(row.values[c.header] ?? null, c.style),
      ),
      ...t.addedHeaders.map((_, k) => cell(row.added[k] ?? null, 'wrap')),
    ]),
  );
  const last = b.rowCount - 1;
  const statusCol = RECTIFICATION_COLUMNS.findIndex((c) => c.header === '整改状态');
  if (t.rows.length > 0)
    b.validate({
      kind: 'list',
      range: { r1: first, c1: statusCol, r2: last, c2: statusCol },
      values: [...RECTIFICATION_STATUSES],
      prompt: `整改完成并经核实后改为“${RECTIFICATION_STATUSES[1]}”，并填写完成时间`,
      error: `整改状态只能是${RECTIFICATION_STATUSES.map((s) => `“${s}”`).join('或')}`,
    });
  const fresh = t.rows.filter((r) => r.fresh).length;
  if (t.rows.length === 0) b.band(NO_ITEMS_NOTE, 'note');
  else if (fresh === 0) b.band(keptOnlyNote(t.rows.length), 'note');
  return b.build({
    name: '整改清单',
    kind: 'rectification',
    bounds: [...RECTIFICATION_COLUMNS.map((c) => c.bounds), ...t.addedHeaders.map(() => ADDED_COLUMN_BOUNDS)],
    freeze: { rows: header + 1, cols: 2 },
    autoFilter: t.rows.length > 0 ? { r1: header, c1: 0, r2: last, c2: width - 1 } : undefined,
    print: { orientation: 'landscape', repeatRows: { from: header, to: header }, footer: pageFooter('整改清单', { ofPages: false }) },
    meta: { kind: 'rectification', schemeId: t.schemeId },
  });
}
