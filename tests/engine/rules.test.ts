/**
 * Cross-cutting rules (DOMAIN.md): quotas with ties at the boundary flagged not broken, competition
 * ranking, designations of the lowest-ranked, abstentions in or out of the denominator, veto effects,
 * rectification deadlines.
 */
import { runCampaign } from '../../src/core/engine';
import { getPreset } from '../../src/core/presets';
import { RosterEntry } from '../../src/core/roster/roster';
import { Scheme } from '../../src/core/scheme/scheme-schema';
import { loadScheme } from '../../src/core/scheme/load-scheme';
import { matrixSheet, scoreSheet, submission } from '../helpers/grids';
import { describeRanking } from '../../src/core/output/describe-ranking';
import { describeScores, describeVotes } from '../../src/core/output/describe-statistics';
import { summaryText } from '../../src/cli/summary';
import { decimalFormat } from '../../src/core/output/sheet-description';

const NAMES = ['甲一', '乙二', '丙三', '丁四', '戊五', '己六', '庚七', '辛八', '壬九', '癸十'];

/** One cadre and one staff ballot giving each subject the same score: the subject's score is that number. */
function scored(scheme: Scheme, scores: number[], roster = NAMES.map((name) => ({ name }))) {
  const sheet = (group: string) =>
    scoreSheet('表', { fields: [`测评人类别：${group}`], items: ['测评得分'], rows: roster.map((p, k) => ({ name: p.name, scores: [scores[k]] })) });
  return runCampaign({ scheme, roster, submissions: [submission('c.xlsx', sheet('干部')), submission('s.xlsx', sheet('员工'))], today: '2026-12-01' });
}

function withQuota(share: number): Scheme {
  const s = structuredClone(getPreset('p4-middle-managers'));
  s.quotas = [{ tiers: ['优秀'], kind: 'max', share, rounding: 'floor', cite: '测试名额' }];
  s.designations = [];
  return loadScheme(s);
}

describe('quota (名额)', () => {
  it('keeps the best within 20% and moves the rest down one tier, saying why', () => {
    // 20% of 10 = 2 places; four subjects score 85 or more.
    const r = scored(withQuota(20), [95, 90, 88, 86, 80, 70, 70, 60, 60, 50]);
    expect(r.subjects.slice(0, 4).map((s) => s.tier)).toEqual(['优秀', '优秀', '称职', '称职']);
    expect(r.subjects[2].flags).toContain('超出名额');
    expect(r.subjects[2].reasons.join('')).toContain('向下取整为 2 人');
  });

  it('flags a tie across the boundary for the committee instead of breaking it', () => {
    // Places 2 and 3 tie at 90: neither is decided; place 1 keeps 优秀, place 4 moves down.
    const r = scored(withQuota(20), [95, 90, 90, 86, 80, 70, 70, 60, 60, 50]);
    expect(r.subjects.slice(0, 4).map((s) => s.tier)).toEqual(['优秀', null, null, '称职']);
    expect(r.subjects[1].flags).toContain('名额并列');
    expect(r.findings.filter((f) => f.code === 'QUOTA_TIE').map((f) => f.subject)).toEqual(['乙二', '丙三']);
  });

  it('a tie entirely inside the quota is no problem', () => {
    const r = scored(withQuota(30), [95, 90, 90, 86, 80, 70, 70, 60, 60, 50]);
    expect(r.subjects.slice(0, 4).map((s) => s.tier)).toEqual(['优秀', '优秀', '优秀', '称职']);
    expect(r.findings.some((f) => f.code === 'QUOTA_TIE')).toBe(false);
  });
});

describe('figures shown so that they never contradict the tier (comparisons stay exact)', () => {
  it('84.9976 is not shown 85.00 beside an 优秀 of 85: 84.998, and the reason names the rule above that failed', () => {
    // 乙二 scores 84.9976 from both groups: mean 84.9976 < 85 → 称职. Rounded to 2 places it would read 85.00 (= 85, the
    // wrong side); 3 places give 84.998 < 85. 甲一 (exactly 85 → 优秀) next to it is shown 85.000 so the two differ.
    const r = scored(getPreset('p4-middle-managers'), [85, 84.9976, 80], NAMES.slice(0, 3).map((name) => ({ name })));
    const [a, b, c] = r.subjects;
    expect([a.tier, b.tier, c.tier]).toEqual(['优秀', '称职', '称职']);
    expect([a.scoreText, b.scoreText, c.scoreText]).toEqual(['85.000', '84.998', '80.00']);
    expect(b.reasons[0]).toMatch(/^定为「称职」：得分 84\.998，符合「得分75分以上（含）」（.*）；未达「优秀」：得分 84\.998，不符合「得分85分以上（含）」$/);
    // 80 is far from every threshold and neighbour: the scheme's 2 places; the rule above is still named.
    expect(c.reasons[0]).toContain('；未达「优秀」：得分 80.00，不符合「得分85分以上（含）」');
    const ranking = describeRanking(r);
    const row = ranking.cells.find((x) => x[1].value === '乙二')!;
    const score = row.find((x) => x.text === '84.998')!;
    expect(score.numberFormat).toBe(decimalFormat(3));
    // 得分情况's group means take the places of the score they make up, so the committee can recompute it.
    const stats = describeScores(r)!.cells.filter((x) => x[1].value === '乙二').map((x) => x[3].text);
    expect(stats).toEqual(['84.998', '84.998']);
  });

  it('89.9975 and 90 across a quota cut are told apart (89.998 / 90.000), in the figures and in the reason', () => {
    // 20% of 10 = 2 places: 甲一 95 and 乙二 90 keep 优秀; 丙三 89.9975 (≥ 85) is the third and moves down.
    const r = scored(withQuota(20), [95, 90, 89.9975, 80, 70, 70, 60, 60, 60, 50]);
    const [, yi, bing] = r.subjects;
    expect([yi.tier, bing.tier]).toEqual(['优秀', '称职']);
    expect([yi.scoreText, bing.scoreText]).toEqual(['90.000', '89.998']);
    expect(bing.reasons.join('')).toContain('超出名额（名额内最后一位得分 90.000，本人 89.998），由「优秀」改为「称职」');
  });
});

describe('namesakes (重名) are told apart wherever a name stands without its unit', () => {
  it('统计表, the summary\'s reasons and 整改清单 lines write 王伟（营业部） and 王伟（科技部）', () => {
    const roster = [
      { name: '王伟', unit: '营业部' },
      { name: '王伟', unit: '科技部' },
      { name: '李娜', unit: '科技部' },
    ];
    // Ballots name each namesake with the unit, as the templates print them; scores 90 / 60 / 80 from both groups.
    const sheet = (group: string) =>
      scoreSheet('表', { fields: [`测评人类别：${group}`], items: ['测评得分'], rows: [{ name: '王伟（营业部）', scores: [90] }, { name: '王伟（科技部）', scores: [60] }, { name: '李娜', scores: [80] }] });
    // A 不称职 with a 30-day 整改 (the preset's own is the 党委's decision, no 整改清单 item), so there is a line to write.
    const scheme = withQuota(100);
    scheme.consequences = [{ tiers: ['不称职'], action: '诫勉谈话，限期整改', rectifyWithinDays: 30, cite: '测试' }];
    const r = runCampaign({ scheme, roster, submissions: [submission('c.xlsx', sheet('干部')), submission('s.xlsx', sheet('员工'))], today: '2026-12-01' });
    expect(r.subjects.map((x) => [x.label, x.tier])).toEqual([
      ['王伟（营业部）', '优秀'],
      ['王伟（科技部）', '不称职'],
      ['李娜', '称职'],
    ]);
    const text = summaryText(r);
    expect(text).toContain('\n  王伟（营业部）：定为「优秀」');
    expect(text).toContain('\n  王伟（科技部）：定为「不称职」');
    expect(text).toContain('\n  李娜：定为「称职」');
    // 60 < 65 → 不称职 → 限期整改: one 整改清单 line, for the 科技部 one.
    expect(text).toMatch(/\n {2}王伟（科技部）：诫勉谈话，限期整改，期限 2026-12-31/);
    expect(r.rectification.map((x) => x.label)).toEqual(['王伟（科技部）']);
  });

  it('得票情况 (no unit column) names each 李明 with the community', () => {
    const roster = [
      { name: '李明', unit: '荣兴社区' },
      { name: '李明', unit: '新华社区' },
    ];
    // 3 ballots: 荣兴 李明 all 不合格 (3/3 = 100%), 新华 李明 all 合格 (3/3).
    const ballots = [0, 1, 2].map((i) =>
      submission(`${i}.xlsx`, matrixSheet('表', { fields: [`票号：${i}`], levels: ['合格', '不合格'], rows: [{ name: '李明（荣兴社区）', marks: [1] }, { name: '李明（新华社区）', marks: [0] }] })),
    );
    const r = runCampaign({ scheme: getPreset('p3-community-consecutive'), roster, submissions: ballots, today: '2026-12-01' });
    const stats = describeVotes(r)!.cells.map((row) => row.map((c) => c.text ?? c.value));
    const head = stats.findIndex((row) => row[0] === '序号');
    // 姓名, 合格票数, 不合格票数 (after 有效票数, 弃权, 无效).
    expect(stats.slice(head + 1, head + 3).map((row) => [row[1], row[5], row[7]])).toEqual([
      ['李明（荣兴社区）', '0', '3'],
      ['李明（新华社区）', '3', '0'],
    ]);
  });
});

describe('得分情况 for score sheets: the group means and counts each score is made of', () => {
  it('lists per subject and group 平均分, 有效评分, 弃权, 无效, and the score on the first row, its header repeated on every page', () => {
    const sheet = (group: string, i: number, jia: number | null, yi: number) =>
      submission(`${group}${i}.xlsx`, scoreSheet('表', { fields: [`测评人类别：${group}`], items: ['测评得分'], rows: [{ name: '甲一', scores: [jia] }, { name: '乙二', scores: [yi] }] }));
    // 甲一: 干部 90, 80 → 85; 员工 70, 80, blank (弃权) → 75; score 85×50% + 75×50% = 80.
    // 乙二: 干部 60, 70 → 65; 员工 105 (out of range: 无效), 80, 90 → 85; score 65×50% + 85×50% = 75.
    const subs = [sheet('干部', 1, 90, 60), sheet('干部', 2, 80, 70), sheet('员工', 1, 70, 105), sheet('员工', 2, 80, 80), sheet('员工', 3, null, 90)];
    const r = runCampaign({ scheme: getPreset('p4-middle-managers'), roster: [{ name: '甲一' }, { name: '乙二' }], submissions: subs, today: '2026-12-01' });
    const scores = describeScores(r)!;
    const cells = scores.cells.map((row) => row.map((c) => c.text ?? c.value));
    const section = 0;
    expect(cells[0][0]).toBe('2026年度中层干部述职考核得分情况'); // today 2026-12-01: 2026年度
    expect(scores.print.repeatRows).toEqual({ from: 0, to: 1 });
    expect(cells[section + 1].slice(0, 8)).toEqual(['序号', '姓名', '测评人类别', '平均分', '有效评分', '弃权', '无效', '得分']);
    expect(cells.slice(section + 2, section + 6).map((row) => row.slice(0, 8))).toEqual([
      ['1', '乙二', '干部', '65.00', '2', '0', '0', '75.00'],
      ['', '乙二', '员工', '85.00', '2', '0', '1', ''],
      ['2', '甲一', '干部', '85.00', '2', '0', '0', '80.00'],
      ['', '甲一', '员工', '75.00', '2', '1', '0', ''],
    ]);
    expect(String(cells[section + 6][0])).toContain('得分＝干部平均分×50%＋员工平均分×50%；');
  });
});

describe('quota of the members (本支部党员人数), when the roster lists only candidates', () => {
  it('uses the scheme\'s memberCount, and says so when it is missing', () => {
    const s = structuredClone(withQuota(20));
    s.quotas[0].of = 'members';
    s.memberCount = 20; // 20% of 20 members = 4 places for the 10 candidates
    const r = scored(loadScheme(s), [95, 90, 88, 86, 85, 70, 70, 60, 60, 50]);
    expect(r.subjects.slice(0, 5).map((x) => x.tier)).toEqual(['优秀', '优秀', '优秀', '优秀', '称职']);
    delete s.memberCount;
    const r2 = scored(loadScheme(s), [95, 90, 88, 86, 85, 70, 70, 60, 60, 50]);
    expect(r2.subjects.filter((x) => x.tier === '优秀')).toHaveLength(2);
    expect(r2.findings.some((f) => f.code === 'QUOTA_BASE_ASSUMED')).toBe(true);
  });
});

describe('ranking', () => {
  it('is competition ranking: 1, 2, 2, 4', () => {
    const r = scored(withQuota(100), [95, 90, 90, 86, 80, 70, 70, 60, 60, 50]);
    expect(r.subjects.map((s) => s.rank)).toEqual([1, 2, 2, 4, 5, 6, 6, 8, 8, 10]);
  });
});

describe('designations (末位 重点管理 / 动态调整)', () => {
  it('marks the lowest 10% (about: rounded) and flags a tie at the boundary', () => {
    const s = getPreset('p4-middle-managers');
    const clear = scored(s, [95, 90, 90, 86, 80, 70, 70, 60, 60, 50]);
    expect(clear.subjects.filter((x) => x.designations.includes('动态调整')).map((x) => x.name)).toEqual(['癸十']);
    const tied = scored(s, [95, 90, 90, 86, 80, 70, 70, 60, 50, 50]);
    expect(tied.subjects.filter((x) => x.designations.length > 0)).toEqual([]);
    expect(tied.subjects.filter((x) => x.flags.includes('动态调整并列')).map((x) => x.name)).toEqual(['壬九', '癸十']);
    // 10% of 10 is exactly 1 place, and the two 50s share 9th: each is told who with and the count.
    const renjiu = tied.subjects.find((x) => x.name === '壬九')!;
    expect(renjiu.reasons).toContain(`「动态调整」为排名末位 10%（共 10 人，10 人的 10% 为 1 人），本人与癸十并列第 9 名，需评议委员会决定（${s.designations[0].cite}）`);
    expect(tied.findings.find((f) => f.code === 'QUOTA_TIE' && f.subject === '壬九')!.message).toBe('「壬九」在「动态调整」名额边界处与癸十并列第 9 名，需评议委员会决定');
  });
});

describe('exact thresholds', () => {
  it('84.99 is not 85, 85 is', () => {
    const r = scored(getPreset('p4-middle-managers'), [84.99, 85, 75, 74.9999, 65, 64.99, 0, 100, 50, 50]);
    expect(r.subjects.map((s) => s.tier).slice(0, 6)).toEqual(['称职', '优秀', '称职', '基本称职', '基本称职', '不称职']);
  });
});

describe('abstentions and the denominator', () => {
  const LEVELS = ['优秀', '称职', '基本称职', '不称职'];
  const roster = [{ name: '甲一' }, { name: '乙二' }];
  /** 10 ballots per round: 7 优秀 for 甲一 and 3 blank (弃权). */
  function sheets() {
    return ['村评', '镇评'].flatMap((round) =>
      Array.from({ length: 10 }, (_, i) =>
        submission(`${round}${i}.xlsx`, matrixSheet('表', { fields: [`轮次：${round}`, `票号：${i}`], levels: LEVELS, rows: [{ name: '甲一', marks: [i < 7 ? 0 : -1] }, { name: '乙二', marks: [1] }] })),
      ),
    );
  }
  it('by default blanks are not in the denominator: 7/7 = 100% 优秀', () => {
    const r = runCampaign({ scheme: getPreset('p3-village-two-rounds'), roster, submissions: sheets() });
    expect(r.subjects[0].tier).toBe('优秀');
    expect(r.findings.filter((f) => f.code === 'ABSTENTION')).toHaveLength(6);
  });
  it('with the setting on they are: 7/10 = 70% still meets 70%以上; 6/10 would not', () => {
    const s = structuredClone(getPreset('p3-village-two-rounds'));
    s.counting.abstentionsInDenominator = true;
    const r = runCampaign({ scheme: s, roster, submissions: sheets() });
    expect(r.subjects[0].tier).toBe('优秀');
    expect(r.subjects[0].reasons[0]).toContain('7/10 = 70.00%');
    const fewer = sheets().map((sub, i) => (i % 10 === 6 ? { ...sub, sheets: [matrixSheet('表', { fields: [`轮次：${i < 10 ? '村评' : '镇评'}`, `票号：${i}`], levels: LEVELS, rows: [{ name: '甲一', marks: [-1] }, { name: '乙二', marks: [1] }] })] } : sub));
    const r2 = runCampaign({ scheme: s, roster, submissions: fewer });
    expect(r2.subjects[0].tier).not.toBe('优秀');
  });
});

describe('share rules are worked out per scheme', () => {
  it('a copy of a scheme with other levels in the same rule objects is judged by its own levels', () => {
    // The engine keeps what it works out from a scheme per scheme object; a copy that shares the rule
    // objects but has different scales must not be judged with the first scheme's level sets.
    const LEVELS = ['优秀', '称职', '基本称职', '不称职'];
    const base = getPreset('p3-village-two-rounds');
    const sheets = ['村评', '镇评'].flatMap((round) =>
      Array.from({ length: 10 }, (_, i) =>
        submission(`${round}${i}.xlsx`, matrixSheet('表', { fields: [`轮次：${round}`, `票号：${i}`], levels: LEVELS, rows: [{ name: '甲一', marks: [0] }, { name: '乙二', marks: [1] }] })),
      ),
    );
    const roster = [{ name: '甲一' }, { name: '乙二' }];
    expect(runCampaign({ scheme: base, roster, submissions: sheets }).subjects[0].tier).toBe('优秀');
    // Same rule objects, but the scale's first level renamed: no 「优秀」 level is left for the rule to count.
    const renamed: Scheme = { ...base, scales: base.scales.map((sc) => ({ ...sc, levels: sc.levels.map((l, i) => (i === 0 ? { ...l, label: '很好', aliases: [] } : l)) })) };
    const r = runCampaign({ scheme: renamed, roster, submissions: sheets.map((sub) => ({ ...sub, sheets: sub.sheets.map((sh) => ({ ...sh, rows: sh.rows.map((row) => row.map((v) => (v === '优秀' ? '很好' : v))) })) })) });
    expect(r.subjects[0].tier).not.toBe('优秀');
    // And the first scheme still reads as before.
    expect(runCampaign({ scheme: base, roster, submissions: sheets }).subjects[0].tier).toBe('优秀');
  });
});

describe('veto effects', () => {
  it('cap keeps a lower tier and lowers a higher one', () => {
    const s = structuredClone(getPreset('p4-middle-managers'));
    s.vetoes = [{ id: 'cap', name: '受到处分', when: [{ kind: 'roster-flag', field: '处分' }], effect: { kind: 'cap', tier: '称职' }, cite: '测试' }];
    s.designations = [];
    const roster = NAMES.slice(0, 3).map((name) => ({ name, flags: { 处分: '警告' } }));
    const r = scored(loadScheme(s), [90, 80, 70], roster);
    expect(r.subjects.map((x) => x.tier)).toEqual(['称职', '称职', '基本称职']);
    expect(r.subjects.every((x) => x.flags.includes('一票否决'))).toBe(true);
  });

  it('a note changes no tier and is not called 一票否决: its own flag (需关注 unless the scheme names one), reason and 整改清单 wording', () => {
    const s = structuredClone(getPreset('p4-middle-managers'));
    s.vetoes = [{ id: 'talk', name: '群众反映较多', when: [{ kind: 'roster-flag', field: '反映' }], effect: { kind: 'note', text: '约谈提醒' }, cite: '测试' }];
    s.consequences = [{ veto: 'talk', action: '约谈提醒', rectifyWithinDays: 10, cite: '测试' }];
    s.designations = [];
    const roster = [{ name: NAMES[0], flags: { 反映: '有' } }];
    const r = scored(loadScheme(s), [90], roster);
    const x = r.subjects[0];
    // 90 ≥ 85 → 优秀, kept: a note never moves the tier.
    expect(x.tier).toBe('优秀');
    expect(x.flags).toEqual(['需关注']);
    expect(x.placedByVeto).toBeNull();
    expect(x.reasons).toContain('「群众反映较多」：名册「反映」：有，约谈提醒（测试）');
    expect(x.reasons.join('')).not.toContain('一票否决');
    // The note is the problem; 优秀, to which the scheme attaches nothing, is not one.
    expect(r.rectification[0].problem).toBe('群众反映较多（名册「反映」：有）');
    // The scheme's own word for the flag, when it gives one.
    (s.vetoes[0].effect as { flag?: string }).flag = '需约谈';
    expect(scored(loadScheme(s), [90], roster).subjects[0].flags).toEqual(['需约谈']);
  });
});

describe('roster flags', () => {
  it('a rule on a flag named like a built-in property only sees the roster\'s own column', () => {
    // Without an own "constructor" column every subject would inherit Object's constructor (a function).
    const s = structuredClone(getPreset('p4-middle-managers'));
    s.vetoes = [{ id: 'x', name: '标记', when: [{ kind: 'roster-flag', field: 'constructor' }], effect: { kind: 'cap', tier: '称职' }, cite: '测试' }];
    s.designations = [];
    const roster: RosterEntry[] = [{ name: NAMES[0], flags: { constructor: '是' } }, { name: NAMES[1] }, { name: NAMES[2], flags: {} }];
    const r = scored(loadScheme(s), [90, 90, 90], roster);
    expect(r.subjects.map((x) => x.tier)).toEqual(['称职', '优秀', '优秀']);
    expect(r.subjects[0].vetoes[0].text).toBe('名册「constructor」：是');
  });
});

describe('rectification', () => {
  it('one row per consequence with a deadline, blank measures and 整改中', () => {
    const scheme = structuredClone(getPreset('p4-middle-managers'));
    scheme.consequences = [{ tiers: ['不称职'], action: '约谈提醒、限期整改', rectifyWithinDays: 30, cite: '测试' }];
    const r = scored(scheme, [90, 80, 70, 60, 60, 60, 60, 60, 60, 50]);
    const rows = r.rectification;
    expect(rows.map((x) => x.subject)).toEqual(['丁四', '戊五', '己六', '庚七', '辛八', '壬九', '癸十']);
    expect(rows[0]).toMatchObject({ responsible: '丁四', measures: '', status: '整改中', deadline: '2026-12-31' });
    expect(rows[0].problem).toContain('不称职');
  });

  it('none for a consequence without a deadline: p4 篇六\'s 不称职 is the 党委\'s decision on the post (三、(六)), said in the reasons', () => {
    const r = scored(getPreset('p4-middle-managers'), [90, 80, 70, 60, 60, 60, 60, 60, 60, 50]);
    expect(r.rectification).toEqual([]);
    expect(r.subjects[3].tier).toBe('不称职');
    expect(r.subjects[3].reasons.some((t) => t.startsWith('结果运用：由支行党委合议决定缓聘、解聘或调整岗位'))).toBe(true);
  });
});
