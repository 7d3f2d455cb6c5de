/**
 * seed 002 第五篇 霍尔奇社区“勤廉双述双评”活动工作方案, 三、具体要求 5:
 * "一次被评为不合格的,予以警示谈话;连续两次被评为不合格的,由街道予以诫勉谈话,当事人工资按原工资的80%发放;
 *  连续三次被定为不合格的,按有关组织程序予以免职或建议社区居民大会按程序予以罢免职务。"
 * "连续" counts back from this year through last years' results (history, most recent first); a 合格 year
 * breaks the run. Of the ladder only the step reached applies.
 * The seed gives no vote threshold: the preset's stated default is 不合格票 超过 50% (so exactly 50% is 合格).
 * 10 ballots (无记名 评议票) from the meeting's participants.
 */
import { runCampaign } from '../../src/core/engine';
import { summaryText } from '../../src/cli/summary';
import { getPreset } from '../../src/core/presets';
import { matrixSheet, submission } from '../helpers/grids';

const LEVELS = ['合格', '不合格'];
const [PASS, FAIL] = [0, 1];

/** 不合格 votes out of 10 per subject. */
const FAIL_VOTES: Record<string, number> = {
  孟一: 6, // 60% > 50% → 不合格, no history → once
  孟二: 6, // with history ['不合格'] → twice
  孟三: 6, // with history ['不合格','不合格'] → three times
  孟四: 6, // with history ['合格','不合格'] → once again (the 合格 year breaks the run)
  孟五: 5, // exactly 50%: not 超过 → 合格, even after a 不合格 year
  孟六: 6, // with history ['不合格','不合格','不合格'] → four times, still the third step only
  孟七: 10, // 100%, with history ['合格','合格'] → once
};
const NAMES = Object.keys(FAIL_VOTES);
const history = {
  孟二: ['不合格'],
  孟三: ['不合格', '不合格'],
  孟四: ['合格', '不合格'],
  孟五: ['不合格'],
  孟六: ['不合格', '不合格', '不合格'],
  孟七: ['合格', '合格'],
};

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
const DISMISSAL = '按有关组织程序予以免职或建议社区居民大会按程序予以罢免';

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

  it('twice in a row (history [不合格]) → 诫勉谈话，工资80% only (not also 警示谈话)', () => {
    expect(byName('孟二').streak).toBe(2);
    expect(actions('孟二')).toEqual([ADMONITION]);
  });

  it('three times in a row (history [不合格, 不合格]) → 免职/罢免 only', () => {
    expect(byName('孟三').streak).toBe(3);
    expect(actions('孟三')).toEqual([DISMISSAL]);
  });

  it('a 合格 year in between resets the run (history [合格, 不合格]) → once: 警示谈话', () => {
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
  /** 孟一 (60% 不合格) is listed twice, in two 社区; 孟二 once. */
  const twins = [{ name: '孟一', unit: '东社区' }, { name: '孟一', unit: '西社区' }, { name: '孟二' }];
  const twinBallots = tenBallots({ '孟一（东社区）': 6, '孟一（西社区）': 6, 孟二: 6 });
  const run = (h: Record<string, string[]>) => runCampaign({ scheme, roster: twins, submissions: twinBallots, history: h, today: '2026-12-01' });
  const streaks = (r: ReturnType<typeof run>) => r.subjects.map((x) => `${x.name}/${x.unit ?? ''} ${x.streak}`);

  it('a shared name (重名) is matched by its label with the unit, as the outputs write it', () => {
    const r = run({ '孟一（西社区）': ['不合格'], 孟二: ['不合格', '不合格'] });
    expect(streaks(r)).toEqual(['孟一/东社区 1', '孟一/西社区 2', '孟二/ 3']);
    expect(r.findings.find((f) => f.code === 'HISTORY_MISSING')!.message).toContain('没有 孟一（东社区） 的往年结果');
  });

  it('never by the bare name: whose years those are cannot be told', () => {
    const r = run({ 孟一: ['不合格'] });
    expect(streaks(r)).toEqual(['孟一/东社区 1', '孟一/西社区 1', '孟二/ 1']);
    expect(r.findings.find((f) => f.code === 'HISTORY_MISSING')!.message).toContain('没有 孟一（东社区）、孟一（西社区）、孟二 的往年结果');
  });

  it('a past value that is not one of the scheme\'s tiers breaks the run, and is said', () => {
    const r = run({ 孟二: ['不称职', '不合格'] });
    expect(streaks(r)[2]).toBe('孟二/ 1');
    expect(r.findings.filter((f) => f.code === 'HISTORY_VALUE_UNKNOWN').map((f) => f.message)).toEqual([
      '往年结果中 孟二「不称职」 不是本方案的等次（合格、不合格），按不同等次计，连续次数在此中断；如是同一等次的其他写法，请改正往年结果后重新计算',
    ]);
  });

  it('a name spelt otherwise (spaces, traditional, a note) is matched when only one entry could be it', () => {
    expect(streaks(run({ '孟 二': ['不合格'] }))[2]).toBe('孟二/ 2');
    expect(streaks(run({ '孟二（女）': ['不合格'] }))[2]).toBe('孟二/ 2');
    expect(streaks(run({ '孟 二': ['不合格'], '孟二（女）': ['不合格', '不合格'] }))[2]).toBe('孟二/ 1');
  });
});

describe('P3 第五篇 问题整改台帐', () => {
  it('警示谈话 and 诫勉谈话 open a rectification row (30 days, preset default); 免职 does not', () => {
    const rows = result.rectification;
    expect(rows.filter((r) => r.subject === '孟一').map((r) => r.action)).toEqual([WARNING]);
    expect(rows.filter((r) => r.subject === '孟二').map((r) => r.action)).toEqual([ADMONITION]);
    expect(rows.filter((r) => r.subject === '孟三')).toEqual([]);
    expect(rows.find((r) => r.subject === '孟一')!.deadline).toBe('2026-12-31');
    expect(rows.some((r) => r.subject === '孟五')).toBe(false);
  });
});

describe('P3 第五篇: every step of the ladder is said with the tier, with the run that decided it', () => {
  const reasonOf = (name: string) => result.subjects.find((x) => x.name === name)!.reasons;
  it('三次: 免职 has no deadline and no 整改清单 row, so the reason carries it, saying 连续第 3 次', () => {
    // 孟三: this year 不合格 + history [不合格, 不合格] = 3 in a row.
    expect(reasonOf('孟三')).toContain(`结果运用：连续第 3 次被评为「不合格」，${DISMISSAL}（${scheme.consequences[2].cite}）`);
    // 孟六: 1 + 3 = 4 in a row, still the third step.
    expect(reasonOf('孟六').filter((t) => t.startsWith('结果运用：'))).toEqual([`结果运用：连续第 4 次被评为「不合格」，${DISMISSAL}（${scheme.consequences[2].cite}）`]);
  });

  it('二次 and 一次 are said too, with the days to rectify; the 整改清单 row names the run (连续第 2 次)', () => {
    expect(reasonOf('孟二')).toContain(`结果运用：连续第 2 次被评为「不合格」，${ADMONITION}（30 天内整改）（${scheme.consequences[1].cite}）`);
    // 孟四: history [合格, 不合格]: last year 合格 breaks the run → first time.
    expect(reasonOf('孟四')).toContain(`结果运用：被评为「不合格」（按第一次计），${WARNING}（30 天内整改）（${scheme.consequences[0].cite}）`);
    expect(result.rectification.find((r) => r.subject === '孟二')!.problem).toMatch(/^连续第 2 次被评为「不合格」/);
    expect(result.rectification.find((r) => r.subject === '孟四')!.problem).toMatch(/^评议等次为「不合格」/);
  });

  it('the command-line summary carries the 免职 line', () => {
    const line = summaryText(result).split('\n').find((l) => l.startsWith('  孟三：'))!;
    expect(line).toContain(`连续第 3 次被评为「不合格」，${DISMISSAL}`);
  });
});

