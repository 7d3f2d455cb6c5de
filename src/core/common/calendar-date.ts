/**
 * Calendar dates in the sheets: the 整改清单's 整改时限 and 完成时间 are written as real dates (Excel date
 * serials with a Chinese date format, so they sort, filter and count as dates in Excel and WPS) and read
 * back however staff typed them — 2027-1-8, 2027/01/08, 2027年1月8日, 2027.1.8, or a date serial (a cell
 * whose date format was lost). What cannot be read as a date is kept as typed and said (never dropped).
 */

/** Excel's number format for a date shown the Chinese way: 2026年12月31日. */
export const CHINESE_DATE_FORMAT = 'yyyy"年"m"月"d"日"';

/** Days from Excel's day 0 (1899-12-30, the 1900 date system as Excel counts from March 1900 on) to 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;
const DAY_MS = 86400000;

/** The years a date of a campaign's paperwork may fall in: a number outside is not taken for a date serial. */
const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;

/** Whether y-m-d is a day of the calendar (2026-02-30 is not). */
export function isCalendarDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** The Excel date serial (1900 system) of a YYYY-MM-DD date. */
export function excelSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS + EXCEL_EPOCH_OFFSET;
}

/** 2026-12-31 → 2026年12月31日. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell's value as a date (YYYY-MM-DD), or null when it is none: text in the forms clerks type
 * (2027-1-8, 2027/01/08, 2027.1.8, 2027年1月8日 — full-width digits too; a time after it, as a date cell read
 * back may carry, is set aside) or a whole date serial between 1990 and 2100.
 */
export function readCalendarDate(value: string | number): string | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    const day = Math.floor(value);
    const iso = new Date((day - EXCEL_EPOCH_OFFSET) * DAY_MS).toISOString().slice(0, 10);
    const y = Number(iso.slice(0, 4));
    return y >= FIRST_YEAR && y <= LAST_YEAR ? iso : null;
  }
  const text = value.trim().replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  const m = /^(\d{4})\s*(?:[-/.．]\s*(\d{1,2})\s*[-/.．]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2] ?? m[4]);
  const d = Number(m[3] ?? m[5]);
  if (y < FIRST_YEAR || y > LAST_YEAR || !isCalendarDay(y, mo, d)) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}
