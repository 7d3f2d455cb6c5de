/**
 * Output sheets as plain data (issue item 8): every sheet the project writes — 排名表, 公示表,
 * 整改清单, 统计表, 校验结果 and the blank templates of every form — is described here as cells,
 * formats, column widths, merges, dropdown lists, protection and print settings, with no Office or
 * file library behind it. Hosts only translate a description: the file host into an .xlsx, the
 * Excel host (Office.js) into the open workbook (STYLE.md: hosts translate, the engine decides).
 *
 * Conventions every renderer follows:
 * - Coordinates are 0-based; ranges are inclusive (the same as `MergeRange` in forms/grid.ts).
 * - `cells` is rectangular: every row has `columns.length` cells. A cell covered by a merge (not its
 *   top-left) has value null and carries the style so borders are drawn over the whole merged area.
 * - String values are literal text, never parsed: a renderer must not let its host turn "001" into a
 *   number, "2026-12-31" into a date or "=1+1" into a formula (Office.js: set the cell's number
 *   format to "@" before writing a string; exceljs: assign the string as is). `formulaSafe` marks the
 *   strings a host would read as a formula (starting with = + - @, tab or CR): such a value is kept
 *   unchanged (so a name like "=1+1" still matches the roster when a template comes back) and must
 *   be written as text — in Excel with the quote prefix (the ' shown in the formula bar), in CSV with
 *   a leading apostrophe.
 * - Numbers: counts are numbers with format "0"; scores are numbers (the exact Fraction's
 *   `toNumber()`) with format "0.00" (as many places as the scheme's `scoring.places`); shares are
 *   numbers between 0 and 1 with format "0.00%". Every number that stands for an exact value also
 *   carries `text`, the display the engine computed exactly (`Fraction.toFixed`, the same strings as
 *   the JSON output: "85.00", "66.67%"). A renderer that applies the number format shows the same
 *   text; one that cannot (plain text, HTML) writes `text`. Dates (the 整改清单's 整改时限, 完成时间) are
 *   Excel date serials (1900 system, whole days) with format CHINESE_DATE_FORMAT and `text` 2026年12月31日
 *   ({@link dateCell}): real dates in Excel and WPS, sortable and filtered as dates.
 * - Styles are a small fixed set of names ({@link STYLES}), each described as data.
 * - Widths are in characters of the default font (Excel's column width unit; a Chinese character
 *   counts 2); row heights in points; margins in inches; header/footer text uses Excel's codes
 *   (&P page, &N pages), which both Office.js and .xlsx writers take as they are.
 * - Data validation always allows a blank cell; its `error` is shown and the entry refused
 *   (Excel's "stop" style); `prompt` is the input message.
 * - Protection: when `protection` is present the sheet is protected without a password; every cell
 *   is locked (Excel's default) except the `unlocked` ranges.
 */

import { CHINESE_DATE_FORMAT, chineseDate, excelSerial } from '../common/calendar-date';

export type StyleName =
  | 'title'
  | 'subtitle'
  | 'section'
  | 'field'
  | 'header'
  | 'cell'
  | 'center'
  | 'wrap'
  | 'number'
  | 'entry'
  | 'note'
  | 'signature';

export interface CellStyle {
  fontName: string;
  /** Points. */
  fontSize: number;
  bold: boolean;
  /** Background as RRGGBB, or null for none. */
  fill: string | null;
  /** Thin border on all four sides, or none. */
  border: 'thin' | 'none';
  horizontal: 'left' | 'center' | 'right';
  vertical: 'top' | 'middle';
  wrap: boolean;
}

const BASE: CellStyle = {
  fontName: '宋体',
  fontSize: 11,
  bold: false,
  fill: null,
  border: 'thin',
  horizontal: 'left',
  vertical: 'middle',
  wrap: false,
};

/** The fixed set of named styles. */
export const STYLES: Readonly<Record<StyleName, Readonly<CellStyle>>> = {
  /** The sheet's title, merged across the table. */
  title: { ...BASE, fontSize: 16, bold: true, border: 'none', horizontal: 'center' },
  /** A line under the title: （按姓氏笔画为序）. */
  subtitle: { ...BASE, border: 'none', horizontal: 'center' },
  /** The heading of a block of a multi-table sheet: 一、等次分布. */
  section: { ...BASE, fontSize: 12, bold: true, border: 'none' },
  /** A header field above a table: 测评人类别：干部. */
  field: { ...BASE, border: 'none', wrap: true },
  /** Column headers. */
  header: { ...BASE, bold: true, fill: 'D9D9D9', horizontal: 'center', wrap: true },
  /** Ordinary text in the table, wrapped where longer than its column (a long 单位 is printed whole, not cut at the border). */
  cell: { ...BASE, wrap: true },
  /** Short text centred in the table: 序号, 等次, names on templates. */
  center: { ...BASE, horizontal: 'center', wrap: true },
  /** Long text that wraps: 理由, 存在问题, 说明. */
  wrap: { ...BASE, vertical: 'top', wrap: true },
  /** Numbers (counts, scores, shares), right-aligned. */
  number: { ...BASE, horizontal: 'right' },
  /** A cell a rater or clerk fills in (√, a score, a comment). */
  entry: { ...BASE, horizontal: 'center' },
  /** 填表说明, 注, notes under a table. */
  note: { ...BASE, fontSize: 10, border: 'none', vertical: 'top', wrap: true },
  /** 落款 and date under a notice (公示表), right-aligned. */
  signature: { ...BASE, border: 'none', horizontal: 'right' },
};

export interface CellDescription {
  value: string | number | null;
  style?: StyleName;
  /** Excel number format of a numeric cell: "0", "0.00", "0.00%". */
  numberFormat?: string;
  /** The exact display of a numeric cell, as the engine computed it ("85.00", "66.67%"). */
  text?: string;
  /** The string would be read as a formula: write it as text (see the module comment). */
  formulaSafe?: true;
}

/** 0-based, inclusive. */
export interface CellRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export type Validation =
  | { kind: 'list'; range: CellRange; values: string[]; prompt?: string; error: string }
  | { kind: 'decimal'; range: CellRange; min: number; max: number; prompt?: string; error: string }
  /** Whole numbers only (vote counts: 13.5 is refused where it is typed). */
  | { kind: 'whole'; range: CellRange; min: number; max: number; prompt?: string; error: string };

export interface PrintSettings {
  paper: 'A4';
  orientation: 'portrait' | 'landscape';
  /** Fit every column on one page width; as many pages tall as needed. */
  fitToWidth: boolean;
  /** Rows printed again at the top of every page (print titles), 0-based inclusive. */
  repeatRows?: { from: number; to: number };
  /** Inches. */
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  horizontalCentered: boolean;
  /** Centre footer in Excel's header/footer codes, e.g. "排名表　第 &P 页" (see {@link pageFooter}). */
  footer?: string;
}

export interface SheetProtection {
  /** Always null: protection keeps a form's shape, it is not a security measure. */
  password: null;
  /** Ranges a user may edit; everything else is locked. */
  unlocked: CellRange[];
  /** Users may still widen columns and heighten rows (long comments, large fonts). */
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
}

export type SheetKind = 'ranking' | 'publication' | 'rectification' | 'statistics' | 'findings' | 'template';

export interface SheetDescription {
  /** ≤ 31 characters, none of [ ] : * ? / \, not starting or ending with ', unique in its workbook. */
  name: string;
  kind: SheetKind;
  cells: CellDescription[][];
  /** One per column of `cells`; width in characters. */
  columns: { width: number }[];
  /** Rows whose height is set; others keep the host's default. */
  rowHeights: { row: number; points: number }[];
  merges: CellRange[];
  validations: Validation[];
  /** Rows above and columns left of the split stay in view. */
  freeze?: { rows: number; cols: number };
  /** The header row and data of a list that can be filtered. */
  autoFilter?: CellRange;
  print: PrintSettings;
  /**
   * Manual page breaks: the 0-based rows after which a page ends, ascending (a person's block of rows
   * or the signature lines kept with the last rows of a table; see page-breaks.ts).
   */
  rowBreaks?: number[];
  protection?: SheetProtection;
  /**
   * Identification a renderer stores with the sheet (custom document properties, a defined name, or
   * a hidden sheet): for templates the form, scheme, rater group, round and template version, so a
   * returned copy can be recognised (see `templateSubmissionMeta`).
   */
  meta?: Record<string, string>;
  /**
   * The name, without extension, of a file holding this sheet alone, where the sheet's `name` was cut to Excel's 31
   * characters (a template: its form title and the whole 支部's name); else a file is named after `name`. Made
   * safe by `workbookFileName`.
   */
  fileName?: string;
}

/** Strings a spreadsheet or CSV reader would take as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * The one way describers make a cell: a string that would be read as a formula is marked
 * `formulaSafe`, so no describer can forget it.
 */
export function cell(value: string | number | null | undefined, style?: StyleName, extra?: Omit<CellDescription, 'value' | 'style' | 'formulaSafe'>): CellDescription {
  const v = value === undefined ? null : value;
  if (typeof v === 'number' && !Number.isFinite(v)) throw new RangeError(`单元格数值无效：${v}`);
  const out: CellDescription = { value: v };
  if (style) out.style = style;
  if (extra?.numberFormat !== undefined) out.numberFormat = extra.numberFormat;
  if (extra?.text !== undefined) out.text = extra.text;
  if (typeof v === 'string' && looksLikeFormula(v)) out.formulaSafe = true;
  return out;
}

/** A date (YYYY-MM-DD) as a real date cell: its Excel serial, shown 2026年12月31日. */
export function dateCell(iso: string, style?: StyleName): CellDescription {
  return cell(excelSerial(iso), style, { numberFormat: CHINESE_DATE_FORMAT, text: chineseDate(iso) });
}

/** A count: a number with format "0". */
export function countCell(n: number, style: StyleName = 'number'): CellDescription {
  return cell(n, style, { numberFormat: '0', text: String(n) });
}

/** The number format of a score shown with `places` decimals: "0", "0.0", "0.00" ... */
export function decimalFormat(places: number): string {
  return places > 0 ? `0.${'0'.repeat(places)}` : '0';
}

export const PERCENT_FORMAT = '0.00%';

/** Display width in characters: East Asian wide and full-width characters count 2. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

/** Whether a code point is East Asian wide or full-width (counted 2 by {@link displayWidth}). */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd) ||
    cp === 0x2014 || // —
    cp === 0x2026 || // …
    cp === 0x201c || // “
    cp === 0x201d || // ”
    cp === 0x221a // √
  );
}

export const SHEET_NAME_MAX = 31;
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;

/**
 * A valid sheet name from any text: forbidden characters replaced by full-width look-alikes or
 * removed, apostrophes trimmed from the ends, at most 31 UTF-16 units (Excel's limit, never
 * splitting a character), "History" avoided (reserved by Excel), and made unique (case-insensitive)
 * against `taken` with a "(2)" suffix; the name is added to `taken`.
 */
export function uniqueSheetName(wanted: string, taken: Set<string>, suffix = ''): string {
  const clean = (s: string) =>
    s
      .replace(SHEET_NAME_FORBIDDEN, (ch) => ({ '[': '［', ']': '］', ':': '：', '*': '＊', '?': '？', '/': '／', '\\': '＼' })[ch] ?? '')
      // Characters XML cannot hold (a roster's unit or name may carry them into a template's name).
      .replace(/[\u0000-\u001f\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .trim();
  const base = clean(wanted).replace(/^'+|'+$/g, '') || 'Sheet';
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  for (let n = 1; ; n++) {
    const counter = n === 1 ? '' : `(${n})`;
    // The suffix keeps its place but leaves at least 8 units of the name itself.
    const end = truncateUnits(clean(suffix), SHEET_NAME_MAX - 8 - counter.length).replace(/'+$/, '') + counter;
    const name = (truncateUnits(base, SHEET_NAME_MAX - end.length).replace(/'+$/, '') + end).replace(/^'+/, '');
    if (name.toLowerCase() === 'history') continue;
    if (!lower.has(name.toLowerCase())) {
      taken.add(name);
      return name;
    }
  }
}

/** Longest file name given, extension included: well within Windows' 255 and a path's 260 under a folder or two. */
export const FILE_NAME_MAX = 120;

/** Windows refuses these in a file name; each becomes a full-width form a clerk reads alike (／ and ＼ as 、). */
const FILE_NAME_FORBIDDEN: Record<string, string> = { '\\': '、', '/': '、', ':': '：', '*': '＊', '?': '？', '"': '＂', '<': '＜', '>': '＞', '|': '｜' };

/**
 * A file name for a workbook: the whole of `wanted` (a template's full title, not its 31-character sheet name),
 * characters Windows refuses written full-width, control characters dropped, no trailing dot or space, and at
 * most FILE_NAME_MAX characters with the extension (cut at a character, never inside one).
 */
export function workbookFileName(wanted: string, extension = '.xlsx'): string {
  let stem = wanted
    .replace(/[\\/:*?"<>|]/g, (ch) => FILE_NAME_FORBIDDEN[ch])
    .replace(/[\u0000-\u001f\u007f\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .trim();
  stem = truncateUnits(stem, FILE_NAME_MAX - extension.length).replace(/[. ]+$/, '');
  // CON, PRN, AUX, NUL, COM1 … LPT9 name devices on Windows, with any extension.
  if (stem === '' || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem)) stem = `${stem}_`;
  return `${stem}${extension}`;
}

function truncateUnits(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= SHEET_NAME_MAX &&
    !/[[\]:*?/\\]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== 'history'
  );
}

function inside(r: CellRange, rows: number, cols: number): boolean {
  return r.r1 >= 0 && r.c1 >= 0 && r.r1 <= r.r2 && r.c1 <= r.c2 && r.r2 < rows && r.c2 < cols;
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

/**
 * The rules a description keeps, as a list of problems (empty when sound): for describers' tests and
 * for hosts that receive descriptions from elsewhere.
 */
export function checkSheetDescription(s: SheetDescription): string[] {
  const problems: string[] = [];
  if (!isValidSheetName(s.name)) problems.push(`工作表名「${s.name}」无效`);
  const rows = s.cells.length;
  const cols = s.columns.length;
  s.cells.forEach((row, r) => {
    if (row.length !== cols) problems.push(`第 ${r + 1} 行有 ${row.length} 个单元格，应为 ${cols} 个`);
    row.forEach((c, i) => {
      if (typeof c.value === 'string' && looksLikeFormula(c.value) && !c.formulaSafe)
        problems.push(`第 ${r + 1} 行第 ${i + 1} 列「${c.value}」可能被当作公式，未标记 formulaSafe`);
      if (typeof c.value === 'number' && !Number.isFinite(c.value)) problems.push(`第 ${r + 1} 行第 ${i + 1} 列的数值无效`);
      if (c.style !== undefined && !(c.style in STYLES)) problems.push(`第 ${r + 1} 行第 ${i + 1} 列的样式「${c.style}」不存在`);
    });
  });
  s.columns.forEach((c, i) => {
    if (!(c.width > 0 && c.width <= 255)) problems.push(`第 ${i + 1} 列宽度 ${c.width} 无效`);
  });
  s.merges.forEach((m, i) => {
    if (!inside(m, rows, cols)) problems.push(`合并区域 ${i + 1} 超出表格`);
    if (m.r1 === m.r2 && m.c1 === m.c2) problems.push(`合并区域 ${i + 1} 只有一个单元格`);
    for (let j = 0; j < i; j++) if (overlaps(m, s.merges[j])) problems.push(`合并区域 ${j + 1} 与 ${i + 1} 重叠`);
    for (let r = m.r1; r <= Math.min(m.r2, rows - 1); r++)
      for (let c = m.c1; c <= Math.min(m.c2, cols - 1); c++)
        if ((r !== m.r1 || c !== m.c1) && s.cells[r]?.[c]?.value !== null && s.cells[r]?.[c]?.value !== undefined)
          problems.push(`合并区域 ${i + 1} 内第 ${r + 1} 行第 ${c + 1} 列有值，会被覆盖`);
  });
  s.validations.forEach((v, i) => {
    if (!inside(v.range, rows, cols)) problems.push(`数据验证 ${i + 1} 超出表格`);
    if (v.kind === 'list' && (v.values.length === 0 || v.values.join(',').length > 255 || v.values.some((x) => x.includes(','))))
      problems.push(`数据验证 ${i + 1} 的下拉列表为空、含逗号或超过 255 个字符`);
    if ((v.kind === 'decimal' || v.kind === 'whole') && !(v.min <= v.max)) problems.push(`数据验证 ${i + 1} 的范围无效`);
    for (let j = 0; j < i; j++) if (overlaps(v.range, s.validations[j].range)) problems.push(`数据验证 ${j + 1} 与 ${i + 1} 的区域重叠`);
  });
  if (s.freeze && (s.freeze.rows < 0 || s.freeze.cols < 0 || s.freeze.rows > rows || s.freeze.cols > cols)) problems.push('冻结窗格超出表格');
  if (s.autoFilter && !inside(s.autoFilter, rows, cols)) problems.push('筛选区域超出表格');
  const rep = s.print.repeatRows;
  if (rep && (rep.from < 0 || rep.from > rep.to || rep.to >= rows)) problems.push('打印标题行超出表格');
  s.rowBreaks?.forEach((r, i, all) => {
    if (!Number.isInteger(r) || r < 0 || r >= rows - 1 || (i > 0 && r <= all[i - 1])) problems.push(`分页位置（第 ${r + 1} 行后）无效或未按顺序`);
  });
  s.protection?.unlocked.forEach((u, i) => inside(u, rows, cols) || problems.push(`未锁定区域 ${i + 1} 超出表格`));
  s.rowHeights.forEach((h) => {
    if (h.row < 0 || h.row >= rows || !(h.points > 0 && h.points <= 409)) problems.push(`第 ${h.row + 1} 行行高 ${h.points} 无效`);
  });
  return problems;
}

/** Whether (r, c) lies in any of the ranges. */
export function inRanges(ranges: readonly CellRange[], r: number, c: number): boolean {
  return ranges.some((x) => r >= x.r1 && r <= x.r2 && c >= x.c1 && c <= x.c2);
}

/** Default print margins (inches): Excel's "normal" top and bottom, narrower sides. */
export const DEFAULT_MARGINS: PrintSettings['margins'] = { top: 0.75, bottom: 0.75, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 };

/**
 * The centre footer of a sheet: what is printed and the page number, so loose pages can be put back
 * with their sheet — 「村党组织书记测评表（参会人员·村评）　第 2 页，共 3 页」 on a template (whose
 * workbook prints one sheet, so 共 &N 页 is its own page count), 「排名表　第 2 页」 on a result sheet:
 * printing the whole results workbook at once, &N counts every sheet's pages (「第 1 页，共 16 页」 on a
 * one-page 整改清单), so result sheets leave it out. `what` is literal text (a & in it is doubled, as
 * Excel's codes need).
 */
export function pageFooter(what: string, options: { ofPages: boolean }): string {
  const name = what.replace(/&/g, '&&');
  return `${name}　第 &P 页${options.ofPages ? '，共 &N 页' : ''}`;
}
