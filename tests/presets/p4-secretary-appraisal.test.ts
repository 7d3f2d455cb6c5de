/**
 * seed 003 (traditional characters) 述職評議考核工作方案:
 * - 篇二 五、(三)3(3): 《現場述職專項評分表》 three specials "抓基層____工作責任" "落實黨風廉政建設主體責任"
 *   "落實意識形態責任制" (____ = 党建, blanked by the source site), each on a/b/c ballots (a票 場領導班子成員,
 *   b票 黨委委員、紀委委員, c票 支部書記、黨員代表); "好"90 "較好"80 "一般"70 "差"60; "三個專項分別計算總分后
 *   相加除以3得出最后得分".
 * - 篇三 三、(四): tiers 好/較好/一般/差; "評價為“較好”或以下等次的應占一定比例"; "現場測評“一般”“差”票超過10%、
 *   …出現重大失誤…或…被問責追責的,綜合評價等次確定為“差”".
 * - 篇三 三、(五): "未達到“好”的,其年度考核結果不得評定為“優秀”"; "“一般”和“差”的,要約談提醒、限期整改".
 * Preset defaults where the seed is silent: a/b/c weights equal (each group's mean counts 1/3 in a
 * special); score lines 好 ≥85, 较好 ≥75, 一般 ≥65; the 10% of 一般+差 票 is taken over every mark of the
 * subject, pooled over the three specials and all groups; 较好或以下 at least 10% (rounded up).
 *
 * Main campaign: a票 2 ballots, b票 2, c票 6 → 10 ballots × 3 specials = 30 marks per subject.
 */
import { runCampaign } from '../../src/core/engine';
import { describeRanking } from '../../src/core/output/describe-ranking';
import { describeScores } from '../../src/core/output/describe-statistics';
import { getPreset } from '../../src/core/presets';
import { matrixSheet, submission } from '../helpers/grids';

const LEVELS = ['好', '较好', '一般', '差'];
const SPECIALS = ['抓基层党建工作责任', '落实党风廉政建设主体责任', '落实意识形态责任制'];
const [G, F, O, P] = [0, 1, 2, 3]; // 好 90, 较好 80, 一般 70, 差 60
type Group = 'a' | 'b' | 'c';
/** Per subject, per group: one [special1, special2, special3] per ballot. */
type Marks = Record<Group, number[][]>;

const all = (n: number, level: number) => Array.from({ length: n }, () => [level, level, level]);

const MARKS: Record<string, Marks> = {
  // Each special: a (90+80)/2 = 85, b 90, c 80 → (85+90+80)/3 = 85; score (85+85+85)/3 = 85.00 → 好 (≥85 含).
  // (Pooling the ten ballots instead of weighting groups equally: (90+80+90+90+6×80)/10 = 83 → 较好.)
  王芳: { a: [[G, G, G], [F, F, F]], b: all(2, G), c: all(6, F) },
  // Specials 90, 80, 80 → (90+80+80)/3 = 250/3 = 83.33 → 较好.
  李明: { a: all(2, G).map(() => [G, F, F]), b: all(2, G).map(() => [G, F, F]), c: all(6, G).map(() => [G, F, F]) },
  // 3 一般 of 30 marks = 10%: not 超过 → no veto. All three in c's first special: per special 3/10 = 30%,
  // per group c 3/18 — only the pooled denominator gives exactly 10%.
  // Special 1: a 90, b 90, c (3×70+3×90)/6 = 80 → 260/3; specials 2, 3: 90 → (260/3+180)/3 = 800/9 = 88.89 → 好.
  赵刚: { a: all(2, G), b: all(2, G), c: [[O, G, G], [O, G, G], [O, G, G], [G, G, G], [G, G, G], [G, G, G]] },
  // 4 一般/差 of 30 = 13.33% > 10% → 差, although the score would be 好:
  // special 1: a (70+90)/2 = 80, b 90, c 90 → 260/3; special 2: a 90, b (60+90)/2 = 75, c 90 → 85;
  // special 3: a 90, b 90, c (70+60+4×90)/6 = 245/3 → 785/9; score (260/3 + 85 + 785/9)/3 = 2330/27 = 86.30.
  钱进: {
    a: [[O, G, G], [G, G, G]],
    b: [[G, P, G], [G, G, G]],
    c: [[G, G, O], [G, G, P], [G, G, G], [G, G, G], [G, G, G], [G, G, G]],
  },
  // All 好 → 90.00, but held accountable (被问责) → 差.
  孙丽: { a: all(2, G), b: all(2, G), c: all(6, G) },
};
const NAMES = Object.keys(MARKS);
const roster = NAMES.map((name) => (name === '孙丽' ? { name, flags: { 被问责: '2025年抓基层党建不力被问责' } } : { name }));

function ballot(group: Group, i: number, marks: Record<string, Marks> = MARKS) {
  return matrixSheet('专项评分表', {
    title: '现场述职专项评分表',
    fields: [`测评人类别：${group}票`],
    levels: LEVELS,
    items: SPECIALS,
    rows: Object.keys(marks).map((name) => ({ name, marks: marks[name][group][i] })),
  });
}
function ballots(marks: Record<string, Marks>, counts: Record<Group, number>) {
  return (['a', 'b', 'c'] as Group[]).flatMap((g) => Array.from({ length: counts[g] }, (_, i) => submission(`${g}票-${i + 1}.xlsx`, ballot(g, i, marks))));
}

const scheme = getPreset('p4-secretary-appraisal');
const submissions = ballots(MARKS, { a: 2, b: 2, c: 6 });
const result = runCampaign({ scheme, roster, submissions, today: '2026-12-01' });
const byName = (n: string) => result.subjects.find((s) => s.name === n)!;

describe('P4 篇二 three 专项 on a/b/c ballots, 好90 较好80 一般70 差60, 相加除以3', () => {
  it('reads the three groups from "测评人类别：a票/b票/c票"', () => {
    expect(result.participation.map((p) => [p.group, p.valid])).toEqual([
      ['a票', 2],
      ['b票', 2],
      ['c票', 6],
    ]);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('reads the header the templates print, who fills each kind beside it (篇二 五、(三)3(3)), with no finding; and 票别：a票', () => {
    const FILLED_BY: Record<Group, string> = { a: '场领导班子成员', b: '党委委员、纪委委员', c: '与会的支部书记、党员代表' };
    const relabel = (field: (g: Group) => string) =>
      (['a', 'b', 'c'] as Group[]).flatMap((g) =>
        Array.from({ length: { a: 2, b: 2, c: 6 }[g] }, (_, i) => {
          const sheet = ballot(g, i);
          sheet.rows = sheet.rows.map((row) => row.map((v) => (v === `测评人类别：${g}票` ? field(g) : v)));
          expect(sheet.rows.flat()).toContain(field(g));
          return submission(`${g}票-${i + 1}.xlsx`, sheet);
        }),
      );
    for (const field of [(g: Group) => `测评人类别：${g}票（${FILLED_BY[g]}填写）`, (g: Group) => `票别：${g}票`]) {
      const r = runCampaign({ scheme, roster, submissions: relabel(field), today: '2026-12-01' });
      expect(r.participation.map((p) => [p.group, p.valid])).toEqual([
        ['a票', 2],
        ['b票', 2],
        ['c票', 6],
      ]);
      expect(r.findings.filter((f) => ['FIELD_READ_AS', 'GROUP_UNKNOWN'].includes(f.code))).toEqual([]);
      expect(r.subjects.map((x) => x.scoreText)).toEqual(result.subjects.map((x) => x.scoreText));
    }
  });

  it('weights a, b, c equally: a 85, b 90, c 80 in each special → exactly 85.00 → 好', () => {
    expect(byName('王芳').scoreText).toBe('85.00');
    expect(byName('王芳').tier).toBe('好');
  });

  it('adds the three specials and divides by 3: 90, 80, 80 → 83.33 → 较好', () => {
    expect(byName('李明').scoreText).toBe('83.33');
    expect(byName('李明').tier).toBe('较好');
  });

  it('each special\'s mean per group is shown in the figures (a票 special 1 of 王芳: 85.00)', () => {
    const f = byName('王芳').figures.find((x) => x.group === 'a票' && x.item === SPECIALS[0])!;
    expect(f.mean).toBe('85.00');
    expect(f.valid).toBe(2);
  });

  it('a ballot typed in traditional characters (as seed 003 is written) reads the same', () => {
    const trad = (g: Group, i: number) => {
      const s = ballot(g, i);
      const map: Record<string, string> = {
        现场述职专项评分表: '現場述職專項評分表',
        抓基层党建工作责任: '抓基層黨建工作責任',
        落实党风廉政建设主体责任: '落實黨風廉政建設主體責任',
        落实意识形态责任制: '落實意識形態責任制',
        较好: '較好',
        [`测评人类别：${g}票`]: `測評人類別：${g}票`,
        赵刚: '趙剛',
        钱进: '錢進',
        孙丽: '孫麗',
      };
      s.rows = s.rows.map((row) => row.map((v) => (typeof v === 'string' && map[v] ? map[v] : v)));
      return s;
    };
    const traditional = (['a', 'b', 'c'] as Group[]).flatMap((g) =>
      Array.from({ length: { a: 2, b: 2, c: 6 }[g] }, (_, i) => submission(`${g}票-繁-${i + 1}.xlsx`, trad(g, i))),
    );
    expect(traditional[0].sheets[0].rows.flat()).toContain('較好');
    const r = runCampaign({ scheme, roster, submissions: traditional, today: '2026-12-01' });
    expect(r.findings.filter((f) => f.code === 'NAME_NORMALISED').map((f) => f.subject)).toContain('赵刚');
    expect(r.subjects.map((s) => [s.name, s.scoreText, s.tier])).toEqual(result.subjects.map((s) => [s.name, s.scoreText, s.tier]));
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('P4 篇三 veto: "一般""差"票 超过 10% → 差 (denominator: all 30 marks of the subject)', () => {
  it('3 of 30 = 10.00% exactly does not trigger: 88.89 → 好', () => {
    const s = byName('赵刚');
    expect(s.scoreText).toBe('88.89');
    expect(s.tier).toBe('好');
    expect(s.vetoes).toEqual([]);
  });

  it('the test not met is said with its figure and denominator: 3 一般 of 10 ballots × 3 专项 = 30 marks', () => {
    expect(byName('赵刚').reasons).toContain(
      // a, b and c ballots are added as counted, though the score weighs each group equally: said.
      `一票否决「现场测评“一般”“差”票超过10%」未触发：3/30 = 10.00%（a票、b票、c票 3 个评价项目的票合计，不按类别加权），不符合「『一般』『差』票得票率超过10%」（${scheme.vetoes[0].cite}）`,
    );
    // 王芳: no 一般 or 差 at all, 0/30; the roster veto that does not apply needs no word.
    expect(byName('王芳').reasons.filter((x) => x.includes('一票否决'))).toEqual([expect.stringContaining('未触发：0/30 = 0.00%（a票、b票、c票 3 个评价项目的票合计，不按类别加权）')]);
  });

  it('4 of 30 = 13.33% triggers: 86.30 would be 好, tier is 差, flagged 一票否决 with the figures', () => {
    const s = byName('钱进');
    expect(s.scoreText).toBe('86.30');
    expect(s.tier).toBe('差');
    expect(s.flags).toContain('一票否决');
    expect(s.vetoes.map((v) => v.id)).toEqual(['poor-votes']);
    expect(s.reasons.join('')).toContain('4/30 = 13.33%（a票、b票、c票 3 个评价项目的票合计，不按类别加权），符合');
    // The first reason says the tier that stands, then what the score met.
    expect(s.reasons[0]).toMatch(/^因一票否决定为「差」；符合「好」的条件：得分 86\.30，符合「得分85分以上（含）」/);
  });

  it('held accountable (名册 被问责) → 差 whatever the votes (90.00)', () => {
    const s = byName('孙丽');
    expect(s.scoreText).toBe('90.00');
    expect(s.tier).toBe('差');
    expect(s.vetoes.map((v) => v.id)).toEqual(['major-failure']);
    expect(s.reasons.join('')).toContain('被问责');
  });

  it('a 重大失误 flag does the same', () => {
    const r = runCampaign({ scheme, roster: roster.map((e) => (e.name === '王芳' ? { name: '王芳', flags: { 重大失误: '年度基层党建工作出现重大失误' } } : e)), submissions, today: '2026-12-01' });
    expect(r.subjects.find((s) => s.name === '王芳')!.tier).toBe('差');
  });
});

describe('P4 篇三 三、(五) consequences', () => {
  it('好 carries none', () => {
    expect(byName('王芳').consequences).toEqual([]);
    expect(byName('赵刚').consequences).toEqual([]);
  });

  it('较好: the year\'s 考核 cannot be 优秀, no rectification row', () => {
    expect(byName('李明').consequences.map((c) => [c.action, c.rectifyWithinDays])).toEqual([['年度考核结果不得评定为“优秀”等次', null]]);
    expect(result.rectification.some((r) => r.subject === '李明')).toBe(false);
  });

  it('较好: 不得评优 has no 整改清单 row, so 排名表 says it in the reasons beside the tier', () => {
    const ranking = describeRanking(result);
    const head = ranking.cells.findIndex((row) => row.some((c) => c.value === '理由'));
    const col = ranking.cells[head].findIndex((c) => c.value === '理由');
    const row = ranking.cells.find((r) => r[1].value === '李明')!;
    expect(String(row[col].value)).toContain('结果运用：年度考核结果不得评定为“优秀”等次（《述职评议考核工作方案》篇三 三、(五)）');
  });

  it('差: 不得评优 and 约谈提醒、限期整改 with a rectification row naming the veto', () => {
    expect(byName('钱进').consequences.map((c) => c.action)).toEqual(['年度考核结果不得评定为“优秀”等次', '约谈提醒、限期整改']);
    const rows = result.rectification.filter((r) => r.subject === '钱进');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: '约谈提醒、限期整改', deadline: '2026-12-31', status: '整改中' });
    expect(rows[0].problem).toContain('现场测评“一般”“差”票超过10%');
    expect(result.rectification.map((r) => r.subject).sort()).toEqual(['孙丽', '钱进'].sort());
  });

  it('一般 (reachable when small groups weigh as much as large ones): 约谈提醒、限期整改', () => {
    // a票 1 ballot all 差, b票 1 ballot all 差, c票 28 ballots all 较好: 6 of 90 marks = 6.67% 一般/差 → no veto;
    // each special (60 + 60 + 80)/3 = 66.67 → 一般 (≥65).
    const marks: Record<string, Marks> = { 吴刚: { a: all(1, P), b: all(1, P), c: all(28, F) } };
    const r = runCampaign({ scheme, roster: [{ name: '吴刚' }], submissions: ballots(marks, { a: 1, b: 1, c: 28 }), today: '2026-12-01' });
    const s = r.subjects[0];
    expect(s.scoreText).toBe('66.67');
    expect(s.tier).toBe('一般');
    expect(s.vetoes).toEqual([]);
    expect(s.consequences.map((c) => c.action)).toContain('约谈提醒、限期整改');
    expect(r.rectification.map((x) => x.action)).toEqual(['约谈提醒、限期整改']);
  });
});

describe('P4 篇三 "较好或以下等次的应占一定比例" (preset default: at least 10%, rounded up)', () => {
  /** n subjects, each rated all 好 except those listed as 较好; one ballot per group. */
  function campaign(n: number, fairly: number) {
    const names = Array.from({ length: n }, (_, i) => `党支部书记${i + 1}`);
    const marks: Record<string, Marks> = {};
    names.forEach((name, i) => (marks[name] = { a: all(1, i < fairly ? F : G), b: all(1, i < fairly ? F : G), c: all(1, i < fairly ? F : G) }));
    return runCampaign({ scheme, roster: names.map((name) => ({ name })), submissions: ballots(marks, { a: 1, b: 1, c: 1 }), today: '2026-12-01' });
  }

  it('everyone 好 → QUOTA_SHORT reported (10 subjects: at least 1 must be 较好 or below)', () => {
    const r = campaign(10, 0);
    expect(r.subjects.every((s) => s.tier === '好')).toBe(true);
    const short = r.findings.filter((f) => f.code === 'QUOTA_SHORT');
    expect(short).toHaveLength(1);
    expect(short[0].message).toContain('只有 0 人');
  });

  it('1 of 10 較好 = 10% meets it: no finding', () => {
    const r = campaign(10, 1);
    expect(r.subjects.filter((s) => s.tier === '较好')).toHaveLength(1);
    expect(r.findings.some((f) => f.code === 'QUOTA_SHORT')).toBe(false);
  });

  it('rounded up: 11 subjects need 2 (10% of 11 = 1.1), so 1 较好 is short', () => {
    const r = campaign(11, 1);
    expect(r.findings.filter((f) => f.code === 'QUOTA_SHORT')).toHaveLength(1);
  });

  it('the main campaign (3 of 5 较好 or below: 李明, 钱进, 孙丽) is not short', () => {
    expect(result.findings.some((f) => f.code === 'QUOTA_SHORT')).toBe(false);
  });

  it('the finding only reports: tiers are not changed to fill the share', () => {
    const r = campaign(10, 0);
    expect(r.subjects.map((s) => s.tier)).toEqual(new Array(10).fill('好'));
  });
});

describe('P4 篇二 a 专项 with no votes at all (三个专项分别计算总分后相加除以3 needs all three)', () => {
  // 周平: 好 on the first two specials from every ballot, the third left blank (-1) on every ballot.
  const firstTwo = (n: number) => Array.from({ length: n }, () => [G, G, -1]);
  const zhou: Record<string, Marks> = {
    周平: { a: firstTwo(2), b: firstTwo(2), c: firstTwo(6) },
  };
  const zhouBallots = ballots(zhou, { a: 2, b: 2, c: 6 });

  it('by default gives no score and names the 专项 (not the rater groups, which all voted)', () => {
    const r = runCampaign({ scheme, roster: [{ name: '周平' }], submissions: zhouBallots, today: '2026-12-01' });
    const s = r.subjects[0];
    expect(s.score).toBeNull();
    expect(s.tier).toBeNull();
    expect(s.reasons[0]).toMatch(/^「落实意识形态责任制」没有任何有效评分，得分无法按方案的公式计算/);
    expect(s.reasons[0]).not.toMatch(/a票|b票|c票/);
    // The veto's figure says the blank third 专项 (10 ballots × 1) is left out: 0 of the 20 marks given.
    expect(s.reasons).toContain(
      `一票否决「现场测评“一般”“差”票超过10%」未触发：0/20 = 0.00%（a票、b票、c票 3 个评价项目的票合计，不按类别加权；另有 10 票未评，按方案不计入），不符合「『一般』『差』票得票率超过10%」（${scheme.vetoes[0].cite}）`,
    );
  });

  it('with counting.missingGroup: rescale, the mean of the two 专项 rated (90) and says so', () => {
    const rescale = structuredClone(scheme);
    rescale.counting.missingGroup = 'rescale';
    const r = runCampaign({ scheme: rescale, roster: [{ name: '周平' }], submissions: zhouBallots, today: '2026-12-01' });
    const s = r.subjects[0];
    expect(s.scoreText).toBe('90.00');
    expect(s.reasons[0]).toBe('「落实意识形态责任制」没有任何有效评分，得分按其余 2 个项目计算（方案设定：缺少某类别或项目的评分时按其余折算）');
  });
});

describe('P4 篇二/篇五 整改清单: the 薄弱项目 by the scheme\'s own 项目得分', () => {
  it('孙丽 (差 by 被问责, 好 on all three 专项) has no weak item listed', () => {
    const row = result.rectification.find((r) => r.subject === '孙丽')!;
    expect(row.problem).not.toContain('薄弱项目');
  });

  it('the weak 专项 is the one with the lowest 项目得分 under the scheme\'s weights (a 30%, b 30%, c 40%), as 得分情况 shows it', () => {
    // 吴刚 is 被问责 → 差, so he has a row. Worked by hand:
    // 专项1: a 90, b 90, c 80 → 90×30% + 90×30% + 80×40% = 86 (the groups' means averaged unweighted: 86.67);
    // 专项2: a 80, b 90, c (5×90 + 80)/6 = 265/3 → 24 + 27 + 106/3 = 259/3 = 86.33 (unweighted: 86.11);
    // 专项3: 90 from everyone. Score (86 + 259/3 + 90)/3 = 787/9 = 87.44.
    // Unweighted means would name 专项2 (86.11 < 86.67); the scheme's formula makes 专项1 the weakest.
    const weighted = structuredClone(scheme);
    weighted.raterGroups = weighted.raterGroups.map((g) => ({ ...g, weight: { a: 30, b: 30, c: 40 }[g.id as Group] }));
    const wu: Record<string, Marks> = {
      吴刚: { a: [[G, F, G], [G, F, G]], b: all(2, G), c: [...Array.from({ length: 5 }, () => [F, G, G]), [F, F, G]] },
    };
    const r = runCampaign({ scheme: weighted, roster: [{ name: '吴刚', flags: { 被问责: '是' } }], submissions: ballots(wu, { a: 2, b: 2, c: 6 }), today: '2026-12-01' });
    expect(r.subjects[0].scoreText).toBe('87.44');
    expect(r.subjects[0].tier).toBe('差');
    const problem = r.rectification[0].problem;
    expect(problem).toContain(`薄弱项目：${SPECIALS[0]}（86.00 分）`);
    expect(problem).not.toContain(SPECIALS[1]);
    // 得分情况's 项目得分 of 专项1 is the same figure.
    const rows = describeScores(r)!.cells.map((row) => row.map((c) => c.text ?? c.value));
    const itemScore = rows[1].indexOf('项目得分');
    expect(rows.filter((x) => x[1] === '吴刚' && x[itemScore] !== '').map((x) => [x[2], x[itemScore]])).toEqual([
      [SPECIALS[0], '86.00'],
      [SPECIALS[1], '86.33'],
      [SPECIALS[2], '90.00'],
    ]);
  });
});

describe('P4 得分情况: per 专项 and a/b/c group the votes, the mean and the 专项 score, so 88.89 can be recomputed', () => {
  const sheet = describeScores(result)!;
  const rows = sheet.cells.map((row) => row.map((c) => c.text ?? c.value));

  it('赵刚 (4th 按姓氏笔画: 王 4, 孙 6, 李 7, 赵 9, 钱 10 strokes): 专项1 c票 3 好 3 一般 → 80.00, 专项1 (90+90+80)/3 = 86.67, score (260/3+90+90)/3 = 88.89', () => {
    expect(rows[1]).toEqual(['序号', '姓名', '评价项目', '测评人类别', '好（90分）', '较好（80分）', '一般（70分）', '差（60分）', '平均分', '有效票', '弃权', '无效', '项目得分', '得分']);
    expect(rows.filter((r) => r[1] === '赵刚')).toEqual([
      ['4', '赵刚', SPECIALS[0], 'a票', '2', '0', '0', '0', '90.00', '2', '0', '0', '86.67', '88.89'],
      ['', '赵刚', SPECIALS[0], 'b票', '2', '0', '0', '0', '90.00', '2', '0', '0', '', ''],
      ['', '赵刚', SPECIALS[0], 'c票', '3', '0', '3', '0', '80.00', '6', '0', '0', '', ''],
      ['', '赵刚', SPECIALS[1], 'a票', '2', '0', '0', '0', '90.00', '2', '0', '0', '90.00', ''],
      ['', '赵刚', SPECIALS[1], 'b票', '2', '0', '0', '0', '90.00', '2', '0', '0', '', ''],
      ['', '赵刚', SPECIALS[1], 'c票', '6', '0', '0', '0', '90.00', '6', '0', '0', '', ''],
      ['', '赵刚', SPECIALS[2], 'a票', '2', '0', '0', '0', '90.00', '2', '0', '0', '90.00', ''],
      ['', '赵刚', SPECIALS[2], 'b票', '2', '0', '0', '0', '90.00', '2', '0', '0', '', ''],
      ['', '赵刚', SPECIALS[2], 'c票', '6', '0', '0', '0', '90.00', '6', '0', '0', '', ''],
    ]);
  });

  it('钱进: 专项3 c票 (70+60+4×90)/6 = 81.67 and 专项 (90+90+245/3)/3 = 87.22; score 2330/27 = 86.30 (the veto makes the tier 差, the score stays)', () => {
    const third = rows.filter((r) => r[1] === '钱进' && r[2] === SPECIALS[2]);
    expect(third.map((r) => [r[3], r[8], r[12]])).toEqual([
      ['a票', '90.00', '87.22'],
      ['b票', '90.00', ''],
      ['c票', '81.67', ''],
    ]);
    expect(rows.find((r) => r[1] === '钱进')![13]).toBe('86.30');
  });

  it('the note gives the formula with exact weights (1/3, not 33.33%)', () => {
    const note = String(rows[rows.length - 1][0]);
    expect(note).toContain('平均分＝（好票数×90＋较好票数×80＋一般票数×70＋差票数×60）÷有效票');
    expect(note).toContain('项目得分＝a票平均分×1/3＋b票平均分×1/3＋c票平均分×1/3；得分＝各评价项目得分相加除以3');
  });
});
