/**
 * What a tier rule, a quota, a veto and the ranking say and do when they meet: reasons worded by the scheme's tier
 * order whatever order the rules are written in; a lost tier (名额, 不得评优) giving the best tier left whose own rule
 * is met; quotas applied the same way whatever their order in the list; who is ranked and where.
 * Every expected figure is worked out by hand in the comments from the rule text.
 */
import { runCampaign } from '../../src/core/engine';
import { getPreset } from '../../src/core/presets';
import { RosterEntry } from '../../src/core/roster/roster';
import { Scheme } from '../../src/core/scheme/scheme-schema';
import { loadScheme } from '../../src/core/scheme/load-scheme';
import { matrixSheet, scoreSheet, submission } from '../helpers/grids';
import { describeScores } from '../../src/core/output/describe-statistics';

const LEVELS = ['优秀', '合格', '基本合格', '不合格'];

/** 民主评议党员 on one 四等次 form, one rater group; the parts a test changes are passed in. */
function scheme(over: Partial<Scheme>): Scheme {
  return loadScheme({
    schemaVersion: 1,
    id: 'test-members',
    name: '民主评议党员（测试）',
    process: '民主评议党员',
    description: '',
    seed: '测试',
    subjectKind: 'person',
    scales: [{ id: 'q4', name: '四等次', levels: LEVELS.map((label) => ({ label })) }],
    tiers: LEVELS,
    raterGroups: [{ id: 'dy', name: '党员', weight: 100 }],
    rounds: [{ id: 'main', name: '评议' }],
    forms: [{ id: 'f', title: '民主评议党员测评表', subjects: 'rows', items: 'column-groups', itemLabels: ['评议等次'], response: { kind: 'tier', scale: 'q4' }, subjectLabels: ['姓名'] }],
    scoring: { method: 'none', items: 'mean', places: 2 },
    classification: { rules: [], otherwise: { kind: 'flag' } },
    ranking: { by: 'share', share: { levels: ['优秀'] } },
    vetoes: [],
    quotas: [],
    designations: [],
    consequences: [],
    counting: { abstentionsInDenominator: false, invalidInDenominator: false, extraMarks: [], duplicates: 'count' },
    ...over,
  });
}

/** votes: per subject the 10 ballots' levels as counts, e.g. { 优秀: 6, 不合格: 4 }. */
function run(s: Scheme, votes: Record<string, Partial<Record<string, number>>>, roster: RosterEntry[] = Object.keys(votes).map((name) => ({ name }))) {
  const perSubject = Object.fromEntries(Object.entries(votes).map(([name, counts]) => [name, LEVELS.flatMap((l) => new Array(counts[l] ?? 0).fill(LEVELS.indexOf(l)) as number[])]));
  const n = Math.max(...Object.values(perSubject).map((x) => x.length));
  const submissions = Array.from({ length: n }, (_, k) =>
    submission(`票${k}.xlsx`, matrixSheet('表', { fields: [`票号：${k}`], levels: LEVELS, rows: Object.keys(votes).map((name) => ({ name, marks: [perSubject[name][k] ?? -1] })) })),
  );
  const r = runCampaign({ scheme: s, roster, submissions, today: '2026-12-01' });
  const by = (name: string) => r.subjects.find((x) => x.name === name)!;
  return { r, by };
}

const BEST_FIRST_RULES: Scheme['classification']['rules'] = [
  { tier: '优秀', when: [{ kind: 'share', levels: ['优秀'], op: '>', value: 50 }], cite: '优秀票超过50%' },
  { tier: '合格', when: [{ kind: 'share', levels: ['合格'], orBetter: true, op: '>=', value: 70 }], cite: '合格及以上票70%以上' },
  { tier: '基本合格', when: [{ kind: 'share', levels: ['基本合格'], orBetter: true, op: '>=', value: 50 }], cite: '基本合格及以上票50%以上' },
];

describe('reasons follow the tiers\' order, not the order the rules are written in', () => {
  // Written worst-first, as clerks copy 「不称职：…或…」 from their text: 不合格 twice (或), then 优秀; otherwise 合格.
  const worstFirst = scheme({
    classification: {
      rules: [
        { tier: '不合格', when: [{ kind: 'share', levels: ['不合格'], op: '>', value: 30 }], cite: '不合格票超过30%' },
        { tier: '不合格', when: [{ kind: 'share', levels: ['基本合格', '不合格'], op: '>', value: 50 }], cite: '或基本合格和不合格票超过50%' },
        { tier: '优秀', when: [{ kind: 'share', levels: ['优秀'], op: '>', value: 50 }], cite: '优秀票超过50%' },
      ],
      otherwise: { kind: 'tier', tier: '合格' },
    },
  });
  const { by } = run(worstFirst, {
    // 9/10 = 90% 优秀 > 50%; 不合格 0/10 and 基本合格+不合格 0/10 fail.
    甲: { 优秀: 9, 合格: 1 },
    // 不合格 3/10 = 30%, not over 30%; 基本合格+不合格 6/10 = 60% > 50%: 不合格 by the second rule.
    乙: { 合格: 4, 基本合格: 3, 不合格: 3 },
    // 合格 10/10: no rule holds → 合格 (otherwise).
    丙: { 合格: 10 },
  });

  it('an 优秀 is not told it did not reach 不合格, nor a 不合格 that it did not reach 不合格', () => {
    expect(by('甲').tier).toBe('优秀');
    expect(by('甲').reasons[0]).toBe('定为「优秀」：9/10 = 90.00%，符合「『优秀』票得票率超过50%」（优秀票超过50%）');
    expect(by('乙').tier).toBe('不合格');
    expect(by('乙').reasons[0]).toBe('定为「不合格」：6/10 = 60.00%，符合「『基本合格』『不合格』票得票率超过50%」（或基本合格和不合格票超过50%）');
  });

  it('the otherwise tier names the rules it does not meet by tier, not as 更高等次 (不合格 is lower than 合格)', () => {
    expect(by('丙').tier).toBe('合格');
    expect(by('丙').reasons[0]).toBe(
      '定为「合格」：不符合「不合格」「优秀」的条件（「不合格」：0/10 = 0.00%，不符合「『不合格』票得票率超过30%」；「不合格」：0/10 = 0.00%，不符合「『基本合格』『不合格』票得票率超过50%」；「优秀」：0/10 = 0.00%，不符合「『优秀』票得票率超过50%」）',
    );
  });

  it('p3 (不合格 written first, otherwise 合格): 合格 is told 不符合「不合格」的条件', () => {
    // 3 ballots, 甲 合格 on all: 不合格 0/3 = 0%, not over 50%.
    const ballots = [0, 1, 2].map((i) => submission(`${i}.xlsx`, matrixSheet('表', { fields: [`票号：${i}`], levels: ['合格', '不合格'], rows: [{ name: '甲', marks: [0] }] })));
    const r = runCampaign({ scheme: getPreset('p3-community-consecutive'), roster: [{ name: '甲' }], submissions: ballots, today: '2026-12-01' });
    expect(r.subjects[0].tier).toBe('合格');
    expect(r.subjects[0].reasons[0]).toBe('定为「合格」：不符合「不合格」的条件（「不合格」：0/3 = 0.00%，不符合「『不合格』票得票率超过50%」）');
  });

  it('best-first rules keep 未达 the next-higher tier and 不符合更高等次', () => {
    const { by: b } = run(scheme({ classification: { rules: BEST_FIRST_RULES, otherwise: { kind: 'tier', tier: '不合格' } } }), {
      // 合格及以上 7/10 = 70% ≥ 70%; 优秀 0/10 not over 50%.
      甲: { 合格: 7, 不合格: 3 },
      // 合格及以上 0/10; 基本合格及以上 4/10 = 40% < 50%: nothing holds → 不合格.
      乙: { 基本合格: 4, 不合格: 6 },
    });
    expect(b('甲').reasons[0]).toBe('定为「合格」：7/10 = 70.00%，符合「『合格』及以上票得票率70%以上（含）」（合格及以上票70%以上）；未达「优秀」：0/10 = 0.00%，不符合「『优秀』票得票率超过50%」');
    expect(b('乙').reasons[0]).toMatch(/^定为「不合格」：不符合更高等次的条件（「优秀」：0\/10 = 0\.00%.*；「合格」：0\/10 = 0\.00%.*；「基本合格」：4\/10 = 40\.00%，不符合「『基本合格』及以上票得票率50%以上（含）」）$/);
  });
});

describe('a tier taken away (名额, 不得评优, 不得评为) gives the best tier left whose own rule is met', () => {
  // 优秀 ≤ 50% of 7 = 3.5 → 3 places (floor); ranked by 优秀票.
  const quota: Scheme['quotas'] = [{ tiers: ['优秀'], kind: 'max', share: 50, rounding: 'floor', cite: '优秀不超过50%' }];
  const cap: Scheme['vetoes'] = [{ id: 'cf', name: '受到党纪处分', when: [{ kind: 'roster-flag', field: '党纪处分' }], effect: { kind: 'cap', tier: '合格' }, cite: '受党纪处分的不得评为优秀' }];
  const votes = {
    王芳: { 优秀: 9, 合格: 1 },
    李强: { 优秀: 8, 合格: 2 },
    张伟: { 优秀: 7, 合格: 3 },
    // 优秀 6/10 = 60% > 50%: qualifies (5 qualify: 王芳 李强 张伟 孙悦 周婷), 4th → out of the 3 places. 合格及以上 6/10 = 60% < 70%:
    // not 合格; 基本合格及以上 6/10 = 60% ≥ 50%: 基本合格.
    孙悦: { 优秀: 6, 不合格: 4 },
    // Same votes and a 党纪处分: 不得评为优秀 → the same 基本合格, not 合格.
    钱明: { 优秀: 6, 不合格: 4 },
    陈静: { 合格: 10 },
    // 优秀 6/10 qualifies and is out (5th qualifier by 优秀票, tied with 孙悦 below the cut); 合格及以上 10/10 → 合格.
    周婷: { 优秀: 6, 合格: 4 },
  };
  const roster = Object.keys(votes).map((name) => ({ name, flags: { 党纪处分: name === '钱明' ? '警告处分' : '' } }));
  const withRules = (rules: Scheme['classification']['rules'], otherwise: Scheme['classification']['otherwise']) =>
    run(scheme({ classification: { rules, otherwise }, quotas: quota, vetoes: cap }), votes, roster);

  it('out of the quota with 60% 合格及以上 (合格 asks 70%): 基本合格, and the reason says why', () => {
    const { by } = withRules(BEST_FIRST_RULES, { kind: 'tier', tier: '不合格' });
    expect(['王芳', '李强', '张伟', '孙悦', '钱明', '陈静', '周婷'].map((n) => by(n).tier)).toEqual(['优秀', '优秀', '优秀', '基本合格', '基本合格', '合格', '合格']);
    expect(by('孙悦').reasons[1]).toBe(
      '「优秀」不超过 7 人的 50%（向下取整为 3 人）：5 人符合条件，本人排第 4 名，超出名额（名额内最后一位得票率 70.00%，本人 60.00%），由「优秀」改为「基本合格」（优秀不超过50%）；' +
        '按「优秀」以外等次的条件定为「基本合格」：6/10 = 60.00%，符合「『基本合格』及以上票得票率50%以上（含）」（基本合格及以上票50%以上）；未达「合格」：6/10 = 60.00%，不符合「『合格』及以上票得票率70%以上（含）」',
    );
    // The next tier down met by its own rule: said as before, nothing more.
    expect(by('周婷').reasons[1]).toMatch(/由「优秀」改为「合格」（优秀不超过50%）$/);
  });

  it('不得评为优秀 (cap) with the same votes: 基本合格', () => {
    const { by } = withRules(BEST_FIRST_RULES, { kind: 'tier', tier: '不合格' });
    expect(by('钱明').reasons[1]).toBe(
      '一票否决「受到党纪处分」：名册「党纪处分」：警告处分，等次由「优秀」改为「基本合格」（受党纪处分的不得评为优秀）；' +
        '按「优秀」以外等次的条件定为「基本合格」：6/10 = 60.00%，符合「『基本合格』及以上票得票率50%以上（含）」（基本合格及以上票50%以上）；未达「合格」：6/10 = 60.00%，不符合「『合格』及以上票得票率70%以上（含）」',
    );
  });

  it('no rule left that holds and no otherwise tier: 待定 for the committee, with the rule that failed', () => {
    // Without the 基本合格 rule and with 待定 as the otherwise: 孙悦 and 钱明 meet nothing but 优秀.
    const { r, by } = withRules(BEST_FIRST_RULES.slice(0, 2), { kind: 'flag' });
    for (const name of ['孙悦', '钱明']) {
      expect(by(name).tier).toBeNull();
      expect(by(name).flags).toContain('待定');
      expect(by(name).reasons[1]).toContain('改为「待定」');
      expect(by(name).reasons[1]).toMatch(/；按「优秀」以外等次的条件，不符合其中任何一个等次的条件（「合格」：6\/10 = 60\.00%，不符合「『合格』及以上票得票率70%以上（含）」），等次需由评议委员会决定$/);
    }
    expect(r.findings.filter((f) => f.code === 'TIER_UNDECIDED').map((f) => f.subject).sort()).toEqual(['孙悦', '钱明'].sort());
  });

  it('不得评为「优秀」「合格」 (exclude): the rules of the tiers left, 基本合格 only where its rule holds', () => {
    const exclude: Scheme['vetoes'] = [{ id: 'ex', name: '受到党纪处分', when: [{ kind: 'roster-flag', field: '党纪处分' }], effect: { kind: 'exclude', tiers: ['优秀', '合格'] }, cite: '不得评为优秀、合格' }];
    const s = scheme({ classification: { rules: BEST_FIRST_RULES, otherwise: { kind: 'tier', tier: '不合格' } }, vetoes: exclude });
    // 甲 优秀 10/10, barred: 基本合格及以上 10/10 ≥ 50% → 基本合格. 乙 优秀 6/10 > 50%, barred: 合格 is barred too,
    // 基本合格及以上 6/10 = 60% ≥ 50% → 基本合格. 丁 (no 处分) 优秀 6/10 → 优秀.
    const { by } = run(s, { 甲: { 优秀: 10 }, 乙: { 优秀: 6, 不合格: 4 }, 丙: { 合格: 8, 不合格: 2 }, 丁: { 优秀: 6, 不合格: 4 } }, [
      { name: '甲', flags: { 党纪处分: '有' } },
      { name: '乙', flags: { 党纪处分: '有' } },
      // 丙: 合格及以上 8/10 = 80% → 合格, excluded; 基本合格及以上 80% ≥ 50% → 基本合格 (the next tier: nothing added).
      { name: '丙', flags: { 党纪处分: '有' } },
      { name: '丁' },
    ]);
    expect([by('甲').tier, by('乙').tier, by('丙').tier, by('丁').tier]).toEqual(['基本合格', '基本合格', '基本合格', '优秀']);
    // From 优秀 past the barred 合格: the rule that gives 基本合格 is said.
    expect(by('甲').reasons[1]).toBe(
      '一票否决「受到党纪处分」：名册「党纪处分」：有，等次由「优秀」改为「基本合格」（不得评为优秀、合格）；按「优秀」「合格」以外等次的条件定为「基本合格」：10/10 = 100.00%，符合「『基本合格』及以上票得票率50%以上（含）」（基本合格及以上票50%以上）',
    );
    // From 合格 to the tier right below, met by its rule: nothing more to say.
    expect(by('丙').reasons[1]).toBe('一票否决「受到党纪处分」：名册「党纪处分」：有，等次由「合格」改为「基本合格」（不得评为优秀、合格）');
  });

  it('an exclude of every tier leaves 待定, said as such', () => {
    const all: Scheme['vetoes'] = [{ id: 'ex', name: '严重违纪', when: [{ kind: 'roster-flag', field: '违纪' }], effect: { kind: 'exclude', tiers: LEVELS }, cite: '不确定等次' }];
    const s = scheme({ classification: { rules: BEST_FIRST_RULES, otherwise: { kind: 'tier', tier: '不合格' } }, vetoes: all });
    const { by } = run(s, { 甲: { 合格: 10 } }, [{ name: '甲', flags: { 违纪: '有' } }]);
    expect([by('甲').tier, by('甲').flags]).toEqual([null, ['一票否决', '待定']]);
    expect(by('甲').reasons[1]).toBe('一票否决「严重违纪」：名册「违纪」：有，等次由「合格」改为「待定」（不确定等次）；方案的等次均已排除，等次需由评议委员会决定');
  });

  it('a veto that barred a tier keeps it barred when a quota later moves the subject down', () => {
    // 不得评为合格 (exclude 合格) on 甲, who is 优秀 by votes: the veto changes nothing. The quota (1 place of 2) then
    // moves 甲 out of 优秀: 合格 is barred, 基本合格及以上 7/10 ≥ 50% → 基本合格, not 合格.
    const exclude: Scheme['vetoes'] = [{ id: 'ex', name: '诫勉', when: [{ kind: 'roster-flag', field: '诫勉' }], effect: { kind: 'exclude', tiers: ['合格'] }, cite: '不得评为合格' }];
    const s = scheme({
      classification: { rules: BEST_FIRST_RULES, otherwise: { kind: 'tier', tier: '不合格' } },
      vetoes: exclude,
      quotas: [{ tiers: ['优秀'], kind: 'max', share: 50, rounding: 'floor', cite: '优秀不超过50%' }],
    });
    const { by } = run(s, { 乙: { 优秀: 9, 合格: 1 }, 甲: { 优秀: 7, 合格: 3 } }, [{ name: '乙' }, { name: '甲', flags: { 诫勉: '是' } }]);
    expect([by('乙').tier, by('甲').tier]).toEqual(['优秀', '基本合格']);
    expect(by('甲').reasons.join('\n')).toContain('由「优秀」改为「基本合格」（优秀不超过50%）；按「优秀」「合格」以外等次的条件定为「基本合格」');
  });
});

describe('the first reason opens with the final tier: a veto or quota that changed it is not contradicted by 「定为…」', () => {
  const quota: Scheme['quotas'] = [{ tiers: ['优秀'], kind: 'max', share: 50, rounding: 'floor', cite: '优秀不超过50%' }];
  const cap: Scheme['vetoes'] = [{ id: 'cf', name: '受到党纪处分', when: [{ kind: 'roster-flag', field: '党纪处分' }], effect: { kind: 'cap', tier: '合格' }, cite: '受党纪处分的不得评为优秀' }];
  const force: Scheme['vetoes'] = [{ id: 'sg', name: '责任事故', when: [{ kind: 'roster-flag', field: '事故' }], effect: { kind: 'force', tier: '不合格' }, cite: '发生责任事故的定为不合格' }];
  const rules = { classification: { rules: BEST_FIRST_RULES, otherwise: { kind: 'tier' as const, tier: '不合格' } } };
  const OUTSTANDING_6 = '符合「优秀」的条件：6/10 = 60.00%，符合「『优秀』票得票率超过50%」（优秀票超过50%）';

  it('超出名额 and a cap: 「因超出名额定为…」「因一票否决定为…」, then what the rules met; the change follows as before', () => {
    // 优秀 ≤ floor(50% × 4) = 2: 甲 9/10 and 乙 8/10 keep it; 丙 6/10 is out (基本合格及以上 6/10 ≥ 50%, 合格及以上 60% < 70%).
    // 丁 6/10 with a 党纪处分: capped below 优秀 → 基本合格 by the same rules.
    const { by } = run(scheme({ ...rules, quotas: quota, vetoes: cap }), { 甲: { 优秀: 9, 合格: 1 }, 乙: { 优秀: 8, 合格: 2 }, 丙: { 优秀: 6, 不合格: 4 }, 丁: { 优秀: 6, 不合格: 4 } }, [
      { name: '甲' },
      { name: '乙' },
      { name: '丙' },
      { name: '丁', flags: { 党纪处分: '警告处分' } },
    ]);
    expect([by('甲').tier, by('乙').tier, by('丙').tier, by('丁').tier]).toEqual(['优秀', '优秀', '基本合格', '基本合格']);
    expect(by('甲').reasons[0]).toMatch(/^定为「优秀」：9\/10 = 90\.00%/);
    expect(by('丙').reasons[0]).toBe(`因超出名额定为「基本合格」；${OUTSTANDING_6}`);
    expect(by('丙').reasons[1]).toMatch(/^「优秀」不超过 4 人的 50%（向下取整为 2 人）：3 人符合条件，本人排第 3 名，超出名额/);
    expect(by('丁').reasons[0]).toBe(`因一票否决定为「基本合格」；${OUTSTANDING_6}`);
    expect(by('丁').reasons[1]).toMatch(/^一票否决「受到党纪处分」：名册「党纪处分」：警告处分，等次由「优秀」改为「基本合格」/);
  });

  it('a tie at the quota: 「因名额并列，等次待定」, never 「定为「优秀」」 beside 待定', () => {
    // 1 place (floor(50% × 3)); 乙 and 丙 both 6/10 behind nobody: 2 tied for the 1 place.
    const { by } = run(scheme({ ...rules, quotas: quota }), { 甲: { 合格: 10 }, 乙: { 优秀: 6, 合格: 4 }, 丙: { 优秀: 6, 合格: 4 } });
    expect([by('乙').tier, by('丙').tier]).toEqual([null, null]);
    expect(by('乙').reasons[0]).toBe(`因名额并列，等次待定；${OUTSTANDING_6}`);
    expect(by('乙').reasons[1]).toBe('「优秀」不超过 3 人的 50%（向下取整为 1 人）：2 人符合条件，超出名额：1 个名额由本人与丙 2 人并列（得票率均为 60.00%），需评议委员会决定（优秀不超过50%）');
  });

  it('a force to the lowest tier over the otherwise tier, and over no tier at all (待定 by the rules)', () => {
    // 甲: 合格及以上 8/10 → 合格, forced to 不合格. 乙: 优秀 5/10 is not over 50% and nothing else holds with no otherwise: 待定, forced.
    const s = scheme({ classification: { rules: BEST_FIRST_RULES.slice(0, 2), otherwise: { kind: 'flag' } }, vetoes: force });
    const { by } = run(s, { 甲: { 合格: 8, 不合格: 2 }, 乙: { 优秀: 5, 不合格: 5 } }, [
      { name: '甲', flags: { 事故: '有' } },
      { name: '乙', flags: { 事故: '有' } },
    ]);
    expect([by('甲').tier, by('乙').tier]).toEqual(['不合格', '不合格']);
    expect(by('甲').reasons[0]).toBe('因一票否决定为「不合格」；符合「合格」的条件：8/10 = 80.00%，符合「『合格』及以上票得票率70%以上（含）」（合格及以上票70%以上）；未达「优秀」：0/10 = 0.00%，不符合「『优秀』票得票率超过50%」');
    expect(by('乙').reasons[0]).toMatch(/^因一票否决定为「不合格」；不符合方案中任何一个等次的条件（「优秀」：5\/10 = 50\.00%，不符合「『优秀』票得票率超过50%」；「合格」：5\/10 = 50\.00%，不符合/);
    expect(by('乙').reasons[0]).not.toContain('评议委员会决定');
  });
});

/** p4-middle-managers with the scheme's rules replaced; each subject scored the same number by one 干部 and one 员工. */
function scored(over: Partial<Scheme>, scores: Record<string, number | null>, roster: RosterEntry[] = Object.keys(scores).map((name) => ({ name }))) {
  const s = loadScheme({ ...structuredClone(getPreset('p4-middle-managers')), designations: [], ...over });
  const sheet = (group: string) =>
    scoreSheet('表', { fields: [`测评人类别：${group}`], items: ['测评得分'], rows: Object.entries(scores).map(([name, v]) => ({ name, scores: [v] })) });
  const r = runCampaign({ scheme: s, roster, submissions: [submission('c.xlsx', sheet('干部')), submission('s.xlsx', sheet('员工'))], today: '2026-12-01' });
  return { r, by: (name: string) => r.subjects.find((x) => x.name === name)! };
}

const LADDER: Scheme['classification'] = {
  rules: [
    { tier: '优秀', when: [{ kind: 'score', op: '>=', value: 90 }], cite: '90分以上为优秀' },
    { tier: '称职', when: [{ kind: 'score', op: '>=', value: 80 }], cite: '80分以上为称职' },
    { tier: '基本称职', when: [{ kind: 'score', op: '>=', value: 60 }], cite: '60分以上为基本称职' },
  ],
  otherwise: { kind: 'tier', tier: '不称职' },
};

describe('two maximums give the same result whatever their order in the list', () => {
  const TEN = { 一号: 95, 二号: 94, 三号: 93, 四号: 92, 五号: 91, 六号: 84, 七号: 83, 八号: 82, 九号: 70, 十号: 60 };
  const best: Scheme['quotas'][number] = { tiers: ['优秀'], kind: 'max', share: 20, rounding: 'floor', cite: '优秀不超过20%' };
  const second: Scheme['quotas'][number] = { tiers: ['称职'], kind: 'max', share: 40, rounding: 'floor', cite: '称职不超过40%' };

  it.each([
    ['优秀 first', [best, second]],
    ['称职 first', [second, best]],
  ])('%s: 优秀 2, 称职 4, the rest 基本称职', (_, quotas) => {
    // 优秀 ≤ floor(20% × 10) = 2: 一号 95, 二号 94 keep it; 三号 93, 四号 92, 五号 91 (≥ 80) move to 称职.
    // 称职 is then 三号 四号 五号 六号 七号 八号 = 6 > floor(40% × 10) = 4: 七号 83 and 八号 82 move to 基本称职 (≥ 60).
    const { r, by } = scored({ classification: LADDER, quotas }, TEN);
    expect(Object.keys(TEN).map((n) => by(n).tier)).toEqual(['优秀', '优秀', '称职', '称职', '称职', '称职', '基本称职', '基本称职', '基本称职', '基本称职']);
    expect(by('七号').reasons.join('')).toContain('「称职」不超过 10 人的 40%（向下取整为 4 人）：6 人符合条件，本人排第 5 名，超出名额（名额内最后一位得分 84.00，本人 83.00），由「称职」改为「基本称职」（称职不超过40%）');
    expect(r.subjects.filter((x) => x.tier === '称职')).toHaveLength(4);
  });

  it('of two maximums ending on the same tier, the narrower applies first (合格 alone ≤ 1, 优秀 and 合格 together ≤ 2)', () => {
    // Ranked by 合格票 alone, which is not the tiers' order: 甲 优秀 6/10 > 50% (合格票 4/10 = 40%); 乙 合格票 9/10 and
    // 丙 8/10, both 合格 (合格及以上 ≥ 70%); 丁 不合格 10/10 → 不合格. Of 4: 合格 ≤ floor(25% × 4) = 1 → 丙 (80% < 90%)
    // out, to 基本合格 (基本合格及以上 80% ≥ 50%); then 优秀+合格 = 甲, 乙 = 2 ≤ floor(50% × 4) = 2. Applied the other
    // way round, 优秀+合格 = 3 would move out 甲 (40%, the lowest 合格票) although the single 合格 place decides first.
    const pair: Scheme['quotas'][number] = { tiers: ['优秀', '合格'], kind: 'max', share: 50, rounding: 'floor', cite: '优秀和合格合计不超过50%' };
    const alone: Scheme['quotas'][number] = { tiers: ['合格'], kind: 'max', share: 25, rounding: 'floor', cite: '合格不超过25%' };
    const votes = { 甲: { 优秀: 6, 合格: 4 }, 乙: { 优秀: 1, 合格: 9 }, 丙: { 合格: 8, 不合格: 2 }, 丁: { 不合格: 10 } };
    for (const quotas of [[pair, alone], [alone, pair]]) {
      const s = scheme({ classification: { rules: BEST_FIRST_RULES, otherwise: { kind: 'tier', tier: '不合格' } }, ranking: { by: 'share', share: { levels: ['合格'] } }, quotas });
      const { by } = run(s, votes);
      expect(['甲', '乙', '丙', '丁'].map((n) => by(n).tier)).toEqual(['优秀', '合格', '基本合格', '不合格']);
      expect(by('甲').flags).not.toContain('超出名额');
    }
  });
});

describe('a minimum share (QUOTA_SHORT)', () => {
  const min: Scheme['quotas'] = [{ tiers: ['基本称职', '不称职'], kind: 'min', share: 10, rounding: 'ceil', cite: '基本称职或以下应占10%' }];
  it('is not reported while nobody has a tier (no ballots read)', () => {
    const s = loadScheme({ ...structuredClone(getPreset('p4-middle-managers')), designations: [], quotas: min });
    const r = runCampaign({ scheme: s, roster: [{ name: '甲' }, { name: '乙' }], submissions: [], today: '2026-12-01' });
    expect(r.subjects.every((x) => x.tier === null)).toBe(true);
    expect(r.findings.some((f) => f.code === 'QUOTA_SHORT')).toBe(false);
  });

  it('is counted on the tiers the maximums left, whatever the list order, and says who is still undecided', () => {
    // 称职 or below ≥ ceil(20% × 10) = 2, listed before 优秀 ≤ floor(80% × 10) = 8. 甲…壬 score 99…91 (优秀), 癸 none
    // (待定). The maximum moves 壬 91 to 称职 (≥ 80): 1 of the 2 needed, 癸 undecided and not counted.
    const scores: Record<string, number | null> = { 甲: 99, 乙: 98, 丙: 97, 丁: 96, 戊: 95, 己: 94, 庚: 93, 辛: 92, 壬: 91, 癸: null };
    const quotas: Scheme['quotas'] = [
      { tiers: ['称职', '基本称职', '不称职'], kind: 'min', share: 20, rounding: 'ceil', cite: '称职或以下应占20%' },
      { tiers: ['优秀'], kind: 'max', share: 80, rounding: 'floor', cite: '优秀不超过80%' },
    ];
    const { r, by } = scored({ classification: LADDER, quotas }, scores);
    expect([by('壬').tier, by('癸').tier]).toEqual(['称职', null]);
    const short = r.findings.filter((f) => f.code === 'QUOTA_SHORT');
    expect(short.map((f) => f.message)).toEqual([
      '「称职」「基本称职」「不称职」只有 1 人（另有 1 人等次待定，未计入），方案要求「称职」「基本称职」「不称职」不少于 10 人的 20%（向上取整为 2 人）（称职或以下应占20%）',
    ]);
  });
});

describe('ranking: only a veto that changed the tier moves the subject; those without a tier are not ranked', () => {
  // 民主评议党员 ranked by 优秀票, 末位 10% 重点帮扶 (at least: rounded up); 受党纪处分的不得评为优秀 (cap 合格).
  const s = scheme({
    classification: { rules: BEST_FIRST_RULES, otherwise: { kind: 'tier', tier: '不合格' } },
    vetoes: [{ id: 'cf', name: '受到党纪处分', when: [{ kind: 'roster-flag', field: '党纪处分' }], effect: { kind: 'cap', tier: '合格' }, cite: '受党纪处分的不得评为优秀' }],
    designations: [{ name: '重点帮扶', share: 10, kind: 'at-least', cite: '末位10%重点帮扶' }],
    noTierCategories: ['预备党员'],
  });
  const votes = {
    王芳: { 优秀: 9, 合格: 1 }, // 优秀 90% → 优秀
    孙悦: { 优秀: 6, 合格: 4 }, // 优秀 60% → 优秀
    李强: { 优秀: 8, 合格: 2 }, // 优秀 80% → 优秀, 党纪处分 → 合格 (合格及以上 100% ≥ 70%)
    张伟: { 优秀: 4, 合格: 6 }, // 优秀 40%, 合格及以上 100% → 合格
    陈静: { 优秀: 3, 合格: 7 }, // 30% → 合格
    赵敏: { 优秀: 2, 基本合格: 4, 不合格: 4 }, // 合格及以上 20%, 基本合格及以上 60% → 基本合格; 党纪处分 changes nothing
    黄磊: { 优秀: 1, 基本合格: 3, 不合格: 6 }, // 基本合格及以上 40% < 50% → 不合格
    周婷: { 优秀: 10 }, // 预备党员: no tier
  };
  const roster: RosterEntry[] = Object.keys(votes).map((name) => ({
    name,
    ...(name === '周婷' ? { category: '预备党员' } : {}),
    flags: { 党纪处分: name === '李强' || name === '赵敏' ? '警告处分' : '' },
  }));
  const { r, by } = run(s, votes, roster);

  it('a cap that changed the tier ranks the subject after the better tier, among his own by the votes', () => {
    // By 优秀票: 王芳 90, 孙悦 60, 张伟 40, 陈静 30, 赵敏 20, 黄磊 10; 李强 (80, now 合格) after the last 优秀 (孙悦): 3rd.
    const names = ['王芳', '孙悦', '李强', '张伟', '陈静', '赵敏', '黄磊'];
    expect(names.map((n) => [by(n).tier, by(n).rank])).toEqual([
      ['优秀', 1],
      ['优秀', 2],
      ['合格', 3],
      ['合格', 4],
      ['合格', 5],
      ['基本合格', 6],
      ['不合格', 7],
    ]);
    expect(by('李强').reasons).toContain('因一票否决改为「合格」，排在等次更高的人之后（第 3 名）');
  });

  it('a veto that left the tier as it was does not move the subject, and says nothing of the ranking', () => {
    expect(by('赵敏').reasons.join('')).toContain('等次「基本合格」不变');
    expect(by('赵敏').reasons.join('')).not.toContain('排在');
  });

  it('末位 goes to the lowest by the votes (黄磊, 不合格), of the 7 ranked: the 预备党员 is neither ranked nor counted', () => {
    // ceil(10% × 7) = 1.
    expect(r.subjects.filter((x) => x.designations.includes('重点帮扶')).map((x) => x.name)).toEqual(['黄磊']);
    expect(by('黄磊').reasons).toContain('列入「重点帮扶」：共 7 人，本人排第 7 名，在末位 10% 之内（7 人的 10% 为 0.7，向上取整为 1 人）（末位10%重点帮扶）');
    expect([by('周婷').tier, by('周婷').rank]).toEqual([null, null]);
    expect(by('周婷').reasons[0]).toBe('预备党员参加评议，但不确定等次，不参加排名（名册：预备党员）');
  });

  it('a veto that forces the lowest tier still ranks the subject after everyone else', () => {
    const forced = scheme({
      classification: { rules: BEST_FIRST_RULES, otherwise: { kind: 'tier', tier: '不合格' } },
      vetoes: [{ id: 'sg', name: '受到留党察看处分', when: [{ kind: 'roster-flag', field: '处分' }], effect: { kind: 'force', tier: '不合格' }, cite: '受留党察看处分的定为不合格' }],
    });
    // 甲 优秀 90% forced to 不合格; 乙 (不合格 by votes, 优秀 10%) is ranked before him.
    const { by: b } = run(forced, { 甲: { 优秀: 9, 合格: 1 }, 乙: { 优秀: 1, 不合格: 9 } }, [{ name: '甲', flags: { 处分: '留党察看' } }, { name: '乙' }]);
    expect([b('甲').tier, b('甲').rank, b('乙').rank]).toEqual(['不合格', 2, 1]);
    expect(b('甲').reasons).toContain('因一票否决定为「不合格」，排在未被一票否决定为该等次的人之后（第 2 名）');
  });
});

describe('a group with no valid score for someone (missingGroup pending): what is said, and the 末位 it leaves open', () => {
  // p4-middle-managers (干部50% + 员工50%, 动态调整 about 10% of those ranked). 冯涛 has 干部 64 and no 员工 score; 王空
  // has no score at all. The 9 others are scored the same by both groups.
  const NINE = { 甲: 95, 乙: 90, 丙: 88, 丁: 86, 戊: 80, 己: 75, 庚: 70, 辛: 66, 郑洁: 64 };
  function campaign(missingGroup?: 'pending' | 'rescale') {
    const s = structuredClone(getPreset('p4-middle-managers'));
    if (missingGroup) s.counting.missingGroup = missingGroup;
    const names = [...Object.keys(NINE), '冯涛', '王空'];
    const sheet = (group: string, extra: Record<string, number | null>) =>
      submission(`${group}.xlsx`, scoreSheet('表', { fields: [`测评人类别：${group}`], items: ['测评得分'], rows: names.map((name) => ({ name, scores: [{ ...NINE, ...extra }[name] ?? null] })) }));
    return runCampaign({ scheme: s, roster: names.map((name) => ({ name })), submissions: [sheet('干部', { 冯涛: 64 }), sheet('员工', {})], today: '2026-12-01' });
  }

  it('NO_VALID_VOTES only for the one without any valid score, not for 冯涛 (3 valid 干部 scores)', () => {
    const r = campaign();
    const feng = r.subjects.find((x) => x.name === '冯涛')!;
    expect([feng.tier, feng.score]).toEqual([null, null]);
    expect(feng.flags).not.toContain('无有效票');
    expect(r.findings.filter((f) => f.code === 'NO_VALID_VOTES').map((f) => f.subject)).toEqual(['王空']);
    const undecided = r.findings.filter((f) => f.code === 'TIER_UNDECIDED');
    expect(undecided.map((f) => f.subject).sort()).toEqual(['冯涛', '王空'].sort());
    // The group that is missing, not the designation said after it.
    expect(undecided.find((f) => f.subject === '冯涛')!.message).toMatch(/^「冯涛」员工没有有效评分，得分无法按方案的公式计算，等次需由评议委员会决定/);
    // How to set the scheme is for the clerk (the finding), not for the reason read to members.
    expect(undecided.find((f) => f.subject === '冯涛')!.message).toContain('方案文件中为 counting.missingGroup: "rescale"');
    expect(feng.reasons[0]).toBe('员工没有有效评分，得分无法按方案的公式计算，等次需由评议委员会决定（也可决定按其余类别的权重折算）');
  });

  it('动态调整 is worked out on the 9 ranked, which the reason says, and is left to the committee to check', () => {
    const r = campaign();
    // round(10% × 9) = round(0.9) = 1: 郑洁 (64), the lowest of the 9.
    const zheng = r.subjects.find((x) => x.name === '郑洁')!;
    expect(zheng.designations).toEqual(['动态调整']);
    expect(zheng.reasons.join('\n')).toContain('列入「动态调整」：已排名的共 9 人，本人排第 9 名，在末位 10% 之内（9 人的 10% 为 0.9，四舍五入为 1 人）（《述职评议考核工作方案》篇六：每年按10%的比例建立动态调整机制）；另有 2 人等次待定、未排名，未计入，名单需评议委员会核实');
    const unsettled = r.findings.filter((f) => f.code === 'DESIGNATION_UNSETTLED');
    expect(unsettled).toHaveLength(1);
    expect(unsettled[0].message).toContain('「动态调整」（末位 10%）按已排名的 9 人确定为 1 人（郑洁）；冯涛、王空 等次待定、未排名，未计入');
    expect(r.subjects.find((x) => x.name === '冯涛')!.reasons.join('\n')).toContain('「动态调整」按已排名的 9 人确定（末位 10%，9 人的 10% 为 0.9，四舍五入为 1 人），本人未排名、未计入');
  });

  it('得分情况\'s note says what the setting does: 待定 by default, 折算 only with rescale', () => {
    const note = (r: ReturnType<typeof campaign>) => String(describeScores(r)!.cells.flat().map((c) => c.text ?? c.value).find((v) => String(v).startsWith('注：')));
    expect(note(campaign())).toContain('某类别无有效评分的，不计算得分，等次待定，由评议委员会决定（理由中说明）');
    expect(note(campaign())).not.toContain('折算');
    // rescale: 冯涛 = 干部 64 alone → 64 (基本称职 ≥ 65? no: 64 < 65 → 不称职), ranked with the others.
    const rescaled = campaign('rescale');
    expect(note(rescaled)).toContain('某类别无有效评分的，按其余类别的权重折算（理由中说明）');
    const feng = rescaled.subjects.find((x) => x.name === '冯涛')!;
    expect([feng.scoreText, feng.tier]).toEqual(['64.00', '不称职']);
    expect(rescaled.findings.filter((f) => f.code === 'DESIGNATION_UNSETTLED')[0].message).toContain('王空 等次待定');
  });

  it('with everyone ranked, the designation reason is as before and nothing is left to check', () => {
    const r = campaign('rescale');
    // 王空 has no score even rescaled: still unranked. Without him, 10 ranked: round(10% × 10) = 1.
    const s = structuredClone(getPreset('p4-middle-managers'));
    const names = Object.keys(NINE);
    const sheet = (group: string) => submission(`${group}.xlsx`, scoreSheet('表', { fields: [`测评人类别：${group}`], items: ['测评得分'], rows: names.map((name) => ({ name, scores: [NINE[name as keyof typeof NINE]] })) }));
    const all = runCampaign({ scheme: s, roster: names.map((name) => ({ name })), submissions: [sheet('干部'), sheet('员工')], today: '2026-12-01' });
    expect(all.findings.some((f) => f.code === 'DESIGNATION_UNSETTLED')).toBe(false);
    expect(all.subjects.find((x) => x.name === '郑洁')!.reasons).toContain('列入「动态调整」：共 9 人，本人排第 9 名，在末位 10% 之内（9 人的 10% 为 0.9，四舍五入为 1 人）（《述职评议考核工作方案》篇六：每年按10%的比例建立动态调整机制）');
    expect(r.subjects.find((x) => x.name === '王空')!.rank).toBeNull();
  });
});
