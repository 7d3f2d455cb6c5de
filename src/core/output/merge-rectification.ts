/**
 * Re-running a campaign must not wipe what staff typed into the 整改清单 (seed 002 第五篇 问题整改台帐
 * with 销号, seed 003 篇七 整改清单): the measures, the person responsible, the status, the date an
 * item was closed, the concrete problem they wrote in, and any column they added. A host that
 * replaces the sheet first reads the old one as a grid and passes it here with the freshly described
 * sheet; the result is laid out again by `buildRectificationSheet`, so widths, row heights, the status
 * dropdown and the filter cover every row.
 *
 * The rules:
 * - Columns are found by their header labels in both sheets (the row holding 被评议对象 and 存在问题;
 *   labels compared without spaces, full-width or traditional variants), so staff may reorder columns.
 *   A column of the old sheet that is not one of ours (备注, 核实人 …) is carried over by its header, after
 *   ours; one without a header only when a carried row has something in it.
 * - An item is a person and the rule that made it (整改要求 and 依据, the consequence of the scheme), not
 *   the text of 存在问题, which staff may rewrite. The person is the name with what tells namesakes apart:
 *   the 单位 cell and a note in brackets (王伟（办公室）), as elsewhere for 重名. An old row is the new
 *   row's when the names are the same and so is the unit, or there is none on either side (no
 *   namesakes to tell apart). When one side has a unit and the other none, or one unit contains the
 *   other (科技 / 科技部), it cannot be said for sure: such a row is not carried into any new row, nor is
 *   an old row one of two that are the same new row's for sure. An old sheet written before 完成时间
 *   existed is matched the same way (its 整改要求 and 依据 are there); columns it lacks are not compared.
 * - Only old rows that hold staff work take part: a staff column (STAFF_COLUMNS) not blank and not its
 *   default (责任人 = the subject or, for an organisation, its secretary: isDefaultResponsible; 整改状态 = 整改中), an added column not blank, or a 存在问题 that is none
 *   of this run's texts for the rows it may be (with no such row: that does not begin as the results
 *   write it, `opensAsWritten`). Other old rows are what the previous run wrote and are replaced by
 *   this run's.
 * - Into the new row: every staff column that is not blank in the old one; the added columns; and
 *   存在问题 as staff left it. Whether an old text differing from this run's is staff's or a previous
 *   run's (other 薄弱项目 after a corrected ballot) cannot be told, so neither is dropped: this run's
 *   is put after it in RESULT_NOTE brackets unless it is already in it (a later run replaces its own note).
 *   Every other column comes from this run's results.
 * - A worked-on old row carried into no new row is kept, after the new rows, numbered on, its 依据
 *   prefixed with GONE_MARK when no new row could be its item, or UNSURE_MARK when it cannot be told
 *   which one is (a person to decide). A kept row that comes back in a later run is matched again like
 *   any other; it is never marked twice.
 * - Rows of the old sheet that are not data (title, notes, rows without a subject) are not carried over.
 */
import { readCalendarDate } from '../common/calendar-date';
import { cellAddress } from '../common/cell';
import { Finding, finding } from '../findings/finding';
import { SheetGrid, isBlank, shownValue } from '../forms/grid';
import { isDefaultResponsible, opensAsWritten } from '../rectification/rectification';
import { annotations, normalizeLabel, normalizeName } from '../text/normalize';
import { DATE_COLUMNS, RECTIFICATION_COLUMNS, RECTIFICATION_STATUSES, RectificationColumn, RectificationTable, RectificationText, buildRectificationSheet } from './describe-rectification';
import { CellRange, SheetDescription } from './sheet-description';

export const SUBJECT_LABEL = '被评议对象';
export const PROBLEM_LABEL = '存在问题';
export const BASIS_LABEL = '依据';
export const NUMBER_LABEL = '序号';
export const UNIT_LABEL = '单位';
export const ACTION_LABEL = '整改要求';

/** Columns staff fill or change, with the labels older or hand-made sheets may use. */
export const STAFF_COLUMNS: readonly { label: RectificationColumn; aliases: readonly string[] }[] = [
  { label: '整改措施', aliases: ['整改措施', '措施'] },
  { label: '责任人', aliases: ['责任人'] },
  { label: '整改状态', aliases: ['整改状态', '状态'] },
  { label: '完成时间', aliases: ['完成时间', '完成日期', '销号时间', '销号日期'] },
];

/** Put before 依据 of an old row kept although this run's results no longer contain it. */
export const GONE_MARK = '（本次结果中已无此项）';
/** Put before 依据 of an old row kept because it cannot be told which of this run's items it is (重名 without a unit). */
export const UNSURE_MARK = '（无法确定对应本次结果中的哪一项，请核对后并入相应行或删除）';
/** Opens this run's text put after a 存在问题 that staff (or an earlier run) wrote otherwise; closed by ）. */
export const RESULT_NOTE = '（本次评议结果：';

type Text = RectificationText;

export interface RectificationLayout {
  header: number;
  /** Column index by canonical label (staff columns by their STAFF_COLUMNS label); the first of a repeated label. */
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

const blank = (v: Text | undefined) => v === null || v === undefined || (typeof v === 'string' && isBlank(v));

function inWideMerge(merges: readonly CellRange[], r: number, c: number): boolean {
  return merges.some((m) => m.c1 !== m.c2 && r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2);
}

/** Whether a staff value differs from what the add-in writes by default. */
function isStaffWork(label: string, value: Text | undefined, subject: Text | undefined): boolean {
  if (blank(value)) return false;
  if (label === '责任人') return blank(subject) || !isDefaultResponsible(String(value), String(subject));
  if (label === '整改状态') return String(value).trim() !== RECTIFICATION_STATUSES[0];
  return true;
}

/** 依据 without the marks a previous merge put before it. */
function withoutMarks(basis: Text | undefined): string {
  let text = blank(basis) ? '' : String(basis);
  for (let again = true; again; ) {
    again = false;
    for (const mark of [GONE_MARK, UNSURE_MARK])
      if (text.startsWith(mark)) {
        text = text.slice(mark.length);
        again = true;
      }
  }
  return text;
}

/** A 存在问题 split into what staff (or an earlier run) wrote and the RESULT_NOTE a merge put after it. */
function splitProblem(text: string): { own: string; note: string | null } {
  const at = text.lastIndexOf(RESULT_NOTE);
  if (at < 0 || !text.endsWith('）')) return { own: text, note: null };
  return { own: text.slice(0, at), note: text.slice(at + RESULT_NOTE.length, -1) };
}

/** 存在问题 of a new row whose old row said `old`: staff's text kept, this run's added where it is not in it. */
function mergedProblem(old: Text | undefined, fresh: Text | undefined): Text {
  if (blank(old)) return fresh ?? null;
  const own = splitProblem(String(old)).own;
  const now = blank(fresh) ? '' : String(fresh);
  if (blank(own) || normalizeLabel(own) === normalizeLabel(now)) return fresh ?? null;
  if (now === '' || normalizeLabel(own).includes(normalizeLabel(now))) return own;
  return `${own}${RESULT_NOTE}${now}）`;
}

/** The name and what tells namesakes apart (单位, a bracketed note), normalised. */
interface Person {
  name: string;
  hints: string[];
}

function personOf(subject: Text | undefined, unit: Text | undefined): Person {
  const raw = blank(subject) ? '' : String(subject);
  const hints = new Set([...(blank(unit) ? [] : [normalizeLabel(unit)]), ...annotations(raw)].filter((h) => h !== ''));
  return { name: normalizeName(raw), hints: [...hints].sort() };
}

/** same: the same person for sure; unsure: perhaps (a unit on one side only, or one unit within the other). */
function relation(a: Person, b: Person): 'same' | 'unsure' | 'different' {
  if (a.name !== b.name) return 'different';
  if (a.hints.join('\u0000') === b.hints.join('\u0000')) return 'same';
  if (a.hints.length === 0 || b.hints.length === 0) return 'unsure';
  const fits = a.hints.some((x) => b.hints.some((y) => x.includes(y) || y.includes(x)));
  return fits ? 'unsure' : 'different';
}

interface Row {
  person: Person;
  /** Column label → value, for the labels the sheet has. */
  values: Map<string, Text>;
}

function rowOf(text: readonly Text[], layout: RectificationLayout): Row {
  const values = new Map<string, Text>();
  for (const [label, c] of layout.columns) values.set(label, text[c] ?? null);
  return { person: personOf(values.get(SUBJECT_LABEL), values.get(UNIT_LABEL)), values };
}

/** Whether the old row may be the new row's rule: 整改要求 and 依据 compared where the old sheet has them. */
function sameRule(old: Row, fresh: Row): boolean {
  const action = old.values.has(ACTION_LABEL) ? normalizeLabel(old.values.get(ACTION_LABEL)) === normalizeLabel(fresh.values.get(ACTION_LABEL)) : true;
  const basis = old.values.has(BASIS_LABEL) ? normalizeLabel(withoutMarks(old.values.get(BASIS_LABEL))) === normalizeLabel(withoutMarks(fresh.values.get(BASIS_LABEL))) : true;
  return action && basis;
}

const STANDARD = new Set(RECTIFICATION_COLUMNS.map((c) => normalizeLabel(c.header)));

export function mergeRectificationEdits(next: SheetDescription, previous: SheetGrid): SheetDescription {
  const nextText = next.cells.map((row) => row.map((c) => c.value));
  const nextLayout = rectificationLayout(nextText);
  const prevText = gridText(previous);
  const prevLayout = rectificationLayout(prevText);
  if (!nextLayout || !prevLayout) return next;
  const nSubject = nextLayout.columns.get(SUBJECT_LABEL)!;
  const pSubject = prevLayout.columns.get(SUBJECT_LABEL)!;

  // The new table's data rows: right under the header, while the subject cell holds a name.
  const fresh: Row[] = [];
  for (let r = nextLayout.header + 1; r < nextText.length && !blank(nextText[r][nSubject]) && !inWideMerge(next.merges, r, nSubject); r++)
    fresh.push(rowOf(nextText[r], nextLayout));

  // The old sheet's columns that are not ours, by header (a repeated label of ours is staff's too).
  const ours = new Set([...prevLayout.columns].filter(([label]) => STANDARD.has(label)).map(([, c]) => c));
  const oldDataRows: number[] = [];
  for (let r = prevLayout.header + 1; r < prevText.length; r++)
    if (!blank(prevText[r][pSubject]) && !inWideMerge(previous.merges, r, pSubject)) oldDataRows.push(r);
  const width = Math.max(prevText[prevLayout.header].length, ...oldDataRows.map((r) => prevText[r].length));
  const addedCols = Array.from({ length: width }, (_, c) => c).filter((c) => !ours.has(c));
  const headerOf = (c: number) => (blank(prevText[prevLayout.header][c]) ? '' : String(prevText[prevLayout.header][c]).trim());

  const old = oldDataRows.map((r) => {
    const row = rowOf(prevText[r], prevLayout);
    const added = addedCols.map((c) => prevText[r][c] ?? null);
    const candidates = fresh.flatMap((f, i) => (relation(row.person, f.person) !== 'different' && sameRule(row, f) ? [i] : []));
    const problem = row.values.get(PROBLEM_LABEL);
    // Staff's problem: one this run does not write for the rows it may be; with no such row, one that
    // does not begin as the results write it.
    const problemWork =
      !blank(problem) &&
      (splitProblem(String(problem)).note !== null ||
        (candidates.length > 0
          ? !candidates.some((i) => normalizeLabel(fresh[i].values.get(PROBLEM_LABEL)) === normalizeLabel(problem))
          : !opensAsWritten(String(problem))));
    const worked =
      problemWork ||
      added.some((v) => !blank(v)) ||
      STAFF_COLUMNS.some((s) => row.values.has(s.label) && isStaffWork(s.label, row.values.get(s.label), row.values.get(SUBJECT_LABEL)));
    const sure = candidates.filter((i) => relation(row.person, fresh[i].person) === 'same');
    return { row, added, candidates, sure, worked };
  });
  const worked = old.filter((o) => o.worked);

  // An old row goes into a new one only when each is the other's one and only for sure.
  const pairOf = new Map<number, (typeof worked)[number]>();
  for (const o of worked) {
    if (o.candidates.length !== 1 || o.sure.length !== 1) continue;
    const i = o.sure[0];
    if (worked.filter((x) => x.sure.includes(i)).length === 1) pairOf.set(i, o);
  }
  const kept = worked.filter((o) => ![...pairOf.values()].includes(o));
  const shownAdded = addedCols.map((c, k) => headerOf(c) !== '' || [...pairOf.values(), ...kept].some((o) => !blank(o.added[k])));
  if (pairOf.size === 0 && kept.length === 0 && !shownAdded.some(Boolean)) return next;

  const pick = <T>(xs: readonly T[]) => xs.filter((_, k) => shownAdded[k]);
  const standard = (row: Row): Partial<Record<RectificationColumn, Text>> =>
    Object.fromEntries(RECTIFICATION_COLUMNS.map((c) => [c.header, row.values.get(normalizeLabel(c.header)) ?? null]));

  const rows: RectificationTable['rows'] = fresh.map((f, i) => {
    const values = standard(f);
    const o = pairOf.get(i);
    if (!o) return { fresh: true, values, added: [] };
    for (const s of STAFF_COLUMNS) {
      const v = o.row.values.get(s.label);
      if (!blank(v)) values[s.label] = v ?? null;
    }
    values[PROBLEM_LABEL] = mergedProblem(o.row.values.get(PROBLEM_LABEL), f.values.get(PROBLEM_LABEL));
    return { fresh: true, values, added: pick(o.added) };
  });
  for (const o of kept) {
    const values = standard(o.row);
    values[BASIS_LABEL] = `${o.candidates.length > 0 ? UNSURE_MARK : GONE_MARK}${withoutMarks(o.row.values.get(BASIS_LABEL))}`;
    rows.push({ fresh: false, values, added: pick(o.added) });
  }

  const text = (r: number) => (blank(nextText[r]?.[0]) ? '' : String(nextText[r][0]));
  const built = buildRectificationSheet({
    title: text(0),
    subtitle: text(1),
    schemeId: next.meta?.schemeId ?? '',
    addedHeaders: pick(addedCols.map(headerOf)),
    rows,
  });
  return { ...built, name: next.name, ...(next.meta ? { meta: next.meta } : {}) };
}

/**
 * The dates of an old 整改清单 (整改时限, 完成时间 of its data rows) that cannot be read as dates: each said at
 * its cell (RECTIFICATION_DATE_UNREADABLE), the text kept as typed where the row is carried over (never
 * dropped unseen). Read: 2027-1-8, 2027/01/08, 2027年1月8日, 2027.1.8, date cells and date serials
 * (calendar-date.ts); a cell read back from a date cell comes as 2027-01-08.
 */
export function rectificationDateProblems(previous: SheetGrid, file: string): Finding[] {
  const rows = gridText(previous);
  const layout = rectificationLayout(rows);
  if (!layout) return [];
  const subject = layout.columns.get(SUBJECT_LABEL)!;
  const out: Finding[] = [];
  for (let r = layout.header + 1; r < rows.length; r++) {
    if (blank(rows[r][subject]) || inWideMerge(previous.merges, r, subject)) continue;
    for (const label of DATE_COLUMNS) {
      const c = layout.columns.get(label);
      const v = c === undefined ? undefined : rows[r][c];
      if (c === undefined || v === undefined || blank(v) || readCalendarDate(v as string | number) !== null) continue;
      out.push(
        finding(
          'RECTIFICATION_DATE_UNREADABLE',
          `原整改清单「${previous.name}」的 ${cellAddress(r, c)}（${String(rows[r][subject]).trim()}的${label}）「${String(v).trim()}」不是可识别的日期，未按日期读取，沿用的行中原样保留；请在新的整改清单中改写为日期（如 2027-1-8、2027/01/08、2027年1月8日 或 2027.1.8）`,
          { file, sheet: previous.name, cell: cellAddress(r, c), subject: String(rows[r][subject]).trim() },
        ),
      );
    }
  }
  return out;
}

/**
 * Whether an old 整改清单 is another year's (its record says which year it was written for): that year's record,
 * never merged into this year's, since its 已销号 belong to last year's items, not to this year's of the same
 * person. A sheet written before the year was recorded is taken as this year's. Both hosts ask this (the Excel
 * host keeps the old sheet beside the new, the command line refuses to write over the file).
 */
export function isOtherYears(oldYear: string | null | undefined, year: string | null | undefined): boolean {
  return !!oldYear && !!year && oldYear !== year;
}

/**
 * What a host should tell the clerk about a merged 整改清单 (sheet name as written), beside the sheets it
 * wrote: rows kept because they could not be attributed need a person to decide; rows kept as gone are
 * said once so nobody wonders why they are there.
 */
export function rectificationNotices(merged: SheetDescription, sheetName: string = merged.name): string[] {
  const layout = rectificationLayout(merged.cells.map((row) => row.map((c) => c.value)));
  const basis = layout?.columns.get(BASIS_LABEL);
  if (!layout || basis === undefined) return [];
  const marks = merged.cells.slice(layout.header + 1).map((row) => String(row[basis]?.value ?? ''));
  const unsure = marks.filter((m) => m.startsWith(UNSURE_MARK)).length;
  const gone = marks.filter((m) => m.startsWith(GONE_MARK)).length;
  const out: string[] = [];
  if (unsure > 0) out.push(`「${sheetName}」中有 ${unsure} 行原有整改记录无法确定对应本次结果中的哪一项（重名、单位不符或同一项有多行），已保留在表末，依据栏已注明，请核对后并入相应行或删除。`);
  if (gone > 0) out.push(`「${sheetName}」保留了 ${gone} 行已填写整改情况、但本次结果中已无的事项，依据栏注明「本次结果中已无此项」。`);
  return out;
}
