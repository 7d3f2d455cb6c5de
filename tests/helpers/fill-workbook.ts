/**
 * Fills the templates `pingyi template` wrote, the way a rater or a clerk does, with SheetJS
 * (`@e965/xlsx`) — a different producer than the project's exceljs writer — and saves the result as
 * a separate file. Cells are found by their labels (a subject's name, a tier or item header, an item
 * row), never by fixed addresses, so the same calls work on every preset's layout.
 *
 * Drift a returned copy typically shows can be applied after filling: title rows inserted at the top,
 * a blank column at the left (merges shifted with the cells), a header retyped (稱職, 滿意), a name
 * typed with spaces ("王　芳"), and the very hidden `_pingyi` metadata sheet lost (a copy pasted into
 * a fresh workbook), so that only the labels say which form, group and round the sheet is.
 */
import * as fs from 'fs';
import * as XLSX from '@e965/xlsx';

export type Cell = string | number | boolean | null;

/** The metadata sheet the project's writer adds (src/hosts/files/write-workbook.ts, META_SHEET). */
export const META_SHEET = '_pingyi';

/** A label as a reader compares it: no spaces of any width. */
export function bare(text: Cell | undefined): string {
  return text === null || text === undefined ? '' : String(text).replace(/[\s\u3000]/g, '');
}

export interface Position {
  r: number;
  c: number;
}

export class FilledTemplate {
  readonly wb: XLSX.WorkBook;
  /** The form's sheet (the first sheet that is not the metadata sheet). */
  readonly sheetName: string;
  rows: Cell[][];
  merges: XLSX.Range[];
  private structural = false;
  private readonly written = new Set<string>();

  constructor(bytes: Buffer) {
    this.wb = XLSX.read(bytes, { type: 'buffer' });
    const name = this.wb.SheetNames.find((n) => n !== META_SHEET);
    if (!name) throw new Error('no form sheet in the template');
    this.sheetName = name;
    const ws = this.wb.Sheets[name];
    const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1');
    this.rows = [];
    for (let r = 0; r <= range.e.r; r++) {
      const row: Cell[] = [];
      for (let c = 0; c <= range.e.c; c++) {
        const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
        row.push(cell && cell.v !== undefined ? (cell.v as Cell) : null);
      }
      this.rows.push(row);
    }
    this.merges = (ws['!merges'] ?? []).map((m) => ({ s: { ...m.s }, e: { ...m.e } }));
  }

  static open(path: string): FilledTemplate {
    return new FilledTemplate(fs.readFileSync(path));
  }

  get width(): number {
    return this.rows.reduce((w, r) => Math.max(w, r.length), 0);
  }

  /** Every cell whose text, spaces removed, equals `text`. */
  findAll(text: string): Position[] {
    const want = bare(text);
    const out: Position[] = [];
    this.rows.forEach((row, r) => row.forEach((v, c) => bare(v) === want && typeof v === 'string' && out.push({ r, c })));
    return out;
  }

  /** The one cell whose text equals `text` (throws when there is none or several). */
  find(text: string): Position {
    const all = this.findAll(text);
    if (all.length !== 1) throw new Error(`「${text}」found ${all.length} times in ${this.sheetName}`);
    return all[0];
  }

  /** The first cell whose text starts with `prefix`. */
  findStarting(prefix: string): Position {
    for (let r = 0; r < this.rows.length; r++)
      for (let c = 0; c < this.rows[r].length; c++) {
        const v = this.rows[r][c];
        if (typeof v === 'string' && bare(v).startsWith(bare(prefix))) return { r, c };
      }
    throw new Error(`no cell starting with「${prefix}」in ${this.sheetName}`);
  }

  /** The merged area a cell belongs to (the cell itself when unmerged). */
  area(p: Position): { r1: number; c1: number; r2: number; c2: number } {
    const m = this.merges.find((x) => p.r >= x.s.r && p.r <= x.e.r && p.c >= x.s.c && p.c <= x.e.c);
    return m ? { r1: m.s.r, c1: m.s.c, r2: m.e.r, c2: m.e.c } : { r1: p.r, c1: p.c, r2: p.r, c2: p.c };
  }

  /**
   * The column of a tier (or score) header: the cell labelled `level`, under the item header `item`
   * when the form has several item groups (the item name is merged over its tier columns).
   */
  column(level: string, item?: string): number {
    const cells = this.findAll(level);
    if (item === undefined) {
      if (cells.length !== 1) throw new Error(`header「${level}」found ${cells.length} times; give its item`);
      return cells[0].c;
    }
    const head = this.area(this.find(item));
    const hit = cells.filter((p) => p.r === head.r2 + 1 && p.c >= head.c1 && p.c <= head.c2);
    if (hit.length !== 1) throw new Error(`header「${level}」under「${item}」found ${hit.length} times`);
    return hit[0].c;
  }

  /** The entry row of a subject (matrix, scores) or, within a subject's block (附3 shape), of an item. */
  row(subject?: string, item?: string): number {
    if (subject === undefined) {
      if (item === undefined) throw new Error('row needs a subject or an item');
      return this.find(item).r; // items in rows, one subject (附1 shape)
    }
    const at = this.find(subject);
    if (item === undefined) return at.r;
    const block = this.area(at);
    const rows = this.findAll(item).filter((p) => p.r >= block.r1 && p.r <= block.r2);
    if (rows.length !== 1) throw new Error(`item「${item}」in the block of「${subject}」found ${rows.length} times`);
    return rows[0].r;
  }

  set(r: number, c: number, value: Cell): this {
    while (this.rows.length <= r) this.rows.push([]);
    const row = this.rows[r];
    while (row.length <= c) row.push(null);
    row[c] = value;
    this.written.add(`${r},${c}`);
    return this;
  }

  /** A √ on a matrix: the row of `subject`, the tier column `level` (under the item header `item` when there are several). */
  mark(subject: string, level: string, item?: string, symbol = '√'): this {
    return this.set(this.row(subject), this.column(level, item), symbol);
  }

  /**
   * A √ where items are rows: the row of `item` (within the block of `subject`, 附3 shape; or the only
   * one, 附1 shape), the tier column `level`.
   */
  markItem(item: string, level: string, subject?: string, symbol = '√'): this {
    return this.set(this.row(subject, item), this.column(level), symbol);
  }

  /** Several marks on a matrix: subject → one level per item group, in the order of `items` ('' leaves it blank). */
  marks(bySubject: Record<string, string[]>, items?: readonly string[]): this {
    for (const [subject, levels] of Object.entries(bySubject))
      levels.forEach((level, i) => level !== '' && this.mark(subject, level, items?.[i]));
    return this;
  }

  /** A number in the score column headed `header` on the row of `subject`. */
  score(subject: string, header: string, value: number | string): this {
    return this.set(this.row(subject), this.column(header), value);
  }

  /** A √ in the recommendation column (headed `label`) on the row of `subject`. */
  recommend(subject: string, label = '是否推荐'): this {
    return this.set(this.row(subject), this.find(label).c, '√');
  }

  /** Text written after the comment label ("意见或建议：…") in the label's own cell. */
  comment(label: string, text: string): this {
    const p = this.findStarting(label);
    return this.set(p.r, p.c, `${String(this.rows[p.r][p.c]).replace(/[:：]\s*$/, '')}：${text}`);
  }

  /** A signature or stamp line filled in (组长：张敏, 填表单位（盖章）：…): the cell starting with `prefix` holds `text`. */
  fillLine(prefix: string, text: string): this {
    const p = this.findStarting(prefix);
    return this.set(p.r, p.c, text);
  }

  /** Drift: rows inserted above everything (a 附件 line, a title), merges shifted down. */
  insertRowsAtTop(lines: Cell[][]): this {
    this.structural = true;
    this.rows = [...lines.map((l) => [...l]), ...this.rows];
    const n = lines.length;
    this.merges = this.merges.map((m) => ({ s: { r: m.s.r + n, c: m.s.c }, e: { r: m.e.r + n, c: m.e.c } }));
    return this;
  }

  /** Drift: blank columns inserted at the left, merges shifted right. */
  insertColumnsAtLeft(n = 1): this {
    this.structural = true;
    this.rows = this.rows.map((row) => [...new Array<Cell>(n).fill(null), ...row]);
    this.merges = this.merges.map((m) => ({ s: { r: m.s.r, c: m.s.c + n }, e: { r: m.e.r, c: m.e.c + n } }));
    return this;
  }

  /** Drift: every cell reading exactly `from` retyped as `to` (稱職 for 称职, "王　芳" for 王芳). */
  retype(from: string, to: string): this {
    let n = 0;
    this.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v === 'string' && v === from) {
          this.set(r, c, to);
          n++;
        }
      }),
    );
    if (n === 0) throw new Error(`nothing reads「${from}」in ${this.sheetName}`);
    return this;
  }

  /** Drift: the `_pingyi` metadata sheet lost (the form copied into a new workbook). */
  dropMeta(): this {
    if (!this.wb.SheetNames.includes(META_SHEET)) throw new Error('no metadata sheet to drop');
    this.wb.SheetNames = this.wb.SheetNames.filter((n) => n !== META_SHEET);
    delete this.wb.Sheets[META_SHEET];
    if (this.wb.Workbook?.Sheets) this.wb.Workbook.Sheets = this.wb.Workbook.Sheets.filter((s) => s.name !== META_SHEET);
    return this;
  }

  hasMeta(): boolean {
    return this.wb.SheetNames.includes(META_SHEET);
  }

  /** The workbook as bytes: cells written into the opened sheet, or the sheet rebuilt after structural drift. */
  toBytes(bookType: XLSX.BookType = 'xlsx'): Buffer {
    if (this.structural) {
      const ws = XLSX.utils.aoa_to_sheet(this.rows);
      if (this.merges.length > 0) ws['!merges'] = this.merges;
      this.wb.Sheets[this.sheetName] = ws;
    } else {
      const ws = this.wb.Sheets[this.sheetName];
      for (const key of this.written) {
        const [r, c] = key.split(',').map(Number);
        const v = this.rows[r][c];
        const addr = XLSX.utils.encode_cell({ r, c });
        if (v === null) delete ws[addr];
        else ws[addr] = typeof v === 'number' ? { t: 'n', v } : typeof v === 'boolean' ? { t: 'b', v } : { t: 's', v };
      }
      const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1');
      range.e.r = Math.max(range.e.r, this.rows.length - 1);
      range.e.c = Math.max(range.e.c, this.width - 1);
      ws['!ref'] = XLSX.utils.encode_range(range);
    }
    return XLSX.write(this.wb, { type: 'buffer', bookType }) as Buffer;
  }

  save(path: string, bookType: XLSX.BookType = 'xlsx'): string {
    fs.writeFileSync(path, this.toBytes(bookType));
    return path;
  }
}

/** A roster workbook written with SheetJS: a header row (姓名, 单位, 窗口岗位, 类型, flags ...) and the rows. */
export function writeRoster(path: string, header: string[], rows: Cell[][], title?: string): string {
  const aoa: Cell[][] = [...(title ? [[title]] : []), header, ...rows];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), '名册');
  fs.writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return path;
}

/** Reads a whole sheet as rows of values (for checking templates and result workbooks). */
export function sheetRows(bytes: Buffer, sheet?: string): { names: string[]; hidden: Record<string, number>; rows: Cell[][] } {
  const wb = XLSX.read(bytes, { type: 'buffer' });
  const name = sheet ?? wb.SheetNames[0];
  const hidden: Record<string, number> = {};
  (wb.Workbook?.Sheets ?? []).forEach((s) => (hidden[s.name ?? ''] = s.Hidden ?? 0));
  const rows = XLSX.utils.sheet_to_json<Cell[]>(wb.Sheets[name], { header: 1, defval: null, blankrows: true });
  return { names: wb.SheetNames, hidden, rows };
}

/**
 * The small 中层干部 campaign the round-trip and end-to-end tests share (preset p4-middle-managers): five
 * names and each ballot's 测评得分 in that order. The expected tiers are worked out by hand in each test.
 */
export const MIDDLE_MANAGERS = ['刘军', '谢东', '高峰', '马兰', '韩梅'];
export const MIDDLE_MANAGER_SCORES: Record<'干部1' | '干部2' | '员工1' | '员工2' | '员工3', number[]> = {
  干部1: [90, 60, 80, 82, 76],
  干部2: [86, 64, 70, 78, 74],
  员工1: [84, 66, 70, 80, 75],
  员工2: [80, 70, 72.5, 79, 75],
  员工3: [82, 68, 74, 81, 75],
};

/** Fills a middle-manager template with one ballot's scores. */
export const fillMiddleManagerScores = (ballot: keyof typeof MIDDLE_MANAGER_SCORES) => (t: FilledTemplate) =>
  MIDDLE_MANAGERS.forEach((n, i) => t.score(n, '测评得分', MIDDLE_MANAGER_SCORES[ballot][i]));
