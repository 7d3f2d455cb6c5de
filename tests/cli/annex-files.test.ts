/**
 * seed 004's three annex forms as printed (tests/helpers/annex-forms.ts: "满 意", "不满 意",
 * "优秀党员候 选 人 姓 名", "是否推荐为 优秀党员", 附3's "基本满意意", notes and signatures under the
 * tables), written with SheetJS — another producer than the project's exceljs writer — as .xlsx,
 * .xls (BIFF8) and .ods, with no template metadata at all, then `pingyi validate` and
 * `pingyi score --json` with the p5-party-members preset and a roster workbook.
 *
 * In the same folder: a file of random bytes named .xlsx, and a byte-identical copy of one 附表2
 * ballot under another name. The batch goes on past both: the bad file is reported, the copy is
 * reported as DUPLICATE_FILE and counted once, every other ballot is counted.
 *
 * All expected figures are worked out by hand in the comments.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Annex2Row, BLANK, annex1Sheet, annex2Sheet, annex3Sheet } from '../helpers/annex-forms';
import { writeRoster } from '../helpers/fill-workbook';
import { ResultJson, Run, changedSince, parseJson, pingyi, snapshot, subject, tempDir, votes, writeGrids } from './cli-harness';

jest.setTimeout(30_000);

const P = 'p5-party-members';
const [S, F, B, D] = [0, 1, 2, 3]; // 满意, 比较满意, 基本满意, 不满意
const ANNEX2 = '优秀党员民主评议推荐表';
const ANNEX3 = '窗口服务岗位群众满意度测评表';

/** Deterministic "random" bytes (a linear congruential generator), not a workbook of any kind. */
function noise(n: number, seed = 20261201): Buffer {
  const out = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/**
 * 附表2, four ballots (i = 0..3) × four item groups (j = 0..3): 16 item-marks per candidate.
 *   王磊: 基本满意 on ballot 4 item 1, else 满意             → 15/16 = 93.75% ≥ 90%
 *   李娜: 基本满意 on ballot 1 item 1 and ballot 2 item 2    → 14/16 = 87.50% < 90%
 *   陈静: 比较满意 on ballot 3 item 3, else 满意 (window)     → 16/16 = 100%
 *   杨帆: 满意 everywhere (window)                          → 16/16 = 100%
 *   赵敏: 满意 everywhere, 党风廉政问题 verified             → 16/16 = 100%, vetoed
 *   周琳: 预备党员; ballot 4 item 4 left blank (弃权)        → 15/15 = 100%, no tier
 */
const A2: Record<string, (i: number, j: number) => number> = {
  王磊: (i, j) => (i === 3 && j === 0 ? B : S),
  李娜: (i, j) => ((i === 0 && j === 0) || (i === 1 && j === 1) ? B : S),
  陈静: (i, j) => (i === 2 && j === 2 ? F : S),
  杨帆: () => S,
  赵敏: () => S,
  周琳: (i, j) => (i === 3 && j === 3 ? BLANK : S),
};
const NAMES = Object.keys(A2);
/** 是否推荐为优秀党员: ballot 4 ticks all six (> 5: that ballot's recommendations are void). */
const RECOMMEND = [['王磊', '陈静'], ['王磊'], ['王磊', '陈静', '杨帆'], NAMES];
const annex2 = (i: number) =>
  annex2Sheet('推荐表', {
    branch: '机关',
    day: '26',
    rows: NAMES.map((name): Annex2Row => ({ name, marks: [0, 1, 2, 3].map((j) => A2[name](i, j)), recommend: RECOMMEND[i].includes(name) })),
  });

describe('seed 004 annex forms as printed, written by SheetJS as .xlsx / .xls / .ods', () => {
  let dir: string;
  let inbox: string;
  let roster: string;
  let validate: Run;
  let validateJson: ResultJson;
  let score: Run;
  let json: ResultJson;
  let out: string;
  let changed: string[];

  beforeAll(async () => {
    dir = tempDir('annex');
    inbox = path.join(dir, '回收');
    fs.mkdirSync(inbox);
    roster = writeRoster(path.join(dir, '名册.xlsx'), ['序号', '姓名', '类型', '窗口岗位', '职务类别', '党风廉政问题'], [
      [1, '机关', '组织', null, null, null],
      [2, '王磊', '个人', '否', null, null],
      [3, '李娜', '个人', '否', null, null],
      [4, '陈静', '个人', '是', null, null],
      [5, '杨帆', '个人', '是', null, null],
      [6, '赵敏', '个人', '否', null, '经组织核实，事实清楚'],
      [7, '周琳', '个人', '否', '预备党员', null],
    ] as unknown as (string | null)[][]);

    // 附表1: the branch 机关 rated by three 党小组, five items each (15 marks):
    //   第一 满 满 满 比 基 | 第二 满 满 比 比 不 | 第三 满 满 满 满 基
    //   → 满意 9, 比较满意 3, 基本满意 2, 不满意 1; 满意率 (9 + 3)/15 = 80.00%.
    writeGrids(
      path.join(inbox, '附表1-机关支部.xlsx'),
      'xlsx',
      annex1Sheet('第一党小组', { branch: '机关', day: '26', marks: [S, S, S, F, B], opinion: '希望多组织学习交流', group: '机关支部 第一党小组', leader: '王磊' }),
      annex1Sheet('第二党小组', { branch: '机关', day: '26', marks: [S, S, F, F, D], group: '机关支部 第二党小组', leader: '李娜' }),
    );
    writeGrids(path.join(inbox, '附表1-第三党小组.ods'), 'ods', annex1Sheet('第三党小组', { branch: '机关', day: '27', marks: [S, S, S, S, B] }));

    // 附表2: ballots 1-4 in three formats; ballot 5 is ballot 1's file copied byte for byte.
    writeGrids(path.join(inbox, '附表2-01.xlsx'), 'xlsx', annex2(0));
    writeGrids(path.join(inbox, '附表2-02.xls'), 'biff8', annex2(1));
    writeGrids(path.join(inbox, '附表2-03.ods'), 'ods', annex2(2));
    writeGrids(path.join(inbox, '附表2-04.xlsx'), 'xlsx', annex2(3));
    fs.copyFileSync(path.join(inbox, '附表2-01.xlsx'), path.join(inbox, '附表2-05.xlsx'));

    // 附表3 from two 服务对象 units (blocks: 陈静, 杨帆; the third printed block unused):
    //   unit 1 (.xls): 陈静 满 满 满 满 | 杨帆 满 比 基 不
    //   unit 2 (.ods): 陈静 left blank (no dealings: not applicable) | 杨帆 满 满 满 基
    //   陈静 4/4 = 100%; 杨帆 (2 + 3)/8 = 62.50%.
    writeGrids(
      path.join(inbox, '附表3-市公安局出入境管理局.xls'),
      'biff8',
      annex3Sheet('测评表', { unit: '宁波市公安局出入境管理局', blocks: [{ name: '陈静', marks: [S, S, S, S] }, { name: '杨帆', marks: [S, F, B, D] }] }),
    );
    writeGrids(
      path.join(inbox, '附表3-宁波栎社国际机场.ods'),
      'ods',
      annex3Sheet('测评表', { unit: '宁波栎社国际机场', blocks: [{ name: '陈静', marks: [BLANK, BLANK, BLANK, BLANK] }, { name: '杨帆', marks: [S, S, S, B] }], feedback: '无' }),
    );

    // Not a workbook at all.
    fs.writeFileSync(path.join(inbox, '附表2-损坏.xlsx'), noise(4096));

    const before = snapshot(roster, inbox);
    validate = await pingyi(['validate', '--scheme', P, '--roster', roster, inbox]);
    validateJson = parseJson(await pingyi(['validate', '--scheme', P, '--roster', roster, inbox, '--json']));
    out = path.join(dir, 'result.xlsx');
    score = await pingyi(['score', '--scheme', P, '--roster', roster, inbox, '--out', out, '--json', '--today', '2026-12-01']);
    json = parseJson(score);
    changed = changedSince(before);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Findings as [code, file, cell], in the order reported. */
  const list = (j: ResultJson) => j.findings.map((f) => [f.code, f.file, f.cell]);

  it('validate and score exit 1 (error-level findings), and score still writes the result; no input byte changes', () => {
    expect(validate.code).toBe(1);
    expect(score.code).toBe(1);
    expect(fs.existsSync(out)).toBe(true);
    expect(changed).toEqual([]);
  });

  it('the findings, by hand: the random file, the byte copy, six recommendations, one abstention, the quota base', () => {
    const expected = [
      // Reading: the random bytes are no workbook; the copy of 附表2-01 is the same file.
      ['FILE_NOT_WORKBOOK', '附表2-损坏.xlsx', null],
      ['DUPLICATE_FILE', '附表2-05.xlsx', null],
      // Ballot 4, 周琳 (sixth candidate row, row 11), item 4 left blank: 联系和服务群众情况 starts at N.
      ['ABSTENTION', '附表2-04.xlsx', 'N11'],
      // Ballot 4: six ticks in 是否推荐为优秀党员 (more than 5): its recommendations void; reported at the
      // column's header (R4:R5 merged over the two header rows).
      ['TOO_MANY_RECOMMENDATIONS', '附表2-04.xlsx', 'R5'],
      // 20% of the branch's members, and the scheme has no memberCount.
      ['QUOTA_BASE_ASSUMED', '（汇总）', null],
    ];
    expect(list(json)).toEqual(expected);
    expect(list(validateJson)).toEqual(expected);
    expect(json.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(['FILE_NOT_WORKBOOK', 'DUPLICATE_FILE', 'TOO_MANY_RECOMMENDATIONS']);
  });

  it('the batch goes on: every other file is counted (附表1 3 sheets, 附表2 4 ballots — the copy once —, 附表3 2)', () => {
    expect(json.participation.filter((p) => p.returned > 0).map((p) => [p.form, p.group, p.valid])).toEqual([
      ['党支部开展创先争优活动群众评议表', '党员', 3],
      [ANNEX2, '党员', 4],
      [ANNEX3, '服务对象', 2],
    ]);
    expect(validate.stdout).toMatch(/^共读取 9 张票，计入 9 张；错误 3 条，提醒 2 条/);
  });

  it('the branch 机关: 满意 9, 比较满意 3, 基本满意 2, 不满意 1 → 满意率 12/15 = 80.00%', () => {
    const b = subject(json, '机关');
    expect(votes(b)).toEqual({ 满意: 9, 比较满意: 3, 基本满意: 2, 不满意: 1 });
    expect(b.satisfaction).toEqual({ votes: 12, valid: 15, share: '80.00%' });
    expect(b.tier).toBeNull();
  });

  it('satisfaction shares of the candidates (附表2, plus 附表3 for window posts)', () => {
    const sat = Object.fromEntries(NAMES.map((n) => [n, subject(json, n).satisfaction]));
    expect(sat).toEqual({
      王磊: { votes: 15, valid: 16, share: '93.75%' },
      李娜: { votes: 14, valid: 16, share: '87.50%' },
      // 陈静: 16 of 附表2 + 4 of 附表3 (unit 2's blank rows not counted).
      陈静: { votes: 20, valid: 20, share: '100.00%' },
      // 杨帆: 16 + 5 of 8 = 21/24.
      杨帆: { votes: 21, valid: 24, share: '87.50%' },
      赵敏: { votes: 16, valid: 16, share: '100.00%' },
      周琳: { votes: 15, valid: 15, share: '100.00%' },
    });
  });

  it('附表3: 陈静 valid 1 and not applicable 1 per item; 杨帆 5/8', () => {
    const rows = subject(json, '陈静').figures.filter((f) => f.form === ANNEX3);
    expect(rows.map((f) => [f.item, f.valid, f.notApplicable, f.abstain])).toEqual([
      ['服务态度', 1, 1, 0],
      ['服务质量', 1, 1, 0],
      ['办事效率', 1, 1, 0],
      ['廉洁公正', 1, 1, 0],
    ]);
    const yang = subject(json, '杨帆').figures.filter((f) => f.form === ANNEX3);
    expect(yang.reduce((n, f) => n + f.levels[S].votes + f.levels[F].votes, 0)).toBe(5);
    expect(yang.reduce((n, f) => n + f.valid, 0)).toBe(8);
  });

  it('recommendations: ballot 4 void (six ticks) → 王磊 3, 陈静 2, 杨帆 1, the rest 0, of 3 ballots', () => {
    const rec = Object.fromEntries(NAMES.map((n) => [n, subject(json, n).recommendations]));
    expect(rec).toEqual({
      王磊: { votes: 3, ballots: 3 },
      李娜: { votes: 0, ballots: 3 },
      陈静: { votes: 2, ballots: 3 },
      杨帆: { votes: 1, ballots: 3 },
      赵敏: { votes: 0, ballots: 3 },
      周琳: { votes: 0, ballots: 3 },
    });
  });

  it('tiers: 陈静 优秀党员; 王磊 (93.75%) meets 90% but the quota floor(20% × 6) = 1 goes to 陈静 (100%); the rest not', () => {
    const tiers = Object.fromEntries(NAMES.map((n) => [n, subject(json, n).tier]));
    expect(tiers).toEqual({ 王磊: '未评为优秀党员', 李娜: '未评为优秀党员', 陈静: '优秀党员', 杨帆: '未评为优秀党员', 赵敏: '未评为优秀党员', 周琳: null });
    expect(subject(json, '王磊').flags).toContain('超出名额');
    expect(subject(json, '赵敏').vetoes.map((v) => v.id)).toEqual(['integrity']);
    expect(subject(json, '周琳').flags).toEqual(['不定等次']);
  });

  it('with --members 10 (the roster lists candidates only), the quota is floor(20% × 10) = 2: 陈静 and 王磊 both', async () => {
    const r = parseJson(await pingyi(['score', '--scheme', P, '--roster', roster, inbox, '--out', path.join(dir, 'members.xlsx'), '--json', '--today', '2026-12-01', '--members', '10']));
    expect(r.findings.map((f) => f.code)).not.toContain('QUOTA_BASE_ASSUMED');
    expect([subject(r, '陈静').tier, subject(r, '王磊').tier]).toEqual(['优秀党员', '优秀党员']);
    const bad = await pingyi(['validate', '--scheme', P, '--roster', roster, inbox, '--members', '二十']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--members 应为党员（成员）人数，1 到 9999999 之间的整数，而不是「二十」');
  });

  it('--members 单位=人数 is read per unit: a count that is not a whole number above 0 is a usage error, a unit the roster lacks refuses the run', async () => {
    const zero = await pingyi(['validate', '--scheme', P, '--roster', roster, inbox, '--members', '第一支部=12,第二支部=0']);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('--members「第二支部=0」：党员（成员）人数应为 1 到 9999999 之间的整数，而不是「0」');
    const twice = await pingyi(['validate', '--scheme', P, '--roster', roster, inbox, '--members', '第一支部=12，第一支部=15']);
    expect(twice.stderr).toContain('--members 中单位「第一支部」写了两次');
    // This roster has no unit column: a count per unit has nothing to be counted against.
    const noUnits = await pingyi(['validate', '--scheme', P, '--roster', roster, inbox, '--members', '第一支部=12']);
    expect(noUnits.code).toBe(2);
    expect(noUnits.stderr).toContain('党员（成员）人数（memberCount，命令行 --members）按单位填写，但名册中没有填写单位');
  });

  it('the non-JSON validate output names each finding as file!sheet!cell: message', () => {
    expect(validate.stdout).toContain('附表2-损坏.xlsx: 「附表2-损坏.xlsx」不是工作簿');
    expect(validate.stdout).toContain('附表2-05.xlsx: 与「附表2-01.xlsx」逐字节相同');
    expect(validate.stdout).toContain('附表2-04.xlsx!推荐表!R5: ');
    expect(validate.stdout).toContain('附表2-04.xlsx!推荐表!N11: ');
  });
});
