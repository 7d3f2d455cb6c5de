/**
 * Past years' results (往年结果) for the rules that count consecutive tiers (seed 002 第五篇: 连续两次、
 * 连续三次被评为不合格). A sheet with a header row naming a 姓名 (or 名称) column and one column per year,
 * headed by the year (2024年, 2024年度, 2024年度评议等次, 2024, 二〇二四年), each cell that year's tier (a
 * note in brackets set aside: 不合格（警示谈话） is 不合格); a 单位 column (单位, 所在社区, 村（社区） …)
 * tells apart two people of one name. Also as clerks keep them: the years one row below a header over two
 * rows (历年评议等次 over 2024年 | 2025年); a sheet per year with an 等次 column, its year in the sheet's
 * name (2024年) or in a title above (关于2024年度…的公示) — the 公示表 of the tool's own result workbook is
 * read so, its other sheets passed over. A column whose header names a year and something else
 * (2024年所在社区) is that year's tiers only when no column is headed by the year alone. A note in
 * brackets beside a name (张强（男）) is set aside as the roster's are, not taken for a unit. Every row is
 * read as listed, with its year columns and cells: whose row is whose, which years count (those before
 * the results year) and what a year without a result means are decided where the history meets the
 * roster and the date (core/results/history.ts).
 */
import { cellAddress } from '../../core/common/cell';
import { Finding, finding } from '../../core/findings/finding';
import { CellValue, SheetGrid, Submission, shownValue } from '../../core/forms/grid';
import { ownOutputByTitle } from '../../core/output/result-sheet-names';
import { History, HistoryRow } from '../../core/results/history';
import { UNIT_HEADER, isRosterNoteWord } from '../../core/roster/roster';
import { annotations, displayName, normalizeLabel, withoutAnnotations } from '../../core/text/normalize';
import { findNameHeader, listedRows } from './read-roster';

/** A year in a column header: 2024年, 2024年度评议等次, 2024, 二〇二四年 (digits written as characters). */
const YEAR = /(19|20)\d{2}/;
const CHINESE_DIGITS = '〇一二三四五六七八九';

function yearIn(label: string): number | null {
  const digits = label.replace(/[〇零一二三四五六七八九]/g, (d) => String(d === '零' ? 0 : CHINESE_DIGITS.indexOf(d)));
  const m = YEAR.exec(digits);
  return m ? Number(m[0]) : null;
}

/** A year column's header without its year: nothing, or words that say it holds the tiers (2024年度评议等次). */
const YEAR_ALONE = /^(年|年度)?(的)?(民主评议|评议|考核|测评|评定|考评)?(等次|等级|结果|评议结果|评定结果|考核结果|情况)?$/;
/** A column of tiers without a year (a sheet per year, a 公示表): 等次, 评议等次, 评议结果. */
const TIER_HEADER = /^(年度)?(民主评议|评议|考核|测评|评定|考评)?(等次|等级|评议结果|评定结果|考核结果|结果)$/;

interface Layout {
  headerRow: number;
  nameCol: number;
  nameLabel: string;
  unitCol: number | null;
  /** Year columns, most recent first, with their header text and cell. */
  years: { col: number; year: number; label: string; cell: string }[];
  /** How a sheet without year columns got its year: from its name or a title (said). */
  yearFrom?: string;
}

function text(v: CellValue | undefined): string {
  const s = shownValue(v);
  return s === null ? '' : String(s).trim();
}

/** The year a header names with nothing but tier words beside it (2024年, 2024年度评议结果), else null. */
function yearAlone(label: string): boolean {
  const digits = label.replace(/[〇零一二三四五六七八九]/g, (d) => String(d === '零' ? 0 : CHINESE_DIGITS.indexOf(d)));
  return YEAR_ALONE.test(digits.replace(YEAR, ''));
}

function findLayout(sheet: SheetGrid): Layout | null {
  const header = findNameHeader(sheet);
  if (header === null) return null;
  const { row, nameCol, labels } = header;
  const unitCol = labels.findIndex((l, c) => c !== nameCol && UNIT_HEADER.test(l));
  const yearColumns = (r: number, own: string[]) => {
    const found: Layout['years'] = [];
    own.forEach((l, col) => {
      const year = yearIn(l);
      if (year !== null && col !== nameCol && col !== unitCol) found.push({ col, year, label: text(sheet.rows[r]?.[col]), cell: cellAddress(r, col) });
    });
    return found;
  };
  let headerRow = row;
  let years = yearColumns(row, labels);
  // A header over two rows (历年评议等次 merged over 2024年 | 2025年): the years are in the row below, which names no one.
  if (years.length === 0 && text(sheet.rows[row + 1]?.[nameCol]) === '') {
    const below = yearColumns(row + 1, (sheet.rows[row + 1] ?? []).map((v) => normalizeLabel(shownValue(v))));
    if (below.length > 0) {
      years = below;
      headerRow = row + 1;
    }
  }
  let yearFrom: string | undefined;
  if (years.length === 0) {
    // A sheet per year (each year's 公示表 pasted in): its tiers column takes the year its name or its title names.
    const tierCol = labels.findIndex((l, c) => c !== nameCol && TIER_HEADER.test(l));
    const titles = sheet.rows.slice(0, row).flatMap((r) => (r ?? []).map(text).filter((t) => t !== ''));
    const titleYears = [...new Set(titles.map(yearIn).filter((y): y is number => y !== null))];
    const year = yearIn(sheet.name) ?? (titleYears.length === 1 ? titleYears[0] : null);
    if (tierCol >= 0 && year !== null) {
      years = [{ col: tierCol, year, label: text(sheet.rows[row]?.[tierCol]), cell: cellAddress(row, tierCol) }];
      yearFrom = yearIn(sheet.name) !== null ? `工作表名「${sheet.name}」` : `标题「${titles.find((t) => yearIn(t) === year)}」`;
    }
  }
  // Of the columns a year heads, those headed by the year alone (2024年) are its tiers, not 2024年所在社区.
  const alone = new Set(years.filter((y) => yearAlone(normalizeLabel(y.label))).map((y) => y.year));
  const kept = years.filter((y) => !alone.has(y.year) || yearAlone(normalizeLabel(y.label)));
  kept.sort((a, b) => b.year - a.year || a.col - b.col);
  return { headerRow, nameCol, nameLabel: labels[nameCol], unitCol: unitCol >= 0 ? unitCol : null, years: kept, ...(yearFrom ? { yearFrom } : {}) };
}

/**
 * A name with a note in brackets beside it (张强（男）): the note is set aside, as the roster does, when the
 * row has a unit of its own or the note is a post or remark (男, 女, 书记); otherwise the bracket is the unit
 * (王伟（荣兴社区）, as the results write a 重名). The name, and the note set aside ('' for none).
 */
function nameAndNote(written: string, unit: string): { name: string; note: string } {
  const notes = annotations(written);
  if (notes.length === 0) return { name: written, note: '' };
  const unitSaid = normalizeLabel(unit);
  const aside = notes.filter((n) => unitSaid !== '' || isRosterNoteWord(n));
  if (aside.length === 0) return { name: written, note: '' };
  // The unit written in brackets as well as in its column is no note: dropped without a word.
  const said = aside.filter((n) => n !== unitSaid);
  const kept = notes.filter((n) => !aside.includes(n));
  const bare = displayName(withoutAnnotations(written));
  return { name: kept.length > 0 ? `${bare}（${kept.join('）（')}）` : bare, note: said.join('，') };
}

/** Rows of a list in parts (a heading line in the first column, its name cell blank, then the part's names): each name row's heading. */
function unitsByHeading(sheet: SheetGrid, layout: Layout): Map<number, string> {
  const out = new Map<number, string>();
  let heading = '';
  for (let r = layout.headerRow + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    if (text(row[layout.nameCol]) === '') heading = text(row[0]) || heading;
    else if (heading !== '') out.set(r, heading);
  }
  return out;
}

export function readHistory(submission: Submission): { history: History; findings: Finding[] } {
  const file = submission.file;
  const findings: Finding[] = [];
  const history: History = { columns: [], rows: [] };
  let headers = 0;
  // The tool's own result workbook (last year's 结果.xlsx): its 公示表 is read (the year in its title), its other sheets passed over.
  const ownSheets: string[] = [];
  let ownPublication: { sheet: string; year: number } | null = null;
  for (const sheet of submission.sheets) {
    const own = (sheet.meta ?? submission.meta)?.output ?? ownOutputByTitle(sheet.rows)?.output;
    if (own !== undefined && own !== '往年结果' && own !== '公示表') {
      ownSheets.push(sheet.name);
      continue;
    }
    const layout = findLayout(sheet);
    if (!layout) continue;
    headers++;
    const where = (r: number, c: number) => ({ file, sheet: sheet.name, cell: cellAddress(r, c) });
    if (layout.years.length === 0) {
      const tierCol = (sheet.rows[layout.headerRow] ?? []).findIndex((v, c) => c !== layout.nameCol && TIER_HEADER.test(normalizeLabel(shownValue(v))));
      const advice =
        tierCol >= 0
          ? `「${text(sheet.rows[layout.headerRow]?.[tierCol])}」栏没有写明年度：请把工作表命名为该年度（如「2024年」），或把栏名改为「2024年」这样的年度`
          : '应如「2024年」「2025年度」，每年一列';
      findings.push(finding('HISTORY_UNREADABLE', `往年结果「${sheet.name}」的表头中没有年度列（${advice}），未读取`, where(layout.headerRow, layout.nameCol)));
      continue;
    }
    if (own === '公示表') ownPublication = { sheet: sheet.name, year: layout.years[0].year };
    else if (layout.yearFrom)
      findings.push(
        finding('HISTORY_YEAR_READ_AS', `往年结果「${sheet.name}」没有年度列，「${layout.years[0].label}」栏按${layout.yearFrom}读作 ${layout.years[0].year} 年的等次，请核实`, { file, sheet: sheet.name, cell: layout.years[0].cell }),
      );
    const seenYears = new Set<number>();
    for (const y of layout.years) {
      if (seenYears.has(y.year))
        findings.push(finding('HISTORY_UNREADABLE', `往年结果「${sheet.name}」中 ${y.year} 年有不止一列，只读取第一列`, { file, sheet: sheet.name, cell: y.cell }));
      seenYears.add(y.year);
    }
    const years = layout.years.filter((y, i) => layout.years.findIndex((o) => o.year === y.year) === i);
    for (const y of years) history.columns.push({ year: y.year, label: y.label, at: { file, sheet: sheet.name, cell: y.cell } });
    // The tool's 公示表 in parts by unit (describe-publication publicationParts) has no 单位 column: each part's heading line names it.
    const headed = own === '公示表' && layout.unitCol === null ? unitsByHeading(sheet, layout) : null;
    for (const { r, row, name: written } of listedRows(sheet, layout.headerRow, layout.nameCol, layout.nameLabel)) {
      const unit = layout.unitCol === null ? (headed?.get(r) ?? '') : text(row[layout.unitCol]);
      const { name, note } = nameAndNote(written, unit);
      if (note !== '')
        findings.push(
          finding('HISTORY_NAME_NOTE', `往年结果中「${written}」按「${name}」读入，「${note}」作为备注，不作为单位${unit !== '' ? `（单位按「${unit}」）` : ''}`, { ...where(r, layout.nameCol), subject: name }),
        );
      const read: HistoryRow = {
        name,
        unit,
        years: years.map((y) => ({ year: y.year, tier: normalizeLabel(withoutAnnotations(text(row[y.col]))), cell: cellAddress(r, y.col) })),
        at: where(r, layout.nameCol),
      };
      history.rows.push(read);
    }
  }
  if (ownSheets.length > 0) {
    const others = ownSheets.map((n) => `「${n}」`).join('');
    if (ownPublication)
      findings.push(
        finding('HISTORY_OWN_RESULT', `「${file}」是本工具生成的结果文件：按其「${ownPublication.sheet}」读取 ${ownPublication.year} 年的等次（等次待定、未公示的人没有该年的结果），${others}不是往年结果，未读取`, { file }),
      );
    else
      findings.push(
        finding(
          'HISTORY_UNREADABLE',
          `「${file}」是本工具生成的结果文件，其中没有公示表，读不出年度：请把其中「排名表」的姓名、单位和等次抄入往年结果（template 生成的 往年结果.xlsx），等次填在该年度一列（如「2024年」），再用 --history 给出`,
          { file },
        ),
      );
    if (headers === 0) return { history, findings };
  }
  if (headers === 0) findings.push(finding('HISTORY_UNREADABLE', `往年结果「${file}」中找不到含「姓名」（或「名称」）的表头行，未读取`, { file }));
  else if (history.rows.length === 0 && !findings.some((f) => f.code === 'HISTORY_UNREADABLE')) findings.push(finding('HISTORY_UNREADABLE', `往年结果「${file}」的表头下没有任何姓名`, { file }));
  // A template given back unfilled: one error for the file, rather than a gap per person as if some years were missing.
  else if (history.columns.length > 0 && history.rows.every((row) => row.years.every((y) => y.tier === '')))
    findings.push(finding('HISTORY_UNREADABLE', `往年结果「${file}」中没有填写任何等次（各年度列都是空白），连续次数无从核对；请填写往年的评议等次后重新运行`, { file }));
  return { history, findings };
}
