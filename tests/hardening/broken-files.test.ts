/**
 * Hardening: hostile and broken input files (issue "Benchmarks and hardening").
 *
 * Every case goes through the real path a clerk's file takes — `readWorkbook` (src/hosts/files) and then
 * `runCampaign` (src/core) — and must end with findings, never an uncaught exception.
 *
 * Bounds (each case): at most 20 s (jest timeout below; most take well under 1 s) and well under
 * 400 MB of heap growth (checked on the large generated cases). The corpus in tests/fixtures/broken/
 * is small (≤ 10 KB a file); the zip bomb and the million-row workbook are built here at test time
 * and never committed. The million-row workbook (1,048,576 real rows, 5.8 MB zipped, 52 MB of sheet
 * XML) goes through the whole `pingyi score` in a child process whose heap is capped at 1 GB
 * (--max-old-space-size=1024) and must finish within 120 s (about 15 s on one free core).
 *
 * Cases: truncated and corrupt zips, wrong extensions (PNG/PDF/text named .xlsx/.xls, an xlsx named
 * .csv), an encrypted-looking workbook (EncryptionInfo + EncryptedPackage in an OLE2 container), an
 * encrypted ODS (LibreOffice's "save with password": encryption-data in the manifest), a truncated
 * OLE2 header, an empty file, a zip bomb, a sheet whose !ref claims 1,048,576 rows × 16,384 columns,
 * a sparse CSV of a million rows, an xlsx with a million real rows, a cell in column XFD, merged-cell
 * chaos, formulas and error values everywhere, emoji / control characters / 200-character names (also
 * carried through to the written result workbook and templates, which must stay well-formed XML with
 * the text intact), and fast-check fuzzing of both grid contents (written as real xlsx) and raw bytes.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import * as fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { runCampaign } from '../../src/core/engine';
import { Finding } from '../../src/core/findings/finding';
import { describeResultWorkbook, describeTemplates } from '../../src/core/output/describe-workbooks';
import { getPreset } from '../../src/core/presets';
import { readWorkbook } from '../../src/hosts/files/read-workbook';
import { writeWorkbook } from '../../src/hosts/files/write-workbook';
import { tempDir } from '../cli/cli-harness';
import { rowsOf } from '../helpers/xlsx-parts';

jest.setTimeout(20_000);

const CORPUS = path.join(__dirname, '..', 'fixtures', 'broken');
const scheme = getPreset('p1-double-pledge');
const LEVELS = ['优秀', '称职', '基本称职', '不称职'];
const roster = [{ name: '张三' }, { name: '李四' }, { name: '王五' }];

async function readAndRun(name: string, bytes: Uint8Array): Promise<{ findings: Finding[]; read: boolean }> {
  const outcome = await readWorkbook(name, bytes);
  const findings = [...outcome.findings];
  if (outcome.submission) findings.push(...runCampaign({ scheme, roster, submissions: [outcome.submission], today: '2026-12-01' }).findings);
  return { findings, read: outcome.submission !== null };
}

function xlsx(ws: XLSX.WorkSheet, name = '测评表'): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, name);
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
}

function heapGrowthMb(before: number): number {
  return (process.memoryUsage().heapUsed - before) / 1024 / 1024;
}

/** Names a message may give in Latin letters (what the file is, what to open it with). */
const PRODUCT_NAMES = /Excel|WPS|LibreOffice|OpenDocument|PowerPoint|Word|JPEG|PNG|GIF|PDF|HTML|XML|CSV|RAR|gzip|zip|\.[a-z]{3,4}\b/g;

describe('the corpus of broken files (tests/fixtures/broken/)', () => {
  const files = fs.readdirSync(CORPUS).sort();
  it('holds the expected kinds of damage', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });
  // A real workbook under a wrong extension (xlsx-named.csv) is read by its bytes: findings, but a submission.
  it.each(files)('%s: findings, no exception', async (file) => {
    const { findings, read } = await readAndRun(file, new Uint8Array(fs.readFileSync(path.join(CORPUS, file))));
    expect(read).toBe(file === 'xlsx-named.csv');
    if (read) return;
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.severity === 'error' && f.message.length > 0 && f.file === file)).toBe(true);
  });
  it('every message is in Chinese: no parser\'s or inflater\'s English text reaches the clerk', async () => {
    for (const file of files) {
      const { findings } = await readAndRun(file, new Uint8Array(fs.readFileSync(path.join(CORPUS, file))));
      for (const f of findings) expect([file, f.message.replace(file, '').replace(PRODUCT_NAMES, '')]).not.toEqual([file, expect.stringMatching(/[A-Za-z]{3,}/)]);
    }
  });
  it('a real .ods LibreOffice saved with a password (「使用密码保存」, encrypted-libreoffice.ods) is encrypted, not damaged', async () => {
    const { findings, read } = await readAndRun('encrypted-libreoffice.ods', new Uint8Array(fs.readFileSync(path.join(CORPUS, 'encrypted-libreoffice.ods'))));
    expect(read).toBe(false);
    expect(findings.map((f) => [f.code, f.message])).toEqual([['FILE_ENCRYPTED', '「encrypted-libreoffice.ods」已加密（设有打开密码），无法读取；请去掉密码后重新提交']]);
  });
  it('the encrypted-looking workbook is reported as encrypted', async () => {
    const { findings } = await readAndRun('encrypted-looking.xlsx', new Uint8Array(fs.readFileSync(path.join(CORPUS, 'encrypted-looking.xlsx'))));
    expect(findings.map((f) => f.message).join('\n')).toMatch(/密码|加密/);
  });
});

describe('generated hostile workbooks', () => {
  // Making the bomb (deflating 300 MB) is the test's own work, not the reader's: done before the timed case.
  let bomb: Uint8Array;
  beforeAll(() => {
    const zeros = new Uint8Array(20 * 1024 * 1024);
    const files: Record<string, [Uint8Array, { level: 1 }]> = {};
    for (let i = 0; i < 15; i++) files[`xl/worksheets/sheet${i + 1}.xml`] = [zeros, { level: 1 }];
    bomb = zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), ...files });
  }, 120_000);

  it('a zip bomb (300 MB of zeros declared, ~300 KB on disk) is refused before inflating', async () => {
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().heapUsed;
    const { findings, read } = await readAndRun('bomb.xlsx', bomb);
    expect(read).toBe(false);
    expect(findings.map((f) => f.code)).toEqual([expect.stringMatching(/^FILE_TOO_(COMPLEX|LARGE)$/)]);
    expect(heapGrowthMb(before)).toBeLessThan(400);
  });

  it('a sheet whose !ref claims A1:XFD1048576 (a million rows × 16,384 columns) with three cells', async () => {
    // SheetJS would walk the whole declared range when writing, so write a small sheet and patch its XML.
    const small = xlsx(XLSX.utils.aoa_to_sheet([['姓名', ...LEVELS], ['张三', '√']]));
    const parts = unzipSync(small);
    const sheetPath = Object.keys(parts).find((p) => /worksheets\/sheet1\.xml$/.test(p))!;
    const xml = strFromU8(parts[sheetPath])
      .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')
      .replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>√</t></is></c></row></sheetData>');
    parts[sheetPath] = strToU8(xml);
    const patched = zipSync(parts);
    const before = process.memoryUsage().heapUsed;
    const t = Date.now();
    const { findings } = await readAndRun('huge-ref.xlsx', patched);
    expect(findings.length).toBeGreaterThan(0);
    expect(Date.now() - t).toBeLessThan(15_000);
    expect(heapGrowthMb(before)).toBeLessThan(400);
  });

  it('a sparse CSV of a million rows (a header, a million blank lines, one ballot row)', async () => {
    const text = `测评人类别：党组织负责人\n姓名,${LEVELS.join(',')}\n${'\n'.repeat(1_000_000)}张三,√,,,\n`;
    const before = process.memoryUsage().heapUsed;
    const { findings } = await readAndRun('million.csv', new TextEncoder().encode(text));
    expect(findings.length).toBeGreaterThan(0);
    expect(heapGrowthMb(before)).toBeLessThan(400);
  });

  it('a ballot row reaching column XFD (16,384 columns) with marks scattered across it', async () => {
    const header = ['姓名', ...LEVELS];
    const row: (string | null)[] = new Array(16_384).fill(null);
    row[0] = '张三';
    row[1] = '√';
    for (let c = 100; c < 16_384; c += 997) row[c] = '√';
    row[16_383] = '√';
    const { findings } = await readAndRun('wide.xlsx', xlsx(XLSX.utils.aoa_to_sheet([['测评人类别：党组织负责人'], header, row])));
    expect(findings.filter((f) => f.code === 'MARK_OUTSIDE_TIERS').length).toBeGreaterThan(10);
  });

  it('merged-cell chaos: overlapping, inverted, out-of-range and whole-sheet merges', async () => {
    const ws = XLSX.utils.aoa_to_sheet([['测评人类别：党组织负责人'], ['姓名', ...LEVELS], ['张三', '√'], ['李四', null, '√'], ['王五', null, null, '√']]);
    ws['!merges'] = [
      { s: { r: 0, c: 0 }, e: { r: 4, c: 4 } },
      { s: { r: 1, c: 1 }, e: { r: 3, c: 3 } },
      { s: { r: 2, c: 0 }, e: { r: 2, c: 0 } },
      { s: { r: 3, c: 2 }, e: { r: 1, c: 0 } },
      { s: { r: 0, c: 0 }, e: { r: 1_048_575, c: 16_383 } },
      { s: { r: 2, c: 1 }, e: { r: 500_000, c: 2 } },
    ];
    const { findings } = await readAndRun('merges.xlsx', xlsx(ws));
    expect(findings.length).toBeGreaterThan(0);
  });

  it('formulas and error values in every cell', async () => {
    const rows: XLSX.CellObject[][] = [];
    for (let r = 0; r < 30; r++) {
      const row: XLSX.CellObject[] = [];
      for (let c = 0; c < 8; c++)
        row.push((r + c) % 2 ? { t: 'e', v: [0x07, 0x0f, 0x17, 0x1d, 0x24, 0x2a][(r * c) % 6] } : { t: 's', v: '√', f: `IF(A${r + 1}="","√","")` });
      rows.push(row);
    }
    rows[1] = ['姓名', ...LEVELS].map((v) => ({ t: 's', v }) as XLSX.CellObject);
    rows[2][0] = { t: 's', v: '张三', f: 'CONCAT("张","三")' };
    const ws = XLSX.utils.aoa_to_sheet(rows);
    const { findings } = await readAndRun('formulas.xlsx', xlsx(ws));
    const codes = new Set(findings.map((f) => f.code));
    expect(codes.has('FORMULA_IN_ENTRY') || codes.has('ERROR_VALUE')).toBe(true);
  });

  it('emoji, control characters and 200-character names and sheet names', async () => {
    const long = '张'.repeat(200);
    const ws = XLSX.utils.aoa_to_sheet([
      ['测评人类别：党组织负责人\u0000\u0007'],
      ['姓名', ...LEVELS],
      ['张三😀', '√'],
      ['\u0001\u0002李四\u001b', null, '✅'],
      [long, null, null, '√'],
      ['👨‍👩‍👧‍👦'.repeat(50), '🗸'],
      ['=HYPERLINK("http://x","王五")', '√'],
    ]);
    const { findings } = await readAndRun(`${'长'.repeat(200)}.xlsx`, xlsx(ws, '😀表\u0007'.slice(0, 31)));
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.some((f) => f.message.includes(long))).toBe(true);
  });
});

describe('more hostile workbooks', () => {
  it('a zip whose deflated data is damaged is reported in Chinese, without the inflater\'s own words', async () => {
    const good = xlsx(XLSX.utils.aoa_to_sheet([['测评人类别：党组织负责人'], ['姓名', ...LEVELS], ...Array.from({ length: 200 }, (_, i) => [`张三${i}`, '√'])]));
    const dir = unzipSync(good);
    const sheet = Object.keys(dir).find((p) => /worksheets\/sheet1\.xml$/.test(p))!;
    // The sheet's deflate stream with its first bytes set to an invalid block type (0b11): the inflater throws.
    const bytes = zipSync(Object.fromEntries(Object.entries(dir).map(([k, v]) => [k, [v, { level: 6 }]])) as Record<string, [Uint8Array, { level: 6 }]>);
    let local = -1;
    for (let i = 0; i < bytes.length - 30; i++)
      if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 3 && bytes[i + 3] === 4 && strFromU8(bytes.subarray(i + 30, i + 30 + (bytes[i + 26] | (bytes[i + 27] << 8)))) === sheet) local = i;
    const data = local + 30 + (bytes[local + 26] | (bytes[local + 27] << 8)) + (bytes[local + 28] | (bytes[local + 29] << 8));
    bytes[data] = 0x07; // BFINAL 1, BTYPE 11: reserved, an error in every inflater
    const { findings, read } = await readAndRun('坏.xlsx', bytes);
    expect(read).toBe(false);
    expect(findings.map((f) => [f.code, f.message])).toEqual([['FILE_DAMAGED', '「坏.xlsx」已损坏：压缩数据损坏，无法读取']]);
  });

  it('an encrypted ODS (LibreOffice "save with password") is reported as encrypted, not as damaged', async () => {
    const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="3000">
  <manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="AAAA">
   <manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="AAAA"/>
   <manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:key-size="32" manifest:iteration-count="100000" manifest:salt="AAAA"/>
  </manifest:encryption-data>
 </manifest:file-entry>
</manifest:manifest>`;
    // What encrypted content looks like to a reader: bytes without structure.
    const noise = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 251);
    const ods = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'META-INF/manifest.xml': strToU8(manifest),
      'content.xml': [noise, { level: 0 }],
    });
    const { findings, read } = await readAndRun('加密.ods', ods);
    expect(read).toBe(false);
    expect(findings.map((f) => [f.code, f.file])).toEqual([['FILE_ENCRYPTED', '加密.ods']]);
    expect(findings[0].message).toMatch(/密码/);
  });

  it(
    'an xlsx with a million real rows through `pingyi score` (child process, heap capped at 1 GB, 120 s): findings, a result workbook, no crash',
    async () => {
      const dir = tempDir('million');
      try {
        // 1,048,573 rows under the header, each a number where a name belongs: every one is a finding.
        const small = xlsx(XLSX.utils.aoa_to_sheet([['测评人类别：党组织负责人'], ['姓名', ...LEVELS], ['张三', '√']]));
        const parts = unzipSync(small);
        const sheetPath = Object.keys(parts).find((p) => /worksheets\/sheet1\.xml$/.test(p))!;
        const rows: string[] = [];
        for (let r = 4; r <= 1_048_576; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r % 97}</v></c></row>`);
        parts[sheetPath] = strToU8(
          strFromU8(parts[sheetPath])
            .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:E1048576"/>')
            .replace('</sheetData>', `${rows.join('')}</sheetData>`),
        );
        rows.length = 0;
        fs.writeFileSync(path.join(dir, '百万行.xlsx'), zipSync(parts, { level: 6 }));
        fs.writeFileSync(path.join(dir, '名册.csv'), '姓名\n张三\n李四\n');
        const out = path.join(dir, '结果.xlsx');
        const cli = path.join(__dirname, '..', '..', 'src', 'cli', 'pingyi.ts');
        const started = Date.now();
        const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
          execFile(
            process.execPath,
            ['--max-old-space-size=1024', '--import', 'tsx', cli, 'score', '--scheme', 'p1-double-pledge', '--roster', path.join(dir, '名册.csv'), path.join(dir, '百万行.xlsx'), '--out', out, '--json', '--today', '2026-12-01'],
            { cwd: path.join(__dirname, '..', '..'), maxBuffer: 64 * 1024 * 1024, timeout: 150_000 },
            (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
          ),
        );
        expect({ code: run.code, stderr: run.stderr.slice(0, 500) }).toEqual({ code: 1, stderr: '' });
        expect(Date.now() - started).toBeLessThan(120_000);
        const json = JSON.parse(run.stdout) as { findingCounts: { error: number }; findings: { code: string; message: string; file: string }[] };
        // Every data row below the header is a name that is not in the roster.
        expect(json.findingCounts.error).toBeGreaterThanOrEqual(1_048_573);
        expect(json.findings.length).toBeLessThan(200);
        expect(json.findings.some((f) => f.file === '百万行.xlsx' && /另有 \d+ 条同类问题/.test(f.message))).toBe(true);
        // The result workbook was written and its 校验结果 is a readable size, counting every finding.
        const sheet = rowsOf(new Uint8Array(fs.readFileSync(out)), '校验结果');
        expect(sheet.length).toBeLessThan(300);
        expect(String(sheet[1][0])).toMatch(/^共 10485\d\d 条/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});

describe('cells named like members of Object.prototype', () => {
  // A plain-object lookup keyed by cell text returns Object.prototype's methods for these; found by the
  // fuzzer ("valueOf" as a header made the engine throw "label.includes is not a function").
  const NAMES = ['constructor', 'valueOf', 'toString', '__proto__', 'hasOwnProperty', '__defineGetter__'];
  it.each(['header row', 'names', 'fields'])('in the %s: findings, no exception', async (where) => {
    const rows =
      where === 'header row'
        ? [['测评人类别：党组织负责人'], [...NAMES], ['张三', '√']]
        : where === 'names'
          ? [['测评人类别：党组织负责人'], ['姓名', ...LEVELS], ...NAMES.map((n) => [n, '√'])]
          : [...NAMES.map((n) => [`${n}：${n}`]), ['姓名', ...LEVELS], ['张三', '√']];
    const { findings } = await readAndRun(`${where}.xlsx`, xlsx(XLSX.utils.aoa_to_sheet(rows)));
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => typeof f.message === 'string' && f.message.length > 0)).toBe(true);
  });
});

/** Every XML part of an .xlsx parsed by a strict parser: well-formed, with only characters XML allows. */
function xmlProblems(bytes: Uint8Array): string[] {
  const problems: string[] = [];
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const parser = new SaxesParser();
    parser.on('error', (e) => problems.push(`${name}: ${e.message}`));
    parser.write(strFromU8(data)).close();
  }
  return problems;
}

describe('hostile text reaches the written outputs intact (read → run → describe → write → read back)', () => {
  // What Excel and SheetJS would get wrong or refuse: XML-forbidden characters (C0 controls, U+FFFE),
  // text that looks like Office's own escapes (_x0041_ reads back as "A" unless escaped), emoji with
  // joiners and variation selectors, and a 200-character name.
  const LONG = '欧阳'.repeat(100);
  const NAMES = [LONG, '😀王五', '👨‍👩‍👧‍👦李四', '_x0041_赵六', '孙\u0001七\u001b', '周\uFFFE八'];
  /** What each name must read back as: the characters XML cannot hold are dropped, nothing else changes. */
  const SHOWN = [LONG, '😀王五', '👨‍👩‍👧‍👦李四', '_x0041_赵六', '孙七', '周八'];
  const roster = NAMES.map((name) => ({ name, unit: `${name}所在支部` }));

  it('the result workbook: well-formed XML, every name in 排名表 and 得票情况 as written', async () => {
    const ballot = xlsx(
      XLSX.utils.aoa_to_sheet([['测评人类别：党组织负责人'], ['姓名', ...LEVELS], ...NAMES.map((n, i) => [n, ...LEVELS.map((_, l) => (l === i % 4 ? '√' : null))])]),
      '😀票\u0007',
    );
    const outcome = await readWorkbook(`${'长'.repeat(200)}😀.xlsx`, ballot);
    const result = runCampaign({ scheme, roster, submissions: [outcome.submission!], today: '2026-12-01' });
    const bytes = await writeWorkbook(describeResultWorkbook(result));
    expect(xmlProblems(bytes)).toEqual([]);
    for (const sheet of ['排名表', '得票情况']) {
      const texts = new Set(rowsOf(bytes, sheet).flat());
      for (const n of SHOWN) expect({ sheet, n, found: texts.has(n) }).toEqual({ sheet, n, found: true });
    }
    const units = new Set(rowsOf(bytes, '排名表').flat());
    expect(units.has(`${LONG}所在支部`)).toBe(true);
    const files = new Set(rowsOf(bytes, '校验结果').flat());
    expect([...files].some((v) => typeof v === 'string' && v.startsWith('长'.repeat(200)))).toBe(true);
  });

  it('the templates: well-formed XML, every name pre-filled as written', async () => {
    const templates = describeTemplates(scheme, roster);
    // The 述诺测评 is held per 支部 (each person here has his own): a name is on his 支部's forms, 2 groups × 6 支部.
    expect(templates.filter((d) => d.meta?.unit !== undefined)).toHaveLength(12);
    for (const d of templates) {
      const bytes = await writeWorkbook([d]);
      expect({ sheet: d.name, problems: xmlProblems(bytes) }).toEqual({ sheet: d.name, problems: [] });
      // By name: a sheet name holding _x0041_ (here from the unit) reads back as written (the writer escapes it).
      expect(XLSX.read(bytes, { type: 'array', bookSheets: true }).SheetNames[0]).toBe(d.name);
      const texts = new Set(rowsOf(bytes, d.name).flat());
      const listed = d.meta?.unit === undefined ? SHOWN : SHOWN.filter((_, i) => roster[i].unit === d.meta!.unit);
      expect(listed.length).toBeGreaterThan(0);
      for (const n of listed) expect({ sheet: d.name, n, found: texts.has(n) }).toEqual({ sheet: d.name, n, found: true });
    }
  });
});

describe('fuzzing (fast-check)', () => {
  const cell = fc.oneof(
    fc.constantFrom('√', '✓', '×', '优秀', '称职', '基本称职', '不称职', '姓名', '张三', '李四', '王五', '测评人类别：党组织负责人', '', ' ', '=1+1', '#N/A'),
    fc.string({ maxLength: 12 }),
    fc.fullUnicodeString({ maxLength: 8 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
  );
  const grid = fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 14 });
  const merge = fc.record({ r1: fc.nat(20), c1: fc.nat(12), r2: fc.nat(20), c2: fc.nat(12) });

  it('random grids and merges, written as real xlsx: findings, never an exception (40 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(grid, fc.array(merge, { maxLength: 6 }), async (rows, merges) => {
        const ws = XLSX.utils.aoa_to_sheet([['测评人类别：党组织负责人'], ['姓名', ...LEVELS], ...rows]);
        ws['!merges'] = merges.map((m) => ({ s: { r: m.r1, c: m.c1 }, e: { r: m.r2, c: m.c2 } }));
        const { findings, read } = await readAndRun('fuzz.xlsx', xlsx(ws));
        expect(read || findings.length > 0).toBe(true);
      }),
      { numRuns: 40, seed: 20261201 },
    );
  });

  it('random byte damage to a valid workbook and random bytes under every extension (60 runs)', async () => {
    const good = xlsx(XLSX.utils.aoa_to_sheet([['测评人类别：党组织负责人'], ['姓名', ...LEVELS], ['张三', '√'], ['李四', null, '√']]));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(good.length - 1), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 20 }),
        fc.nat(good.length),
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom('a.xlsx', 'a.xls', 'a.csv', 'a.ods', 'a.et', 'a'),
        async (flips, cut, noise, name) => {
          const damaged = good.slice(0, Math.max(cut, 1));
          for (const f of flips) if (f.at < damaged.length) damaged[f.at] = f.byte;
          for (const bytes of [damaged, noise]) {
            const { findings, read } = await readAndRun(name, bytes);
            expect(read || findings.length > 0).toBe(true);
          }
        },
      ),
      { numRuns: 60, seed: 20261202 },
    );
  });
});
