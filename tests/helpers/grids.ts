/**
 * Test helpers that build filled forms as plain grids, the way a clerk's returned sheet looks:
 * written here independently of the project's template describer, so tests check recognition
 * against forms the project did not produce.
 */
import { CellValue, MergeRange, SheetGrid, Submission } from '../../src/core/forms/grid';
import { getPreset } from '../../src/core/presets';
import { Scheme } from '../../src/core/scheme/scheme-schema';

export interface MatrixOptions {
  title?: string;
  /** Header fields above the table, e.g. ['测评人类别：干部']. */
  fields?: string[];
  nameHeader?: string;
  levels: string[];
  /** Item groups (column-groups); one item means plain tier columns with no item row. */
  items?: string[];
  /** Rows: [name, marks per item (level index or -1 blank, or an array for several marks), recommend?]. */
  rows: { name: string; marks: (number | number[] | CellValue)[]; recommend?: CellValue }[];
  recommendHeader?: string;
  notes?: string[];
  mark?: string;
  /** Blank columns inserted before the table. */
  leftPad?: number;
}

/** A matrix form: names in rows, tier columns (grouped under item headers when there are several items). */
export function matrixSheet(name: string, o: MatrixOptions): SheetGrid {
  const rows: CellValue[][] = [];
  const merges: MergeRange[] = [];
  const pad = o.leftPad ?? 0;
  const blank = (n: number): CellValue[] => new Array(n).fill(null);
  const items = o.items ?? ['x'];
  const width = 1 + items.length * o.levels.length + (o.recommendHeader ? 1 : 0);
  if (o.title) {
    rows.push([...blank(pad), o.title]);
    merges.push({ r1: rows.length - 1, c1: pad, r2: rows.length - 1, c2: pad + width - 1 });
  }
  for (const f of o.fields ?? []) rows.push([...blank(pad), f]);
  const headerTop = rows.length;
  const nameHeader = o.nameHeader ?? '姓名';
  if (items.length > 1) {
    const top: CellValue[] = [...blank(pad), nameHeader];
    items.forEach((it, i) => {
      top.push(it, ...blank(o.levels.length - 1));
      const c1 = pad + 1 + i * o.levels.length;
      merges.push({ r1: headerTop, c1, r2: headerTop, c2: c1 + o.levels.length - 1 });
    });
    if (o.recommendHeader) top.push(o.recommendHeader);
    rows.push(top);
    const second: CellValue[] = [...blank(pad), null];
    items.forEach(() => second.push(...o.levels));
    if (o.recommendHeader) second.push(null);
    rows.push(second);
    merges.push({ r1: headerTop, c1: pad, r2: headerTop + 1, c2: pad });
    if (o.recommendHeader) merges.push({ r1: headerTop, c1: pad + width - 1, r2: headerTop + 1, c2: pad + width - 1 });
  } else {
    rows.push([...blank(pad), nameHeader, ...o.levels, ...(o.recommendHeader ? [o.recommendHeader] : [])]);
  }
  const mark = o.mark ?? '√';
  for (const r of o.rows) {
    const row: CellValue[] = [...blank(pad), r.name];
    r.marks.forEach((m) => {
      const cells: CellValue[] = blank(o.levels.length);
      if (typeof m === 'number') {
        if (m >= 0) cells[m] = mark;
      } else if (Array.isArray(m)) for (const l of m) cells[l] = mark;
      else if (m !== null) cells[0] = m as CellValue;
      row.push(...cells);
    });
    if (o.recommendHeader) row.push(r.recommend ?? null);
    rows.push(row);
  }
  for (const n of o.notes ?? []) rows.push([...blank(pad), n]);
  return { name, rows, merges };
}

/** A score sheet: names in rows, one score column per item. */
export function scoreSheet(name: string, o: { title?: string; fields?: string[]; items: string[]; rows: { name: string; scores: CellValue[] }[] }): SheetGrid {
  const rows: CellValue[][] = [];
  if (o.title) rows.push([o.title]);
  for (const f of o.fields ?? []) rows.push([f]);
  rows.push(['姓名', ...o.items]);
  for (const r of o.rows) rows.push([r.name, ...r.scores]);
  return { name, rows, merges: [] };
}

export function submission(file: string, ...sheets: SheetGrid[]): Submission {
  return { file, sheets };
}

/** n ballots, each a separate file, from a function giving the marks of ballot i. */
export function ballots(n: number, make: (i: number) => SheetGrid, prefix = 'ballot'): Submission[] {
  return Array.from({ length: n }, (_, i) => submission(`${prefix}-${String(i + 1).padStart(3, '0')}.xlsx`, make(i)));
}

/**
 * A preset whose forms held per unit (forms[].perUnit: p3's 村评, p1's 述诺测评, p5's 附表2) are read over the whole
 * roster, as before that setting: for tests of other things that lay out one sheet over several units' people.
 * Reading per unit is tests/engine/per-unit.test.ts.
 */
export function wholeRosterForms(id: string): Scheme {
  const s = getPreset(id);
  s.forms = s.forms.map(({ perUnit: _perUnit, ...form }) => form);
  return s;
}

/**
 * A preset whose score is worked out from the groups (or items) that have votes (counting.missingGroup: rescale):
 * for tests of reading that give one rater group's sheets only, where the default leaves the score to the committee.
 */
export function presetScoringPresentGroups(id: string): Scheme {
  const s = getPreset(id);
  s.counting = { ...s.counting, missingGroup: 'rescale' };
  return s;
}
