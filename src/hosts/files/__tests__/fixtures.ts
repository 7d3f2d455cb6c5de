/**
 * Workbooks built at test time with SheetJS's writer (a different producer than the project's own
 * exceljs writer), plus the small byte-level patches SheetJS cannot write itself: formula records in
 * .xls, LibreOffice-style error cells in .ods, a sheet dimension of A1:XFD1048576, FILEPASS.
 */
import * as XLSX from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export type Aoa = unknown[][];

export interface SheetSpec {
  name: string;
  aoa: Aoa;
  /** 0-based inclusive. */
  merges?: { r1: number; c1: number; r2: number; c2: number }[];
}

export function book(...sheets: SheetSpec[]): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.aoa);
    if (s.merges) ws['!merges'] = s.merges.map((m) => ({ s: { r: m.r1, c: m.c1 }, e: { r: m.r2, c: m.c2 } }));
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  return wb;
}

export function write(wb: XLSX.WorkBook, bookType: 'xlsx' | 'biff8' | 'ods' | 'csv'): Uint8Array {
  if (bookType === 'csv') return strToU8(XLSX.utils.sheet_to_csv(wb.Sheets[wb.SheetNames[0]]));
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
}

/** Replaces text in one part of a zip (xlsx/ods) and zips it again. */
export function patchZipPart(bytes: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  files[part] = strToU8(edit(strFromU8(files[part])));
  return zipSync(files);
}

/** A LibreOffice-style error cell replacing a placeholder text cell in ODS content.xml. */
export function odsErrorCells(bytes: Uint8Array, placeholders: Record<string, { formula: string; error: string }>): Uint8Array {
  return patchZipPart(bytes, 'content.xml', (xml) => {
    let out = xml;
    for (const [text, e] of Object.entries(placeholders)) {
      const cell = `<table:table-cell office:value-type="string"><text:p>${text}</text:p></table:table-cell>`;
      if (!out.includes(cell)) throw new Error(`placeholder ${text} not found`);
      out = out.replace(
        cell,
        `<table:table-cell table:formula="${e.formula}" office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>${e.error}</text:p></table:table-cell>`,
      );
    }
    return out;
  });
}

// ---- .xls (BIFF8) patches -------------------------------------------------------------------

interface CfbEntry {
  content: Uint8Array | number[];
  size: number;
}

function records(stream: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  const dv = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  for (let at = 0; at + 4 <= stream.length; ) {
    const length = dv.getUint16(at + 2, true);
    out.push(stream.subarray(at, at + 4 + length));
    at += 4 + length;
  }
  return out;
}

function record(type: number, body: Uint8Array): Uint8Array {
  const r = new Uint8Array(4 + body.length);
  const dv = new DataView(r.buffer);
  dv.setUint16(0, type, true);
  dv.setUint16(2, body.length, true);
  r.set(body, 4);
  return r;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function editWorkbookStream(xls: Uint8Array, edit: (recs: Uint8Array[]) => Uint8Array[]): Uint8Array {
  const cfb = XLSX.CFB.read(xls, { type: 'array' });
  const entry = XLSX.CFB.find(cfb, 'Workbook') as CfbEntry;
  const stream = Uint8Array.from(entry.content);
  const patched = concat(edit(records(stream)));
  entry.content = patched;
  entry.size = patched.length;
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
}

export type CachedValue = { number: number } | { error: number };

/** ptgRef (reference class) to a relative cell, [MS-XLS] 2.5.198.84. */
export function ptgRef(row: number, col: number): number[] {
  return [0x24, row & 0xff, row >> 8, col & 0xff, ((col >> 8) & 0x3f) | 0xc0];
}
export const PTG_ADD = 0x03;
export const PTG_DIV = 0x06;
export function ptgInt(n: number): number[] {
  return [0x1e, n & 0xff, n >> 8];
}

/**
 * Turns the NUMBER record at (row, col) of the last sheet into a FORMULA record with the given
 * parsed formula (rgce) and cached value ([MS-XLS] 2.4.127). Only the last sheet, so no
 * BoundSheet offsets move.
 */
export function xlsWithFormula(xls: Uint8Array, cells: { row: number; col: number; rgce: number[]; cached: CachedValue }[]): Uint8Array {
  return editWorkbookStream(xls, (recs) => {
    let bofs = 0;
    let lastBof = 0;
    recs.forEach((r, i) => {
      if (r[0] === 0x09 && r[1] === 0x08) (bofs++, (lastBof = i));
    });
    if (bofs < 2) throw new Error('no sheet substream');
    return recs.map((r, i) => {
      if (i < lastBof) return r;
      const dv = new DataView(r.buffer, r.byteOffset, r.byteLength);
      const type = dv.getUint16(0, true);
      if (type !== 0x0203) return r;
      const row = dv.getUint16(4, true);
      const col = dv.getUint16(6, true);
      const spec = cells.find((c) => c.row === row && c.col === col);
      if (!spec) return r;
      const body = new Uint8Array(20 + 2 + spec.rgce.length);
      const b = new DataView(body.buffer);
      b.setUint16(0, row, true);
      b.setUint16(2, col, true);
      b.setUint16(4, dv.getUint16(8, true), true); // ixfe
      if ('number' in spec.cached) b.setFloat64(6, spec.cached.number, true);
      else body.set([0x02, 0, spec.cached.error, 0, 0, 0, 0xff, 0xff], 6);
      b.setUint16(20, spec.rgce.length, true);
      body.set(spec.rgce, 22);
      return record(0x0006, body);
    });
  });
}

/** Inserts an RC4 FILEPASS record after the workbook BOF: the file now says it is encrypted. */
export function xlsWithFilePass(xls: Uint8Array): Uint8Array {
  return editWorkbookStream(xls, (recs) => {
    const body = new Uint8Array(2 + 4 + 48);
    const b = new DataView(body.buffer);
    b.setUint16(0, 1, true); // wEncryptionType: RC4
    b.setUint16(2, 1, true); // vMajor
    b.setUint16(4, 1, true); // vMinor
    return [recs[0], record(0x002f, body), ...recs.slice(1)];
  });
}

/** A minimal OLE2 container of an encrypted xlsx: EncryptionInfo and EncryptedPackage streams. */
export function encryptedOoxml(): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  const info = new Uint8Array(64);
  info.set([4, 0, 4, 0, 0x40, 0, 0, 0]); // version 4.4 (agile), reserved 0x40
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', info);
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(4096).fill(0x5a));
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
}

/** An OLE2 container with one arbitrary stream (a WPS .et without a Workbook stream, a .doc ...). */
export function oleWith(streamName: string): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, `/${streamName}`, new Uint8Array(1024).fill(1));
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
}

/** Deterministic pseudo-random bytes (not starting with any magic number). */
export function noise(length: number, seed = 12345): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  out[0] = 0x13;
  return out;
}

/** The seed 004 附表2 (优秀党员民主评议推荐表) header: items merged over their four tier columns. */
export const ITEMS = ['参加创先争优活动情况', '立足岗位履行职责情况', '承诺践诺情况', '联系和服务群众情况'];
export const LEVELS = ['满意', '比较满意', '基本满意', '不满意'];

export function annex2(rows: { name: string; marks: number[]; recommend: boolean }[]): SheetSpec {
  const width = 2 + ITEMS.length * LEVELS.length + 1;
  const title: unknown[] = ['优秀党员民主评议推荐表'];
  const top: unknown[] = ['序号', '姓名'];
  for (const item of ITEMS) top.push(item, null, null, null);
  top.push('是否推荐为优秀党员');
  const second: unknown[] = [null, null];
  for (let i = 0; i < ITEMS.length; i++) second.push(...LEVELS);
  second.push(null);
  const aoa: Aoa = [title, ['所在支部名称：第一党支部', null, null, null, null, null, null, null, null, null, '评议时间：'], top, second];
  rows.forEach((r, i) => {
    const row: unknown[] = [i + 1, r.name];
    r.marks.forEach((m) => {
      const cells: unknown[] = [null, null, null, null];
      cells[m] = '√';
      row.push(...cells);
    });
    row.push(r.recommend ? '√' : null);
    aoa.push(row);
  });
  const merges = [
    { r1: 0, c1: 0, r2: 0, c2: width - 1 },
    { r1: 2, c1: 0, r2: 3, c2: 0 },
    { r1: 2, c1: 1, r2: 3, c2: 1 },
    ...ITEMS.map((_, i) => ({ r1: 2, c1: 2 + i * 4, r2: 2, c2: 5 + i * 4 })),
    { r1: 2, c1: width - 1, r2: 3, c2: width - 1 },
  ];
  return { name: '附表2', aoa, merges };
}
