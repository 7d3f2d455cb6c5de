/**
 * A weighted group of one or two ballots that decides a tier alone is said (SMALL_GROUP_DECIDES_TIER,
 * src/core/rules/decisive-groups.ts): P1's defaults weight 服务对象代表 and 党组织负责人 50% each with tiers at
 * 50%以上（含）, so one 党组织负责人 can give 优秀 against every 服务对象代表, or take 基本称职 from a member most of them
 * rated 基本称职 or better. Figures below are worked by hand from the marks.
 */
import { runCampaign } from '../../src/core/engine';
import { Finding } from '../../src/core/findings/finding';
import { Submission } from '../../src/core/forms/grid';
import { getPreset } from '../../src/core/presets';
import { matrixSheet } from '../helpers/grids';

const P1 = getPreset('p1-double-pledge');
const LEVELS = ['优秀', '称职', '基本称职', '不称职'];
const [EXCELLENT, COMPETENT, BASIC, INCOMPETENT] = [0, 1, 2, 3];
const NAMES = ['甲', '乙', '丙', '丁'];

function ballot(file: string, group: string, marks: number[]): Submission {
  return { file, sheets: [matrixSheet('表', { title: '党员践诺情况考评表', fields: [`测评人类别：${group}`], levels: LEVELS, rows: NAMES.map((name, i) => ({ name, marks: [marks[i]] })) })] };
}

/**
 * 服务对象代表, four ballots (甲 乙 丙 丁):
 *   甲 称职 ×4 (优秀 0/4);  乙 基本称职 ×3, 不称职 ×1 (基本称职及以上 3/4 = 75%);
 *   丙 优秀 ×3, 称职 ×1 (优秀 3/4 = 75%);  丁 优秀 ×2, 称职 ×2 (优秀 2/4 = 50%).
 */
const SERVICE = [
  [COMPETENT, BASIC, EXCELLENT, EXCELLENT],
  [COMPETENT, BASIC, EXCELLENT, EXCELLENT],
  [COMPETENT, BASIC, EXCELLENT, COMPETENT],
  [COMPETENT, INCOMPETENT, COMPETENT, COMPETENT],
];
/** The 党组织负责人: 甲 优秀, 乙 不称职, 丙 优秀, 丁 称职. */
const LEADER = [EXCELLENT, INCOMPETENT, EXCELLENT, COMPETENT];

function run(leaders: number): { tiers: Record<string, string | null>; decided: Finding[] } {
  const submissions = [
    ...SERVICE.map((m, i) => ballot(`服务对象${i}.xlsx`, '服务对象代表', m)),
    ...Array.from({ length: leaders }, (_, i) => ballot(`负责人${i}.xlsx`, '党组织负责人', LEADER)),
  ];
  const r = runCampaign({ scheme: P1, roster: NAMES.map((name) => ({ name })), submissions, today: '2026-12-01' });
  return { tiers: Object.fromEntries(r.subjects.map((s) => [s.name, s.tier])), decided: r.findings.filter((f) => f.code === 'SMALL_GROUP_DECIDES_TIER') };
}

describe('SMALL_GROUP_DECIDES_TIER', () => {
  it('one 党组织负责人: 优秀 for 甲 and not for 丁 by his ballot alone, and 基本称职 taken from 乙; one finding per tier, 丙 not named', () => {
    const { tiers, decided } = run(1);
    // 甲 0%×50% + 100%×50% = 50% → 优秀; 乙 基本称职及以上 75%×50% + 0% = 37.5% → 不称职;
    // 丙 75%×50% + 100%×50% = 87.5% → 优秀 (服务对象代表 alone meet 50% too); 丁 优秀 50%×50% + 0 = 25%, 称职及以上 100% → 称职.
    expect(tiers).toEqual({ 甲: '优秀', 乙: '不称职', 丙: '优秀', 丁: '称职' });
    expect(decided.map((f) => f.message)).toEqual([
      '是否符合「优秀」的条件「『优秀』票（按类别加权）得票率50%以上（含）」由「党组织负责人」的 1 张有效票单独决定（该类别权重 50%，其余类别各自的得票率都在等次线的另一侧）：' +
        '甲符合（服务对象代表 0/4＝0.00%×50% ＋ 党组织负责人 1/1＝100.00%×50% ＝ 50.00%）；' +
        '丁不符合（服务对象代表 2/4＝50.00%×50% ＋ 党组织负责人 0/1＝0.00%×50% ＝ 25.00%）。' +
        '这是方案的权重和等次线使然；如不应由 1 张票决定，请评议委员会研究，或修改方案的权重、等次线后重新计算',
      '是否符合「基本称职」的条件「『基本称职』及以上票（按类别加权）得票率50%以上（含）」由「党组织负责人」的 1 张有效票单独决定（该类别权重 50%，其余类别各自的得票率都在等次线的另一侧）：' +
        '乙不符合（服务对象代表 3/4＝75.00%×50% ＋ 党组织负责人 0/1＝0.00%×50% ＝ 37.50%）。' +
        '这是方案的权重和等次线使然；如不应由 1 张票决定，请评议委员会研究，或修改方案的权重、等次线后重新计算',
    ]);
    expect(decided.every((f) => f.severity === 'warning' && f.file === '（汇总）')).toBe(true);
  });

  it('two 党组织负责人 alike: the same subjects, said as 2 张有效票', () => {
    const { decided } = run(2);
    expect(decided).toHaveLength(2);
    expect(decided[0].message).toContain('由「党组织负责人」的 2 张有效票单独决定');
    expect(decided[0].message).toContain('甲符合（服务对象代表 0/4＝0.00%×50% ＋ 党组织负责人 2/2＝100.00%×50% ＝ 50.00%）');
    expect(decided[1].message).toContain('乙不符合');
  });

  it('three 党组织负责人: not said (the same tiers, but no longer one or two ballots)', () => {
    const { tiers, decided } = run(3);
    expect(tiers).toEqual({ 甲: '优秀', 乙: '不称职', 丙: '优秀', 丁: '称职' });
    expect(decided).toEqual([]);
  });

  it('a scheme without rules weighted by group: never said', () => {
    const p3 = getPreset('p3-community-consecutive');
    const submissions = [0, 1].map((i) => ({
      file: `${i}.xlsx`,
      sheets: [matrixSheet('表', { title: '评议票', fields: ['测评人类别：与会人员'], levels: ['合格', '不合格'], rows: NAMES.map((name) => ({ name, marks: [i] })) })],
    }));
    const r = runCampaign({ scheme: p3, roster: NAMES.map((name) => ({ name })), submissions, today: '2026-12-01' });
    expect(r.participation.map((p) => p.valid)).toEqual([2]);
    expect(r.findings.filter((f) => f.code === 'SMALL_GROUP_DECIDES_TIER')).toEqual([]);
  });
});
