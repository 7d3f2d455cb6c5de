/**
 * The small builder every describer uses: rows are appended top to bottom, merges keep their covered
 * cells blank, and column widths and the heights of wrapped rows are estimated from the content when
 * the sheet is finished. Also the few texts describers share (等次 of an undecided subject).
 */
import type { CampaignResult } from '../engine';
import { SubjectResult } from '../results/evaluate';
import {
  CellDescription,
  CellRange,
  DEFAULT_MARGINS,
  PrintSettings,
  STYLES,
  SheetDescription,
  SheetKind,
  SheetProtection,
  StyleName,
  Validation,
  cell,
  isWide,
} from './sheet-description';

/** Width bounds of one column, in characters. */
export interface WidthBounds {
  min?: number;
  max?: number;
}

const DEFAULT_MIN_WIDTH = 4;
const DEFAULT_MAX_WIDTH = 50;
/** Room left and right of the text, in characters. */
const WIDTH_PADDING = 2;
/** Points per line of wrapped text, per point of font size. */
const LINE_HEIGHT = 1.35;
/**
 * Width of one character in Excel's column unit (the default font's digit, 7 px), for 宋体 at 11 pt:
 * a Chinese character is 14.67 px (≈ 2.1 units) and a half-width one 7.33 px (≈ 1.05). A wide
 * character is counted 2.15 so that estimates err towards room: rows of wrapped text get a fixed
 * height (Excel does not autofit them), and a line more than estimated would be hidden on paper.
 */
const WIDE_UNITS = 2.15;
const NARROW_UNITS = 1.05;
/** Font size the unit widths above are for. */
const BASE_FONT_SIZE = 11;
/** Excel's largest column width. */
const MAX_COLUMN_WIDTH = 255;

export class SheetBuilder {
  readonly cells: CellDescription[][] = [];
  readonly merges: CellRange[] = [];
  readonly validations: Validation[] = [];
  readonly unlocked: CellRange[] = [];
  private readonly heights = new Map<number, number>();

  constructor(readonly width: number) {
    if (width < 1) throw new RangeError('表格至少要有一列');
  }

  get rowCount(): number {
    return this.cells.length;
  }

  /** Append a row; missing cells are blank with `padStyle` (no style: no border). Returns its index. */
  row(cells: CellDescription[], padStyle?: StyleName): number {
    if (cells.length > this.width) throw new RangeError(`一行最多 ${this.width} 个单元格`);
    const row = [...cells];
    while (row.length < this.width) row.push(padStyle ? { value: null, style: padStyle } : { value: null });
    this.cells.push(row);
    return this.cells.length - 1;
  }

  /** A row holding one text merged across every column (title, note, section heading). */
  band(value: string, style: StyleName, points?: number): number {
    const r = this.row([cell(value, style)], style);
    if (this.width > 1) this.merge(r, 0, r, this.width - 1);
    if (points !== undefined) this.height(r, points);
    return r;
  }

  blank(): number {
    return this.row([]);
  }

  put(r: number, c: number, value: CellDescription): void {
    this.cells[r][c] = value;
  }

  /** Merge a range: covered cells become blank and take the top-left cell's style (borders over the area). */
  merge(r1: number, c1: number, r2: number, c2: number): void {
    if (r1 === r2 && c1 === c2) return;
    const style = this.cells[r1][c1].style;
    for (let r = r1; r <= r2; r++)
      for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) this.cells[r][c] = style ? { value: null, style } : { value: null };
    this.merges.push({ r1, c1, r2, c2 });
  }

  height(r: number, points: number): void {
    this.heights.set(r, points);
  }

  validate(v: Validation): void {
    this.validations.push(v);
  }

  unlock(range: CellRange): void {
    this.unlocked.push(range);
  }

  /** Finish: widths from the content within `bounds`, heights of wrapped rows estimated. */
  build(spec: {
    name: string;
    kind: SheetKind;
    print: Omit<PrintSettings, 'paper' | 'margins' | 'fitToWidth' | 'horizontalCentered'> & Partial<PrintSettings>;
    bounds?: WidthBounds[];
    freeze?: { rows: number; cols: number };
    autoFilter?: CellRange;
    protect?: boolean;
    meta?: Record<string, string>;
  }): SheetDescription {
    const widths = this.columnWidths(spec.bounds ?? []);
    const rowHeights = this.rowHeights(widths);
    const protection: SheetProtection | undefined = spec.protect
      ? { password: null, unlocked: this.unlocked, allowFormatColumns: true, allowFormatRows: true }
      : undefined;
    const out: SheetDescription = {
      name: spec.name,
      kind: spec.kind,
      cells: this.cells,
      columns: widths.map((width) => ({ width })),
      rowHeights,
      merges: this.merges,
      validations: this.validations,
      print: { paper: 'A4', fitToWidth: true, margins: DEFAULT_MARGINS, horizontalCentered: true, ...spec.print },
    };
    if (spec.freeze) out.freeze = spec.freeze;
    if (spec.autoFilter) out.autoFilter = spec.autoFilter;
    if (protection) out.protection = protection;
    if (spec.meta) out.meta = spec.meta;
    return out;
  }

  private mergeAt(r: number, c: number): CellRange | undefined {
    return this.merges.find((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2);
  }

  private columnWidths(bounds: WidthBounds[]): number[] {
    const widths: number[] = [];
    for (let c = 0; c < this.width; c++) {
      let w = 0;
      for (let r = 0; r < this.cells.length; r++) {
        const m = this.mergeAt(r, c);
        if (m && m.c1 !== m.c2) continue; // text over several columns does not size one of them (see widenUnderMergedText)
        w = Math.max(w, textWidth(this.cells[r][c]));
      }
      const min = bounds[c]?.min ?? DEFAULT_MIN_WIDTH;
      const max = bounds[c]?.max ?? DEFAULT_MAX_WIDTH;
      widths.push(Math.min(max, Math.max(min, Math.ceil(w + WIDTH_PADDING))));
    }
    this.widenUnderMergedText(widths);
    return widths;
  }

  /**
   * A title or heading merged over several columns does not wrap: where the columns under it are
   * together narrower than the text (at its font size), Excel and LibreOffice cut it at both ends
   * (「长于中层干部述职考核结果的公」 over a table of three columns). Those columns are widened in
   * proportion, past their bounds if need be: the title must print whole. Wrapping text (notes,
   * headers) wraps instead.
   */
  private widenUnderMergedText(widths: number[]): void {
    for (const m of this.merges) {
      if (m.r1 !== m.r2 || m.c1 === m.c2) continue;
      const d = this.cells[m.r1][m.c1];
      if (d.value === null || !d.style || STYLES[d.style].wrap) continue;
      const need = textWidth(d) + WIDTH_PADDING;
      const have = widths.slice(m.c1, m.c2 + 1).reduce((a, b) => a + b, 0);
      if (need <= have) continue;
      for (let c = m.c1; c <= m.c2; c++) widths[c] = Math.min(MAX_COLUMN_WIDTH, Math.ceil((widths[c] * need) / have));
    }
  }

  private rowHeights(widths: number[]): { row: number; points: number }[] {
    const out: { row: number; points: number }[] = [];
    for (let r = 0; r < this.cells.length; r++) {
      const set = this.heights.get(r);
      let lines = 1;
      let fontSize = 11;
      for (let c = 0; c < this.width; c++) {
        const d = this.cells[r][c];
        if (d.value === null || !d.style) continue;
        const style = STYLES[d.style];
        fontSize = Math.max(fontSize, style.fontSize);
        const m = this.mergeAt(r, c);
        if (m && m.r1 !== m.r2) continue; // a block over several rows is sized by them
        const span = m ? widths.slice(m.c1, m.c2 + 1).reduce((a, b) => a + b, 0) : widths[c];
        const text = d.text ?? String(d.value);
        const n = style.wrap ? wrappedLines(text, (span * BASE_FONT_SIZE) / style.fontSize) : text.split('\n').length;
        lines = Math.max(lines, n);
      }
      const estimated = lines > 1 ? Math.min(409, Math.ceil(lines * fontSize * LINE_HEIGHT + 4)) : undefined;
      const points = set !== undefined && estimated !== undefined ? Math.max(set, estimated) : set ?? estimated;
      if (points !== undefined) out.push({ row: r, points });
    }
    return out;
  }
}

/**
 * The width a cell's longest line takes, in Excel's column unit, at the cell's font size and weight
 * (bold about a tenth wider).
 */
function textWidth(d: CellDescription): number {
  if (d.value === null) return 0;
  const text = d.text ?? String(d.value);
  const style = d.style ? STYLES[d.style] : undefined;
  const w = Math.max(...text.split('\n').map(lineUnits)) * ((style?.fontSize ?? BASE_FONT_SIZE) / BASE_FONT_SIZE);
  return style?.bold ? w * 1.1 : w;
}

/** The width of one line of text at 11 pt, in Excel's column unit. */
export function lineUnits(line: string): number {
  let w = 0;
  for (const ch of line) w += isWide(ch.codePointAt(0)!) ? WIDE_UNITS : NARROW_UNITS;
  return w;
}

/** Characters that may not begin a line (they stay with the one before): closing punctuation. */
const NO_LINE_START = new Set('，。、；：？！）」』》〉】〕’”…—%,.;:?!)]}');
/** Characters that may not end a line (they go with the one after): opening punctuation. */
const NO_LINE_END = new Set('（「『《〈【〔‘“([{');

/**
 * The pieces a line may break between, as Excel and LibreOffice wrap Chinese text: each Chinese
 * character on its own, a run of half-width letters and digits whole (72.54, 2026-12-31), closing
 * punctuation kept with what precedes it and opening punctuation with what follows.
 */
function breakPieces(line: string): number[] {
  const pieces: number[] = [];
  let carry = 0; // opening punctuation waiting for the next piece
  let inWord = false;
  for (const ch of line) {
    const w = lineUnits(ch);
    if (NO_LINE_START.has(ch) && pieces.length > 0 && carry === 0) {
      pieces[pieces.length - 1] += w;
      continue;
    }
    if (NO_LINE_END.has(ch)) {
      carry += w;
      inWord = false;
      continue;
    }
    const narrowWord = !isWide(ch.codePointAt(0)!) && ch !== ' ';
    if (narrowWord && inWord && carry === 0) pieces[pieces.length - 1] += w;
    else pieces.push(carry + w);
    carry = 0;
    inWord = narrowWord;
  }
  if (carry > 0) pieces.push(carry);
  return pieces;
}

/**
 * Lines a wrapped cell of `width` units takes: its lines filled greedily piece by piece, as the
 * spreadsheet does (a line ends where the next piece would not fit, so a line is rarely full). The
 * usable width leaves a unit for the cell's inner margins.
 */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  let lines = 0;
  for (const line of text.split('\n')) {
    let n = 1;
    let used = 0;
    for (const piece of breakPieces(line)) {
      if (used > 0 && used + piece > usable) {
        n++;
        used = 0;
      }
      used += piece;
      // A piece longer than a line (a long number) is cut where each line ends.
      while (used > usable) {
        n++;
        used -= usable;
      }
    }
    lines += n;
  }
  return lines;
}

/** 等次 as shown: the tier, 不定等次 (no tier by rule, e.g. 预备党员), or 待定 (the committee decides). */
export function tierText(r: SubjectResult): string {
  if (r.tier !== null) return r.tier;
  return r.flags.includes('不定等次') ? '不定等次' : '待定';
}

/**
 * 推荐票 (是否推荐, seed 004 附表2) as 「8/10」: the subject's recommendations over the ballots whose recommendations
 * counted (a ballot recommending more than allowed counts in neither). null when no form of the scheme recommends;
 * 「—」 for a subject of a kind the recommending form does not list (the branch on 附表2).
 */
export function recommendationText(result: Pick<CampaignResult, 'scheme' | 'roster'>, r: SubjectResult): string | null {
  const forms = result.scheme.forms.filter((f) => f.recommendation);
  if (forms.length === 0) return null;
  const kind = result.roster.subjects[r.index]?.kind ?? 'person';
  if (r.recommendations === null || !forms.some((f) => (f.subjectKind ?? result.scheme.subjectKind) === kind)) return '—';
  return `${r.recommendations.votes}/${r.recommendations.ballots}`;
}

export const RECOMMENDATION_NOTE = '注：推荐票「8/10」指推荐有效的 10 张票中有 8 张推荐本人；推荐人数超过名额的票，其推荐无效，不计入。';

/** Subjects waiting for a tier (not those that receive none by rule). */
export function isPending(r: SubjectResult): boolean {
  return r.tier === null && !r.flags.includes('不定等次');
}

/** A header row of the given labels; returns its index. */
export function headerRow(b: SheetBuilder, labels: string[]): number {
  return b.row(labels.map((l) => cell(l, 'header')), 'header');
}
