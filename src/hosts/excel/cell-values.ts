/**
 * What Excel returns for a block of cells (Range.values, .formulas, .valueTypes, .numberFormat)
 * → the engine's CellValue, the same as the file host gives for the same workbook
 * (src/hosts/files/sheet-grid.ts):
 * - an empty cell → null; text → string; numbers and booleans as they are;
 * - a formula → { formula (without "="), value: its cached value } or { formula, error };
 * - an error value → { error: '#N/A' };
 * - a number in a date format → ISO text ("2024-03-15", "2024-03-15 08:30", "08:30").
 * A text cell that merely starts with "=" (entered with the quote prefix, which Range.formulas
 * drops: office-js#6687) has the same text in .values and .formulas and type String, which no
 * formula can have: it stays text.
 */
import { CellValue, Scalar } from '../../core/forms/grid';
import { dateText } from '../files/sheet-grid';

/** Whether a number format shows a date or time: d m y h s (or 年月日时分秒) outside quotes and brackets. */
export function isDateFormat(format: string): boolean {
  if (!format || format === 'General' || format === '@') return false;
  const section = format.split(';')[0];
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h+\]|m+\]|s+\])[^\]]*\]/gi, '')
    .replace(/[Ee][+-]\d*/g, '');
  return /[dmyhs]|[年月日时分秒]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** Excel's 1900 date system serial → Date (UTC). Serial 60 is Excel's fictitious 1900-02-29. */
export function serialToDate(serial: number): Date {
  const base = serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(base + Math.round(serial * 86400000));
}

function scalar(value: unknown, type: string, format: string): Scalar {
  switch (type) {
    case 'Empty':
      return null;
    case 'Boolean':
      return Boolean(value);
    case 'Integer':
    case 'Double':
      if (typeof value !== 'number' || !Number.isFinite(value)) return null;
      return isDateFormat(format) ? dateText(serialToDate(value)) : value;
    case 'String':
      return typeof value === 'string' ? (value === '' ? null : value) : String(value);
    default:
      // Unknown, RichValue (linked data types): what the cell shows, if anything.
      return value === '' || value === null || value === undefined ? null : String(value);
  }
}

export function toCellValue(value: unknown, formula: unknown, type: string, format: string): CellValue {
  const isFormula = typeof formula === 'string' && formula.startsWith('=') && !(type === 'String' && value === formula);
  if (type === 'Error') {
    const error = String(value);
    return isFormula ? { formula: (formula as string).slice(1), error } : { error };
  }
  const v = scalar(value, type, format);
  return isFormula ? { formula: (formula as string).slice(1), value: v } : v;
}
