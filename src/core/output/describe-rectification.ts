/**
 * 整改清单 (问题清单、责任清单、整改清单, seed 003 篇七; 问题整改台帐 with 销号, seed 002): one row per
 * rectification item of the results, with a dropdown (整改中 / 已销号) on the status column so the
 * clerk closes items in the sheet itself. 整改措施 is left for the clerk; 整改时限 is ISO text.
 */
import { CampaignResult } from '../engine';
import { RectificationRow } from '../rectification/rectification';
import { SheetBuilder, WidthBounds, headerRow } from './sheet-builder';
import { PAGE_FOOTER, SheetDescription, cell, countCell } from './sheet-description';

export const RECTIFICATION_STATUSES: readonly RectificationRow['status'][] = ['整改中', '已销号'];

const COLUMNS: { header: string; bounds: WidthBounds }[] = [
  { header: '序号', bounds: { min: 6 } },
  { header: '被评议对象', bounds: { min: 10, max: 16 } },
  { header: '单位', bounds: { min: 8, max: 20 } },
  { header: '存在问题', bounds: { min: 24, max: 40 } },
  { header: '整改要求', bounds: { min: 16, max: 30 } },
  { header: '责任人', bounds: { min: 8, max: 14 } },
  { header: '整改措施', bounds: { min: 24, max: 24 } },
  { header: '整改时限', bounds: { min: 12 } },
  { header: '整改状态', bounds: { min: 10 } },
  { header: '依据', bounds: { min: 16, max: 30 } },
];

export function describeRectification(result: CampaignResult): SheetDescription {
  const { scheme } = result;
  const b = new SheetBuilder(COLUMNS.length);
  b.band(`${scheme.process}整改清单`, 'title', 30);
  b.band('（问题清单、责任清单、整改清单）', 'subtitle');
  const header = headerRow(b, COLUMNS.map((c) => c.header));
  const first = b.rowCount;
  result.rectification.forEach((row, i) =>
    b.row([
      countCell(i + 1, 'center'),
      cell(row.subject, 'center'),
      cell(row.unit, 'wrap'),
      cell(row.problem, 'wrap'),
      cell(row.action, 'wrap'),
      cell(row.responsible, 'center'),
      cell(row.measures, 'wrap'),
      cell(row.deadline, 'center'),
      cell(row.status, 'center'),
      cell(row.cite, 'wrap'),
    ]),
  );
  const last = b.rowCount - 1;
  const statusCol = COLUMNS.findIndex((c) => c.header === '整改状态');
  if (result.rectification.length > 0)
    b.validate({
      kind: 'list',
      range: { r1: first, c1: statusCol, r2: last, c2: statusCol },
      values: [...RECTIFICATION_STATUSES],
      prompt: '整改完成并经核实后改为“已销号”',
      error: '整改状态只能是“整改中”或“已销号”',
    });
  else b.band('本次评议没有需要整改的事项。', 'note');
  return b.build({
    name: '整改清单',
    kind: 'rectification',
    bounds: COLUMNS.map((c) => c.bounds),
    freeze: { rows: header + 1, cols: 2 },
    autoFilter: result.rectification.length > 0 ? { r1: header, c1: 0, r2: last, c2: COLUMNS.length - 1 } : undefined,
    print: { orientation: 'landscape', repeatRows: { from: header, to: header }, footer: PAGE_FOOTER },
    // The year is read back by a re-run writing over this file (cli/previous-result.ts): another year's 整改 records are not this year's.
    meta: { kind: 'rectification', schemeId: scheme.id, year: result.date.slice(0, 4) },
  });
}
