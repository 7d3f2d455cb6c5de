/**
 * Thirds (不合格票超过三分之一, 优秀票三分之二以上, 优秀不超过党员人数的三分之一) written as the fractions they are,
 * "1/3" and "2/3", and compared exactly; shares printed beside a threshold with the places that keep the figure on
 * the side of the threshold it is on (DOMAIN.md: comparisons are exact; figures never contradict the tier).
 * Expected values worked out by hand: 3/9 is exactly 1/3 (not 超过), 6/9 exactly 2/3 (以上 includes it), 1/3 of 9
 * is 3 places, 9 × 33.33% = 2.9997 rounds down to 2.
 */
import { Fraction, percent } from '../../src/core/common/fraction';
import { runCampaign } from '../../src/core/engine';
import { getPreset } from '../../src/core/presets';
import { percentAgainst } from '../../src/core/rules/conditions';
import { loadScheme } from '../../src/core/scheme/load-scheme';
import { Scheme } from '../../src/core/scheme/scheme-schema';
import { matrixSheet, scoreSheet, submission } from '../helpers/grids';

describe('a share written "1/3"', () => {
  it('is exactly one third; a percentage stays a percentage', () => {
    expect(percent('1/3').equals(Fraction.of(1, 3))).toBe(true);
    expect(percent('2/3').equals(Fraction.of(2, 3))).toBe(true);
    expect(percent(70).equals(Fraction.of(7, 10))).toBe(true);
    expect(percent('33.33').equals(Fraction.of(3333, 10000))).toBe(true);
  });
});

/** p3-community (合格/不合格), with 不合格 「不合格票超过 <one>」 and a first rule 合格 「合格票 <two> 以上」 … */
function thirdsScheme(one: number | string, two: number | string): Scheme {
  const s = structuredClone(getPreset('p3-community-consecutive')) as Record<string, any>;
  s.classification.rules = [
    { tier: '不合格', when: [{ kind: 'share', levels: ['不合格'], op: '>', value: one }], cite: '不合格票超过三分之一' },
    { tier: '合格', when: [{ kind: 'share', levels: ['合格'], op: '>=', value: two }], cite: '合格票三分之二以上' },
  ];
  s.classification.otherwise = { kind: 'flag' };
  s.consequences = [];
  return loadScheme(s);
}

/** Nine ballots; fails[name] of them mark 不合格, the rest 合格. */
function nineBallots(scheme: Scheme, fails: Record<string, number>) {
  const submissions = Array.from({ length: 9 }, (_, i) =>
    submission(
      `票${i + 1}.xlsx`,
      matrixSheet('评议票', { levels: ['合格', '不合格'], rows: Object.keys(fails).map((name) => ({ name, marks: [i < fails[name] ? 1 : 0] })) }),
    ),
  );
  return runCampaign({ scheme, roster: Object.keys(fails).map((name) => ({ name })), submissions, today: '2026-12-01' });
}

describe('vote shares against thirds', () => {
  // 甲: 3 不合格 of 9 = exactly 1/3 (not 超过), 6 合格 = exactly 2/3 (以上 includes it) → 合格.
  // 乙: 4 不合格 of 9 = 44.44% → 不合格.
  const fails = { 甲: 3, 乙: 4 };

  it('"1/3" and "2/3": exactly a third is not 超过 and exactly two thirds is 以上; the reason prints 1/3, not 1/3%', () => {
    const r = nineBallots(thirdsScheme('1/3', '2/3'), fails);
    const [a, b] = r.subjects;
    expect([a.tier, b.tier]).toEqual(['合格', '不合格']);
    // 不合格 is the worse tier: the reason names only the rule met (no 未达 of a worse tier).
    expect(a.reasons[0]).toBe('定为「合格」：6/9 = 66.67%，符合「『合格』票得票率2/3以上（含）」（合格票三分之二以上）');
    expect(b.reasons[0]).toContain('4/9 = 44.44%，符合「『不合格』票得票率超过1/3」');
  });

  it('33.33 and 66.67 put the exact thirds on the wrong side, and the figures are printed with the places that show it', () => {
    const r = nineBallots(thirdsScheme(33.33, 66.67), fails);
    // 3/9 = 33.333…% > 33.33 → 不合格 (as the scheme says, not as meant): printed 33.333%, not 33.33% 超过 33.33%.
    expect(r.subjects[0].tier).toBe('不合格');
    expect(r.subjects[0].reasons[0]).toContain('3/9 = 33.333%，符合「『不合格』票得票率超过33.33%」');
    expect(r.findings.filter((f) => f.code === 'SCHEME_DOUBTFUL_VALUE').map((f) => f.message)).toEqual([
      '第 1 条等次规则（不合格）的第 1 个条件的得票率（classification.rules[0].when[0].value）是 33.33，即 33.33%，比三分之一略小：恰为三分之一的（如 9 票中的 3 票）会算到另一边；如本意是三分之一，请写 "1/3"；现按 33.33% 计算',
      '第 2 条等次规则（合格）的第 1 个条件的得票率（classification.rules[1].when[0].value）是 66.67，即 66.67%，比三分之二略大：恰为三分之二的（如 9 票中的 6 票）会算到另一边；如本意是三分之二，请写 "2/3"；现按 66.67% 计算',
    ]);
  });

  it('a figure beside its threshold: two places unless they would put it on the other side', () => {
    const p = (n: number, d: number) => Fraction.of(n, d);
    // 6/9 = 66.666…% against 66.67%: below, so 66.667% (66.67% would read as meeting it).
    expect(percentAgainst(p(6, 9), percent(66.67))).toBe('66.667%');
    // Equal to the threshold "2/3": 66.67% beside 「2/3以上」.
    expect(percentAgainst(p(6, 9), percent('2/3'))).toBe('66.67%');
    // 6666/10000 against 2/3: 66.66% is already below 66.666…%.
    expect(percentAgainst(p(6666, 10000), percent('2/3'))).toBe('66.66%');
    // 13333/20000 = 66.665% against 2/3: 66.67% would read as above; 66.665% is below.
    expect(percentAgainst(p(13333, 20000), percent('2/3'))).toBe('66.665%');
    // Equal to a threshold of three places: shown as it is, 33.335%.
    expect(percentAgainst(p(6667, 20000), percent('33.335'))).toBe('33.335%');
    expect(percentAgainst(p(1, 2), percent(50))).toBe('50.00%');
  });
});

describe('a quota of "1/3"', () => {
  const NINE = ['甲一', '乙二', '丙三', '丁四', '戊五', '己六', '庚七', '辛八', '壬九'];
  /** p4-middle-managers (优秀 85分以上), 优秀 不超过 <share> of the 9 rated, rounded down. */
  function run(share: number | string) {
    const s = structuredClone(getPreset('p4-middle-managers')) as Record<string, any>;
    s.quotas = [{ tiers: ['优秀'], kind: 'max', share, rounding: 'floor', cite: '优秀不超过三分之一' }];
    s.designations = [];
    const scheme = loadScheme(s);
    const scores = [95, 92, 90, 88, 80, 78, 76, 70, 60];
    const sheet = (group: string) =>
      scoreSheet('表', { fields: [`测评人类别：${group}`], items: ['测评得分'], rows: NINE.map((name, k) => ({ name, scores: [scores[k]] })) });
    return runCampaign({ scheme, roster: NINE.map((name) => ({ name })), submissions: [submission('c.xlsx', sheet('干部')), submission('s.xlsx', sheet('员工'))], today: '2026-12-01' });
  }

  it('gives exactly 3 places of 9 (33.33 gives 2)', () => {
    expect(run('1/3').subjects.slice(0, 4).map((s) => s.tier)).toEqual(['优秀', '优秀', '优秀', '称职']);
    expect(run(33.33).subjects.slice(0, 4).map((s) => s.tier)).toEqual(['优秀', '优秀', '称职', '称职']);
  });

  it('says the share as written in the reason of the one demoted: 1/3 of 9, not 1/3%', () => {
    const demoted = run('1/3').subjects[3];
    expect(demoted.reasons.join('\n')).toContain('「优秀」不超过 9 人的 1/3（向下取整为 3 人）');
    expect(demoted.reasons.join('\n')).not.toContain('1/3%');
  });
});

describe('the scheme file', () => {
  const withShare = (value: unknown) => {
    const s = structuredClone(getPreset('p3-community-consecutive')) as Record<string, any>;
    s.classification.rules[0].when[0].value = value;
    try {
      loadScheme(s);
      return [];
    } catch (e) {
      return (e as { problems: string[] }).problems;
    }
  };
  const at = '第 1 条等次规则（不合格）的第 1 个条件的得票率（classification.rules[0].when[0].value）';

  it('takes "1/3" and "2/3", and refuses a fraction above 1 or over 0', () => {
    expect(withShare('1/3')).toEqual([]);
    expect(withShare('2/3')).toEqual([]);
    expect(withShare('4/3')).toEqual([`${at}：分数不能大于 1（"1/3" 表示三分之一）（现为 "4/3"）`]);
    expect(withShare('1/0')).toEqual([`${at}：分母不能为 0（现为 "1/0"）`]);
  });

  it('三分之一 written in words is told how to write it; no advice about a % that is not there', () => {
    expect(withShare('三分之一')).toEqual([`${at}：分数请写成 "1/3"（表示三分之一），不要写汉字（现为 "三分之一"）`]);
    expect(withShare('十二分之五')).toEqual([`${at}：分数请写成 "5/12"（表示十二分之五），不要写汉字（现为 "十二分之五"）`]);
    expect(withShare('1／3')).toEqual([`${at}：比例请写百分数的数字，如 70（表示 70%）；除不尽的分数写成 "1/3"、"2/3"（现为 "1／3"）`]);
    expect(withShare('33%')).toEqual([`${at}：百分比请写数字，如 70（表示 70%），不要写“%”（现为 "33%"）`]);
  });
});
