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
 * recognised, the old sheet is kept and the new one written beside it.
 *
 * Syncs: listSheets 2; readSheets 3 + one per band of rows (read-grids.ts); writeSheets 2 to take
 * stock, then per sheet one sync to write it (more only for a sheet over the 3 MB request budget)
 * and one to swap it in, plus the reads of an old 整改清单; loadCampaign and saveCampaign 2 each.
 */
import { Finding } from '../../core/findings/finding';
import { SheetGrid } from '../../core/forms/grid';
import { gridRectificationLayout, mergeRectificationEdits } from '../../core/output/merge-rectification';
import { SheetDescription, uniqueSheetName } from '../../core/output/sheet-description';
import { OnProgress, SavedCampaign, SheetInfo, WorkbookHost, WriteOutcome } from '../workbook-host';
import { parseCellA1 } from './a1';
import { loadCampaignPart, saveCampaignPart } from './campaign-store';
import { ExcelHostError, toExcelHostError, translateErrors } from './excel-errors';
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

interface Stock {
  sheets: { ws: Excel.Worksheet; name: string; position: number; visible: boolean; mark: SheetMark | null }[];
  workbookProtected: boolean;
}

/** Two syncs: names, visibility, positions and workbook protection; then every sheet's mark. */
async function takeStock(ctx: Excel.RequestContext, supports: Supports): Promise<Stock> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name,items/visibility,items/position');
  const protection = ctx.workbook.protection;
  protection.load('protected');
  await ctx.sync();
  const withProperties = hasFeature(supports, 'customProperties');
  const reads = sheets.items.map((ws) => ({ ws, read: queueMarkRead(ws, withProperties) }));
  await ctx.sync();
  return {
    sheets: reads.map(({ ws, read }) => ({ ws, name: ws.name, position: ws.position, visible: ws.visibility === 'Visible', mark: read.mark(ws.name) })),
    workbookProtected: protection.protected,
  };
}

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
        return stock.sheets.map((s) => ({ name: s.name, ownedKind: s.mark?.kind ?? null, visible: s.visible }));
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
    try {
      return await this.options.run((ctx) => this.write(ctx, descriptions, pending, onProgress));
    } catch (e) {
      if (pending.length > 0) await this.recover(pending);
      throw toExcelHostError(e, '写入结果');
    }
  }

  private async write(ctx: Excel.RequestContext, descriptions: SheetDescription[], pending: Pending[], onProgress?: OnProgress): Promise<WriteOutcome> {
    const supports = this.supports;
    const limits: WriteLimits = { ...DEFAULT_WRITE_LIMITS, ...this.options.writeLimits };
    const stock = await takeStock(ctx, supports);
    if (stock.workbookProtected)
      throw new ExcelHostError('WorkbookProtected', '工作簿结构受保护（“审阅 → 保护工作簿”），无法添加或替换评议通的工作表。请撤销工作簿保护后重试。');

    const outcome: WriteOutcome = { written: [], renamed: [], degraded: [] };
    const missing = new Map<FeatureName, string[]>();
    const taken = new Set(stock.sheets.map((s) => s.name));
    const claimed = new Set<string>();
    const batch = new Batcher(ctx, limits, supports);

    for (let i = 0; i < descriptions.length; i++) {
      let d = descriptions[i];
      // The add-in's own sheet for this output: by name, else the one written under a free name last time.
      const own =
        stock.sheets.find((s) => s.mark && same(s.name, d.name) && !claimed.has(s.name)) ??
        stock.sheets.find((s) => s.mark && same(s.mark.wanted, d.name) && s.mark.kind === d.kind && !claimed.has(s.name)) ??
        null;
      let replace = own;
      if (own && d.kind === 'rectification') {
        const old = await readGrids(ctx, [own.name], supports, { limits: this.options.readLimits });
        const grid = old.sheets[0];
        if (grid && grid.rows.length > 0) {
          if (gridRectificationLayout(grid)) d = mergeRectificationEdits(d, grid);
          else {
            replace = null;
            outcome.degraded.push(`原「${own.name}」的表头已被改动，无法核对其中的整改记录，已原样保留；本次的整改清单另行写入。`);
          }
        }
      }
      let used: string;
      if (replace) {
        used = replace.name;
        claimed.add(replace.name);
      } else if ([...taken].some((t) => same(t, d.name))) {
        used = uniqueSheetName(d.name, taken);
      } else {
        used = d.name;
        taken.add(used);
      }
      if (!same(used, d.name)) outcome.renamed.push({ wanted: d.name, used });
      onProgress?.({ done: i, total: descriptions.length, label: `写入工作表「${used}」` });

      // Write the new sheet under a temporary name, then swap it in.
      const temp = uniqueSheetName(`评议通写入中${i + 1}`, taken);
      pending.push({ temp, used, old: replace?.name ?? null });
      let ws: Excel.Worksheet | null = null;
      await batch.add(OPERATION_BYTES, () => {
        ws = ctx.workbook.worksheets.add(temp);
      });
      const mark: SheetMark = { v: 1, kind: d.kind, name: used, wanted: d.name, ...(d.meta ? { meta: d.meta } : {}) };
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
    }
    onProgress?.({ done: descriptions.length, total: descriptions.length, label: '写入完成' });
    for (const [f, sheets] of missing) outcome.degraded.push(`${FEATURES[f].missing}：${sheets.map((s) => `「${s}」`).join('')}。`);
    return outcome;
  }

  /**
   * After a failed write: a half-written sheet is removed while the sheet it was to replace still
   * exists; if the failure came after the old sheet was deleted, the new (complete) sheet gets its
   * name instead, so the output is never lost. Best effort: if Excel is still busy or protected the
   * sheet stays, named 评议通写入中…, and is not taken for one of the add-in's (its mark names another).
   */
  private async recover(pending: Pending[]): Promise<void> {
    try {
      await this.options.run(async (ctx) => {
        const found = pending.map((p) => ({
          p,
          temp: ctx.workbook.worksheets.getItemOrNullObject(p.temp),
          old: p.old === null ? null : ctx.workbook.worksheets.getItemOrNullObject(p.old),
        }));
        await ctx.sync();
        for (const { p, temp, old } of found) {
          if (temp.isNullObject) continue;
          if (old === null || !old.isNullObject) temp.delete();
          else temp.name = p.used;
        }
        await ctx.sync();
      });
    } catch {
      // See above.
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

