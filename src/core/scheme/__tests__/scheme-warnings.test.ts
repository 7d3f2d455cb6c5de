/**
 * Values a scheme may have but that are probably slips (0.7 for 70%, 0.85 on a 0–100 form, weights 60/50):
 * warned about, never refused, and never for a preset. Expected texts are written by hand; the shares of
 * 60/50 are 60/110 = 54.5454…% and 50/110 = 45.4545…%.
 */
import { PRESETS, getPreset } from '../../presets';
import { loadScheme } from '../load-scheme';
import { memberCountWarnings, schemeWarnings } from '../scheme-warnings';
import { runCampaign } from '../../engine';

const edited = (id: string, edit: (s: Record<string, any>) => void) => {
  const s = structuredClone(getPreset(id)) as Record<string, any>;
  edit(s);
  // Legal values: the scheme loads.
  return loadScheme(s);
};

describe('schemeWarnings', () => {
  it('gives none for any preset', () => {
    for (const p of PRESETS) expect([p.id, schemeWarnings(p)]).toEqual([p.id, []]);
  });

  it('a share threshold written as a fraction (0.7 for 70%), and exactly 1', () => {
    const s = edited('p3-village-two-rounds', (x) => {
      x.classification.rules[0].when[0].value = 0.7;
      x.classification.rules[1].when[0].value = '1';
    });
    expect(schemeWarnings(s)).toEqual([
      '第 1 条等次规则（优秀）的第 1 个条件的得票率（classification.rules[0].when[0].value）是 0.7，即 0.7%：是否应为 70（即 70%）？百分比按“70 表示 70%”书写；现按 0.7% 计算',
      '第 2 条等次规则（称职）的第 1 个条件的得票率（classification.rules[1].when[0].value）是 1，即 1%：是否应为 100（即 100%）？百分比按“70 表示 70%”书写；现按 1% 计算',
    ]);
  });

  it('a share of 0, or above 1, is taken as meant', () => {
    const s = edited('p3-village-two-rounds', (x) => {
      // 超过 0%: 0%以上 always holds, which is another warning (below).
      x.classification.rules[0].when[0].op = '>';
      x.classification.rules[0].when[0].value = 0;
      x.classification.rules[1].when[0].value = 1.5;
    });
    expect(schemeWarnings(s)).toEqual([]);
  });

  it('a quota and a designation written as fractions', () => {
    const s = edited('p4-middle-managers', (x) => {
      x.quotas = [{ tiers: ['优秀'], kind: 'max', share: 0.2, rounding: 'floor', cite: '名额' }];
      x.designations[0].share = '0.1';
    });
    expect(schemeWarnings(s)).toEqual([
      '第 1 个名额规定的比例（quotas[0].share）是 0.2，即 0.2%：是否应为 20（即 20%）？百分比按“70 表示 70%”书写；现按 0.2% 计算',
      '比例认定「动态调整」的比例（designations[0].share）是 0.1，即 0.1%：是否应为 10（即 10%）？百分比按“70 表示 70%”书写；现按 0.1% 计算',
    ]);
  });

  it('a score threshold of 0.85 on a 0–100 form, one below the lowest score and one above the highest', () => {
    const s = edited('p4-middle-managers', (x) => {
      x.classification.rules[0].when[0].value = 0.85;
      x.classification.rules[1].when[0].value = -5;
      x.classification.rules[2].when[0].value = '650';
    });
    const rule = (n: number, tier: string) => `第 ${n} 条等次规则（${tier}）的第 1 个条件的分数线（classification.rules[${n - 1}].when[0].value）`;
    expect(schemeWarnings(s)).toEqual([
      `${rule(1, '优秀')}是 0.85，而得分在 0 到 100 分之间：是否应为 85？按 0.85 分计，几乎所有人都在分数线的同一边`,
      `${rule(2, '称职')}是 -5，而得分在 0 到 100 分之间：是否写错了？按 -5 分计，所有人都在分数线的同一边`,
      `${rule(3, '基本称职')}是 650，而得分在 0 到 100 分之间：是否写错了？没有人能得到这么高的分`,
      // And out of order: 称职 at -5 before 基本称职 at 650.
      '第 2 条等次规则（称职）的第 1 个条件（classification.rules[1].when[0]）：「称职」的分数线 -5 低于「基本称职」的 650，达到 650 分的人已先定为「称职」，「基本称职」无人能达到：是否写反了？',
    ]);
  });

  it('a points scheme: the range is the points of the scale (60 to 90 for p4-secretary-appraisal)', () => {
    const s = edited('p4-secretary-appraisal', (x) => {
      x.classification.rules[0].when[0].value = 0.85;
      x.classification.rules[1].when[0].value = 55;
    });
    expect(schemeWarnings(s)).toEqual([
      '第 1 条等次规则（好）的第 1 个条件的分数线（classification.rules[0].when[0].value）是 0.85，而得分在 60 到 90 分之间：是否应为 85？按 0.85 分计，几乎所有人都在分数线的同一边',
      '第 2 条等次规则（较好）的第 1 个条件的分数线（classification.rules[1].when[0].value）是 55，而得分在 60 到 90 分之间：是否写错了？按 55 分计，所有人都在分数线的同一边',
      // And out of order: 好 0.85 < 较好 55 < 一般 65.
      '第 1 条等次规则（好）的第 1 个条件（classification.rules[0].when[0]）：「好」的分数线 0.85 低于「较好」的 55，达到 55 分的人已先定为「好」，「较好」无人能达到：是否写反了？',
      '第 2 条等次规则（较好）的第 1 个条件（classification.rules[1].when[0]）：「较好」的分数线 55 低于「一般」的 65，达到 65 分的人已先定为「较好」，「一般」无人能达到：是否写反了？',
    ]);
  });

  it('weights that do not add up to 100, with the shares they come to', () => {
    const s = edited('p4-middle-managers', (x) => {
      x.raterGroups[0].weight = 60;
      x.raterGroups[1].weight = 50;
    });
    expect(schemeWarnings(s)).toEqual([
      '评议人类别（raterGroups）的权重为 干部 60、员工 50，合计 110，不是 100：将按比例折算为 干部 54.55%、员工 45.45%；如不是本意，请改正权重',
    ]);
  });

  it('weights that say what they mean (equal, adding up to 100 or to 1), or that nothing uses, are not warned about', () => {
    for (const weights of [[1, 1], [0.5, 0.5], [70, 30], [0.6, 0.4], [100, 0]]) {
      const s = edited('p4-middle-managers', (x) => x.raterGroups.forEach((g: { weight: number }, i: number) => (g.weight = weights[i])));
      expect([weights, schemeWarnings(s)]).toEqual([weights, []]);
    }
    // P1 combines its groups' shares by weight; p5 counts its groups together, so its weights are not used.
    const p1 = edited('p1-double-pledge', (x) => (x.raterGroups[0].weight = 60));
    expect(schemeWarnings(p1)).toHaveLength(1);
    const p5 = edited('p5-party-members', (x) => (x.raterGroups[0].weight = 60));
    expect(schemeWarnings(p5)).toEqual([]);
  });
});

describe('score tier lines out of order (the tool\'s exploratory test: 称职 at 90 after 优秀 at 85; 优秀 set to 以下（含）)', () => {
  const rule = (n: number, tier: string) => `第 ${n} 条等次规则（${tier}）的第 1 个条件`;

  it('a worse tier asking for a higher score than the better one before it', () => {
    const s = edited('p4-middle-managers', (x) => {
      x.classification.rules[1].when[0].value = 90;
    });
    expect(schemeWarnings(s)).toEqual([
      `${rule(1, '优秀')}（classification.rules[0].when[0]）：「优秀」的分数线 85 低于「称职」的 90，达到 90 分的人已先定为「优秀」，「称职」无人能达到：是否写反了？`,
    ]);
  });

  it('the best tier asking for a score at most its line while the next asks for at least one', () => {
    const s = edited('p4-middle-managers', (x) => {
      x.classification.rules[0].when[0].op = '<=';
    });
    expect(schemeWarnings(s)).toEqual([
      `${rule(1, '优秀')}（classification.rules[0].when[0]）是「优秀」要求得分85 分以下（含），而较低的「称职」要求分数更高：是否选错了比较方式（应为“以上（含）”）？`,
    ]);
  });
});

describe('考核年度 and 结果公布日期 that cannot both be right', () => {
  it('results published before the year they are for, or two years after it, are doubted; the year itself or the next (次年1月) are not', () => {
    const s = structuredClone(getPreset('p4-middle-managers'));
    const said = '考核年度 2026 与结果公布日期 DATE 不相符（结果一般在本年度年底或次年公布），请核实其中一项；标题按考核年度写作“2026年度”，整改期限从结果公布日期起算';
    for (const [date, doubted] of [['2026-12-20', false], ['2027-01-08', false], ['2027-12-31', false], ['2025-12-20', true], ['2028-01-05', true]] as const)
      expect([date, schemeWarnings({ ...s, year: 2026, resultsDate: date })]).toEqual([date, doubted ? [said.replace('DATE', date)] : []]);
    // One of the two alone says nothing.
    expect(schemeWarnings({ ...s, year: 2026 })).toEqual([]);
  });
});

describe('loadScheme refuses what cannot be meant', () => {
  it('a results date that is no day (2026-02-30), and two rater groups of one name', () => {
    const s = structuredClone(getPreset('p4-middle-managers')) as Record<string, any>;
    s.resultsDate = '2026-02-30';
    s.raterGroups[1].name = s.raterGroups[0].name;
    expect(() => loadScheme(s)).toThrow(/「2026-02-30」不是有效的日期/);
    expect(() => loadScheme(s)).toThrow(/名称「干部」重复/);
  });
});

// Legal one by one, contradictory together (the exploratory test of schemes, item 10: v11, v12, v13, v28, v35, c10).
// The texts are written by hand from what the scheme says.
describe('rules that contradict each other or can never act', () => {
  const secretary = (edit: (s: Record<string, any>) => void) => edited('p4-secretary-appraisal', edit);

  it('a maximum and a minimum on one tier that cannot both hold (好 ≤ 20%, 好 ≥ 30%)', () => {
    const s = secretary((x) => {
      x.quotas = [
        { tiers: ['好'], kind: 'max', share: 20, rounding: 'floor', cite: '好不超过20%' },
        { tiers: ['好'], kind: 'min', share: 30, rounding: 'ceil', cite: '好不少于30%' },
      ];
    });
    expect(schemeWarnings(s)).toEqual([
      '第 1 个名额规定（quotas[0]）规定「好」不超过 20%，而第 2 个名额规定（quotas[1]）规定「好」不少于 30%：两者不能同时满足，是否写错了？',
    ]);
  });

  it('minimums on separate tiers adding up to more than everyone; overlapping ones can both hold', () => {
    const apart = secretary((x) => {
      x.quotas = [
        { tiers: ['较好'], kind: 'min', share: 60, rounding: 'ceil', cite: 'x' },
        { tiers: ['一般', '差'], kind: 'min', share: '1/2', rounding: 'ceil', cite: 'y' },
      ];
    });
    expect(schemeWarnings(apart)).toEqual([
      '第 1 个名额规定（quotas[0]）要求「较好」不少于 60%，第 2 个名额规定（quotas[1]）要求「一般」「差」不少于 1/2：合计超过全部人数，不能同时满足，是否写错了？',
    ]);
    // 较好、一般、差 ≥ 80% and 好、较好 ≥ 50%: everyone 较好 meets both.
    const overlapping = secretary((x) => {
      x.quotas = [
        { tiers: ['较好', '一般', '差'], kind: 'min', share: 80, rounding: 'ceil', cite: 'x' },
        { tiers: ['好', '较好'], kind: 'min', share: 50, rounding: 'ceil', cite: 'y' },
      ];
    });
    expect(schemeWarnings(overlapping)).toEqual([]);
  });

  it('a 不得评优 cap to the best tier', () => {
    const s = secretary((x) => (x.vetoes[0].effect = { kind: 'cap', tier: '好' }));
    expect(schemeWarnings(s)).toEqual([
      '一票否决「现场测评“一般”“差”票超过10%」的处理的等次（vetoes[0].effect.tier）是最高等次「好」：“最高只能评为「好」”不会改变任何人的等次，这条一票否决不起作用；是否应为下一等次「较好」？',
    ]);
  });

  it('a share condition that can never hold (超过100%) or always holds (0%以上)', () => {
    const s = secretary((x) => (x.vetoes[0].when[0].value = 100));
    expect(schemeWarnings(s)).toEqual([
      '一票否决「现场测评“一般”“差”票超过10%」的第 1 个条件（vetoes[0].when[0]）是「得票率超过100%」：得票率不可能如此，这条一票否决永远不会触发；是否写错了？',
    ]);
    const t = edited('p3-community-consecutive', (x) => (x.classification.rules[0].when[0] = { kind: 'share', levels: ['不合格'], op: '>=', value: 0 }));
    expect(schemeWarnings(t)).toEqual([
      '第 1 条等次规则（不合格）的第 1 个条件（classification.rules[0].when[0]）是「得票率0%以上（含）」：得票率总是如此，凡有有效票的人都符合这个条件；是否写错了？',
    ]);
  });

  it('a tier no rule gives (较好 without its rule)', () => {
    const s = secretary((x) => (x.classification.rules = x.classification.rules.filter((r: { tier: string }) => r.tier !== '较好')));
    expect(schemeWarnings(s)).toEqual([
      '第 2 个等次（tiers[1]）「较好」：没有哪条等次规则给出这一等次，没有人会被定为「较好」；是否漏写了规则（classification.rules）？',
    ]);
    // A tier only a maximum leads to (the rest of 好 moved down) is given.
    const quota = secretary((x) => {
      x.classification.rules = x.classification.rules.filter((r: { tier: string }) => r.tier !== '较好');
      x.quotas = [{ tiers: ['好'], kind: 'max', share: 20, rounding: 'floor', cite: '好不超过20%' }];
    });
    expect(schemeWarnings(quota)).toEqual([]);
  });

  it('scores between the rules that fit none: exactly 60 (超过60分 / 不满60分), and 80 to 85; a rule no score meets', () => {
    const ranges = (rules: { tier: string; when: { op: string; value: number }[] }[]) =>
      secretary((x) => {
        x.classification.rules = rules.map((r) => ({ tier: r.tier, when: r.when.map((c) => ({ kind: 'score', ...c })), cite: '分数段' }));
        x.classification.otherwise = { kind: 'flag' };
        x.vetoes = [];
        x.quotas = [];
      });
    const c10 = ranges([
      { tier: '好', when: [{ op: '>=', value: 80 }] },
      { tier: '较好', when: [{ op: '>', value: 60 }, { op: '<', value: 80 }] },
      { tier: '一般', when: [{ op: '>=', value: 70 }, { op: '<', value: 70 }] },
      { tier: '差', when: [{ op: '<', value: 60 }] },
    ]);
    expect(schemeWarnings(c10)).toEqual([
      '第 3 条等次规则（一般）的条件（classification.rules[2].when）：分数条件不可能同时满足，没有人会因这条规则定为「一般」；是否写错了分数线或比较方式？',
      '定等次的规则（classification.rules）没有包括恰好 60 分：得 60 分的人不符合任何规则，将待定；是否应把一处“超过”或“不满”改为“以上（含）”或“以下（含）”？',
    ]);
    const interval = ranges([
      { tier: '好', when: [{ op: '>=', value: 85 }] },
      { tier: '较好', when: [{ op: '>=', value: 70 }, { op: '<', value: 80 }] },
      { tier: '一般', when: [{ op: '>=', value: 65 }, { op: '<', value: 75 }] },
      { tier: '差', when: [{ op: '<', value: 65 }] },
    ]);
    expect(schemeWarnings(interval)).toEqual([
      '定等次的规则（classification.rules）没有包括 80 分（含）到 85 分（不含）之间的得分：这些人不符合任何规则，将待定；是否漏写了一条规则或写错了分数线？',
    ]);
    // Covered from the bottom up with 以上 lines (the presets' way), and scores above the range are not between rules.
    const covered = ranges([
      { tier: '好', when: [{ op: '>=', value: 85 }] },
      { tier: '较好', when: [{ op: '>=', value: 75 }, { op: '<', value: 85 }] },
      { tier: '一般', when: [{ op: '>=', value: 65 }, { op: '<=', value: 75 }] },
      { tier: '差', when: [{ op: '<', value: 65 }] },
    ]);
    expect(schemeWarnings(covered)).toEqual([]);
  });
});

// The exploratory test's c06: 村评 (8 ballots) and 镇评 (3 ballots) scored on one form by one group were pooled by
// ballot count, (8×70 + 3×95)/11 = 76.82, without a word.
describe('a score form used in two rounds', () => {
  const twoRounds = (edit: (s: Record<string, any>) => void = () => {}) =>
    edited('p4-middle-managers', (x) => {
      x.rounds = [
        { id: 'cun', name: '村评' },
        { id: 'zhen', name: '镇评' },
      ];
      x.raterGroups = [{ id: 'pw', name: '评委', weight: 100 }];
      x.forms[0].raterGroups = undefined;
      edit(x);
    });

  it('pooled by ballot count is said, with the two ways to weigh the rounds', () => {
    const s = twoRounds();
    expect(schemeWarnings(s)).toEqual([
      `测评表「${s.forms[0].title}」（forms[0]）在 2 个轮次（村评、镇评）都用：得分将把各轮的评分合在一起按票数平均，票多的一轮占比大，不是各轮分别计算后加权或相加。` +
        '如要按轮次计算（如村评40%＋镇评60%），可每轮设一个评议人类别并设权重（raterGroups 的 weight），' +
        '或每轮用一张测评表（测评表的 rounds 只写该轮，满分按各轮占比，如 40 分和 60 分）并把各项目合并方式设为相加（scoring.items 为 "sum"）',
    ]);
  });

  it('not said for either way: a weighted group for each round, or a form for each round', () => {
    const groups = twoRounds((x) => {
      x.raterGroups = [
        { id: 'cm', name: '村民代表', weight: 40 },
        { id: 'dw', name: '镇党委', weight: 60 },
      ];
    });
    expect(schemeWarnings(groups)).toEqual([]);
    const forms = twoRounds((x) => {
      const form = x.forms[0];
      x.forms = [
        { ...form, id: 'f1', title: '村评测评表', rounds: ['cun'] },
        { ...form, id: 'f2', title: '镇评测评表', rounds: ['zhen'] },
      ];
      x.scoring.items = 'sum';
    });
    expect(schemeWarnings(forms).filter((w) => w.includes('轮次'))).toEqual([]);
  });
});

// The exploratory test of schemes, 13: --members 5 with 9 members on the roster gave 「不超过 5 人的…（1 人）」 silently.
describe('党员人数 below the people the roster lists', () => {
  const p5 = (members: number) => edited('p5-party-members', (x) => (x.memberCount = members));
  const nine = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬'].map((name) => ({ name }));

  it('is said where a quota counts from it, and in the campaign\'s findings', () => {
    const expected = '党员（成员）人数（memberCount）为 5，少于名册中参加评议的 9 人：「优秀党员」的名额按 5 人计算；党员（成员）人数不会少于名册所列的人，是否写错了（命令行为 --members）？';
    expect(memberCountWarnings(p5(5), nine)).toEqual([expected]);
    const run = runCampaign({ scheme: p5(5), roster: nine, submissions: [], today: '2026-12-01' });
    expect(run.findings.filter((f) => f.code === 'SCHEME_DOUBTFUL_VALUE').map((f) => f.message)).toEqual([expected]);
  });

  it('not when it is at least the roster, nor when each unit counts its own members (per unit, two units)', () => {
    expect(memberCountWarnings(p5(9), nine)).toEqual([]);
    expect(memberCountWarnings(p5(40), nine)).toEqual([]);
    const units = nine.map((p, i) => ({ ...p, unit: i < 5 ? '第一支部' : '第二支部' }));
    expect(memberCountWarnings(p5(5), units)).toEqual([]);
  });

  it('given per unit, is said of the unit whose count is below its people on the roster', () => {
    const units = nine.map((p, i) => ({ ...p, unit: i < 5 ? '第一支部' : '第二支部' }));
    const perUnit = edited('p5-party-members', (x) => (x.memberCount = { 第一支部: 4, 第二支部: 4 }));
    // 第一支部 lists 5 (甲…戊), 第二支部 4 (己…壬): only 第一支部's 4 is too few.
    expect(memberCountWarnings(perUnit, units)).toEqual([
      '党员（成员）人数（memberCount）中「第一支部」为 4，少于名册中该单位参加评议的 5 人：「优秀党员」的名额按 4 人计算；党员（成员）人数不会少于名册所列的人，是否写错了（命令行为 --members 第一支部=人数）？',
    ]);
  });
});
