/**
 * The `pingyi` commands one by one: presets, sort --by stroke (stdin), usage errors (exit 2),
 * validate's exit codes (1 with error-level findings, 0 on clean input) and its plain-text output
 * (findings as file!sheet!cell: message), a scheme given as a JSON file carrying its own roster,
 * and the guard that keeps --out from overwriting an input.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { getPreset } from '../../src/core/presets';
import { matrixSheet } from '../helpers/grids';
import { writeRoster } from '../helpers/fill-workbook';
import { changedSince, parseJson, pingyi, snapshot, subject, tempDir, writeGrids } from './cli-harness';

jest.setTimeout(30_000);

const PRESET_IDS = ['p1-double-pledge', 'p3-village-two-rounds', 'p3-community-consecutive', 'p4-secretary-appraisal', 'p4-middle-managers', 'p5-party-members'];

describe('pingyi presets', () => {
  it('lists every preset, its id first on each line, then a Chinese description; exit 0', async () => {
    const r = await pingyi(['presets']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split(/\s/)[0])).toEqual(PRESET_IDS);
    for (const l of lines) expect(l.slice(l.search(/\s/))).toMatch(/[\u4e00-\u9fff]{4,}/);
    expect(lines[5]).toContain('民主评议党员');
  });
});

describe('pingyi sort --by stroke', () => {
  it('reads one name a line from stdin (CRLF, blank lines) and prints them 按姓氏笔画', async () => {
    // Surnames by strokes: 丁 2; 马 3; 王 4 (一一丨一) before 尹 4 (𠃍一一丿): 横 before 折;
    // 李 7 (一…) < 何 7 (丿…) < 张 7 (𠃍一㇉…) < 陈 7 (𠃌丨…: second stroke 竖 after 横).
    // Same surname: the one-character given name first (丁宁 before 丁小强, 王　毅 before 王沪宁);
    // the padding in "王　毅" is ignored and kept in the output.
    const r = await pingyi(['sort', '--by', 'stroke'], '陈静\r\n张伟\n\n何静\n李娜\n尹平\n王沪宁\n王　毅\n马兰\n丁小强\n丁宁\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(['丁宁', '丁小强', '马兰', '王　毅', '王沪宁', '尹平', '李娜', '何静', '张伟', '陈静', ''].join('\n'));
  });

  it('reads a list pasted as published: names apart by 、，； or two spaces and more, padded names kept whole', async () => {
    const r = await pingyi(['sort', '--by', 'stroke'], '陈静、张伟，何静\n李　娜　　王　毅　　丁小强\n阿依古丽 买买提；马兰\n');
    expect(r.code).toBe(0);
    // 丁 2, 马 3, 王 4, then the 7-stroke surnames: 李 1…, 何 3…, 张 5 1…, 阿 5 2 1 2… (阝 + 可), 陈 5 2 1 5… (阝 + 东).
    expect(r.stdout.split('\n')).toEqual(['丁小强', '马兰', '王　毅', '李　娜', '何静', '张伟', '阿依古丽 买买提', '陈静', '']);
  });

  it('does not cut a name at the comma of its annotation (丁月牙（女，回族）), as published lists write them', async () => {
    const r = await pingyi(['sort', '--by', 'stroke'], '马兰，丁月牙（女，回族），王毅（女，满族）、刘洋\n');
    expect(r.stdout).toBe('丁月牙（女，回族）\n马兰\n王毅（女，满族）\n刘洋\n');
    // A bracket left open does not swallow the rest of the line.
    expect((await pingyi(['sort', '--by', 'stroke'], '王毅（女，刘洋\n')).stdout).toBe('王毅（女\n刘洋\n');
  });

  it('keeps a two-character name padded with a wide gap (王  毅) whole: no name has one character', async () => {
    const r = await pingyi(['sort', '--by', 'stroke'], '陈  静    李  娜　　王沪宁\n');
    expect(r.stdout).toBe('王沪宁\n李  娜\n陈  静\n');
  });

  it('says on stderr which names it could not place by the rule (characters without stroke data)', async () => {
    const r = await pingyi(['sort', '--by', 'stroke'], '侴明\n王毅\nSmith\n王侴\n王一\n');
    expect(r.code).toBe(0);
    // A character without data sorts after every Han character at its place: 侴明 after 王毅 (a
    // surname), 王侴 after 王一 and 王毅 (a given name) but still among the 王 names.
    expect(r.stdout).toBe('王一\n王毅\n王侴\nSmith\n侴明\n');
    expect(r.stderr).toBe('注：王侴、Smith、侴明 的姓名含无笔画数据的字符，该字暂排在同位置的其他汉字之后，顺序请人工核对。\n');
    expect((await pingyi(['sort', '--by', 'stroke'], '王毅\n')).stderr).toBe('');
  });

  it('without --by stroke is a usage error (exit 2)', async () => {
    expect((await pingyi(['sort'], '王芳\n')).code).toBe(2);
    expect((await pingyi(['sort', '--by', 'pinyin'], '王芳\n')).code).toBe(2);
  });
});

describe('usage errors exit 2 and print the usage on stderr', () => {
  let dir: string;
  let roster: string;
  let ballot: string;
  beforeAll(() => {
    dir = tempDir('usage');
    roster = writeRoster(path.join(dir, '名册.xlsx'), ['姓名'], [['周敏'], ['吴杰']]);
    ballot = writeGrids(
      path.join(dir, '评议票.xlsx'),
      'xlsx',
      matrixSheet('评议票', { title: '评议票', levels: ['合格', '不合格'], rows: [{ name: '周敏', marks: [0] }, { name: '吴杰', marks: [1] }] }),
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const P = 'p3-community-consecutive';
  it.each([
    ['an unknown command', () => ['frobnicate'], '未知命令「frobnicate」'],
    ['no command at all', () => [], '用法'],
    ['validate without --scheme', () => ['validate', '--roster', roster, ballot], '缺少 --scheme'],
    ['score without --scheme', () => ['score', '--roster', roster, ballot, '--out', path.join(dir, 'r.xlsx')], '缺少 --scheme'],
    ['an unknown preset id', () => ['validate', '--scheme', 'p9-nothing', '--roster', roster, ballot], '找不到方案「p9-nothing」'],
    ['score without --out', () => ['score', '--scheme', P, '--roster', roster, ballot], 'score 需要 --out'],
    ['validate without files', () => ['validate', '--scheme', P, '--roster', roster], '请给出要处理的文件或文件夹'],
    ['an input that does not exist', () => ['validate', '--scheme', P, '--roster', roster, path.join(dir, '没有.xlsx')], '找不到「'],
    ['a roster that does not exist', () => ['validate', '--scheme', P, '--roster', path.join(dir, '没有名册.xlsx'), ballot], '找不到名册文件'],
    ['an unknown option', () => ['validate', '--scheme', P, '--bogus', ballot], '参数有误'],
    ['template without --out', () => ['template', '--scheme', P], '缺少 --out'],
    ['--out equal to an input file named', () => ['score', '--scheme', P, '--roster', roster, ballot, '--out', ballot], '--out 不能是输入文件之一'],
    ['--out equal to a file inside an input folder', () => ['score', '--scheme', P, '--roster', roster, dir, '--out', ballot], '--out 不能是输入文件之一'],
  ])('%s', async (_, argv, message) => {
    const before = snapshot(dir);
    const r = await pingyi(argv());
    expect(r.code).toBe(2);
    const text = r.stderr + r.stdout;
    expect(text).toContain(message);
    expect(text).toContain('用法');
    // Nothing written, nothing overwritten.
    expect(changedSince(before)).toEqual([]);
    expect(fs.readdirSync(dir).sort()).toEqual([...before.keys()].map((p) => path.basename(p)).sort());
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    const r = await pingyi(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('pingyi score');
  });
});

describe('--out must not overwrite an input: the roster and the scheme file are inputs too', () => {
  let dir: string;
  let roster: string;
  let ballot: string;
  let schemeFile: string;
  beforeAll(() => {
    dir = tempDir('out-guard');
    roster = writeRoster(path.join(dir, '名册.xlsx'), ['姓名'], [['周敏'], ['吴杰']]);
    fs.mkdirSync(path.join(dir, 'in'));
    ballot = writeGrids(
      path.join(dir, 'in', '评议票.xlsx'),
      'xlsx',
      matrixSheet('评议票', { title: '评议票', levels: ['合格', '不合格'], rows: [{ name: '周敏', marks: [0] }, { name: '吴杰', marks: [1] }] }),
    );
    schemeFile = path.join(dir, '方案.json');
    fs.writeFileSync(schemeFile, JSON.stringify({ ...getPreset('p3-community-consecutive'), roster: [{ name: '周敏' }, { name: '吴杰' }] }, null, 2));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('score --roster 名册.xlsx --out 名册.xlsx is refused (exit 2) and the roster is left as it was', async () => {
    const before = snapshot(roster, ballot);
    const r = await pingyi(['score', '--scheme', 'p3-community-consecutive', '--roster', roster, path.join(dir, 'in'), '--out', roster]);
    expect(changedSince(before)).toEqual([]);
    expect(r.code).toBe(2);
  });

  it('score --scheme 方案.json --out 方案.json is refused (exit 2) and the scheme file is left as it was', async () => {
    const before = snapshot(schemeFile, ballot);
    const r = await pingyi(['score', '--scheme', schemeFile, path.join(dir, 'in'), '--out', schemeFile]);
    expect(changedSince(before)).toEqual([]);
    expect(r.code).toBe(2);
  });
});

describe('score --out: a folder that does not exist yet is made; a folder given as the file is refused', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('out-folder');
    writeRoster(path.join(dir, '名册.xlsx'), ['姓名'], [['周敏'], ['吴杰']]);
    fs.mkdirSync(path.join(dir, 'in'));
    writeGrids(
      path.join(dir, 'in', '评议票.xlsx'),
      'xlsx',
      matrixSheet('评议票', { title: '评议票', levels: ['合格', '不合格'], rows: [{ name: '周敏', marks: [0] }, { name: '吴杰', marks: [1] }] }),
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes 结果/2026/结果.xlsx, making both folders (as template does), exit 0', async () => {
    const out = path.join(dir, '结果', '2026', '结果.xlsx');
    const r = await pingyi(['score', '--scheme', 'p3-community-consecutive', '--roster', path.join(dir, '名册.xlsx'), path.join(dir, 'in'), '--out', out]);
    expect(r.stderr).not.toContain('内部错误');
    expect(r.code).toBe(0);
    expect(fs.statSync(out).isFile()).toBe(true);
  });

  it('an existing folder as --out: a usage message naming a file in it (exit 2), not an internal error', async () => {
    const folder = path.join(dir, '已有文件夹');
    fs.mkdirSync(folder);
    const r = await pingyi(['score', '--scheme', 'p3-community-consecutive', '--roster', path.join(dir, '名册.xlsx'), path.join(dir, 'in'), '--out', folder]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out 应为结果文件');
    expect(r.stderr).not.toContain('内部错误');
  });
});

describe('pingyi validate: exit codes and plain-text findings', () => {
  const P = 'p3-community-consecutive';
  let dir: string;
  let roster: string;
  let clean: string;
  let bad: string;
  beforeAll(() => {
    dir = tempDir('validate');
    roster = writeRoster(path.join(dir, '名册.xlsx'), ['姓名', '职务'], [
      ['周敏', '社区书记'],
      ['吴杰', '社区主任'],
      ['郑洁', '委员'],
    ]);
    clean = path.join(dir, 'clean');
    bad = path.join(dir, 'bad');
    fs.mkdirSync(clean);
    fs.mkdirSync(bad);
    const sheet = (rows: { name: string; marks: (number | number[])[] }[]) =>
      matrixSheet('评议票', { title: '社区“两委”干部勤廉双述双评评议票', fields: ['测评人类别：与会人员'], levels: ['合格', '不合格'], rows });
    writeGrids(path.join(clean, '票1.xlsx'), 'xlsx', sheet([{ name: '周敏', marks: [0] }, { name: '吴杰', marks: [1] }, { name: '郑洁', marks: [0] }]));
    writeGrids(path.join(clean, '票2.xlsx'), 'xlsx', sheet([{ name: '周敏', marks: [0] }, { name: '吴杰', marks: [0] }, { name: '郑洁', marks: [1] }]));
    // Columns A 姓名, B 合格, C 不合格; header at row 3. Row 4: 周敏 with two marks (B4 and C4 →
    // MULTIPLE_MARKS at B4); row 6: 王五 not in the roster (A6). 周敏 then has no valid vote at all
    // (NO_VALID_VOTES and TIER_UNDECIDED, both warnings).
    writeGrids(
      path.join(bad, '票3.xlsx'),
      'xlsx',
      sheet([{ name: '周敏', marks: [[0, 1]] }, { name: '吴杰', marks: [1] }, { name: '王五', marks: [0] }, { name: '郑洁', marks: [0] }]),
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('clean input: exit 0, a one-line count, no finding lines', async () => {
    const r = await pingyi(['validate', '--scheme', P, '--roster', roster, clean]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('共读取 2 张票，计入 2 张；错误 0 条，提醒 0 条');
  });

  it('error-level findings: exit 1, each finding printed as file!sheet!cell: message', async () => {
    const r = await pingyi(['validate', '--scheme', P, '--roster', roster, bad]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    // 提醒: two from the results, and no 往年结果 for the one 不合格 (HISTORY_MISSING).
    expect(lines[0]).toBe('共读取 1 张票，计入 1 张；错误 2 条，提醒 3 条');
    expect(lines).toContainEqual(expect.stringMatching(/^票3\.xlsx!评议票!B4: .*B4、C4.*/));
    expect(lines).toContainEqual(expect.stringMatching(/^票3\.xlsx!评议票!A6: .*王五.*/));
    // Every line: file, then !sheet!cell when the finding has them, then ": message".
    for (const l of lines.slice(1)) expect(l).toMatch(/^[^!:\s]+(![^!:]+![A-Z]+\d+)?: \S/);
    expect(lines.slice(1).filter((l) => l.startsWith('（汇总）: '))).toHaveLength(3);
  });

  it('--history: past years make this 不合格 the second in a row (诫勉谈话), and nothing is said missing', async () => {
    const history = writeRoster(path.join(dir, '往年结果.xlsx'), ['姓名', '2024年', '2025年'], [
      ['吴杰', '合格', '不合格'],
      ['周敏', '合格', '合格'],
    ]);
    const withHistory = parseJson(await pingyi(['validate', '--scheme', P, '--roster', roster, '--history', history, bad, '--json']));
    expect(subject(withHistory, '吴杰').consequences.map((c) => c.action)).toEqual(['由街道予以诫勉谈话，工资按原工资的80%发放']);
    expect(withHistory.findings.some((f) => f.code === 'HISTORY_MISSING')).toBe(false);
    const without = parseJson(await pingyi(['validate', '--scheme', P, '--roster', roster, bad, '--json']));
    expect(subject(without, '吴杰').consequences.map((c) => c.action)).toEqual(['警示谈话']);
    expect(without.findings.filter((f) => f.code === 'HISTORY_MISSING').map((f) => f.file)).toEqual(['（汇总）']);
    expect((await pingyi(['validate', '--scheme', P, '--roster', roster, '--history', path.join(dir, '无此文件.xlsx'), bad])).code).toBe(2);
  });

  it('--history given once a year (one file each): both are read and each person\'s years joined — 不合格 in 2024, 2025 and now is the third (免职)', async () => {
    const y2024 = writeRoster(path.join(dir, '往年结果2024.xlsx'), ['姓名', '2024年'], [['吴杰', '不合格'], ['周敏', '合格']]);
    const y2025 = writeRoster(path.join(dir, '往年结果2025.xlsx'), ['姓名', '2025年'], [['吴杰', '不合格'], ['周敏', '合格']]);
    const both = parseJson(await pingyi(['validate', '--scheme', P, '--roster', roster, '--history', y2024, '--history', y2025, bad, '--today', '2026-12-01', '--json']));
    expect(subject(both, '吴杰').consequences.map((c) => c.action)).toEqual(['按有关组织程序予以免职或建议社区居民大会按程序予以罢免；评议中提出的问题记入问题整改台帐，限期解决销号']);
    expect(both.findings.filter((f) => f.code.startsWith('HISTORY_'))).toEqual([]);
    // Files that give one year two different 等次 for one person: neither row is used, and the year is named.
    const other2025 = writeRoster(path.join(dir, '往年结果2025另.xlsx'), ['姓名', '2025年'], [['吴杰', '合格']]);
    const clash = parseJson(await pingyi(['validate', '--scheme', P, '--roster', roster, '--history', y2025, '--history', other2025, bad, '--today', '2026-12-01', '--json']));
    expect(subject(clash, '吴杰').consequences.map((c) => c.action)).toEqual(['警示谈话']);
    expect(clash.findings.filter((f) => f.code === 'HISTORY_MATCH_UNCLEAR').map((f) => f.message)).toEqual([
      '往年结果中可能是「吴杰」的有 2 行：吴杰（往年结果2025.xlsx!名册!A2）姓名相符，但 2025 年与往年结果2025另.xlsx!名册!B2 的「合格」不一致；吴杰（往年结果2025另.xlsx!名册!A2）姓名相符，但 2025 年与往年结果2025.xlsx!名册!B2 的「不合格」不一致，无法确定哪一行是本人的，均未使用；本次被评为「不合格」，连续次数按本次为第一次计，请评议委员会核实；请在往年结果中写明与名册一致的单位，或删去不是本人的行',
    ]);
  });

  it('template writes 往年结果.xlsx for the 连续 rule: 姓名 and the two years before the campaign\'s; filled in, --history reads it', async () => {
    const out = path.join(dir, '模板');
    const t = await pingyi(['template', '--scheme', P, '--roster', roster, '--out', out, '--today', '2026-12-01']);
    expect(t.code).toBe(0);
    const file = path.join(out, '往年结果.xlsx');
    expect(t.stdout).toContain(`已生成 ${file}`);
    // As the clerk fills it: the rows are the roster's, in its order, under 序号 | 姓名 | 2024年 | 2025年.
    const wb = XLSX.read(fs.readFileSync(file));
    const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(wb.Sheets['往年结果'], { header: 1, defval: null });
    const header = rows.findIndex((r) => r[1] === '姓名');
    expect(rows[header]).toEqual(['序号', '姓名', '2024年', '2025年']);
    expect(rows.slice(header + 1, header + 4).map((r) => r[1])).toEqual(['周敏', '吴杰', '郑洁']);
    const filled = rows.map((r, i) => (i === header + 2 ? [r[0], r[1], '不合格', '不合格'] : r));
    const history = path.join(dir, '往年结果-已填.xlsx');
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(filled), '往年结果');
    XLSX.writeFile(book, history);
    const j = parseJson(await pingyi(['validate', '--scheme', P, '--roster', roster, '--history', history, bad, '--json']));
    // 不合格 in 2024, 2025 and now: the third time running.
    expect(subject(j, '吴杰').consequences.map((c) => c.action)).toEqual(['按有关组织程序予以免职或建议社区居民大会按程序予以罢免；评议中提出的问题记入问题整改台帐，限期解决销号']);
    // The blank 往年结果 left among ballots is no ballot, and says so.
    const mixed = parseJson(await pingyi(['validate', '--scheme', P, '--roster', roster, out, '--json']));
    expect(mixed.findings.filter((f) => f.file === '往年结果.xlsx').map((f) => [f.code, f.message])).toEqual([
      ['OWN_OUTPUT_SHEET', '工作表「往年结果」是本工具生成的往年结果，不是测评表，未读取'],
    ]);
  });

  it('a result workbook written by score into the folder is passed over on the next run, sheet by sheet, said', async () => {
    const again = path.join(dir, 'again');
    fs.cpSync(clean, again, { recursive: true });
    expect((await pingyi(['score', '--scheme', P, '--roster', roster, again, '--out', path.join(again, '结果.xlsx')])).code).toBe(0);
    const r = parseJson(await pingyi(['validate', '--scheme', P, '--roster', roster, again, '--json']));
    expect(r.participation.map((p) => p.returned)).toEqual([2]);
    expect(r.findings.map((f) => [f.code, f.severity, f.file, f.sheet])).toEqual(
      ['排名表', '公示表', '整改清单', '统计表', '得票情况', '校验结果'].map((sheet) => ['OWN_OUTPUT_SHEET', 'warning', '结果.xlsx', sheet]),
    );
    expect(r.findings[0].message).toBe('工作表「排名表」是本工具生成的排名表，不是测评表，未读取');
  });

  it('--json gives the same findings with code, severity and cell', async () => {
    const j = parseJson(await pingyi(['validate', '--scheme', P, '--roster', roster, bad, '--json']));
    expect(j.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.file, f.sheet, f.cell])).toEqual([
      ['MULTIPLE_MARKS', '票3.xlsx', '评议票', 'B4'],
      ['SUBJECT_NOT_IN_ROSTER', '票3.xlsx', '评议票', 'A6'],
    ]);
  });

  it('a scheme JSON file carrying its roster needs no --roster', async () => {
    const file = path.join(dir, '方案.json');
    fs.writeFileSync(file, JSON.stringify({ ...getPreset(P), roster: [{ name: '周敏' }, { name: '吴杰' }, { name: '郑洁' }] }));
    const r = await pingyi(['validate', '--scheme', file, clean]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('计入 2 张');
  });

  it('without any roster: a usage error (exit 2)', async () => {
    const r = await pingyi(['validate', '--scheme', P, clean]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有名册');
  });

  it('a roster file with no name column: the usage error says why (ROSTER_EMPTY), not "give --roster"', async () => {
    const none = writeRoster(path.join(dir, '无姓名名册.xlsx'), ['人员', '职务'], [['周敏', '社区书记']]);
    const r = await pingyi(['validate', '--scheme', P, '--roster', none, clean]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('名册中没有读到任何被评议对象：名册「无姓名名册.xlsx」中找不到含「姓名」（或「名称」）的表头行');
    expect(r.stderr).not.toContain('请用 --roster 给出名册文件');
  });

  it('a roster headed 名字 is read', async () => {
    const named = writeRoster(path.join(dir, '名字名册.xlsx'), ['名字'], [['周敏'], ['吴杰'], ['郑洁']]);
    const r = await pingyi(['validate', '--scheme', P, '--roster', named, clean]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('计入 2 张');
  });

  it('without any roster: said before a single file is read (no progress lines for a batch of twelve)', async () => {
    const batch = fs.mkdtempSync(path.join(dir, 'batch-'));
    const one = fs.readdirSync(clean).find((f) => f.endsWith('.xlsx'))!;
    for (let i = 0; i < 12; i++) fs.copyFileSync(path.join(clean, one), path.join(batch, `${i}.xlsx`));
    const r = await pingyi(['validate', '--scheme', P, batch]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有名册');
    expect(r.stderr).not.toContain('读取');
    // With a roster the same batch does print progress: the line above would have shown.
    expect((await pingyi(['validate', '--scheme', P, '--roster', roster, batch])).stderr).toContain('读取 12/12');
  });

  it('score without --json prints the summary table and where the result was written', async () => {
    const out = path.join(dir, '结果.xlsx');
    const r = await pingyi(['score', '--scheme', P, '--roster', roster, clean, '--out', out, '--today', '2026-12-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('名次');
    expect(r.stdout).toContain(`结果已写入 ${out}`);
    expect(fs.existsSync(out)).toBe(true);
  });
});

describe('score summary: a subject that receives no tier by rule (预备党员) is 不定等次, not 待定', () => {
  // DOMAIN.md: 预备党员 take part but receive no 等次 — "不定等次", which the result workbook shows
  // (sheet-builder tierText) and the JSON flags; 待定 means the committee still has to decide.
  let dir: string;
  beforeAll(() => {
    dir = tempDir('summary');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the 等次 column of the printed table reads 不定等次 for 周琳 (预备党员)', async () => {
    const roster = writeRoster(path.join(dir, '名册.xlsx'), ['姓名', '职务类别'], [
      ['王磊', null],
      ['周琳', '预备党员'],
    ]);
    fs.mkdirSync(path.join(dir, 'in'));
    writeGrids(
      path.join(dir, 'in', '附表2.xlsx'),
      'xlsx',
      matrixSheet('推荐表', {
        title: '优秀党员民主评议推荐表',
        nameHeader: '姓名',
        levels: ['满意', '比较满意', '基本满意', '不满意'],
        items: ['参加创先争优活动情况', '立足岗位履行职责情况', '承诺践诺情况', '联系和服务群众情况'],
        recommendHeader: '是否推荐',
        rows: [
          { name: '王磊', marks: [0, 0, 0, 1] },
          { name: '周琳', marks: [0, 0, 1, 0] },
        ],
      }),
    );
    const args = ['score', '--scheme', 'p5-party-members', '--roster', roster, path.join(dir, 'in'), '--out', path.join(dir, 'r.xlsx'), '--today', '2026-12-01'];
    const json = parseJson(await pingyi([...args, '--json']));
    expect(subject(json, '周琳').tier).toBeNull();
    expect(subject(json, '周琳').flags).toEqual(['不定等次']);
    const text = (await pingyi(args)).stdout;
    const row = text.split('\n').find((l) => /^\S+\s+周琳\s/.test(l))!;
    expect(row).toBeDefined();
    expect(row).toContain('不定等次');
    // The 等次 column itself (fourth column of 名次 姓名 单位 等次 …) must not read 待定.
    expect(row).not.toMatch(/周琳\s+待定/);
  });
});

describe('--today must be a date (YYYY-MM-DD)', () => {
  let dir: string;
  let roster: string;
  let inbox: string;
  beforeAll(() => {
    dir = tempDir('today');
    roster = writeRoster(path.join(dir, '名册.xlsx'), ['姓名'], [['周敏'], ['吴杰']]);
    inbox = path.join(dir, 'in');
    fs.mkdirSync(inbox);
    // 吴杰 不合格 (1/1 > 50%): a rectification row, whose deadline counts from --today.
    writeGrids(path.join(inbox, '票.xlsx'), 'xlsx', matrixSheet('评议票', { title: '评议票', levels: ['合格', '不合格'], rows: [{ name: '周敏', marks: [0] }, { name: '吴杰', marks: [1] }] }));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a valid date: the deadline is 30 days later', async () => {
    const j = parseJson(await pingyi(['validate', '--scheme', 'p3-community-consecutive', '--roster', roster, inbox, '--json', '--today', '2026-12-01']));
    expect(j.rectification.map((r) => r.deadline)).toEqual(['2026-12-31']);
  });

  it.each([['tomorrow'], ['2026-02-30'], ['2026-13-01']])('--today %s is a usage error (exit 2), not an internal error or a silently shifted date', async (today) => {
    const run = pingyi(['score', '--scheme', 'p3-community-consecutive', '--roster', roster, inbox, '--json', '--out', path.join(dir, 'r.xlsx'), '--today', today]);
    await expect(run).resolves.toMatchObject({ code: 2 });
  });
});

describe('folders: 党小组 subfolders returning files under the same name', () => {
  // Read recursively (README). Raters often return the template under its own name, one folder per
  // sender: 01/评议票.xlsx and 02/评议票.xlsx are two different ballots; 03/评议票.xlsx is a byte copy of
  // 02's. Expected: two ballots counted (01's and 02's), the copy reported once as DUPLICATE_FILE.
  let dir: string;
  let roster: string;
  let inbox: string;
  beforeAll(() => {
    dir = tempDir('folders');
    roster = writeRoster(path.join(dir, '名册.xlsx'), ['姓名'], [['周敏'], ['吴杰']]);
    inbox = path.join(dir, '回收');
    const sheet = (a: number, b: number) =>
      matrixSheet('评议票', { title: '评议票', levels: ['合格', '不合格'], rows: [{ name: '周敏', marks: [a] }, { name: '吴杰', marks: [b] }] });
    for (const d of ['01', '02', '03']) fs.mkdirSync(path.join(inbox, d), { recursive: true });
    writeGrids(path.join(inbox, '01', '评议票.xlsx'), 'xlsx', sheet(0, 1)); // 周敏 合格, 吴杰 不合格
    writeGrids(path.join(inbox, '02', '评议票.xlsx'), 'xlsx', sheet(1, 0)); // 周敏 不合格, 吴杰 合格
    fs.copyFileSync(path.join(inbox, '02', '评议票.xlsx'), path.join(inbox, '03', '评议票.xlsx'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('counts 01 and 02 once each (合格 1, 不合格 1 for both) and drops only the copy', async () => {
    const j = parseJson(await pingyi(['validate', '--scheme', 'p3-community-consecutive', '--roster', roster, inbox, '--json']));
    expect(j.findings.filter((f) => f.code === 'DUPLICATE_FILE')).toHaveLength(1);
    expect(j.participation.map((p) => p.valid)).toEqual([2]);
    expect(Object.fromEntries(j.subjects.map((s) => [s.name, s.shares.map((l) => l.votes)]))).toEqual({ 周敏: [1, 1], 吴杰: [1, 1] });
  });

  it('reports what it left out of the folder: a finding for what may hold ballots or is a document, the computer\'s own files only on stderr', async () => {
    const extra = tempDir('folder-extra');
    fs.cpSync(inbox, extra, { recursive: true });
    fs.writeFileSync(path.join(extra, '01', '说明.docx'), 'not a ballot');
    fs.writeFileSync(path.join(extra, '02', '~$评议票.xlsx'), 'lock');
    fs.writeFileSync(path.join(extra, '.DS_Store'), 'x');
    fs.writeFileSync(path.join(extra, 'Thumbs.db'), 'x');
    fs.mkdirSync(path.join(extra, '.git'));
    fs.copyFileSync(path.join(inbox, '01', '评议票.xlsx'), path.join(extra, '.git', '评议票.xlsx'));
    // What may hold ballots: an archive, a web page saved from Excel, a real ballot whose name starts with a dot.
    fs.writeFileSync(path.join(extra, '附件打包.zip'), 'PK\x03\x04');
    fs.writeFileSync(path.join(extra, '附表.html'), '<html></html>');
    fs.copyFileSync(path.join(inbox, '01', '评议票.xlsx'), path.join(extra, '.隐藏.xlsx'));
    const r = await pingyi(['validate', '--scheme', 'p3-community-consecutive', '--roster', roster, extra, '--json']);
    fs.rmSync(extra, { recursive: true, force: true });
    expect(r.stderr).toContain('文件夹中有 4 个系统文件（临时锁定文件、隐藏文件等），未读取：');
    for (const p of ['.DS_Store', 'Thumbs.db', '.git/', '02/~$评议票.xlsx']) expect(r.stderr).toContain(p);
    // The same two ballots as without the extras; the four files a rater may have sent are findings, errors where they may hold ballots.
    const j = parseJson(r);
    expect(j.participation.map((p) => p.valid)).toEqual([2]);
    expect(j.findings.filter((f) => /说明|~\$|\.git|DS_Store|Thumbs|附件|附表|隐藏/.test(f.file)).map((f) => [f.file, f.code, f.severity])).toEqual([
      ['.隐藏.xlsx', 'FILE_HIDDEN', 'error'],
      ['01/说明.docx', 'FILE_NOT_READ', 'warning'],
      ['附件打包.zip', 'FILE_ARCHIVE', 'error'],
      ['附表.html', 'FILE_NOT_WORKBOOK', 'error'],
    ]);
    expect(r.code).toBe(1);
  });

  it('blames the copy for a byte-identical pair (「 - 副本」, not the original), and names a re-sent (1) with other bytes; both of those count', async () => {
    const extra = tempDir('folder-resent');
    fs.cpSync(inbox, extra, { recursive: true });
    // 01/评议票 - 副本.xlsx: 01's bytes, named before 01/评议票.xlsx in name order ("评议票 " < "评议票.") and
    // modified earlier: the name decides. 03 (02's bytes) is modified after 02: the time decides, as the name would.
    fs.copyFileSync(path.join(inbox, '01', '评议票.xlsx'), path.join(extra, '01', '评议票 - 副本.xlsx'));
    fs.utimesSync(path.join(extra, '01', '评议票 - 副本.xlsx'), new Date('2026-11-01'), new Date('2026-11-01'));
    fs.utimesSync(path.join(extra, '01', '评议票.xlsx'), new Date('2026-11-02'), new Date('2026-11-02'));
    fs.utimesSync(path.join(extra, '02', '评议票.xlsx'), new Date('2026-11-02'), new Date('2026-11-02'));
    fs.utimesSync(path.join(extra, '03', '评议票.xlsx'), new Date('2026-11-03'), new Date('2026-11-03'));
    // 02/评议票(1).xlsx: a corrected form sent again, 周敏 合格 and 吴杰 合格 where 02 has 周敏 不合格, 吴杰 合格.
    writeGrids(
      path.join(extra, '02', '评议票(1).xlsx'),
      'xlsx',
      matrixSheet('评议票', { title: '评议票', levels: ['合格', '不合格'], rows: [{ name: '周敏', marks: [0] }, { name: '吴杰', marks: [0] }] }),
    );
    const r = await pingyi(['validate', '--scheme', 'p3-community-consecutive', '--roster', roster, extra, '--json']);
    fs.rmSync(extra, { recursive: true, force: true });
    const j = parseJson(r);
    expect(j.findings.filter((f) => f.code === 'DUPLICATE_FILE' || f.code === 'RESENT_FILE').map((f) => [f.file, f.code, f.message])).toEqual([
      ['01/评议票 - 副本.xlsx', 'DUPLICATE_FILE', '与「01/评议票.xlsx」逐字节相同：按同一文件重复提交处理，未重复计入。如确为不同测评人分别填写（有的填表软件保存时不记时间，评价相同的票会存成相同的文件），请其中一位测评人填上评议时间或用 Excel、WPS 重新保存后再交，然后重新计算'],
      ['03/评议票.xlsx', 'DUPLICATE_FILE', '与「02/评议票.xlsx」逐字节相同：按同一文件重复提交处理，未重复计入。如确为不同测评人分别填写（有的填表软件保存时不记时间，评价相同的票会存成相同的文件），请其中一位测评人填上评议时间或用 Excel、WPS 重新保存后再交，然后重新计算'],
      ['02/评议票(1).xlsx', 'RESENT_FILE', '可能是重新发送的更正件，与「02/评议票.xlsx」同时计入；如是更正件，请删除旧的'],
    ]);
    // 01, 02 and 02's (1) count: 周敏 合格 2 (01, (1)), 不合格 1 (02); 吴杰 合格 2 (02, (1)), 不合格 1 (01).
    expect(j.participation.map((p) => p.valid)).toEqual([3]);
    expect(Object.fromEntries(j.subjects.map((s) => [s.name, s.shares.map((l) => l.votes)]))).toEqual({ 周敏: [2, 1], 吴杰: [2, 1] });
  });

  it('keeps the earlier modified of a byte-identical pair when neither name says which is the copy, even against name order', async () => {
    const extra = tempDir('folder-times');
    fs.cpSync(inbox, extra, { recursive: true });
    // 03 holds 02's bytes. 02 comes first by name but was modified later, so 03 is the original (findDuplicateFiles:
    // the earlier modified time decides when no name has a copy ending): 02 is the copy. The CLI reads the times of
    // such pairs only; without them the first by name would be kept.
    fs.utimesSync(path.join(extra, '02', '评议票.xlsx'), new Date('2026-11-05'), new Date('2026-11-05'));
    fs.utimesSync(path.join(extra, '03', '评议票.xlsx'), new Date('2026-11-03'), new Date('2026-11-03'));
    const r = await pingyi(['validate', '--scheme', 'p3-community-consecutive', '--roster', roster, extra, '--json']);
    fs.rmSync(extra, { recursive: true, force: true });
    const j = parseJson(r);
    expect(j.findings.filter((f) => f.code === 'DUPLICATE_FILE').map((f) => [f.file, f.message.split('：')[0]])).toEqual([['02/评议票.xlsx', '与「03/评议票.xlsx」逐字节相同']]);
  });

  it('reads a workbook template filled in and returned (.ett, .xltx) in a folder like any workbook', async () => {
    const extra = tempDir('folder-templates');
    fs.mkdirSync(path.join(extra, 'in'));
    // 01 as .ett (WPS template name, xlsx bytes), 02 as .xltx: the same two ballots as the folder of .xlsx.
    fs.copyFileSync(path.join(inbox, '01', '评议票.xlsx'), path.join(extra, 'in', '附表-01.ett'));
    fs.copyFileSync(path.join(inbox, '02', '评议票.xlsx'), path.join(extra, 'in', '附表-02.xltx'));
    const r = await pingyi(['validate', '--scheme', 'p3-community-consecutive', '--roster', roster, path.join(extra, 'in'), '--json']);
    fs.rmSync(extra, { recursive: true, force: true });
    const j = parseJson(r);
    expect(j.participation.map((p) => p.valid)).toEqual([2]);
    expect(Object.fromEntries(j.subjects.map((s) => [s.name, s.shares.map((l) => l.votes)]))).toEqual({ 周敏: [1, 1], 吴杰: [1, 1] });
  });

  it('follows a symbolic link to a folder, and a linked file, naming them by the path given (the listing gives types; links are looked through)', async () => {
    const linked = tempDir('folder-links');
    fs.cpSync(inbox, path.join(linked, 'real'), { recursive: true });
    const top = path.join(linked, 'top');
    fs.mkdirSync(top);
    fs.symlinkSync(path.join(linked, 'real', '01'), path.join(top, '甲'), 'dir');
    fs.symlinkSync(path.join(linked, 'real', '02', '评议票.xlsx'), path.join(top, '乙.xlsx'), 'file');
    const r = await pingyi(['validate', '--scheme', 'p3-community-consecutive', '--roster', roster, top, '--json']);
    fs.rmSync(linked, { recursive: true, force: true });
    const j = parseJson(r);
    expect(j.participation.map((p) => p.valid)).toEqual([2]);
    expect(r.stderr).not.toContain('未读取');
  });

  it('findings name the file so that the clerk can find it (its folder too, when names repeat)', async () => {
    const j = parseJson(await pingyi(['validate', '--scheme', 'p3-community-consecutive', '--roster', roster, inbox, '--json']));
    const dup = j.findings.find((f) => f.code === 'DUPLICATE_FILE')!;
    expect(dup.file).toContain('03');
  });
});

describe('pingyi validate|score: a 计票汇总表 beside ballots (seed 002 第四篇: 各村上报的评议结果)', () => {
  const dir = tempDir('counts');
  const roster = writeRoster(path.join(dir, '名册.xlsx'), ['姓名', '单位'], [['赵刚', '东村'], ['钱丽', '西村']]);
  const inbox = path.join(dir, '回收');
  const LEVELS = ['优秀', '称职', '基本称职', '不称职'];
  beforeAll(() => {
    fs.mkdirSync(inbox);
    // Each village's 计票人 report their own secretary's count; the 镇评 is two ballots.
    writeGrids(path.join(inbox, '东村村评结果.xlsx'), 'xlsx', { name: '汇总', rows: [['东村村述村评测评结果汇总表'], ['轮次：村评', '收回票数：30', '有效票：30'], ['姓名', ...LEVELS, '弃权'], ['赵刚', 24, 5, 1, 0, 0]], merges: [] });
    writeGrids(path.join(inbox, '西村村评结果.xls'), 'biff8', { name: '汇总', rows: [['西村计票结果'], ['轮次：村评', '有效票：20'], ['姓名', '优秀票', '称职票', '基本称职票', '不称职票'], ['钱丽', 10, 8, 2, 0]], merges: [] });
    for (const [k, qian] of [[1, 1], [2, 2]])
      writeGrids(path.join(inbox, `镇评-${k}.xlsx`), 'xlsx', { name: '票', rows: [['轮次：镇评'], ['姓名', ...LEVELS], ['赵刚', '√', null, null, null], ['钱丽', ...LEVELS.map((_, l) => (l === qian ? '√' : null))]], merges: [] });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('validate says how many count sheets and ballots they stand for', async () => {
    const r = await pingyi(['validate', '--scheme', 'p3-village-two-rounds', '--roster', roster, inbox]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    // 提醒 5: the two count sheets said; the 镇评 round of two ballots (below); 村评 is held per village, and each count
    // sheet's title names its village, so only that village's rows count (and it is said). Nobody is left undecided.
    expect(lines[0]).toBe('共读取 2 张票，计入 2 张；另计入计票汇总表 2 张，合 50 票；错误 0 条，提醒 5 条');
    expect(lines.filter((l) => l.includes('是计票汇总表'))).toHaveLength(2);
    // 村评 is held per village: each sheet's title names its village, so only that village's rows count (and it is said).
    expect(lines.filter((l) => l.includes('表中没有“所在村”栏，按标题')).map((l) => l.replace(/^.*按标题/, ''))).toEqual([
      '「东村村述村评测评结果汇总表」计为「东村」的票，只计本村人员，请核实',
      '「西村计票结果」计为「西村」的票，只计本村人员，请核实',
    ]);
    // The 镇评 round is two ballots beside 50 村评 votes: each 镇评 rater reads the other's from the round's figures.
    expect(lines.filter((l) => l.includes('「参会人员」镇评只有 2 张有效票'))).toHaveLength(1);
  });

  it('score counts them as the votes of their ballots', async () => {
    const r = await pingyi(['score', '--scheme', 'p3-village-two-rounds', '--roster', roster, inbox, '--json', '--today', '2026-12-01', '--out', path.join(dir, '结果.xlsx')]);
    const json = parseJson(r);
    expect(json.participation.map((p) => [p.round, p.valid])).toEqual([
      ['村评', 50],
      ['镇评', 2],
    ]);
    // 赵刚: 村评 24/30 = 80%, 镇评 2/2 = 100%, both ≥ 70% → 优秀; pooled 优秀 26 of 32 votes.
    const z = subject(json, '赵刚');
    expect(z.tier).toBe('优秀');
    expect(z.figures.map((f) => [f.round, f.levels[0].votes, f.valid])).toEqual([
      ['村评', 24, 30],
      ['镇评', 2, 2],
    ]);
    // 钱丽: 优秀 10/20 = 50% < 70%; 称职及以上 18/20 = 90% in 村评 but 1/2 = 50% < 60% in 镇评 → not 称职;
    // 基本称职及以上 pooled (20 + 2)/22 = 100% ≥ 50% → 基本称职.
    const qian = subject(json, '钱丽');
    expect(qian.tier).toBe('基本称职');
    expect(qian.reasons[0]).toContain('22/22 = 100.00%');
  });

  it('--expected gives 应参评人数 per round: 村评 50 of 60 = 83.33%, 镇评 2 of 2 = 100.00% (a group\'s number, here by its alias, holds where no round is given)', async () => {
    const run = (expected: string) => pingyi(['validate', '--scheme', 'p3-village-two-rounds', '--roster', roster, inbox, '--json', '--expected', expected]);
    const json = parseJson(await run('村民代表=60，镇评=2'));
    expect(json.participation.map((p) => [p.round, p.expected, p.returned, p.rate])).toEqual([
      ['村评', 60, 50, '83.33%'],
      ['镇评', 2, 2, '100.00%'],
    ]);
    // The round's own number wins over the group's in either order; 轮次/类别 is the same as 轮次 with one group.
    expect(parseJson(await run('镇评/参会人员=4,参会人员=100')).participation.map((p) => p.rate)).toEqual(['50.00%', '50.00%']);
  });

  it('--expected with a name the scheme does not have, a round alone where there are two groups, or no number: usage errors (exit 2) naming what is allowed', async () => {
    const bad = await pingyi(['validate', '--scheme', 'p3-village-two-rounds', '--roster', roster, inbox, '--expected', '干部=12']);
    expect(bad.code).toBe(2);
    // p3's 村评 is held per village: a word that is no group or round may be a village (张庄村=32), so it is checked
    // against the roster, and the message names the villages, the groups and the rounds.
    expect(bad.stderr).toContain('中的「干部」不是名册中的单位（名册中的单位：东村、西村），也不是测评人类别或轮次（本方案的测评人类别：参会人员；轮次：村评、镇评）');
    const twoGroups = await pingyi(['validate', '--scheme', 'p4-middle-managers', '--roster', roster, inbox, '--expected', '集中述职=12']);
    expect(twoGroups.code).toBe(2);
    expect(twoGroups.stderr).toContain('--expected「集中述职=12」：本方案有 2 个测评人类别，请写成 轮次/类别=人数');
    const noNumber = await pingyi(['validate', '--scheme', 'p3-village-two-rounds', '--roster', roster, inbox, '--expected', '村评=十二']);
    expect(noNumber.code).toBe(2);
    expect(noNumber.stderr).toContain('--expected 的每一项应写成 类别=人数（如 干部=12）或 轮次/类别=人数，而不是「村评=十二」');
  });
});

describe('pingyi template: a ballot\'s file is named in full, not cut to its sheet\'s 31 characters', () => {
  it('附1 for a 支部 of a long name is 「党支部开展创先争优活动群众评议表（党员·<the whole name>）.xlsx」', async () => {
    const dir = tempDir('template-names');
    try {
      const branch = '中共某某市某某区某某街道幸福里社区第一党支部委员会';
      const roster = writeRoster(path.join(dir, '名册.xlsx'), ['姓名', '类型'], [[branch, '组织'], ['王芳', '']]);
      const out = path.join(dir, '模板');
      const r = await pingyi(['template', '--scheme', 'p5-party-members', '--roster', roster, '--out', out]);
      expect(r.code).toBe(0);
      const file = `党支部开展创先争优活动群众评议表（党员·${branch}）.xlsx`;
      expect(fs.readdirSync(out)).toContain(file);
      // The sheet inside keeps Excel's 31 characters.
      const wb = XLSX.read(fs.readFileSync(path.join(out, file)));
      expect(wb.SheetNames[0]).toBe('党支部开展创先争（党员·中共某某市某某区某某街道幸福里社区第一');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('pingyi template --counts on a scheme of score sheets', () => {
  it('writes nothing and says why (计票汇总表 are for 打√ forms); exit 0', async () => {
    const dir = tempDir('counts-none');
    try {
      const out = path.join(dir, '模板');
      const r = await pingyi(['template', '--scheme', 'p4-middle-managers', '--out', out, '--counts']);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('方案中没有可按票数汇总的表（计票汇总表只用于打√的等次表）');
      expect(fs.readdirSync(out)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
