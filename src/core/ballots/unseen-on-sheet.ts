/**
 * What a returned ballot holds that the clerk does not see in its cells, or sees but the cells do not hold:
 * - rows or columns hidden (by a rater, or a filter left on): read as the cells say, like every other row,
 *   since a √ is in the cell whether shown or not and dropping it would be a guess about why it was hidden;
 *   but said, naming the rows and how many √ they hold, for the clerk to check (HIDDEN_ROWS, HIDDEN_COLUMNS);
 * - shapes, text boxes and pictures over the sheet (a √ inserted as a symbol in a text box, common in WPS;
 *   a stamp; a signature): the cell under a drawn √ is empty, so the row reads as not marked. Drawings are
 *   never counted (what a picture shows cannot be read), and the sheet is read as its cells say; the rows
 *   they sit on are named for the clerk to check (DRAWINGS_NOT_COUNTED).
 * Hosts say what they can tell (SheetGrid.hiddenRows, hiddenColumns, drawings); the engine says it here.
 */
import { cellAddress, columnName, runsText } from '../common/cell';
import { Finding, finding } from '../findings/finding';
import { CellValue, SheetGrid, isBlank, shownValue } from '../forms/grid';
import { RecognisedForm } from '../forms/recognize-form';

const rowName = (r: number) => String(r + 1);

/**
 * Hidden rows and columns of a sheet read as a form: those that hold anything, with the √ (or scores) in
 * them. `counted`: the sheet was counted (a ballot or a count sheet); otherwise nothing is said to be 计入.
 */
export function hiddenRowsAndColumns(
  sheet: SheetGrid,
  rec: RecognisedForm,
  isMark: (v: CellValue | undefined) => boolean,
  where: { file: string; sheet: string },
  counted: boolean,
): Finding[] {
  const out: Finding[] = [];
  const rows = sheet.rows;
  const scoreCols = rec.scoreColumns.map((s) => s.col);
  /** √ in the table's rows (or scores in its score columns) at a cell. */
  const entryAt = (r: number, c: number): boolean => {
    if (r < rec.firstDataRow) return false;
    const v = rows[r]?.[c];
    return scoreCols.length > 0 ? scoreCols.includes(c) && !isBlank(v) && typeof shownValue(v ?? null) === 'number' : isMark(v);
  };
  const what = scoreCols.length > 0 ? '分数' : '√';
  const told = (entries: number) =>
    entries === 0 ? `已照常读取，其中没有${what}` : counted ? `其中的 ${entries} 个${what}已照常计入` : `已照常读取，其中有 ${entries} 个${what}`;

  const hiddenRows = (sheet.hiddenRows ?? []).filter((r) => (rows[r] ?? []).some((v) => !isBlank(v)));
  if (hiddenRows.length > 0) {
    let entries = 0;
    for (const r of hiddenRows) for (let c = 0; c < rows[r].length; c++) if (entryAt(r, c)) entries++;
    out.push(
      finding('HIDDEN_ROWS', `工作表「${where.sheet}」的第 ${runsText(hiddenRows, rowName)} 行被隐藏（或被筛选掉），${told(entries)}，请核对这些行是否应计入`, {
        ...where,
        cell: cellAddress(hiddenRows[0], 0),
      }),
    );
  }
  const hiddenCols = (sheet.hiddenColumns ?? []).filter((c) => rows.some((row) => !isBlank(row[c])));
  if (hiddenCols.length > 0) {
    let entries = 0;
    for (const c of hiddenCols) for (let r = rec.firstDataRow; r < rows.length; r++) if (entryAt(r, c)) entries++;
    out.push(
      finding('HIDDEN_COLUMNS', `工作表「${where.sheet}」的第 ${runsText(hiddenCols, columnName)} 列被隐藏，${told(entries)}，请核对这些列是否应计入`, {
        ...where,
        cell: cellAddress(rec.headerRow, hiddenCols[0]),
      }),
    );
  }
  return out;
}

/** A drawing's text that is a tick: a √ typed or inserted as a symbol into a text box or shape. */
const TICK_TEXT = /^[√✓✔☑✅]$|^\u{1F5F8}$/u;

/** Shapes and pictures over a sheet read as a form: never counted, the rows they sit on named. */
export function drawingsOnSheet(sheet: SheetGrid, where: { file: string; sheet: string }): Finding[] {
  const drawings = sheet.drawings ?? [];
  if (drawings.length === 0) return [];
  const anchored = drawings.filter((d) => d.row !== null);
  const rowsOf = [...new Set(anchored.map((d) => d.row!))].sort((a, b) => a - b);
  const ticks = drawings.filter((d) => TICK_TEXT.test(d.text.replace(/[\s\u3000\ufe00-\ufe0f]/g, ''))).length;
  const tickSaid = ticks > 0 ? `，其中 ${ticks} 个是写着“√”的文本框或图形` : '';
  const rowsSaid = rowsOf.length > 0 ? `，请核对第 ${runsText(rowsOf, rowName)} 行` : '，请核对';
  const first = anchored[0];
  return [
    finding(
      'DRAWINGS_NOT_COUNTED',
      `工作表「${where.sheet}」中有 ${drawings.length} 个图形/图片（可能是画上去的√${tickSaid}），图形不计票，本表按单元格中的内容读取${rowsSaid}；如是打的√，请在相应单元格中直接输入√后重新提交`,
      { ...where, cell: first ? cellAddress(first.row!, first.col ?? 0) : 'A1' },
    ),
  ];
}
