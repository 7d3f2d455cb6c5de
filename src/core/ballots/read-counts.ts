/**
 * 计票汇总表: a tier form's table with the votes already counted, a number of votes in each tier cell, as
 * a meeting's 计票人 report them. Seed 002 第四篇 五、1–3: the 村述村评 is held in the village, "会后，及时
 * 梳理汇总评议结果，并将评议结果上报镇党委", and the 镇党委 reviews "各村上报和村述镇评的评议结果"; 第六篇:
 * "计票监督人员当场统计结果". Such a sheet stands for as many ballots as it says were cast, and its
 * numbers are added to the tally as if each ballot had been read.
 */
import { cellAddress } from '../common/cell';
import { Finding, finding } from '../findings/finding';
import { CellValue, isSpecial, shownValue } from '../forms/grid';
import { HEADER_DEPTH, RecognisedForm, SheetView } from '../forms/recognize-form';
import { normalizeLabel } from '../text/normalize';

/** A row under the list counting the marks above it (合计, 票数, 得票数), as templates built with COUNTIF have. */
const TOTALS = /^(合计|总计|小计|共计|票数|得票|得票数|票数合计|合计票数|总票数|计票|统计|人数|合计人数|汇总)$/;

/** One subject's (and item's) votes on a count sheet. */
export interface CountedRow {
  subject: number;
  item: number;
  /** Votes per level of the form's scale. */
  levels: number[];
  /** Ballots that left this subject blank: the sheet's ballots less the votes and invalid entries. */
  abstain: number;
  /** The same, on a form where blank means "not applicable" (附表3: posts a unit never dealt with); abstain is then 0. */
  na: number;
  invalid: number;
  /** Recommendation votes (是否推荐 as a number), 0 without that column. */
  recommended: number;
}

export interface CountedSheet {
  file: string;
  sheet: string;
  formId: string;
  groupId: string;
  roundId: string;
  /** Valid ballots the sheet counts. */
  ballots: number;
  /** Invalid ballots (废票) it reports, for participation. */
  invalidBallots: number;
  /** The roster unit whose meeting it counts, for a form held per unit (units.ts). */
  unit?: string;
  rows: CountedRow[];
}

/** Words that say a table holds counted votes, in its title, sheet name or column headers. */
const COUNT_WORDS = /汇总|计票|统计|票数|得票|唱票|测评结果|评议结果|结果表/;
/** What the title of a count sheet left blank must say for it not to be read as a blank ballot. */
const EMPTY_COUNT_TITLE = /计票|汇总表/;
/** A tick or box mark: a sheet with any in its tier cells holds ballots, not counts. */
const TICKS = /[√✓✔☑✅]/;
/** What a tier cell holding "no votes" may show besides blank and 0. */
const NONE = /^([/\\／＼]|[-—–─－]+|无)$/;

/**
 * A whole number of votes as written: 32, "32", "32票", "３２ 人"; null for anything else (√, text, a
 * fraction, a percentage, a negative number). A formula counts by its cached value (COUNTIF sheets).
 */
export function voteCount(v: CellValue | undefined): number | 'blank' | null {
  if (v === undefined || v === null) return 'blank';
  if (isSpecial(v) && (v.error || v.value === undefined || v.value === null)) return null;
  const shown = shownValue(v);
  if (typeof shown === 'number') return Number.isInteger(shown) && shown >= 0 && shown <= 1e9 ? shown : null;
  if (typeof shown !== 'string') return null;
  const text = shown.normalize('NFKC').replace(/\s/g, '');
  if (text === '' || NONE.test(text)) return 'blank';
  const m = /^(\d{1,9})(票|张|人)?$/.exec(text);
  return m ? Number(m[1]) : null;
}

/**
 * Whether a recognised tier table is a count sheet: no tick anywhere in its tier cells, and either a
 * word such as 汇总, 计票, 票数 in its title, sheet name or headers and mostly whole numbers, or only
 * whole numbers, two or more, one of them above 1 (a ballot ticked with 1 is not one); 'empty' for one
 * left unfilled. Stops at the first tick, so a ballot costs a look at its first filled tier cell.
 */
export function looksCounted(view: SheetView, rec: RecognisedForm, sheetTitles: () => string[]): boolean | 'empty' {
  let numbers = 0;
  let max = 0;
  let other = 0;
  for (let r = rec.firstDataRow; r < view.rowCount; r++) {
    const cells = view.sheet.rows[r];
    if (cells === undefined || cells.length === 0) continue;
    let totalsRow: boolean | null = null;
    for (const t of rec.tierColumns) {
      const v = cells[t.col];
      if (v === null || v === undefined) continue;
      if (typeof v === 'string' && TICKS.test(v)) return false;
      const n = voteCount(v);
      if (n === 'blank') continue;
      totalsRow ??= isTotalsRow(view, r, rec);
      if (totalsRow) break;
      if (n === null) other++;
      else {
        numbers++;
        if (n > max) max = n;
      }
    }
  }
  // Nothing in its tier cells at all, and titled as one (计票汇总表, as `pingyi template --counts` writes
  // it): an unfilled count sheet, which is no ballot either.
  if (numbers === 0 && other === 0) return sheetTitles().some((t) => EMPTY_COUNT_TITLE.test(normalizeLabel(t))) ? 'empty' : false;
  if (max === 0) return false;
  const worded = () => sheetTitles().some((t) => COUNT_WORDS.test(normalizeLabel(t)));
  // Said to be counts: one number will do (30 votes, all 优秀), and a stray word among the numbers is
  // reported cell by cell. Not said: only numbers, two or more, one above 1.
  return worded() ? other < numbers : other === 0 && numbers >= 2 && max > 1;
}

/** 合计 (or 总计, 票数 …) in the name column or left of it. */
export function isTotalsRow(view: SheetView, r: number, rec: RecognisedForm): boolean {
  // Up to the name or item column, whichever is further right (附表3: 小计 in the item column of a block).
  const last = Math.max(rec.subjectCol ?? 0, rec.itemCol ?? 0);
  for (let c = 0; c <= last; c++) if (TOTALS.test(view.label(r, c))) return true;
  return false;
}

/** The header texts of a count sheet's columns outside the form: 弃权, 无效票, 合计 (single-item tables only). */
interface ExtraColumns {
  abstain: number | null;
  invalid: number | null;
  total: number | null;
}

const ABSTAIN_HEADER = /^弃权(票|票数)?$/;
const INVALID_HEADER = /^(无效|废票|无效票|废票数|无效票数)$/;
const TOTAL_HEADER = /^(合计|小计|总计|总票数|票数合计|合计票数|有效票|有效票数|投票人数|参评人数|实到人数|参加测评人数|测评人数)$/;

function extraColumns(view: SheetView, rec: RecognisedForm): ExtraColumns {
  const out: ExtraColumns = { abstain: null, invalid: null, total: null };
  if (rec.form.items === 'column-groups' && rec.form.itemLabels.length > 1) return out;
  const taken = new Set([rec.subjectCol, rec.itemCol, rec.recommendCol, ...rec.tierColumns.map((t) => t.col)]);
  for (let r = Math.max(0, rec.headerRow - HEADER_DEPTH); r < rec.firstDataRow; r++)
    for (let c = 0; c < (view.sheet.rows[r]?.length ?? 0); c++) {
      if (taken.has(c) || !view.isAnchorColumn(r, c)) continue;
      // A field above the header (有效票：, left blank when 收回票数 is given) is no column header.
      const raw = view.raw(r, c);
      if (typeof raw === 'string' && /[:：]/.test(raw)) continue;
      const label = normalizeLabel(view.label(r, c).replace(/\([^()]*\)/g, ''));
      if (out.abstain === null && ABSTAIN_HEADER.test(label)) out.abstain = c;
      else if (out.invalid === null && INVALID_HEADER.test(label)) out.invalid = c;
      else if (out.total === null && TOTAL_HEADER.test(label)) out.total = c;
    }
  return out;
}

/** Header fields that give the number of ballots: 有效票, 收回票数, 废票, in the sheet's own words. */
const VALID_FIELD = /有效票数?$/;
/** Ballots returned, most exact first: 收回票数 says more than the number of people present. */
const RETURNED_FIELDS = [/(收回票数|收回票|收回|回收票数|回收|实收票数|实收)$/, /投票人数$/, /(参加测评人数|参加评议人数|参评人数|测评人数|实到人数|参会人数|到会人数|参加人数)$/];
const INVALID_FIELD = /(废票|废票数|无效票|无效票数)$/;

type Fields = readonly { label: string; value: string; cell: string }[];

function fieldNumber(fields: Fields, pattern: RegExp): { n: number; cell: string; label: string } | null {
  for (const f of fields) {
    if (!pattern.test(f.label)) continue;
    const n = voteCount(f.value);
    if (typeof n === 'number') return { n, cell: f.cell, label: f.label };
  }
  return null;
}

/**
 * Whom (and, with a row per item, which item) row r counts for; null when the row is not counted
 * (reported by the caller) or is nobody's. `item` null: the items are the groups of tier columns.
 */
export type RowTarget = (r: number) => { subject: number; item: number | null } | null;

/**
 * Reads a count sheet whose rater group and round are known. Every row that cannot be counted as it is
 * (a cell that is not a whole number, more votes than ballots, a total that does not add up) is reported
 * and left out; the rest of the sheet counts.
 */
export function readCountSheet(args: {
  view: SheetView;
  rec: RecognisedForm;
  where: { file: string; sheet: string };
  groupId: string;
  roundId: string;
  fields: Fields;
  targetOf: RowTarget;
  findings: Finding[];
}): CountedSheet | null {
  const { view, rec, where, fields, findings } = args;
  const at = (r: number, c: number) => ({ ...where, cell: view.address(r, c) });
  const form = rec.form;
  const levelCount = rec.scale?.levels.length ?? 0;
  // A row per subject with the items as groups of tier columns, or a row per item (see readBallots).
  const itemsInRows = form.items === 'rows';
  const itemCount = itemsInRows ? 1 : form.itemLabels.length;
  const extra = extraColumns(view, rec);

  // The ballots: 有效票 if given, else 收回 less 废票.
  const valid = fieldNumber(fields, VALID_FIELD);
  const returned = RETURNED_FIELDS.reduce<ReturnType<typeof fieldNumber>>((hit, pattern) => hit ?? fieldNumber(fields, pattern), null);
  const invalidField = fieldNumber(fields, INVALID_FIELD);
  let ballots: number | null = null;
  let invalidBallots = invalidField?.n ?? 0;
  if (valid) {
    ballots = valid.n;
    if (returned) {
      if (returned.n < valid.n) {
        findings.push(
          finding('COUNT_FIELDS_INCONSISTENT', `「${valid.label}」${valid.n} 多于「${returned.label}」${returned.n}，票数不符，本汇总表未计入，请核实后重填`, { ...where, cell: valid.cell }),
        );
        return null;
      }
      invalidBallots = returned.n - valid.n;
    }
  } else if (returned) {
    if (returned.n < invalidBallots) {
      findings.push(
        finding('COUNT_FIELDS_INCONSISTENT', `「${invalidField!.label}」${invalidBallots} 多于「${returned.label}」${returned.n}，票数不符，本汇总表未计入，请核实后重填`, { ...where, cell: invalidField!.cell }),
      );
      return null;
    }
    ballots = returned.n - invalidBallots;
  }

  // Each row: its numbers, checked against each other; the ballots checked once all are read.
  const read: { r: number; row: CountedRow; cast: number }[] = [];
  const seenRow = new Map<string, number>();
  for (let r = rec.firstDataRow; r < view.rowCount; r++) {
    const cells = view.sheet.rows[r] ?? [];
    if (cells.length === 0 || isTotalsRow(view, r, rec)) continue;
    const perItem: CountedRow[] = [];
    let broken = false;
    let any = false;
    for (let item = 0; item < itemCount; item++) perItem.push({ subject: -1, item, levels: new Array<number>(levelCount).fill(0), abstain: 0, na: 0, invalid: 0, recommended: 0 });
    for (const t of rec.tierColumns) {
      const v = view.raw(r, t.col);
      const n = voteCount(v);
      if (n === 'blank') continue;
      any = true;
      if (n === null) {
        broken = true;
        findings.push(finding('COUNT_NOT_NUMBER', `计票汇总表的等次栏应填票数（0 或正整数），此处为「${shownText(v)}」，本行未计入`, at(r, t.col)));
      } else perItem[itemsInRows ? 0 : t.item].levels[t.level] += n;
    }
    const side = (c: number | null): number => {
      if (c === null) return 0;
      const n = voteCount(view.raw(r, c));
      if (n === 'blank') return 0;
      any = true;
      if (n === null) {
        broken = true;
        findings.push(finding('COUNT_NOT_NUMBER', `此栏应填票数（0 或正整数），此处为「${shownText(view.raw(r, c))}」，本行未计入`, at(r, c)));
        return 0;
      }
      return n;
    };
    const abstainCol = side(extra.abstain);
    const invalid = side(extra.invalid);
    const recommended = side(rec.recommendCol);
    const total = extra.total === null ? null : voteCount(view.raw(r, extra.total));
    if (!any) continue; // a name with nothing counted: not on this sheet's ballots
    const target = args.targetOf(r);
    if (target === null || broken) continue;
    const { subject } = target;
    if (target.item !== null) perItem[0].item = target.item;
    const key = `${subject}|${target.item ?? ''}`;
    const keyCol = target.item === null ? rec.subjectCol ?? 0 : rec.itemCol ?? 0;
    const first = seenRow.get(key);
    if (first !== undefined) {
      const what = target.item === null ? '同一被评议人' : `评价项目「${form.itemLabels[target.item]}」`;
      findings.push(finding('SUBJECT_REPEATED', `${what}在本汇总表中重复出现（另见 ${view.address(first, keyCol)}），此行未计入`, at(r, keyCol)));
      continue;
    }
    seenRow.set(key, r);
    const votes = perItem[0].levels.reduce((a, b) => a + b, 0);
    if (typeof total === 'number' && itemCount === 1 && total !== votes && total !== votes + abstainCol + invalid) {
      findings.push(
        finding('COUNT_TOTAL_MISMATCH', `各等次票数之和为 ${votes}${abstainCol + invalid > 0 ? `（另有弃权、无效 ${abstainCol + invalid}）` : ''}，与本行「合计」${total} 不符，本行未计入`, at(r, extra.total!)),
      );
      continue;
    }
    for (const row of perItem) {
      row.subject = subject;
      // The side columns belong to the row's first item: extraColumns finds them only on single-item tables.
      row.invalid += row === perItem[0] ? invalid : 0;
      row.recommended = row === perItem[0] ? recommended : 0;
    }
    // The most ballots any item of the row accounts for.
    let cast = 0;
    for (const row of perItem) cast = Math.max(cast, row.levels.reduce((a, b) => a + b, 0) + row.invalid + (row === perItem[0] ? abstainCol : 0));
    if (typeof total === 'number' && itemCount === 1) cast = Math.max(cast, total);
    for (const row of perItem) read.push({ r, row, cast });
  }

  if (ballots === null) {
    ballots = read.reduce((m, x) => Math.max(m, x.cast), 0);
    if (ballots === 0) return null;
    findings.push(
      finding(
        'COUNT_BALLOTS_INFERRED',
        `计票汇总表没有写明有效票数（或收回票数），按票数最多的一行计为 ${ballots} 票；未投某人的票按弃权计，请核实`,
        { ...where, cell: cellAddress(Math.max(0, rec.headerRow - 1), 0) },
      ),
    );
  }
  const rows: CountedRow[] = [];
  const over = new Set<number>();
  for (const { r, row, cast } of read) {
    if (cast > ballots) {
      if (!over.has(r))
        findings.push(finding('COUNT_EXCEEDS_BALLOTS', `本行共 ${cast} 票，多于本表的有效票数 ${ballots}，本行未计入`, at(r, rec.subjectCol ?? 0)));
      over.add(r);
      continue;
    }
    const blank = ballots - row.levels.reduce((a, b) => a + b, 0) - row.invalid;
    rows.push(form.blankMeansNotApplicable ? { ...row, na: blank } : { ...row, abstain: blank });
  }
  return { ...where, formId: form.id, groupId: args.groupId, roundId: args.roundId, ballots, invalidBallots, rows };
}

function shownText(v: CellValue | undefined): string {
  if (v !== null && v !== undefined && isSpecial(v)) return v.error ?? v.formula ?? '';
  return String(shownValue(v ?? null) ?? '');
}

/** Two count sheets that say the same of the same form, round and group: sent twice. */
export function sameCounts(a: CountedSheet, b: CountedSheet): boolean {
  if (a.formId !== b.formId || a.roundId !== b.roundId || a.groupId !== b.groupId || a.ballots !== b.ballots || a.rows.length !== b.rows.length) return false;
  return a.rows.every((x, i) => {
    const y = b.rows[i];
    return x.subject === y.subject && x.item === y.item && x.invalid === y.invalid && x.na === y.na && x.recommended === y.recommended && x.levels.every((n, l) => n === y.levels[l]);
  });
}
