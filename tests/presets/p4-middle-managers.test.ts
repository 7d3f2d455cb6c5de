/**
 * seed 003 篇六 四、五: 集中述职测评得分=干部打分×50%+部分员工打分×50%; 优秀 85分以上（含85分）,
 * 称职 75以上（含）, 基本称职 65以上（含）, 不称职 65分以下; 分管战线发生经济、刑事案件或责任事故 → 不能评为前三等.
 */
import { runCampaign } from '../../src/core/engine';
import { getPreset } from '../../src/core/presets';
import { scoreSheet, submission } from '../helpers/grids';

const scheme = getPreset('p4-middle-managers');
const roster = [
  { name: '王芳', category: '正职' },
  { name: '李强', category: '副职' },
  { name: '张伟', category: '副职', flags: { 事故: '分管网点发生责任事故' } },
];

function sheet(group: string, scores: [number | string, number | string, number | string]) {
  return scoreSheet('测评表', {
    title: '干部岗位测评表',
    fields: [`测评人类别：${group}`],
    items: ['测评得分'],
    rows: [
      { name: '王芳', scores: [scores[0]] },
      { name: '李强', scores: [scores[1]] },
      { name: '张伟', scores: [scores[2]] },
    ],
  });
}

describe('P4 篇六 中层干部 干部50%/员工50%', () => {
  const result = runCampaign({
    scheme,
    roster,
    today: '2026-12-01',
    submissions: [
      submission('c1.xlsx', sheet('干部', [90, 75, 100])),
      submission('c2.xlsx', sheet('干部', [80, 75, 100])),
      submission('s1.xlsx', sheet('员工', [86, 75, 60])),
      submission('s2.xlsx', sheet('员工', [84, 74, 70])),
    ],
  });
  const byName = (n: string) => result.subjects.find((s) => s.name === n)!;

  it('weights the two groups' + "' means 50/50 and meets 85 exactly at 85 (含)", () => {
    // 王芳: 干部 (90+80)/2 = 85, 员工 (86+84)/2 = 85 → 85 exactly.
    expect(byName('王芳').scoreText).toBe('85.00');
    expect(byName('王芳').tier).toBe('优秀');
  });

  it('puts 74.75 below 75 (基本称职)', () => {
    // 李强: 干部 75, 员工 (75+74)/2 = 74.5 → (75+74.5)/2 = 74.75.
    expect(byName('李强').scoreText).toBe('74.75');
    expect(byName('李强').tier).toBe('基本称职');
  });

  it('vetoes an incident to 不称职 whatever the score', () => {
    // 张伟: 干部 100, 员工 65 → 82.5 would be 称职.
    expect(byName('张伟').scoreText).toBe('82.50');
    expect(byName('张伟').tier).toBe('不称职');
    expect(byName('张伟').flags).toContain('一票否决');
    expect(byName('张伟').reasons.join('')).toContain('责任事故');
  });

  it('ranks by score, a vetoed subject after everyone not vetoed', () => {
    // 张伟's 82.50 would be 2nd; the 责任事故 veto puts him after 李强 (74.75).
    expect([byName('王芳').rank, byName('李强').rank, byName('张伟').rank]).toEqual([1, 2, 3]);
  });

  it('不称职 → 由支行党委合议决定缓聘、解聘或调整岗位, said in the reasons but no 整改清单 row (篇六 三、(六): the 党委\'s decision)', () => {
    // 篇六 三、(六) "由支行党委……集体讨论决定拟聘人员的升聘、缓聘、解聘及岗位去向": a decision on the post, not a
    // rectification by a date; 篇六 sets no 整改 at all. 张伟 is 不称职 by the veto.
    expect(byName('张伟').consequences).toEqual([expect.objectContaining({ action: '由支行党委合议决定缓聘、解聘或调整岗位', rectifyWithinDays: null })]);
    expect(byName('张伟').reasons.some((t) => t.startsWith('结果运用：由支行党委合议决定缓聘、解聘或调整岗位（《述职评议考核工作方案》篇六 三、(六)'))).toBe(true);
    expect(byName('张伟').reasons.join('')).not.toContain('天内整改');
    expect(result.rectification).toEqual([]);
  });

  it('counts participation per group', () => {
    const cadre = result.participation.find((p) => p.group === '干部')!;
    expect(cadre.valid).toBe(2);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('P4 篇六 a rater group with no valid scores for someone (the formula needs both halves)', () => {
  // 黄磊 is scored by the two 干部 (90, 86) and left blank by both 员工: 干部 mean 88, 员工 none.
  const withHuang = [...roster, { name: '黄磊', category: '副职' }];
  const sheets = (group: string, scores: (number | null)[]) =>
    scoreSheet('测评表', {
      title: '干部岗位测评表',
      fields: [`测评人类别：${group}`],
      items: ['测评得分'],
      rows: withHuang.map((p, i) => ({ name: p.name, scores: [scores[i]] })),
    });
  const submissions = [
    submission('c1.xlsx', sheets('干部', [90, 75, 100, 90])),
    submission('c2.xlsx', sheets('干部', [80, 75, 100, 86])),
    submission('s1.xlsx', sheets('员工', [86, 75, 60, null])),
    submission('s2.xlsx', sheets('员工', [84, 74, 70, null])),
  ];

  it('by default gives no score and no tier, says which group is missing, and leaves him unranked', () => {
    const r = runCampaign({ scheme, roster: withHuang, today: '2026-12-01', submissions });
    const huang = r.subjects.find((s) => s.name === '黄磊')!;
    expect(huang.score).toBeNull();
    expect(huang.tier).toBeNull();
    expect(huang.rank).toBeNull();
    expect(huang.flags).toEqual(expect.arrayContaining(['部分类别无票', '待定']));
    expect(huang.reasons[0]).toMatch(/^员工没有有效评分，得分无法按方案的公式计算，等次需由评议委员会决定/);
    // The reason (read to members) says what the committee may decide; the finding (for the clerk) says where the
    // other choice is: the pane's 计票 checkbox, and the scheme file's field.
    expect(huang.reasons[0]).toBe('员工没有有效评分，得分无法按方案的公式计算，等次需由评议委员会决定（也可决定按其余类别的权重折算）');
    expect(huang.reasons.join('')).not.toContain('counting.');
    expect(r.findings.filter((f) => f.code === 'TIER_UNDECIDED').map((f) => f.subject)).toEqual(['黄磊']);
    expect(r.findings.find((f) => f.code === 'TIER_UNDECIDED')!.message).toContain('可在方案「计票」中勾选“缺少某一类别（或某一项目）的有效票时……折算”，方案文件中为 counting.missingGroup: "rescale"');
    // The others keep their scores and ranks.
    expect(r.subjects.find((s) => s.name === '王芳')!.rank).toBe(1);
  });

  it('with counting.missingGroup: rescale, scores on 干部 alone (88) and says so', () => {
    const rescale = structuredClone(scheme);
    rescale.counting.missingGroup = 'rescale';
    const r = runCampaign({ scheme: rescale, roster: withHuang, today: '2026-12-01', submissions });
    const huang = r.subjects.find((s) => s.name === '黄磊')!;
    expect(huang.scoreText).toBe('88.00');
    expect(huang.tier).toBe('优秀');
    expect(huang.reasons[0]).toBe('员工没有有效评分，得分按其余类别的权重折算（方案设定：缺少某类别或项目的评分时按其余折算）');
  });
});
