/**
 * Formula injection (OWASP "CSV injection"): text that starts with = + - @ may come from any input — a
 * name or 单位 in the roster, the scheme's name, process and rater group, a file name, a sheet name,
 * a cell a rater typed that a finding quotes — and must reach every output as the same text, never
 * as a formula:
 * - the files the command line (and the standalone page, which uses the same writer) produces: the
 *   result workbook (排名表, 公示表, 整改清单, 统计表, 校验结果) and the templates, opened here as zips:
 *   no <f> element in any worksheet, and each hostile string present, intact, as a text cell where
 *   it belongs;
 * - the Excel host's writes (src/hosts/excel), against the strict fake, which parses a string written
 *   to Range.values the way Excel does ("=1+1" becomes a formula even in a cell formatted "@"): no
 *   written cell holds a formula and each shows its text, for the result sheets, the templates, and a
 *   description made without `cell()` (so without the `formulaSafe` mark).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { runCampaign } from '../../src/core/engine';
import { Submission } from '../../src/core/forms/grid';
import { describeResultWorkbook, describeTemplates } from '../../src/core/output/describe-workbooks';
import { SheetDescription } from '../../src/core/output/sheet-description';
import { getPreset } from '../../src/core/presets';
import { loadScheme } from '../../src/core/scheme/load-scheme';
import { ExcelWorkbookHost } from '../../src/hosts/excel/excel-host';
import { readRoster } from '../../src/hosts/files/read-roster';
import { readWorkbook } from '../../src/hosts/files/read-workbook';
import { pingyi, tempDir, writeGrids } from '../cli/cli-harness';
import { FakeExcel } from '../fakes/fake-excel';
import { writeRoster } from '../helpers/fill-workbook';
import { matrixSheet } from '../helpers/grids';
import { ReadCell, formulaElements, readCells, textsOf } from '../helpers/xlsx-parts';

jest.setTimeout(60_000);

const TODAY = '2026-12-01';
const LEVELS = ['合格', '不合格'];

/** Roster names and units, each a string a spreadsheet would take as a formula. */
const PEOPLE: [string, string][] = [
  ['=1+1', '=HYPERLINK("http://example.invalid/","点此查看")'],
  ['+SUM(A1:A9)', '+党支部'],
  ['-2+3', "-cmd|' /C calc'!A0"],
  ['@恶意', '@SUM(1,2)'],
  ['周敏', '=WEBSERVICE("http://example.invalid/")'],
];
const NAMES = PEOPLE.map(([n]) => n);
const UNITS = PEOPLE.map(([, u]) => u);
/** Files and the sheet inside each: both end up in 校验结果. */
const FILES: [string, string][] = [
  ['=1+1.xlsx', '=SUM(1)'],
  ['+票.xlsx', '+票'],
  ['-票.xlsx', '-票'],
  ['@票.xlsx', '@票'],
];
const SCHEME_NAME = '=2026年度社区两委干部评议';
const PROCESS = '=IMPORTXML("http://example.invalid/","//a")';
const GROUP = '@与会人员';
/** A name typed on a ballot that is not in the roster: quoted by a finding. */
const STRANGER = '=HYPERLINK("http://example.invalid/","王某")';

/**
 * Ballot i: marks per roster person (0 合格, 1 不合格, -1 left blank: an abstention, so that every file
 * has a finding naming it). =1+1 and +SUM(A1:A9) get 不合格 from 3 of 4 ballots (75% > 50%, the
 * preset's rule) and so 警示谈话 rows in the 整改清单; the others 合格.
 */
const MARKS = [
  [1, 1, 0, 0, 0],
  [1, 1, 0, -1, 0],
  [1, 0, -1, 0, 0],
  [0, 1, 0, 0, -1],
];
const FAILED = ['=1+1', '+SUM(A1:A9)'];

function schemeJson(): string {
  const base = JSON.parse(JSON.stringify(getPreset('p3-community-consecutive')));
  base.name = SCHEME_NAME;
  base.process = PROCESS;
  base.raterGroups[0].name = GROUP;
  base.raterGroups[0].aliases = ['与会人员'];
  return JSON.stringify(base);
}

function ballotSheet(i: number) {
  const rows = NAMES.map((name, p) => ({ name, marks: [MARKS[i][p]] }));
  if (i === 0) rows.push({ name: STRANGER, marks: [0] });
  return matrixSheet(FILES[i][1], { title: '评议票', fields: ['测评人类别：与会人员'], levels: LEVELS, rows });
}

interface Campaign {
  dir: string;
  scheme: string;
  roster: string;
  inbox: string;
  templates: string;
}

function makeCampaign(): Campaign {
  const dir = tempDir('formula');
  const scheme = path.join(dir, '方案.json');
  fs.writeFileSync(scheme, schemeJson());
  const roster = writeRoster(path.join(dir, '名册.xlsx'), ['姓名', '单位'], PEOPLE);
  const inbox = path.join(dir, '回收');
  fs.mkdirSync(inbox);
  FILES.forEach(([file], i) => writeGrids(path.join(inbox, file), 'xlsx', ballotSheet(i)));
  return { dir, scheme, roster, inbox, templates: path.join(dir, '模板') };
}

/** The cell holding exactly `text` in `sheet`, read as text (no formula). */
function expectTextCell(cells: readonly ReadCell[], sheet: string, text: string) {
  const hits = cells.filter((c) => c.sheet === sheet && c.v === text);
  expect({ sheet, text, found: hits.length > 0 }).toEqual({ sheet, text, found: true });
  for (const c of hits) expect({ sheet, text, t: c.t, f: c.f }).toEqual({ sheet, text, t: 's', f: undefined });
}

describe('the detector finds formulas (so that "none found" below means something)', () => {
  it('a workbook with a formula cell written by SheetJS has an <f> element', () => {
    const ws = XLSX.utils.aoa_to_sheet([[1, 2]]);
    ws.C1 = { t: 'n', v: 3, f: 'A1+B1' };
    ws['!ref'] = 'A1:C1';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    expect(formulaElements(bytes)).toHaveLength(1);
    expect(readCells(bytes).find((c) => c.address === 'C1')?.f).toBe('A1+B1');
  });
});

describe('files written by pingyi (the file host’s writer)', () => {
  let c: Campaign;
  let result: Uint8Array;
  let cells: ReadCell[];
  let templateFiles: string[];
  beforeAll(async () => {
    c = makeCampaign();
    const t = await pingyi(['template', '--scheme', c.scheme, '--roster', c.roster, '--out', c.templates]);
    expect(t.code).toBe(0);
    templateFiles = fs.readdirSync(c.templates).map((f) => path.join(c.templates, f));
    const out = path.join(c.dir, '结果.xlsx');
    const s = await pingyi(['score', '--scheme', c.scheme, '--roster', c.roster, c.inbox, '--out', out, '--today', TODAY]);
    expect(s.code).toBe(1); // the stranger's row is an error-level finding
    result = new Uint8Array(fs.readFileSync(out));
    cells = readCells(result);
  });
  afterAll(() => fs.rmSync(c.dir, { recursive: true, force: true }));

  it('the result workbook has no formula anywhere', () => {
    expect(formulaElements(result)).toEqual([]);
    expect(cells.filter((x) => x.f !== undefined)).toEqual([]);
  });

  it('排名表: every hostile name and 单位 as text, the title with the hostile process name', () => {
    for (const n of NAMES) expectTextCell(cells, '排名表', n);
    for (const u of UNITS) expectTextCell(cells, '排名表', u);
    expectTextCell(cells, '排名表', `2026年度${PROCESS}排名表`);
  });

  it('公示表: every name and 单位 as text', () => {
    for (const n of NAMES) expectTextCell(cells, '公示表', n);
    for (const u of UNITS) expectTextCell(cells, '公示表', u);
  });

  it('整改清单: the two who failed, their 单位 and 责任人 (the subject) as text', () => {
    const failedUnits = PEOPLE.filter(([n]) => FAILED.includes(n)).map(([, u]) => u);
    for (const n of FAILED) expectTextCell(cells, '整改清单', n);
    for (const u of failedUnits) expectTextCell(cells, '整改清单', u);
    const names = textsOf(cells, '整改清单');
    for (const n of NAMES.filter((x) => !FAILED.includes(x))) expect(names.has(n)).toBe(false);
  });

  it('统计表 and 得票情况: the hostile rater group and every name as text', () => {
    for (const n of NAMES) expectTextCell(cells, '得票情况', n);
    expectTextCell(cells, '统计表', GROUP);
  });

  it('校验结果: hostile file and sheet names as text, and the finding that quotes the stranger’s name', () => {
    for (const [file, sheet] of FILES) {
      expectTextCell(cells, '校验结果', file);
      expectTextCell(cells, '校验结果', sheet);
    }
    const quoting = cells.filter((x) => x.sheet === '校验结果' && typeof x.v === 'string' && x.v.includes(STRANGER));
    expect(quoting.length).toBeGreaterThan(0);
  });

  it('each template: no formula, the hostile names pre-filled and the hostile titles as text', () => {
    expect(templateFiles.length).toBeGreaterThan(0);
    for (const file of templateFiles) {
      const bytes = new Uint8Array(fs.readFileSync(file));
      expect({ file, formulas: formulaElements(bytes) }).toEqual({ file, formulas: [] });
      const tc = readCells(bytes);
      expect(tc.filter((x) => x.f !== undefined)).toEqual([]);
      const sheet = tc.find((x) => x.sheet !== '_pingyi')!.sheet;
      for (const n of NAMES) expectTextCell(tc, sheet, n);
      // The metadata sheet records the scheme by id and the group by name: as text too.
      expect(tc.filter((x) => x.sheet === '_pingyi').every((x) => x.t === 's' || x.t === 'n')).toBe(true);
    }
  });
});

describe('the Excel host’s writes (strict fake: a string starting with "=" written to values becomes a formula)', () => {
  let c: Campaign;
  let submissions: Submission[];
  let roster: ReturnType<typeof readRoster>['roster'];
  beforeAll(async () => {
    c = makeCampaign();
    submissions = [];
    for (const [file] of FILES) {
      const o = await readWorkbook(file, new Uint8Array(fs.readFileSync(path.join(c.inbox, file))));
      submissions.push(o.submission!);
    }
    const r = await readWorkbook('名册.xlsx', new Uint8Array(fs.readFileSync(c.roster)));
    roster = readRoster(r.submission!).roster;
  });
  afterAll(() => fs.rmSync(c.dir, { recursive: true, force: true }));

  /** Writes the descriptions into a fresh fake and checks every cell against its description. */
  async function writeAndCheck(descriptions: SheetDescription[]): Promise<FakeExcel> {
    const fx = new FakeExcel();
    fx.addSheet('Sheet1');
    const outcome = await new ExcelWorkbookHost({ run: fx.run, supports: fx.supports }).writeSheets(descriptions);
    expect(outcome.written).toEqual(descriptions.map((d) => d.name));
    let strings = 0;
    for (const d of descriptions) {
      const s = fx.sheet(d.name);
      d.cells.forEach((row, r) =>
        row.forEach((cd, col) => {
          const at = `${d.name}!R${r + 1}C${col + 1}`;
          const written = s.cell(r, col);
          expect({ at, formula: written?.formula, error: written?.error }).toEqual({ at, formula: undefined, error: undefined });
          if (typeof cd.value === 'string' && cd.value !== '') {
            strings++;
            expect({ at, shown: s.shown(r, col) }).toEqual({ at, shown: cd.value });
          }
        }),
      );
    }
    expect(strings).toBeGreaterThan(0);
    return fx;
  }

  it('the result sheets: no formula in any cell; every hostile name, 单位, file and sheet name shown as written', async () => {
    const scheme = loadScheme(schemeJson());
    const result = runCampaign({ scheme, roster, submissions, today: TODAY });
    const descriptions = describeResultWorkbook(result);
    const fx = await writeAndCheck(descriptions);
    const shown = new Set(fx.sheetNames().flatMap((n) => fx.sheet(n).table().flat()));
    for (const t of [...NAMES, ...UNITS, ...FILES.flat(), GROUP, `2026年度${PROCESS}排名表`]) expect({ t, shown: shown.has(t) }).toEqual({ t, shown: true });
  });

  it('the templates: no formula; the hostile names shown as written', async () => {
    const scheme = loadScheme(schemeJson());
    const fx = await writeAndCheck(describeTemplates(scheme, roster));
    const shown = new Set(fx.sheetNames().flatMap((n) => fx.sheet(n).table().flat()));
    for (const n of NAMES) expect({ n, shown: shown.has(n) }).toEqual({ n, shown: true });
  });

  it('a description made without cell() (no formulaSafe mark) is guarded all the same', async () => {
    const texts = ['=1+1', '+1+1', '-1+1', '@SUM(1)', '=HYPERLINK("http://example.invalid/")'];
    const d: SheetDescription = {
      name: '名单',
      kind: 'publication',
      cells: [texts.map((value) => ({ value }))],
      columns: texts.map(() => ({ width: 10 })),
      rowHeights: [],
      merges: [],
      validations: [],
      print: { paper: 'A4', orientation: 'portrait', fitToWidth: true, margins: { top: 0.75, bottom: 0.75, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 }, horizontalCentered: true },
    };
    await writeAndCheck([d]);
  });
});
