/**
 * Reading sheets of the open workbook into grids with a bounded number of `context.sync()` calls.
 *
 * The sync pattern (all inside one Excel.run):
 *   1. the workbook's name and its sheets' names;
 *   2. the used range (values only) of every requested sheet;
 *   3. a sample: up to 16 rows spread evenly over each sheet (at most 4,096 cells per sheet), with
 *      the same four arrays as the blocks, to learn how many bytes a cell of this sheet costs;
 *   4. the blocks: row bands of the used range, each loaded as values + formulas + valueTypes +
 *      numberFormat, plus the band's merged areas (ExcelApi 1.13). Bands of several sheets share a
 *      sync while their estimated response stays under the target (3 MB by default, against Excel
 *      on the web's 5 MB), and no band exceeds 1,000,000 cells (Excel refuses reads of more than
 *      5,000,000). The estimate is bytes per cell × 1.5, from the sample and every band read so
 *      far (it only grows), so a sheet of short names of 5,000 rows is one band and one sync, and
 *      the number of syncs grows with the data's size, never with the number of rows or cells.
 * No sync runs inside a loop over rows or cells, and there is no proxy per cell.
 *
 * Also read: each sheet's mark (sheet-marks.ts), whose template metadata goes with the grid
 * (`templateMeta`), as the file host reads it from `_pingyi`; and which rows are hidden (by hand or
 * by a filter). Each band asks `rowHidden` (ExcelApi 1.2: true all hidden, false none, null some);
 * only a band with some hidden rows is halved, one sync per halving, until each part is all hidden
 * or none. Hidden rows are read like the others, as from a file, and named in a finding
 * (HIDDEN_ROWS): a filtered 花名册 would otherwise bring in people the clerk does not see.
 *
 * If Excel still refuses a response as too large (text much longer in some rows than in the
 * sample), the bands of that sync are halved and read again: reading changes nothing, so a retry
 * is safe. Merged areas are asked per band: Excel reports a merged area in the band that holds its
 * top-left cell (office-js#3611), so every merge is found exactly once.
 */
import { Finding, finding } from '../../core/findings/finding';
import { CellValue, MergeRange, SheetGrid } from '../../core/forms/grid';
import { OnProgress } from '../workbook-host';
import { parseAreaList } from './a1';
import { toCellValue } from './cell-values';
import { isSizeLimit } from './excel-errors';
import { FEATURES, Supports, hasFeature } from './requirements';
import { MarkRead, queueMarkRead } from './sheet-marks';

export interface ReadLimits {
  /** Estimated bytes of one sync's response. */
  responseBytes: number;
  /** Estimates are multiplied by this. */
  safety: number;
  /** Cells of one band. */
  maxBlockCells: number;
  sampleRows: number;
  sampleCells: number;
}

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  responseBytes: 3_000_000,
  safety: 1.5,
  maxBlockCells: 1_000_000,
  sampleRows: 16,
  sampleCells: 4096,
});

const PROPS = 'values,formulas,valueTypes,numberFormat';
/** Probes of hidden rows in one sync (each a small request; 5,000 stay far under the 5 MB request limit). */
const HIDDEN_PROBES_PER_SYNC = 5000;
/** Bytes a band costs beyond its cells (addresses, merged areas). */
const BLOCK_OVERHEAD = 512;

interface Plan {
  name: string;
  ws: Excel.Worksheet;
  row0: number;
  col0: number;
  rows: number;
  cols: number;
  /** Estimated response bytes per cell (before the safety factor); only grows. */
  perCell: number;
  next: number;
  grid: CellValue[][];
  merges: MergeRange[];
  /** Absolute indexes of hidden rows. */
  hidden: number[];
}

/** Rows of a sheet some of which are hidden (absolute index and count). */
interface Segment {
  plan: Plan;
  row: number;
  count: number;
}

interface Block {
  plan: Plan;
  /** Offset in the used range. */
  from: number;
  count: number;
}

export interface ReadOutput {
  sheets: SheetGrid[];
  findings: Finding[];
  /** Features missing in this Excel that affect what was read (Chinese). */
  notes: string[];
  /** The workbook's name, used as the "file" of findings. */
  file: string;
}

export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function loadedBytes(r: Excel.Range): number {
  return utf8Length(JSON.stringify([r.values, r.formulas, r.valueTypes, r.numberFormat]));
}

export async function readGrids(
  ctx: Excel.RequestContext,
  names: readonly string[],
  supports: Supports,
  options: { limits?: Partial<ReadLimits>; onProgress?: OnProgress } = {},
): Promise<ReadOutput> {
  const limits: ReadLimits = { ...DEFAULT_READ_LIMITS, ...options.limits };
  const withMerges = hasFeature(supports, 'mergedAreas');
  const notes = withMerges ? [] : [`${FEATURES.mergedAreas.missing}。`];

  // 1. Names.
  const workbook = ctx.workbook;
  workbook.load('name');
  const sheets = workbook.worksheets;
  sheets.load('items/name');
  await ctx.sync();
  const file = workbook.name || '当前工作簿';
  const findings: Finding[] = [];
  const present = new Map(sheets.items.map((ws) => [ws.name.toLowerCase(), ws]));

  // 2. Used ranges.
  const wanted = names.map((name) => {
    const ws = present.get(name.toLowerCase()) ?? null;
    if (!ws) {
      findings.push(finding('FILE_UNREADABLE', `工作簿中没有名为「${name}」的工作表（可能已改名或删除），未读取。`, { file, sheet: name }));
      return { name, ws, used: null, mark: null as MarkRead | null };
    }
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    return { name: ws.name, ws, used, mark: queueMarkRead(ws, hasFeature(supports, 'customProperties')) };
  });
  await ctx.sync();

  // 3. Samples.
  const plans: Plan[] = [];
  const samples: { plan: Plan; ranges: Excel.Range[]; cells: number }[] = [];
  for (const w of wanted) {
    if (!w.ws || !w.used || w.used.isNullObject) continue;
    const plan: Plan = {
      name: w.name,
      ws: w.ws,
      row0: w.used.rowIndex,
      col0: w.used.columnIndex,
      rows: w.used.rowCount,
      cols: w.used.columnCount,
      perCell: 0,
      next: 0,
      grid: [],
      merges: [],
      hidden: [],
    };
    plans.push(plan);
    const width = Math.min(plan.cols, limits.sampleCells);
    const k = Math.min(limits.sampleRows, plan.rows, Math.max(1, Math.floor(limits.sampleCells / width)));
    const ranges: Excel.Range[] = [];
    for (let i = 0; i < k; i++) {
      const offset = k === 1 ? 0 : Math.round((i * (plan.rows - 1)) / (k - 1));
      const r = plan.ws.getRangeByIndexes(plan.row0 + offset, plan.col0, 1, width);
      r.load(PROPS);
      ranges.push(r);
    }
    samples.push({ plan, ranges, cells: k * width });
  }
  if (samples.length > 0) {
    await ctx.sync();
    for (const s of samples) s.plan.perCell = s.ranges.reduce((n, r) => n + loadedBytes(r), 0) / s.cells;
  }

  // 4. Bands.
  const totalRows = plans.reduce((n, p) => n + p.rows, 0);
  let doneRows = 0;
  const rowBytes = (p: Plan) => Math.max(1, p.perCell * p.cols * limits.safety);
  const report = (label: string) => options.onProgress?.({ done: doneRows, total: totalRows, label });

  const mixed: Segment[] = [];
  const runGroup = async (group: Block[]): Promise<void> => {
    const loads = group.map((b) => {
      const range = b.plan.ws.getRangeByIndexes(b.plan.row0 + b.from, b.plan.col0, b.count, b.plan.cols);
      range.load(`${PROPS},rowHidden`);
      const merged = withMerges ? range.getMergedAreasOrNullObject() : null;
      merged?.load('address');
      return { b, range, merged };
    });
    try {
      await ctx.sync();
    } catch (e) {
      if (!isSizeLimit(e) || (group.length === 1 && group[0].count === 1)) throw e;
      // Halve and retry: a read changes nothing.
      for (const b of group) b.plan.perCell *= 2;
      if (group.length > 1) for (const b of group) await runGroup([b]);
      else {
        const [b] = group;
        const half = Math.ceil(b.count / 2);
        await runGroup([{ ...b, count: half }]);
        await runGroup([{ ...b, from: b.from + half, count: b.count - half }]);
      }
      return;
    }
    for (const { b, range, merged } of loads) {
      const p = b.plan;
      const { values, formulas, valueTypes, numberFormat } = range;
      for (let i = 0; i < b.count; i++) {
        const row: CellValue[] = new Array(p.col0 + p.cols).fill(null);
        for (let j = 0; j < p.cols; j++) row[p.col0 + j] = toCellValue(values[i][j], formulas[i][j], valueTypes[i][j], numberFormat[i][j]);
        let width = row.length;
        while (width > 0 && (row[width - 1] === null || row[width - 1] === '')) width--;
        row.length = width;
        p.grid[p.row0 + b.from + i] = row;
      }
      if (merged && !merged.isNullObject) for (const m of parseAreaList(merged.address)) p.merges.push(m);
      const row = p.row0 + b.from;
      if (range.rowHidden === true) for (let i = 0; i < b.count; i++) p.hidden.push(row + i);
      else if (range.rowHidden === null) mixed.push({ plan: p, row, count: b.count });
      p.perCell = Math.max(p.perCell, loadedBytes(range) / (b.count * p.cols));
      doneRows += b.count;
      report(`读取工作表「${p.name}」`);
    }
  };

  for (;;) {
    const group: Block[] = [];
    let bytes = 0;
    fill: for (const p of plans) {
      while (p.next < p.rows) {
        const per = rowBytes(p);
        const room = limits.responseBytes - bytes - BLOCK_OVERHEAD;
        let count = Math.min(p.rows - p.next, Math.max(1, Math.floor(limits.maxBlockCells / p.cols)), Math.floor(room / per));
        if (count < 1) {
          if (group.length > 0) break fill;
          count = 1;
        }
        group.push({ plan: p, from: p.next, count });
        p.next += count;
        bytes += count * per + BLOCK_OVERHEAD;
        if (bytes >= limits.responseBytes) break fill;
      }
    }
    if (group.length === 0) break;
    await runGroup(group);
  }

  // 5. Which rows of the bands with some hidden rows: halve until each part is all hidden or none.
  while (mixed.length > 0) {
    const parts = mixed.splice(0, HIDDEN_PROBES_PER_SYNC / 2).flatMap((m) => {
      const half = Math.ceil(m.count / 2);
      return [
        { ...m, count: half },
        { ...m, row: m.row + half, count: m.count - half },
      ];
    });
    const probes = parts.map((part) => {
      const range = part.plan.ws.getRangeByIndexes(part.row, part.plan.col0, part.count, 1);
      range.load('rowHidden');
      return { part, range };
    });
    await ctx.sync();
    for (const { part, range } of probes) {
      if (range.rowHidden === true) for (let i = 0; i < part.count; i++) part.plan.hidden.push(part.row + i);
      else if (range.rowHidden === null && part.count > 1) mixed.push(part);
    }
  }
  for (const p of plans) {
    // Only hidden rows that hold something matter.
    const rows = p.hidden.filter((r) => (p.grid[r] ?? []).length > 0).sort((a, b) => a - b);
    if (rows.length > 0)
      findings.push(
        finding(
          'HIDDEN_ROWS',
          `工作表「${p.name}」的第 ${rowList(rows)} 行被隐藏或筛选掉，已照常读取（与读取文件时一样）。请核实这些行应否计入；如只应读取显示的行，请把筛选后的表格复制到新的工作表（Excel 只复制显示的行），再读取新工作表。`,
          { file, sheet: p.name },
        ),
      );
  }

  const grids: SheetGrid[] = wanted
    .filter((w) => w.ws)
    .map((w) => {
      const p = plans.find((x) => x.name === w.name);
      const meta = w.mark?.carried()?.meta;
      const extra = meta ? { templateMeta: meta } : {};
      if (!p) return { name: w.name, rows: [], merges: [], ...extra };
      const rows: CellValue[][] = Array.from({ length: p.row0 + p.rows }, (_, r) => p.grid[r] ?? []);
      let last = rows.length;
      while (last > 0 && rows[last - 1].length === 0) last--;
      rows.length = last;
      return { name: w.name, rows, merges: p.merges, ...extra };
    });
  return { sheets: grids, findings, notes, file };
}

/** 1-based row numbers, runs joined: 「3–5、9」. */
function rowList(rows: number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    runs.push(j === i ? `${rows[i] + 1}` : `${rows[i] + 1}–${rows[j] + 1}`);
    i = j + 1;
  }
  return runs.join('、');
}
