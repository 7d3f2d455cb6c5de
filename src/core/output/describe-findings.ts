/**
 * 校验结果: every finding of the campaign, one per row, naming file, sheet and cell so a clerk can go
 * to the problem (DOMAIN.md, end of "Form layouts"). Findings name files, as they must; no sheet of
 * the results lists a ballot's marks. Since a file is often named after its rater and a finding may quote
 * a cell, the sheet says at its top that it is the clerk's working material, not to be forwarded with the
 * 公示表 and 排名表 it shares a workbook with (both hosts write this description).
 */
import { ReadResult } from '../ballots/read-ballots';
import { CampaignResult } from '../engine';
import { Finding, listedFindings } from '../findings/finding';
import { SheetBuilder, WidthBounds, headerRow } from './sheet-builder';
import { SheetDescription, cell, countCell, pageFooter } from './sheet-description';

const COLUMNS: { header: string; bounds: WidthBounds }[] = [
  { header: '序号', bounds: { min: 6 } },
  { header: '文件', bounds: { min: 12, max: 30 } },
  { header: '工作表', bounds: { min: 8, max: 20 } },
  { header: '单元格', bounds: { min: 8 } },
  { header: '级别', bounds: { min: 6 } },
  { header: '代码', bounds: { min: 10, max: 28 } },
  { header: '说明', bounds: { min: 40, max: 80 } },
];

export const SEVERITY_TEXT = { error: '错误', warning: '警告' } as const;

/** The first line under the title: what the sheet is for and that it does not go out with the results. */
export const WORKING_MATERIAL_NOTE =
  '本表是经办人核对来件用的工作底稿：逐条写明收回的文件名、工作表和单元格（文件名常含测评人姓名，说明中可能引用所填内容），不要随公示表、排名表转发或公布；转发本工作簿前请删除本表。';

/**
 * The findings sheet. `extra` findings (e.g. the publication's NAME_ORDER_UNCERTAIN) follow the
 * campaign's own; errors and warnings keep the engine's order (reading first, then results). The
 * counts under the title are of every finding; the rows are those `listedFindings` keeps, so a sheet
 * that is wrong in every one of its million rows still gives a sheet that can be written and read.
 */
export function describeFindings(result: CampaignResult, extra: readonly Finding[] = []): SheetDescription {
  const all = [...result.findings, ...extra];
  const findings = listedFindings(all);
  const b = new SheetBuilder(COLUMNS.length);
  b.band('校验结果', 'title', 30);
  const errors = all.filter((f) => f.severity === 'error').length;
  const original = new Set(all);
  const cut = findings.some((f) => !original.has(f)) ? '；同类问题过多处只列出一部分，另有一行说明未列出的条数' : '';
  // The counts stay right under the title: with it they tell a copy of this sheet (result-sheet-names OWN_LAYOUTS).
  b.band(`共 ${all.length} 条：错误 ${errors} 条（相应的票或项目未计入），警告 ${all.length - errors} 条（已计入，请核实）${cut}`, 'subtitle');
  b.band(WORKING_MATERIAL_NOTE, 'note');
  const header = headerRow(b, COLUMNS.map((c) => c.header));
  findings.forEach((f, i) =>
    b.row([
      countCell(i + 1, 'center'),
      cell(f.file, 'wrap'),
      cell(f.sheet ?? '', 'wrap'),
      cell(f.cell ?? '', 'center'),
      cell(SEVERITY_TEXT[f.severity], 'center'),
      cell(f.code, 'cell'),
      cell(f.message, 'wrap'),
    ]),
  );
  if (findings.length === 0) b.band('没有发现问题。', 'note');
  const last = b.rowCount - 1;
  return b.build({
    name: '校验结果',
    kind: 'findings',
    bounds: COLUMNS.map((c) => c.bounds),
    freeze: { rows: header + 1, cols: 0 },
    autoFilter: findings.length > 0 ? { r1: header, c1: 0, r2: last, c2: COLUMNS.length - 1 } : undefined,
    print: { orientation: 'landscape', repeatRows: { from: header, to: header }, footer: pageFooter('校验结果', { ofPages: false }) },
    meta: { kind: 'findings', schemeId: result.scheme.id },
  });
}

/** The count sheets (计票汇总表) counted, and the ballots they stand for; '' without any. */
function countSheetsText(read: ReadResult): string {
  if (read.counts.length === 0) return '';
  const ballots = read.counts.reduce((n, c) => n + c.ballots, 0);
  return `；另计入计票汇总表 ${read.counts.length} 张，合 ${ballots} 票`;
}

/** What was read, as the front ends say it first: 共读取 3 张票，计入 2 张 (and the count sheets). */
export function readSummary(read: ReadResult): string {
  return `共读取 ${read.ballots.length + read.uncounted.length} 张票，计入 ${read.ballots.length} 张${countSheetsText(read)}`;
}

/** What was counted: 计入 2 张票 (and the count sheets). */
export function countedSummary(read: ReadResult): string {
  return `计入 ${read.ballots.length} 张票${countSheetsText(read)}`;
}
