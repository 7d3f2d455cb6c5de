/**
 * Bad files get a finding that names the file, never an exception and never a stopped batch:
 * not a workbook, truncated, encrypted, empty, too large, too many cells, decompression bombs.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { FINDING_CODES } from '../../../core/findings/finding';
import { ReadOutcome, ReadProblem, detectFormat, readWorkbook } from '../read-workbook';
import { readZipDirectory } from '../zip-directory';
import { book, encryptedOoxml, noise, oleWith, write, xlsWithFilePass } from './fixtures';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

function expectProblem(out: ReadOutcome, file: string, problem: ReadProblem, text: RegExp): void {
  expect(out.submission).toBeNull();
  expect(out.problem).toBe(problem);
  expect(out.findings).toHaveLength(1);
  const f = out.findings[0];
  const codeOf: Record<ReadProblem, keyof typeof FINDING_CODES> = {
    empty: 'FILE_EMPTY',
    'too-large': 'FILE_TOO_LARGE',
    'not-workbook': 'FILE_NOT_WORKBOOK',
    damaged: 'FILE_DAMAGED',
    encrypted: 'FILE_ENCRYPTED',
    bomb: 'FILE_TOO_COMPLEX',
    'too-many-cells': 'FILE_TOO_COMPLEX',
    'too-many-sheets': 'FILE_TOO_COMPLEX',
    'no-content': 'WORKBOOK_EMPTY',
  };
  expect(f.code).toBe(codeOf[problem]);
  expect(f.severity).toBe('error');
  expect(f.file).toBe(file);
  expect(f.message).toContain(`「${file}」`);
  expect(f.message).toMatch(text);
}

function indexOf(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const good = () => write(book({ name: 'S', aoa: [['姓名', '满意'], ['王毅', '√']] }), 'xlsx');

describe('not a workbook', () => {
  it('an empty file (0 bytes)', async () => {
    const out = await readWorkbook('空.xlsx', new Uint8Array(0));
    expectProblem(out, '空.xlsx', 'empty', /空文件/);
    expect(out.sha256).toBeUndefined();
  });

  it('random bytes named .xlsx', async () => {
    const bytes = noise(5000);
    expect(detectFormat('乱码.xlsx', bytes)).toBe('unknown');
    expectProblem(await readWorkbook('乱码.xlsx', bytes), '乱码.xlsx', 'not-workbook', /不是工作簿/);
  });

  it('a JPEG renamed .xlsx', async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...noise(2000)]);
    expectProblem(await readWorkbook('照片.xlsx', bytes), '照片.xlsx', 'not-workbook', /JPEG 图片/);
  });

  it('a .docx renamed .xlsx', async () => {
    const docx = zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), 'word/document.xml': strToU8('<w:document/>') });
    expect(detectFormat('述职报告.xlsx', docx)).toBe('unknown');
    expectProblem(await readWorkbook('述职报告.xlsx', docx), '述职报告.xlsx', 'not-workbook', /Word 文档/);
  });

  it('a Word 97-2003 .doc renamed .xls', async () => {
    expectProblem(await readWorkbook('报告.xls', oleWith('WordDocument')), '报告.xls', 'not-workbook', /Word 97-2003/);
  });

  it('a WPS .et without an Excel workbook stream', async () => {
    expectProblem(await readWorkbook('表.et', oleWith('ETContent')), '表.et', 'not-workbook', /WPS.*另存为/);
  });

  it('an HTML page saved as .xls (web exports)', async () => {
    const html = new TextEncoder().encode('<html><body><table><tr><td>姓名</td></tr></table></body></html>');
    expectProblem(await readWorkbook('导出.xls', html), '导出.xls', 'not-workbook', /网页/);
  });

  it('a plain zip named .xlsx', async () => {
    const zip = zipSync({ 'a.txt': strToU8('hello') });
    expectProblem(await readWorkbook('a.xlsx', zip), 'a.xlsx', 'not-workbook', /zip/);
  });
});

describe('damaged', () => {
  it('a valid xlsx cut at half its length', async () => {
    const bytes = good();
    const half = bytes.slice(0, Math.floor(bytes.length / 2));
    expect(detectFormat('半截.xlsx', half)).toBe('xlsx');
    expectProblem(await readWorkbook('半截.xlsx', half), '半截.xlsx', 'damaged', /不完整|截断/);
  });

  it('a valid xlsx with its middle overwritten', async () => {
    const bytes = good();
    const start = Math.floor(bytes.length / 4);
    bytes.set(noise(200, 7), start);
    const out = await readWorkbook('损坏.xlsx', bytes);
    expectProblem(out, '损坏.xlsx', 'damaged', /损坏/);
  });

  it('one changed byte in a sheet is caught by the CRC, not read as a different value', async () => {
    // Re-zip the parts uncompressed so the name can be changed in place: 王毅 → 王殺 (same length).
    const stored = zipSync(unzipSync(good()), { level: 0 });
    const at = indexOf(stored, strToU8('王毅'));
    expect(at).toBeGreaterThan(0);
    stored.set(strToU8('殺'), at + 3);
    expectProblem(await readWorkbook('改过.xlsx', stored), '改过.xlsx', 'damaged', /校验和不符/);
  });

  it('a truncated xls', async () => {
    const xls = write(book({ name: 'S', aoa: [['a']] }), 'biff8');
    const out = await readWorkbook('半截.xls', xls.slice(0, 700));
    expect(out.submission).toBeNull();
    expect(out.problem).toBe('damaged');
  });

  it('never throws, whatever the bytes', async () => {
    const base = good();
    for (let i = 0; i < 40; i++) {
      const bytes = base.slice();
      const n = new Uint8Array(noise(16, i + 1));
      bytes.set(n, (i * 97) % (bytes.length - 16));
      const out = await readWorkbook(`变异${i}.xlsx`, bytes);
      if (out.submission === null) expect(out.findings).toHaveLength(1);
    }
  });
});

describe('password-protected', () => {
  it('an encrypted xlsx (OLE2 with EncryptionInfo)', async () => {
    const bytes = encryptedOoxml();
    expect(detectFormat('加密.xlsx', bytes)).toBe('encrypted');
    expectProblem(await readWorkbook('加密.xlsx', bytes), '加密.xlsx', 'encrypted', /密码/);
  });

  it('an encrypted xls (FILEPASS record)', async () => {
    const bytes = xlsWithFilePass(write(book({ name: 'S', aoa: [['a']] }), 'biff8'));
    expect(detectFormat('加密.xls', bytes)).toBe('encrypted');
    expectProblem(await readWorkbook('加密.xls', bytes), '加密.xls', 'encrypted', /密码/);
  });

  it('a zip whose entries are encrypted', async () => {
    const bytes = good();
    const dir = readZipDirectory(bytes);
    if (!dir.ok) throw new Error('fixture');
    // set the "encrypted" flag in the central directory entry of the first part
    const cd = bytes.findIndex((_, i) => bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 1 && bytes[i + 3] === 2);
    bytes[cd + 8] |= 1;
    expectProblem(await readWorkbook('加密.xlsx', bytes), '加密.xlsx', 'encrypted', /加密/);
  });
});

describe('no content', () => {
  it('a workbook whose sheets are all empty or blank', async () => {
    const wb = book({ name: 'Sheet1', aoa: [] }, { name: 'Sheet2', aoa: [[' ', '\u3000']] });
    expectProblem(await readWorkbook('空表.xlsx', write(wb, 'xlsx')), '空表.xlsx', 'no-content', /2 个工作表都是空的/);
  });

  it('a CSV with only separators and line breaks', async () => {
    expectProblem(await readWorkbook('空.csv', new TextEncoder().encode(',,,\r\n,,\r\n')), '空.csv', 'no-content', /空的/);
  });
});

describe('limits', () => {
  it('a file over maxBytes is not parsed', async () => {
    const out = await readWorkbook('大.xlsx', good(), { maxBytes: 1000 });
    expectProblem(out, '大.xlsx', 'too-large', /超过单个文件/);
  });

  it('more cells than maxCells: xlsx (counted while checking the zip, before parsing)', async () => {
    const aoa = Array.from({ length: 20 }, (_, r) => Array.from({ length: 10 }, (_, c) => r * 10 + c));
    const bytes = write(book({ name: 'S', aoa }), 'xlsx');
    expect((await readWorkbook('多.xlsx', bytes, { maxCells: 200 })).submission).not.toBeNull();
    expectProblem(await readWorkbook('多.xlsx', bytes, { maxCells: 199 }), '多.xlsx', 'too-many-cells', /199/);
  });

  it.each(['biff8', 'ods', 'csv'] as const)('more cells than maxCells: %s', async (type) => {
    const aoa = Array.from({ length: 20 }, (_, r) => Array.from({ length: 10 }, (_, c) => r * 10 + c + 1));
    const bytes = write(book({ name: 'S', aoa }), type);
    const name = `多.${type}`;
    expect((await readWorkbook(name, bytes, { maxCells: 220 })).submission).not.toBeNull();
    const out = await readWorkbook(name, bytes, { maxCells: 150 });
    expect(out.problem).toBe('too-many-cells');
  });

  it('more sheets than maxSheets', async () => {
    const wb = book(...Array.from({ length: 5 }, (_, i) => ({ name: `S${i}`, aoa: [['x']] })));
    for (const type of ['xlsx', 'biff8', 'ods'] as const) {
      const out = await readWorkbook(`多表.${type}`, write(wb, type), { maxSheets: 4 });
      expect(out.problem).toBe('too-many-sheets');
      expect(out.findings[0].message).toMatch(/5 个工作表/);
    }
  });

  it('a declared uncompressed size over maxUncompressedBytes', async () => {
    expectProblem(await readWorkbook('a.xlsx', good(), { maxUncompressedBytes: 1000 }), 'a.xlsx', 'too-large', /解压后/);
  });
});

describe('decompression bombs', () => {
  const HUNDRED_MB = 100 * 1024 * 1024;
  let bomb: Uint8Array;

  beforeAll(() => {
    const zeros = new Uint8Array(HUNDRED_MB);
    bomb = zipSync(
      {
        '[Content_Types].xml': strToU8(CONTENT_TYPES),
        'xl/workbook.xml': strToU8('<workbook/>'),
        'xl/worksheets/sheet1.xml': zeros,
      },
      { level: 9 },
    );
  });

  it('the bomb really is ~100 KB declaring 100 MB', () => {
    expect(bomb.length).toBeLessThan(300 * 1024);
    const dir = readZipDirectory(bomb);
    expect(dir.ok && dir.entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!.declaredSize).toBe(HUNDRED_MB);
  });

  it('is rejected from the directory, fast and without inflating', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const buffersBefore = process.memoryUsage().arrayBuffers;
    const t0 = Date.now();
    const out = await readWorkbook('炸弹.xlsx', bomb);
    const ms = Date.now() - t0;
    expectProblem(out, '炸弹.xlsx', 'bomb', /压缩比异常.*压缩炸弹/);
    expect(ms).toBeLessThan(500);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(20 * 1024 * 1024);
    expect(process.memoryUsage().arrayBuffers - buffersBefore).toBeLessThan(20 * 1024 * 1024);
  });

  it('is rejected even when its directory lies about the size (streamed, output discarded)', async () => {
    // Rewrite the declared size of the big entry, in the central directory and the local header,
    // to 1 KB: the directory checks pass, the inflating check must stop it.
    const liar = bomb.slice();
    const dv = new DataView(liar.buffer);
    for (let i = 0; i + 4 <= liar.length; i++) {
      const sig = dv.getUint32(i, true);
      if (sig === 0x02014b50 && dv.getUint32(i + 24, true) === HUNDRED_MB) dv.setUint32(i + 24, 1024, true);
      if (sig === 0x04034b50 && dv.getUint32(i + 22, true) === HUNDRED_MB) dv.setUint32(i + 22, 1024, true);
    }
    const heapBefore = process.memoryUsage().heapUsed;
    const buffersBefore = process.memoryUsage().arrayBuffers;
    const t0 = Date.now();
    const out = await readWorkbook('说谎.xlsx', liar);
    expect(Date.now() - t0).toBeLessThan(1000);
    expectProblem(out, '说谎.xlsx', 'bomb', /超过其声明/);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(40 * 1024 * 1024);
    expect(process.memoryUsage().arrayBuffers - buffersBefore).toBeLessThan(40 * 1024 * 1024);
  });

  it('a central directory disagreeing with the local header is refused', async () => {
    const bytes = good();
    const dv = new DataView(bytes.buffer);
    for (let i = 0; i + 4 <= bytes.length; i++) {
      if (dv.getUint32(i, true) === 0x04034b50) {
        dv.setUint32(i + 22, dv.getUint32(i + 22, true) + 1, true);
        break;
      }
    }
    expectProblem(await readWorkbook('不一致.xlsx', bytes), '不一致.xlsx', 'bomb', /不一致/);
  });

  it('a second end-of-directory record appended after the real one is what both the guard and the parser see', async () => {
    // A fake record pointing at offset 0 (a local header, not a directory entry): refused, not
    // checked against one directory and parsed against another.
    const bytes = good();
    const fake = new Uint8Array(22);
    const dv = new DataView(fake.buffer);
    dv.setUint32(0, 0x06054b50, true);
    dv.setUint16(8, 1, true);
    dv.setUint16(10, 1, true);
    dv.setUint32(12, 46, true);
    dv.setUint32(16, 0, true);
    const out = await readWorkbook('两个目录.xlsx', new Uint8Array([...bytes, ...fake]));
    expect(out.submission).toBeNull();
    expect(out.problem).toBe('damaged');
  });

  it('an ODS whose repeated cell would expand to 17 billion cells is refused before parsing', async () => {
    const { patchZipPart } = await import('./fixtures');
    const ods = patchZipPart(write(book({ name: 'S', aoa: [['x']] }), 'ods'), 'content.xml', (xml) =>
      xml.replace(
        /<table:table-row>[\s\S]*?<\/table:table-row>/,
        '<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>',
      ),
    );
    const t0 = Date.now();
    const out = await readWorkbook('重复.ods', ods);
    expect(Date.now() - t0).toBeLessThan(1000);
    expectProblem(out, '重复.ods', 'too-many-cells', /重复行列/);
  });

  it('an ODS with many repeated empty rows and columns (as LibreOffice writes) is fine', async () => {
    const { patchZipPart } = await import('./fixtures');
    const ods = patchZipPart(write(book({ name: 'S', aoa: [['姓名'], ['王毅']] }), 'ods'), 'content.xml', (xml) =>
      xml.replace(
        '</table:table>',
        '<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>',
      ),
    );
    const out = await readWorkbook('空行.ods', ods);
    expect(out.findings).toEqual([]);
    expect(out.submission!.sheets[0].rows).toEqual([['姓名'], ['王毅']]);
  });
});
