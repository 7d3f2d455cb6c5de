/**
 * Text tables (.csv, and the tab-separated "Unicode text" Excel also saves): the encoding is found
 * from the bytes, then the text is split by a small RFC 4180 reader written here rather than the
 * workbook library's, so that nothing is guessed: no text is turned into a date, "TRUE" stays text,
 * an 18-digit 身份证号 or a 007 stays as written, and the cell limit applies while reading.
 *
 * Encodings: a UTF-8, UTF-16LE or UTF-16BE byte-order mark decides; otherwise UTF-8 if the bytes are
 * valid UTF-8, else GB18030 (a superset of GBK and GB2312: what Chinese Excel and WPS write for
 * "CSV (逗号分隔)" by default).
 */
import { CellValue } from '../../core/forms/grid';
import { ERROR_TEXT } from './sheet-grid';

const ERRORS = new Set(Object.values(ERROR_TEXT));

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

function decoder(label: string, fatal = false): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return null;
  }
}

/** The text of the bytes, or null when no decoder for GB18030 exists in this runtime. */
export function decodeText(bytes: Uint8Array): DecodedText | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const d = decoder('utf-16le');
    if (d) return { text: d.decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const d = decoder('utf-16be');
    if (d) return { text: d.decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: the Chinese legacy encoding
  }
  const gb = decoder('gb18030') ?? decoder('gbk');
  return gb ? { text: gb.decode(bytes), encoding: 'gb18030' } : null;
}

/**
 * Whether the bytes read as text (judged on the first 64 KB): no NUL bytes, and almost no control
 * characters or undecodable sequences. A JPEG or random bytes fail; a CSV in any of the encodings
 * above passes.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const head = bytes.subarray(0, 65536);
  if (!utf16 && head.includes(0)) return false;
  const decoded = decodeText(head);
  if (!decoded) return false;
  const text = decoded.text;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd) bad++;
  }
  // The 64 KB cut can split one multi-byte character at the end.
  return bad <= 1 + text.length / 1000;
}

export class CsvCellLimit extends Error {}

/** The field separator: "sep=;" on the first line (Excel's hint), else the most frequent of , \t ; on it. */
function separatorOf(text: string): { sep: string; skip: number } {
  const hint = /^sep=(.)\r?\n/.exec(text);
  if (hint) return { sep: hint[1], skip: hint[0].length };
  let line = '';
  let quoted = false;
  for (let i = 0; i < text.length && i < 65536; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (line.trim() !== '') break;
      line = '';
      continue;
    }
    if (!quoted) line += ch;
  }
  const counts = [',', '\t', ';'].map((s) => ({ s, n: line.split(s).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return { sep: counts[0].n > 0 ? counts[0].s : ',', skip: 0 };
}

/**
 * A field as a cell: empty → null; an error text such as #N/A → { error } (as Excel reads it); a
 * number written the way JavaScript writes it → number; anything else stays text.
 */
function cellOf(field: string): CellValue {
  if (field === '') return null;
  if (ERRORS.has(field)) return { error: field };
  const formulaText = /^="(.*)"$/s.exec(field); // ="007", the usual way exports keep leading zeros
  if (formulaText) return formulaText[1];
  if (/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(field)) {
    const n = Number(field);
    if (Number.isFinite(n) && String(n) === field) return n;
  }
  return field;
}

/** Rows of cells; stops with CsvCellLimit once more than maxCells fields have been read. */
export function parseCsv(text: string, maxCells: number): CellValue[][] {
  const { sep, skip } = separatorOf(text);
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let cells = 0;
  let i = skip;
  const n = text.length;
  const push = (field: string) => {
    if (++cells > maxCells) throw new CsvCellLimit();
    row.push(cellOf(field));
  };
  while (i < n) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          field += text.slice(i); // unterminated quote: keep the rest as written
          i = n;
          break;
        }
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // Anything between the closing quote and the separator is kept (lenient, as Excel is).
      while (i < n && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
    } else {
      const start = i;
      while (i < n && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r') i++;
      field = text.slice(start, i);
    }
    push(field);
    if (i >= n) break;
    if (text[i] === sep) {
      i++;
      if (i >= n) push('');
      continue;
    }
    // end of line
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    i++;
    rows.push(row);
    row = [];
  }
  if (row.length > 0) rows.push(row);
  // Trailing empty cells and rows carry nothing.
  for (const r of rows) while (r.length > 0 && r[r.length - 1] === null) r.pop();
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}
