/**
 * What a host hands the engine: plain grids of cell values plus merged ranges, with no file or
 * Office library behind them (STYLE.md: hosts translate, the engine decides).
 */
export type Scalar = string | number | boolean | null;

/** A formula cell (with its cached value) or an error value such as #N/A. */
export interface SpecialCell {
  formula?: string;
  error?: string;
  value?: Scalar;
}

export type CellValue = Scalar | SpecialCell;

/** 0-based, inclusive. */
export interface MergeRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface SheetGrid {
  name: string;
  rows: CellValue[][];
  merges: MergeRange[];
  /** This sheet's own template metadata, when a host found it (overrides the submission's). */
  meta?: Submission['meta'];
  /** Hidden in its workbook (right-click › 隐藏): what the clerk does not see is not counted unseen. */
  hidden?: boolean;
  /**
   * Rows and columns hidden in the sheet (0-based, ascending; also rows a filter hides), when the host can
   * tell. They are read like the others, as the cells say; the ballot reader names them (HIDDEN_ROWS).
   */
  hiddenRows?: number[];
  hiddenColumns?: number[];
  /** Shapes, text boxes and pictures placed over the sheet, when the host can tell (DRAWINGS_NOT_COUNTED). */
  drawings?: Drawing[];
  /**
   * The project's own metadata found with this sheet (the Excel host: the sheet's mark), as written;
   * `withTemplateMeta` turns it into `meta` for the scheme in use when the result is computed.
   */
  templateMeta?: Record<string, string>;
}

/** A shape, text box or picture on a sheet: where its top-left corner is anchored (0-based; null when not on a cell) and the text it holds. */
export interface Drawing {
  row: number | null;
  col: number | null;
  kind: 'picture' | 'shape';
  text: string;
}

/** One returned file (or one sheet of the open workbook) with what its host already knows. */
export interface Submission {
  file: string;
  sheets: SheetGrid[];
  /**
   * Set by a host when the file's name says it is a copy or a correction sent again (附表2(1).xlsx, 票03（更正）.xlsx)
   * of another file of the batch, with other bytes (content-hash.ts findResentCopies): that file's name. The
   * engine counts a ballot identical to the original's once and reports the pair (ballots/repeated-ballots.ts).
   */
  resentOf?: string;
  /**
   * Set by a host that recognised the project's own metadata: a template's form, group and round, or
   * `output`, the kind of a sheet this project wrote as a result (排名表 …), which is no ballot.
   */
  meta?: {
    formId?: string;
    groupId?: string;
    roundId?: string;
    /** The unit of a template written per unit (FormDef.perUnit), as the roster wrote it then. */
    unit?: string;
    output?: string;
    /** A template of another scheme: what it is, as the clerk knows it (方案「民主评议党员…」中「…评议表」), or '' when that scheme is unknown here. */
    otherScheme?: string;
  };
  /**
   * Set by the task pane for a sheet of the workbook it runs in (本工作簿), each its own submission: the
   * clerk gathered these sheets there, so they are not one rater's file (what joins a file's sheets
   * cannot be applied). `insertedTemplate`: the add-in itself inserted the sheet as a blank form.
   */
  workbookSheet?: { insertedTemplate: boolean };
}

export function isSpecial(v: CellValue): v is SpecialCell {
  return typeof v === 'object' && v !== null;
}

/** The value a cell shows: the cached value of a formula, null for an error. */
export function shownValue(v: CellValue | undefined): Scalar {
  if (v === undefined) return null;
  if (isSpecial(v)) return v.error ? null : v.value ?? null;
  return v;
}

export function isBlank(v: CellValue | undefined): boolean {
  if (v === undefined || v === null) return true;
  if (isSpecial(v)) return false;
  return typeof v === 'string' && v.trim().replace(/[\u3000\u00a0]/g, '') === '';
}
