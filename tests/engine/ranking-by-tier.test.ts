/**
 * 排名表 is an order of merit consistent with the tiers printed beside it (README "Two choices…" and the ranking
 * paragraph): by tier, best first, then by the ranking figure within a tier; equal figures share a 名次 only within
 * one tier; 待定 subjects get no 名次 and are listed after the ranked, by their figure; a quota filled while one of
 * them could still be given its tiers says so (QUOTA_UNSETTLED). And a subject with no valid vote at all is 待定,
 * never classified on zero shares. Every expected order and figure is worked out by hand below.
 */
import { runCampaign } from '../../src/core/engine';
import { getPreset } from '../../src/core/presets';
import { RosterEntry } from '../../src/core/roster/roster';
import { Scheme } from '../../src/core/scheme/scheme-schema';
import { rankingOrder } from '../../src/core/output/describe-ranking';
import { annex2Sheet } from '../helpers/annex-forms';
import { matrixSheet, scoreSheet, submission } from '../helpers/grids';

const LEVELS = ['优秀', '称职', '基本称职', '不称职'];
const [A, B, C, D] = [0, 1, 2, 3]; // 优秀, 称职, 基本称职, 不称职
const BLANK = -1;

function votes(...parts: [number, number][]): number[] {
  return parts.flatMap(([level, n]) => new Array(n).fill(level));
}

const ranks = (r: ReturnType<typeof runCampaign>) => Object.fromEntries(r.subjects.map((s) => [s.name, [s.tier, s.rank]]));

describe('p3-village-two-rounds: ranked by tier, then by the pooled 优秀 share', () => {
  // 10 村评 and 10 镇评 ballots. Tiers by the preset's rules (优秀 ≥ 70% in each round; 称职 票 ≥ 60% in each, 优秀 not
  // counted (the literal reading, set below); 基本称职 / 不称职 summed ≥ 50%); the ranking figure is 优秀 pooled over both rounds (of 20).
  const MARKS: Record<string, { village: number[]; town: number[] }> = {
    // 优秀 7/10 and 7/10 → 优秀; pooled 14/20 = 70%.
    王一: { village: votes([A, 7], [B, 3]), town: votes([A, 7], [B, 3]) },
    // 优秀 9/10 but 6/10 in 镇评 → not 优秀; 称职 1/10, 4/10 → not; 基本称职 0/20, 不称职 0/20 → 待定. Pooled 15/20 = 75%,
    // the highest figure of all: before, 名次 1 above the 优秀.
    李二: { village: votes([A, 9], [B, 1]), town: votes([A, 6], [B, 4]) },
    // 称职 6/10 and 6/10 → 称职; 优秀 0/20.
    张三: { village: votes([B, 6], [C, 4]), town: votes([B, 6], [C, 4]) },
    // 称职 7/10 and 6/10 → 称职; 优秀 0/20: the same figure and tier as 张三, the same 名次.
    王六: { village: votes([B, 7], [C, 3]), town: votes([B, 6], [C, 4]) },
    // 称职 6/10, 4/10 → not; 基本称职 (4 + 6)/20 = 50% → 基本称职; 优秀 0/20, equal to 张三's, but another tier.
    刘五: { village: votes([B, 6], [C, 4]), town: votes([B, 4], [C, 6]) },
    // 优秀 2/10 each; 称职 3/10 each; 基本称职 0/20; 不称职 (5 + 5)/20 = 50% → 不称职. Pooled 优秀 4/20 = 20%, above
    // the 称职 and 基本称职 (0%): before, 名次 2.
    赵四: { village: votes([A, 2], [B, 3], [D, 5]), town: votes([A, 2], [B, 3], [D, 5]) },
    // 基本称职 10/20 = 50% and 不称职 10/20 = 50%: both → 待定. Pooled 优秀 0%.
    杨七: { village: votes([C, 5], [D, 5]), town: votes([C, 5], [D, 5]) },
  };
  const NAMES = Object.keys(MARKS);
  const ballot = (round: '村评' | '镇评', i: number) =>
    matrixSheet('测评表', {
      title: '村党组织书记“双述双评”测评表',
      fields: [`轮次：${round}`],
      levels: LEVELS,
      rows: NAMES.map((name) => ({ name, marks: [(round === '村评' ? MARKS[name].village : MARKS[name].town)[i]] })),
    });
  const submissions = ['村评', '镇评'].flatMap((round) => Array.from({ length: 10 }, (_, i) => submission(`${round}-${i + 1}.xlsx`, ballot(round as '村评', i))));
  const run = (scheme: Scheme) => runCampaign({ scheme, roster: NAMES.map((name) => ({ name })), submissions, today: '2026-12-01' });
  // The preset counts 称职 及以上 and 基本称职 及以上; read literally (称职 votes alone, as these cases were built), the
  // scheme gives the 待定 this test needs beside every tier. Ranking does not depend on which reading is chosen.
  const literal = (): Scheme => {
    const scheme = structuredClone(getPreset('p3-village-two-rounds'));
    for (const rule of scheme.classification.rules) for (const c of rule.when) if (c.kind === 'share' && (rule.tier === '称职' || rule.tier === '基本称职')) c.orBetter = false;
    return scheme;
  };
  const result = run(literal());

  it('gives each tier its place: 优秀 1; the two 称职 at 0% share 2; 基本称职 4; the 不称职 at 20% last (5)', () => {
    expect(ranks(result)).toEqual({
      王一: ['优秀', 1],
      张三: ['称职', 2],
      王六: ['称职', 2],
      刘五: ['基本称职', 4],
      赵四: ['不称职', 5],
      李二: [null, null],
      杨七: [null, null],
    });
  });

  it('lists the 待定 after the ranked, by their figure (李二 75% before 杨七 0%), and says why they have no 名次', () => {
    // Ties (王六, 张三) 按姓氏笔画: 王 4 strokes before 张 7.
    expect(rankingOrder(result.subjects).map((s) => s.name)).toEqual(['王一', '王六', '张三', '刘五', '赵四', '李二', '杨七']);
    expect(result.subjects.find((s) => s.name === '李二')!.reasons).toContain('等次待定，不参加排名');
    // The reason the tier is undecided is still what TIER_UNDECIDED gives, not the ranking's sentence.
    const undecided = result.findings.find((f) => f.code === 'TIER_UNDECIDED' && f.subject === '李二')!;
    expect(undecided.message).toContain('不符合方案中任何一个等次的条件');
  });

  it('a 末位 designation counts the 5 ranked and names the 2 left 待定 for the committee (DESIGNATION_UNSETTLED)', () => {
    const scheme = literal();
    scheme.designations = [{ name: '重点帮扶', share: 10, kind: 'at-least', cite: '末位10%' }];
    const r = run(scheme);
    // ceil(10% × 5) = 1: the last ranked, 赵四 (不称职).
    expect(r.subjects.filter((s) => s.designations.length > 0).map((s) => s.name)).toEqual(['赵四']);
    const unsettled = r.findings.filter((f) => f.code === 'DESIGNATION_UNSETTLED');
    expect(unsettled).toHaveLength(1);
    expect(unsettled[0].message).toContain('按已排名的 5 人确定为 1 人（赵四）；李二、杨七 等次待定、未排名');
  });

  it('a 优秀 quota filled while 李二 is 待定 (and could be 优秀) says so; 杨七 (基本称职 or 不称职 only) is not named', () => {
    const scheme = literal();
    // floor(20% × 7) = 1 place; 王一 is the only 优秀, so it holds, but 李二 given 优秀 would make 2.
    scheme.quotas = [{ tiers: ['优秀'], kind: 'max', share: 20, rounding: 'floor', cite: '优秀不超过20%' }];
    const r = run(scheme);
    const unsettled = r.findings.filter((f) => f.code === 'QUOTA_UNSETTLED');
    expect(unsettled.map((f) => [f.severity, f.message])).toEqual([
      ['warning', '「优秀」不超过 7 人的 20%（向下取整为 1 人）：按已定等次的 1 人确定；李二 等次待定、未计入，如定为「优秀」，名额内的人选或人数可能变化，需评议委员会核实（优秀不超过20%）'],
    ]);
    const wang = r.subjects.find((s) => s.name === '王一')!;
    expect(wang.tier).toBe('优秀');
    expect(wang.reasons).toContain('「优秀」不超过 7 人的 20%（向下取整为 1 人）：另有 1 人等次待定、未计入；如定为「优秀」，名额内的人选可能变化，需评议委员会核实（优秀不超过20%）');
    // The tiers are those without the quota's doubt; only the words differ.
    expect(r.subjects.map((s) => s.tier)).toEqual(result.subjects.map((s) => s.tier));
    // The undecided keep their own reason in TIER_UNDECIDED.
    expect(r.findings.find((f) => f.code === 'TIER_UNDECIDED' && f.subject === '李二')!.message).toContain('不符合方案中任何一个等次的条件');
  });

  it('nothing is said when the 待定 could not push the quota over: floor(30% × 7) = 2 places for 王一 and 李二 at most', () => {
    const scheme = literal();
    scheme.quotas = [{ tiers: ['优秀'], kind: 'max', share: 30, rounding: 'floor', cite: '优秀不超过30%' }];
    const r = run(scheme);
    expect(r.findings.some((f) => f.code === 'QUOTA_UNSETTLED')).toBe(false);
    expect(r.subjects.find((s) => s.name === '王一')!.reasons.join('')).not.toContain('名额');
  });
});

describe('p1-double-pledge: a 不称职 does not share a 名次 with a 称职 of the same weighted 优秀 share', () => {
  // 6 服务对象代表 and 3 党组织负责人 ballots; weighted share = (k/6 + j/3) / 2; each tier "or better" ≥ 50% (含).
  const MARKS: Record<string, { service: number[]; leader: number[] }> = {
    // 优秀 (3/6 + 3/3)/2 = 3/4 = 75% → 优秀.
    甲: { service: [A, A, A, B, B, B], leader: [A, A, A] },
    // 优秀 (2/6 + 1/3)/2 = 1/3; 称职及以上 and 基本称职及以上 the same 1/3 < 50% → 不称职. Figure 33.33%.
    乙: { service: [A, A, D, D, D, D], leader: [A, D, D] },
    // 优秀 1/3 → not; 称职及以上 100% → 称职. Figure 33.33%, equal to 乙's.
    己: { service: [A, A, B, B, B, B], leader: [A, B, B] },
    // 称职 throughout → 称职, figure 0.
    丁: { service: [B, B, B, B, B, B], leader: [B, B, B] },
    // 基本称职 throughout → 基本称职, figure 0.
    丙: { service: [C, C, C, C, C, C], leader: [C, C, C] },
    // No 党组织负责人 vote (missingGroup pending): 待定 and no figure (as before).
    戊: { service: [A, A, A, A, A, A], leader: [BLANK, BLANK, BLANK] },
  };
  const NAMES = Object.keys(MARKS);
  const ballot = (group: '服务对象代表' | '党组织负责人', i: number) =>
    matrixSheet('考评表', {
      title: '党员践诺情况考评表',
      fields: [`测评人类别：${group}`],
      levels: LEVELS,
      rows: NAMES.map((name) => ({ name, marks: [(group === '服务对象代表' ? MARKS[name].service : MARKS[name].leader)[i]] })),
    });
  const submissions = [
    ...Array.from({ length: 6 }, (_, i) => submission(`服务对象${i + 1}.xlsx`, ballot('服务对象代表', i))),
    ...Array.from({ length: 3 }, (_, i) => submission(`负责人${i + 1}.xlsx`, ballot('党组织负责人', i))),
  ];
  const result = runCampaign({ scheme: getPreset('p1-double-pledge'), roster: NAMES.map((name) => ({ name })), submissions, today: '2026-12-01' });

  it('甲 1; 己 (称职 33.33%) 2; 丁 3; 丙 (基本称职) 4; 乙 (不称职 33.33%) 5, not 2nd-equal; 戊 unranked', () => {
    expect(ranks(result)).toEqual({
      甲: ['优秀', 1],
      己: ['称职', 2],
      丁: ['称职', 3],
      丙: ['基本称职', 4],
      乙: ['不称职', 5],
      戊: [null, null],
    });
    expect(rankingOrder(result.subjects).map((s) => s.name)).toEqual(['甲', '己', '丁', '丙', '乙', '戊']);
  });

  it('a 优秀 quota full (1 place, 甲) while 戊 (no 党组织负责人 vote) is 待定: tiers unchanged, QUOTA_UNSETTLED names 戊', () => {
    const scheme = structuredClone(getPreset('p1-double-pledge'));
    // floor(20% × 6) = 1 place. 优秀: 甲 alone (75%); 己 and 乙 (1/3) are not. 戊 (服务对象代表 6/6 优秀) could be.
    scheme.quotas = [{ tiers: ['优秀'], kind: 'max', share: 20, rounding: 'floor', cite: '优秀不超过20%' }];
    const r = runCampaign({ scheme, roster: NAMES.map((name) => ({ name })), submissions, today: '2026-12-01' });
    expect(r.subjects.map((s) => s.tier)).toEqual(result.subjects.map((s) => s.tier));
    expect(r.findings.filter((f) => f.code === 'QUOTA_UNSETTLED').map((f) => f.message)).toEqual([
      '「优秀」不超过 6 人的 20%（向下取整为 1 人）：按已定等次的 1 人确定；戊 等次待定、未计入，如定为「优秀」，名额内的人选或人数可能变化，需评议委员会核实（优秀不超过20%）',
    ]);
  });
});

describe('p1-double-pledge with 弃权 in the denominator: a member no rater marked is 待定, not 不称职 on 0/n', () => {
  const scheme = structuredClone(getPreset('p1-double-pledge'));
  scheme.counting.abstentionsInDenominator = true;
  // 甲 优秀 on every ballot; 吴芳 left blank on all 6 + 3 (with the blanks in the denominator: 0/6 and 0/3, which
  // walked through the rules gave 不称职 and an 整改 item while NO_VALID_VOTES said 无法确定等次).
  const marks: Record<string, number> = { 甲: A, 吴芳: BLANK };
  const ballot = (group: string) =>
    matrixSheet('考评表', { title: '党员践诺情况考评表', fields: [`测评人类别：${group}`], levels: LEVELS, rows: Object.keys(marks).map((name) => ({ name, marks: [marks[name]] })) });
  const submissions = [
    ...Array.from({ length: 6 }, (_, i) => submission(`服务对象${i + 1}.xlsx`, ballot('服务对象代表'))),
    ...Array.from({ length: 3 }, (_, i) => submission(`负责人${i + 1}.xlsx`, ballot('党组织负责人'))),
  ];
  const result = runCampaign({ scheme, roster: [{ name: '甲' }, { name: '吴芳' }], submissions, today: '2026-12-01' });
  const wu = result.subjects.find((s) => s.name === '吴芳')!;

  it('gives no tier, says why in the reasons, and makes no 整改 item nor 名次', () => {
    expect([wu.tier, wu.rank]).toEqual([null, null]);
    expect(wu.reasons).toEqual(['没有任何有效票，无法确定等次，等次需由评议委员会决定', '有效票不全，等次无法判断，不参加排名']);
    // Listed last, with no figure (0/9 is no ranking figure).
    expect(wu.rankKey).toBeNull();
    expect(wu.flags).toEqual(expect.arrayContaining(['无有效票', '待定']));
    expect(wu.consequences).toEqual([]);
    expect(result.rectification.map((r) => r.subject)).not.toContain('吴芳');
    expect(result.findings.filter((f) => f.subject === '吴芳').map((f) => f.code).sort()).toEqual(['NO_VALID_VOTES', 'TIER_UNDECIDED']);
    expect(result.subjects.find((s) => s.name === '甲')!.tier).toBe('优秀');
  });
});

describe('p5-party-members: a member vetoed out of 优秀党员 ranks below the 优秀党员; those tied at the quota are 待定', () => {
  // One 支部 of 10 (no 党员人数 given: the quota counts the roster, floor(20% × 10) = 2). Ten 附表2 ballots, 40
  // item-marks each; `bad` of them 基本满意, the rest 满意; the figure is (满意 + 比较满意) ÷ 40.
  const bad: Record<string, number> = { 于洋: 0, 周杰: 0, 马丽: 2, 方圆: 2, 石磊: 3, 叶青: 12, 田野: 12, 白雪: 12, 江河: 12, 汤明: 12 };
  const NAMES = Object.keys(bad);
  const roster: RosterEntry[] = NAMES.map((name) => (name === '周杰' ? { name, flags: { 党风廉政问题: '经组织核实，事实清楚' } } : { name }));
  const submissions = Array.from({ length: 10 }, (_, i) =>
    submission(`附表2-${i + 1}.xlsx`, annex2Sheet('推荐表', { branch: '机关', rows: NAMES.map((name) => ({ name, marks: [0, 1, 2, 3].map((j) => (i * 4 + j < bad[name] ? 2 : 0)) })) })),
  );
  const result = runCampaign({ scheme: getPreset('p5-party-members'), roster, submissions, today: '2026-12-01' });

  it('于洋 1; 周杰 (100%, 党风廉政问题) 2, not 1st-equal; 石磊 (92.5%, 超出名额) 3; the five at 70% 4; 马丽, 方圆 unranked', () => {
    // Quota: 于洋 100%, 马丽 95%, 方圆 95%, 石磊 92.5% meet 90%; the 2nd place falls inside the 95% tie → both 待定,
    // 石磊 moves down. 周杰 is out of 优秀党员 by the veto before the quota is counted.
    expect(ranks(result)).toEqual({
      于洋: ['优秀党员', 1],
      周杰: ['未评为优秀党员', 2],
      石磊: ['未评为优秀党员', 3],
      叶青: ['未评为优秀党员', 4],
      田野: ['未评为优秀党员', 4],
      白雪: ['未评为优秀党员', 4],
      江河: ['未评为优秀党员', 4],
      汤明: ['未评为优秀党员', 4],
      马丽: [null, null],
      方圆: [null, null],
    });
    // Listed last, by their figure (equal: 按姓氏笔画, 马 3 strokes before 方 4).
    expect(rankingOrder(result.subjects).slice(-2).map((s) => s.name)).toEqual(['马丽', '方圆']);
    // Nobody with fewer votes stands above 周杰, so the veto's placing needs no word.
    expect(result.subjects.find((s) => s.name === '周杰')!.reasons.join('')).not.toContain('排在等次更高的人之后');
  });
});

describe('p4-middle-managers with 优秀 ≤ 10%: two tied for the one 优秀 place are 待定 but cannot be 末位, so 动态调整 is settled', () => {
  // Both groups score alike, so each score is the one given. floor(10% × 10) = 1 优秀 place; 甲 and 乙 tie at 95 (名额并列:
  // the committee gives one 优秀, the other 称职 as 95 ≥ 75). 8 ranked: 动态调整 round(10% × 8) = 1 = round(10% × 10):
  // 癸 (60, 不称职), the last; 甲 and 乙 at worst 称职 rank above every 不称职.
  const SCORES: Record<string, number> = { 甲: 95, 乙: 95, 丙: 80, 丁: 78, 戊: 76, 己: 74, 庚: 70, 辛: 68, 壬: 66, 癸: 60 };
  const names = Object.keys(SCORES);
  const scheme = structuredClone(getPreset('p4-middle-managers'));
  scheme.quotas = [{ tiers: ['优秀'], kind: 'max', share: 10, rounding: 'floor', cite: '优秀不超过10%' }];
  const sheet = (group: string) =>
    submission(`${group}.xlsx`, scoreSheet('表', { fields: [`测评人类别：${group}`], items: ['测评得分'], rows: names.map((name) => ({ name, scores: [SCORES[name]] })) }));
  const r = runCampaign({ scheme, roster: names.map((name) => ({ name })), submissions: [sheet('干部'), sheet('员工')], today: '2026-12-01' });

  it('designates 癸 with the plain reason and raises no DESIGNATION_UNSETTLED', () => {
    expect(r.subjects.filter((s) => s.flags.includes('名额并列')).map((s) => s.name)).toEqual(['甲', '乙']);
    expect(r.subjects.filter((s) => s.designations.length > 0).map((s) => s.name)).toEqual(['癸']);
    expect(r.findings.some((f) => f.code === 'DESIGNATION_UNSETTLED')).toBe(false);
    expect(r.subjects.find((s) => s.name === '癸')!.reasons.join('\n')).toContain('列入「动态调整」：共 8 人，本人排第 8 名，在末位 10% 之内（8 人的 10% 为 0.8，四舍五入为 1 人）');
  });
});
