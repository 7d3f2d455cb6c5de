/**
 * OLE2 / CFB containers (D0 CF 11 E0): an Excel 97-2003 workbook (a "Workbook" or "Book" stream),
 * a password-protected xlsx ("EncryptionInfo" + "EncryptedPackage", [MS-OFFCRYPTO] 2.3.4), or
 * something else (a Word .doc). For a workbook, the BIFF records are walked once, without parsing
 * cells: FILEPASS (the file is encrypted, [MS-XLS] 2.4.117), BOUNDSHEET (sheets) and the cell
 * records (how many cells the parser would create), so limits apply before the parser runs.
 */
import * as XLSX from '@e965/xlsx';
import { parserInput } from './parser-input';
import { u16 } from './zip-directory';

export const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function startsWithOle2Magic(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE2_MAGIC.every((b, i) => bytes[i] === b);
}

export type CfbKind = 'xls' | 'encrypted-ooxml' | 'word' | 'powerpoint' | 'other';

export interface CfbInfo {
  kind: CfbKind;
  /** Names of the streams and storages directly under the root. */
  names: string[];
  /** The BIFF workbook stream, for kind 'xls'. */
  workbook?: Uint8Array;
}

interface CfbEntry {
  name: string;
  type: number;
  content?: ArrayLike<number>;
}

interface CfbContainer {
  FullPaths: string[];
  FileIndex: CfbEntry[];
}

/** Null when the container cannot be read (truncated, damaged). Never throws. */
export function inspectCfb(bytes: Uint8Array): CfbInfo | null {
  let cfb: CfbContainer;
  try {
    const input = parserInput(bytes);
    cfb = XLSX.CFB.read(input.data, { type: input.type }) as CfbContainer;
  } catch {
    return null;
  }
  if (!cfb || !Array.isArray(cfb.FullPaths) || !Array.isArray(cfb.FileIndex)) return null;
  const names: string[] = [];
  let workbook: Uint8Array | undefined;
  cfb.FullPaths.forEach((path, i) => {
    const parts = path.split('/').filter((p) => p !== '');
    if (parts.length !== 2) return; // root-level entries only: "Root Entry/Workbook"
    const entry = cfb.FileIndex[i];
    names.push(entry.name);
    if (/^(Workbook|Book)$/i.test(entry.name) && entry.type === 2 && entry.content && !workbook) {
      workbook = entry.content instanceof Uint8Array ? entry.content : Uint8Array.from(entry.content);
    }
  });
  const has = (n: string) => names.some((x) => x.toLowerCase() === n.toLowerCase());
  let kind: CfbKind = 'other';
  if (workbook) kind = 'xls';
  else if (has('EncryptionInfo') || has('EncryptedPackage')) kind = 'encrypted-ooxml';
  else if (has('WordDocument')) kind = 'word';
  else if (has('PowerPoint Document')) kind = 'powerpoint';
  return { kind, names, workbook };
}

export interface BiffScan {
  ok: boolean;
  encrypted: boolean;
  sheets: number;
  cells: number;
}

/** Cell records the parser turns into one cell each (BIFF2 to BIFF8). BLANK/MULBLANK create none. */
const ONE_CELL = new Set([
  0x0203, // NUMBER
  0x027e, // RK
  0x00fd, // LABELSST
  0x0204, // LABEL
  0x00d6, // RSTRING
  0x0006, // FORMULA (BIFF5-8)
  0x0406, // FORMULA (BIFF4)
  0x0206, // FORMULA (BIFF3)
  0x0205, // BOOLERR
  0x0001, // BIFF2 BLANK is skipped by the parser too, but count it: it is cheap to be safe
  0x0002, // BIFF2 INTEGER
  0x0003, // BIFF2 NUMBER
  0x0004, // BIFF2 LABEL
  0x0005, // BIFF2 BOOLERR
]);
const MULRK = 0x00bd;
const BOUNDSHEET = 0x0085;
const FILEPASS = 0x002f;
const BOF = new Set([0x0809, 0x0409, 0x0209, 0x0009]);
const EOF = 0x000a;

/** Walks the records of a BIFF workbook stream; stops early once maxCells is passed. */
export function scanBiff(stream: Uint8Array, maxCells: number): BiffScan {
  const out: BiffScan = { ok: false, encrypted: false, sheets: 0, cells: 0 };
  if (stream.length < 4 || !BOF.has(u16(stream, 0))) return out;
  let at = 0;
  let inGlobals = true;
  while (at + 4 <= stream.length) {
    const type = u16(stream, at);
    const length = u16(stream, at + 2);
    if (inGlobals && type === FILEPASS) {
      out.encrypted = true;
      break;
    }
    if (type === EOF) inGlobals = false;
    else if (type === BOUNDSHEET) out.sheets++;
    else if (type === MULRK) out.cells += Math.max(0, Math.floor((length - 6) / 6));
    else if (ONE_CELL.has(type)) out.cells++;
    if (out.cells > maxCells) break;
    at += 4 + length;
  }
  out.ok = true;
  return out;
}
