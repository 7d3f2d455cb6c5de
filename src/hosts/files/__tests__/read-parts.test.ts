/**
 * The reader's parts on their own: SHA-256, the CSV reader, the grid budget, date text, the zip
 * directory and the ODS repeat counting.
 */
import type { CellObject } from '@e965/xlsx';
import { createHash } from 'crypto';
import { strToU8, zipSync } from 'fflate';
import { sha256, sha256Js } from '../content-hash';
import { CsvCellLimit, decodeText, looksLikeText, parseCsv } from '../csv-read';
import { CellBudgetExceeded, cellValue, dateText, sheetToGrid } from '../sheet-grid';
import { crc32, readZipDirectory } from '../zip-directory';
import { noise } from './fixtures';

describe('SHA-256', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Js(strToU8('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Js(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Js(strToU8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it.each([1, 55, 56, 57, 63, 64, 65, 119, 120, 1000, 100_003])('the plain and the Web Crypto versions agree (%i bytes)', async (n) => {
    const bytes = noise(n, n);
    const expected = createHash('sha256').update(bytes).digest('hex');
    expect(sha256Js(bytes)).toBe(expected);
    expect(await sha256(bytes)).toBe(expected);
  });

  it('hashes a view by its own bytes, not the whole underlying buffer', async () => {
    const big = noise(1000);
    const view = big.subarray(100, 200);
    expect(await sha256(view)).toBe(createHash('sha256').update(view).digest('hex'));
  });
});

describe('CSV reader', () => {
  it('quotes, doubled quotes, separators and line breaks inside quotes, CRLF/LF/CR', () => {
    expect(parseCsv('a,"b,c","d""e"\r\n"x\r\ny",2\n3\r4', 100)).toEqual([['a', 'b,c', 'd"e'], ['x\r\ny', 2], [3], [4]]);
  });

  it('keeps empty fields in the middle, drops trailing empty cells and rows', () => {
    expect(parseCsv('a,,c,,\n,,\n\n', 100)).toEqual([['a', null, 'c']]);
    expect(parseCsv('\n\nx\n', 100)).toEqual([[], [], ['x']]);
  });

  it('tab-separated, and the sep= hint', () => {
    expect(parseCsv('a\tb\tc,d\n1\t2', 100)).toEqual([['a', 'b', 'c,d'], [1, 2]]);
    expect(parseCsv('a\tb,c\n', 100)).toEqual([['a\tb', 'c']]); // a tie goes to the comma
    expect(parseCsv('sep=|\na|b\n', 100)).toEqual([['a', 'b']]);
  });

  it('numbers only when written the way a number is written', () => {
    expect(parseCsv('85,85.5,-2,0.5,.5,1.50,007,1e3,１２,Infinity,', 100)).toEqual([[85, 85.5, -2, 0.5, '.5', '1.50', '007', '1e3', '１２', 'Infinity']]);
  });

  it('stops at the cell limit', () => {
    expect(() => parseCsv('a,b,c\nd,e,f', 5)).toThrow(CsvCellLimit);
    expect(parseCsv('a,b,c\nd,e,f', 6)).toHaveLength(2);
  });

  it('an unterminated quote keeps the rest as written', () => {
    expect(parseCsv('a,"bc\nd', 100)).toEqual([['a', 'bc\nd']]);
  });

  it('decodes UTF-8 and falls back to GB18030 only when the bytes are not UTF-8', () => {
    expect(decodeText(strToU8('王毅'))).toEqual({ text: '王毅', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xcd, 0xf5, 0xd2, 0xe3]))).toEqual({ text: '王毅', encoding: 'gb18030' });
  });

  it('tells text from binary', () => {
    expect(looksLikeText(strToU8('姓名,单位\n王毅,机关\n'))).toBe(true);
    expect(looksLikeText(new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0x0a]))).toBe(true);
    expect(looksLikeText(noise(4000))).toBe(false);
    expect(looksLikeText(new Uint8Array([0x61, 0x00, 0x62]))).toBe(false);
  });
});

describe('sheet grids', () => {
  it('maps cell types: text, numbers, booleans, dates, formulas, errors', () => {
    expect(cellValue({ t: 's', v: '√' })).toBe('√');
    expect(cellValue({ t: 'n', v: 85 })).toBe(85);
    expect(cellValue({ t: 'b', v: true })).toBe(true);
    expect(cellValue({ t: 'd', v: new Date(Date.UTC(2024, 2, 15)) })).toBe('2024-03-15');
    expect(cellValue({ t: 'n', v: 3, f: 'SUM(A1:A2)' })).toEqual({ formula: 'SUM(A1:A2)', value: 3 });
    expect(cellValue({ t: 's', v: '√', f: 'IF(1,"√","")' })).toEqual({ formula: 'IF(1,"√","")', value: '√' });
    expect(cellValue({ t: 'e', v: 0x2a })).toEqual({ error: '#N/A' });
    expect(cellValue({ t: 'e', v: 0x17, f: 'A1' })).toEqual({ formula: 'A1', error: '#REF!' });
    for (const [code, text] of [
      [0x00, '#NULL!'],
      [0x07, '#DIV/0!'],
      [0x0f, '#VALUE!'],
      [0x1d, '#NAME?'],
      [0x24, '#NUM!'],
    ] as const) {
      expect(cellValue({ t: 'e', v: code })).toEqual({ error: text });
    }
    expect(cellValue({ t: 'z' })).toBeNull();
    expect(cellValue(undefined)).toBeNull();
  });

  it('dates and times as ISO text, rounded to the second', () => {
    expect(dateText(new Date(Date.UTC(2024, 2, 15, 11, 59, 59, 999)))).toBe('2024-03-15 12:00');
    expect(dateText(new Date(Date.UTC(2024, 2, 15, 8, 30, 15)))).toBe('2024-03-15 08:30:15');
    expect(dateText(new Date(Date.UTC(1899, 11, 30, 6, 0)))).toBe('06:00');
    expect(dateText(new Date(Date.UTC(1899, 11, 31, 6, 0)))).toBe('06:00');
  });

  it('clips to the cells present and trims trailing empties', () => {
    const data: CellObject[][] = [];
    data[0] = [{ t: 's', v: 'a' }, undefined as unknown as CellObject, { t: 's', v: '' }];
    data[3] = [];
    data[3][2] = { t: 'n', v: 1 };
    data[9] = [{ t: 's', v: '' }];
    const g = sheetToGrid('S', { '!data': data, '!ref': 'A1:XFD1048576' }, { left: 100 });
    expect(g.rows).toEqual([['a'], [], [], [null, null, 1]]);
  });

  it('throws CellBudgetExceeded past the budget, shared across sheets', () => {
    const data: CellObject[][] = [[{ t: 'n', v: 1 }, { t: 'n', v: 2 }], [{ t: 'n', v: 3 }]];
    const budget = { left: 4 };
    sheetToGrid('A', { '!data': data }, budget);
    expect(budget.left).toBe(1);
    expect(() => sheetToGrid('B', { '!data': data }, budget)).toThrow(CellBudgetExceeded);
  });

  it('a row spanning 16,384 columns for one far cell is charged its whole span', () => {
    const row: CellObject[] = [];
    row[16383] = { t: 's', v: 'x' };
    expect(() => sheetToGrid('S', { '!data': [row] }, { left: 16000 })).toThrow(CellBudgetExceeded);
  });
});

describe('zip directory', () => {
  it('lists entries with sizes and CRCs, without inflating', () => {
    const data = strToU8('x'.repeat(10000));
    const zip = zipSync({ 'a.xml': data, 'b/c.txt': strToU8('hi') }, { level: 6 });
    const dir = readZipDirectory(zip);
    expect(dir.ok).toBe(true);
    if (!dir.ok) return;
    expect(dir.entries.map((e) => [e.name, e.declaredSize, e.method])).toEqual([
      ['a.xml', 10000, 8],
      ['b/c.txt', 2, expect.any(Number)],
    ]);
    expect(dir.entries[0].crc32).toBe(crc32(0, data));
    expect(dir.entries[0].compressedSize).toBeLessThan(200);
  });

  it('reports a zip without its end as truncated', () => {
    const zip = zipSync({ 'a.xml': strToU8('hello') });
    const dir = readZipDirectory(zip.subarray(0, zip.length - 10));
    expect(dir).toMatchObject({ ok: false, reason: 'truncated' });
  });

  it('crc32 matches the standard check value', () => {
    expect(crc32(0, strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(crc32(0, strToU8('12345')), strToU8('6789'))).toBe(0xcbf43926);
  });
});
