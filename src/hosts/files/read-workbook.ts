/**
 * The file host's reader: the bytes of one returned file → a Submission of plain grids, or findings
 * saying, in Chinese and naming the file, why it cannot be read. It never throws and never stops a
 * batch. It takes bytes, not paths (no `fs`), so the same code runs in Node and in the browser.
 *
 * Formats: .xlsx/.xlsm (and .xlsb), .xls (Excel 97-2003, also when WPS saved it as .xlsx or .et),
 * .ods, .csv (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK). The format is found from the
 * bytes first (zip and its parts, OLE2 and its streams, text), the extension only as a fallback.
 *
 * Safety, before the workbook library parses anything: a size cap; for zip formats a
 * decompression-bomb guard on the central directory and a check of every entry as it is inflated
 * (zip-guard.ts), whose output the parser then reads instead of inflating the file again
 * (parseParts); for .xls a walk over the BIFF records (cfb-inspect.ts); a cell cap, counted
 * before the cells are built and again when grids are made (sheet-grid.ts).
 *
 * Values: see sheet-grid.ts (formulas, errors, dates as ISO text) and csv-read.ts (text tables).
 */
import * as XLSX from '@e965/xlsx';
import { Finding, FindingCode, finding } from '../../core/findings/finding';
import { SheetGrid, Submission, isBlank } from '../../core/forms/grid';
import { inspectCfb, scanBiff, startsWithOle2Magic, CfbInfo, BiffScan } from './cfb-inspect';
import { sha256 } from './content-hash';
import { parserInput } from './parser-input';
import { CsvCellLimit, TextEncoding, decodeText, looksLikeText, parseCsv } from './csv-read';
import { CellBudgetExceeded, sheetToGrid } from './sheet-grid';
import { ZipDirectory, readZipDirectory, startsWithZipMagic, storedEntry } from './zip-directory';
import { ZipParts, guardZip, mb } from './zip-guard';
import { SheetExtras, partsReader, xlsxSheetExtras } from './sheet-extras';

export interface ReadLimits {
  /** The file itself. */
  maxBytes: number;
  /** All entries of a zip-based workbook, inflated, as their directory declares them. */
  maxUncompressedBytes: number;
  /** Cells in the whole workbook (all sheets). */
  maxCells: number;
  maxSheets: number;
  /** Declared uncompressed size ÷ file size, checked once the declared size passes 10 MB. */
  maxRatio: number;
}

/**
 * Far above any real evaluation workbook (a 附表2 for 500 members is about 10,000 cells and well
 * under 1 MB), and each file is read and released in turn:
 * - maxBytes 50 MB for the file;
 * - maxUncompressedBytes 200 MB inflated: roughly a 5-million-cell sheet's XML;
 * - maxCells 5,000,000 over the whole workbook (parsed cell objects take ~100–200 bytes each);
 * - maxSheets 200;
 * - maxRatio 100: workbook XML typically compresses under 20× (2.6–4.4× measured on SheetJS-written
 *   sheets), a decompression bomb 1000× and more. Checked only once the declared total passes 10 MB.
 */
export const DEFAULT_LIMITS: ReadLimits = Object.freeze({
  maxBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxCells: 5_000_000,
  maxSheets: 200,
  maxRatio: 100,
});

export type WorkbookFormat = 'xlsx' | 'xls' | 'ods' | 'csv' | 'encrypted' | 'unknown';

/**
 * Why a file was not read. All are reported as FILE_UNREADABLE for now; each maps to its own
 * finding code once the catalogue has them (see PROBLEM_CODES).
 */
export type ReadProblem =
  | 'empty'
  | 'too-large'
  | 'not-workbook'
  | 'damaged'
  | 'encrypted'
  | 'bomb'
  | 'too-many-cells'
  | 'too-many-sheets'
  | 'no-content';

export interface ReadOutcome {
  submission: Submission | null;
  findings: Finding[];
  /** SHA-256 of the bytes (lowercase hex); absent only for an empty file. */
  sha256?: string;
  /** The format found from the bytes. */
  format?: WorkbookFormat;
  /** Set when submission is null. */
  problem?: ReadProblem;
  /** For text tables: the encoding the bytes were read in. */
  encoding?: TextEncoding;
  /**
   * The project's own template metadata (the very hidden sheet "_pingyi" the file writer adds:
   * rows of [sheet name, key, value]), by sheet name. That sheet is not among the grids. Turning it
   * into Submission.meta needs the scheme (templateSubmissionMeta in core/output/describe-templates).
   */
  templateMeta?: Record<string, Record<string, string>>;
}

/** The name of the metadata sheet written by write-workbook.ts (kept in step with its META_SHEET). */
export const TEMPLATE_META_SHEET = '_pingyi';

/** What was found in the bytes, with what the later steps need. */
interface Sniffed {
  format: WorkbookFormat;
  /** For 'unknown' and 'encrypted': what the file is, in Chinese. */
  what?: string;
  zip?: ZipDirectory;
  cfb?: CfbInfo | null;
  biff?: BiffScan;
}

function extensionOf(fileName: string): string {
  const m = /\.([^./\\]+)$/.exec(fileName);
  return m ? m[1].toLowerCase() : '';
}

function startsWith(bytes: Uint8Array, ...magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** A few common non-workbook files, named so the clerk knows what was sent instead. */
function describeOther(bytes: Uint8Array): string | null {
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return '内容是 JPEG 图片';
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47)) return '内容是 PNG 图片';
  if (startsWith(bytes, 0x47, 0x49, 0x46, 0x38)) return '内容是 GIF 图片';
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return '内容是 PDF 文档';
  if (startsWith(bytes, 0x52, 0x61, 0x72, 0x21)) return '内容是 RAR 压缩包';
  if (startsWith(bytes, 0x37, 0x7a, 0xbc, 0xaf)) return '内容是 7z 压缩包';
  if (startsWith(bytes, 0x1f, 0x8b)) return '内容是 gzip 压缩文件';
  return null;
}

/** Names of documents and slides, never of a table: text under them is not read as CSV. */
const DOCUMENT_EXTENSIONS = new Set(['doc', 'docx', 'docm', 'dot', 'dotx', 'wps', 'wpt', 'rtf', 'odt', 'ppt', 'pptx', 'dps', 'odp', 'pdf']);

function sniff(fileName: string, bytes: Uint8Array): Sniffed {
  const ext = extensionOf(fileName);
  if (bytes.length === 0) return { format: 'unknown', what: '空文件' };

  if (startsWithZipMagic(bytes)) {
    const zip = readZipDirectory(bytes);
    // A damaged zip: trust the extension for the format; reading then reports the damage.
    if (!zip.ok) return { format: ext === 'ods' ? 'ods' : 'xlsx', zip };
    const names = new Set(zip.entries.map((e) => e.name.toLowerCase()));
    const anyUnder = (prefix: string) => zip.entries.some((e) => e.name.toLowerCase().startsWith(prefix));
    if (names.has('xl/workbook.xml') || names.has('xl/workbook.bin') || (names.has('[content_types].xml') && anyUnder('xl/'))) {
      return { format: 'xlsx', zip };
    }
    const mimetypeEntry = zip.entries.find((e) => e.name === 'mimetype');
    const mimetype = mimetypeEntry ? storedEntry(bytes, mimetypeEntry) : null;
    const mime = mimetype ? new TextDecoder().decode(mimetype).trim() : '';
    if (mime.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return { format: 'ods', zip };
    if (mime.startsWith('application/vnd.oasis.opendocument.text')) return { format: 'unknown', what: '内容是 OpenDocument 文字文档' };
    if (mime.startsWith('application/vnd.oasis.opendocument.presentation')) return { format: 'unknown', what: '内容是 OpenDocument 演示文稿' };
    if (!mime && names.has('content.xml') && names.has('meta-inf/manifest.xml')) return { format: 'ods', zip };
    if (anyUnder('word/')) return { format: 'unknown', what: '内容是 Word 文档（.docx）' };
    if (anyUnder('ppt/')) return { format: 'unknown', what: '内容是 PowerPoint 演示文稿（.pptx）' };
    return { format: 'unknown', what: '内容是一个普通的 zip 压缩包，不是工作簿' };
  }

  if (startsWithOle2Magic(bytes)) {
    const cfb = inspectCfb(bytes);
    if (!cfb) return { format: 'xls', cfb };
    switch (cfb.kind) {
      case 'encrypted-ooxml':
        return { format: 'encrypted', what: '工作簿设有打开密码（已加密）', cfb };
      case 'xls': {
        const biff = scanBiff(cfb.workbook!, Number.POSITIVE_INFINITY);
        if (biff.encrypted) return { format: 'encrypted', what: 'Excel 97-2003 工作簿设有打开密码（已加密）', cfb, biff };
        return { format: 'xls', cfb, biff };
      }
      case 'word':
        return { format: 'unknown', what: '内容是 Word 97-2003 文档（.doc）', cfb };
      case 'powerpoint':
        return { format: 'unknown', what: '内容是 PowerPoint 97-2003 演示文稿（.ppt）', cfb };
      default:
        return {
          format: 'unknown',
          what: ext === 'et' || ext === 'ett' ? `是 WPS 表格专用格式（.${ext}），请在 WPS 中“另存为” .xlsx 后再提交` : '是 OLE 复合文档，但其中没有工作簿',
          cfb,
        };
    }
  }

  const other = describeOther(bytes);
  if (other) return { format: 'unknown', what: other };

  if (looksLikeText(bytes)) {
    const head = decodeText(bytes.subarray(0, 4096))?.text.replace(/^[\ufeff\s]+/, '') ?? '';
    if (head.startsWith('<')) {
      return { format: 'unknown', what: '内容是网页（HTML）或 XML 文本，不是真正的工作簿；请用 Excel 或 WPS 打开后“另存为” .xlsx 再提交' };
    }
    // An .xlsx or .ods is always a zip: text under those names is a mislabelled or stray file, not a workbook.
    // (Text named .xls or .et is read as CSV: some systems export CSV under those names.)
    if (ext === 'xlsx' || ext === 'xlsm' || ext === 'ods') {
      return { format: 'unknown', what: `内容是纯文本，不是 .${ext} 工作簿；若是导出的 CSV 文件，请改用 .csv 扩展名或另存为工作簿` };
    }
    // A document's name (a 会议通知.docx that is text): not a table, and no sheet of it to name.
    if (DOCUMENT_EXTENSIONS.has(ext)) return { format: 'unknown', what: `是以 .${ext}（文档）命名的纯文本` };
    return { format: 'csv' };
  }
  return { format: 'unknown', what: '内容不是可识别的表格格式（可能已损坏，或并非 Excel 文件）' };
}

/**
 * The format of the bytes: magic bytes first (zip and the parts in it; OLE2 and its streams, where
 * an "EncryptionInfo" stream or a BIFF FILEPASS record means password-protected), text last;
 * the extension decides only for a zip or OLE2 file too damaged to look inside.
 */
export function detectFormat(fileName: string, bytes: Uint8Array): WorkbookFormat {
  return sniff(fileName, bytes).format;
}

/** The SheetJS options: values and cached formula results only, nothing the engine does not use. */
export const PARSE_OPTIONS: XLSX.ParsingOptions = {
  cellFormula: true,
  cellNF: false,
  cellHTML: false,
  cellStyles: false,
  cellText: false,
  cellDates: true,
  dense: true,
  sheetStubs: false,
  bookVBA: false,
  bookFiles: false,
  bookDeps: false,
  WTF: false,
};

function baseName(fileName: string): string {
  const last = fileName.split(/[\\/]/).pop() ?? fileName;
  return last.replace(/\.[^.]*$/, '') || last;
}

/** Reads one file. Never throws. */
export async function readWorkbook(fileName: string, bytes: Uint8Array, limits?: Partial<ReadLimits>): Promise<ReadOutcome> {
  const L: ReadLimits = { ...DEFAULT_LIMITS, ...(limits ?? {}) };
  if (bytes.length === 0) {
    return { submission: null, findings: [finding(PROBLEM_CODES.empty, `「${fileName}」是空文件（0 字节），没有任何内容`, { file: fileName })], problem: 'empty' };
  }
  // The hash is awaited after the reading, not before it: in a browser Web Crypto digests off the main
  // thread, and awaiting it first left the main thread idle meanwhile (bench/files.bench.ts profiles).
  const hashing = sha256(bytes);
  const outcome = readBytes(fileName, bytes, L);
  return { ...outcome, sha256: await hashing };
}

/** Everything but the hash (which readWorkbook adds to every outcome). Never throws. */
function readBytes(fileName: string, bytes: Uint8Array, L: ReadLimits): ReadOutcome {
  const file = fileName;
  let format: WorkbookFormat | undefined;
  const fail = (problem: ReadProblem, message: string): ReadOutcome => ({
    submission: null,
    findings: [finding(PROBLEM_CODES[problem], message, { file })],
    ...(format !== undefined ? { format } : {}),
    problem,
  });

  // For a zip: the entries the guard inflated, handed to the parser (see parseParts).
  let parts: ZipParts | undefined;
  try {
    if (bytes.length > L.maxBytes) {
      return fail('too-large', `「${file}」有 ${mb(bytes.length)}，超过单个文件 ${mb(L.maxBytes)} 的上限，未读取`);
    }
    const s = sniff(fileName, bytes);
    format = s.format;
    switch (s.format) {
      case 'unknown':
        return fail('not-workbook', `「${file}」不是工作簿：${s.what ?? '无法识别的格式'}，无法读取`);
      case 'encrypted':
        return fail('encrypted', `「${file}」${s.what ?? '已加密'}，无法读取；请去掉密码后重新提交`);
      case 'csv':
        return readText(file, bytes, L);
      case 'xlsx':
      case 'ods': {
        const zip = s.zip!;
        if (!zip.ok) {
          if (zip.reason === 'truncated') return fail('damaged', `「${file}」不完整（${zip.detail}），可能未下载完整或被截断，无法读取`);
          if (zip.reason === 'too-many-entries') return fail('bomb', `「${file}」${zip.detail}，不像正常的工作簿，未读取`);
          return fail('damaged', `「${file}」已损坏（${zip.detail}），无法读取`);
        }
        parts = { entries: [], complete: true };
        const verdict = guardZip(bytes, zip.entries, s.format, L, parts);
        if (!verdict.ok) {
          switch (verdict.problem) {
            case 'encrypted':
              return fail('encrypted', `「${file}」已加密（${verdict.detail}），无法读取；请去掉密码后重新提交`);
            case 'damaged':
              return fail('damaged', `「${file}」已损坏：${verdict.detail}，无法读取`);
            case 'bomb':
            case 'too-large':
              return fail(verdict.problem, `「${file}」${verdict.detail}，为安全起见未读取`);
            case 'too-many-cells':
            case 'too-many-sheets':
              return fail(verdict.problem, `「${file}」${verdict.detail}，未读取`);
          }
        }
        break;
      }
      case 'xls': {
        if (!s.cfb || !s.biff || !s.biff.ok) return fail('damaged', `「${file}」已损坏（Excel 97-2003 文件结构无法读取），无法读取`);
        if (s.biff.cells > L.maxCells) return fail('too-many-cells', `「${file}」单元格超过 ${L.maxCells.toLocaleString('en-US')} 个的上限，未读取`);
        if (s.biff.sheets > L.maxSheets) return fail('too-many-sheets', `「${file}」共有 ${s.biff.sheets} 个工作表，超过上限 ${L.maxSheets} 个，未读取`);
        break;
      }
    }

    let wb: XLSX.WorkBook;
    try {
      const input = parserInput(bytes);
      const options: XLSX.ParsingOptions = { ...PARSE_OPTIONS, type: input.type };
      wb = withoutParserNoise(() => (parts?.complete ? parseParts(parts, options) : XLSX.read(input.data, options)));
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      if (/password|encrypt/i.test(reason)) return fail('encrypted', `「${file}」设有密码（已加密），无法读取；请去掉密码后重新提交`);
      return fail('damaged', `「${file}」已损坏或格式不完整，无法读取${ownReason(reason)}；请让提交人用 Excel 或 WPS 打开后重新保存再提交`);
    }
    // Hidden rows and columns, drawings: found in the parts of an xlsx (sheet-extras.ts); SheetJS gives an .xls's hidden rows itself.
    const extras = s.format === 'xlsx' && s.zip?.ok ? xlsxSheetExtras(s.zip.entries, partsReader(bytes, s.zip.entries, parts)) : new Map<number, SheetExtras>();
    const outcome = toOutcome(file, wb, L, s.format, fail, extras);
    const ticked = parts ? tickedCheckBoxes(parts) : 0;
    if (ticked > 0 && outcome.submission)
      outcome.findings.push(
        finding(
          'CHECKBOXES_NOT_READ',
          `「${file}」中有 ${ticked} 个勾选了的复选框（插入的表单控件），本工具只读取单元格中的√，复选框的勾选未计入；请在相应单元格中打√后重新提交`,
          { file },
        ),
      );
    return outcome;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return fail('damaged', `「${file}」无法读取${ownReason(reason)}`);
  }
}

/**
 * The reason an error gives, in brackets, when it is one of this project's (in Chinese); a parser's
 * or an inflater's own message (English, technical: "Bad compressed size: …") is not for the clerk.
 */
function ownReason(reason: string): string {
  return /[\u4e00-\u9fff]/.test(reason) ? `（${reason}）` : '';
}

/**
 * Check boxes inserted as form controls (开发工具 › 插入 › 复选框) and ticked: a rater may tick those instead
 * of typing √, and the tick lives in the control's part (xl/ctrlProps/ctrlPropN.xml, checked="Checked"),
 * not in a cell, so the sheet reads as blank. Counted so that it can be said.
 */
function tickedCheckBoxes(parts: ZipParts): number {
  let ticked = 0;
  for (const p of parts.entries) {
    if (!/^xl\/ctrlProps\/[^/]+\.xml$/i.test(p.name)) continue;
    const xml = new TextDecoder().decode(p.data);
    if (/objectType\s*=\s*["']CheckBox["']/i.test(xml) && /\bchecked\s*=\s*["'](Checked|Mixed)["']/i.test(xml)) ticked++;
  }
  return ticked;
}

/** The parts of SheetJS's API used by parseParts, which its type declarations leave out. */
interface SheetJsZipApi {
  parse_zip(container: unknown, options: XLSX.ParsingOptions): XLSX.WorkBook;
  CFB: { utils: { cfb_new(): unknown; cfb_add(container: unknown, name: string, content: Uint8Array, options: { unsafe: boolean }): unknown } };
}

/**
 * SheetJS prints 「ODS number format may be incorrect: …」 (console.error, English, HTML-escaped) for number
 * formats in LibreOffice's .ods it only approximates: a dozen lines per ballot between the progress lines,
 * about nothing a clerk can act on (the reader takes values, not formats). Only those lines are held back,
 * only while parsing (synchronous: nothing else runs meanwhile); anything else goes through.
 */
const PARSER_NOISE = /^ODS number format may be incorrect/;

export function withoutParserNoise<T>(parse: () => T): T {
  const original = console.error;
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && PARSER_NOISE.test(args[0])) return;
    original.apply(console, args);
  };
  try {
    return parse();
  } finally {
    console.error = original;
  }
}

/**
 * Parses a zip-based workbook (xlsx, xlsm, xlsb, ods) from the entries the guard has already
 * inflated and checked, so that nothing is inflated twice. `XLSX.read` on a zip does the same in
 * two steps: its zip reader (CFB.read → CFB's parse_zip) inflates every entry and adds each, in
 * directory order, under its local header name, to a new container with `cfb_add(…, { unsafe: true })`;
 * then `parse_zip(container, options)` reads the workbook (or, with META-INF/manifest.xml, the ODS)
 * from that container only. Here the container is built the same way from the guard's bytes, as
 * Buffers in Node as SheetJS's own reader makes them (its string decoding takes another path for a
 * plain Uint8Array). What `XLSX.read` does before that does not matter with these options: it
 * resets the codepage (used only with a codepage table loaded, which this project does not load)
 * and the number-format options (used only with cellText).
 */
export function parseParts(parts: ZipParts, options: XLSX.ParsingOptions): XLSX.WorkBook {
  const api = XLSX as unknown as SheetJsZipApi;
  const container = api.CFB.utils.cfb_new();
  for (const p of parts.entries) {
    if (UNREAD_PARTS.test(p.name)) continue;
    const data = DYNAMIC_ARRAY_METADATA.test(p.name) ? EMPTY_METADATA : p.data;
    api.CFB.utils.cfb_add(container, p.name, parserInput(data).data, { unsafe: true });
  }
  return api.parse_zip(container, options);
}

/**
 * Parts of an xlsx that SheetJS, with PARSE_OPTIONS, reads only into what the reader never looks at,
 * left out of what parseParts hands it (they were still inflated and checked by the zip guard):
 * the document properties (wb.Props and wb.Custprops: title, author, application, sheet names again)
 * and the theme (read only with cellStyles). SheetJS looks each up from [Content_Types].xml as an
 * optional part, so a part left out is as if the file had none. Every part handed over also makes each
 * of SheetJS's part look-ups longer (it scans the whole list, lower-casing every name). Together with
 * the metadata below, about 0.1 s of the 1,000 workbooks in bench/files.bench.ts.
 */
const UNREAD_PARTS = /^(docProps\/(core|app|custom)\.xml|xl\/theme\/theme\d+\.xml)$/i;

/**
 * xl/metadata.xml (written by Excel and SheetJS alike) only tells which formulas are dynamic arrays:
 * SheetJS marks their cells with a flag `D` that the reader does not use. SheetJS reads the part
 * without a fallback when [Content_Types].xml lists it, so it is handed over empty rather than left out.
 */
const DYNAMIC_ARRAY_METADATA = /^xl\/metadata\.xml$/i;
const EMPTY_METADATA = new TextEncoder().encode('<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');

function toOutcome(
  file: string,
  wb: XLSX.WorkBook,
  L: ReadLimits,
  format: WorkbookFormat,
  fail: (problem: ReadProblem, message: string) => ReadOutcome,
  extras: Map<number, SheetExtras>,
): ReadOutcome {
  const names = wb.SheetNames ?? [];
  if (names.length > L.maxSheets) return fail('too-many-sheets', `「${file}」共有 ${names.length} 个工作表，超过上限 ${L.maxSheets} 个，未读取`);
  const budget = { left: L.maxCells };
  const sheets: SheetGrid[] = [];
  let templateMeta: Record<string, Record<string, string>> | undefined;
  try {
    names.forEach((name, i) => {
      const grid = sheetToGrid(name, wb.Sheets[name], budget);
      if (name === TEMPLATE_META_SHEET) templateMeta = readTemplateMeta(grid);
      else sheets.push(withExtras(wb.Workbook?.Sheets?.[i]?.Hidden ? { ...grid, hidden: true } : grid, wb.Sheets[name], extras.get(i)));
    });
  } catch (e) {
    if (e instanceof CellBudgetExceeded) {
      return fail('too-many-cells', `「${file}」的表格区域超过 ${L.maxCells.toLocaleString('en-US')} 个单元格的上限，未读取`);
    }
    throw e;
  }
  const outcome = withContent(file, sheets, format, fail);
  return templateMeta && outcome.submission ? { ...outcome, templateMeta } : outcome;
}

/** The grid with its hidden rows and columns and its drawings, from the parts (xlsx) or SheetJS's `!rows` (.xls). */
function withExtras(grid: SheetGrid, ws: XLSX.WorkSheet | undefined, extras: SheetExtras | undefined): SheetGrid {
  const rowInfo = (ws?.['!rows'] ?? []) as ({ hidden?: boolean } | undefined)[];
  const hiddenRows = new Set(extras?.hiddenRows ?? []);
  rowInfo.forEach((info, r) => info?.hidden && hiddenRows.add(r));
  if (hiddenRows.size === 0 && !extras) return grid;
  const out: SheetGrid = { ...grid };
  if (hiddenRows.size > 0) out.hiddenRows = [...hiddenRows].sort((a, b) => a - b);
  if (extras && extras.hiddenColumns.length > 0) out.hiddenColumns = [...new Set(extras.hiddenColumns)].sort((a, b) => a - b);
  if (extras && extras.drawings.length > 0) out.drawings = extras.drawings;
  return out;
}

function readTemplateMeta(grid: SheetGrid): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [sheet, key, value] of grid.rows) {
    if (typeof sheet !== 'string' || typeof key !== 'string' || value === null || value === undefined || typeof value === 'object') continue;
    (out[sheet] ??= {})[key] = String(value);
  }
  return out;
}

function withContent(
  file: string,
  sheets: SheetGrid[],
  format: WorkbookFormat,
  fail: (problem: ReadProblem, message: string) => ReadOutcome,
  encoding?: TextEncoding,
): ReadOutcome {
  const hasContent = sheets.some((s) => s.rows.some((row) => row.some((v) => !isBlank(v))));
  if (!hasContent) {
    // A photo or scan of a paper ballot pasted into a sheet: no cell to read, and the clerk must know why.
    const drawings = sheets.reduce((n, s) => n + (s.drawings?.length ?? 0), 0);
    return fail(
      'no-content',
      sheets.length === 0
        ? `「${file}」中没有工作表，没有可读取的内容`
        : drawings > 0
          ? `「${file}」的单元格中没有任何内容，只有 ${drawings} 个图片或图形（可能是拍照、扫描的测评票或画上去的√）；本工具只读取单元格，无法读取图片，请按模板在单元格中填写后重新提交`
          : `「${file}」中没有任何内容（${sheets.length} 个工作表都是空的）`,
    );
  }
  return {
    submission: { file, sheets },
    findings: [],
    format,
    ...(encoding ? { encoding } : {}),
  };
}

function readText(file: string, bytes: Uint8Array, L: ReadLimits): ReadOutcome {
  const fail = (problem: ReadProblem, message: string): ReadOutcome => ({
    submission: null,
    findings: [finding(PROBLEM_CODES[problem], message, { file })],
    format: 'csv',
    problem,
  });
  const decoded = decodeText(bytes);
  if (!decoded) return fail('damaged', `「${file}」不是 UTF-8 文本，而本环境无法按 GB18030 解码，无法读取`);
  let rows;
  try {
    rows = parseCsv(decoded.text, L.maxCells);
  } catch (e) {
    if (e instanceof CsvCellLimit) return fail('too-many-cells', `「${file}」单元格超过 ${L.maxCells.toLocaleString('en-US')} 个的上限，未读取`);
    throw e;
  }
  return withContent(file, [{ name: baseName(file), rows, merges: [] }], 'csv', fail, decoded.encoding);
}

/**
 * The finding code of each problem (a bomb, too many cells and too many sheets are all FILE_TOO_COMPLEX;
 * the message says which).
 */
const PROBLEM_CODES: Record<ReadProblem, FindingCode> = {
  empty: 'FILE_EMPTY',
  'too-large': 'FILE_TOO_LARGE',
  'not-workbook': 'FILE_NOT_WORKBOOK',
  damaged: 'FILE_DAMAGED',
  encrypted: 'FILE_ENCRYPTED',
  bomb: 'FILE_TOO_COMPLEX',
  'too-many-cells': 'FILE_TOO_COMPLEX',
  'too-many-sheets': 'FILE_TOO_COMPLEX',
  'no-content': 'WORKBOOK_EMPTY',
};
