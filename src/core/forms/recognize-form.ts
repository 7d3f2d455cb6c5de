/**
 * Form recognition: find a form's header, tier columns, item groups and name column by their labels,
 * never by fixed addresses, so that drifted copies still read (DOMAIN.md, "Form layouts"): extra title
 * rows and notes, headers merged over their tier columns or split across two rows, spacing, width,
 * traditional characters and the seed's "基本满意意".
 */
import { cellAddress } from '../common/cell';
import { FormDef, Scale, Scheme } from '../scheme/scheme-schema';
import { normalizeLabel } from '../text/normalize';
import { CellValue, MergeRange, SheetGrid, shownValue } from './grid';

/** How far down a header may start (title rows, 填表说明 and the like above it). */
const HEADER_SEARCH_ROWS = 100;
/** How many rows above the tier row an item header or name header may sit. */
export const HEADER_DEPTH = 3;

/** A sheet seen through its merges: every cell of a merged area shows the area's top-left value. */
export class SheetView {
  readonly rowCount: number;
  /** The widest row's length, worked out when first asked (see colCount). */
  private width = -1;
  private firstFilled = -1;
  /** Merges by row; null on the many sheets without any (no Map per sheet). */
  private readonly mergeAt: Map<number, MergeRange[]> | null = null;
  /** Normalised labels by row, filled lazily (a sparse row array, so huge sheets cost only what is read). */
  private labelCache: (string | undefined)[][] | null = null;

  /**
   * `addressOf` names a cell as the clerk sees it, for a view whose rows are not the sheet's own (see
   * stackColumnBlocks); by default (r, c) is the sheet's own cell.
   */
  constructor(
    readonly sheet: SheetGrid,
    private readonly addressOf: ((r: number, c: number) => string) | null = null,
  ) {
    this.rowCount = sheet.rows.length;
    if (sheet.merges.length === 0) return;
    const mergeAt = new Map<number, MergeRange[]>();
    for (const m of sheet.merges) {
      if (m.r1 > m.r2 || m.c1 > m.c2 || m.r1 < 0 || m.c1 < 0) continue;
      const last = Math.min(m.r2, this.rowCount - 1);
      for (let r = m.r1; r <= last; r++) {
        const list = mergeAt.get(r);
        if (list) list.push(m);
        else mergeAt.set(r, [m]);
      }
    }
    if (mergeAt.size > 0) this.mergeAt = mergeAt; // kept only when some merge covers a row
  }

  /**
   * The widest row's length. Lazy: it takes a pass over every row, and a sheet recognised from the
   * layout cache is read row by row within each row's own length, so it never asks.
   */
  get colCount(): number {
    if (this.width < 0) {
      let cols = 0;
      const rows = this.sheet.rows;
      for (let r = 0; r < rows.length; r++) if (rows[r].length > cols) cols = rows[r].length; // indexed: no iterator per sheet
      this.width = cols;
    }
    return this.width;
  }

  /**
   * The first row with anything in it: a header is looked for from there. Rows above a second table read on its
   * own (two tables stacked in one sheet, read-ballots.ts) are left empty, so its rows keep the sheet's numbers.
   */
  get top(): number {
    if (this.firstFilled < 0) {
      const rows = this.sheet.rows;
      let r = 0;
      while (r < rows.length && (rows[r]?.length ?? 0) === 0) r++;
      this.firstFilled = r;
    }
    return this.firstFilled;
  }

  /** The rows a header may be in: the first HEADER_SEARCH_ROWS from `top`. */
  get headerSearchEnd(): number {
    return Math.min(this.rowCount, this.top + HEADER_SEARCH_ROWS);
  }

  /** The A1 address of (r, c) in the sheet as the clerk sees it. */
  address(r: number, c: number): string {
    return this.addressOf === null ? cellAddress(r, c) : this.addressOf(r, c);
  }

  /** Whether any merge covers a row of this sheet; without, `value` is the raw cell. */
  get merged(): boolean {
    return this.mergeAt !== null;
  }

  /** The merge covering (r, c), if any. */
  merge(r: number, c: number): MergeRange | undefined {
    if (this.mergeAt === null) return undefined;
    const list = this.mergeAt.get(r);
    if (list === undefined) return undefined;
    for (let i = 0; i < list.length; i++) if (c >= list[i].c1 && c <= list[i].c2) return list[i];
    return undefined;
  }

  raw(r: number, c: number): CellValue | undefined {
    return this.sheet.rows[r]?.[c];
  }

  /** The cell's own value, or the top-left value of its merged area. */
  value(r: number, c: number): CellValue | undefined {
    const m = this.merge(r, c);
    return m ? this.raw(m.r1, m.c1) : this.raw(r, c);
  }

  label(r: number, c: number): string {
    const cache = (this.labelCache ??= []);
    let row = cache[r];
    if (row === undefined) row = cache[r] = [];
    let hit = row[c];
    if (hit === undefined) {
      const v = shownValue(this.value(r, c));
      hit = typeof v === 'string' ? normalizeLabel(v) : '';
      row[c] = hit;
    }
    return hit;
  }

  /** True for the first column of a merged area (or an unmerged cell), so one label counts once. */
  isAnchorColumn(r: number, c: number): boolean {
    const m = this.merge(r, c);
    return !m || m.c1 === c;
  }
}

export interface TierColumn {
  col: number;
  item: number;
  level: number;
}

export interface RecognisedForm {
  form: FormDef;
  scale: Scale | null;
  /** Row of the tier (or score) labels. */
  headerRow: number;
  firstDataRow: number;
  tierColumns: TierColumn[];
  /** Score columns by item, for numeric forms. */
  scoreColumns: { col: number; item: number }[];
  subjectCol: number | null;
  itemCol: number | null;
  recommendCol: number | null;
  /** The 否 column beside the recommendation's 是 column, when the form has both. */
  recommendNoCol?: number;
  /**
   * A sheet holding one item's table, the item named in its title (专项 per sheet): the others are not
   * missing from it, they are on the file's other sheets, and the sheets together make one ballot.
   */
  itemFromTitle?: number;
  /** Levels missing from an item group: a renamed or deleted tier column. */
  missingLevels: { item: number; level: number; near: string }[];
  /** Items whose header was not found. */
  missingItems: number[];
  /** How well the labels matched, to choose between forms. */
  score: number;
  /** The table laid out in blocks side by side (see findColumnBlocks); the columns above are the first block's. */
  columnBlocks: ColumnBlocks | null;
  /** The second name header of a table that looks laid out in blocks but whose blocks' headers differ. */
  blocksIrregularAt: string | null;
  /**
   * A one-item score form's other columns headed like a score (业绩得分 beside 测评得分): passed over,
   * said. When `scoreColumns` is empty, the several such columns none of which is the form's own.
   */
  otherScoreColumns?: { col: number; label: string }[];
}

/**
 * A table printed in blocks side by side to fit a long list on one page: 姓名 and its tier columns, then
 * 姓名 and the same tier columns again. Block k (from 0) is the columns from start + k × period, each
 * block `period` wide; the first block also has the columns left of start, the last one those right of it.
 */
export interface ColumnBlocks {
  count: number;
  period: number;
  start: number;
}

export function levelLabels(scale: Scale): string[][] {
  return scale.levels.map((l) => [l.label, ...(l.aliases ?? [])].map(normalizeLabel));
}

/** Header labels are equal after normalisation, or the cell contains the label (姓名 in 候选人姓名). */
export function labelContains(cell: string, label: string): boolean {
  if (cell === '' || label === '') return false;
  return cell === label || (label.length >= 2 && cell.includes(label));
}

/** A hint in brackets after a tier header (优秀(打√), 称职（√）, 不满意(含很不满意)); labels are NFKC, so half-width. */
const HEADER_HINT = /\([^()]*\)|【[^【】]*】|\[[^\[\]]*\]|〔[^〔〕]*〕/g;
/** An option letter or number before a tier header: A.优秀, B、称职, ①满意 (NFKC: 1满意). */
const OPTION_MARK = /^([A-Da-d]|[1-4])[.、:]?(?=[^\x00-\x7f])/;

/** 票 or 票数 after a tier header, as count sheets (计票汇总表) head their columns: 优秀票, 称职票数. */
const VOTES_SUFFIX = /票数?$/;

/** The level a tier header names, as printed or with a hint, option letter or 票 around it; -1 for none. */
function findLevel(labels: string[][], cell: string): number {
  if (cell === '') return -1;
  for (let i = 0; i < labels.length; i++) if (labels[i].includes(cell)) return i;
  const bare = cell.replace(HEADER_HINT, '').replace(OPTION_MARK, '').replace(VOTES_SUFFIX, '');
  if (bare === cell || bare === '') return -1;
  for (let i = 0; i < labels.length; i++) if (labels[i].includes(bare)) return i;
  return -1;
}

/** Try one form against one sheet; null when its header is not there at all. */
export function recogniseForm(view: SheetView, scheme: Scheme, form: FormDef): RecognisedForm | null {
  return form.response.kind === 'tier' ? recogniseTierForm(view, scheme, form) : recogniseScoreForm(view, form);
}

function recogniseTierForm(view: SheetView, scheme: Scheme, form: FormDef): RecognisedForm | null {
  const response = form.response;
  if (response.kind !== 'tier') return null;
  const scale = scheme.scales.find((s) => s.id === response.scale);
  if (!scale) return null;
  const labels = levelLabels(scale);
  const needed = Math.max(2, Math.ceil(labels.length / 2));

  // The tier row: the row with the most level labels.
  let best = { row: -1, cols: [] as { col: number; level: number }[] };
  const lastSearch = view.headerSearchEnd;
  for (let r = view.top; r < lastSearch; r++) {
    const cols: { col: number; level: number }[] = [];
    for (let c = 0; c < view.colCount; c++) {
      if (!view.isAnchorColumn(r, c)) continue;
      const level = findLevel(labels, view.label(r, c));
      if (level >= 0) cols.push({ col: c, level });
    }
    if (cols.length > best.cols.length) best = { row: r, cols };
  }
  if (best.row < 0 || best.cols.length < needed) return null;
  const headerRow = best.row;
  const items = form.itemLabels.map(normalizeLabel);
  const subjectLabels = form.subjectLabels.map(normalizeLabel);

  let levelMatches = best.cols.length;
  // Blocks side by side: read the first block's columns; the reader stacks the others under it.
  let columnBlocks: ColumnBlocks | null = null;
  let blocksIrregularAt: string | null = null;
  if (form.subjects === 'rows' && form.items === 'column-groups') {
    const levelSet = new Set(best.cols.map((t) => t.col));
    const subject = findHeader(view, headerRow, subjectLabels, levelSet);
    const recommend = form.recommendation ? findHeader(view, headerRow, [normalizeLabel(form.recommendation.label)], levelSet) : null;
    const found = subject ? findColumnBlocks(view, headerRow, best.cols, subject, subjectLabels, recommend, needed) : null;
    if (found && 'irregularAt' in found) blocksIrregularAt = found.irregularAt;
    else columnBlocks = found;
    if (columnBlocks) {
      // Scored by all its level columns, as other forms are that take them all for their own.
      levelMatches = best.cols.length;
      const end = columnBlocks.start + columnBlocks.period;
      best = { row: headerRow, cols: best.cols.filter((t) => t.col < end) };
    }
  }

  // Assign each tier column to an item.
  const tierColumns: TierColumn[] = [];
  const missingItems: number[] = [];
  let itemCol: number | null = null;
  let score = levelMatches;
  let itemFromTitle: number | undefined;
  if (form.items === 'rows' || items.length === 1) {
    for (const { col, level } of best.cols) tierColumns.push({ col, item: 0, level });
  } else {
    const found = new Set<number>();
    for (const t of itemsOverColumns(view, headerRow, best.cols, items)) {
      if (t.item >= 0) {
        tierColumns.push(t);
        found.add(t.item);
      }
    }
    // One item's table on its own sheet, the item named in its title (seed 003 篇二: 三个专项评分表):
    // one set of tier columns, no item above them, exactly one item named above the header.
    if (found.size === 0 && best.cols.length === labels.length) {
      const named = itemsInTitles(view, headerRow, items);
      if (named.length === 1) {
        itemFromTitle = named[0];
        for (const { col, level } of best.cols) tierColumns.push({ col, item: itemFromTitle, level });
        found.add(itemFromTitle);
      }
    }
    items.forEach((_, i) => found.has(i) || missingItems.push(i));
    score += found.size * 2;
  }

  // Levels missing from an item group (renamed or deleted columns).
  const missingLevels: RecognisedForm['missingLevels'] = [];
  const groupCount = form.items === 'rows' ? 1 : items.length;
  for (let item = 0; item < groupCount; item++) {
    if (missingItems.includes(item)) continue;
    const cols = tierColumns.filter((t) => t.item === item);
    const near = cols.length > 0 ? cellAddress(headerRow, cols[0].col) : cellAddress(headerRow, 0);
    for (let level = 0; level < labels.length; level++)
      if (!cols.some((t) => t.level === level)) missingLevels.push({ item, level, near });
  }
  const tierSet = new Set(tierColumns.map((t) => t.col));

  // The name column, in the header rows, not among the tier columns.
  let subjectCol: number | null = null;
  let lastHeaderRow = headerRow;
  if (form.subjects === 'rows') {
    const hit = findHeader(view, headerRow, subjectLabels, tierSet);
    if (hit) {
      subjectCol = hit.col;
      score += 2;
      lastHeaderRow = Math.max(lastHeaderRow, view.merge(hit.row, hit.col)?.r2 ?? hit.row);
    }
  }
  let recommendCol: number | null = null;
  let recommendNoCol: number | null = null;
  if (form.recommendation) {
    const hit = findHeader(view, headerRow, recommendationLabels(form.recommendation.label), tierSet);
    if (hit) {
      recommendCol = hit.col;
      score += 1;
      const m = view.merge(hit.row, hit.col);
      lastHeaderRow = Math.max(lastHeaderRow, m?.r2 ?? hit.row);
      // Merged over 是 | 否 (推荐 | 不推荐) columns: the 是 column holds the recommendations, and a √ under
      // 否 is an answer, not a mark outside the form.
      if (m && m.c2 > m.c1)
        for (let r = m.r2 + 1; r <= headerRow; r++)
          for (let c = m.c1; c <= m.c2; c++) {
            const label = view.label(r, c);
            if (RECOMMEND_YES.includes(label)) recommendCol = c;
            else if (RECOMMEND_NO.includes(label)) recommendNoCol = c;
          }
    }
  }
  const firstDataRow = lastHeaderRow + 1;

  if (form.items === 'rows') {
    itemCol = findItemColumn(view, firstDataRow, items, tierSet);
    if (itemCol === null) items.forEach((_, i) => missingItems.push(i));
    else score += 2;
  }
  if (form.items === 'column-groups' && items.length === 1) {
    // Plain tier columns: more groups of levels than the form has items means another form.
    const repeats = best.cols.length / labels.length;
    if (repeats > 1.5) score -= best.cols.length;
  }
  return {
    form,
    scale,
    headerRow,
    firstDataRow,
    tierColumns,
    scoreColumns: [],
    subjectCol,
    itemCol,
    recommendCol,
    ...(recommendNoCol !== null ? { recommendNoCol } : {}),
    ...(itemFromTitle !== undefined ? { itemFromTitle } : {}),
    missingLevels,
    missingItems,
    score,
    columnBlocks,
    blocksIrregularAt,
  };
}

/**
 * Whether the header repeats, period columns further right, the name header and every tier header of
 * the first block (and its recommendation header), at least once, with every tier column of the header
 * row in one of the blocks. Only a header that repeats exactly is read as blocks. A second name header
 * with tier columns right of it that do not repeat the first block's is `irregularAt` (its address):
 * such a sheet cannot be read either way, when both sides have a table's worth of tier columns. Anything
 * else (a name header with no tier columns after it, such as 推荐人姓名; a damaged header) reads as one block.
 */
function findColumnBlocks(
  view: SheetView,
  headerRow: number,
  levelCols: { col: number; level: number }[],
  subject: { row: number; col: number },
  subjectLabels: string[],
  recommend: { row: number; col: number } | null,
  /** How many tier columns make a table (as for recognising one). */
  needed: number,
): ColumnBlocks | { irregularAt: string } | null {
  const isName = (c: number) => view.isAnchorColumn(subject.row, c) && subjectLabels.some((l) => labelContains(view.label(subject.row, c), l));
  const levelCol = new Set(levelCols.map((t) => t.col));
  let period = 0;
  for (let c = subject.col + 1; c < view.colCount && period === 0; c++) if (!levelCol.has(c) && isName(c)) period = c - subject.col;
  if (period === 0 || levelCols.some((t) => t.col < subject.col)) return null;
  const first = levelCols.filter((t) => t.col < subject.col + period);
  if (first.length === 0) return null;
  const headers = first.map((t) => ({ row: headerRow, col: t.col }));
  if (recommend && recommend.col > subject.col && recommend.col < subject.col + period) headers.push(recommend);
  const repeated = (shift: number) =>
    isName(subject.col + shift) && headers.every(({ row, col }) => view.isAnchorColumn(row, col + shift) && view.label(row, col + shift) === view.label(row, col));
  let count = 1;
  while (repeated(count * period)) count++;
  const inBlocks = new Set<number>();
  for (let k = 0; k < count; k++) for (const t of first) inBlocks.add(t.col + k * period);
  if (count < 2 || levelCols.some((t) => !inBlocks.has(t.col))) {
    // Two tables side by side only when each side has a table's worth of tier columns; else a damaged header.
    const right = levelCols.filter((t) => t.col > subject.col + period).length;
    return first.length >= needed && right >= needed ? { irregularAt: cellAddress(subject.row, subject.col + period) } : null;
  }
  const lastHeader = Math.max(...headers.map((h) => h.col));
  return { count, period, start: Math.max(0, lastHeader - period + 1) };
}

/**
 * A sheet whose table is in blocks side by side (RecognisedForm.columnBlocks) seen as one table: the
 * header rows as they are, then each block's data rows in turn, shifted into the first block's columns,
 * so they read in the order a person reads the page (the left block top to bottom, then the next).
 * Addresses map back to the sheet's own cells, so every finding names the cell the clerk sees.
 */
export function stackColumnBlocks(view: SheetView, rec: RecognisedForm): SheetView {
  const blocks = rec.columnBlocks;
  if (blocks === null) return view;
  const { rows, merges } = view.sheet;
  const top = Math.min(rec.firstDataRow, view.rowCount);
  const height = view.rowCount - top;
  const stacked: CellValue[][] = rows.slice(0, top);
  const stackedMerges: MergeRange[] = merges.filter((m) => m.r1 < top);
  for (let k = 0; k < blocks.count; k++) {
    const from = k === 0 ? 0 : blocks.start + k * blocks.period;
    const to = k === blocks.count - 1 ? Infinity : blocks.start + (k + 1) * blocks.period;
    const shift = k * blocks.period;
    for (let r = top; r < view.rowCount; r++) {
      const row = rows[r] ?? [];
      if (k === 0) stacked.push(row.slice(0, to));
      else {
        const piece: CellValue[] = new Array<CellValue>(blocks.start).fill(null);
        for (let c = from; c < Math.min(row.length, to); c++) piece.push(row[c]);
        stacked.push(piece);
      }
    }
    for (const m of merges) {
      if (m.r1 < top) continue;
      const c1 = Math.max(m.c1, from);
      const c2 = Math.min(m.c2, to - 1);
      if (c1 > c2) continue;
      const r2 = Math.min(m.r2, view.rowCount - 1);
      stackedMerges.push({ r1: m.r1 + k * height, c1: c1 - shift, r2: r2 + k * height, c2: c2 - shift });
    }
  }
  const addressOf = (r: number, c: number): string => {
    if (r < top || height === 0) return cellAddress(r, c);
    const k = Math.floor((r - top) / height);
    return cellAddress(top + ((r - top) % height), c + k * blocks.period);
  };
  return new SheetView({ ...view.sheet, rows: stacked, merges: stackedMerges }, addressOf);
}

/** Header words of a single-item score column (得分 ...), when the item's own label is not there. */
const SCORE_WORDS = ['得分', '分数', '打分', '评分', '分值', '总分', '成绩'];

/** Yes and no to a recommendation: the sub-headers of a 是否推荐 merged over two columns, or an answer written in its cell. */
export const RECOMMEND_YES = ['是', '推荐', '同意'];
export const RECOMMEND_NO = ['否', '不推荐', '不同意'];

/** A recommendation column's header as forms write it: 是否推荐, 推荐为优秀党员, 推荐意见（打√）, 同意推荐. */
function recommendationLabels(label: string): string[] {
  const core = normalizeLabel(label).replace(/^是否/, '');
  return [normalizeLabel(label), `${core}为`, `${core}意见`, `${core}与否`, `同意${core}`];
}

function recogniseScoreForm(view: SheetView, form: FormDef): RecognisedForm | null {
  const items = form.itemLabels.map(normalizeLabel);
  const scoreWords = SCORE_WORDS;
  const subjectLabels = form.subjectLabels.map(normalizeLabel);
  const lastSearch = view.headerSearchEnd;
  for (let r = view.top; r < lastSearch; r++) {
    let subjectCol: number | null = null;
    let scoreColumns: { col: number; item: number }[] = [];
    /** Columns headed like a score but not with an item's label (a one-item form only). */
    let loose: { col: number; label: string }[] = [];
    for (let c = 0; c < view.colCount; c++) {
      if (!view.isAnchorColumn(r, c)) continue;
      const cell = view.label(r, c);
      if (cell === '') continue;
      if (subjectCol === null && subjectLabels.some((l) => labelContains(cell, l))) {
        subjectCol = c;
        continue;
      }
      const item = items.findIndex((l) => labelContains(cell, l));
      if (item >= 0 && !scoreColumns.some((s) => s.item === item)) scoreColumns.push({ col: c, item });
      else if (item < 0 && items.length === 1 && scoreWords.some((w) => cell.includes(w))) loose.push({ col: c, label: cell });
    }
    // The form's own label wins wherever it stands (测评得分 after 业绩得分); failing it, the one column
    // headed like a score, or among several the one total (总得分 after 业绩得分（40分） 表现得分（30分） …).
    // Several and no single total: no column is guessed (readSheet reports them).
    if (scoreColumns.length === 0 && loose.length > 0) {
      const totals = loose.filter((l) => /总|合计/.test(l.label));
      const chosen = loose.length === 1 ? loose[0] : totals.length === 1 ? totals[0] : null;
      if (chosen) {
        scoreColumns = [{ col: chosen.col, item: 0 }];
        loose = loose.filter((l) => l !== chosen);
      }
    }
    if (subjectCol !== null && (scoreColumns.length > 0 || loose.length > 1)) {
      const missingItems = items.map((_, i) => i).filter((i) => !scoreColumns.some((s) => s.item === i));
      // Printed in blocks side by side (序号 姓名 测评得分 | 序号 姓名 测评得分), as tier forms may be.
      const blocks = scoreColumns.length > 0
        ? findColumnBlocks(view, r, scoreColumns.map((s) => ({ col: s.col, level: 0 })), { row: r, col: subjectCol }, subjectLabels, null, scoreColumns.length)
        : null;
      let lastHeaderRow = r;
      for (const c of [subjectCol, ...scoreColumns.map((s) => s.col)])
        lastHeaderRow = Math.max(lastHeaderRow, view.merge(r, c)?.r2 ?? r);
      return {
        form,
        scale: null,
        headerRow: r,
        firstDataRow: lastHeaderRow + 1,
        tierColumns: [],
        scoreColumns,
        subjectCol,
        itemCol: null,
        recommendCol: null,
        missingLevels: [],
        missingItems,
        score: 2 + Math.max(scoreColumns.length, 1) * 2,
        columnBlocks: blocks && !('irregularAt' in blocks) ? blocks : null,
        blocksIrregularAt: blocks && 'irregularAt' in blocks ? blocks.irregularAt : null,
        ...(loose.length > 0 ? { otherScoreColumns: loose } : {}),
      };
    }
  }
  return null;
}

/** The items named in the texts above the header row (titles, fields), each once. */
function itemsInTitles(view: SheetView, headerRow: number, items: string[]): number[] {
  const named = new Set<number>();
  for (let r = 0; r < headerRow; r++)
    for (let c = 0; c < (view.sheet.rows[r]?.length ?? 0); c++) {
      const cell = view.label(r, c);
      if (cell !== '') items.forEach((l, i) => labelContains(cell, l) && named.add(i));
    }
  return [...named];
}

/** The item label above a tier column: the nearest labelled cell in the rows just above, and its row. */
function itemAbove(view: SheetView, headerRow: number, col: number, items: string[]): { item: number; row: number } {
  for (let r = headerRow - 1; r >= Math.max(0, headerRow - HEADER_DEPTH); r--) {
    const cell = view.label(r, col);
    if (cell === '') continue;
    const i = items.findIndex((l) => labelContains(cell, l) || (cell.length >= 4 && l.includes(cell)));
    if (i >= 0) return { item: i, row: r };
  }
  return { item: -1, row: -1 };
}

/**
 * Each tier column's item (-1 when none). An item label is usually merged over its tier columns; typed
 * once over one of them instead (a CSV export, 取消合并, or typed by hand), it still names the columns
 * beside it that have nothing above them in its row, as long as the group stays one column per level
 * in the form's order (a column joins on the left of a later level, on the right of an earlier one):
 * otherwise three of its four columns would be lost and their √ read as outside the form.
 */
function itemsOverColumns(view: SheetView, headerRow: number, cols: { col: number; level: number }[], items: string[]): TierColumn[] {
  const sorted = [...cols].sort((a, b) => a.col - b.col);
  const found = sorted.map(({ col, level }) => ({ col, level, ...itemAbove(view, headerRow, col, items) }));
  const joins = (from: (typeof found)[number], to: (typeof found)[number]) =>
    from.item >= 0 &&
    (from.col < to.col ? from.level < to.level : from.level > to.level) &&
    to.item < 0 &&
    Math.abs(from.col - to.col) === 1 &&
    view.label(from.row, to.col) === '' &&
    !found.some((t) => t.item === from.item && t.level === to.level);
  for (let i = 1; i < found.length; i++) if (joins(found[i - 1], found[i])) found[i] = { ...found[i], item: found[i - 1].item, row: found[i - 1].row };
  for (let i = found.length - 2; i >= 0; i--) if (joins(found[i + 1], found[i])) found[i] = { ...found[i], item: found[i + 1].item, row: found[i + 1].row };
  return found.map(({ col, item, level }) => ({ col, item, level }));
}

function findHeader(
  view: SheetView,
  headerRow: number,
  labels: string[],
  exclude: Set<number>,
): { row: number; col: number } | null {
  for (let r = headerRow; r >= Math.max(0, headerRow - HEADER_DEPTH); r--) {
    for (let c = 0; c < view.colCount; c++) {
      if (exclude.has(c) || !view.isAnchorColumn(r, c)) continue;
      const cell = view.label(r, c);
      if (labels.some((l) => labelContains(cell, l))) return { row: r, col: c };
    }
  }
  return null;
}

/** The column below the header where most item labels stand. */
function findItemColumn(view: SheetView, firstDataRow: number, items: string[], exclude: Set<number>): number | null {
  const hits = new Map<number, number>();
  const last = Math.min(view.rowCount, firstDataRow + 400);
  for (let r = firstDataRow; r < last; r++) {
    for (let c = 0; c < view.colCount; c++) {
      if (exclude.has(c)) continue;
      const cell = view.label(r, c);
      if (cell !== '' && items.some((l) => labelContains(cell, l))) hits.set(c, (hits.get(c) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [c, n] of hits) if (n > bestCount) [best, bestCount] = [c, n];
  return best;
}

/** The best-matching form of the scheme for a sheet, if any. */
export function recogniseSheet(
  view: SheetView,
  scheme: Scheme,
  preferredFormId?: string,
): { best: RecognisedForm | null; runnerUp: RecognisedForm | null } {
  const candidates = scheme.forms
    .map((f) => recogniseForm(view, scheme, f))
    .filter((x): x is RecognisedForm => x !== null)
    .map((r) => (r.form.id === preferredFormId ? { ...r, score: r.score + 100 } : r))
    .sort((a, b) => b.score - a.score || a.missingLevels.length - b.missingLevels.length);
  return { best: candidates[0] ?? null, runnerUp: candidates[1] ?? null };
}

function sameParts(a: (number | string)[], b: (number | string)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Recognition once per distinct layout. Returned ballots are copies of a few templates, and recognition
 * depends only on the cells whose label could match one of the scheme's header words (levels, items,
 * name and recommendation headers, score words): every other cell reads as "no label" in every test
 * above. So the positions and labels of those cells, the merges and the preferred form make a key, and
 * sheets with the same key get the same result. A sheet that differs in any of them is recognised on
 * its own; the ballot number or rater group written in a header field does not make a difference.
 */
export class LayoutCache {
  private readonly words: string[];
  /** Raw cell text → its label when it could matter to recognition, '' otherwise. */
  private readonly relevant = new Map<string, string>();
  /** In front of that map: the text last met in each cell (copies of one template repeat cell by cell) and the last text of all (marks repeat). */
  private readonly cellText: (string | undefined)[][] = [];
  private readonly cellLabel: string[][] = [];
  private lastText: string | undefined;
  private lastLabel = '';
  private readonly layouts = new Map<string, ReturnType<typeof recogniseSheet>>();
  /** What decides a sheet's layout, flat: merges (count, then r1, c1, r2, c2 each), then row, column, label of each cell that matters. */
  private parts: (number | string)[] = [];
  /** The same for the last sheet, with its preferred form and result: consecutive sheets mostly share a layout. */
  private lastParts: (number | string)[] = [];
  private lastPreferred: string | undefined;
  private lastResult: ReturnType<typeof recogniseSheet> | null = null;
  /** Forms with items in rows look for the item column below the header: then every row can matter. */
  private readonly wholeSheet: boolean;

  constructor(private readonly scheme: Scheme) {
    const words = new Set<string>(SCORE_WORDS);
    for (const scale of scheme.scales) for (const l of levelLabels(scale)) for (const w of l) words.add(w);
    for (const f of scheme.forms) {
      for (const w of [...f.itemLabels, ...f.subjectLabels]) words.add(normalizeLabel(w));
      if (f.recommendation) for (const w of [...recommendationLabels(f.recommendation.label), ...RECOMMEND_YES, ...RECOMMEND_NO]) words.add(w);
    }
    words.delete('');
    this.words = [...words];
    this.wholeSheet = scheme.forms.some((f) => f.items === 'rows');
  }

  recognise(view: SheetView, preferredFormId?: string): ReturnType<typeof recogniseSheet> {
    const parts = this.collect(view);
    if (this.lastResult !== null && preferredFormId === this.lastPreferred && sameParts(parts, this.lastParts)) return this.lastResult;
    // Length-prefixed texts: no label can forge a separator.
    let key = `${(preferredFormId ?? '').length}:${preferredFormId ?? ''}`;
    for (const p of parts) key += typeof p === 'number' ? `,${p}` : `,${p.length}:${p}`;
    let hit = this.layouts.get(key);
    if (hit === undefined) {
      if (this.layouts.size >= 1000) this.layouts.clear(); // bounded: a batch of all-different sheets
      hit = recogniseSheet(view, this.scheme, preferredFormId);
      this.layouts.set(key, hit);
    }
    [this.parts, this.lastParts] = [this.lastParts, parts];
    this.lastPreferred = preferredFormId;
    this.lastResult = hit;
    return hit;
  }

  private collect(view: SheetView): (number | string)[] {
    const parts = this.parts;
    parts.length = 0;
    parts.push(view.sheet.merges.length);
    for (const m of view.sheet.merges) parts.push(m.r1, m.c1, m.r2, m.c2);
    const rows = view.sheet.rows;
    const last = this.wholeSheet ? view.rowCount : view.headerSearchEnd;
    for (let r = view.top; r < last; r++) {
      const row = rows[r];
      if (row === undefined) continue;
      // The texts met in this row on earlier sheets: most cells repeat them (names, labels, marks).
      const texts = this.cellText[r];
      const labels = this.cellLabel[r];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        let label: string;
        if (typeof v === 'string') label = texts !== undefined && texts[c] === v ? labels[c] : this.relevantAt(r, c, v);
        else if (v === null || typeof v !== 'object') continue; // empty, a number or a boolean: no label
        else {
          const text = shownValue(v);
          if (typeof text !== 'string') continue;
          label = this.relevantAt(r, c, text);
        }
        if (label !== '') parts.push(r, c, label);
      }
    }
    return parts;
  }

  private relevantAt(r: number, c: number, text: string): string {
    let texts = this.cellText[r];
    if (texts === undefined) {
      texts = this.cellText[r] = [];
      this.cellLabel[r] = [];
    }
    if (texts[c] === text) return this.cellLabel[r][c];
    if (text !== this.lastText) {
      this.lastText = text;
      this.lastLabel = this.relevantLabel(text);
    }
    if (r < 10_000 && c < 1_000) {
      texts[c] = text;
      this.cellLabel[r][c] = this.lastLabel;
    }
    return this.lastLabel;
  }

  /** A superset of what the tests of recognition can match: equal to, containing, or (4+ characters) inside a header word. */
  private relevantLabel(text: string): string {
    let hit = this.relevant.get(text);
    if (hit === undefined) {
      const label = normalizeLabel(text);
      const matters = label !== '' && this.words.some((w) => label === w || label.includes(w) || (label.length >= 4 && w.includes(label)));
      hit = matters ? label : '';
      if (this.relevant.size >= 50_000) this.relevant.clear();
      this.relevant.set(text, hit);
    }
    return hit;
  }
}
