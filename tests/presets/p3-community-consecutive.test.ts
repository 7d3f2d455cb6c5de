/**
 * seed 002 第五篇 霍尔奇社区“勤廉双述双评”活动工作方案, 三、具体要求 5:
 * "一次被评为不合格的,予以警示谈话;连续两次被评为不合格的,由街道予以诫勉谈话,当事人工资按原工资的80%发放;
 *  连续三次被定为不合格的,按有关组织程序予以免职或建议社区居民大会按程序予以罢免职务。"
 * "连续" counts back from this year through last years' results (往年结果, one column a year); a 合格 year
 * breaks the run. Of the ladder only the step reached applies.
 * The seed gives no vote threshold: the preset's stated default is 不合格票 超过 50% (so exactly 50% is 合格).
 * 10 ballots (无记名 评议票) from the meeting's participants.
 */
import { runCampaign } from '../../src/core/engine';
import { summaryText } from '../../src/cli/summary';
import { getPreset } from '../../src/core/presets';
import { matrixSheet, submission } from '../helpers/grids';
import { historyOf } from '../helpers/history';
import { publicationTitle } from '../../src/core/output/describe-publication';
import { describeRanking } from '../../src/core/output/describe-ranking';
import { describeRectification } from '../../src/core/output/describe-rectification';
import { History } from '../../src/core/results/history';
import { readHistory } from '../../src/hosts/files/read-history';
import { readWorkbook } from '../../src/hosts/files/read-workbook';
import { writeWorkbook } from '../../src/hosts/files/write-workbook';
import { describeResultWorkbook } from '../../src/core/output/describe-workbooks';

const LEVELS = ['合格', '不合格'];
const [PASS, FAIL] = [0, 1];

/** 不合格 votes out of 10 per subject. */
const FAIL_VOTES: Record<string, number> = {
  孟一: 6, // 60% > 50% → 不合格, no history → once
  孟二: 6, // 2025 不合格, 2024 合格 → twice
  孟三: 6, // 2025 不合格, 2024 不合格, 2023 合格 → three times
  孟四: 6, // 2025 合格, 2024 不合格 → once again (the 合格 year breaks the run)
  孟五: 5, // exactly 50%: not 超过 → 合格, even after a 不合格 year
  孟六: 6, // 2025, 2024, 2023 不合格 → four times, still the third step only
  孟七: 10, // 100%, after 合格 years → once
};
const NAMES = Object.keys(FAIL_VOTES);
// 往年结果 with a column for each of the three years before 2026 (--today 2026-12-01), none blank.
const history = historyOf([
  ['姓名', '2025年', '2024年', '2023年'],
  ['孟二', '不合格', '合格', '合格'],
  ['孟三', '不合格', '不合格', '合格'],
  ['孟四', '合格', '不合格', '不合格'],
  ['孟五', '不合格', '合格', '合格'],
  ['孟六', '不合格', '不合格', '不合格'],
  ['孟七', '合格', '合格', '合格'],
]);

/** Ten ballots; `fails[name]` of them mark 不合格, the rest 合格. */
const tenBallots = (fails: Record<string, number>) =>
  Array.from({ length: 10 }, (_, i) =>
    submission(
      `评议票-${i + 1}.xlsx`,
      matrixSheet('评议票', {
        title: '社区“两委”干部勤廉双述双评评议票',
        levels: LEVELS,
        rows: Object.keys(fails).map((name) => ({ name, marks: [i < fails[name] ? FAIL : PASS] })),
      }),
    ),
  );
const submissions = tenBallots(FAIL_VOTES);
const scheme = getPreset('p3-community-consecutive');
const result = runCampaign({ scheme, roster: NAMES.map((name) => ({ name })), submissions, history, today: '2026-12-01' });
const byName = (n: string) => result.subjects.find((s) => s.name === n)!;
const actions = (n: string) => byName(n).consequences.map((c) => c.action);

const WARNING = '警示谈话';
const ADMONITION = '由街道予以诫勉谈话，工资按原工资的80%发放';
const DISMISSAL = '按有关组织程序予以免职或建议社区居民大会按程序予以罢免；评议中提出的问题记入问题整改台帐，限期解决销号';

describe('P3 第五篇 threshold (preset default): 不合格票 超过 50%', () => {
  it('6/10 = 60% → 不合格', () => {
    expect(byName('孟一').tier).toBe('不合格');
    expect(byName('孟一').reasons[0]).toContain('6/10 = 60.00%');
  });

  it('exactly 5/10 = 50% is not 超过 → 合格, and carries no consequence despite last year\'s 不合格', () => {
    expect(byName('孟五').tier).toBe('合格');
    expect(actions('孟五')).toEqual([]);
  });

  it('10/10 不合格 is 不合格 after two 合格 years: once', () => {
    expect(byName('孟七').tier).toBe('不合格');
    expect(byName('孟七').streak).toBe(1);
    expect(actions('孟七')).toEqual([WARNING]);
  });

  it('reads every ballot without errors', () => {
    expect(result.participation[0].valid).toBe(10);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('P3 第五篇 三、5 escalation by consecutive 不合格', () => {
  it('once (no history) → 警示谈话', () => {
    expect(byName('孟一').streak).toBe(1);
    expect(actions('孟一')).toEqual([WARNING]);
  });

  it('twice in a row (2025 不合格) → 诫勉谈话，工资80% only (not also 警示谈话)', () => {
    expect(byName('孟二').streak).toBe(2);
    expect(actions('孟二')).toEqual([ADMONITION]);
  });

  it('three times in a row (2025, 2024 不合格) → 免职/罢免 only', () => {
    expect(byName('孟三').streak).toBe(3);
    expect(actions('孟三')).toEqual([DISMISSAL]);
  });

  it('a 合格 year in between resets the run (2025 合格, 2024 不合格) → once: 警示谈话', () => {
    expect(byName('孟四').streak).toBe(1);
    expect(actions('孟四')).toEqual([WARNING]);
  });

  it('four in a row stays at the third step', () => {
    expect(byName('孟六').streak).toBe(4);
    expect(actions('孟六')).toEqual([DISMISSAL]);
  });

  it('without the history input the same votes give only 警示谈话 (the run needs last years\' results), and say so', () => {
    const r = runCampaign({ scheme, roster: NAMES.map((name) => ({ name })), submissions, today: '2026-12-01' });
    expect(r.subjects.find((s) => s.name === '孟三')!.consequences.map((c) => c.action)).toEqual([WARNING]);
    // Every 不合格 (孟五 is 合格: nothing to count) is named once in one warning.
    expect(r.findings.filter((f) => f.code === 'HISTORY_MISSING').map((f) => [f.severity, f.message])).toEqual([
      [
        'warning',
        '方案中有“连续被评为某等次”的处理，但没有 孟一、孟二、孟三、孟四、孟六、孟七 的往年结果，连续次数按本次为第一次计；请导入往年结果（姓名及各年度等次）后重新计算',
      ],
    ]);
    expect(r.subjects.find((s) => s.name === '孟五')!.reasons.some((x) => x.includes('往年结果'))).toBe(false);
  });

  it('with the history input, only those missing from it are named (孟一)', () => {
    expect(result.findings.filter((f) => f.code === 'HISTORY_MISSING').map((f) => f.message)).toEqual([
      '方案中有“连续被评为某等次”的处理，但没有 孟一 的往年结果，连续次数按本次为第一次计；请导入往年结果（姓名及各年度等次）后重新计算',
    ]);
    expect(byName('孟一').reasons).toContain('未提供往年结果，连续被评为「不合格」的次数按本次为第一次计；如往年也曾被评为「不合格」，请导入往年结果后重新计算');
    expect(byName('孟二').reasons.some((x) => x.includes('往年结果'))).toBe(false);
  });
});

describe('P3 第五篇: whose past years are whose', () => {
  /** 孟一 (60% 不合格) is listed twice, in two 社区; 孟二 once, without a unit. */
  const twins = [{ name: '孟一', unit: '东社区' }, { name: '孟一', unit: '西社区' }, { name: '孟二' }];
  const twinBallots = tenBallots({ '孟一（东社区）': 6, '孟一（西社区）': 6, 孟二: 6 });
  const run = (rows: (string | null)[][]) => runCampaign({ scheme, roster: twins, submissions: twinBallots, history: historyOf(rows), today: '2026-12-01' });
  const streaks = (r: ReturnType<typeof run>) => r.subjects.map((x) => `${x.name}/${x.unit ?? ''} ${x.streak}`);

  it('a shared name (重名) is matched on name + unit', () => {
    const r = run([
      ['姓名', '社区', '2025年', '2024年'],
      ['孟一', '西社区', '不合格', '合格'],
      ['孟二', null, '不合格', '不合格'],
    ]);
    expect(streaks(r)).toEqual(['孟一/东社区 1', '孟一/西社区 2', '孟二/ 3']);
    expect(r.findings.find((f) => f.code === 'HISTORY_MISSING')!.message).toContain('没有 孟一（东社区） 的往年结果');
  });

  it('or by the label the results write (孟一（西社区）), as in last year\'s 结果 sheet', () => {
    const r = run([
      ['姓名', '2025年'],
      ['孟一（西社区）', '不合格'],
    ]);
    expect(streaks(r)).toEqual(['孟一/东社区 1', '孟一/西社区 2', '孟二/ 1']);
  });

  it('never by the bare name: whose years those are cannot be told, and each 孟一 is told so', () => {
    const r = run([
      ['姓名', '2025年'],
      ['孟一', '不合格'],
    ]);
    expect(streaks(r)).toEqual(['孟一/东社区 1', '孟一/西社区 1', '孟二/ 1']);
    const unclear = r.findings.filter((f) => f.code === 'HISTORY_MATCH_UNCLEAR');
    expect(unclear.map((f) => [f.severity, f.file, f.sheet, f.cell])).toEqual([
      ['warning', '往年结果.xlsx', '往年结果', 'A2'],
      ['warning', '往年结果.xlsx', '往年结果', 'A2'],
    ]);
    expect(unclear[0].message).toBe(
      '往年结果中可能是「孟一（东社区）」的有 1 行：孟一（往年结果!A2）没有单位，名册中有 2 个孟一，无法确定是否是本人的，未使用；本次被评为「不合格」，连续次数按本次为第一次计，请评议委员会核实；请在往年结果中写明与名册一致的单位，或删去不是本人的行',
    );
    const east = r.subjects[0];
    expect(east.flags).toContain('连续次数待核实');
    expect(east.reasons).toContain(
      '往年结果中可能是「孟一（东社区）」的有 1 行：孟一（往年结果!A2）没有单位，名册中有 2 个孟一，无法确定是否是本人的，未使用，连续被评为「不合格」的次数按本次为第一次计，请评议委员会核实',
    );
    // Their years are in the file: they are not said to be missing; 孟二's are.
    expect(r.findings.find((f) => f.code === 'HISTORY_MISSING')!.message).toContain('没有 孟二 的往年结果');
    expect(r.findings.find((f) => f.code === 'HISTORY_MISSING')!.message).not.toContain('孟一');
  });

  it('a past value that is not one of the scheme\'s tiers breaks the run, and is said', () => {
    const r = run([
      ['姓名', '2025年', '2024年'],
      ['孟二', '不称职', '不合格'],
    ]);
    expect(streaks(r)[2]).toBe('孟二/ 1');
    expect(r.findings.filter((f) => f.code === 'HISTORY_VALUE_UNKNOWN').map((f) => f.message)).toEqual([
      '往年结果中「孟二」2025 年的「不称职」（往年结果!B2）不是本方案的等次（合格、不合格），按不同等次计，连续次数在此中断；如是同一等次的其他写法，请改正往年结果后重新计算',
    ]);
  });

  it('a name written otherwise (spaces, a note) is matched when only one row could be it; two rows that could: neither', () => {
    expect(streaks(run([['姓名', '2025年'], ['孟 二', '不合格']]))[2]).toBe('孟二/ 2');
    // A note in brackets (女) is set aside (HISTORY_NAME_NOTE), as the roster's are.
    const noted = (rows: (string | null)[][]) => runCampaign({ scheme, roster: twins, submissions: twinBallots, history: readHistory({ file: '往年结果.xlsx', sheets: [{ name: '往年结果', rows, merges: [] }] }).history, today: '2026-12-01' });
    expect(streaks(noted([['姓名', '2025年'], ['孟二（女）', '不合格']]))[2]).toBe('孟二/ 2');
    // Two rows of the name that share 2025 and differ in 2024 (blank in one): perhaps two people, one not rated in 2024.
    const both = noted([['姓名', '2025年', '2024年'], ['孟 二', '不合格', null], ['孟二（女）', '不合格', '不合格']]);
    expect(streaks(both)[2]).toBe('孟二/ 1');
    expect(both.findings.filter((f) => f.code === 'HISTORY_MATCH_UNCLEAR').map((f) => f.subject)).toEqual(['孟二']);
  });
});

/**
 * 重名 and units between the roster and 往年结果 (the tester's p3c-roster1 + p3c-h6, and the reverse): by hand,
 * this year's 不合格 after 不合格 in 2025 and 2024 is the third in a row → 免职 (第五篇 三、5); when the rows
 * cannot be told apart the run counts from this year (警示谈话) and the committee is asked.
 */
describe('P3 第五篇: 往年结果 with units', () => {
  const ballots = tenBallots({ 王伟: 6, 李强: 6 });
  const run = (roster: { name: string; unit?: string }[], rows: (string | null)[][], votes = ballots) =>
    runCampaign({ scheme, roster, submissions: votes, history: historyOf(rows), today: '2026-12-20' });
  const codes = (r: ReturnType<typeof run>) => r.findings.filter((f) => f.code.startsWith('HISTORY_')).map((f) => f.code);
  const person = (r: ReturnType<typeof run>, label: string) => r.subjects.find((s) => s.label === label)!;

  it('one 王伟 in the roster, two in the history told apart by 所在社区: his row is used (三次 → 免职), the other reported as not his', () => {
    const r = run(
      [{ name: '王伟', unit: '荣兴社区' }, { name: '李强', unit: '荣兴社区' }],
      [
        ['姓名', '所在社区', '2025年', '2024年'],
        ['王伟', '荣兴社区', '不合格', '不合格'],
        ['王伟', '新华社区', '合格', '合格'],
        ['李强', '荣兴社区', '合格', '合格'],
      ],
    );
    expect(person(r, '王伟').streak).toBe(3);
    expect(person(r, '王伟').consequences.map((c) => c.action)).toEqual([DISMISSAL]);
    expect(person(r, '王伟').flags).not.toContain('连续次数待核实');
    expect(codes(r)).toEqual(['HISTORY_NOT_IN_ROSTER']);
    const other = r.findings.find((f) => f.code === 'HISTORY_NOT_IN_ROSTER')!;
    expect([other.severity, other.file, other.sheet, other.cell, other.message]).toEqual([
      'warning',
      '往年结果.xlsx',
      '往年结果',
      'A3',
      '往年结果中的「王伟」（新华社区，往年结果!A3）与名册中同名的人单位都不同（荣兴社区），视为名册以外的人，未使用',
    ]);
  });

  it('two 王伟 in the roster, one in the history with his unit: 王伟（荣兴社区） three times → 免职; 王伟（新华社区） has no past years', () => {
    const r = run(
      [{ name: '王伟', unit: '荣兴社区' }, { name: '王伟', unit: '新华社区' }, { name: '李强', unit: '荣兴社区' }],
      [
        ['姓名', '单位', '二〇二五年', '2024年度评议结果'],
        ['王伟', '荣兴社区', '不合格', '不合格'],
        ['李强', '荣兴社区', '合格', '不合格'],
      ],
      tenBallots({ '王伟（荣兴社区）': 6, '王伟（新华社区）': 6, 李强: 6 }),
    );
    expect(person(r, '王伟（荣兴社区）').consequences.map((c) => c.action)).toEqual([DISMISSAL]);
    expect(person(r, '王伟（新华社区）').consequences.map((c) => c.action)).toEqual([WARNING]);
    expect(person(r, '李强').consequences.map((c) => c.action)).toEqual([WARNING]);
    expect(r.findings.find((f) => f.code === 'HISTORY_MISSING')!.message).toContain('没有 王伟（新华社区） 的往年结果');
    expect(codes(r)).toEqual(['HISTORY_MISSING']);
  });

  it('a history row whose unit is not his (another 社区): perhaps he moved, perhaps another 王伟 — not used, and said', () => {
    const r = run(
      [{ name: '王伟', unit: '荣兴社区' }],
      [
        ['姓名', '所在社区', '2025年', '2024年'],
        ['王伟', '新华社区', '不合格', '不合格'],
      ],
      tenBallots({ 王伟: 6 }),
    );
    const wang = person(r, '王伟');
    expect([wang.streak, wang.consequences.map((c) => c.action)]).toEqual([1, [WARNING]]);
    expect(wang.flags).toContain('连续次数待核实');
    expect(wang.reasons).toContain(
      '往年结果中可能是「王伟」的有 1 行：王伟（新华社区，往年结果!A2）单位与名册（荣兴社区）不同，无法确定是否是本人的，未使用，连续被评为「不合格」的次数按本次为第一次计，请评议委员会核实',
    );
    expect(codes(r)).toEqual(['HISTORY_MATCH_UNCLEAR']);
    expect(r.findings.find((f) => f.code === 'HISTORY_MATCH_UNCLEAR')!.cell).toBe('A2');
  });

  it('two history rows that both fit one person and disagree on a year: neither is picked, and the years they disagree on are named', () => {
    const r = run(
      [{ name: '王伟', unit: '荣兴社区' }],
      [
        ['姓名', '所在社区', '2025年', '2024年'],
        ['王伟', '荣兴社区', '不合格', '不合格'],
        ['王伟', '荣兴社区', '合格', '合格'],
      ],
      tenBallots({ 王伟: 6 }),
    );
    expect(person(r, '王伟').consequences.map((c) => c.action)).toEqual([WARNING]);
    expect(r.findings.filter((f) => f.code === 'HISTORY_MATCH_UNCLEAR').map((f) => f.message)).toEqual([
      '往年结果中可能是「王伟」的有 2 行：王伟（荣兴社区，往年结果!A2）单位相符，但 2025 年与往年结果!C3 的「合格」不一致，2024 年与往年结果!D3 的「合格」不一致；王伟（荣兴社区，往年结果!A3）单位相符，但 2025 年与往年结果!C2 的「不合格」不一致，2024 年与往年结果!D2 的「不合格」不一致，无法确定哪一行是本人的，均未使用；本次被评为「不合格」，连续次数按本次为第一次计，请评议委员会核实；请在往年结果中写明与名册一致的单位，或删去不是本人的行',
    ]);
  });

  it('a roster without units: one row of the name is his, whatever its unit; two rows are not told apart by the roster', () => {
    const one = run([{ name: '王伟' }], [['姓名', '单位', '2025年', '2024年'], ['王伟', '荣兴社区', '不合格', '不合格']], tenBallots({ 王伟: 6 }));
    expect(person(one, '王伟').consequences.map((c) => c.action)).toEqual([DISMISSAL]);
    const two = run(
      [{ name: '王伟' }],
      [['姓名', '单位', '2025年', '2024年'], ['王伟', '荣兴社区', '不合格', '不合格'], ['王伟', '新华社区', '合格', '合格']],
      tenBallots({ 王伟: 6 }),
    );
    expect(person(two, '王伟').consequences.map((c) => c.action)).toEqual([WARNING]);
    expect(codes(two)).toEqual(['HISTORY_MATCH_UNCLEAR']);
  });

  it('a history row for someone not in the roster (孙丽, who has left) is reported with its cell, and not used', () => {
    const r = run(
      [{ name: '王伟', unit: '荣兴社区' }, { name: '李强', unit: '荣兴社区' }],
      [
        ['姓名', '所在社区', '2025年'],
        ['王伟', '荣兴社区', '合格'],
        ['孙丽', '荣兴社区', '不合格'],
        ['李强', '荣兴社区', '合格'],
      ],
    );
    expect(r.findings.filter((f) => f.code === 'HISTORY_NOT_IN_ROSTER').map((f) => [f.severity, f.file, f.sheet, f.cell, f.subject, f.message])).toEqual([
      ['warning', '往年结果.xlsx', '往年结果', 'A3', '孙丽', '往年结果中的「孙丽」（往年结果!A3）不在名册中，未使用'],
    ]);
  });
});

/**
 * 连续 is consecutive campaigns, one a year (第五篇 二、(四)): a year without a result — no column for it, or a
 * blank cell — stops the run; when that year being 不合格 too would change the step, the committee is asked.
 * Results year 2026 (--today 2026-12-20); every subject is 不合格 this year (6/10).
 */
describe('P3 第五篇: years without a result', () => {
  const run = (name: string, rows: (string | null)[][]) =>
    runCampaign({ scheme, roster: [{ name }], submissions: tenBallots({ [name]: 6 }), history: historyOf(rows), today: '2026-12-20' });
  const gapFindings = (r: ReturnType<typeof run>) => r.findings.filter((f) => f.code === 'HISTORY_GAP');

  it('2025年 and 2023年 columns only (no 2024), 不合格 in both: 2026 + 2025 = twice (诫勉谈话), stopped at 2024; had 2024 been 不合格 too, four times (免职)', () => {
    const r = run('李强', [
      ['姓名', '单位', '2025年', '2023年'],
      ['李强', '荣兴社区', '不合格', '不合格'],
    ]);
    const s = r.subjects[0];
    expect(s.streak).toBe(2);
    expect(s.consequences.map((c) => c.action)).toEqual([ADMONITION]);
    expect(s.flags).toContain('连续次数待核实');
    const said = `往年结果中 2024 年（无该年度列）没有结果，连续被评为「不合格」的次数在此中断，按连续第 2 次计（${ADMONITION}）；如 2024 年也被评为「不合格」，则为连续第 4 次（${DISMISSAL}），请评议委员会核实`;
    expect(s.reasons).toContain(said);
    expect(gapFindings(r).map((f) => [f.severity, f.file, f.sheet, f.cell, f.subject, f.message])).toEqual([['warning', '往年结果.xlsx', '往年结果', 'A2', '李强', `「李强」${said}`]]);
  });

  it('a blank 2025 cell before a 不合格 2024: once (警示谈话), and the blank cell is named; had it been 不合格, three times (免职)', () => {
    const r = run('张敏', [
      ['姓名', '2025年', '2024年'],
      ['张敏', null, '不合格'],
    ]);
    const s = r.subjects[0];
    expect(s.consequences.map((c) => c.action)).toEqual([WARNING]);
    expect(s.reasons).toContain(
      `往年结果中 2025 年（往年结果!B2 空白）没有结果，连续被评为「不合格」的次数在此中断，按第一次计（${WARNING}）；如 2025 年也被评为「不合格」，则为连续第 3 次（${DISMISSAL}），请评议委员会核实`,
    );
    expect(gapFindings(r).map((f) => f.cell)).toEqual(['B2']);
  });

  it('years missing between the last column and the results year are gaps too: only 2024年 given → 2025 unknown', () => {
    const r = run('陈静', [
      ['姓名', '2024年'],
      ['陈静', '不合格'],
    ]);
    expect(r.subjects[0].consequences.map((c) => c.action)).toEqual([WARNING]);
    expect(r.subjects[0].reasons).toContain(
      `往年结果中 2025 年（无该年度列）没有结果，连续被评为「不合格」的次数在此中断，按第一次计（${WARNING}）；如 2025 年也被评为「不合格」，则为连续第 3 次（${DISMISSAL}），请评议委员会核实`,
    );
  });

  it('a gap that cannot change the step is not flagged: three in a row already (免职) before a blank 2023', () => {
    const r = run('刘洋', [
      ['姓名', '2025年', '2024年', '2023年'],
      ['刘洋', '不合格', '不合格', null],
    ]);
    expect(r.subjects[0].consequences.map((c) => c.action)).toEqual([DISMISSAL]);
    expect(r.subjects[0].flags).not.toContain('连续次数待核实');
    expect(gapFindings(r)).toEqual([]);
  });

  it('names the fewest years that would change the step: with 免职 the only step (连续三次), blank 2025 alone gives twice (no step), 2025 and 2024 give four times', () => {
    const onlyThird = { ...scheme, consequences: scheme.consequences.filter((c) => c.consecutive === 3) };
    const r = runCampaign({
      scheme: onlyThird,
      roster: [{ name: '吴杰' }],
      submissions: tenBallots({ 吴杰: 6 }),
      history: historyOf([
        ['姓名', '2025年', '2024年', '2023年'],
        ['吴杰', null, null, '不合格'],
      ]),
      today: '2026-12-20',
    });
    expect(r.subjects[0].consequences).toEqual([]);
    expect(r.subjects[0].reasons).toContain(
      `往年结果中 2025 年（往年结果!B2 空白）、2024 年（往年结果!C2 空白）没有结果，连续被评为「不合格」的次数在此中断，按第一次计（无处理）；如 2025、2024 年也被评为「不合格」，则为连续第 4 次（${DISMISSAL}），请评议委员会核实`,
    );
  });

  it('a gap the run never reaches is nothing: 2025 合格 ends it before the blank 2024', () => {
    const r = run('赵磊', [
      ['姓名', '2025年', '2024年'],
      ['赵磊', '合格', null],
    ]);
    expect(r.subjects[0].consequences.map((c) => c.action)).toEqual([WARNING]);
    expect(gapFindings(r)).toEqual([]);
  });
});

/** A column for the results year or later is not a past year (it would count this year twice). */
describe('P3 第五篇: the results year in 往年结果', () => {
  const votes = tenBallots({ 刘洋: 6 });
  const rows = (header: string[], tiers: string[]) => [['姓名', ...header], ['刘洋', ...tiers]];

  it('--today 2026-12-20 and a 2026年 column: reported at its header cell and not read; 2026 + 2025 = twice (诫勉谈话), not three times', () => {
    // 2024 合格 ends the run: no year before the file's first column could change the step.
    const r = runCampaign({ scheme, roster: [{ name: '刘洋' }], submissions: votes, history: historyOf(rows(['2026年', '2025年', '2024年'], ['不合格', '不合格', '合格'])), today: '2026-12-20' });
    expect(r.subjects[0].streak).toBe(2);
    expect(r.subjects[0].consequences.map((c) => c.action)).toEqual([ADMONITION]);
    expect(r.findings.filter((f) => f.code === 'HISTORY_YEAR_NOT_PAST').map((f) => [f.severity, f.file, f.sheet, f.cell, f.message])).toEqual([
      ['warning', '往年结果.xlsx', '往年结果', 'B1', '往年结果「往年结果」的 B1「2026年」是 2026 年，不早于本次评议的年度（2026 年，按今天 2026-12-20），不是往年结果，未读取；本年度的等次以本次计算为准'],
    ]);
    expect(r.findings.some((f) => f.code === 'HISTORY_GAP')).toBe(false);
  });

  it('the scheme\'s 结果日期 decides the year before --today: results dated 2027-12-10 make 2026 a past year (三次 → 免职) and 2027 not', () => {
    const dated = { ...scheme, resultsDate: '2027-12-10' };
    const r = runCampaign({
      scheme: dated,
      roster: [{ name: '刘洋' }],
      submissions: votes,
      history: historyOf(rows(['2027年', '2026年', '2025年'], ['不合格', '不合格', '不合格'])),
      today: '2026-12-20',
    });
    expect(r.subjects[0].consequences.map((c) => c.action)).toEqual([DISMISSAL]);
    expect(r.subjects[0].streak).toBe(3);
    expect(r.findings.filter((f) => f.code === 'HISTORY_YEAR_NOT_PAST').map((f) => f.message)).toEqual([
      '往年结果「往年结果」的 B1「2027年」是 2027 年，不早于本次评议的年度（2027 年，方案的结果日期 2027-12-10），不是往年结果，未读取；本年度的等次以本次计算为准',
    ]);
  });
});

describe('P3 第五篇 问题整改台帐', () => {
  it('every step opens a rectification row (30 days, preset default): 免职 too, the questions raised being entered in the 台帐 (三、3)', () => {
    const rows = result.rectification;
    expect(rows.filter((r) => r.subject === '孟一').map((r) => r.action)).toEqual([WARNING]);
    expect(rows.filter((r) => r.subject === '孟二').map((r) => r.action)).toEqual([ADMONITION]);
    expect(rows.filter((r) => r.subject === '孟三').map((r) => [r.problem, r.action, r.deadline])).toEqual([['连续第 3 次被评为「不合格」', DISMISSAL, '2026-12-31']]);
    expect(rows.find((r) => r.subject === '孟一')!.deadline).toBe('2026-12-31');
    expect(rows.some((r) => r.subject === '孟五')).toBe(false);
  });
});

describe('P3 第五篇: every step of the ladder is said with the tier, with the run that decided it', () => {
  const reasonOf = (name: string) => result.subjects.find((x) => x.name === name)!.reasons;
  it('三次: the reason says 免职 with the run that decided it, 连续第 3 次', () => {
    // 孟三: this year 不合格 + 2025, 2024 不合格 = 3 in a row.
    expect(reasonOf('孟三')).toContain(`结果运用：连续第 3 次被评为「不合格」，${DISMISSAL}（30 天内整改）（${scheme.consequences[2].cite}）`);
    // 孟六: 1 + 3 = 4 in a row, still the third step.
    expect(reasonOf('孟六').filter((t) => t.startsWith('结果运用：'))).toEqual([`结果运用：连续第 4 次被评为「不合格」，${DISMISSAL}（30 天内整改）（${scheme.consequences[2].cite}）`]);
  });

  it('二次 and 一次 are said too, with the days to rectify; the 整改清单 row names the run (连续第 2 次)', () => {
    expect(reasonOf('孟二')).toContain(`结果运用：连续第 2 次被评为「不合格」，${ADMONITION}（30 天内整改）（${scheme.consequences[1].cite}）`);
    // 孟四: 2025 合格 breaks the run → first time.
    expect(reasonOf('孟四')).toContain(`结果运用：被评为「不合格」（按第一次计），${WARNING}（30 天内整改）（${scheme.consequences[0].cite}）`);
    expect(result.rectification.find((r) => r.subject === '孟二')!.problem).toMatch(/^连续第 2 次被评为「不合格」/);
    expect(result.rectification.find((r) => r.subject === '孟四')!.problem).toMatch(/^评议等次为「不合格」/);
  });

  it('the command-line summary carries the 免职 line', () => {
    const line = summaryText(result).split('\n').find((l) => l.startsWith('  孟三：'))!;
    expect(line).toContain(`连续第 3 次被评为「不合格」，${DISMISSAL}`);
  });
});


describe('P3 第五篇: what is published names the body rated, and what the preset chose', () => {
  it('公示表, 排名表 and 整改清单 name the 社区“两委” campaign (seed 002 第五篇), not 村干部', () => {
    expect(publicationTitle(result)).toBe('关于2026年度社区“两委”干部勤廉双述双评结果的公示');
    for (const sheet of [describeRanking(result), describeRectification(result)])
      expect(JSON.stringify(sheet)).not.toContain('村干部');
  });

  it('the 30-day deadline of 警示谈话, 诫勉谈话 and 免职 is said to be the preset\'s default, the seed giving none (三、3, 三、5)', () => {
    const timed = scheme.consequences.filter((c) => c.rectifyWithinDays !== null);
    expect(timed.map((c) => c.rectifyWithinDays)).toEqual([30, 30, 30]);
    for (const c of timed) expect(c.cite).toContain('整改期限为本预设默认 30 天');
    expect(scheme.description).toContain('本预设默认 30 天');
  });
});

/**
 * 往年结果 as a 街道 or a clerk keeps them (the exploratory test of the yearly cycle): each case worked out by
 * hand from 第五篇 三、5 — this year's 不合格 (6/10 = 60%) after 不合格 in 2025 and 2024 is the third in a row (免职),
 * after 2025 alone the second (诫勉谈话).
 */
describe('P3 第五篇: 往年结果 as clerks keep them', () => {
  const run = (roster: { name: string; unit?: string }[], history: History, votes = tenBallots(Object.fromEntries(roster.map((p) => [p.name, 6]))), today = '2026-12-12') =>
    runCampaign({ scheme, roster, submissions: votes, history, today });
  const person = (r: ReturnType<typeof run>, label: string) => r.subjects.find((s) => s.label === label)!;
  const coded = (r: ReturnType<typeof run>, code: string) => r.findings.filter((f) => f.code === code);

  it('东荣兴社区 is not 荣兴社区: another community\'s 王伟 (不合格 twice) is not taken for a new 王伟 of 荣兴社区, and the committee is asked', () => {
    const r = run(
      [{ name: '王伟', unit: '荣兴社区' }, { name: '张强', unit: '荣兴社区' }],
      historyOf([
        ['姓名', '所在社区', '2024年', '2025年'],
        ['张强', '荣兴社区', '合格', '合格'],
        ['王伟', '东荣兴社区', '不合格', '不合格'],
      ]),
    );
    expect(person(r, '王伟').consequences.map((c) => c.action)).toEqual([WARNING]);
    expect(person(r, '王伟').flags).toContain('连续次数待核实');
    expect(coded(r, 'HISTORY_MATCH_UNCLEAR').map((f) => [f.cell, f.message])).toEqual([
      [
        'A3',
        '往年结果中可能是「王伟」的有 1 行：王伟（东荣兴社区，往年结果!A3）单位与名册（荣兴社区）不同，无法确定是否是本人的，未使用；本次被评为「不合格」，连续次数按本次为第一次计，请评议委员会核实；请在往年结果中写明与名册一致的单位，或删去不是本人的行',
      ],
    ]);
  });

  it('two 王伟 of 荣兴社区 and 东荣兴社区: the template\'s rows 王伟（荣兴社区）/王伟（东荣兴社区） are counted, each history row is its own man\'s', () => {
    const r = run(
      [{ name: '王伟', unit: '荣兴社区' }, { name: '王伟', unit: '东荣兴社区' }],
      historyOf([
        ['姓名', '所在社区', '2024年', '2025年'],
        ['王伟', '东荣兴社区', '不合格', '不合格'],
        ['王伟', '荣兴社区', '合格', '合格'],
      ]),
      tenBallots({ '王伟（荣兴社区）': 6, '王伟（东荣兴社区）': 6 }),
    );
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.participation[0].valid).toBe(10);
    expect(person(r, '王伟（荣兴社区）').consequences.map((c) => c.action)).toEqual([WARNING]);
    expect(person(r, '王伟（东荣兴社区）').consequences.map((c) => c.action)).toEqual([DISMISSAL]);
    expect(r.findings.filter((f) => f.code.startsWith('HISTORY_'))).toEqual([]);
  });

  it('a unit written shorter or longer (荣兴, 荣兴社区居委会 for 荣兴社区) is the same community: used, and said', () => {
    const r = run(
      [{ name: '王伟', unit: '荣兴社区' }, { name: '李强', unit: '荣兴社区' }, { name: '陈静', unit: '荣兴社区' }],
      historyOf([
        ['姓名', '单位', '2025年', '2024年'],
        ['王伟', '荣兴社区居委会', '不合格', '不合格'],
        ['李强', '荣兴', '不合格', '合格'],
        ['陈静', '荣兴', '合格', '合格'],
      ]),
    );
    expect(person(r, '王伟').consequences.map((c) => c.action)).toEqual([DISMISSAL]);
    expect(person(r, '李强').consequences.map((c) => c.action)).toEqual([ADMONITION]);
    // The row decides the step (免职, not 警示谈话; 诫勉谈话, not 警示谈话): each is flagged for the committee.
    expect(person(r, '王伟').flags).toContain('连续次数待核实');
    expect(person(r, '王伟').reasons).toContain(
      '往年结果中的「王伟」（荣兴社区居委会，往年结果!A2）单位与名册中的「荣兴社区」写法不同，按名册中的「王伟」读入，请核实是同一单位；连续被评为「不合格」的次数据此按第 3 次计，请评议委员会核实',
    );
    expect(person(r, '李强').flags).toContain('连续次数待核实');
    // 陈静's row changes nothing (合格 years: 警示谈话 either way): said, not flagged.
    expect(person(r, '陈静').consequences.map((c) => c.action)).toEqual([WARNING]);
    expect(person(r, '陈静').flags).not.toContain('连续次数待核实');
    expect(coded(r, 'HISTORY_UNIT_READ_AS').map((f) => [f.severity, f.cell, f.subject, f.message])).toEqual([
      ['warning', 'A2', '王伟', '往年结果中的「王伟」（荣兴社区居委会，往年结果!A2）单位与名册中的「荣兴社区」写法不同，按名册中的「王伟」读入，请核实是同一单位'],
      ['warning', 'A3', '李强', '往年结果中的「李强」（荣兴，往年结果!A3）单位与名册中的「荣兴社区」写法不同，按名册中的「李强」读入，请核实是同一单位'],
      ['warning', 'A4', '陈静', '往年结果中的「陈静」（荣兴，往年结果!A4）单位与名册中的「荣兴社区」写法不同，按名册中的「陈静」读入，请核实是同一单位'],
    ]);
  });

  it('a history that starts with last year (a 2025年 column only): 2024 is unknown, and as 不合格 it would make 免职 of 诫勉谈话', () => {
    const r = run(
      [{ name: '张强', unit: '荣兴社区' }],
      historyOf([
        ['姓名', '所在社区', '2025年'],
        ['张强', '荣兴社区', '不合格'],
      ]),
    );
    const s = person(r, '张强');
    expect(s.consequences.map((c) => c.action)).toEqual([ADMONITION]);
    expect(s.flags).toContain('连续次数待核实');
    const said = `往年结果中 2024 年（无该年度列）没有结果，连续被评为「不合格」的次数在此中断，按连续第 2 次计（${ADMONITION}）；如 2024 年也被评为「不合格」，则为连续第 3 次（${DISMISSAL}），请评议委员会核实`;
    expect(s.reasons).toContain(said);
    expect(coded(r, 'HISTORY_GAP').map((f) => f.message)).toEqual([`「张强」${said}`]);
  });

  it('one sheet per year (2024, 2025): one person\'s rows are joined, three in a row → 免职', () => {
    const { history, findings } = readHistory({
      file: '往年结果.xlsx',
      sheets: [
        { name: '2024', merges: [], rows: [['姓名', '所在社区', '2024年'], ['张强', '荣兴社区', '不合格'], ['赵敏', '荣兴社区', '不合格']] },
        { name: '2025', merges: [], rows: [['姓名', '所在社区', '2025年'], ['张强', '荣兴社区', '不合格'], ['赵敏', '荣兴社区', null]] },
      ],
    });
    expect(findings).toEqual([]);
    const r = run([{ name: '张强', unit: '荣兴社区' }, { name: '赵敏', unit: '荣兴社区' }], history);
    expect(person(r, '张强').consequences.map((c) => c.action)).toEqual([DISMISSAL]);
    expect(coded(r, 'HISTORY_MATCH_UNCLEAR')).toEqual([]);
    // 赵敏's blank 2025 is named on its own sheet: had it been 不合格, three in a row.
    expect(person(r, '赵敏').consequences.map((c) => c.action)).toEqual([WARNING]);
    expect(coded(r, 'HISTORY_GAP').map((f) => [f.sheet, f.cell])).toEqual([['2025', 'C3']]);
    expect(person(r, '赵敏').reasons).toContain(
      `往年结果中 2025 年（2025!C3 空白）没有结果，连续被评为「不合格」的次数在此中断，按第一次计（${WARNING}）；如 2025 年也被评为「不合格」，则为连续第 3 次（${DISMISSAL}），请评议委员会核实`,
    );
  });

  it('rows appended year by year (张强 on row 2 with 2024, on row 4 with 2025): joined, → 免职', () => {
    const r = run(
      [{ name: '张强', unit: '荣兴社区' }, { name: '李娜', unit: '荣兴社区' }],
      historyOf([
        ['姓名', '所在社区', '2024年', '2025年'],
        ['张强', '荣兴社区', '不合格', null],
        ['李娜', '荣兴社区', '合格', null],
        ['张强', '荣兴社区', null, '不合格'],
        ['李娜', '荣兴社区', null, '不合格'],
      ]),
    );
    expect(person(r, '张强').consequences.map((c) => c.action)).toEqual([DISMISSAL]);
    expect(person(r, '李娜').consequences.map((c) => c.action)).toEqual([ADMONITION]);
    expect(r.findings.filter((f) => f.code.startsWith('HISTORY_'))).toEqual([]);
  });

  it('each past word that is not a tier is reported at its cell, once', () => {
    const r = run(
      [{ name: '张强' }],
      historyOf([
        ['姓名', '2024年', '2025年'],
        ['张强', '不称职', '称职'],
      ]),
    );
    expect(coded(r, 'HISTORY_VALUE_UNKNOWN').map((f) => [f.sheet, f.cell, f.subject])).toEqual([
      ['往年结果', 'C2', '张强'],
      ['往年结果', 'B2', '张强'],
    ]);
    expect(coded(r, 'HISTORY_VALUE_UNKNOWN')[1].message).toBe(
      '往年结果中「张强」2024 年的「不称职」（往年结果!B2）不是本方案的等次（合格、不合格），按不同等次计，连续次数在此中断；如是同一等次的其他写法，请改正往年结果后重新计算',
    );
  });

  it('scored on 2027-01-06 without a 考核年度, 往年结果 up to 2025: the campaign is taken as 2026年度 (次年1月) and said, so 2025 and 2024 count: 张强 three in a row, 赵敏 two', () => {
    const history = historyOf([
      ['姓名', '2024年', '2025年'],
      ['张强', '不合格', '不合格'],
      ['赵敏', '合格', '不合格'],
    ]);
    const r = run([{ name: '张强' }, { name: '赵敏' }], history, undefined, '2027-01-06');
    // By hand: January → 2026年度; 张强 2026 (this run, 6/10 不合格) + 2025 + 2024 不合格 = 3 → 免职; 赵敏 2026 + 2025 = 2,
    // 2024 合格 ends it → 诫勉谈话. No year is missing between 2025 and 2026, so no gap and no doubt.
    expect(r.year).toBe(2026);
    expect(r.subjects.map((s) => s.consequences.map((c) => c.action))).toEqual([[DISMISSAL], [ADMONITION]]);
    expect(coded(r, 'CAMPAIGN_YEAR_ASSUMED').map((f) => [f.severity, f.file, f.message])).toEqual([
      [
        'warning',
        '方案「社区“两委”干部勤廉双述双评（连续不合格递进处理）」',
        '方案未填写考核年度，今天 2027-01-06 在1月至3月，考核年度按 2026 年计（年底评议、次年计算结果），公示表等标题写作“2026年度”，往年结果读 2026 年以前的；如为 2027 年度，请在方案中填写考核年度 2027（命令行：--year 2027）后重新计算',
      ],
    ]);
    expect(publicationTitle(r)).toBe('关于2026年度社区“两委”干部勤廉双述双评结果的公示');
    expect(r.findings.filter((f) => f.code === 'RESULTS_YEAR_DOUBT' || f.code === 'HISTORY_GAP')).toEqual([]);
    // 整改期限 still count from the day (30 days from 2027-01-06), not from the year.
    expect(r.rectification.map((x) => x.deadline)).toEqual(['2027-02-05', '2027-02-05']);
  });

  it('the scheme\'s 考核年度 2027 set in January: the clerk has said it is 2027年度, nothing is assumed; the missing 2026 is then each person\'s gap', () => {
    const history = historyOf([
      ['姓名', '2024年', '2025年'],
      ['张强', '不合格', '不合格'],
    ]);
    const r = runCampaign({ scheme: { ...scheme, year: 2027 }, roster: [{ name: '张强' }], submissions: tenBallots({ 张强: 6 }), history, today: '2027-01-06' });
    expect(r.year).toBe(2027);
    expect(publicationTitle(r)).toBe('关于2027年度社区“两委”干部勤廉双述双评结果的公示');
    expect(r.findings.filter((f) => f.code === 'CAMPAIGN_YEAR_ASSUMED' || f.code === 'RESULTS_YEAR_DOUBT')).toEqual([]);
    // 2027 (this run) then 2026 without a result: the run stops there, once (警示谈话); with 2026 不合格 it would be 4 in a row.
    expect(r.subjects[0].consequences.map((c) => c.action)).toEqual([WARNING]);
    expect(coded(r, 'HISTORY_GAP').map((f) => f.subject)).toEqual(['张强']);
  });

  it('scored on 2027-04-10 without a 考核年度, 往年结果 up to 2025: the year is 2027 and the missing 2026 is said once as a doubt, pointing to 考核年度', () => {
    const history = historyOf([
      ['姓名', '2024年', '2025年'],
      ['张强', '不合格', '不合格'],
    ]);
    const r = run([{ name: '张强' }], history, undefined, '2027-04-10');
    expect(r.year).toBe(2027);
    expect(coded(r, 'CAMPAIGN_YEAR_ASSUMED')).toEqual([]);
    expect(coded(r, 'RESULTS_YEAR_DOUBT').map((f) => [f.severity, f.cell, f.message])).toEqual([
      [
        'error',
        'C1',
        '本次评议的年度为 2027 年（按今天 2027-04-10），但往年结果中最近的是 2025 年，没有 2026 年：如本次评议是 2026 年度的（年底评议、次年计算结果），请在方案中填写考核年度 2026（命令行：--year 2026）后重新计算，否则公示等将写作 2027 年度，2026 年也将被当作缺少结果的往年；如确是 2027 年度，请在往年结果中补上 2026 年的等次',
      ],
    ]);
    expect(coded(r, 'HISTORY_GAP')).toEqual([]);
    // In December a missing last year is a gap like any other.
    const december = run([{ name: '张强' }], historyOf([['姓名', '2024年'], ['张强', '不合格']]), undefined, '2026-12-20');
    expect(coded(december, 'RESULTS_YEAR_DOUBT')).toEqual([]);
    expect(coded(december, 'HISTORY_GAP')).toHaveLength(1);
  });

  it('a 2026年 column holding this campaign\'s own tiers, scored on 2027-01-08: not a past year (the campaign is 2026年度), so 赵敏\'s run is 2026 alone, 2025 合格 ending it', () => {
    // The clerk copied this year's draft 公示 into 往年结果 as 2026年. Read as a past year (the day's year 2027), 赵敏
    // would be 2027 + 2026 = twice (诫勉谈话); it is this campaign's own year: once (警示谈话), the column said at B1.
    const history = historyOf([
      ['姓名', '2026年', '2025年'],
      ['赵敏', '不合格', '合格'],
    ]);
    const r = run([{ name: '赵敏' }], history, undefined, '2027-01-08');
    expect(r.subjects[0].consequences.map((c) => c.action)).toEqual([WARNING]);
    expect(coded(r, 'HISTORY_YEAR_NOT_PAST').map((f) => [f.cell, f.message])).toEqual([
      ['B1', '往年结果「往年结果」的 B1「2026年」是 2026 年，不早于本次评议的年度（2026 年，今天 2027-01-08 在1月至3月，按上一年计），不是往年结果，未读取；本年度的等次以本次计算为准'],
    ]);
    // The same with 考核年度 2026 in the scheme, and no assumption said.
    const set = runCampaign({ scheme: { ...scheme, year: 2026 }, roster: [{ name: '赵敏' }], submissions: tenBallots({ 赵敏: 6 }), history, today: '2027-01-08' });
    expect(set.subjects[0].consequences.map((c) => c.action)).toEqual([WARNING]);
    expect(coded(set, 'HISTORY_YEAR_NOT_PAST').map((f) => f.message)).toEqual([
      '往年结果「往年结果」的 B1「2026年」是 2026 年，不早于本次评议的年度（2026 年，方案的考核年度 2026），不是往年结果，未读取；本年度的等次以本次计算为准',
    ]);
    expect(coded(set, 'CAMPAIGN_YEAR_ASSUMED')).toEqual([]);
  });
});

describe('P3 第五篇: last year\'s own 结果.xlsx given as 往年结果', () => {
  it('its 公示表 is read as that year\'s 等次 (the year in its title), its other sheets passed over and said: 不合格 in 2024 and 2025 → 诫勉谈话', async () => {
    const roster = [{ name: '张强', unit: '荣兴社区' }, { name: '李娜', unit: '荣兴社区' }];
    const lastYear = runCampaign({ scheme, roster, submissions: tenBallots({ 张强: 6, 李娜: 0 }), today: '2024-12-10' });
    const read = await readWorkbook('2024结果.xlsx', await writeWorkbook(describeResultWorkbook(lastYear)));
    const { history, findings } = readHistory(read.submission!);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['HISTORY_OWN_RESULT', 'warning']]);
    expect(findings[0].message).toMatch(/^「2024结果\.xlsx」是本工具生成的结果文件：按其「公示表」读取 2024 年的等次（等次待定、未公示的人没有该年的结果），「排名表」「整改清单」.*不是往年结果，未读取$/);
    expect(history.rows.map((r) => [r.name, r.unit, r.years.map((y) => `${y.year} ${y.tier}`).join()])).toEqual([
      ['李娜', '荣兴社区', '2024 合格'],
      ['张强', '荣兴社区', '2024 不合格'],
    ]);
    const r = runCampaign({ scheme, roster, submissions: tenBallots({ 张强: 6, 李娜: 0 }), history, today: '2025-12-10' });
    const zhang = r.subjects.find((s) => s.name === '张强')!;
    expect(zhang.consequences.map((c) => c.action)).toEqual([ADMONITION]);
    // The file holds 2024 only: had 2023 been 不合格 too, the third time (免职) — asked.
    expect(zhang.flags).toContain('连续次数待核实');
  });
});

describe('P3 第五篇: what the denominator leaves out is said beside the figure (9 people voted, only 4 said 不合格)', () => {
  /** Nine ballots on 周平: marks[i] of ballot i (-1 blank, [0, 1] both ticked). */
  const nine = (marks: (number | number[])[]) =>
    marks.map((m, i) =>
      submission(`评议票-${i + 1}.xlsx`, matrixSheet('评议票', { title: '社区“两委”干部勤廉双述双评评议票', levels: LEVELS, rows: [{ name: '周平', marks: [m] }] })),
    );
  // 4 不合格, 3 合格, 2 left blank: 4/7 = 57.14% > 50% → 不合格 (abstentions out by default); 4/9 = 44.44% with them in.
  const marks = [FAIL, FAIL, FAIL, FAIL, PASS, PASS, PASS, -1, -1];

  it('abstentions left out: 「4/7 = 57.14%（另有 2 票未评，按方案不计入）」', () => {
    const r = runCampaign({ scheme, roster: [{ name: '周平' }], submissions: nine(marks), today: '2026-12-01' });
    expect(r.subjects[0].tier).toBe('不合格');
    expect(r.subjects[0].reasons[0]).toBe(
      `定为「不合格」：4/7 = 57.14%（另有 2 票未评，按方案不计入），符合「『不合格』票得票率超过50%」（${scheme.classification.rules[0].cite}）`,
    );
  });

  it('an entry with both boxes ticked is said as 无效; with abstentions in the denominator nothing is left out and nothing said', () => {
    // The 8th ballot ticks both: 4/7 with 1 未评 and 1 无效 left out.
    const r = runCampaign({ scheme, roster: [{ name: '周平' }], submissions: nine([...marks.slice(0, 7), [PASS, FAIL], -1]), today: '2026-12-01' });
    expect(r.subjects[0].reasons[0]).toContain('4/7 = 57.14%（另有 1 票未评、1 票无效，按方案不计入）');
    const counted = { ...scheme, counting: { ...scheme.counting, abstentionsInDenominator: true } };
    const all = runCampaign({ scheme: counted, roster: [{ name: '周平' }], submissions: nine(marks), today: '2026-12-01' });
    expect(all.subjects[0].tier).toBe('合格');
    expect(all.subjects[0].reasons[0]).toContain('4/9 = 44.44%，不符合');
    expect(all.subjects[0].reasons.join('')).not.toContain('按方案不计入');
  });
});
