/**
 * Which Excel JavaScript API requirement sets the add-in needs, and what it does without the
 * optional ones. The host asks `supports(set, version)` at run time (in Excel:
 * `Office.context.requirements.isSetSupported`; in tests: the fake's answer), never the Excel
 * version, so the same code serves Excel 2019, Excel 2021, Microsoft 365 and Excel on the web.
 *
 * Minimum: ExcelApi 1.7 (Excel 2019 and later, Excel 2016 with a Microsoft 365 subscription, Excel
 * on the web). What the add-in uses at that level:
 * - Range.values / formulas / valueTypes / numberFormat, Range.merge, RangeFormat.columnWidth and
 *   rowHeight, FormatProtection.locked, WorksheetProtection.protect(options) (1.1–1.2);
 * - getUsedRangeOrNullObject(valuesOnly), worksheets.getItemOrNullObject, sheet-scoped names (the
 *   ownership mark below 1.12), Workbook.settings is not used (1.4);
 * - custom XML parts (where the saved campaign lives) (1.5);
 * - Application.suspendApiCalculationUntilNextSync (1.6);
 * - Worksheet.getRangeByIndexes, freezePanes, Workbook.name and .protection, NamedItem.formula (1.7).
 *
 * Above the minimum, detected and degraded gracefully (the rest of the work still happens):
 */
export type Supports = (set: string, version: string) => boolean;

export const MIN_EXCEL_API = '1.7';

export interface Feature {
  version: string;
  /** Chinese text for WriteOutcome.degraded (or the read notes); null when nothing visible is lost. */
  missing: string | null;
}

export const FEATURES = {
  /** Dropdowns (整改状态, √) and score limits on templates. */
  dataValidation: {
    version: '1.8',
    missing: '当前 Excel 版本不支持数据验证（需 ExcelApi 1.8），以下工作表的下拉列表和分数范围限制未设置，请填写后人工核对',
  },
  /** Styling many areas with one RangeAreas; below it, one range per rectangle (same result). */
  rangeAreas: { version: '1.9', missing: null },
  /** Screen updating suspended while writing; below it, Excel just repaints more. */
  screenUpdating: { version: '1.9', missing: null },
  /** A4, orientation, fit to width, margins, centred, print titles, footer, manual page breaks. */
  pageLayout: {
    version: '1.9',
    missing: '当前 Excel 版本不支持页面设置（需 ExcelApi 1.9），以下工作表的纸张、方向、页边距、打印标题行、页脚和分页符未设置，打印前请在“页面布局”中手工设置',
  },
  /** The filter buttons on the header row of lists. */
  autoFilter: {
    version: '1.9',
    missing: '当前 Excel 版本不支持以接口设置筛选（需 ExcelApi 1.9），以下工作表未加筛选按钮，可在“数据 → 筛选”中手工添加',
  },
  /** Ownership mark as a worksheet custom property; below it, a hidden sheet-scoped name only. */
  customProperties: { version: '1.12', missing: null },
  /** Reading merged cells. */
  mergedAreas: {
    version: '1.13',
    missing: '当前 Excel 版本无法读取合并单元格（需 ExcelApi 1.13），表头按未合并读取，跨列的项目名称可能识别不到；如有问题，请将收回的表另存为文件后用“读取文件”方式导入',
  },
} as const satisfies Record<string, Feature>;

export type FeatureName = keyof typeof FEATURES;

export function hasFeature(supports: Supports, name: FeatureName): boolean {
  return supports('ExcelApi', FEATURES[name].version);
}

export function meetsMinimum(supports: Supports): boolean {
  return supports('ExcelApi', MIN_EXCEL_API);
}
