/**
 * A strict in-repo fake of the Excel JavaScript API (Office.js), for testing src/hosts/excel.
 *
 * Why not office-addin-mock (OfficeDev's mock library): it imports office-addin-manifest, which
 * jest can only load with a moduleNameMapper stub, and it is not strict — a member the real API
 * does not have reads as undefined instead of failing, properties can be read without `load` and
 * `context.sync()`, syncs are not counted and payload sizes are not measured. A host tested against
 * it can pass while it would fail in Excel. This fake is strict where the real API is:
 *
 * - Only members the real API has: every member asked of an object is checked against the classes
 *   of @types/office-js (excel-api-surface.ts). A member that does not exist throws; a real member
 *   the fake does not model throws too (say so, rather than pretend).
 * - Requirement sets: a member whose `[Api set: ExcelApi x]` is above the version the test configures
 *   fails the sync with ApiNotFound, as Excel does. `supports(set, version)` answers like
 *   `Office.context.requirements.isSetSupported`.
 * - The proxy model: property writes, method calls and loads are queued and run in order at
 *   `context.sync()`; a property is readable only after it was loaded and synced (PropertyNotLoaded
 *   otherwise); `isNullObject` only after a sync; `ClientResult.value` only after a sync. Queued
 *   operations left unsynced when the batch ends fail the run.
 * - Every sync is counted and measured: the request (the JSON of the queued operations, UTF-8 bytes)
 *   and the response (the JSON of the loaded values and results). A request or response over 5 MB,
 *   or a read of a range of more than 5,000,000 cells, fails with the error Excel on the web gives
 *   and is recorded in `violations`.
 * - Excel's own rules where the host depends on them: a string written through `Range.values` is
 *   parsed as if typed ("001" → 1, "2026-12-31" → a date, "=1+1" → a formula) unless the cell is
 *   formatted "@" (text) or the string starts with an apostrophe (kept as text, the apostrophe is
 *   the quote prefix, not part of the value); `null` in a values array leaves the cell unchanged;
 *   protected sheets refuse changes to locked cells and formats (AccessDenied); a protected workbook
 *   refuses adding, deleting, renaming and moving sheets; in cell-edit mode every sync fails with
 *   InvalidOperationInCellEditMode; rows hidden by hand or by a filter (one state in Excel) answer
 *   `Range.rowHidden` as documented (true all hidden, false none, null some) and are still read by
 *   `values`. (The fake's AutoFilter does not filter: a test hides the filtered-out rows itself.)
 *
 * Tests build user sheets directly (`addSheet`), run the host against `run` and `supports`, and
 * inspect the state (`sheet`, `snapshot`) without going through the API.
 */
import { MemberInfo, compareVersions, excelApiSurface } from './excel-api-surface';

// ---------------------------------------------------------------------------------------------
// Errors

export class FakeOfficeError extends Error {
  override name = 'RichApi.Error';
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    location?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, ...(location ? { errorLocation: location } : {}) };
  }
}

const err = (code: string, message: string, location?: string) => new FakeOfficeError(code, message, location);

// ---------------------------------------------------------------------------------------------
// Addresses (written independently of src/hosts/excel/a1.ts, so the two cannot share a mistake)

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function rectAddress(r: Rect): string {
  if (r.r1 === 0 && r.r2 === MAX_ROWS - 1) return `${colName(r.c1)}:${colName(r.c2)}`;
  if (r.c1 === 0 && r.c2 === MAX_COLS - 1) return `${r.r1 + 1}:${r.r2 + 1}`;
  const a = `${colName(r.c1)}${r.r1 + 1}`;
  return r.r1 === r.r2 && r.c1 === r.c2 ? a : `${a}:${colName(r.c2)}${r.r2 + 1}`;
}

function fullAddress(sheet: string, r: Rect): string {
  return `${quoteSheet(sheet)}!${rectAddress(r)}`;
}

/** "A1", "$A$1:$B$2", "A:C", "3:5", optionally "Sheet!" / "'Sh''eet'!" in front. */
function parseArea(text: string): { sheet: string | null; rect: Rect } {
  let s = text.trim();
  let sheet: string | null = null;
  const bang = s.lastIndexOf('!');
  if (bang >= 0) {
    sheet = s.slice(0, bang);
    if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    s = s.slice(bang + 1);
  }
  s = s.replace(/\$/g, '').toUpperCase();
  const cellRe = /^([A-Z]{1,3})(\d{1,7})$/;
  const parts = s.split(':');
  if (parts.length < 1 || parts.length > 2) throw err('InvalidArgument', `无效地址：${text}`);
  const [a, b = parts[0]] = parts;
  let rect: Rect;
  if (cellRe.test(a) && cellRe.test(b)) {
    const [, ca, ra] = cellRe.exec(a)!;
    const [, cb, rb] = cellRe.exec(b)!;
    rect = { r1: Number(ra) - 1, c1: colIndex(ca), r2: Number(rb) - 1, c2: colIndex(cb) };
  } else if (/^[A-Z]{1,3}$/.test(a) && /^[A-Z]{1,3}$/.test(b) && parts.length === 2) {
    rect = { r1: 0, c1: colIndex(a), r2: MAX_ROWS - 1, c2: colIndex(b) };
  } else if (/^\d{1,7}$/.test(a) && /^\d{1,7}$/.test(b) && parts.length === 2) {
    rect = { r1: Number(a) - 1, c1: 0, r2: Number(b) - 1, c2: MAX_COLS - 1 };
  } else throw err('InvalidArgument', `无效地址：${text}`);
  const norm = { r1: Math.min(rect.r1, rect.r2), c1: Math.min(rect.c1, rect.c2), r2: Math.max(rect.r1, rect.r2), c2: Math.max(rect.c1, rect.c2) };
  if (norm.r1 < 0 || norm.c1 < 0 || norm.r2 >= MAX_ROWS || norm.c2 >= MAX_COLS) throw err('InvalidArgument', `地址超出工作表：${text}`);
  return { sheet, rect: norm };
}

const cellsOf = (r: Rect) => (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1);
const overlaps = (a: Rect, b: Rect) => a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
const sameRect = (a: Rect, b: Rect) => a.r1 === b.r1 && a.c1 === b.c1 && a.r2 === b.r2 && a.c2 === b.c2;
const insideRect = (inner: Rect, outer: Rect) => inner.r1 >= outer.r1 && inner.r2 <= outer.r2 && inner.c1 >= outer.c1 && inner.c2 <= outer.c2;

// ---------------------------------------------------------------------------------------------
// Workbook state

export interface CellFormat {
  numberFormat: string;
  fontName: string;
  fontSize: number;
  bold: boolean;
  fontColor: string;
  fill: string | null;
  horizontal: string;
  vertical: string;
  wrap: boolean;
  locked: boolean;
  /** "Continuous/Thin/#000000" per side, or null. */
  top: string | null;
  bottom: string | null;
  left: string | null;
  right: string | null;
}

export const DEFAULT_FORMAT: Readonly<CellFormat> = Object.freeze({
  numberFormat: 'General',
  fontName: '等线',
  fontSize: 11,
  bold: false,
  fontColor: '#000000',
  fill: null,
  horizontal: 'General',
  vertical: 'Bottom',
  wrap: false,
  locked: true,
  top: null,
  bottom: null,
  left: null,
  right: null,
});

export interface FakeCell {
  /** '' for an empty cell; the cached value of a formula. */
  value: string | number | boolean;
  formula?: string;
  error?: string;
  quotePrefix?: boolean;
  format: Readonly<CellFormat>;
}

export interface FakeValidation {
  rect: Rect;
  rule: Record<string, unknown> | null;
  errorAlert?: Record<string, unknown>;
  prompt?: Record<string, unknown>;
  ignoreBlanks?: boolean;
}

export interface FakeName {
  name: string;
  formula: string;
  visible: boolean;
  comment: string;
}

let nextSheetId = 1;

export class FakeSheet {
  readonly id = `{00000000-0001-0000-${String(nextSheetId++).padStart(4, '0')}-000000000000}`;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  readonly cells = new Map<number, FakeCell>();
  merges: Rect[] = [];
  validations: FakeValidation[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  /** Rows hidden by hand or by a filter (Excel keeps both as the row's hidden state). */
  readonly hiddenRows = new Set<number>();
  freeze: { rows: number; cols: number } | null = null;
  page: Record<string, unknown> = {
    orientation: 'Portrait',
    paperSize: 'Letter',
    centerHorizontally: false,
    zoom: { scale: 100 },
    topMargin: 54,
    bottomMargin: 54,
    leftMargin: 50.4,
    rightMargin: 50.4,
    headerMargin: 21.6,
    footerMargin: 21.6,
    printTitleRows: null,
    centerFooter: '',
  };
  autoFilter: Rect | null = null;
  /** Manual horizontal page breaks: the 0-based rows that begin a page, ascending. */
  rowBreaks: number[] = [];
  protection: { protected: boolean; options: Record<string, unknown>; password: string | null } = { protected: false, options: {}, password: null };
  readonly customProperties = new Map<string, { key: string; value: string }>();
  readonly names = new Map<string, FakeName>();
  deleted = false;

  constructor(public name: string) {}

  static key(r: number, c: number): number {
    return r * MAX_COLS + c;
  }

  cell(r: number, c: number): FakeCell | undefined {
    return this.cells.get(FakeSheet.key(r, c));
  }

  /** The cell, created empty when absent (for writing). */
  touch(r: number, c: number): FakeCell {
    const k = FakeSheet.key(r, c);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = { value: '', format: DEFAULT_FORMAT };
      this.cells.set(k, cell);
    }
    return cell;
  }

  format(r: number, c: number): Readonly<CellFormat> {
    return this.cell(r, c)?.format ?? DEFAULT_FORMAT;
  }

  /** What the cell holds as a test reads it: the formula text, the error, the value ('' empty → null). */
  shown(r: number, c: number): string | number | boolean | null {
    const cell = this.cell(r, c);
    if (!cell) return null;
    if (cell.formula) return cell.formula;
    if (cell.error) return cell.error;
    return cell.value === '' ? null : cell.value;
  }

  /** Rows × cols of `shown`, over the rectangle from A1 to the last used cell. */
  table(): (string | number | boolean | null)[][] {
    const used = usedRect(this, true);
    if (!used) return [];
    return Array.from({ length: used.r2 + 1 }, (_, r) => Array.from({ length: used.c2 + 1 }, (_, c) => this.shown(r, c)));
  }
}

function hasValue(cell: FakeCell): boolean {
  return cell.value !== '' || cell.formula !== undefined || cell.error !== undefined;
}

function usedRect(sheet: FakeSheet, valuesOnly: boolean): Rect | null {
  let r1 = Infinity;
  let c1 = Infinity;
  let r2 = -1;
  let c2 = -1;
  for (const [k, cell] of sheet.cells) {
    if (!hasValue(cell) && (valuesOnly || cell.format === DEFAULT_FORMAT)) continue;
    const r = Math.floor(k / MAX_COLS);
    const c = k % MAX_COLS;
    r1 = Math.min(r1, r);
    c1 = Math.min(c1, c);
    r2 = Math.max(r2, r);
    c2 = Math.max(c2, c);
  }
  return r2 < 0 ? null : { r1, c1, r2, c2 };
}

/** A cell as a test writes it into a user sheet. */
export type FakeInput =
  | string
  | number
  | boolean
  | null
  | { formula?: string; value?: string | number | boolean | null; error?: string; numberFormat?: string; quotePrefix?: boolean; bold?: boolean; fill?: string };

// ---------------------------------------------------------------------------------------------
// Excel's parsing of typed text (what Range.values does with a string)

const ERROR_VALUES = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!'];

function parseTyped(text: string): { number: number; format?: string } | null {
  const t = text.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return { number: Number(t) };
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return { number: Number(t.replace(/,/g, '')) };
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)%$/.test(t)) return { number: Number(t.slice(0, -1)) / 100, format: '0%' };
  const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const ms = Date.UTC(y, m - 1, d);
    const back = new Date(ms);
    if (back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d && y >= 1900)
      return { number: Math.round(ms / 86400000) + 25569, format: 'yyyy/m/d' };
  }
  return null;
}

function enterValue(cell: FakeCell, v: unknown): void {
  if (v === null || v === undefined) return; // Office.js: null leaves the cell unchanged
  delete cell.formula;
  delete cell.error;
  delete cell.quotePrefix;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw err('InvalidArgument', `数值无效：${v}`);
    cell.value = v;
    return;
  }
  if (typeof v === 'boolean') {
    cell.value = v;
    return;
  }
  if (typeof v !== 'string') throw err('InvalidArgument', `不支持的单元格值：${JSON.stringify(v)}`);
  if (v.length > 32767) throw err('InvalidArgument', '单元格文本超过 32767 个字符');
  if (v === '') {
    cell.value = '';
    return;
  }
  if (v.startsWith("'")) {
    cell.value = v.slice(1);
    cell.quotePrefix = true;
    return;
  }
  const typed = parseTyped(v);
  if (v.startsWith('=') || (/^[+\-@]/.test(v) && !typed)) {
    // A formula, even in a text-formatted cell (the fake takes the pessimistic reading): the fake
    // does not calculate, so the cached value is #NAME? unless the formula is a plain number.
    cell.formula = v.startsWith('=') ? v : `=${v}`;
    const n = /^=([+-]?\d+(\.\d+)?)$/.exec(cell.formula);
    if (n) cell.value = Number(n[1]);
    else {
      cell.value = '';
      cell.error = '#NAME?';
    }
    return;
  }
  if (cell.format.numberFormat === '@') {
    cell.value = v;
    return;
  }
  if (typed) {
    cell.value = typed.number;
    if (typed.format && cell.format.numberFormat === 'General') cell.format = { ...cell.format, numberFormat: typed.format };
    return;
  }
  if (/^(true|false)$/i.test(v)) {
    cell.value = v.toLowerCase() === 'true';
    return;
  }
  if (ERROR_VALUES.includes(v.toUpperCase())) {
    cell.value = '';
    cell.error = v.toUpperCase();
    return;
  }
  cell.value = v;
}

function readValue(cell: FakeCell | undefined): string | number | boolean {
  if (!cell) return '';
  if (cell.error) return cell.error;
  return cell.value;
}

function readFormula(cell: FakeCell | undefined): string | number | boolean {
  if (!cell) return '';
  if (cell.formula) return cell.formula;
  return readValue(cell); // a quote-prefixed text reads without its apostrophe (office-js#6687)
}

function readType(cell: FakeCell | undefined): string {
  if (!cell || !hasValue(cell)) return 'Empty';
  if (cell.error) return 'Error';
  if (typeof cell.value === 'boolean') return 'Boolean';
  if (typeof cell.value === 'number') return Number.isInteger(cell.value) ? 'Integer' : 'Double';
  return 'String';
}

// ---------------------------------------------------------------------------------------------
// Custom XML parts

export interface FakeXmlPart {
  id: string;
  namespaceUri: string;
  xml: string;
}

function namespaceOf(xml: string): string {
  const root = /<([A-Za-z_][\w.-]*(?::[\w.-]+)?)([^>]*)>/.exec(xml.replace(/<\?xml[^>]*\?>/, '').trim());
  if (!root) throw err('InvalidArgument', 'XML 无效');
  const prefix = root[1].includes(':') ? root[1].split(':')[0] : null;
  const attr = new RegExp(`xmlns${prefix ? `:${prefix}` : ''}="([^"]*)"`).exec(root[2]);
  return attr ? attr[1] : '';
}

// ---------------------------------------------------------------------------------------------
// The fake

export interface FakeExcelOptions {
  /** The highest ExcelApi requirement set the simulated Excel supports (default "1.13"). */
  excelApi?: string;
  /** Other requirement sets and their versions, e.g. { ExcelApiOnline: '1.1' } (default none). */
  otherSets?: Record<string, string>;
  workbookName?: string;
  /** Limits of Excel on the web (default 5 MB each way, 5,000,000 cells per read). */
  requestByteLimit?: number;
  responseByteLimit?: number;
  cellLimit?: number;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
  /** The largest number of cells read by one load in this sync. */
  maxCellsRead: number;
  calculationSuspended: boolean;
  screenUpdatingSuspended: boolean;
  error?: string;
}

type Target = any; // the fake's internal objects behind a proxy

interface Handle {
  id: number;
  kind: string;
  ctx: FakeContext;
  target: Target;
  /** Set when the instruction creating the object has run. */
  bound: boolean;
  /** Set when a sync has completed after binding (isNullObject readable). */
  synced: boolean;
  isNull: boolean;
  loaded: Map<string, unknown>;
  items: Handle[] | null;
  navs: Map<string, Handle>;
  proxy: any;
}

interface Action {
  handle: Handle;
  wire: unknown;
  run: (loads: PendingLoad[], record: SyncRecord) => void;
}

interface PendingLoad {
  handle: Handle;
  values: Map<string, unknown>;
  items: { handle: Handle; values: Map<string, unknown> }[] | null;
}

class FakeClientResult<T> {
  private done = false;
  private v: T | undefined;
  settle(v: T) {
    this.v = v;
  }
  commit() {
    this.done = true;
  }
  peek(): T | undefined {
    return this.v;
  }
  get value(): T {
    if (!this.done) throw err('PropertyNotLoaded', 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.');
    return this.v as T;
  }
  toJSON() {
    return { value: this.v };
  }
}

type Getter = (t: Target, fx: FakeExcel) => unknown;
type Setter = (t: Target, v: any, fx: FakeExcel) => void;
type Runner = (t: Target, args: any[], fx: FakeExcel) => unknown;

type MemberImpl =
  | { type: 'prop'; get?: Getter; set?: Setter }
  | { type: 'nav'; kind: string; get: Getter }
  | { type: 'method'; returns?: string; result?: boolean; run: Runner };

interface KindImpl {
  members: Record<string, MemberImpl>;
  /** Collections: the items at load time, with their kind. */
  items?: (t: Target, fx: FakeExcel) => Target[];
  itemKind?: string;
}

const prop = (get?: Getter, set?: Setter): MemberImpl => ({ type: 'prop', get, set });
const nav = (kind: string, get: Getter): MemberImpl => ({ type: 'nav', kind, get });
const call = (run: Runner, returns?: string): MemberImpl => ({ type: 'method', run, returns });
const result = (run: Runner): MemberImpl => ({ type: 'method', run, result: true });

/** A range or several (RangeAreas), and what formats act on. */
interface Areas {
  sheet: FakeSheet;
  areas: Rect[];
}

function alive(sheet: FakeSheet): FakeSheet {
  if (sheet.deleted) throw err('ItemNotFound', `工作表「${sheet.name}」已被删除`);
  return sheet;
}

function forCells(a: Areas, f: (r: number, c: number) => void): void {
  for (const rect of a.areas) for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) f(r, c);
}

function restyle(a: Areas, fx: FakeExcel, change: Partial<CellFormat>, what: 'cells' | 'lock' = 'cells'): void {
  fx.checkFormatting(a, what);
  forCells(a, (r, c) => {
    const cell = alive(a.sheet).touch(r, c);
    cell.format = { ...cell.format, ...change };
  });
}

function matrix<T>(rect: Rect, f: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = rect.r1; r <= rect.r2; r++) {
    const row: T[] = new Array(rect.c2 - rect.c1 + 1);
    for (let c = rect.c1; c <= rect.c2; c++) row[c - rect.c1] = f(r, c);
    out.push(row);
  }
  return out;
}

function checkMatrix(v: unknown, rect: Rect, what: string): unknown[][] {
  const rows = rect.r2 - rect.r1 + 1;
  const cols = rect.c2 - rect.c1 + 1;
  if (!Array.isArray(v) || v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols))
    throw err('InvalidArgument', `${what} 的行列数与区域 ${rectAddress(rect)}（${rows}×${cols}）不符`);
  return v as unknown[][];
}

function literalOf(formula: string): string | null {
  // ="abc"&"def" → abc def concatenated; "" inside a literal is one quote.
  const m = /^="((?:[^"]|"")*)"((?:&"(?:[^"]|"")*")*)$/.exec(formula);
  if (!m) return null;
  const parts = [m[1], ...[...m[2].matchAll(/&"((?:[^"]|"")*)"/g)].map((x) => x[1])];
  if (parts.some((p) => p.length > 255)) return null;
  return parts.map((p) => p.replace(/""/g, '"')).join('');
}

const BORDER_SIDES: Record<string, 'top' | 'bottom' | 'left' | 'right' | 'insideH' | 'insideV'> = {
  EdgeTop: 'top',
  EdgeBottom: 'bottom',
  EdgeLeft: 'left',
  EdgeRight: 'right',
  InsideHorizontal: 'insideH',
  InsideVertical: 'insideV',
};

function setBorder(b: Areas & { side: string }, fx: FakeExcel, part: 'style' | 'weight' | 'color', value: string): void {
  fx.checkFormatting(b, 'cells');
  const side = BORDER_SIDES[b.side];
  if (!side) throw err('InvalidArgument', `fake: border ${b.side} not modelled`);
  const apply = (r: number, c: number, s: 'top' | 'bottom' | 'left' | 'right') => {
    const cell = alive(b.sheet).touch(r, c);
    const [style, weight, color] = (cell.format[s] ?? 'None/Thin/#000000').split('/');
    const next = { style, weight, color, [part]: value };
    cell.format = { ...cell.format, [s]: next.style === 'None' ? null : `${next.style}/${next.weight}/${next.color}` };
  };
  for (const a of b.areas) {
    for (let r = a.r1; r <= a.r2; r++)
      for (let c = a.c1; c <= a.c2; c++) {
        if (side === 'top' && r === a.r1) apply(r, c, 'top');
        if (side === 'bottom' && r === a.r2) apply(r, c, 'bottom');
        if (side === 'left' && c === a.c1) apply(r, c, 'left');
        if (side === 'right' && c === a.c2) apply(r, c, 'right');
        if (side === 'insideH') {
          if (r > a.r1) apply(r, c, 'top');
          if (r < a.r2) apply(r, c, 'bottom');
        }
        if (side === 'insideV') {
          if (c > a.c1) apply(r, c, 'left');
          if (c < a.c2) apply(r, c, 'right');
        }
      }
  }
}

function validationFor(v: Areas, fx: FakeExcel): FakeValidation[] {
  fx.checkFormatting(v, 'structure');
  return v.areas.map((rect) => {
    let rec = v.sheet.validations.find((x) => sameRect(x.rect, rect));
    if (!rec) {
      if (v.sheet.validations.some((x) => overlaps(x.rect, rect)))
        throw err('InvalidOperation', `fake: validation ${rectAddress(rect)} partly overlaps another (not modelled)`);
      rec = { rect, rule: null };
      v.sheet.validations.push(rec);
    }
    return rec;
  });
}

function checkRule(rule: any): Record<string, unknown> {
  const keys = Object.keys(rule ?? {});
  const known = ['custom', 'date', 'decimal', 'list', 'textLength', 'time', 'wholeNumber'];
  if (keys.length !== 1 || !known.includes(keys[0])) throw err('InvalidArgument', `数据验证规则无效：${JSON.stringify(rule)}`);
  const body = rule[keys[0]];
  if (keys[0] === 'list') {
    if (typeof body.source !== 'string' || typeof body.inCellDropDown !== 'boolean') throw err('InvalidArgument', '下拉列表规则无效');
    if (body.source.length > 255) throw err('InvalidArgument', '下拉列表来源超过 255 个字符');
  } else if (['decimal', 'wholeNumber', 'textLength'].includes(keys[0])) {
    const ops = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'];
    if (!ops.includes(body.operator) || body.formula1 === undefined) throw err('InvalidArgument', '数值验证规则无效');
    if (/Between/.test(body.operator) && body.formula2 === undefined) throw err('InvalidArgument', '介于规则缺少 formula2');
  }
  return JSON.parse(JSON.stringify(rule));
}

function checkSheetName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'"))
    throw err('InvalidArgument', `工作表名无效：${String(name)}`);
  return name;
}

const IMPL: Record<string, KindImpl> = {
  Application: {
    members: {
      suspendApiCalculationUntilNextSync: call((_t, _a, fx) => (fx.current!.calculationSuspended = true)),
      suspendScreenUpdatingUntilNextSync: call((_t, _a, fx) => (fx.current!.screenUpdatingSuspended = true)),
    },
  },
  Workbook: {
    members: {
      name: prop((_t, fx) => fx.workbookName),
      worksheets: nav('WorksheetCollection', () => ({})),
      application: nav('Application', () => ({})),
      customXmlParts: nav('CustomXmlPartCollection', () => ({})),
      protection: nav('WorkbookProtection', () => ({})),
    },
  },
  WorkbookProtection: {
    members: { protected: prop((_t, fx) => fx.workbookProtected) },
  },
  WorksheetCollection: {
    items: (_t, fx) => fx.sheets.filter((s) => !s.deleted),
    itemKind: 'Worksheet',
    members: {
      add: call((_t, [name], fx) => {
        fx.checkStructure();
        const n = name === undefined ? fx.defaultSheetName() : checkSheetName(name);
        if (fx.findSheet(n)) throw err('ItemAlreadyExists', `已有名为「${n}」的工作表`);
        const s = new FakeSheet(n);
        fx.sheets.push(s);
        return s;
      }, 'Worksheet'),
      getItem: call((_t, [name], fx) => {
        const s = fx.findSheet(String(name));
        if (!s) throw err('ItemNotFound', `找不到工作表「${name}」`);
        return s;
      }, 'Worksheet'),
      getItemOrNullObject: call((_t, [name], fx) => fx.findSheet(String(name)) ?? null, 'Worksheet'),
    },
  },
  Worksheet: {
    members: {
      name: prop(
        (t: FakeSheet) => alive(t).name,
        (t: FakeSheet, v, fx) => {
          fx.checkStructure();
          const n = checkSheetName(v);
          const other = fx.findSheet(n);
          if (other && other !== t) throw err('ItemAlreadyExists', `已有名为「${n}」的工作表`);
          alive(t).name = n;
        },
      ),
      id: prop((t: FakeSheet) => alive(t).id),
      position: prop(
        (t: FakeSheet, fx) => fx.sheets.filter((s) => !s.deleted).indexOf(alive(t)),
        (t: FakeSheet, v, fx) => {
          fx.checkStructure();
          const live = fx.sheets.filter((s) => !s.deleted);
          if (!Number.isInteger(v) || v < 0 || v >= live.length) throw err('InvalidArgument', `位置无效：${v}`);
          fx.sheets = fx.sheets.filter((s) => s !== t);
          const after = live.filter((s) => s !== t);
          after.splice(v, 0, t);
          fx.sheets = [...after, ...fx.sheets.filter((s) => s.deleted)];
        },
      ),
      visibility: prop(
        (t: FakeSheet) => alive(t).visibility,
        (t: FakeSheet, v, fx) => {
          fx.checkStructure();
          alive(t).visibility = v;
        },
      ),
      names: nav('NamedItemCollection', (t: FakeSheet) => alive(t)),
      customProperties: nav('WorksheetCustomPropertyCollection', (t: FakeSheet) => alive(t)),
      freezePanes: nav('WorksheetFreezePanes', (t: FakeSheet) => alive(t)),
      pageLayout: nav('PageLayout', (t: FakeSheet) => alive(t)),
      horizontalPageBreaks: nav('PageBreakCollection', (t: FakeSheet) => alive(t)),
      protection: nav('WorksheetProtection', (t: FakeSheet) => alive(t)),
      autoFilter: nav('AutoFilter', (t: FakeSheet) => alive(t)),
      getRange: call((t: FakeSheet, [address]) => {
        if (address === undefined) return { sheet: alive(t), rect: { r1: 0, c1: 0, r2: MAX_ROWS - 1, c2: MAX_COLS - 1 } };
        const { sheet, rect } = parseArea(String(address));
        if (sheet !== null && sheet.toLowerCase() !== t.name.toLowerCase()) throw err('InvalidArgument', `地址指向另一工作表：${address}`);
        return { sheet: alive(t), rect };
      }, 'Range'),
      getRangeByIndexes: call((t: FakeSheet, [r, c, rows, cols]) => {
        if (![r, c, rows, cols].every(Number.isInteger) || r < 0 || c < 0 || rows < 1 || cols < 1 || r + rows > MAX_ROWS || c + cols > MAX_COLS)
          throw err('InvalidArgument', `区域无效：${[r, c, rows, cols].join(',')}`);
        return { sheet: alive(t), rect: { r1: r, c1: c, r2: r + rows - 1, c2: c + cols - 1 } };
      }, 'Range'),
      getRanges: call((t: FakeSheet, [address]) => {
        const text = String(address);
        if (text.length > 8192) throw err('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
        return { sheet: alive(t), areas: text.split(',').map((a) => parseArea(a).rect) };
      }, 'RangeAreas'),
      getUsedRange: call((t: FakeSheet, [valuesOnly]) => ({ sheet: alive(t), rect: usedRect(t, valuesOnly === true) ?? { r1: 0, c1: 0, r2: 0, c2: 0 } }), 'Range'),
      getUsedRangeOrNullObject: call((t: FakeSheet, [valuesOnly]) => {
        const rect = usedRect(alive(t), valuesOnly === true);
        return rect ? { sheet: t, rect } : null;
      }, 'Range'),
      delete: call((t: FakeSheet, _a, fx) => {
        fx.checkStructure();
        const visible = fx.sheets.filter((s) => !s.deleted && s.visibility === 'Visible');
        if (visible.length === 1 && visible[0] === t) throw err('InvalidOperation', '不能删除唯一可见的工作表');
        alive(t).deleted = true;
        if (fx.activeSheet === t) fx.activeSheet = visible.find((s) => s !== t) ?? null;
      }),
      activate: call((t: FakeSheet, _a, fx) => {
        if (alive(t).visibility !== 'Visible') throw err('InvalidOperation', '不能激活隐藏的工作表');
        fx.activeSheet = t;
      }),
    },
  },
  Range: {
    members: {
      address: prop((t: Areas & { rect: Rect }) => fullAddress(alive(t.sheet).name, t.rect)),
      rowIndex: prop((t) => t.rect.r1),
      columnIndex: prop((t) => t.rect.c1),
      rowCount: prop((t) => t.rect.r2 - t.rect.r1 + 1),
      columnCount: prop((t) => t.rect.c2 - t.rect.c1 + 1),
      cellCount: prop((t) => cellsOf(t.rect)),
      // true: every row of the range hidden; false: none; null: some (ExcelApi 1.2's documented answer).
      rowHidden: prop(
        (t) => {
          let hidden = 0;
          for (let r = t.rect.r1; r <= t.rect.r2; r++) if (alive(t.sheet).hiddenRows.has(r)) hidden++;
          return hidden === 0 ? false : hidden === t.rect.r2 - t.rect.r1 + 1 ? true : null;
        },
        (t, v, fx) => {
          if (typeof v !== 'boolean') throw err('InvalidArgument', `rowHidden 无效：${v}`);
          fx.checkFormatting({ sheet: t.sheet, areas: [t.rect] }, 'rows');
          for (let r = t.rect.r1; r <= t.rect.r2; r++) (v ? alive(t.sheet).hiddenRows.add(r) : alive(t.sheet).hiddenRows.delete(r));
        },
      ),
      values: prop(
        (t, fx) => fx.read(t, () => matrix(t.rect, (r, c) => readValue(t.sheet.cell(r, c)))),
        (t, v, fx) => {
          const m = checkMatrix(v, t.rect, 'values');
          fx.checkValues(t.sheet, t.rect, m);
          for (let r = t.rect.r1; r <= t.rect.r2; r++) for (let c = t.rect.c1; c <= t.rect.c2; c++) enterValue(alive(t.sheet).touch(r, c), m[r - t.rect.r1][c - t.rect.c1]);
        },
      ),
      formulas: prop((t, fx) => fx.read(t, () => matrix(t.rect, (r, c) => readFormula(t.sheet.cell(r, c))))),
      valueTypes: prop((t, fx) => fx.read(t, () => matrix(t.rect, (r, c) => readType(t.sheet.cell(r, c))))),
      numberFormat: prop(
        (t, fx) => fx.read(t, () => matrix(t.rect, (r, c) => t.sheet.format(r, c).numberFormat)),
        (t, v, fx) => {
          const m = checkMatrix(v, t.rect, 'numberFormat');
          fx.checkFormatting({ sheet: t.sheet, areas: [t.rect] }, 'cells');
          for (let r = t.rect.r1; r <= t.rect.r2; r++)
            for (let c = t.rect.c1; c <= t.rect.c2; c++) {
              const f = m[r - t.rect.r1][c - t.rect.c1];
              if (f === null) continue;
              if (typeof f !== 'string') throw err('InvalidArgument', `数字格式无效：${JSON.stringify(f)}`);
              const cell = alive(t.sheet).touch(r, c);
              cell.format = { ...cell.format, numberFormat: f === '' ? 'General' : f }; // '' resets to General
            }
        },
      ),
      format: nav('RangeFormat', (t) => ({ sheet: alive(t.sheet), areas: [t.rect] })),
      dataValidation: nav('DataValidation', (t) => ({ sheet: alive(t.sheet), areas: [t.rect] })),
      worksheet: nav('Worksheet', (t) => alive(t.sheet)),
      merge: call((t, [across], fx) => {
        fx.checkFormatting({ sheet: t.sheet, areas: [t.rect] }, 'structure');
        const rects: Rect[] = across ? Array.from({ length: t.rect.r2 - t.rect.r1 + 1 }, (_, i) => ({ ...t.rect, r1: t.rect.r1 + i, r2: t.rect.r1 + i })) : [t.rect];
        for (const m of rects) {
          if (cellsOf(m) === 1) continue;
          if (alive(t.sheet).merges.some((x) => overlaps(x, m))) throw err('InvalidOperation', `fake: merge ${rectAddress(m)} overlaps an existing merge`);
          for (let r = m.r1; r <= m.r2; r++)
            for (let c = m.c1; c <= m.c2; c++) {
              if (r === m.r1 && c === m.c1) continue;
              const cell = t.sheet.cell(r, c);
              if (cell) {
                cell.value = '';
                delete cell.formula;
                delete cell.error;
              }
            }
          t.sheet.merges.push(m);
        }
      }),
      unmerge: call((t, _a, fx) => {
        fx.checkFormatting({ sheet: t.sheet, areas: [t.rect] }, 'structure');
        alive(t.sheet).merges = t.sheet.merges.filter((m: Rect) => !overlaps(m, t.rect));
      }),
      getMergedAreasOrNullObject: call((t) => {
        const found = alive(t.sheet).merges.filter((m: Rect) => m.r1 >= t.rect.r1 && m.r1 <= t.rect.r2 && m.c1 >= t.rect.c1 && m.c1 <= t.rect.c2);
        return found.length > 0 ? { sheet: t.sheet, areas: found } : null;
      }, 'RangeAreas'),
      select: call((t, _a, fx) => {
        if (fx.activeSheet !== alive(t.sheet)) throw err('InvalidSelection', '只能选择活动工作表上的单元格');
        fx.selection = fullAddress(t.sheet.name, t.rect);
      }),
    },
  },
  RangeAreas: {
    members: {
      address: prop((t: Areas) => t.areas.map((a) => fullAddress(alive(t.sheet).name, a)).join(', ')),
      areaCount: prop((t: Areas) => t.areas.length),
      cellCount: prop((t: Areas) => t.areas.reduce((n, a) => n + cellsOf(a), 0)),
      format: nav('RangeFormat', (t: Areas) => ({ sheet: alive(t.sheet), areas: t.areas })),
      dataValidation: nav('DataValidation', (t: Areas) => ({ sheet: alive(t.sheet), areas: t.areas })),
    },
  },
  RangeFormat: {
    members: {
      font: nav('RangeFont', (t) => t),
      fill: nav('RangeFill', (t) => t),
      borders: nav('RangeBorderCollection', (t) => t),
      protection: nav('FormatProtection', (t) => t),
      horizontalAlignment: prop(undefined, (t, v, fx) => restyle(t, fx, { horizontal: v })),
      verticalAlignment: prop(undefined, (t, v, fx) => restyle(t, fx, { vertical: v })),
      wrapText: prop(undefined, (t, v, fx) => restyle(t, fx, { wrap: Boolean(v) })),
      columnWidth: prop(
        (t: Areas) => {
          const ws = t.areas.flatMap((a) => Array.from({ length: a.c2 - a.c1 + 1 }, (_, i) => t.sheet.columnWidths.get(a.c1 + i) ?? 48));
          return ws.every((w) => w === ws[0]) ? ws[0] : null;
        },
        (t: Areas, v, fx) => {
          if (typeof v !== 'number' || !(v >= 0) || v > 255 * 8) throw err('InvalidArgument', `列宽无效：${v}`);
          fx.checkFormatting(t, 'columns');
          for (const a of t.areas) for (let c = a.c1; c <= a.c2; c++) alive(t.sheet).columnWidths.set(c, v);
        },
      ),
      rowHeight: prop(undefined, (t: Areas, v, fx) => {
        if (typeof v !== 'number' || !(v >= 0) || v > 409) throw err('InvalidArgument', `行高无效：${v}`);
        fx.checkFormatting(t, 'rows');
        for (const a of t.areas) for (let r = a.r1; r <= a.r2; r++) alive(t.sheet).rowHeights.set(r, v);
      }),
    },
  },
  RangeFont: {
    members: {
      name: prop(undefined, (t, v, fx) => restyle(t, fx, { fontName: String(v) })),
      size: prop(undefined, (t, v, fx) => restyle(t, fx, { fontSize: Number(v) })),
      bold: prop(undefined, (t, v, fx) => restyle(t, fx, { bold: Boolean(v) })),
      color: prop(undefined, (t, v, fx) => restyle(t, fx, { fontColor: String(v) })),
    },
  },
  RangeFill: {
    members: {
      color: prop(undefined, (t, v, fx) => {
        if (!/^#[0-9A-Fa-f]{6}$/.test(String(v))) throw err('InvalidArgument', `fake: colour ${v} (use #RRGGBB)`);
        restyle(t, fx, { fill: String(v).toUpperCase() });
      }),
      clear: call((t, _a, fx) => restyle(t, fx, { fill: null })),
    },
  },
  RangeBorderCollection: {
    members: {
      getItem: call((t: Areas, [index]) => {
        if (!(index in BORDER_SIDES)) throw err('InvalidArgument', `fake: border ${index} not modelled`);
        return { ...t, side: index };
      }, 'RangeBorder'),
    },
  },
  RangeBorder: {
    members: {
      style: prop(undefined, (t, v, fx) => setBorder(t, fx, 'style', v)),
      weight: prop(undefined, (t, v, fx) => setBorder(t, fx, 'weight', v)),
      color: prop(undefined, (t, v, fx) => setBorder(t, fx, 'color', String(v).toUpperCase())),
    },
  },
  FormatProtection: {
    members: {
      locked: prop(undefined, (t, v, fx) => restyle(t, fx, { locked: Boolean(v) }, 'lock')),
    },
  },
  DataValidation: {
    members: {
      rule: prop(undefined, (t, v, fx) => {
        const rule = checkRule(v);
        for (const rec of validationFor(t, fx)) rec.rule = rule;
      }),
      errorAlert: prop(undefined, (t, v, fx) => {
        for (const rec of validationFor(t, fx)) rec.errorAlert = { ...v };
      }),
      prompt: prop(undefined, (t, v, fx) => {
        for (const rec of validationFor(t, fx)) rec.prompt = { ...v };
      }),
      ignoreBlanks: prop(undefined, (t, v, fx) => {
        for (const rec of validationFor(t, fx)) rec.ignoreBlanks = Boolean(v);
      }),
    },
  },
  WorksheetFreezePanes: {
    members: {
      freezeRows: call((t: FakeSheet, [n]) => void (t.freeze = { rows: n ?? 1, cols: 0 })),
      freezeColumns: call((t: FakeSheet, [n]) => void (t.freeze = { rows: 0, cols: n ?? 1 })),
      freezeAt: call((t: FakeSheet, [range], fx) => {
        const rect: Rect = typeof range === 'string' ? parseArea(range).rect : fx.targetOf(range, 'Range').rect;
        if (rect.r1 !== 0 || rect.c1 !== 0) throw err('InvalidArgument', 'fake: freezeAt expects a range from A1');
        t.freeze = { rows: rect.r2 + 1, cols: rect.c2 + 1 };
      }),
      unfreeze: call((t: FakeSheet) => void (t.freeze = null)),
    },
  },
  PageLayout: {
    members: Object.fromEntries([
      ...['orientation', 'paperSize', 'centerHorizontally', 'firstPageNumber', 'topMargin', 'bottomMargin', 'leftMargin', 'rightMargin', 'headerMargin', 'footerMargin'].map((p) => [
        p,
        prop(
          (t: FakeSheet) => t.page[p],
          (t: FakeSheet, v) => {
            if (p.endsWith('Margin') && (typeof v !== 'number' || v < 0)) throw err('InvalidArgument', `页边距无效：${v}`);
            // "" is automatic numbering; a number is the first page's.
            if (p === 'firstPageNumber' && v !== '' && !(Number.isInteger(v) && v >= 0)) throw err('InvalidArgument', `起始页码无效：${v}`);
            t.page[p] = v;
          },
        ),
      ]),
      [
        'zoom',
        prop(
          (t: FakeSheet) => t.page.zoom,
          (t: FakeSheet, v) => {
            const keys = Object.keys(v ?? {});
            if (keys.length === 0 || keys.some((k) => !['horizontalFitToPages', 'verticalFitToPages', 'scale'].includes(k))) throw err('InvalidArgument', `缩放设置无效：${JSON.stringify(v)}`);
            t.page.zoom = { ...v };
          },
        ),
      ],
      [
        'setPrintTitleRows',
        call((t: FakeSheet, [rows], fx) => {
          const rect: Rect = typeof rows === 'string' ? parseArea(rows).rect : fx.targetOf(rows, 'Range').rect;
          if (rect.c1 !== 0 || rect.c2 !== MAX_COLS - 1) throw err('InvalidArgument', 'fake: print title rows must be whole rows ("$3:$3")');
          t.page.printTitleRows = `$${rect.r1 + 1}:$${rect.r2 + 1}`;
        }),
      ],
      ['headersFooters', nav('HeaderFooterGroup', (t: FakeSheet) => t)],
    ]),
  },
  PageBreakCollection: {
    members: {
      // "Adds a page break before the top-left cell of the range specified."
      add: call((t: FakeSheet, [range], fx) => {
        const rect: Rect = typeof range === 'string' ? parseArea(range).rect : fx.targetOf(range, 'Range').rect;
        if (t.protection.protected) throw err('AccessDenied', '工作表受保护');
        if (rect.c1 !== 0) throw err('InvalidArgument', 'fake: a horizontal page break is added at a cell of column A');
        if (rect.r1 === 0) throw err('InvalidArgument', '第 1 行之上不能分页');
        if (!t.rowBreaks.includes(rect.r1)) t.rowBreaks = [...t.rowBreaks, rect.r1].sort((a, b) => a - b);
        return { sheet: t, row: rect.r1 };
      }, 'PageBreak'),
      removePageBreaks: call((t: FakeSheet) => void (t.rowBreaks = [])),
    },
  },
  PageBreak: { members: {} },
  HeaderFooterGroup: {
    members: { defaultForAllPages: nav('HeaderFooter', (t: FakeSheet) => t) },
  },
  HeaderFooter: {
    members: {
      centerFooter: prop(
        (t: FakeSheet) => t.page.centerFooter,
        (t: FakeSheet, v) => {
          if (String(v).length > 255) throw err('InvalidArgument', '页脚超过 255 个字符');
          t.page.centerFooter = String(v);
        },
      ),
    },
  },
  AutoFilter: {
    members: {
      apply: call((t: FakeSheet, [range], fx) => {
        const rect: Rect = typeof range === 'string' ? parseArea(range).rect : fx.targetOf(range, 'Range').rect;
        if (t.protection.protected) throw err('AccessDenied', '工作表受保护');
        t.autoFilter = rect;
      }),
    },
  },
  WorksheetProtection: {
    members: {
      protected: prop((t: FakeSheet) => t.protection.protected),
      protect: call((t: FakeSheet, [options, password], fx) => {
        if (password !== undefined && !fx.supports('ExcelApi', '1.7')) throw err('ApiNotFound', 'protect(options, password) needs ExcelApi 1.7');
        if (t.protection.protected) throw err('InvalidOperation', '工作表已受保护');
        t.protection = { protected: true, options: { ...(options ?? {}) }, password: password ?? null };
      }),
    },
  },
  WorksheetCustomPropertyCollection: {
    items: (t: FakeSheet) => [...t.customProperties.values()].map((p) => ({ sheet: t, key: p.key })),
    itemKind: 'WorksheetCustomProperty',
    members: {
      add: call((t: FakeSheet, [key, value]) => {
        if (typeof key !== 'string' || key.length === 0 || key.length > 255) throw err('InvalidArgument', '自定义属性键无效');
        t.customProperties.set(key.toLowerCase(), { key, value: String(value) });
        return { sheet: t, key };
      }, 'WorksheetCustomProperty'),
      getItemOrNullObject: call((t: FakeSheet, [key]) => (t.customProperties.has(String(key).toLowerCase()) ? { sheet: t, key } : null), 'WorksheetCustomProperty'),
    },
  },
  WorksheetCustomProperty: {
    members: {
      key: prop((t) => t.sheet.customProperties.get(t.key.toLowerCase())?.key),
      value: prop((t) => t.sheet.customProperties.get(t.key.toLowerCase())?.value),
      delete: call((t) => void t.sheet.customProperties.delete(t.key.toLowerCase())),
    },
  },
  NamedItemCollection: {
    items: (t: FakeSheet) => [...t.names.values()].map((n) => ({ sheet: t, name: n.name })),
    itemKind: 'NamedItem',
    members: {
      add: call((t: FakeSheet, [name, reference, comment], fx) => {
        if (typeof name !== 'string' || !/^[A-Za-z_\\][\w.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) throw err('InvalidArgument', `名称无效：${name}`);
        if (t.names.has(name.toLowerCase())) throw err('ItemAlreadyExists', `名称「${name}」已存在`);
        const formula = typeof reference === 'string' ? reference : `=${fullAddress(t.name, fx.targetOf(reference, 'Range').rect)}`;
        if (formula.length > 8192) throw err('InvalidArgument', '名称的公式过长');
        if (formula.startsWith('="') && literalOf(formula) === null) throw err('InvalidArgument', `名称的公式无效：${formula.slice(0, 40)}`);
        t.names.set(name.toLowerCase(), { name, formula, visible: true, comment: comment ?? '' });
        return { sheet: t, name };
      }, 'NamedItem'),
      getItemOrNullObject: call((t: FakeSheet, [name]) => (t.names.has(String(name).toLowerCase()) ? { sheet: t, name } : null), 'NamedItem'),
    },
  },
  NamedItem: {
    members: {
      name: prop((t) => t.sheet.names.get(t.name.toLowerCase())?.name),
      formula: prop((t) => t.sheet.names.get(t.name.toLowerCase())?.formula),
      value: prop((t) => {
        const f = t.sheet.names.get(t.name.toLowerCase())?.formula ?? '';
        return literalOf(f) ?? '#VALUE!';
      }),
      visible: prop(
        (t) => t.sheet.names.get(t.name.toLowerCase())?.visible,
        (t, v) => {
          const n = t.sheet.names.get(t.name.toLowerCase());
          if (!n) throw err('ItemNotFound', '名称不存在');
          n.visible = Boolean(v);
        },
      ),
      delete: call((t) => void t.sheet.names.delete(t.name.toLowerCase())),
    },
  },
  CustomXmlPartCollection: {
    items: (_t, fx) => fx.xmlParts,
    itemKind: 'CustomXmlPart',
    members: {
      add: call((_t, [xml], fx) => {
        const part: FakeXmlPart = { id: `{${String(fx.xmlParts.length + 1).padStart(8, '0')}-0000-0000-0000-000000000000}`, namespaceUri: namespaceOf(String(xml)), xml: String(xml) };
        fx.xmlParts.push(part);
        return part;
      }, 'CustomXmlPart'),
      getByNamespace: call((_t, [ns]) => ({ ns: String(ns) }), 'CustomXmlPartScopedCollection'),
    },
  },
  CustomXmlPartScopedCollection: {
    items: (t, fx) => fx.xmlParts.filter((p) => p.namespaceUri === t.ns),
    itemKind: 'CustomXmlPart',
    members: {
      getCount: result((t, _a, fx) => fx.xmlParts.filter((p) => p.namespaceUri === t.ns).length),
    },
  },
  CustomXmlPart: {
    members: {
      id: prop((t: FakeXmlPart) => t.id),
      namespaceUri: prop((t: FakeXmlPart) => t.namespaceUri),
      getXml: result((t: FakeXmlPart, _a, fx) => {
        if (!fx.xmlParts.includes(t)) throw err('ItemNotFound', '自定义 XML 部件已删除');
        return t.xml;
      }),
      setXml: call((t: FakeXmlPart, [xml], fx) => {
        if (!fx.xmlParts.includes(t)) throw err('ItemNotFound', '自定义 XML 部件已删除');
        if (namespaceOf(String(xml)) !== t.namespaceUri) throw err('InvalidArgument', 'fake: setXml changes the namespace');
        t.xml = String(xml);
      }),
      delete: call((t: FakeXmlPart, _a, fx) => {
        fx.xmlParts = fx.xmlParts.filter((p) => p !== t);
      }),
    },
  },
};

/** The kinds and members the fake models (for the self-test: all must exist in the real API). */
export function modelledMembers(): Record<string, string[]> {
  return Object.fromEntries(Object.entries(IMPL).map(([k, v]) => [k, Object.keys(v.members)]));
}

const utf8Bytes = (s: string) => Buffer.byteLength(s, 'utf8');

let nextHandleId = 1;
/** The handle behind every proxy, whatever context made it. */
const HANDLES = new WeakMap<object, Handle>();

/** Arguments as they travel in a request: a proxy argument is sent as a reference to its object. */
function wireArgs(args: unknown[]): unknown[] {
  return args.map((a) => (a !== null && typeof a === 'object' && HANDLES.has(a) ? { ref: HANDLES.get(a)!.id } : a));
}

class FakeContext {
  queue: Action[] = [];
  readonly workbook: Handle;
  readonly proxy: any;
  closed = false;

  constructor(readonly fx: FakeExcel) {
    this.workbook = this.newHandle('Workbook');
    this.workbook.target = {};
    this.workbook.bound = true;
    this.workbook.synced = true;
    const members: Record<string, unknown> = {
      workbook: this.workbook.proxy,
      sync: () => this.sync(),
      load: (obj: any, props?: any) => obj.load(props),
    };
    Object.defineProperty(members, 'application', { get: () => this.workbook.proxy.application });
    this.proxy = new Proxy(members, {
      get(t, p) {
        if (typeof p === 'symbol' || p === 'then') return undefined;
        if (p in t) return (t as any)[p];
        throw new TypeError(`FakeExcel: Excel.RequestContext has no member "${p}" (or the fake does not model it)`);
      },
      set(_t, p) {
        throw new TypeError(`FakeExcel: cannot set RequestContext.${String(p)}`);
      },
    });
  }

  newHandle(kind: string): Handle {
    const h: Handle = { id: nextHandleId++, kind, ctx: this, target: undefined, bound: false, synced: false, isNull: false, loaded: new Map(), items: null, navs: new Map(), proxy: null };
    h.proxy = makeProxy(h);
    HANDLES.set(h.proxy, h);
    return h;
  }

  enqueue(a: Action): void {
    if (this.closed) throw new Error('FakeExcel: the batch of this context has ended (object used outside its Excel.run)');
    this.queue.push(a);
  }

  async sync(): Promise<void> {
    const fx = this.fx;
    const record: SyncRecord = { requestBytes: 0, responseBytes: 0, operations: this.queue.length, maxCellsRead: 0, calculationSuspended: false, screenUpdatingSuspended: false };
    fx.syncs.push(record);
    const actions = this.queue;
    this.queue = [];
    await Promise.resolve();
    try {
      fx.beforeSync?.(fx.syncs.length);
      if (fx.editMode) throw err('InvalidOperationInCellEditMode', 'The operation is not available while Excel is in Edit cell mode.');
      const request = utf8Bytes(JSON.stringify(actions.map((a) => a.wire)));
      record.requestBytes = request;
      if (request > fx.limits.requestBytes) {
        fx.violations.push(`request of ${request} bytes`);
        throw err('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
      }
      fx.current = record;
      const loads: PendingLoad[] = [];
      const results: FakeClientResult<unknown>[] = [];
      for (const a of actions) {
        a.run(loads, record);
        const r = (a as Action & { result?: FakeClientResult<unknown> }).result;
        if (r) results.push(r);
      }
      const response = utf8Bytes(
        JSON.stringify([
          loads.map((l) => [[...l.values], l.items?.map((i) => [...i.values])]),
          results.map((r) => r.peek()),
        ]),
      );
      record.responseBytes = response;
      if (response > fx.limits.responseBytes) {
        fx.violations.push(`response of ${response} bytes`);
        throw err('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
      }
      for (const l of loads) {
        for (const [k, v] of l.values) l.handle.loaded.set(k, v);
        if (l.items) {
          l.handle.items = l.items.map((i) => {
            for (const [k, v] of i.values) i.handle.loaded.set(k, v);
            return i.handle;
          });
        }
      }
      for (const r of results) r.commit();
      for (const a of actions) if (a.handle.bound) a.handle.synced = true;
    } catch (e) {
      record.error = (e as { code?: string }).code ?? String(e);
      throw e;
    } finally {
      fx.current = null;
    }
  }
}

function memberInfo(kind: string, member: string): MemberInfo | undefined {
  return excelApiSurface().get(kind)?.get(member);
}

function requireSet(fx: FakeExcel, kind: string, member: string): void {
  const info = memberInfo(kind, member);
  const req = info?.requirement;
  if (req && !fx.supports(req.set, req.version))
    throw err('ApiNotFound', `The API you are trying to use could not be found (${kind}.${member} needs ${req.set} ${req.version}).`);
}

function unknownMember(kind: string, member: string): never {
  if (memberInfo(kind, member)) throw new TypeError(`FakeExcel: Excel.${kind}.${member} exists in the real API but the fake does not model it`);
  throw new TypeError(`FakeExcel: Excel.${kind} has no member "${member}" in the real API`);
}

function requireBound(h: Handle): Target {
  if (!h.bound) throw new Error(`FakeExcel: internal — ${h.kind}#${h.id} used before it was created`);
  if (h.isNull) throw new Error(`FakeExcel: operation on a null object (${h.kind}#${h.id}); check isNullObject first`);
  return h.target;
}

function child(h: Handle, kind: string, wire: unknown, resolve: (t: Target) => Target | null): Handle {
  const c = h.ctx.newHandle(kind);
  h.ctx.enqueue({
    handle: c,
    wire,
    run: () => {
      if (h.bound && h.isNull) {
        c.isNull = true;
        c.target = null;
      } else {
        const t = resolve(requireBound(h));
        c.isNull = t === null || t === undefined;
        c.target = c.isNull ? null : t;
      }
      c.bound = true;
    },
  });
  return c;
}

function loadPaths(props: unknown): string[] {
  if (props === undefined) return [];
  if (typeof props === 'string') return props.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(props)) return props.flatMap((p) => loadPaths(p));
  if (typeof props === 'object' && props !== null) {
    const o = props as { select?: string; expand?: string };
    return [...loadPaths(o.select), ...loadPaths(o.expand)];
  }
  throw new TypeError(`FakeExcel: load(${JSON.stringify(props)}) not understood`);
}

function scalarProps(kind: string): string[] {
  return Object.entries(IMPL[kind]?.members ?? {})
    .filter(([, m]) => m.type === 'prop' && m.get)
    .map(([k]) => k);
}

function readProps(fx: FakeExcel, kind: string, target: Target, props: string[]): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const p of props) {
    if (p.includes('/')) throw new TypeError(`FakeExcel: nested load path "${p}" on ${kind} not modelled`);
    const impl = IMPL[kind]?.members[p];
    if (!impl) unknownMember(kind, p);
    if (impl.type !== 'prop' || !impl.get) throw new TypeError(`FakeExcel: ${kind}.${p} cannot be loaded (not a readable property)`);
    requireSet(fx, kind, p);
    values.set(p, target === null ? null : impl.get(target, fx));
  }
  return values;
}

function makeProxy(h: Handle): any {
  const kind = h.kind;
  const fx = h.ctx.fx;
  const impl = IMPL[kind];
  if (!impl) throw new TypeError(`FakeExcel: Excel.${kind} is not modelled`);
  const base: Record<string, unknown> = {};
  const loadFn = (props?: unknown) => {
    let paths = loadPaths(props);
    const isCollection = !!impl.items;
    if (paths.length === 0) paths = isCollection ? scalarProps(impl.itemKind!).map((p) => `items/${p}`) : scalarProps(kind);
    const own = paths.filter((p) => !p.startsWith('items'));
    const itemProps = paths.filter((p) => p.startsWith('items')).map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
    const wantsItems = paths.some((p) => p.startsWith('items'));
    // A collection's load('name') is shorthand for load('items/name').
    const ownOnCollection = isCollection ? own : [];
    const ownProps = isCollection ? [] : own;
    const itemsProps = isCollection ? [...itemProps, ...ownOnCollection] : [];
    h.ctx.enqueue({
      handle: h,
      wire: { load: h.id, paths },
      run: (loads, record) => {
        if (!h.bound) throw new Error('FakeExcel: internal — load before bind');
        const values = readProps(fx, kind, h.isNull ? null : h.target, ownProps);
        let items: PendingLoad['items'] = null;
        if (isCollection && (wantsItems || itemsProps.length > 0)) {
          const list = h.isNull ? [] : impl.items!(h.target, fx);
          items = list.map((t) => {
            const ih = h.ctx.newHandle(impl.itemKind!);
            ih.target = t;
            ih.bound = true;
            ih.synced = true;
            return { handle: ih, values: readProps(fx, impl.itemKind!, t, itemsProps) };
          });
        }
        if (kind === 'Range' && ownProps.some((p) => ['values', 'formulas', 'valueTypes', 'numberFormat'].includes(p)))
          record.maxCellsRead = Math.max(record.maxCellsRead, cellsOf(h.target.rect));
        loads.push({ handle: h, values, items });
      },
    });
    return h.proxy;
  };
  base.load = loadFn;
  return new Proxy(base, {
    get(_t, p) {
      if (typeof p === 'symbol') return undefined;
      if (p === 'then') return undefined; // not a thenable
      if (p === 'load') return loadFn;
      if (p === 'context') return h.ctx.proxy;
      if (p === 'isNullObject') {
        if (!h.synced) throw err('PropertyNotLoaded', 'isNullObject is not available before context.sync()');
        return h.isNull;
      }
      if (p === 'toJSON') return () => Object.fromEntries(h.loaded);
      if (p === 'set')
        return (props: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(props)) {
            const m = impl.members[k];
            if (m?.type === 'nav') h.proxy[k].set(v);
            else h.proxy[k] = v;
          }
        };
      if (p === 'track' || p === 'untrack') {
        if (kind !== 'Range' && kind !== 'RangeAreas') unknownMember(kind, p);
        return () => h.proxy;
      }
      if (p === 'items' && impl.items) {
        if (!h.items) throw err('PropertyNotLoaded', `The property 'items' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
        return h.items.map((i) => i.proxy);
      }
      const m = impl.members[p];
      if (!m) unknownMember(kind, p);
      if (m.type === 'nav') {
        let c = h.navs.get(p);
        if (!c) {
          c = child(h, m.kind, { nav: p, of: h.id }, (t) => {
            requireSet(fx, kind, p);
            return m.get(t, fx);
          });
          h.navs.set(p, c);
        }
        return c.proxy;
      }
      if (m.type === 'method') {
        return (...args: unknown[]) => {
          if (m.returns) {
            const c = child(h, m.returns, { call: p, of: h.id, args: wireArgs(args) }, (t) => {
              requireSet(fx, kind, p);
              return m.run(t, args, fx);
            });
            return c.proxy;
          }
          const res = m.result ? new FakeClientResult<unknown>() : undefined;
          const action: Action & { result?: FakeClientResult<unknown> } = {
            handle: h,
            wire: { call: p, on: h.id, args: wireArgs(args) },
            run: () => {
              requireSet(fx, kind, p);
              const out = m.run(requireBound(h), args, fx);
              res?.settle(out);
            },
          };
          if (res) action.result = res;
          h.ctx.enqueue(action);
          return res;
        };
      }
      // A scalar property: readable only once loaded and synced.
      if (!h.loaded.has(p)) {
        if (h.synced && h.isNull) return null;
        throw err('PropertyNotLoaded', `The property '${p}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
      }
      return h.loaded.get(p);
    },
    set(_t, p, value) {
      if (typeof p === 'symbol') throw new TypeError('FakeExcel: symbol property');
      const m = impl.members[p];
      if (!m) unknownMember(kind, p);
      const info = memberInfo(kind, p);
      if (m.type !== 'prop' || !m.set || info?.readonly) throw new TypeError(`FakeExcel: Excel.${kind}.${p} is read-only`);
      if (info?.literals && typeof value === 'string' && !info.literals.includes(value))
        throw new TypeError(`FakeExcel: Excel.${kind}.${p} does not accept "${value}" (one of ${info.literals.join(', ')})`);
      h.ctx.enqueue({
        handle: h,
        wire: { set: p, on: h.id, value },
        run: () => {
          requireSet(fx, kind, p);
          m.set!(requireBound(h), value, fx);
        },
      });
      return true;
    },
  });
}

export class FakeExcel {
  sheets: FakeSheet[] = [];
  xmlParts: FakeXmlPart[] = [];
  readonly syncs: SyncRecord[] = [];
  readonly violations: string[] = [];
  /** Excel is in cell-edit mode: every sync fails. */
  editMode = false;
  /** The workbook's structure is protected: sheets cannot be added, deleted, renamed or moved. */
  workbookProtected = false;
  activeSheet: FakeSheet | null = null;
  selection: string | null = null;
  workbookName: string;
  readonly excelApi: string;
  readonly otherSets: Record<string, string>;
  readonly limits: { requestBytes: number; responseBytes: number; cells: number };
  /** Called as sync number n (1-based) starts: tests change the state mid-run (protect the workbook, enter edit mode). */
  beforeSync: ((n: number) => void) | null = null;
  /** The sync being executed (for Application's suspend calls). */
  current: SyncRecord | null = null;

  constructor(options: FakeExcelOptions = {}) {
    this.excelApi = options.excelApi ?? '1.13';
    this.otherSets = options.otherSets ?? {};
    this.workbookName = options.workbookName ?? '评议工作簿.xlsx';
    this.limits = {
      requestBytes: options.requestByteLimit ?? 5 * 1024 * 1024,
      responseBytes: options.responseByteLimit ?? 5 * 1024 * 1024,
      cells: options.cellLimit ?? 5_000_000,
    };
  }

  /** Like Office.context.requirements.isSetSupported. */
  supports = (set: string, version: string): boolean => {
    if (set === 'ExcelApi') return compareVersions(version, this.excelApi) <= 0;
    const have = this.otherSets[set];
    return have !== undefined && compareVersions(version, have) <= 0;
  };

  /** Like Excel.run: a fresh request context; operations queued but never synced fail the run. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this);
    try {
      const out = await batch(ctx.proxy as Excel.RequestContext);
      if (ctx.queue.length > 0) throw new Error(`FakeExcel: ${ctx.queue.length} queued operation(s) were never synced (missing context.sync())`);
      return out;
    } finally {
      ctx.closed = true;
    }
  };

  get syncCount(): number {
    return this.syncs.length;
  }

  // --- test set-up and inspection (not through the API, not counted)

  addSheet(
    name: string,
    rows: FakeInput[][] = [],
    options: { merges?: Rect[]; visibility?: FakeSheet['visibility']; protect?: boolean; columnWidths?: number[]; hiddenRows?: number[] } = {},
  ): FakeSheet {
    const s = new FakeSheet(checkSheetName(name));
    if (this.findSheet(name)) throw new Error(`FakeExcel: sheet ${name} exists`);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = s.touch(r, c);
        if (typeof v !== 'object') {
          cell.value = v;
          return;
        }
        if (v.numberFormat || v.bold || v.fill) cell.format = { ...cell.format, ...(v.numberFormat ? { numberFormat: v.numberFormat } : {}), ...(v.bold ? { bold: true } : {}), ...(v.fill ? { fill: v.fill } : {}) };
        if (v.formula) cell.formula = v.formula.startsWith('=') ? v.formula : `=${v.formula}`;
        if (v.error) cell.error = v.error;
        if (v.value !== undefined && v.value !== null) cell.value = v.value;
        if (v.quotePrefix) cell.quotePrefix = true;
      }),
    );
    s.merges = [...(options.merges ?? [])];
    if (options.visibility) s.visibility = options.visibility;
    if (options.protect) s.protection = { protected: true, options: {}, password: null };
    options.columnWidths?.forEach((w, c) => s.columnWidths.set(c, w));
    options.hiddenRows?.forEach((r) => s.hiddenRows.add(r));
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = s;
    return s;
  }

  findSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => !s.deleted && s.name.toLowerCase() === name.toLowerCase());
  }

  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`FakeExcel: no sheet ${name} (have ${this.sheetNames().join(', ')})`);
    return s;
  }

  sheetNames(): string[] {
    return this.sheets.filter((s) => !s.deleted).map((s) => s.name);
  }

  /** Everything about a sheet, as canonical JSON: for "byte-for-byte unchanged" checks. */
  snapshot(name: string): string {
    const s = this.sheet(name);
    return JSON.stringify({
      id: s.id,
      name: s.name,
      position: this.sheetNames().indexOf(s.name),
      visibility: s.visibility,
      cells: [...s.cells.entries()].sort((a, b) => a[0] - b[0]),
      merges: s.merges,
      validations: s.validations,
      columnWidths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
      rowHeights: [...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
      hiddenRows: [...s.hiddenRows].sort((a, b) => a - b),
      freeze: s.freeze,
      page: s.page,
      rowBreaks: s.rowBreaks,
      autoFilter: s.autoFilter,
      protection: s.protection,
      customProperties: [...s.customProperties.entries()].sort(),
      names: [...s.names.entries()].sort(),
    });
  }

  defaultSheetName(): string {
    for (let n = 1; ; n++) if (!this.findSheet(`Sheet${n}`)) return `Sheet${n}`;
  }

  // --- checks the proxies call

  checkStructure(): void {
    if (this.workbookProtected) throw err('AccessDenied', 'The workbook structure is protected.');
  }

  checkValues(sheet: FakeSheet, rect: Rect, m: unknown[][]): void {
    alive(sheet);
    if (!sheet.protection.protected) return;
    for (let r = rect.r1; r <= rect.r2; r++)
      for (let c = rect.c1; c <= rect.c2; c++)
        if (m[r - rect.r1][c - rect.c1] !== null && sheet.format(r, c).locked)
          throw err('AccessDenied', `The cell or chart you're trying to change is on a protected sheet (${fullAddress(sheet.name, rect)}).`);
  }

  checkFormatting(a: Areas, what: 'cells' | 'lock' | 'columns' | 'rows' | 'structure'): void {
    alive(a.sheet);
    const p = a.sheet.protection;
    if (!p.protected) return;
    if (what === 'columns' && p.options.allowFormatColumns) return;
    if (what === 'rows' && p.options.allowFormatRows) return;
    if (what === 'cells' && p.options.allowFormatCells) return;
    throw err('AccessDenied', `The sheet ${a.sheet.name} is protected.`);
  }

  /** Loading cell data: fails on ranges above Excel's 5,000,000-cell limit. */
  read<T>(t: { sheet: FakeSheet; rect: Rect }, f: () => T): T {
    alive(t.sheet);
    const n = cellsOf(t.rect);
    if (n > this.limits.cells) {
      this.violations.push(`read of ${n} cells`);
      throw err('RangeExceedsLimit', 'The number of cells in the range has exceeded the maximum supported number.');
    }
    return f();
  }

  targetOf(proxy: unknown, kind: string): any {
    const h = proxy !== null && typeof proxy === 'object' ? HANDLES.get(proxy) : undefined;
    if (!h || h.kind !== kind) throw err('InvalidArgument', `fake: expected a ${kind}`);
    return requireBound(h);
  }
}
