/**
 * Past years' results (往年结果) for the rules that count consecutive tiers (seed 002 第五篇: 连续两次、
 * 连续三次被评为不合格). A sheet with a header row naming a 姓名 (or 名称) column and one column per year,
 * headed by the year (2024年, 2024年度, 2024年度评议等次, 2024, 二〇二四年), each cell that year's tier (a
 * note in brackets set aside: 不合格（警示谈话） is 不合格); a 单位 column (单位, 所在社区, 村（社区） …)
 * tells apart two people of one name. Every row is read as listed, with its year columns and cells: whose
 * row is whose, which years count (those before the results year) and what a year without a result
 * means are decided where the history meets the roster and the date (core/results/history.ts).
 */
import { cellAddress } from '../../core/common/cell';
import { Finding, finding } from '../../core/findings/finding';
import { CellValue, SheetGrid, Submission, shownValue } from '../../core/forms/grid';
import { History, HistoryRow } from '../../core/results/history';
import { UNIT_HEADER } from '../../core/roster/roster';
import { normalizeLabel, withoutAnnotations } from '../../core/text/normalize';
import { findNameHeader, listedRows } from './read-roster';

/** A year in a column header: 2024年, 2024年度评议等次, 2024, 二〇二四年 (digits written as characters). */
const YEAR = /(19|20)\d{2}/;
const CHINESE_DIGITS = '〇一二三四五六七八九';

function yearIn(label: string): number | null {
  const digits = label.replace(/[〇零一二三四五六七八九]/g, (d) => String(d === '零' ? 0 : CHINESE_DIGITS.indexOf(d)));
  const m = YEAR.exec(digits);
  return m ? Number(m[0]) : null;
}

interface Layout {
  headerRow: number;
  nameCol: number;
  nameLabel: string;
  unitCol: number | null;
  /** Year columns, most recent first, with their header text. */
  years: { col: number; year: number; label: string }[];
}

function text(v: CellValue | undefined): string {
  const s = shownValue(v);
  return s === null ? '' : String(s).trim();
}

function findLayout(sheet: SheetGrid): Layout | null {
  const header = findNameHeader(sheet);
  if (header === null) return null;
  const { row, nameCol, labels } = header;
  const unitCol = labels.findIndex((l, c) => c !== nameCol && UNIT_HEADER.test(l));
  const years: Layout['years'] = [];
  labels.forEach((l, col) => {
    const year = yearIn(l);
    if (year !== null && col !== nameCol) years.push({ col, year, label: text(sheet.rows[row]?.[col]) });
  });
  years.sort((a, b) => b.year - a.year || a.col - b.col);
  return { headerRow: row, nameCol, nameLabel: labels[nameCol], unitCol: unitCol >= 0 ? unitCol : null, years };
}

export function readHistory(submission: Submission): { history: History; findings: Finding[] } {
  const file = submission.file;
  const findings: Finding[] = [];
  const history: History = { columns: [], rows: [] };
  let headers = 0;
  for (const sheet of submission.sheets) {
    const layout = findLayout(sheet);
    if (!layout) continue;
    headers++;
    const where = (r: number, c: number) => ({ file, sheet: sheet.name, cell: cellAddress(r, c) });
    if (layout.years.length === 0) {
      findings.push(finding('HISTORY_UNREADABLE', `往年结果「${sheet.name}」的表头中没有年度列（应如「2024年」「2025年度」），未读取`, where(layout.headerRow, layout.nameCol)));
      continue;
    }
    const seenYears = new Set<number>();
    for (const y of layout.years) {
      if (seenYears.has(y.year))
        findings.push(finding('HISTORY_UNREADABLE', `往年结果「${sheet.name}」中 ${y.year} 年有不止一列，只读取第一列`, where(layout.headerRow, y.col)));
      seenYears.add(y.year);
    }
    const years = layout.years.filter((y, i) => layout.years.findIndex((o) => o.year === y.year) === i);
    for (const y of years) history.columns.push({ year: y.year, label: y.label, at: where(layout.headerRow, y.col) });
    for (const { r, row, name } of listedRows(sheet, layout.headerRow, layout.nameCol, layout.nameLabel)) {
      const read: HistoryRow = {
        name,
        unit: layout.unitCol === null ? '' : text(row[layout.unitCol]),
        years: years.map((y) => ({ year: y.year, tier: normalizeLabel(withoutAnnotations(text(row[y.col]))), cell: cellAddress(r, y.col) })),
        at: where(r, layout.nameCol),
      };
      history.rows.push(read);
    }
  }
  if (headers === 0) findings.push(finding('HISTORY_UNREADABLE', `往年结果「${file}」中找不到含「姓名」（或「名称」）的表头行，未读取`, { file }));
  else if (history.rows.length === 0 && !findings.some((f) => f.code === 'HISTORY_UNREADABLE')) findings.push(finding('HISTORY_UNREADABLE', `往年结果「${file}」的表头下没有任何姓名`, { file }));
  // A template given back unfilled: one error for the file, rather than a gap per person as if some years were missing.
  else if (history.columns.length > 0 && history.rows.every((row) => row.years.every((y) => y.tier === '')))
    findings.push(finding('HISTORY_UNREADABLE', `往年结果「${file}」中没有填写任何等次（各年度列都是空白），连续次数无从核对；请填写往年的评议等次后重新运行`, { file }));
  return { history, findings };
}
