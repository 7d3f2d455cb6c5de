/**
 * Which sheets the add-in created: its ownership mark, stored with the sheet itself.
 *
 * - ExcelApi 1.12 and later: a worksheet custom property `pingyi` holding the mark as JSON.
 * - Always (also below 1.12): a hidden sheet-scoped name `_pingyi_mark` whose formula is the same
 *   JSON as a text constant (="…"&"…", pieces of at most 255 characters, Excel's limit for a text
 *   constant in a formula). A workbook written by Microsoft 365 and reopened in Excel 2019 is still
 *   recognised.
 *
 * Why with the sheet and not in a list kept elsewhere: Worksheet.id is not stable across sessions
 * (it changes when the workbook is reopened: office-js-docs#297, office-js#1390), so a list of ids
 * cannot recognise the sheets next time; a list of names would take a user's sheet for the add-in's
 * when the user deletes the add-in's 排名表 and makes their own. A mark that lives in the sheet is
 * deleted with it and never appears on a sheet the user made.
 *
 * The mark records the name the add-in gave the sheet; a sheet counts as the add-in's only while it
 * still has that name. A copy the user makes ("排名表 (2)") carries the mark but not the name, and a
 * sheet the user renamed is left alone: in both cases the add-in treats the sheet as the user's,
 * which can cost a duplicate output but never a user's work.
 */
export const MARK_PROPERTY = 'pingyi';
export const MARK_NAME = '_pingyi_mark';

export interface SheetMark {
  v: 1;
  /** The SheetDescription kind (ranking, rectification, template ...). */
  kind: string;
  /** The name the add-in gave the sheet. */
  name: string;
  /** The name it wanted (differs when a user sheet held it: "排名表" written as "排名表(2)"). */
  wanted: string;
  /** The description's meta (template identification), if any. */
  meta?: Record<string, string>;
  /**
   * Templates: a fingerprint of the cells as the add-in entered them (blank-template.ts), so a
   * later insert can tell a form still blank from one the clerk filled in. Absent on marks written
   * before it existed.
   */
  blank?: string;
}

export function encodeMark(mark: SheetMark): string {
  return JSON.stringify(mark);
}

export function decodeMark(text: unknown): SheetMark | null {
  if (typeof text !== 'string' || text === '') return null;
  try {
    const m = JSON.parse(text) as Partial<SheetMark>;
    if (m && m.v === 1 && typeof m.kind === 'string' && typeof m.name === 'string' && typeof m.wanted === 'string') {
      const out: SheetMark = { v: 1, kind: m.kind, name: m.name, wanted: m.wanted };
      if (m.meta && typeof m.meta === 'object') out.meta = Object.fromEntries(Object.entries(m.meta).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
      if (typeof m.blank === 'string') out.blank = m.blank;
      return out;
    }
  } catch {
    // not our JSON: not our mark
  }
  return null;
}

/**
 * A text constant formula: ="…"&"…" with quotes doubled. Each piece stays within 255 characters
 * counting the doubled quotes (the stricter reading of Excel's limit on a text constant), and a
 * doubled quote is never split.
 */
export function textFormula(text: string): string {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of text) {
    const add = ch === '"' ? '""' : ch;
    if (piece.length + add.length > 255) {
      pieces.push(piece);
      piece = '';
    }
    piece += add;
  }
  pieces.push(piece);
  return `=${pieces.map((p) => `"${p}"`).join('&')}`;
}

/** The text of a formula written by textFormula (null for any other formula). */
export function textOfFormula(formula: unknown): string | null {
  if (typeof formula !== 'string') return null;
  const m = /^="((?:[^"]|"")*)"((?:&"(?:[^"]|"")*")*)$/.exec(formula.trim());
  if (!m) return null;
  const rest = [...m[2].matchAll(/&"((?:[^"]|"")*)"/g)].map((x) => x[1]);
  return [m[1], ...rest].map((p) => p.replace(/""/g, '"')).join('');
}

/** Reads queued for one sheet: load them, sync, then call `mark()` or `carried()`. */
export interface MarkRead {
  /** The mark, if the sheet still has the name the add-in gave it: the add-in's own sheet. */
  mark(currentName: string): SheetMark | null;
  /**
   * Any mark the sheet carries, whatever its name: a copy the clerk made of the add-in's sheet, or a
   * sheet left under its temporary name by an interrupted write. Not the add-in's to change, but it
   * tells what the sheet was made as (a template's form and group).
   */
  carried(): SheetMark | null;
}

export function queueMarkRead(ws: Excel.Worksheet, withProperties: boolean): MarkRead {
  const prop = withProperties ? ws.customProperties.getItemOrNullObject(MARK_PROPERTY) : null;
  prop?.load('value');
  const name = ws.names.getItemOrNullObject(MARK_NAME);
  name.load('formula');
  const candidates = () => [prop && !prop.isNullObject ? decodeMark(prop.value) : null, !name.isNullObject ? decodeMark(textOfFormula(name.formula)) : null];
  return {
    mark(currentName: string) {
      return candidates().find((m) => m !== null && m.name.toLowerCase() === currentName.toLowerCase()) ?? null;
    },
    carried() {
      return candidates().find((m) => m !== null) ?? null;
    },
  };
}

export function queueMarkWrite(ws: Excel.Worksheet, mark: SheetMark, withProperties: boolean): void {
  const json = encodeMark(mark);
  if (withProperties) ws.customProperties.add(MARK_PROPERTY, json);
  const item = ws.names.add(MARK_NAME, textFormula(json), '评议通生成的工作表标记，请勿删除');
  item.visible = false;
}
