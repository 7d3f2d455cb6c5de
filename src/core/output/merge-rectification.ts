/**
 * Re-running a campaign must not wipe what staff typed into the 整改清单 (seed 002 第五篇 问题整改台帐
 * with 销号, seed 003 篇七 整改清单): the measures, the person responsible, the status and the date
 * an item was closed. A host that replaces the sheet first reads the old one as a grid and passes it
 * here with the freshly described sheet.
 *
 * The rules:
 * - Columns are found by their header labels in both sheets (the row holding 被评议对象 and 存在问题;
 *   labels compared without spaces, full-width or traditional variants), so staff may reorder or add
 *   columns in the old sheet.
 * - Rows are matched by 被评议对象 + 存在问题 (names compared without spaces or bracketed notes); when
 *   the same key occurs several times (one subject, several consequences), the n-th occurrence in the
 *   old sheet goes with the n-th in the new one.
 * - Staff columns (STAFF_COLUMNS: 整改措施, 责任人, 整改状态, 完成时间) present in both are copied from the
 *   old row when it is not blank there; a blank old cell keeps the new default (责任人 = the subject,
 *   整改状态 = 整改中). Every other column comes from this run's results.
 * - An old row with no counterpart in the new results is kept when staff worked on it (any staff
 *   column not blank and not its default) — appended after the new rows, numbered on, its 依据
 *   prefixed with GONE_MARK so the committee sees why it is there. An old row without staff work is
 *   simply what the previous run wrote and is dropped. A kept row that comes back in a later run is
 *   matched again like any other; it is never marked twice.
 * - Rows of the old sheet that are not data (title, notes, rows without subject or problem) are not
 *   carried over.
 * Dropdown, filter range, row heights and merges below the table follow the appended rows.
 */
import { SheetGrid, isBlank, shownValue } from '../forms/grid';
import { normalizeLabel, normalizeName } from '../text/normalize';
import { RECTIFICATION_STATUSES } from './describe-rectification';
import { CellDescription, CellRange, SheetDescription, StyleName, Validation, cell, countCell } from './sheet-description';

export const SUBJECT_LABEL = '被评议对象';
export const PROBLEM_LABEL = '存在问题';
export const BASIS_LABEL = '依据';
export const NUMBER_LABEL = '序号';

/** Columns staff fill or change, with the labels older or hand-made sheets may use. */
export const STAFF_COLUMNS: readonly { label: string; aliases: readonly string[] }[] = [
  { label: '整改措施', aliases: ['整改措施', '措施'] },
  { label: '责任人', aliases: ['责任人'] },
  { label: '整改状态', aliases: ['整改状态', '状态'] },
  { label: '完成时间', aliases: ['完成时间', '完成日期', '销号时间', '销号日期'] },
];

/** Put before 依据 of an old row kept although this run's results no longer contain it. */
export const GONE_MARK = '（本次结果中已无此项）';

type Text = string | number | null;

export interface RectificationLayout {
  header: number;
  /** Column index by canonical label (staff columns by their STAFF_COLUMNS label). */
  columns: Map<string, number>;
}

function canonical(label: string): string {
  const l = normalizeLabel(label);
  return STAFF_COLUMNS.find((s) => s.aliases.some((a) => normalizeLabel(a) === l))?.label ?? l;
}

/** The header row and columns of a 整改清单, or null when there is none (no 被评议对象 / 存在问题 row). */
export function rectificationLayout(rows: readonly (readonly Text[])[]): RectificationLayout | null {
  for (let r = 0; r < rows.length; r++) {
    const columns = new Map<string, number>();
    rows[r].forEach((v, c) => {
      if (typeof v !== 'string' || v.trim() === '') return;
      const label = canonical(v);
      if (!columns.has(label)) columns.set(label, c);
    });
    if (columns.has(SUBJECT_LABEL) && columns.has(PROBLEM_LABEL)) return { header: r, columns };
  }
  return null;
}

function gridText(grid: SheetGrid): Text[][] {
  return grid.rows.map((row) =>
    row.map((v) => {
      const s = shownValue(v);
      return typeof s === 'boolean' ? String(s) : s;
    }),
  );
}

/** The 整改清单 layout of a sheet read back from a workbook (null: no table a merge could use). */
export function gridRectificationLayout(grid: SheetGrid): RectificationLayout | null {
  return rectificationLayout(gridText(grid));
}

function descriptionText(d: SheetDescription): Text[][] {
  return d.cells.map((row) => row.map((c) => c.value));
}

const blank = (v: Text | undefined) => v === null || v === undefined || (typeof v === 'string' && isBlank(v));

function keyOf(subject: Text | undefined, problem: Text | undefined): string {
  return `${normalizeName(subject)}\u0000${normalizeLabel(problem)}`;
}

function inWideMerge(merges: readonly CellRange[], r: number, c: number): boolean {
  return merges.some((m) => m.c1 !== m.c2 && r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2);
}

/** Whether a staff value differs from what the add-in writes by default. */
function isStaffWork(label: string, value: Text | undefined, subject: Text | undefined): boolean {
  if (blank(value)) return false;
  if (label === '责任人') return normalizeName(value) !== normalizeName(subject);
  if (label === '整改状态') return String(value).trim() !== RECTIFICATION_STATUSES[0];
  return true;
}

function shiftRange<R extends CellRange>(x: R, at: number, by: number, extendEndingAt: number | null): R {
  if (x.r1 >= at) return { ...x, r1: x.r1 + by, r2: x.r2 + by };
  if (x.r2 >= at || x.r2 === extendEndingAt) return { ...x, r2: x.r2 + by };
  return x;
}

export function mergeRectificationEdits(next: SheetDescription, previous: SheetGrid): SheetDescription {
  const nextText = descriptionText(next);
  const nextLayout = rectificationLayout(nextText);
  const prevText = gridText(previous);
  const prevLayout = rectificationLayout(prevText);
  if (!nextLayout || !prevLayout) return next;

  const nSubject = nextLayout.columns.get(SUBJECT_LABEL)!;
  const nProblem = nextLayout.columns.get(PROBLEM_LABEL)!;
  const pSubject = prevLayout.columns.get(SUBJECT_LABEL)!;
  const pProblem = prevLayout.columns.get(PROBLEM_LABEL)!;

  // The new table's data rows: right under the header, while the subject cell holds a name.
  const first = nextLayout.header + 1;
  let end = first;
  while (end < nextText.length && !blank(nextText[end][nSubject]) && !inWideMerge(next.merges, end, nSubject)) end++;

  // The old table's data rows, grouped by key in order.
  const oldRows = new Map<string, number[]>();
  const oldOrder: number[] = [];
  for (let r = prevLayout.header + 1; r < prevText.length; r++) {
    const row = prevText[r];
    if (blank(row[pSubject]) || blank(row[pProblem]) || inWideMerge(previous.merges, r, pSubject)) continue;
    const k = keyOf(row[pSubject], row[pProblem]);
    oldRows.set(k, [...(oldRows.get(k) ?? []), r]);
    oldOrder.push(r);
  }

  const cells: CellDescription[][] = next.cells.map((row) => row.map((c) => ({ ...c })));
  const used = new Set<number>();
  const seen = new Map<string, number>();
  const staffPairs = STAFF_COLUMNS.flatMap((s) => {
    const n = nextLayout.columns.get(s.label);
    const p = prevLayout.columns.get(s.label);
    return n !== undefined && p !== undefined ? [{ label: s.label, n, p }] : [];
  });
  const withValue = (old: CellDescription, value: Text): CellDescription => cell(value, old.style);

  for (let r = first; r < end; r++) {
    const k = keyOf(nextText[r][nSubject], nextText[r][nProblem]);
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    const match = oldRows.get(k)?.[n];
    if (match === undefined) continue;
    used.add(match);
    for (const { n: nc, p: pc } of staffPairs) {
      const v = prevText[match][pc];
      if (!blank(v)) cells[r][nc] = withValue(cells[r][nc], v ?? null);
    }
  }

  // Old rows gone from the results but worked on by staff: kept at the end of the table.
  const gone = oldOrder.filter((r) => {
    if (used.has(r)) return false;
    const row = prevText[r];
    return STAFF_COLUMNS.some((s) => {
      const pc = prevLayout.columns.get(s.label);
      return pc !== undefined && isStaffWork(s.label, row[pc], row[pSubject]);
    });
  });
  if (gone.length === 0) return { ...next, cells };

  const width = next.columns.length;
  const styleRow = end > first ? cells[first] : null;
  const labels = new Map([...nextLayout.columns].map(([label, c]) => [c, label]));
  const defaultStyle = (label: string | undefined): StyleName =>
    label === NUMBER_LABEL || label === SUBJECT_LABEL || label === '责任人' || label === '整改状态' || label === '整改时限' || label === '完成时间' ? 'center' : 'wrap';
  const kept: CellDescription[][] = gone.map((r, i) => {
    const old = prevText[r];
    return Array.from({ length: width }, (_, c) => {
      const label = labels.get(c);
      const style = styleRow?.[c]?.style ?? defaultStyle(label);
      if (label === NUMBER_LABEL) return countCell(end - first + i + 1, style);
      const pc = label !== undefined ? prevLayout.columns.get(label) : undefined;
      const v = pc !== undefined ? old[pc] ?? null : null;
      if (label === BASIS_LABEL) {
        const text = blank(v) ? '' : String(v);
        return cell(text.startsWith(GONE_MARK) ? text : `${GONE_MARK}${text}`, style);
      }
      return cell(blank(v) ? null : v, style);
    });
  });

  const k = kept.length;
  const lastData = end - 1;
  const extend = end > first ? lastData : null;
  const out: SheetDescription = {
    ...next,
    cells: [...cells.slice(0, end), ...kept, ...cells.slice(end)],
    rowHeights: next.rowHeights.map((h) => (h.row >= end ? { ...h, row: h.row + k } : h)),
    merges: next.merges.map((m) => (m.r1 >= end ? { ...m, r1: m.r1 + k, r2: m.r2 + k } : m)),
    validations: next.validations.map((v) => ({ ...v, range: shiftRange(v.range, end, k, extend) })) as Validation[],
  };
  const statusCol = nextLayout.columns.get('整改状态');
  if (statusCol !== undefined && !out.validations.some((v) => v.range.c1 <= statusCol && v.range.c2 >= statusCol && v.range.r2 >= end)) {
    out.validations = [
      ...out.validations,
      {
        kind: 'list',
        range: { r1: end, c1: statusCol, r2: end + k - 1, c2: statusCol },
        values: [...RECTIFICATION_STATUSES],
        prompt: `整改完成并经核实后改为“${RECTIFICATION_STATUSES[RECTIFICATION_STATUSES.length - 1]}”`,
        error: `整改状态只能是${RECTIFICATION_STATUSES.map((s) => `“${s}”`).join('或')}`,
      },
    ];
  }
  out.autoFilter = next.autoFilter
    ? shiftRange(next.autoFilter, end, k, extend)
    : { r1: nextLayout.header, c1: 0, r2: end + k - 1, c2: width - 1 };
  if (next.freeze && next.freeze.rows > end) out.freeze = { ...next.freeze, rows: next.freeze.rows + k };
  if (next.print.repeatRows && next.print.repeatRows.from >= end)
    out.print = { ...next.print, repeatRows: { from: next.print.repeatRows.from + k, to: next.print.repeatRows.to + k } };
  if (next.protection) out.protection = { ...next.protection, unlocked: next.protection.unlocked.map((u) => shiftRange(u, end, k, extend)) };
  return out;
}
