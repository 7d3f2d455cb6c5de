/**
 * Round trip through files, for every preset: a roster workbook (SheetJS) → `pingyi template` (the
 * project's exceljs writer) → the templates filled with SheetJS by tests/helpers/fill-workbook.ts
 * (cells found by their labels and names) and saved as separate rater files, some of them drifted
 * the way returned copies drift:
 *   - title rows inserted at the top (merges shifted down),
 *   - a blank column inserted at the left (merges shifted right),
 *   - a header retyped in traditional characters (稱職, 滿意, 較好, 測評得分),
 *   - a name typed with spaces ("王　芳") or in traditional characters (錢麗),
 *   - the very hidden `_pingyi` metadata sheet lost, so that the form, the rater group (测评人类别：…)
 *     and the round (轮次：…) can only come from the labels the template prints;
 * and saved as .xlsx, or as .xls (BIFF8) or .ods for a few copies ("Save As" in WPS or LibreOffice)
 * → `pingyi score --json --today 2026-12-01 --out result.xlsx`, whose tiers, scores, ranks and shares
 * are compared with figures worked out by hand in the comments (a handful of ballots each).
 * Every run also checks the exit code, that the result workbook was written, and that no input file
 * (roster, templates, ballots) changed by a byte.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { FilledTemplate, META_SHEET, fillMiddleManagerScores, sheetRows, writeRoster } from '../helpers/fill-workbook';
import { ResultJson, Run, changedSince, parseJson, pingyi, shares, snapshot, subject, tempDir, votes } from './cli-harness';

jest.setTimeout(30_000);

const TODAY = '2026-12-01';
/** 30 days after TODAY: the presets' default rectification deadline. */
const DEADLINE = '2026-12-31';
/** The result sheets of a preset: 得票情况 for 打√ forms, 得分情况 where a score is computed (P4 two ways). */
const resultSheets = (preset: string) => [
  '排名表',
  '公示表',
  '整改清单',
  '统计表',
  ...(preset === 'p4-middle-managers' ? [] : ['得票情况']),
  ...(preset.startsWith('p4-') ? ['得分情况'] : []),
  '校验结果',
];

interface Campaign {
  dir: string;
  roster: string;
  templateDir: string;
  templates: string[];
  templateRun: Run;
  inbox: string;
}

const made: string[] = [];
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** Writes the roster, runs `pingyi template`, and makes an empty folder for the returned ballots. */
async function campaign(preset: string, header: string[], rows: (string | null)[][]): Promise<Campaign> {
  const dir = tempDir(preset);
  made.push(dir);
  const roster = writeRoster(path.join(dir, '名册.xlsx'), header, rows, '2026年度评议对象名册');
  const templateDir = path.join(dir, '模板');
  const templateRun = await pingyi(['template', '--scheme', preset, '--roster', roster, '--out', templateDir]);
  const templates = fs.readdirSync(templateDir).sort().map((f) => path.join(templateDir, f));
  const inbox = path.join(dir, '回收');
  fs.mkdirSync(inbox);
  return { dir, roster, templateDir, templates, templateRun, inbox };
}

/** The one template whose file name contains every part given (form title, 测评人类别, 轮次). */
function template(c: Campaign, ...parts: string[]): string {
  const hits = c.templates.filter((t) => parts.every((p) => path.basename(t).includes(p)));
  if (hits.length !== 1) throw new Error(`${hits.length} templates match ${parts.join(' ')}: ${c.templates.map((t) => path.basename(t)).join(', ')}`);
  return hits[0];
}

/**
 * Opens a template, fills it, applies drift, and saves it into the inbox under `name`, in the format
 * its extension says (.xls: BIFF8 as WPS or Excel "Save As" 97-2003 writes it; .ods; else .xlsx).
 */
function ballot(c: Campaign, tpl: string, name: string, fill: (t: FilledTemplate) => void): string {
  const t = FilledTemplate.open(tpl);
  fill(t);
  const ext = path.extname(name).toLowerCase();
  return t.save(path.join(c.inbox, name), ext === '.xls' ? 'biff8' : ext === '.ods' ? 'ods' : 'xlsx');
}

/** Every text cell of a workbook's first sheet, joined (to check what a template prints). */
function printed(file: string): string {
  return sheetRows(fs.readFileSync(file))
    .rows.flat()
    .filter((v) => typeof v === 'string')
    .join('\n');
}

interface Scored {
  run: Run;
  json: ResultJson;
  out: string;
  unchanged: string[];
}

/** `pingyi score` on the inbox, with the input files' bytes checked before and after. */
async function score(c: Campaign, preset: string): Promise<Scored> {
  const before = snapshot(c.roster, c.templateDir, c.inbox);
  const out = path.join(c.dir, 'result.xlsx');
  const run = await pingyi(['score', '--scheme', preset, '--roster', c.roster, c.inbox, '--out', out, '--json', '--today', TODAY]);
  return { run, json: parseJson(run), out, unchanged: changedSince(before) };
}

/** Checks common to every preset's run: exit code, the result workbook, untouched inputs, no errors. */
function commonChecks(
  get: () => { c: Campaign; s: Scored },
  expectedTemplates: string[],
  groupsPrinted: Record<string, string[]>,
  expectedFindings: [string, string][],
) {
  it('reports exactly the expected findings (code, file), all warnings', () => {
    const { s } = get();
    const got = s.json.findings.map((f) => [f.code, f.file]).sort((a, b) => (a.join() < b.join() ? -1 : 1));
    expect(got).toEqual([...expectedFindings].sort((a, b) => (a.join() < b.join() ? -1 : 1)));
    expect(s.json.findings.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('`pingyi template` exits 0 and writes one template per form × group (× round), and 往年结果 for a 连续 rule', () => {
    const { c } = get();
    expect(c.templateRun.code).toBe(0);
    expect(c.templates.map((t) => path.basename(t))).toEqual(expectedTemplates);
    for (const t of c.templates) expect(c.templateRun.stdout).toContain(t);
  });

  it('each template prints its 测评人类别 where groups are told apart, none on a form one group fills (and 轮次), and carries a very hidden _pingyi sheet', () => {
    const { c } = get();
    for (const [file, fields] of Object.entries(groupsPrinted)) {
      const t = c.templates.find((x) => path.basename(x) === file)!;
      const text = printed(t);
      for (const f of fields) expect(text).toContain(f);
      if (!fields.some((f) => f.startsWith('测评人类别'))) expect(text).not.toContain('测评人类别');
      const { names, hidden } = sheetRows(fs.readFileSync(t));
      expect(names).toContain(META_SHEET);
      expect(hidden[META_SHEET]).toBe(2);
    }
  });

  it('`pingyi score` exits 0 (no error-level findings), writes the result workbook, and changes no input byte', () => {
    const { s } = get();
    expect(s.json.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(s.run.code).toBe(0);
    expect(fs.existsSync(s.out)).toBe(true);
    // The result sheets, visible, in order (plus the writer's very hidden metadata sheet).
    const book = sheetRows(fs.readFileSync(s.out), '排名表');
    expect(book.names.filter((n) => !book.hidden[n])).toEqual(resultSheets(s.json.scheme.id));
    // 排名表 lists every subject of the result.
    const ranked = book.rows.flat();
    for (const x of s.json.subjects) expect(ranked).toContain(x.name);
    expect(s.unchanged).toEqual([]);
  });
}

/** Drift kept by a copy: the metadata sheet as saved (dropped or not). */
function hasMeta(file: string): boolean {
  return sheetRows(fs.readFileSync(file)).names.includes(META_SHEET);
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
describe('P1 p1-double-pledge: 服务对象代表 and 党组织负责人 rate separately, each 50%', () => {
  const P = 'p1-double-pledge';
  let c: Campaign;
  let s: Scored;
  const files: Record<string, string> = {};
  beforeAll(async () => {
    // One 支部's 述诺大会 (the 测评 is held 以支部为单位: its form lists its members, 所在支部 in the header).
    c = await campaign(P, ['姓名', '单位', '违法违纪'], [
      ['王芳', '第二党支部', null],
      ['李强', '第二党支部', '是（已查处）'],
      ['张伟', '第二党支部', null],
    ]);
    const svc = template(c, '服务对象代表');
    const ldr = template(c, '党组织负责人');
    // 服务对象代表, three ballots.
    files.s1 = ballot(c, svc, '服务对象-1.xlsx', (t) => t.marks({ 王芳: ['优秀'], 李强: ['称职'], 张伟: ['基本称职'] }).comment('意见或建议', '继续保持'));
    // Every drift at once, and no metadata: the group must come from 「测评人类别：服务对象代表」.
    files.s2 = ballot(c, svc, '服务对象-2.xlsx', (t) =>
      t
        .marks({ 王芳: ['优秀'], 李强: ['称职'], 张伟: ['不称职'] })
        .insertRowsAtTop([['附件5'], ['2026年度党员述诺测评']])
        .insertColumnsAtLeft(1)
        .retype('称职', '稱職')
        .retype('王芳', '王　芳')
        .dropMeta(),
    );
    files.s3 = ballot(c, svc, '服务对象-3.xls', (t) => t.marks({ 王芳: ['称职'], 李强: ['基本称职'], 张伟: ['不称职'] }).insertRowsAtTop([['附件5']]));
    // 党组织负责人, two ballots; the first without metadata: 「测评人类别：党组织负责人」 decides.
    files.l1 = ballot(c, ldr, '负责人-1.xlsx', (t) => t.marks({ 王芳: ['优秀'], 李强: ['优秀'], 张伟: ['基本称职'] }).insertRowsAtTop([['附件5'], [null]]).dropMeta());
    files.l2 = ballot(c, ldr, '负责人-2.xlsx', (t) => t.marks({ 王芳: ['称职'], 李强: ['不称职'], 张伟: ['不称职'] }));
    // 承诺书 and 述诺 forms returned into the same folder by mistake: the 认岗承诺书 as written (王芳's sheet
    // filled in, the first), the 年终述诺表 pasted into a fresh workbook (no metadata). Neither is a ballot.
    files.pledge = ballot(c, template(c, '认岗承诺书'), '认岗承诺书（王芳）.xlsx', (t) =>
      t.set(t.find('共性目标岗位').r, t.find('共性目标岗位').c + 1, '服务群众先锋岗').set(t.find('具体措施').r, t.find('具体措施').c + 1, '每周走访服务对象一次'),
    );
    files.review = ballot(c, template(c, '年终述诺表'), '年终述诺表（王芳）.xlsx', (t) => {
      const head = t.find('承诺事项');
      t.set(head.r + 1, head.c, '办结群众来信').set(head.r + 1, head.c + 1, '已全部办结').dropMeta();
    });
    s = await score(c, P);
  });
  commonChecks(
    () => ({ c, s }),
    // The ballot is the 述诺测评's (seed 000 二(五)三是); the 党员践诺情况考评表（附件5） records its results.
    ['党员践诺进度表.xlsx', '党员述诺测评表（第二党支部·党组织负责人）.xlsx', '党员述诺测评表（第二党支部·服务对象代表）.xlsx', '年终述诺表.xlsx', '认岗承诺书.xlsx'],
    {
      '党员述诺测评表（第二党支部·党组织负责人）.xlsx': ['党员述诺测评表', '测评人类别：党组织负责人', '所在支部：第二党支部'],
      '党员述诺测评表（第二党支部·服务对象代表）.xlsx': ['党员述诺测评表', '测评人类别：服务对象代表', '所在支部：第二党支部'],
    },
    [
      ['NAME_NORMALISED', '服务对象-2.xlsx'],
      // One per sheet (王芳, 李强, 张伟) of the returned 认岗承诺书, known by its metadata; the 年终述诺表 without
      // it is no form by its labels: warnings, not FORM_NOT_RECOGNISED errors.
      ['OWN_OUTPUT_SHEET', '认岗承诺书（王芳）.xlsx'],
      ['OWN_OUTPUT_SHEET', '认岗承诺书（王芳）.xlsx'],
      ['OWN_OUTPUT_SHEET', '认岗承诺书（王芳）.xlsx'],
      ['SHEET_NOT_A_FORM', '年终述诺表（王芳）.xlsx'],
      ['SHEET_NOT_A_FORM', '年终述诺表（王芳）.xlsx'],
      ['SHEET_NOT_A_FORM', '年终述诺表（王芳）.xlsx'],
      // Two 党组织负责人: each reads the other's marks from that group's figures (无记名).
      ['TWO_BALLOT_GROUP', '（汇总）'],
    ],
  );

  it('writes the 承诺书 and 述诺 forms (seed 000 附件2–4) as one workbook each, a sheet per member with 姓名 and 所在支部', () => {
    for (const title of ['认岗承诺书', '党员践诺进度表', '年终述诺表']) {
      const book = sheetRows(fs.readFileSync(template(c, title)), '李强');
      expect(book.names.filter((n) => !book.hidden[n])).toEqual(['王芳', '李强', '张伟']);
      expect(book.rows[0][0]).toBe(title);
      expect(book.rows[1]).toContain('姓名：李强');
      expect(book.rows[1]).toContain('所在支部：第二党支部');
    }
    const said = s.json.findings.filter((f) => f.code === 'OWN_OUTPUT_SHEET');
    expect(said.map((f) => f.sheet)).toEqual(['王芳', '李强', '张伟']);
    expect(said[0].message).toBe('工作表「王芳」是本工具生成的认岗承诺书，不是测评表，未读取');
  });

  it('the drifted copies were saved without metadata, the others with it', () => {
    expect([files.s1, files.s2, files.s3, files.l1, files.l2].map(hasMeta)).toEqual([true, false, true, false, true]);
  });

  it('counts every ballot in its group, the label-only copies included (服务对象代表 3, 党组织负责人 2)', () => {
    expect(s.json.participation.map((p) => [p.group, p.returned, p.valid, p.invalid])).toEqual([
      ['服务对象代表', 3, 3, 0],
      ['党组织负责人', 2, 2, 0],
    ]);
  });

  it('王芳: 服务 优秀 2/3, 负责人 优秀 1/2 → weighted (2/3 + 1/2)/2 = 7/12 = 58.33% ≥ 50% → 优秀, rank 1', () => {
    const w = subject(s.json, '王芳');
    expect(w.tier).toBe('优秀');
    expect(w.rank).toBe(1);
    // Pooled over groups: 优秀 3 of 5, 称职 2 of 5 (the 稱職 column of the drifted copy was read).
    expect(votes(w)).toEqual({ 优秀: 3, 称职: 2, 基本称职: 0, 不称职: 0 });
    expect(shares(w)).toEqual({ 优秀: '60.00%', 称职: '40.00%', 基本称职: '0.00%', 不称职: '0.00%' });
    expect(w.reasons[0]).toContain('58.33%');
    expect(w.figures.map((f) => [f.group, f.valid, f.levels[0].share])).toEqual([
      ['服务对象代表', 3, '66.67%'],
      ['党组织负责人', 2, '50.00%'],
    ]);
  });

  it('李强: 优秀 weighted (0 + 1/2)/2 = 25%; 称职及以上 (2/3 + 1/2)/2 = 58.33% → 称职, rank 2; 违法违纪 noted as the unit\'s 一票否决 (flag 单位工作否决)', () => {
    const l = subject(s.json, '李强');
    expect(l.tier).toBe('称职');
    expect(l.rank).toBe(2);
    expect(votes(l)).toEqual({ 优秀: 1, 称职: 2, 基本称职: 1, 不称职: 1 });
    expect(l.flags).toContain('单位工作否决');
    expect(l.vetoes.map((v) => v.id)).toEqual(['pioneer-violation']);
  });

  it('张伟: 基本称职及以上 (1/3 + 1/2)/2 = 5/12 = 41.67% < 50% → 不称职, rank 3, rectification due in 30 days', () => {
    const z = subject(s.json, '张伟');
    expect(z.tier).toBe('不称职');
    expect(z.rank).toBe(3);
    expect(votes(z)).toEqual({ 优秀: 0, 称职: 0, 基本称职: 2, 不称职: 3 });
    expect(s.json.rectification.map((r) => [r.subject, r.deadline])).toEqual([['张伟', DEADLINE]]);
  });

  it('the name typed "王　芳" is matched to 王芳 and reported (warning) at its shifted cell C8', () => {
    const f = s.json.findings.filter((x) => x.code === 'NAME_NORMALISED');
    // Template: name of the first row at B6 (测评人类别, 所在支部 and 评议时间 a row each); +2 title rows, +1 column → C8.
    expect(f.map((x) => [x.file, x.cell, x.severity])).toEqual([['服务对象-2.xlsx', 'C8', 'warning']]);
  });
});

// ─────────────────────────────────────────────────────────────────────────────────────────────
describe('P3 p3-village-two-rounds: 村评 and 镇评, each round on its own for 优秀/称职, pooled for the rest', () => {
  const P = 'p3-village-two-rounds';
  let c: Campaign;
  let s: Scored;
  beforeAll(async () => {
    c = await campaign(P, ['姓名', '单位'], [
      ['赵刚', '东村'],
      ['钱丽', '西村'],
      ['孙明', '南村'],
    ]);
    const town = template(c, '镇评');
    // 村评 is held in each village (seed 五、1): each village's four ballots rate its own secretary, on its own form.
    //   V1 优 称 称 | V2 称 优 称 | V3 优 称 基 | V4 优 称 不   (赵刚/东村, 钱丽/西村, 孙明/南村)
    const marks: Record<string, [string, string, string[]]> = {
      赵刚: ['东村', '东村', ['优秀', '称职', '优秀', '优秀']],
      钱丽: ['西村', '西村', ['称职', '优秀', '称职', '称职']],
      孙明: ['南村', '南村', ['称职', '称职', '基本称职', '不称职']],
    };
    for (const [name, [village, file, levels]] of Object.entries(marks)) {
      const tpl = template(c, `${village}·村评`);
      ballot(c, tpl, `村评-${file}-1.xlsx`, (t) => t.marks({ [name]: [levels[0]] }));
      // Without metadata, the round and the village can only come from 「轮次：村评」 and 「所在村：…」 printed on the template.
      ballot(c, tpl, `村评-${file}-2.xlsx`, (t) => (name === '赵刚' ? t.marks({ 赵刚: [levels[1]] }).retype('赵刚', '赵　刚') : t.marks({ [name]: [levels[1]] })).dropMeta());
      ballot(c, tpl, `村评-${file}-3.xlsx`, (t) => t.marks({ [name]: [levels[2]] }).insertRowsAtTop([['附件1'], ['村述村评测评票']]));
      ballot(c, tpl, `村评-${file}-4.xlsx`, (t) => t.marks({ [name]: [levels[3]] }).insertColumnsAtLeft(1));
    }
    // 镇评, three ballots:  T1 优 称 称 | T2 优 称 不 | T3 优 基 不
    ballot(c, town, '镇评-1.xlsx', (t) => t.marks({ 赵刚: ['优秀'], 钱丽: ['称职'], 孙明: ['称职'] }));
    ballot(c, town, '镇评-2.xlsx', (t) => t.marks({ 赵刚: ['优秀'], 钱丽: ['称职'], 孙明: ['不称职'] }).retype('钱丽', '錢麗'));
    // Every drift, no metadata: 「轮次：镇评」 after two title rows and a blank column, headers retyped.
    ballot(c, town, '镇评-3.xlsx', (t) =>
      t
        .marks({ 赵刚: ['优秀'], 钱丽: ['基本称职'], 孙明: ['不称职'] })
        .insertRowsAtTop([['附件2'], ['村述镇评测评票']])
        .insertColumnsAtLeft(1)
        .retype('称职', '稱職')
        .retype('基本称职', '基本稱職')
        .retype('不称职', '不稱職')
        .dropMeta(),
    );
    s = await score(c, P);
  });
  commonChecks(
    () => ({ c, s }),
    ['东村', '南村', null, '西村'].map((v) => (v ? `村党组织书记“双述双评”测评表（${v}·村评）.xlsx` : '村党组织书记“双述双评”测评表（参会人员·镇评）.xlsx')),
    {
      // One rater group: no 测评人类别; the round tells the two apart, the village the 村评 forms.
      '村党组织书记“双述双评”测评表（东村·村评）.xlsx': ['轮次：村评', '所在村：东村', '赵刚'],
      '村党组织书记“双述双评”测评表（参会人员·镇评）.xlsx': ['轮次：镇评', '赵刚', '钱丽', '孙明'],
    },
    [
      ['NAME_NORMALISED', '村评-东村-2.xlsx'],
      ['NAME_NORMALISED', '镇评-2.xlsx'],
    ],
  );

  it('each ballot lands in its round, the label-only copies included (村评 3 villages × 4, 镇评 3)', () => {
    expect(s.json.participation.map((p) => [p.round, p.valid])).toEqual([
      ['村评', 12],
      ['镇评', 3],
    ]);
  });

  it('赵刚: 优秀 3/4 = 75% (村评) and 3/3 = 100% (镇评), both ≥ 70% → 优秀, rank 1 (pooled 优秀 6/7)', () => {
    const z = subject(s.json, '赵刚');
    expect(z.tier).toBe('优秀');
    expect(z.rank).toBe(1);
    expect(votes(z)).toEqual({ 优秀: 6, 称职: 1, 基本称职: 0, 不称职: 0 });
    expect(shares(z)['优秀']).toBe('85.71%');
    expect(z.figures.map((f) => [f.round, f.levels[0].votes, f.valid])).toEqual([
      ['村评', 3, 4],
      ['镇评', 3, 3],
    ]);
  });

  it('钱丽: 优秀 only 1/4; 称职及以上 (the preset counts 优秀 in) 4/4 = 100% and 2/3 = 66.67%, both ≥ 60% → 称职, rank 2', () => {
    const q = subject(s.json, '钱丽');
    expect(q.tier).toBe('称职');
    expect(q.reasons[0]).toContain('村评 4/4 = 100.00%；镇评 2/3 = 66.67%');
    expect(q.rank).toBe(2);
    expect(votes(q)).toEqual({ 优秀: 1, 称职: 5, 基本称职: 1, 不称职: 0 });
  });

  it('孙明: 称职及以上 2/4 = 50% < 60%; 基本称职及以上 pooled (3 + 1)/7 = 57.14% ≥ 50% → 基本称职 (不称职 pooled 3/7 = 42.86%), rank 3', () => {
    const x = subject(s.json, '孙明');
    expect(x.tier).toBe('基本称职');
    expect(x.flags).not.toContain('待定');
    expect(x.rank).toBe(3);
    expect(votes(x)).toEqual({ 优秀: 0, 称职: 3, 基本称职: 1, 不称职: 3 });
    expect(shares(x)['不称职']).toBe('42.86%');
    expect(x.reasons[0]).toContain('4/7 = 57.14%');
    expect(s.json.findings.filter((f) => f.code === 'TIER_UNDECIDED')).toEqual([]);
  });

  it('"赵　刚" and the traditional 錢麗 are matched to the roster and reported as warnings', () => {
    const f = s.json.findings.filter((x) => x.code === 'NAME_NORMALISED');
    expect(f.map((x) => [x.file, x.severity]).sort()).toEqual([
      ['村评-东村-2.xlsx', 'warning'],
      ['镇评-2.xlsx', 'warning'],
    ]);
  });
});

// ─────────────────────────────────────────────────────────────────────────────────────────────
describe('P3 p3-village-two-rounds with `pingyi template --counts`: each village reports its count on the 计票汇总表', () => {
  const P = 'p3-village-two-rounds';
  let c: Campaign;
  let s: Scored;
  let countTemplates: string[];
  let countRun: Run;
  beforeAll(async () => {
    c = await campaign(P, ['姓名', '单位'], [
      ['赵刚', '东村'],
      ['钱丽', '西村'],
    ]);
    const countDir = path.join(c.dir, '计票汇总表');
    countRun = await pingyi(['template', '--scheme', P, '--roster', c.roster, '--out', countDir, '--counts']);
    countTemplates = fs.readdirSync(countDir).sort().map((f) => path.join(countDir, f));
    // One per village (村评 is held in each), its secretary only.
    const villageCounts = (village: string) => countTemplates.find((t) => path.basename(t).includes(`${village}·村评`))!;
    // 东村 counts 30 ballots for 赵刚 (24 优秀, 5 称职, 1 blank); 西村 counts 20 for 钱丽, all 优秀, the other
    // cells left blank and without its metadata (the title still says 计票汇总表).
    ballot(c, villageCounts('东村'), '东村.xlsx', (t) => {
      t.set(t.row('赵刚'), t.column('优秀'), 24).set(t.row('赵刚'), t.column('称职'), 5);
      const field = t.findStarting('有效票');
      t.set(field.r, field.c, '有效票：30');
      t.fillLine('计票人', '计票人（签名）：孙明　周红').fillLine('监票人', '监票人（签名）：吴刚　郑丽');
    });
    ballot(c, villageCounts('西村'), '西村.xlsx', (t) => {
      t.set(t.row('钱丽'), t.column('优秀'), 20);
      const field = t.findStarting('收回票数');
      t.set(field.r, field.c, '收回票数：20');
      t.dropMeta();
    });
    // 镇评: two ballots on the ordinary template.
    const town = template(c, '镇评');
    ballot(c, town, '镇评-1.xlsx', (t) => t.marks({ 赵刚: ['优秀'], 钱丽: ['优秀'] }));
    ballot(c, town, '镇评-2.xlsx', (t) => t.marks({ 赵刚: ['优秀'], 钱丽: ['称职'] }));
    s = await score(c, P);
  });

  it('writes one 计票汇总表 per village for 村评 and one for 镇评, with the fields to fill and no 往年结果', () => {
    expect(countRun.code).toBe(0);
    expect(countTemplates.map((t) => path.basename(t))).toEqual([
      // The village first, and not the one rater group (a sheet's name holds 31 characters: the title stays whole).
      '村党组织书记“双述双评”测评表计票汇总表（东村·村评）.xlsx',
      '村党组织书记“双述双评”测评表计票汇总表（参会人员·镇评）.xlsx',
      '村党组织书记“双述双评”测评表计票汇总表（西村·村评）.xlsx',
    ]);
    const text = printed(countTemplates[0]);
    for (const field of ['轮次：村评', '所在村：东村', '收回票数：', '有效票：', '计票人（签名）：', '监票人（签名）：', '得票数']) expect(text).toContain(field);
    expect(text).not.toContain('钱丽');
  });

  it('reads both count sheets as their ballots beside the 镇评 ballots', () => {
    expect(s.run.code).toBe(0);
    expect(s.unchanged).toEqual([]);
    expect(s.json.participation.map((p) => [p.round, p.valid])).toEqual([
      ['村评', 50],
      ['镇评', 2],
    ]);
    expect(s.json.findings.filter((f) => f.code === 'COUNT_SHEET').map((f) => f.file).sort()).toEqual(['东村.xlsx', '西村.xlsx']);
  });

  it('赵刚: 村评 24/29 = 82.76% (1 of 30 left him blank), 镇评 2/2 → 优秀; 钱丽: 村评 20/20, 镇评 1/2 = 50% < 70%', () => {
    const z = subject(s.json, '赵刚');
    expect(z.figures.map((f) => [f.round, f.levels[0].votes, f.valid])).toEqual([
      ['村评', 24, 29],
      ['镇评', 2, 2],
    ]);
    expect(z.tier).toBe('优秀');
    const q = subject(s.json, '钱丽');
    expect(votes(q)).toEqual({ 优秀: 21, 称职: 1, 基本称职: 0, 不称职: 0 });
    expect(q.tier).not.toBe('优秀');
  });
});

describe('P3 p3-community-consecutive: 不合格 when its votes exceed 50% (超过: exclusive)', () => {
  const P = 'p3-community-consecutive';
  let c: Campaign;
  let s: Scored;
  beforeAll(async () => {
    c = await campaign(P, ['姓名', '职务'], [
      ['周敏', '社区书记'],
      ['吴杰', '社区主任'],
      ['郑洁', '委员'],
    ]);
    const tpl = template(c, '评议票');
    // (周敏, 吴杰, 郑洁): B1 合 不 不 | B2 合 不 合 | B3 不 不 合 | B4 合 合 不 | B5 合 不 (blank)
    ballot(c, tpl, '评议票-1.xlsx', (t) => t.marks({ 周敏: ['合格'], 吴杰: ['不合格'], 郑洁: ['不合格'] }).comment('意见或建议', '加强入户走访'));
    ballot(c, tpl, '评议票-2.xlsx', (t) => t.marks({ 周敏: ['合格'], 吴杰: ['不合格'], 郑洁: ['合格'] }).dropMeta());
    ballot(c, tpl, '评议票-3.xlsx', (t) =>
      t
        .marks({ 周敏: ['不合格'], 吴杰: ['不合格'], 郑洁: ['合格'] })
        .insertRowsAtTop([['附件'], ['勤廉双述双评会议评议票']])
        .insertColumnsAtLeft(1)
        .retype('不合格', '不 合 格')
        .retype('周敏', '周　敏')
        .dropMeta(),
    );
    ballot(c, tpl, '评议票-4.ods', (t) => t.marks({ 周敏: ['合格'], 吴杰: ['合格'], 郑洁: ['不合格'] }).insertRowsAtTop([['附件']]));
    ballot(c, tpl, '评议票-5.xlsx', (t) => t.marks({ 周敏: ['合格'], 吴杰: ['不合格'] }));
    s = await score(c, P);
  });
  // With its 连续 N 次 rule the preset also gets the 往年结果 sheet the clerk fills (read back by --history).
  commonChecks(() => ({ c, s }), ['往年结果.xlsx', '社区“两委”干部勤廉双述双评评议票（与会人员）.xlsx'], {
    '社区“两委”干部勤廉双述双评评议票（与会人员）.xlsx': [],
  }, [
    ['NAME_NORMALISED', '评议票-3.xlsx'],
    ['ABSTENTION', '评议票-5.xlsx'],
    // 吴杰 is 不合格 and no past years were given: 连续次数 counted from this year, said.
    ['HISTORY_MISSING', '（汇总）'],
  ]);

  it('counts five ballots', () => {
    expect(s.json.participation.map((p) => [p.group, p.valid])).toEqual([['与会人员', 5]]);
  });

  it('周敏: 不合格 1/5 = 20% → 合格, rank 1 (合格 4/5 = 80%)', () => {
    const z = subject(s.json, '周敏');
    expect(z.tier).toBe('合格');
    expect(z.rank).toBe(1);
    expect(votes(z)).toEqual({ 合格: 4, 不合格: 1 });
    expect(shares(z)).toEqual({ 合格: '80.00%', 不合格: '20.00%' });
  });

  it('郑洁: left blank on B5 (弃权, not in the denominator): 不合格 2/4 = 50%, not 超过 50% → 合格, rank 2', () => {
    const z = subject(s.json, '郑洁');
    expect(z.tier).toBe('合格');
    expect(z.rank).toBe(2);
    expect(votes(z)).toEqual({ 合格: 2, 不合格: 2 });
    expect(z.figures[0].abstain).toBe(1);
    const abst = s.json.findings.filter((f) => f.code === 'ABSTENTION');
    // Template row of 郑洁: row 6 (title, 评议时间, header, 周敏, 吴杰, 郑洁; one rater group: no 测评人类别).
    expect(abst.map((f) => [f.file, f.cell, f.severity])).toEqual([['评议票-5.xlsx', 'C6', 'warning']]);
  });

  it('吴杰: 不合格 4/5 = 80% > 50% → 不合格, rank 3: 警示谈话 (first time; no history given) and a rectification row', () => {
    const w = subject(s.json, '吴杰');
    expect(w.tier).toBe('不合格');
    expect(w.rank).toBe(3);
    expect(votes(w)).toEqual({ 合格: 1, 不合格: 4 });
    expect(w.consequences.map((x) => x.action)).toEqual(['警示谈话']);
    expect(w.reasons).toContain('未提供往年结果，连续被评为「不合格」的次数按本次为第一次计；如往年也曾被评为「不合格」，请导入往年结果后重新计算');
    expect(s.json.rectification.map((r) => [r.subject, r.deadline])).toEqual([['吴杰', DEADLINE]]);
  });

  it('the reason states the rule the way it is written: 「不合格」票得票率超过50% (not "50%超过")', () => {
    // 以上（含） reads after the number, 超过 / 不满 before it (the preset's own cite says “超过50%”).
    const reason = subject(s.json, '吴杰').reasons[0];
    expect(reason).toContain('4/5 = 80.00%');
    expect(reason).toContain('得票率超过50%');
    expect(reason).not.toContain('50%超过');
  });
});

// ─────────────────────────────────────────────────────────────────────────────────────────────
describe('P4 p4-secretary-appraisal: a/b/c票 × three 专项, 好90 较好80 一般70 差60, 相加除以3', () => {
  const P = 'p4-secretary-appraisal';
  const ITEMS = ['抓基层党建工作责任', '落实党风廉政建设主体责任', '落实意识形态责任制'] as const;
  let c: Campaign;
  let s: Scored;
  beforeAll(async () => {
    c = await campaign(P, ['姓名', '单位', '被问责'], [
      ['陈刚', '一分场党支部', null],
      ['林峰', '二分场党支部', null],
      ['何静', '机关党支部', null],
    ]);
    // Marks per 专项 (in ITEMS order):
    //   a票:  陈刚 好 好 好 | 林峰 较好 ×3 | 何静 较好 ×3
    //   b票:  陈刚 好 好 好 | 林峰 好 ×3   | 何静 较好 ×3
    //   c票1: 陈刚 好 好 好 | 林峰 较好 ×3 | 何静 好 一般 好
    //   c票2: 陈刚 好 好 较好 | 林峰 较好 ×3 | 何静 好 差 好
    ballot(c, template(c, 'a票'), 'a票.xlsx', (t) =>
      t.marks({ 陈刚: ['好', '好', '好'], 林峰: ['较好', '较好', '较好'], 何静: ['较好', '较好', '较好'] }, ITEMS).comment('意见建议', '抓好整改落实'),
    );
    // No metadata: 「测评人类别：b票（党委委员、纪委委员填写）」 decides; title rows and a blank column on top.
    ballot(c, template(c, 'b票'), 'b票.xlsx', (t) =>
      t
        .marks({ 陈刚: ['好', '好', '好'], 林峰: ['好', '好', '好'], 何静: ['较好', '较好', '较好'] }, ITEMS)
        .insertRowsAtTop([['附件3'], ['2026年度书记抓基层党建述职评议']])
        .insertColumnsAtLeft(1)
        .dropMeta(),
    );
    ballot(c, template(c, 'c票'), 'c票-1.xlsx', (t) =>
      t.marks({ 陈刚: ['好', '好', '好'], 林峰: ['较好', '较好', '较好'], 何静: ['好', '一般', '好'] }, ITEMS).retype('较好', '較好'),
    );
    ballot(c, template(c, 'c票'), 'c票-2.xlsx', (t) =>
      t.marks({ 陈刚: ['好', '好', '较好'], 林峰: ['较好', '较好', '较好'], 何静: ['好', '差', '好'] }, ITEMS).retype('陈刚', '陈　刚').dropMeta(),
    );
    s = await score(c, P);
  });
  commonChecks(
    () => ({ c, s }),
    ['现场述职专项评分表（a票）.xlsx', '现场述职专项评分表（b票）.xlsx', '现场述职专项评分表（c票）.xlsx'],
    {
      // Who fills each kind, as 篇二 五、(三)3(3) says: the b票 copy without metadata is read back by this text.
      '现场述职专项评分表（a票）.xlsx': ['测评人类别：a票（场领导班子成员填写）'],
      '现场述职专项评分表（b票）.xlsx': ['测评人类别：b票（党委委员、纪委委员填写）'],
      '现场述职专项评分表（c票）.xlsx': ['测评人类别：c票（与会的支部书记、党员代表填写）'],
    },
    [
      ['NAME_NORMALISED', 'c票-2.xlsx'],
      // a票 and b票 each returned one ballot: their per-group figures are that ballot (无记名).
      ['SINGLE_BALLOT_GROUP', '（汇总）'],
      ['SINGLE_BALLOT_GROUP', '（汇总）'],
      // c票 returned two: each of the two reads the other's from the group's figures.
      ['TWO_BALLOT_GROUP', '（汇总）'],
    ],
  );

  it('counts a 1, b 1, c 2 (the b and second c ballots by their labels alone)', () => {
    expect(s.json.participation.map((p) => [p.group, p.valid])).toEqual([
      ['a票', 1],
      ['b票', 1],
      ['c票', 2],
    ]);
  });

  it('陈刚: 专项 90, 90, (90 + 90 + 85)/3 = 265/3 → (90 + 90 + 265/3)/3 = 805/9 = 89.44 → 好, rank 1', () => {
    const x = subject(s.json, '陈刚');
    expect(x.score).toBe(89.44);
    expect(x.scoreExact).toBe('805/9');
    expect(x.tier).toBe('好');
    expect(x.rank).toBe(1);
    expect(votes(x)).toEqual({ 好: 11, 较好: 1, 一般: 0, 差: 0 });
  });

  it('林峰: each 专项 (80 + 90 + 80)/3 = 250/3 = 83.33 → 较好 (≥ 75), rank 2; 较好 bars 优秀 in the annual appraisal', () => {
    const x = subject(s.json, '林峰');
    expect(x.score).toBe(83.33);
    expect(x.scoreExact).toBe('250/3');
    expect(x.tier).toBe('较好');
    expect(x.rank).toBe(2);
    expect(votes(x)).toEqual({ 好: 3, 较好: 9, 一般: 0, 差: 0 });
    expect(x.consequences.map((k) => k.action)).toEqual(['年度考核结果不得评定为“优秀”等次']);
  });

  it('何静: 专项 250/3, (80 + 80 + 65)/3 = 75, 250/3 → 725/9 = 80.56 (较好 by score); 一般+差 2/12 = 16.67% > 10% → 差 (veto), rank 3', () => {
    const x = subject(s.json, '何静');
    expect(x.score).toBe(80.56);
    expect(x.scoreExact).toBe('725/9');
    expect(x.tier).toBe('差');
    expect(x.rank).toBe(3);
    expect(votes(x)).toEqual({ 好: 4, 较好: 6, 一般: 1, 差: 1 });
    expect(x.vetoes.map((v) => v.id)).toEqual(['poor-votes']);
    expect(x.flags).toContain('一票否决');
    expect(s.json.rectification.map((r) => [r.subject, r.deadline])).toEqual([['何静', DEADLINE]]);
  });

  it('较好 or lower: 2 of 3 ≥ ceil(10% × 3) = 1, so no QUOTA_SHORT', () => {
    expect(s.json.findings.some((f) => f.code === 'QUOTA_SHORT')).toBe(false);
  });
});

// ─────────────────────────────────────────────────────────────────────────────────────────────
describe('P4 p4-middle-managers: 干部打分 × 50% + 员工打分 × 50%; 85 / 75 / 65 (含)', () => {
  const P = 'p4-middle-managers';
  let c: Campaign;
  let s: Scored;
  const fillScores = fillMiddleManagerScores;
  beforeAll(async () => {
    c = await campaign(P, ['姓名', '单位', '职务类别', '事故'], [
      ['刘军', '营业部', '正职', null],
      ['谢东', '公司部', '正职', null],
      ['高峰', '个人金融部', '副职', null],
      ['马兰', '运营管理部', '副职', '2026年3月 柜面操作风险事故'],
      ['韩梅', '风险管理部', '副职', null],
    ]);
    const cadre = template(c, '（干部）');
    const staff = template(c, '（员工）');
    // The 测评人类别 line overwritten by the clerk: the metadata still says 干部.
    ballot(c, cadre, '干部-1.xlsx', (t) => {
      fillScores('干部1')(t);
      const p = t.findStarting('测评人类别');
      t.set(p.r, p.c, '测评人类别：');
    });
    ballot(c, cadre, '干部-2.xlsx', (t) => {
      fillScores('干部2')(t);
      t.dropMeta();
    });
    ballot(c, staff, '员工-1.xlsx', fillScores('员工1'));
    ballot(c, staff, '员工-2.xlsx', (t) => {
      fillScores('员工2')(t);
      t.insertRowsAtTop([['附件'], ['中层干部集中述职测评']]).insertColumnsAtLeft(1).retype('测评得分', '測評得分').retype('韩梅', '韩　梅').dropMeta();
    });
    ballot(c, staff, '员工-3.xls', fillScores('员工3'));
    s = await score(c, P);
  });
  commonChecks(() => ({ c, s }), ['干部岗位测评表（员工）.xlsx', '干部岗位测评表（干部）.xlsx'], {
    '干部岗位测评表（员工）.xlsx': ['测评人类别：员工'],
    '干部岗位测评表（干部）.xlsx': ['测评人类别：干部'],
  }, [
    ['NAME_NORMALISED', '员工-2.xlsx'],
    // Two 干部: each reads the other's scores from the group's 平均分 (无记名).
    ['TWO_BALLOT_GROUP', '（汇总）'],
  ]);

  it('counts 干部 2 (one by its metadata alone, one by its label alone) and 员工 3', () => {
    expect(s.json.participation.map((p) => [p.group, p.valid])).toEqual([
      ['干部', 2],
      ['员工', 3],
    ]);
  });

  it('刘军: 干部 (90+86)/2 = 88, 员工 (84+80+82)/3 = 82 → 85.00 exactly → 优秀 (85分以上含85分), rank 1', () => {
    const x = subject(s.json, '刘军');
    expect([x.score, x.scoreExact, x.tier, x.rank]).toEqual([85, '85', '优秀', 1]);
  });

  it('马兰: 80 and 80 → 80 (称职 by score), but 事故 in her line → 不称职 (veto), ranked after everyone not vetoed: 5', () => {
    const x = subject(s.json, '马兰');
    expect([x.score, x.tier, x.rank]).toEqual([80, '不称职', 5]);
    // The bottom round(10% × 5) = 1 of the ranking → 动态调整: the vetoed 马兰.
    expect(x.designations).toEqual(['动态调整']);
    expect(x.vetoes.map((v) => v.id)).toEqual(['incident']);
    expect(x.consequences.map((k) => k.action)).toEqual(['由支行党委合议决定缓聘、解聘或调整岗位']);
  });

  it('韩梅 ("韩　梅" on one copy): 75 and 75 → 75.00 → 称职 (含), rank 2 (马兰 is vetoed)', () => {
    const x = subject(s.json, '韩梅');
    expect([x.score, x.tier, x.rank]).toEqual([75, '称职', 2]);
  });

  it('高峰: 干部 75, 员工 (70 + 72.5 + 74)/3 = 433/6 → (75 + 433/6)/2 = 883/12 = 73.58 → 基本称职, rank 3', () => {
    const x = subject(s.json, '高峰');
    expect([x.score, x.scoreExact, x.tier, x.rank]).toEqual([73.58, '883/12', '基本称职', 3]);
  });

  it('谢东: 干部 62, 员工 68 → 65.00 → 基本称职 (含), rank 4, not 动态调整 (the vetoed 马兰 is below)', () => {
    const x = subject(s.json, '谢东');
    expect([x.score, x.tier, x.rank]).toEqual([65, '基本称职', 4]);
    expect(x.designations).toEqual([]);
    expect(s.json.subjects.filter((y) => y.designations.length > 0).map((y) => y.name)).toEqual(['马兰']);
  });

  it('no 整改清单 row: the 不称职 马兰\'s 缓聘、解聘或调整岗位 is the 党委\'s decision (篇六 三、(六)), said in her reasons', () => {
    expect(s.json.rectification).toEqual([]);
    expect(subject(s.json, '马兰').reasons.some((t) => t.startsWith('结果运用：由支行党委合议决定缓聘、解聘或调整岗位'))).toBe(true);
  });
});

// ─────────────────────────────────────────────────────────────────────────────────────────────
describe('P5 p5-party-members: 附表1 (the branch), 附表2 (candidates), 附表3 (window posts)', () => {
  const P = 'p5-party-members';
  const ITEMS = ['参加创先争优活动情况', '立足岗位履行职责情况', '承诺践诺情况', '联系和服务群众情况'] as const;
  const A1_ITEMS = ['组织开展创先争优活动情况', '推动中心工作和重点任务完成情况', '承诺践诺情况', '为群众办实事、做好事、解难事情况', '加强党组织和党员队伍建设情况'];
  const A3_ITEMS = ['服务态度', '服务质量', '办事效率', '廉洁公正'];
  const [S, F, B, D] = ['满意', '比较满意', '基本满意', '不满意'];
  let c: Campaign;
  let s: Scored;
  beforeAll(async () => {
    c = await campaign(P, ['姓名', '类型', '窗口岗位', '职务类别', '党风廉政问题'], [
      ['机关支部', '组织', null, null, null],
      ['王芳', '个人', '是', null, null],
      ['李强', '个人', '否', null, null],
      ['张伟', '个人', '否', null, '经组织核实，事实清楚'],
      ['赵敏', '个人', '否', '预备党员', null],
      ['刘洋', '个人', '否', null, null],
    ]);
    // 附表2, three ballots; per candidate the four item groups in ITEMS order.
    const a2 = template(c, '优秀党员民主评议推荐表');
    ballot(c, a2, '附表2-1.xlsx', (t) =>
      t
        .marks({ 王芳: [S, S, S, S], 李强: [S, S, F, S], 张伟: [S, S, S, S], 赵敏: [S, S, S, S], 刘洋: [S, F, B, D] }, ITEMS)
        .recommend('王芳')
        .recommend('李强'),
    );
    // No metadata, title rows, a blank column, 满意 retyped 滿意, "王　芳".
    ballot(c, a2, '附表2-2.xlsx', (t) =>
      t
        .marks({ 王芳: [S, S, S, S], 李强: [S, F, S, B], 张伟: [S, S, S, S], 赵敏: [S, S, S, S], 刘洋: [S, B, B, D] }, ITEMS)
        .recommend('李强')
        .insertRowsAtTop([['附表2'], ['（2026年度）']])
        .insertColumnsAtLeft(1)
        .retype('满意', '滿意')
        .retype('王芳', '王　芳')
        .dropMeta(),
    );
    ballot(c, a2, '附表2-3.xlsx', (t) =>
      t
        .marks({ 王芳: [S, S, S, F], 李强: [S, S, S, S], 张伟: [F, F, F, F], 赵敏: [S, S, S, S], 刘洋: [F, S, D, S] }, ITEMS)
        .recommend('李强')
        .recommend('张伟')
        .insertRowsAtTop([['附表2']]),
    );
    // 附表1, two 党小组 (the branch's name is pre-filled by the template); the second without metadata.
    const a1 = template(c, '党支部开展创先争优活动群众评议表');
    // The 组长 signs the first (its blanks filled in); the second is left unsigned.
    ballot(c, a1, '附表1-1.xlsx', (t) => {
      [S, S, S, F, B].forEach((l, i) => t.markItem(A1_ITEMS[i], l));
      t.fillLine('支部', '支部　机关　党小组　第一　组长：张敏');
    });
    ballot(c, a1, '附表1-2.xlsx', (t) => {
      [S, S, S, F, D].forEach((l, i) => t.markItem(A1_ITEMS[i], l));
      t.comment('对开展创先争优活动的意见或建议', '多组织志愿服务').insertRowsAtTop([['附表1']]).dropMeta();
    });
    // 附表3, two 服务对象 units; only the window post 王芳 is listed. The first stamps and gives its contact
    // and feedback (none); the second leaves those lines blank and writes feedback under the label as it
    // was before the seed's hint （请注明具体岗位） was added (a VETO_FEEDBACK warning: it is read as the comment).
    const a3 = template(c, '窗口服务岗位群众满意度测评表');
    ballot(c, a3, '附表3-1.ods', (t) => {
      [S, S, S, S].forEach((l, i) => t.markItem(A3_ITEMS[i], l, '王芳'));
      t.fillLine('填表单位', '填表单位（盖章）：宁波某贸易有限公司')
        .fillLine('贵单位联系人', '贵单位联系人：陈晓　　电话：0574-87000000')
        .comment('党风廉政建设方面存在问题的反馈', '无');
    });
    ballot(c, a3, '附表3-2.xlsx', (t) => {
      [S, S, B, S].forEach((l, i) => t.markItem(A3_ITEMS[i], l, '王芳'));
      t.fillLine('党风廉政建设方面存在问题的反馈', '党风廉政建设方面存在问题的反馈：签证窗口收受礼品');
      t.insertRowsAtTop([['附表3'], ['市外办“窗口”服务岗位群众满意度测评']]).insertColumnsAtLeft(1).dropMeta();
    });
    s = await score(c, P);
  });
  commonChecks(
    () => ({ c, s }),
    ['优秀党员民主评议推荐表（党员）.xlsx', '党支部开展创先争优活动群众评议表（党员·机关支部）.xlsx', '窗口服务岗位群众满意度测评表（服务对象）.xlsx'],
    {
      // Each form filled by one group: no 测评人类别 (seed 004 附1 prints 所在支部名称 and 评议时间 only).
      '优秀党员民主评议推荐表（党员）.xlsx': [],
      '党支部开展创先争优活动群众评议表（党员·机关支部）.xlsx': ['所在支部名称：机关支部'],
      '窗口服务岗位群众满意度测评表（服务对象）.xlsx': [],
    },
    [
      ['NAME_NORMALISED', '附表2-2.xlsx'],
      ['QUOTA_BASE_ASSUMED', '（汇总）'],
      ['VETO_FEEDBACK', '附表3-2.xlsx'],
    ],
  );

  it('the window template lists only the window post (王芳)', () => {
    const text = printed(template(c, '窗口服务岗位群众满意度测评表'));
    expect(text).toContain('王芳');
    expect(text).not.toContain('李强');
  });

  it('counts 附表1 2, 附表2 3 (党员) and 附表3 2 (服务对象)', () => {
    expect(s.json.participation.filter((p) => p.valid > 0).map((p) => [p.form, p.group, p.valid])).toEqual([
      ['党支部开展创先争优活动群众评议表', '党员', 2],
      ['优秀党员民主评议推荐表', '党员', 3],
      ['窗口服务岗位群众满意度测评表', '服务对象', 2],
    ]);
  });

  it('李强: 附表2 满意 9 + 比较满意 2 of 12 = 11/12 = 91.67% ≥ 90% → 优秀党员 (within 20% × 5 = 1), 3 recommendations', () => {
    const x = subject(s.json, '李强');
    expect(x.tier).toBe('优秀党员');
    expect(x.satisfaction).toEqual({ votes: 11, valid: 12, share: '91.67%' });
    expect(votes(x)).toEqual({ 满意: 9, 比较满意: 2, 基本满意: 1, 不满意: 0 });
    expect(x.recommendations).toEqual({ votes: 3, ballots: 3 });
  });

  it('王芳 (window post): 附表2 12/12 = 100%, but 附表3 7/8 = 87.5% < 90% → 未评为优秀党员; overall 19/20 = 95%', () => {
    const x = subject(s.json, '王芳');
    expect(x.tier).toBe('未评为优秀党员');
    expect(x.satisfaction).toEqual({ votes: 19, valid: 20, share: '95.00%' });
    const a3 = x.figures.filter((f) => f.form === '窗口服务岗位群众满意度测评表');
    expect(a3.map((f) => [f.item, f.valid])).toEqual(A3_ITEMS.map((i) => [i, 2]));
    expect(a3.reduce((n, f) => n + f.levels[0].votes + f.levels[1].votes, 0)).toBe(7);
    expect(x.recommendations).toEqual({ votes: 1, ballots: 3 });
  });

  it('张伟: 100% (满意 8, 比较满意 4), but a verified 党风廉政问题 cancels 优秀党员 (一票否决)', () => {
    const x = subject(s.json, '张伟');
    expect(x.satisfaction).toEqual({ votes: 12, valid: 12, share: '100.00%' });
    expect(x.tier).toBe('未评为优秀党员');
    expect(x.vetoes.map((v) => v.id)).toEqual(['integrity']);
  });

  it('赵敏 (预备党员): 100% but no tier (不定等次)', () => {
    const x = subject(s.json, '赵敏');
    expect(x.tier).toBeNull();
    expect(x.flags).toEqual(['不定等次']);
  });

  it('刘洋: 满意 4 + 比较满意 2 of 12 = 50% < 60% → 满意度低: 查找原因、限期整改, with a rectification row', () => {
    const x = subject(s.json, '刘洋');
    expect(x.tier).toBe('未评为优秀党员');
    expect(votes(x)).toEqual({ 满意: 4, 比较满意: 2, 基本满意: 3, 不满意: 3 });
    expect(x.satisfaction!.share).toBe('50.00%');
    expect(x.vetoes.map((v) => v.id)).toEqual(['low-satisfaction']);
    expect(s.json.rectification.map((r) => [r.subject, r.deadline])).toEqual([['刘洋', DEADLINE]]);
  });

  it('ranks by tier, then the 附表2 share: 李强 (优秀党员) 1; 王芳 and 张伟 (未评为优秀党员, both 100%) 2; 刘洋 50% 4; the branch and 赵敏 (预备党员) are not ranked', () => {
    expect(Object.fromEntries(s.json.subjects.map((x) => [x.name, x.rank]))).toEqual({ 机关支部: null, 王芳: 2, 李强: 1, 张伟: 2, 赵敏: null, 刘洋: 4 });
  });

  it('the branch (附表1): 满意 6, 比较满意 2, 基本满意 1, 不满意 1 of 10 → 80.00%, no tier (only measured)', () => {
    const b = subject(s.json, '机关支部');
    expect(b.tier).toBeNull();
    expect(b.flags).toContain('不定等次');
    expect(votes(b)).toEqual({ 满意: 6, 比较满意: 2, 基本满意: 1, 不满意: 1 });
    expect(b.satisfaction).toEqual({ votes: 8, valid: 10, share: '80.00%' });
  });

  it('warnings only: the quota base assumed from the roster, "王　芳" matched', () => {
    const codes = s.json.findings.map((f) => f.code);
    expect(codes).toContain('QUOTA_BASE_ASSUMED');
    expect(s.json.findings.filter((f) => f.code === 'NAME_NORMALISED').map((f) => f.file)).toEqual(['附表2-2.xlsx']);
  });
});

// ─────────────────────────────────────────────────────────────────────────────────────────────
describe('a clerk gathers two filled templates into one workbook (sheet moved in; its _pingyi rows stay behind)', () => {
  // Excel's "Move or Copy sheet" does not carry the very hidden _pingyi sheet along: the gathering
  // workbook has metadata for its own sheet (a票) only. The moved sheet still prints
  // 「测评人类别：b票」 and must be counted as b票; the a票 metadata describes another sheet.
  const P = 'p4-secretary-appraisal';
  const ITEMS = ['抓基层党建工作责任', '落实党风廉政建设主体责任', '落实意识形态责任制'] as const;
  let c: Campaign;
  let s: Scored;
  beforeAll(async () => {
    c = await campaign(P, ['姓名'], [['陈刚'], ['林峰']]);
    const a = FilledTemplate.open(template(c, 'a票')).marks({ 陈刚: ['好', '好', '好'], 林峰: ['较好', '较好', '较好'] }, ITEMS);
    const b = FilledTemplate.open(template(c, 'b票')).marks({ 陈刚: ['较好', '好', '好'], 林峰: ['好', '较好', '较好'] }, ITEMS);
    const gathered = XLSX.read(a.toBytes(), { type: 'buffer' });
    const moved = XLSX.read(b.toBytes(), { type: 'buffer' });
    XLSX.utils.book_append_sheet(gathered, moved.Sheets[b.sheetName], b.sheetName);
    fs.writeFileSync(path.join(c.inbox, '汇总.xlsx'), XLSX.write(gathered, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    s = await score(c, P);
  });

  it('the gathered workbook has the a票 sheet, its metadata (for that sheet only) and the b票 sheet', () => {
    const wb = XLSX.read(fs.readFileSync(path.join(c.inbox, '汇总.xlsx')), { type: 'buffer' });
    expect(wb.SheetNames).toEqual(['现场述职专项评分表（a票）', META_SHEET, '现场述职专项评分表（b票）']);
    const meta = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[META_SHEET], { header: 1 });
    expect(new Set(meta.map((r) => r[0]))).toEqual(new Set(['现场述职专项评分表（a票）']));
  });

  it('counts one a票 and one b票 ballot (the moved sheet by its own label)', () => {
    expect(s.json.participation.map((p) => [p.group, p.valid])).toEqual([
      ['a票', 1],
      ['b票', 1],
      ['c票', 0],
    ]);
    expect(subject(s.json, '陈刚').figures.filter((f) => f.item === ITEMS[0]).map((f) => [f.group, f.mean])).toEqual([
      ['a票', '90.00'],
      ['b票', '80.00'],
    ]);
  });
});
