/**
 * 往年结果 for the rules that count 连续 N 次 in a tier (seed 002 第五篇 三、5: 一次被评为不合格的，予以警示谈话；
 * 连续两次…诫勉谈话…80%；连续三次…免职), where the past years meet the roster and the campaign's year.
 *
 * - Whose row is whose: a row with a unit is matched on name + unit; the name alone only when it is
 *   unambiguous on both sides (one such person in the roster, one such row in the history). What cannot be
 *   decided is said, never picked.
 * - 连续 means consecutive campaigns, one a year (第五篇 二、(四) 时间安排: 每年…11月15日至12月15日之间开展):
 *   the run counts back year by year from the results year. A year without a result (no column for it, or
 *   a blank cell) stops the run; when counting that year as the same tier would change the consequence,
 *   the committee is asked. A column for the results year or later is not a past year and is not read.
 */
import { Finding, finding } from '../findings/finding';
import { Roster, Subject, hintsFit, subjectLabel } from '../roster/roster';
import { itselfWord } from '../roster/subject-words';
import { annotations, normalizeLabel, normalizeName } from '../text/normalize';

/** Where a cell of the 往年结果 file is. */
export interface HistoryPlace {
  file: string;
  sheet: string;
  cell: string;
}

export interface HistoryRow {
  /** The name as written (it may carry a note in brackets: 王伟（荣兴社区）). */
  name: string;
  /** The 单位 / 社区 cell, '' when the sheet has none or it is blank. */
  unit: string;
  /**
   * Each year column of the row's sheet: the tier ('' for a blank cell, a note in brackets set aside) and its
   * cell; its sheet when not the row's (one person's rows on a sheet per year, joined: joinOnePersonsRows).
   */
  years: { year: number; tier: string; cell: string; sheet?: string }[];
  /** The name's cell. */
  at: HistoryPlace;
}

/** 往年结果 as read (hosts/files/read-history.ts): every year column with its header cell, and every listed row. */
export interface History {
  columns: { year: number; label: string; at: HistoryPlace }[];
  rows: HistoryRow[];
}

export const NO_HISTORY: History = { columns: [], rows: [] };

/** A History as saved and restored (a workbook, the browser): an earlier form (names → tiers, no years) is not one. */
export function isHistory(value: unknown): value is History {
  if (typeof value !== 'object' || value === null) return false;
  const h = value as Partial<History>;
  const place = (p: unknown) => typeof p === 'object' && p !== null && ['file', 'sheet', 'cell'].every((k) => typeof (p as Record<string, unknown>)[k] === 'string');
  return (
    Array.isArray(h.columns) &&
    h.columns.every((c) => typeof c?.year === 'number' && typeof c.label === 'string' && place(c.at)) &&
    Array.isArray(h.rows) &&
    h.rows.every(
      (r) =>
        typeof r?.name === 'string' &&
        typeof r.unit === 'string' &&
        place(r.at) &&
        Array.isArray(r.years) &&
        r.years.every((y) => typeof y?.year === 'number' && typeof y.tier === 'string' && typeof y.cell === 'string'),
    )
  );
}

/** The year results are for (考核年度, campaign-year.ts), and how it was set: the scheme's year, else from 结果日期 or today (or --today). */
export interface ResultsYear {
  year: number;
  /** 方案的考核年度 2026 / 方案的结果公布日期 2026-12-20 / 按今天 2026-12-20, for messages. */
  from: string;
  /** The date (YYYY-MM-DD) whose own year was taken, no 考核年度 set (April on: January–March take the year before): a campaign scored in the new year may be last year's. */
  today?: string;
}

export type PastMatch =
  /** `unitReadAs`: the row's unit is written otherwise than the roster's (荣兴 for 荣兴社区), as said in HISTORY_UNIT_READ_AS. */
  | { kind: 'found'; row: HistoryRow; unitReadAs?: string }
  | { kind: 'none' }
  /** Rows that may be this person's, none used: each with why it could not be decided. */
  | { kind: 'unclear'; rows: { row: HistoryRow; why: string }[] };

/** A row as messages name it: 王伟（新华社区，名册!A3）; with its file among rows of several files (往年结果2024.xlsx!名册!A3). */
export function rowText(row: HistoryRow, withFile = false): string {
  return `${row.name}（${row.unit !== '' ? `${row.unit}，` : ''}${withFile ? `${row.at.file}!` : ''}${row.at.sheet}!${row.at.cell}）`;
}

/**
 * Where a cell of a row is, as messages name it: 往年结果!C3, or 2024!C3 for a year read from another sheet;
 * with its file when that is not the file of the row spoken of (--history given once a year).
 */
function yearCellText(row: HistoryRow, y: HistoryRow['years'][number], spokenOf: HistoryRow = row): string {
  return `${row.at.file !== spokenOf.at.file ? `${row.at.file}!` : ''}${y.sheet ?? row.at.sheet}!${y.cell}`;
}

/**
 * One person's rows written year by year (a sheet per year, or a row appended each year: same name, same
 * unit, each year filled in one row only; or the same row twice), as one row with every year. Rows that give
 * a year two different tiers stay apart, each with what it disagrees on (for HISTORY_MATCH_UNCLEAR); seed
 * 002 第五篇 三、5 counts the person's years, however the clerk kept them.
 */
function joinOnePersonsRows(rows: readonly HistoryRow[]): { rows: HistoryRow[]; disagree: Map<HistoryRow, string> } {
  const groups = new Map<string, HistoryRow[]>();
  for (const row of rows) {
    const key = `${normalizeName(row.name)}|${normalizeLabel(row.unit !== '' ? row.unit : annotations(row.name).join('|'))}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const out: HistoryRow[] = [];
  const disagree = new Map<HistoryRow, string>();
  for (const group of groups.values()) {
    if (group.length === 1) {
      out.push(group[0]);
      continue;
    }
    // Each year's filled cells across the rows: two different tiers for one year cannot be joined.
    const byYear = new Map<number, { row: HistoryRow; y: HistoryRow['years'][number] }[]>();
    for (const row of group) for (const y of row.years) if (y.tier !== '') byYear.set(y.year, [...(byYear.get(y.year) ?? []), { row, y }]);
    const clashes = [...byYear.entries()].filter(([, cells]) => new Set(cells.map((c) => c.y.tier)).size > 1);
    if (clashes.length > 0) {
      for (const row of group) {
        const said = clashes
          .filter(([, cells]) => cells.some((c) => c.row === row))
          .map(([year, cells]) => `${year} 年与${cells.filter((c) => c.row !== row).map((c) => `${yearCellText(c.row, c.y, row)} 的「${c.y.tier}」`).join('、')}不一致`);
        if (said.length > 0) disagree.set(row, said.join('，'));
        out.push(row);
      }
      continue;
    }
    // Years kept apart (a sheet or a row each), or the same row twice: one person's. Rows that share a year
    // and differ in others may be two people of one name, one of whom was not rated some year: not joined.
    const filled = (row: HistoryRow) => row.years.filter((y) => y.tier !== '').map((y) => `${y.year}:${y.tier}`).sort().join();
    const apart = [...byYear.values()].every((cells) => cells.length === 1);
    if (!apart && new Set(group.map(filled)).size > 1) {
      out.push(...group);
      continue;
    }
    const first = group[0];
    const years = new Map<number, HistoryRow['years'][number]>();
    for (const row of group)
      for (const y of row.years) {
        const known = years.get(y.year);
        if (known === undefined || (known.tier === '' && y.tier !== '')) years.set(y.year, row.at.sheet === first.at.sheet ? y : { ...y, sheet: y.sheet ?? row.at.sheet });
      }
    out.push({ ...first, years: [...years.values()].sort((a, b) => b.year - a.year) });
  }
  return { rows: out, disagree };
}

/**
 * Each roster subject's row, and findings for the rows no one's run uses: not in the roster, or with a unit
 * no namesake has while each namesake has a row of their own. A subject whose rows cannot be decided is
 * 'unclear'; the caller says so where it matters. A unit written exactly as one namesake's wins; one
 * written shorter or longer (荣兴, 荣兴社区居委会 for 荣兴社区) is used when no one's is exact, and said
 * (HISTORY_UNIT_READ_AS); one that only contains the person's (东荣兴社区 for 荣兴社区) is another body's,
 * not the person's (roster.ts hintsFit).
 */
export function matchHistory(roster: Roster, history: History): { bySubject: Map<number, PastMatch>; findings: Finding[] } {
  const findings: Finding[] = [];
  // A joined row is where its first row is listed.
  const order = new Map(history.rows.map((r, i) => [r.at, i]));
  const listedAt = (row: HistoryRow) => order.get(row.at) ?? -1;
  // Only rows of the roster's names are joined: each row of someone not in it is reported at its own cell.
  const inRoster = (row: HistoryRow) => roster.byKey.has(normalizeName(row.name));
  const joined = joinOnePersonsRows(history.rows.filter(inRoster));
  const rowsByName = new Map<string, HistoryRow[]>();
  for (const row of [...joined.rows, ...history.rows.filter((r) => !inRoster(r))].sort((a, b) => listedAt(a) - listedAt(b))) {
    const key = normalizeName(row.name);
    rowsByName.set(key, [...(rowsByName.get(key) ?? []), row]);
  }
  const sure = new Map<number, HistoryRow[]>();
  const maybe = new Map<number, { row: HistoryRow; why: string }[]>();
  const add = <T>(m: Map<number, T[]>, i: number, v: T) => m.set(i, [...(m.get(i) ?? []), v]);
  const unitMisfits: { row: HistoryRow; namesakes: Subject[] }[] = [];
  /** Rows matched on a unit written differently from the roster's: said when used. */
  const readAs = new Map<HistoryRow, string>();

  for (const [key, rows] of rowsByName) {
    const namesakes = (roster.byKey.get(key) ?? []).map((i) => roster.all[i]);
    const listed = namesakes.length > 1 ? `名册中有 ${namesakes.length} 个${namesakes[0]?.name}` : '';
    for (const row of rows) {
      if (namesakes.length === 0) {
        // People leave: said gently, and not used.
        findings.push(finding('HISTORY_NOT_IN_ROSTER', `往年结果中的「${row.name}」（${row.at.sheet}!${row.at.cell}）不在名册中，未使用`, { ...row.at, subject: row.name }));
        continue;
      }
      const hints = [...(row.unit !== '' ? [normalizeLabel(row.unit)] : []), ...annotations(row.name)].filter((h) => h !== '');
      // The name alone decides only when one person in the roster and one row in the history have it.
      const byNameAlone = namesakes.length === 1 && rows.length === 1;
      if (hints.length === 0) {
        if (byNameAlone) add(sure, namesakes[0].index, row);
        else if (joined.disagree.has(row) && namesakes.length === 1) add(maybe, namesakes[0].index, { row, why: `姓名相符，但 ${joined.disagree.get(row)}` });
        else for (const s of namesakes) add(maybe, s.index, { row, why: rows.length > 1 ? `没有单位，往年结果中有 ${rows.length} 行「${row.name}」` : `没有单位，${listed}` });
        continue;
      }
      const graded = namesakes.map((s) => ({ s, fit: hintsFit(s, hints) }));
      const same = graded.filter((g) => g.fit === 'same').map((g) => g.s);
      const fits = same.length > 0 ? same : graded.filter((g) => g.fit === 'shortened').map((g) => g.s);
      if (fits.length === 1) {
        add(sure, fits[0].index, row);
        if (same.length === 0) readAs.set(row, fits[0].unit ?? '');
      } else if (fits.length > 1) for (const s of fits) add(maybe, s.index, { row, why: `单位与${listed}都相符` });
      // A roster without units has nothing to tell it by: the name alone, when unambiguous.
      else if (byNameAlone && !namesakes[0].unit) add(sure, namesakes[0].index, row);
      else unitMisfits.push({ row, namesakes });
    }
  }
  // A row whose unit no namesake has: perhaps one of them who moved, perhaps someone who left. It is in
  // doubt only for a namesake without a row of their own.
  for (const { row, namesakes } of unitMisfits) {
    const open = namesakes.filter((s) => !sure.has(s.index));
    if (open.length > 0) for (const s of open) add(maybe, s.index, { row, why: s.unit ? `单位与名册（${s.unit}）不同` : '单位无法与名册核对' });
    else
      findings.push(
        finding(
          'HISTORY_NOT_IN_ROSTER',
          `往年结果中的「${row.name}」（${row.unit}，${row.at.sheet}!${row.at.cell}）与名册中同名的人单位都不同（${namesakes.map((s) => s.unit ?? '无单位').join('、')}），视为名册以外的人，未使用`,
          { ...row.at, subject: row.name },
        ),
      );
  }

  const bySubject = new Map<number, PastMatch>();
  for (const s of roster.subjects) {
    const own = sure.get(s.index) ?? [];
    const doubtful = maybe.get(s.index) ?? [];
    if (own.length === 1 && doubtful.length === 0) {
      const unit = readAs.get(own[0]);
      const said =
        unit === undefined
          ? undefined
          : `往年结果中的「${own[0].name}」（${own[0].unit || annotations(own[0].name).join('、')}，${own[0].at.sheet}!${own[0].at.cell}）单位与名册中的「${unit}」写法不同，按名册中的「${subjectLabel(roster, s)}」读入，请核实是同一单位`;
      bySubject.set(s.index, { kind: 'found', row: own[0], ...(said !== undefined ? { unitReadAs: said } : {}) });
      if (said !== undefined) findings.push(finding('HISTORY_UNIT_READ_AS', said, { ...own[0].at, subject: s.name }));
    } else if (own.length === 0 && doubtful.length === 0) bySubject.set(s.index, { kind: 'none' });
    else
      bySubject.set(s.index, {
        kind: 'unclear',
        rows: [...own.map((row) => ({ row, why: `${row.unit !== '' || annotations(row.name).length > 0 ? '单位相符' : '姓名相符'}${joined.disagree.has(row) ? `，但 ${joined.disagree.get(row)}` : ''}` })), ...doubtful].sort(
          (a, b) => listedAt(a.row) - listedAt(b.row),
        ),
      });
  }
  return { bySubject, findings };
}

/** The rows that may be a subject's, for its reason and the finding: 往年结果中 王伟（新华社区，名册!A3）单位与名册（荣兴社区）不同. */
export function unclearText(roster: Roster, subject: Subject, rows: { row: HistoryRow; why: string }[]): string {
  const itself = itselfWord(subject);
  const which = rows.length > 1 ? `无法确定哪一行是${itself}的，均未使用` : `无法确定是否是${itself}的，未使用`;
  const files = new Set(rows.map((r) => r.row.at.file)).size > 1;
  return `往年结果中可能是「${subjectLabel(roster, subject)}」的有 ${rows.length} 行：${rows.map((r) => `${rowText(r.row, files)}${r.why}`).join('；')}，${which}`;
}

/**
 * Columns for the results year or later are not past years: reported at their header cells (the caller
 * leaves those years out of every run).
 */
export function notPastColumns(history: History, results: ResultsYear): Finding[] {
  return history.columns
    .filter((c) => c.year >= results.year)
    .map((c) =>
      finding(
        'HISTORY_YEAR_NOT_PAST',
        `往年结果「${c.at.sheet}」的 ${c.at.cell}「${c.label}」是 ${c.year} 年，不早于本次评议的年度（${results.year} 年，${results.from}），不是往年结果，未读取；本年度的等次以本次计算为准`,
        { ...c.at },
      ),
    );
}

/** A year the run reached without a result: no column for it, or a blank cell (then its cell, and its sheet when not the row's). */
export interface HistoryGap {
  year: number;
  blankCell: string | null;
  sheet?: string;
}

export interface PastRun {
  /** Times in a row in the tier, this year's included, up to the first year without a result. */
  run: number;
  /**
   * Had the first k years without a result the run reached been the same tier too (k = 1, 2 …): those
   * years, and the run then (up to the next year without one). Empty when the run reached none.
   */
  ifGapsCounted: { gaps: HistoryGap[]; run: number }[];
}

/** The longest run a scheme may count (scheme-schema: consecutive ≤ 50): how far back a year can matter. */
export const LONGEST_RUN = 50;

/** A row's results before the results year, most recent first. */
export function pastYears(row: HistoryRow, results: ResultsYear): HistoryRow['years'] {
  return row.years.filter((y) => y.year < results.year).sort((a, b) => b.year - a.year);
}

/**
 * The run in `tier` back from the results year: each year before it in turn, down to the row's earliest
 * year and on to the years a run of `longest` needs. A different tier (or a word that is not a tier) ends
 * it; a year without a result stops it there, a year before the file's first column too (a history that
 * starts with last year cannot say the run ends there: README, --history). What the run would be had such
 * years been the tier is counted too, one more of them at a time, up to `longest`.
 */
export function runOf(tier: string, row: HistoryRow, results: ResultsYear, longest = LONGEST_RUN): PastRun {
  const past = pastYears(row, results);
  if (past.length === 0) return { run: 1, ifGapsCounted: [] };
  const byYear = new Map(past.map((y) => [y.year, y]));
  const lowest = Math.min(past[past.length - 1].year, results.year - (longest - 1));
  // The run when the first `fill` years without a result count as the tier; it stops at the next one.
  const walk = (fill: number) => {
    let run = 1;
    const gaps: HistoryGap[] = [];
    for (let year = results.year - 1; year >= lowest; year--) {
      const y = byYear.get(year);
      if (y === undefined || y.tier === '') {
        gaps.push({ year, blankCell: y ? y.cell : null, ...(y?.sheet !== undefined ? { sheet: y.sheet } : {}) });
        if (gaps.length > fill) break;
      } else if (y.tier !== tier) break;
      run++;
    }
    return { run, gaps: gaps.slice(0, fill), stoppedAtGap: gaps.length > fill };
  };
  const ifGapsCounted: PastRun['ifGapsCounted'] = [];
  let fill = 0;
  let last = walk(0);
  while (last.stoppedAtGap && last.run < longest) {
    last = walk(++fill);
    ifGapsCounted.push({ gaps: last.gaps, run: last.run });
  }
  return { run: walk(0).run, ifGapsCounted };
}

/** 2024 年（无该年度列）、2022 年（名册!D3 空白）; three and more years missing one after another as one span. */
export function gapsText(gaps: readonly HistoryGap[], sheet: string): string {
  const parts: string[] = [];
  for (let i = 0; i < gaps.length; i++) {
    const g = gaps[i];
    if (g.blankCell !== null) {
      parts.push(`${g.year} 年（${g.sheet ?? sheet}!${g.blankCell} 空白）`);
      continue;
    }
    let j = i;
    while (j + 1 < gaps.length && gaps[j + 1].blankCell === null && gaps[j + 1].year === gaps[j].year - 1) j++;
    if (j - i >= 2) {
      parts.push(`${gaps[j].year}—${g.year} 年（无这些年度列）`);
      i = j;
    } else parts.push(`${g.year} 年（无该年度列）`);
  }
  return parts.join('、');
}

/** The years of gaps, as a sentence names them: 2025、2023, or 2001—2024 for three and more in a row. */
export function gapYears(gaps: readonly HistoryGap[]): string {
  const parts: string[] = [];
  for (let i = 0; i < gaps.length; i++) {
    let j = i;
    while (j + 1 < gaps.length && gaps[j + 1].year === gaps[j].year - 1) j++;
    if (j - i >= 2) {
      parts.push(`${gaps[j].year}—${gaps[i].year}`);
      i = j;
    } else parts.push(String(gaps[i].year));
  }
  return parts.join('、');
}

/**
 * A past year's word in a subject's row that is not one of the scheme's tiers (称职 where the scheme says
 * 合格): one finding at its cell; it breaks the run (it cannot be guessed to be the same tier).
 */
export function unknownTierFinding(row: HistoryRow, y: HistoryRow['years'][number], label: string, subject: string, tiers: readonly string[]): Finding {
  const sheet = y.sheet ?? row.at.sheet;
  return finding(
    'HISTORY_VALUE_UNKNOWN',
    `往年结果中「${label}」${y.year} 年的「${y.tier}」（${sheet}!${y.cell}）不是本方案的等次（${tiers.join('、')}），按不同等次计，连续次数在此中断；如是同一等次的其他写法，请改正往年结果后重新计算`,
    { ...row.at, sheet, cell: y.cell, subject },
  );
}

/**
 * The year a campaign scored in the new year is probably for (seed 002 第五篇 二、(四): the campaign runs
 * 11月15日至12月15日, the results are often counted in January): when the year comes from a day in its
 * first half (April to June: January–March already take the year before, campaign-year.ts), and the history has earlier years but none for the year just before it, that missing year is
 * most likely this campaign's own. Said once (RESULTS_YEAR_DOUBT) with what to do, instead of a gap per
 * person; null otherwise (later in the year a missing last year is a gap like any other).
 */
export function resultsYearDoubt(history: History, results: ResultsYear): { year: number; finding: Finding } | null {
  if (results.today === undefined || Number(results.today.slice(5, 7)) > 6) return null;
  const past = history.columns.filter((c) => c.year < results.year);
  const last = results.year - 1;
  if (past.length === 0 || past.some((c) => c.year === last)) return null;
  const latest = past.reduce((a, c) => (c.year > a.year ? c : a)).year;
  return {
    year: last,
    finding: finding(
      'RESULTS_YEAR_DOUBT',
      `本次评议的年度为 ${results.year} 年（${results.from}），但往年结果中最近的是 ${latest} 年，没有 ${last} 年：如本次评议是 ${last} 年度的（年底评议、次年计算结果），请在方案中填写考核年度 ${last}（命令行：--year ${last}）后重新计算，否则公示等将写作 ${results.year} 年度，${last} 年也将被当作缺少结果的往年；如确是 ${results.year} 年度，请在往年结果中补上 ${last} 年的等次`,
      { ...past.find((c) => c.year === latest)!.at },
    ),
  };
}

/** 往年结果 given in several files (one a year): their columns and rows together; one person's rows are joined where matched (joinOnePersonsRows). */
export function joinHistories(histories: readonly History[]): History {
  return { columns: histories.flatMap((h) => h.columns), rows: histories.flatMap((h) => h.rows) };
}
