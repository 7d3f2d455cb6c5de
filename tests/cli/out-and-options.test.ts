/**
 * What the command line does with what a clerk types: `score --out` onto a file that exists (last run's
 * result keeps the 整改清单 entries staff made; anything else is refused), --out that cannot be right
 * (a file for template's folder, --out on validate, a .csv result), option slips said in Chinese with the
 * option probably meant, --expected as one number, --history that is no workbook, blank, or of no use to
 * the scheme; the summary's ties in 排名表's order; result bytes that do not depend on the clock.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { getPreset } from '../../src/core/presets';
import { readZipDirectory, u16 } from '../../src/hosts/files/zip-directory';
import { matrixSheet } from '../helpers/grids';
import { writeRoster } from '../helpers/fill-workbook';
import { changedSince, parseJson, pingyi, snapshot, tempDir, writeGrids } from './cli-harness';

jest.setTimeout(60_000);

const P = 'p3-community-consecutive';

/** A 合格/不合格 ballot of p3: `fails` are marked 不合格, everyone else in `names` 合格. */
function ballot(file: string, names: string[], fails: string[], sheet = '评议票'): string {
  return writeGrids(
    file,
    'xlsx',
    matrixSheet(sheet, { title: '评议票', levels: ['合格', '不合格'], rows: names.map((name) => ({ name, marks: [fails.includes(name) ? 1 : 0] })) }),
  );
}

/** A sheet's rows as text, from a workbook file. */
function sheetRows(file: string, sheet: string): string[][] {
  const wb = XLSX.read(fs.readFileSync(file), { type: 'buffer' });
  return (XLSX.utils.sheet_to_json(wb.Sheets[sheet], { header: 1, defval: '' }) as unknown[][]).map((r) => r.map((v) => String(v)));
}

describe('score --out onto a file that exists', () => {
  const names = ['周敏', '吴杰', '郑红'];
  let dir: string;
  let roster: string;
  let inbox: string;
  let result: string;
  const score = (out: string, scheme = P) => pingyi(['score', '--scheme', scheme, '--roster', roster, inbox, '--today', '2026-12-10', '--out', out]);
  beforeAll(async () => {
    dir = tempDir('out-exists');
    roster = writeRoster(path.join(dir, '名册.xlsx'), ['姓名'], names.map((n) => [n]));
    inbox = path.join(dir, '回收');
    fs.mkdirSync(inbox);
    // 吴杰 不合格 on 2 of 3 ballots: 66.67% 超过50% → 不合格 → 警示谈话, a row of 整改清单.
    ballot(path.join(inbox, '票1.xlsx'), names, ['吴杰']);
    ballot(path.join(inbox, '票2.xlsx'), names, ['吴杰', '郑红']);
    ballot(path.join(inbox, '票3.xlsx'), names, []);
    result = path.join(dir, '结果.xlsx');
    const first = await score(result);
    expect(first.code).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('last run’s result: the 整改清单 entries staff typed (整改措施, 已销号) are kept in the new result, and it is said', async () => {
    // The clerk records the talk and closes the item, saved with another program (exceljs) than the writer's.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(result);
    const ws = wb.getWorksheet('整改清单')!;
    const header = ws.getRow(3).values as unknown[];
    const col = (label: string) => header.findIndex((v) => v === label);
    expect(ws.getCell(4, col('被评议对象')).value).toBe('吴杰');
    ws.getCell(4, col('整改措施')).value = '已进行警示谈话，本人作出书面检查';
    ws.getCell(4, col('整改状态')).value = '已销号';
    await wb.xlsx.writeFile(result);

    // A late ballot arrives; the same command again. 吴杰 3 of 4 不合格 is still 不合格.
    ballot(path.join(inbox, '票4.xlsx'), names, ['吴杰'], '补交');
    const r = await score(result);
    fs.rmSync(path.join(inbox, '票4.xlsx'));
    expect(r.stdout.split('\n').filter((l) => l.includes('[错误]'))).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('是上次的结果文件：其中整改清单已填写的整改措施、责任人、整改状态、完成时间已沿用到新结果中');
    const rows = sheetRows(result, '整改清单');
    const head = rows.findIndex((row) => row.includes('被评议对象'));
    const at = (label: string) => rows[head].indexOf(label);
    const wu = rows.find((row) => row[at('被评议对象')] === '吴杰')!;
    expect([wu[at('整改措施')], wu[at('整改状态')]]).toEqual(['已进行警示谈话，本人作出书面检查', '已销号']);
    // The rest is this run's: 4 ballots now (参评情况 实收).
    expect(sheetRows(result, '统计表').some((row) => row.includes('4'))).toBe(true);
  });

  it('a 往年结果 written by template: refused (exit 2), before any ballot is read, and left as it was', async () => {
    const t = await pingyi(['template', '--scheme', P, '--roster', roster, '--out', path.join(dir, '模板'), '--today', '2026-12-10']);
    expect(t.code).toBe(0);
    const history = path.join(dir, '模板', '往年结果.xlsx');
    const before = snapshot(history);
    const r = await score(history);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('已存在，是本工具生成的往年结果，不是结果文件；为免覆盖，未读取测评表，也未写入');
    expect(changedSince(before)).toEqual([]);
  });

  it('a workbook that is not ours (a roster) and a result of another 方案: refused, unchanged', async () => {
    const other = writeRoster(path.join(dir, '花名册.xlsx'), ['姓名'], names.map((n) => [n]));
    const schemeFile = path.join(dir, '另一方案.json');
    fs.writeFileSync(schemeFile, JSON.stringify({ ...getPreset(P), id: 'another-scheme' }));
    const before = snapshot(other, result);
    const notOurs = await score(other);
    expect([notOurs.code, notOurs.stderr.includes('已存在，不是本工具生成的结果文件')]).toEqual([2, true]);
    const otherScheme = await score(result, schemeFile);
    expect(otherScheme.code).toBe(2);
    expect(otherScheme.stderr).toContain(`是另一方案（${P}）的结果文件，不是本方案（another-scheme）的`);
    expect(changedSince(before)).toEqual([]);
  });

  it('a result whose 整改清单 header staff retyped: refused, the record is not lost', async () => {
    const copy = path.join(dir, '改过表头.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(result);
    const ws = wb.getWorksheet('整改清单')!;
    const header = ws.getRow(3);
    header.eachCell((c) => {
      if (c.value === '被评议对象') c.value = '姓名';
    });
    await wb.xlsx.writeFile(copy);
    const before = snapshot(copy);
    const r = await score(copy);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('其中「整改清单」的表头已改动');
    expect(changedSince(before)).toEqual([]);
  });

  it('last year’s result under the same name: refused after scoring, nothing written (its 已销号 belong to last year’s items)', async () => {
    const before = snapshot(result);
    const r = await pingyi(['score', '--scheme', P, '--roster', roster, inbox, '--today', '2027-12-10', '--out', result]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('是 2026 年的结果文件，本次结果是 2027 年的：其中的整改记录不能沿用到另一年度；为免覆盖，未写入');
    expect(changedSince(before)).toEqual([]);
  });

  it('a re-run in January (--today 2027-01-08, no 考核年度) is still the 2026年度 campaign: its 整改 records are kept, said; a 完成时间 typed 2027.1.8 comes back a date, one typed 12月底 is kept and said at its cell', async () => {
    const january = path.join(dir, '一月重算.xlsx');
    fs.copyFileSync(result, january);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(january);
    const ws = wb.getWorksheet('整改清单')!;
    const header = ws.getRow(3).values as unknown[];
    const col = (label: string) => header.findIndex((v) => v === label);
    expect(ws.getCell(4, col('被评议对象')).value).toBe('吴杰');
    ws.getCell(4, col('整改状态')).value = '已销号';
    ws.getCell(4, col('完成时间')).value = '2027.1.8';
    await wb.xlsx.writeFile(january);
    const r = parseJson(await pingyi(['score', '--scheme', P, '--roster', roster, inbox, '--today', '2027-01-08', '--out', january, '--json']));
    // By hand: January → 考核年度 2026, the year of the file (written on 2026-12-10): not another year's, merged.
    expect(r.findings.filter((f: { code: string }) => f.code === 'CAMPAIGN_YEAR_ASSUMED').map((f: { message: string }) => f.message)).toEqual([
      '方案未填写考核年度，今天 2027-01-08 在1月至3月，考核年度按 2026 年计（年底评议、次年计算结果），公示表等标题写作“2026年度”，往年结果读 2026 年以前的；如为 2027 年度，请在方案中填写考核年度 2027（命令行：--year 2027）后重新计算',
    ]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(january);
    const list = back.getWorksheet('整改清单')!;
    expect(list.getCell(1, 1).value).toBe('2026年度社区“两委”干部勤廉双述双评整改清单');
    // 2027-01-08 as a date (exceljs reads a date-formatted number as a Date), shown 2027年1月8日.
    expect([list.getCell(4, col('整改状态')).value, list.getCell(4, col('完成时间')).value, list.getCell(4, col('完成时间')).numFmt]).toEqual(['已销号', new Date(Date.UTC(2027, 0, 8)), 'yyyy"年"m"月"d"日"']);

    // Typed as no date: kept as typed, and said with the file, sheet and cell (J4: 完成时间 of the first row).
    list.getCell(4, col('完成时间')).value = '12月底';
    await back.xlsx.writeFile(january);
    const again = parseJson(await pingyi(['score', '--scheme', P, '--roster', roster, inbox, '--today', '2027-01-08', '--out', january, '--json']));
    expect(again.findings.filter((f: { code: string }) => f.code === 'RECTIFICATION_DATE_UNREADABLE').map((f: { file: string; sheet: string | null; cell: string | null }) => [f.file, f.sheet, f.cell])).toEqual([
      ['一月重算.xlsx', '整改清单', 'J4'],
    ]);
    expect(sheetRows(january, '整改清单')[3][col('完成时间') - 1]).toBe('12月底');

    // Said to be 2027年度 (--year 2027), the same file is last year's: refused, as for any other year.
    const before = snapshot(january);
    const other = await pingyi(['score', '--scheme', P, '--roster', roster, inbox, '--today', '2027-01-08', '--year', '2027', '--out', january]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('是 2026 年的结果文件，本次结果是 2027 年的');
    expect(changedSince(before)).toEqual([]);
  });

  it.each([['26'], ['二〇二六'], ['2026.5'], ['1999']])('--year %s is a usage error (exit 2)', async (year) => {
    const r = await pingyi(['validate', '--scheme', P, '--roster', roster, inbox, '--year', year]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--year 应为考核年度，四位数的年份（如 2026），而不是「${year}」`);
  });

  it('--out 结果.csv: refused (the result is an .xlsx workbook), nothing written', async () => {
    const r = await score(path.join(dir, '结果.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out 应为 .xlsx 结果工作簿');
    expect(fs.existsSync(path.join(dir, '结果.csv'))).toBe(false);
  });

  it('the same run twice a second apart gives the same bytes: zip entries carry a fixed date (2000-01-01), not the clock', async () => {
    const a = path.join(dir, 'a.xlsx');
    const b = path.join(dir, 'b.xlsx');
    await score(a);
    await new Promise((resolve) => setTimeout(resolve, 2100)); // DOS times count in 2 s steps
    await score(b);
    expect(fs.readFileSync(a).equals(fs.readFileSync(b))).toBe(true);
    const bytes = new Uint8Array(fs.readFileSync(a));
    const zip = readZipDirectory(bytes);
    if (!zip.ok) throw new Error('not a zip');
    for (const e of zip.entries) {
      // Local header: time at +10, date at +12 (APPNOTE 4.4.6): date bits yyyyyyy mmmm ddddd from 1980.
      const date = u16(bytes, e.localHeaderOffset + 12);
      expect([(date >> 9) + 1980, (date >> 5) & 15, date & 31, u16(bytes, e.localHeaderOffset + 10)]).toEqual([2000, 1, 1, 0]);
    }
  });
});

describe('slips in the options, said in Chinese (exit 2)', () => {
  let dir: string;
  let roster: string;
  let inbox: string;
  beforeAll(() => {
    dir = tempDir('options');
    roster = writeRoster(path.join(dir, '名册.xlsx'), ['姓名'], [['周敏'], ['吴杰']]);
    inbox = path.join(dir, '回收');
    fs.mkdirSync(inbox);
    ballot(path.join(inbox, '票1.xlsx'), ['周敏', '吴杰'], []);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('an option misspelt names the one probably meant; one far from any lists them; a missing value is said', async () => {
    const typo = await pingyi(['validate', '--scheme', P, '--roster', roster, '--histroy', 'x.xlsx', inbox]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('参数有误：未知选项 --histroy；是否应为 --history？');
    expect(typo.stderr).not.toMatch(/Unknown option/);
    expect((await pingyi(['validate', '--scheme', P, '--rooster', roster, inbox])).stderr).toContain('未知选项 --rooster；是否应为 --roster？');
    expect((await pingyi(['score', '--scheme', P, '--roster', roster, inbox, '--oout', 'r.xlsx'])).stderr).toContain('是否应为 --out？');
    const far = await pingyi(['validate', '--scheme', P, '--bogus', inbox]);
    expect(far.stderr).toContain('未知选项 --bogus（本命令的选项：--scheme、--roster、--history、--out、--json、--today、--year、--members、--expected）');
    const missing = await pingyi(['score', '--scheme', P, '--roster', roster, inbox, '--out']);
    expect([missing.code, missing.stderr.includes('选项 --out 后面缺少值')]).toEqual([2, true]);
  });

  it('template --out naming a file: a usage error, not an internal one; the file is left as it was', async () => {
    const before = snapshot(roster);
    const r = await pingyi(['template', '--scheme', P, '--roster', roster, '--out', roster]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out 应为存放模板的文件夹');
    expect(changedSince(before)).toEqual([]);
  });

  it('validate --out is refused rather than ignored', async () => {
    const r = await pingyi(['validate', '--scheme', P, '--roster', roster, inbox, '--out', path.join(dir, 'v.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('validate 只校验、不写文件');
    expect(fs.existsSync(path.join(dir, 'v.xlsx'))).toBe(false);
  });

  it('--expected as one number where the scheme has one rater group; with two groups it must say which', async () => {
    const r = await pingyi(['validate', '--scheme', P, '--roster', roster, inbox, '--expected', '20', '--json']);
    expect(r.code).toBe(0);
    expect(parseJson(r).participation.map((p) => [p.expected, p.returned, p.rate])).toEqual([[20, 1, '5.00%']]);
    const two = await pingyi(['validate', '--scheme', 'p4-middle-managers', '--roster', roster, inbox, '--expected', '20']);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('本方案有 2 个测评人类别，请写成 类别=人数');
  });

  it('--help names --today', async () => {
    expect((await pingyi(['--help'])).stdout).toContain('--today YYYY-MM-DD');
  });

  it('--history naming a file that is no workbook (a .docx): 不是工作簿, exit 2', async () => {
    const doc = path.join(dir, '往年.docx');
    fs.writeFileSync(doc, 'hello\n');
    const r = await pingyi(['validate', '--scheme', P, '--roster', roster, '--history', doc, inbox]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`往年结果文件「${doc}」不是工作簿`);
  });

  it('a 往年结果 left blank: one error for the file (exit 1)', async () => {
    const blank = writeGrids(path.join(dir, '往年结果.xlsx'), 'xlsx', { name: '往年结果', rows: [['姓名', '2024年', '2025年'], ['周敏'], ['吴杰']], merges: [] });
    const r = await pingyi(['validate', '--scheme', P, '--roster', roster, '--history', blank, inbox, '--today', '2026-12-10', '--json']);
    expect(r.code).toBe(1);
    const unreadable = parseJson(r).findings.filter((f) => f.code === 'HISTORY_UNREADABLE');
    expect(unreadable.map((f) => [f.severity, f.message])).toEqual([
      ['error', '往年结果「往年结果.xlsx」中没有填写任何等次（各年度列都是空白），连续次数无从核对；请填写往年的评议等次后重新运行'],
    ]);
  });

  it('--history for a scheme without a 连续 N 次 rule: said to be unused', async () => {
    const history = writeGrids(path.join(dir, '往年结果2.xlsx'), 'xlsx', { name: '往年结果', rows: [['姓名', '2025年'], ['周敏', '称职']], merges: [] });
    const r = await pingyi(['validate', '--scheme', 'p4-middle-managers', '--roster', roster, '--history', history, inbox, '--json']);
    const unused = parseJson(r).findings.filter((f) => f.code === 'HISTORY_NOT_USED');
    expect(unused.map((f) => [f.file, f.severity, f.message])).toEqual([['往年结果2.xlsx', 'warning', '方案「中层干部述职考核（干部、员工加权）」没有“连续N次”的处理，往年结果未使用']]);
    // With such a rule, no such finding.
    const used = await pingyi(['validate', '--scheme', P, '--roster', roster, '--history', history, inbox, '--json']);
    expect(parseJson(used).findings.map((f) => f.code)).not.toContain('HISTORY_NOT_USED');
  });
});

describe('the summary lists a tie as 排名表 does (按姓氏笔画), not in roster order', () => {
  it('赵敏 (赵 9 strokes) and 刘洋 (刘 6), tied, roster order 赵敏 first: 刘洋 first in both', async () => {
    const dir = tempDir('ties');
    const roster = writeRoster(path.join(dir, '名册.xlsx'), ['姓名'], [['赵敏'], ['刘洋'], ['吴杰']]);
    fs.mkdirSync(path.join(dir, '回收'));
    ballot(path.join(dir, '回收', '票1.xlsx'), ['赵敏', '刘洋', '吴杰'], ['吴杰']);
    const out = path.join(dir, '结果.xlsx');
    const r = await pingyi(['score', '--scheme', P, '--roster', roster, path.join(dir, '回收'), '--today', '2026-12-10', '--out', out]);
    const ranking = sheetRows(out, '排名表').flat().filter((v) => ['赵敏', '刘洋', '吴杰'].includes(v));
    const summary = r.stdout.split('定等理由')[0];
    const order = ['赵敏', '刘洋', '吴杰'].sort((a, b) => summary.indexOf(a) - summary.indexOf(b));
    fs.rmSync(dir, { recursive: true, force: true });
    expect(ranking.slice(0, 2)).toEqual(['刘洋', '赵敏']);
    expect(order.slice(0, 2)).toEqual(['刘洋', '赵敏']);
  });
});

describe('a ballot re-sent unchanged beside the old file (票03（更正）.xlsx next to 票03.xlsx)', () => {
  it('is counted once and said; the tier rests on one vote per rater', async () => {
    const dir = tempDir('resent');
    const roster = writeRoster(path.join(dir, '名册.xlsx'), ['姓名'], [['刘洋'], ['周敏']]);
    const inbox = path.join(dir, '回收');
    fs.mkdirSync(inbox);
    // 刘洋 不合格 on 票03 only: 1 of 2 = 50%, not 超过50% → 合格; 票03 counted twice would make 2 of 3 → 不合格.
    ballot(path.join(inbox, '票03.xlsx'), ['刘洋', '周敏'], ['刘洋']);
    ballot(path.join(inbox, '票03（更正）.xlsx'), ['刘洋', '周敏'], ['刘洋'], '评议票（更正）'); // other bytes, same marks
    ballot(path.join(inbox, '票05.xlsx'), ['刘洋', '周敏'], []);
    const r = await pingyi(['validate', '--scheme', P, '--roster', roster, inbox, '--today', '2026-12-10', '--json']);
    fs.rmSync(dir, { recursive: true, force: true });
    const j = parseJson(r);
    expect(j.findings.filter((f) => f.code === 'RESENT_FILE').map((f) => [f.file, f.message])).toEqual([
      ['票03（更正）.xlsx', '可能是重新发送的同一张票：评价与「票03.xlsx」完全相同，只计一次'],
    ]);
    expect(j.participation.map((p) => p.returned)).toEqual([2]);
    expect(j.subjects.find((s) => s.name === '刘洋')!.tier).toBe('合格');
  });
});

describe('--expected per unit, for a form held per unit (p3 村评 in each village)', () => {
  let dir: string;
  let roster: string;
  let inbox: string;
  const run = (expected: string) => pingyi(['validate', '--scheme', 'p3-village-two-rounds', '--roster', roster, inbox, '--expected', expected, '--json']);
  beforeAll(() => {
    dir = tempDir('expected-units');
    roster = writeRoster(path.join(dir, '名册.xlsx'), ['姓名', '所在村'], [['王毅', '张庄村'], ['张伟', '吴芳村']]);
    inbox = path.join(dir, '回收');
    fs.mkdirSync(inbox);
    // One 村评 ballot of 吴芳村 (its 所在村 field), 张伟 优秀.
    writeGrids(path.join(inbox, '吴芳村-1.xlsx'), 'xlsx', {
      ...matrixSheet('测评表', { title: '村党组织书记“双述双评”测评表', fields: ['测评人类别：参会人员', '所在村：吴芳村', '轮次：村评'], levels: ['优秀', '称职', '基本称职', '不称职'], rows: [{ name: '张伟', marks: [0] }] }),
    });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('张庄村=4,吴芳村=5: each village\'s 回收率 (0/4 = 0.00%, 1/5 = 20.00%); the 村评 row 4 + 5 = 9 (1/9 = 11.11%)', async () => {
    const r = await run('张庄村=4,吴芳村=5');
    expect(r.code).toBe(0);
    const village = parseJson(r).participation.find((p) => p.round === '村评')!;
    expect(village).toMatchObject({ expected: 9, returned: 1, rate: '11.11%' });
    expect(village.byUnit!.map((u) => [u.unit, u.expected, u.returned, u.rate])).toEqual([
      ['张庄村', 4, 0, '0.00%'],
      ['吴芳村', 5, 1, '20.00%'],
    ]);
  });

  it('a unit with a round is a usage error; a unit the roster lacks refuses the run (exit 2)', async () => {
    const withRound = await run('村评/张庄村=4');
    expect(withRound.code).toBe(2);
    expect(withRound.stderr).toContain('单位的应参评人数不分轮次');
    const notListed = await run('张庄=4');
    expect(notListed.code).toBe(2);
    expect(notListed.stderr).toContain('「张庄」不是名册中的单位（名册中的单位：张庄村、吴芳村）');
  });
});
