/**
 * The Excel host: the open workbook seen through Office.js, behind the WorkbookHost interface the
 * task pane uses. It only translates (STYLE.md): grids out of sheets (read-grids.ts), sheet
 * descriptions into sheets (render-sheet.ts), the campaign into a custom XML part
 * (campaign-store.ts).
 *
 * Nothing lost: the add-in changes only sheets it created, recognised by the mark they carry
 * (sheet-marks.ts). A description whose name belongs to a user sheet is written under a free name
 * ("排名表(2)") and reported in `renamed`; a re-run replaces the add-in's own sheet of that name (or
 * the one written under a free name last time). A replacement is written to a new sheet first and
 * swapped in only when complete (delete the old, give the new its name and position), so a failure
 * half-way leaves the old sheet as it was. The old 整改清单 is read before it is replaced and staff
 * edits are carried over (core/output/merge-rectification.ts); if its table can no longer be
 * recognised, the old sheet is kept and the new one written beside it. An inserted template is
 * replaced only while it is still blank (blank-template.ts); one the clerk filled in is kept and
 * the new one written beside it. What the clerk should know about sheets kept, left unprotected or
 * cleared away is said in `notes`.
 *
 * The result sheets of one write belong together (the 公示表 and 整改清单 must say the same), but
 * Excel swaps them one by one: when a write stops half-way, the error names the sheets already
 * replaced this time and those still from the previous run. A sheet an interrupted write left under
 * its temporary name (评议通写入中1) is recognised by its mark: listed as such, not as the
 * clerk's, and removed by the next write that completes.
 *
 * Syncs: listSheets 2; readSheets 3 + one per band of rows (read-grids.ts), + one per halving when
 * some rows are hidden; writeSheets 2 to take stock, then per sheet one sync to write it (more only
 * for a sheet over the 3 MB request budget) and one to swap it in, plus the reads of an old 整改清单
 * or template, plus one to remove sheets left by an interrupted write; loadCampaign and
 * saveCampaign 2 each.
 */
import { Finding } from '../../core/findings/finding';
import { SheetGrid } from '../../core/forms/grid';
import { gridRectificationLayout, isOtherYears, mergeRectificationEdits, rectificationDateProblems, rectificationNotices } from '../../core/output/merge-rectification';
import { SheetDescription, uniqueSheetName } from '../../core/output/sheet-description';
import { OnProgress, SavedCampaign, SheetInfo, WorkbookHost, WriteOutcome } from '../workbook-host';
import { parseCellA1 } from './a1';
import { loadCampaignPart, saveCampaignPart } from './campaign-store';
import { ExcelHostError, toExcelHostError, translateErrors } from './excel-errors';
import { descriptionFingerprint, gridFingerprint } from './blank-template';
import { ReadLimits, readGrids } from './read-grids';
import { Batcher, DEFAULT_WRITE_LIMITS, OPERATION_BYTES, WriteLimits, renderSheet } from './render-sheet';
import { FEATURES, FeatureName, MIN_EXCEL_API, Supports, hasFeature, meetsMinimum } from './requirements';
import { SheetMark, queueMarkRead } from './sheet-marks';

export interface ExcelHostOptions {
  /** Excel.run, or the fake's run in tests. */
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  /** Office.context.requirements.isSetSupported, or the fake's answer in tests. */
  supports: Supports;
  readLimits?: Partial<ReadLimits>;
  writeLimits?: Partial<WriteLimits>;
}

interface StockSheet {
  ws: Excel.Worksheet;
  name: string;
  position: number;
  visible: boolean;
  /** The add-in's mark, when the sheet is the add-in's own (it still has the name the add-in gave it). */
  mark: SheetMark | null;
  /** The mark of a sheet an interrupted write left under its temporary name. */
  leftover: SheetMark | null;
  /** Protected (by the clerk, or a template as the add-in writes it). */
  protected: boolean;
}

interface Stock {
  sheets: StockSheet[];
  workbookProtected: boolean;
}

/** The temporary name of a sheet being written (uniqueSheetName may add "(2)"). */
const TEMP_NAME = '评议通写入中';
const TEMP_PATTERN = new RegExp(`^${TEMP_NAME}\\d+(\\(\\d+\\))?$`);

/** SheetInfo.ownedKind of a sheet left by an interrupted write. */
export const INTERRUPTED_KIND = 'interrupted';

/** Two syncs: names, visibility, positions and workbook protection; then every sheet's mark and protection. */
async function takeStock(ctx: Excel.RequestContext, supports: Supports): Promise<Stock> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name,items/visibility,items/position');
  const protection = ctx.workbook.protection;
  protection.load('protected');
  await ctx.sync();
  const withProperties = hasFeature(supports, 'customProperties');
  const reads = sheets.items.map((ws) => {
    const sheetProtection = ws.protection;
    sheetProtection.load('protected');
    return { ws, read: queueMarkRead(ws, withProperties), sheetProtection };
  });
  await ctx.sync();
  return {
    sheets: reads.map(({ ws, read, sheetProtection }) => {
      const mark = read.mark(ws.name);
      const leftover = !mark && TEMP_PATTERN.test(ws.name) ? read.carried() : null;
      return { ws, name: ws.name, position: ws.position, visible: ws.visibility === 'Visible', mark, leftover, protected: sheetProtection.protected };
    }),
    workbookProtected: protection.protected,
  };
}

/** The add-in's own sheets a description may replace: of its name first, then the one written under a free name last time. */
function ownSheetsFor(stock: Stock, d: SheetDescription, claimed: Set<string>): StockSheet[] {
  const free = stock.sheets.filter((s) => s.mark && !claimed.has(s.name));
  const byName = free.filter((s) => same(s.name, d.name));
  const byWanted = free.filter((s) => !same(s.name, d.name) && same(s.mark!.wanted, d.name) && s.mark!.kind === d.kind);
  return [...byName, ...byWanted];
}

/** Where a write that stopped had got to (for the error message). */
interface WriteProgress {
  stock: Stock | null;
  /** The sheets written and swapped in, in the order of the descriptions. */
  done: string[];
}

/** What recovering the sheet being written found: put in place, removed, or (recovery failed) perhaps still there. */
type Recovered = { temp: string; used: string; state: 'placed' | 'removed' | 'unknown' };

const quoted = (names: string[]) => names.map((n) => `「${n}」`).join('');

/** A sheet being written: its temporary name, the name it is for, the sheet it replaces. */
interface Pending {
  temp: string;
  used: string;
  old: string | null;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export class ExcelWorkbookHost implements WorkbookHost {
  readonly kind = 'excel' as const;
  /** What the last readSheets could not see in this Excel (merged cells below ExcelApi 1.13), in Chinese. */
  readNotes: string[] = [];

  constructor(private readonly options: ExcelHostOptions) {}

  private get supports(): Supports {
    return this.options.supports;
  }

  private requireMinimum(): void {
    if (!meetsMinimum(this.supports))
      throw new ExcelHostError(
        'ApiTooOld',
        `当前 Excel 版本过旧，评议通需要 ExcelApi ${MIN_EXCEL_API} 或更高（Excel 2019、Excel 2021、Microsoft 365 或网页版 Excel）。请升级 Office，或使用评议通网页版读取文件。`,
      );
  }

  async listSheets(): Promise<SheetInfo[]> {
    this.requireMinimum();
    return translateErrors('读取工作表列表', () =>
      this.options.run(async (ctx) => {
        const stock = await takeStock(ctx, this.supports);
        return stock.sheets.map((s) => ({ name: s.name, ownedKind: s.mark?.kind ?? (s.leftover ? INTERRUPTED_KIND : null), visible: s.visible }));
      }),
    );
  }

  async readSheets(names: string[], onProgress?: OnProgress): Promise<{ sheets: SheetGrid[]; findings: Finding[] }> {
    this.requireMinimum();
    const out = await translateErrors('读取工作表', () =>
      this.options.run((ctx) => readGrids(ctx, names, this.supports, { limits: this.options.readLimits, onProgress })),
    );
    this.readNotes = out.notes;
    return { sheets: out.sheets, findings: out.findings };
  }

  async writeSheets(descriptions: SheetDescription[], onProgress?: OnProgress): Promise<WriteOutcome> {
    this.requireMinimum();
    const pending: Pending[] = [];
    const progress: WriteProgress = { stock: null, done: [] };
    try {
      return await this.options.run((ctx) => this.write(ctx, descriptions, pending, progress, onProgress));
    } catch (e) {
      const recovered = pending.length > 0 ? await this.recover(pending) : [];
      throw this.stoppedWrite(toExcelHostError(e, '写入结果'), descriptions, progress, recovered);
    }
  }

  /**
   * The error of a write that stopped: Excel's reason, then (once anything could have changed) which
   * sheets this write replaced, which are still from the previous write and which are not written,
   * and a sheet it may have left under its temporary name.
   */
  private stoppedWrite(error: ExcelHostError, descriptions: SheetDescription[], progress: WriteProgress, recovered: Recovered[]): ExcelHostError {
    const stock = progress.stock;
    if (!stock) return error;
    const updated = [...progress.done];
    const previous: string[] = [];
    const notWritten: string[] = [];
    const claimed = new Set<string>();
    let left: string | null = null;
    descriptions.forEach((d, i) => {
      const own = ownSheetsFor(stock, d, claimed)[0];
      if (own) claimed.add(own.name);
      if (i < progress.done.length) return;
      const r = i === progress.done.length ? recovered[0] : undefined;
      if (r?.state === 'placed') return void updated.push(r.used);
      if (r?.state === 'unknown') left = r.temp;
      if (own) previous.push(own.name);
      else notWritten.push(d.name);
    });
    const lines = [error.message];
    if (updated.length === 0) lines.push('工作簿中原有的工作表都未改动。');
    else {
      lines.push(`写入在中途停止：本次已更新${quoted(updated)}。`);
      if (previous.length > 0) lines.push(`仍是上一次写入的（未更新）：${quoted(previous)}。`);
      if (notWritten.length > 0) lines.push(`尚未写入：${quoted(notWritten)}。`);
      lines.push('这些工作表现在不是同一次计算的结果，请勿据此打印或公示；请再写入一次，使各表一致。');
    }
    if (left) lines.push(`工作簿中可能留有未写完的工作表「${left}」，可以删除（下次写入成功时也会自动删除）。`);
    return new ExcelHostError(error.code, lines.join(''), error.cause ?? error);
  }

  /** Whether a template sheet still holds exactly what the add-in entered (its mark's fingerprint). */
  private async stillBlank(ctx: Excel.RequestContext, sheet: StockSheet, mark: SheetMark): Promise<boolean> {
    if (!mark.blank) return false;
    const read = await readGrids(ctx, [sheet.name], this.supports, { limits: this.options.readLimits });
    return gridFingerprint(read.sheets[0]?.rows ?? []) === mark.blank;
  }

  private async write(
    ctx: Excel.RequestContext,
    descriptions: SheetDescription[],
    pending: Pending[],
    progress: WriteProgress,
    onProgress?: OnProgress,
  ): Promise<WriteOutcome> {
    const supports = this.supports;
    const limits: WriteLimits = { ...DEFAULT_WRITE_LIMITS, ...this.options.writeLimits };
    const stock = await takeStock(ctx, supports);
    if (stock.workbookProtected)
      throw new ExcelHostError('WorkbookProtected', '工作簿结构受保护（“审阅 → 保护工作簿”），无法添加或替换评议通的工作表。请撤销工作簿保护后重试。');
    progress.stock = stock;

    const notes: string[] = [];
    const outcome: WriteOutcome = { written: [], renamed: [], degraded: [], notes };
    const missing = new Map<FeatureName, string[]>();
    const taken = new Set(stock.sheets.map((s) => s.name));
    const claimed = new Set<string>();
    const batch = new Batcher(ctx, limits, supports);

    for (let i = 0; i < descriptions.length; i++) {
      let d = descriptions[i];
      const candidates = ownSheetsFor(stock, d, claimed);
      let replace: StockSheet | null = null;
      /** What to say about an own sheet kept as it is, given the name the new one gets. */
      let keptNote: ((used: string) => string) | null = null;
      let mergeNotes: ((used: string) => string[]) | null = null;
      if (d.kind === 'template') {
        // A template the clerk has filled in holds their votes: only a blank one is replaced.
        for (const c of candidates) if (!replace && (await this.stillBlank(ctx, c, c.mark!))) replace = c;
        const kept = candidates[0];
        if (kept && !replace) {
          claimed.add(kept.name);
          keptNote = (used) =>
            kept.mark!.blank
              ? `「${kept.name}」中已有填写或改动的内容（与插入时不同），未替换，原样保留；新的空白表写入了「${used}」。`
              : `「${kept.name}」由早先版本的评议通插入，无法确认其中是否已有填写，未替换，原样保留；新的空白表写入了「${used}」。`;
        }
      } else if (d.kind === 'rectification' && d.meta?.year) {
        // Another year's 整改清单 (isOtherYears) is kept as it is; this year's goes beside it, or replaces this year's own.
        const year = d.meta.year;
        replace = candidates.find((c) => !isOtherYears(c.mark!.meta?.year, year)) ?? null;
        const other = candidates.find((c) => isOtherYears(c.mark!.meta?.year, year));
        if (!replace && other) {
          claimed.add(other.name);
          keptNote = (used) => `原「${other.name}」是 ${other.mark!.meta!.year} 年度的整改清单，未合并到本年度，原样保留；${year} 年度的整改清单写入了「${used}」。`;
        }
      } else replace = candidates[0] ?? null;
      if (replace && d.kind === 'rectification') {
        const old = await readGrids(ctx, [replace.name], supports, { limits: this.options.readLimits });
        const grid = old.sheets[0];
        if (grid && grid.rows.length > 0) {
          if (gridRectificationLayout(grid)) {
            d = mergeRectificationEdits(d, grid);
            // Rows kept for a person to decide (or kept as gone), and dates typed so they cannot be read, are said in
            // the pane, not only marked in the sheet.
            const merged = d;
            const dates = rectificationDateProblems(grid, '本工作簿').map((f) => f.message);
            mergeNotes = (used) => [...rectificationNotices(merged, used), ...dates];
          } else {
            const kept = replace.name;
            claimed.add(kept);
            keptNote = (used) => `原「${kept}」的表头已被改动，无法核对其中的整改记录，已原样保留；本次的整改清单写入了「${used}」。`;
            replace = null;
          }
        }
      }
      // Excel cannot tell whether the clerk's protection had a password, and the add-in knows none: say so.
      if (replace?.protected && !d.protection)
        notes.push(`原「${replace.name}」设有工作表保护；替换后的新表未设保护（评议通不知道原来的密码，也不自设密码）。如需保护，请在“审阅 → 保护工作表”中重新设置。`);
      let used: string;
      if (replace) {
        claimed.add(replace.name);
        // Written under a free name last time, and the name is free again (the clerk's sheet is gone): take it back.
        if (!same(replace.name, d.name) && ![...taken].some((t) => same(t, d.name))) {
          used = d.name;
          taken.add(used);
        } else used = replace.name;
      } else if ([...taken].some((t) => same(t, d.name))) {
        used = uniqueSheetName(d.name, taken);
      } else {
        used = d.name;
        taken.add(used);
      }
      // Renamed, as the pane says, only when a sheet of the clerk's holds the name (not a kept one of the add-in's).
      if (!same(used, d.name) && stock.sheets.some((s) => same(s.name, d.name) && !s.mark)) outcome.renamed.push({ wanted: d.name, used });
      if (keptNote) notes.push(keptNote(used));
      if (mergeNotes) notes.push(...mergeNotes(used));
      onProgress?.({ done: i, total: descriptions.length, label: `写入工作表「${used}」` });

      // Write the new sheet under a temporary name, then swap it in.
      const temp = uniqueSheetName(`${TEMP_NAME}${i + 1}`, taken);
      pending.push({ temp, used, old: replace?.name ?? null });
      let ws: Excel.Worksheet | null = null;
      await batch.add(OPERATION_BYTES, () => {
        ws = ctx.workbook.worksheets.add(temp);
      });
      const mark: SheetMark = { v: 1, kind: d.kind, name: used, wanted: d.name, ...(d.meta ? { meta: d.meta } : {}), ...(d.kind === 'template' ? { blank: descriptionFingerprint(d) } : {}) };
      const result = await renderSheet(ws!, d, mark, batch, supports, limits);
      for (const f of result.missing) missing.set(f, [...(missing.get(f) ?? []), used]);
      await batch.flush();
      const old = replace;
      await batch.add(3 * OPERATION_BYTES, () => {
        if (old) old.ws.delete();
        ws!.name = used;
        if (old) ws!.position = old.position;
      });
      await batch.flush();
      pending.pop();
      taken.delete(temp);
      outcome.written.push(used);
      progress.done.push(used);
    }

    // Sheets an interrupted write left under a temporary name: now that this write is complete, they
    // are stale copies. A template among them is removed only while blank (the clerk may have used it).
    const stale: StockSheet[] = [];
    for (const s of stock.sheets.filter((x) => x.leftover)) {
      if (s.leftover!.kind !== 'template' || (await this.stillBlank(ctx, s, s.leftover!))) stale.push(s);
      else notes.push(`「${s.name}」是早先一次插入中断时留下的空白表，其中已有填写的内容，未删除；如不需要，请自行删除。`);
    }
    if (stale.length > 0) {
      await batch.add(stale.length * OPERATION_BYTES, () => stale.forEach((s) => s.ws.delete()));
      await batch.flush();
      notes.push(`已删除早先一次写入中断时留下的未完成工作表${quoted(stale.map((s) => s.name))}。`);
    }
    onProgress?.({ done: descriptions.length, total: descriptions.length, label: '写入完成' });
    for (const [f, sheets] of missing) outcome.degraded.push(`${FEATURES[f].missing}：${sheets.map((s) => `「${s}」`).join('')}。`);
    return outcome;
  }

  /**
   * After a failed write: a half-written sheet is removed while the sheet it was to replace still
   * exists; if the failure came after the old sheet was deleted, the new (complete) sheet gets its
   * name instead, so the output is never lost. Best effort: if Excel is still busy or protected the
   * sheet stays, named 评议通写入中…; the error names it, listSheets reports it as INTERRUPTED_KIND
   * (its mark names another sheet), and the next write that completes removes it.
   */
  private async recover(pending: Pending[]): Promise<Recovered[]> {
    try {
      return await this.options.run(async (ctx) => {
        const found = pending.map((p) => ({
          p,
          temp: ctx.workbook.worksheets.getItemOrNullObject(p.temp),
          old: p.old === null ? null : ctx.workbook.worksheets.getItemOrNullObject(p.old),
        }));
        await ctx.sync();
        const out: Recovered[] = [];
        for (const { p, temp, old } of found) {
          const placed = !temp.isNullObject && old !== null && old.isNullObject;
          if (!temp.isNullObject) {
            if (placed) temp.name = p.used;
            else temp.delete();
          }
          out.push({ temp: p.temp, used: p.used, state: placed ? 'placed' : 'removed' });
        }
        await ctx.sync();
        return out;
      });
    } catch {
      // See above.
      return pending.map((p) => ({ temp: p.temp, used: p.used, state: 'unknown' }));
    }
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.requireMinimum();
    const at = parseCellA1(cell);
    if (!at) throw new ExcelHostError('InvalidArgument', `单元格地址「${cell}」无效。`);
    await translateErrors('定位到单元格', () =>
      this.options.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
        ws.load('visibility');
        await ctx.sync();
        if (ws.isNullObject) throw new ExcelHostError('ItemNotFound', `找不到工作表「${sheet}」，可能已被改名或删除。`);
        if (ws.visibility !== 'Visible') throw new ExcelHostError('SheetHidden', `工作表「${sheet}」已隐藏，请先取消隐藏（右键工作表标签 → 取消隐藏）。`);
        ws.activate();
        ws.getRange(cell).select();
        await ctx.sync();
      }),
    );
  }

  async loadCampaign(): Promise<SavedCampaign | null> {
    this.requireMinimum();
    return translateErrors('读取保存的评议方案', () => this.options.run((ctx) => loadCampaignPart(ctx)));
  }

  async saveCampaign(campaign: SavedCampaign): Promise<void> {
    this.requireMinimum();
    await translateErrors('保存评议方案', () => this.options.run((ctx) => saveCampaignPart(ctx, campaign)));
  }
}

