/**
 * Quotas given as a number of places (quotas[].count): 「分配优秀党员名额 3 名」, 上级按支部分配名额
 * {"第一支部": 2, "第二支部": 1}, 「评为较好及以下的不少于 1 个」 (seed 003 篇三's minimum, as a number). The
 * ties at the boundary are left to the committee as for a share (DOMAIN.md). Every expected figure is worked out by
 * hand in the comments: 10 ballots per subject, ranked by 优秀票 share.
 */
import { runCampaign } from '../../src/core/engine';
import { getPreset } from '../../src/core/presets';
import { RosterEntry } from '../../src/core/roster/roster';
import { SchemeError, loadScheme } from '../../src/core/scheme/load-scheme';
import { Scheme } from '../../src/core/scheme/scheme-schema';
import { schemeWarnings } from '../../src/core/scheme/scheme-warnings';
import { matrixSheet, submission } from '../helpers/grids';

const LEVELS = ['优秀', '合格', '基本合格', '不合格'];

const RULES: Scheme['classification']['rules'] = [
  { tier: '优秀', when: [{ kind: 'share', levels: ['优秀'], op: '>', value: 50 }], cite: '优秀票超过50%' },
  { tier: '合格', when: [{ kind: 'share', levels: ['合格'], orBetter: true, op: '>=', value: 70 }], cite: '合格及以上票70%以上' },
  { tier: '基本合格', when: [{ kind: 'share', levels: ['基本合格'], orBetter: true, op: '>=', value: 50 }], cite: '基本合格及以上票50%以上' },
];

/** 民主评议党员 on one 四等次 form, one rater group, the rules above; the quotas passed in (as JSON, unchecked). */
function schemeJson(quotas: unknown[]): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: 'test-count',
    name: '民主评议党员（名额测试）',
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
    classification: { rules: RULES, otherwise: { kind: 'tier', tier: '不合格' } },
    ranking: { by: 'share', share: { levels: ['优秀'] } },
    vetoes: [],
    quotas,
    designations: [],
    consequences: [],
    counting: { abstentionsInDenominator: false, invalidInDenominator: false, extraMarks: [], duplicates: 'count' },
  };
}

const scheme = (quotas: unknown[]) => loadScheme(schemeJson(quotas));

/** The problems loadScheme gives for these quotas ([] when it loads). */
function problems(quotas: unknown[]): string[] {
  try {
    scheme(quotas);
    return [];
  } catch (e) {
    return (e as SchemeError).problems;
  }
}

/** votes: per subject the levels of the 10 ballots as counts, e.g. { 优秀: 6, 合格: 4 }. */
function run(s: Scheme, votes: Record<string, Partial<Record<string, number>>>, roster: RosterEntry[] = Object.keys(votes).map((name) => ({ name }))) {
  const perSubject = Object.fromEntries(Object.entries(votes).map(([name, counts]) => [name, LEVELS.flatMap((l) => new Array(counts[l] ?? 0).fill(LEVELS.indexOf(l)) as number[])]));
  const submissions = Array.from({ length: 10 }, (_, k) =>
    submission(`票${k}.xlsx`, matrixSheet('表', { fields: [`票号：${k}`], levels: LEVELS, rows: Object.keys(votes).map((name) => ({ name, marks: [perSubject[name][k] ?? -1] })) })),
  );
  const r = runCampaign({ scheme: s, roster, submissions, today: '2026-12-01' });
  const by = (name: string) => r.subjects.find((x) => x.name === name)!;
  const codes = (code: string) => r.findings.filter((f) => f.code === code);
  return { r, by, codes };
}

const CITE = '分配优秀名额3名';

describe('a maximum as a number of places (名额 3 名)', () => {
  // 优秀票: 甲 9/10 = 90%, 乙 80%, 丙 70%, 丁 70%, 戊 60% (all over 50%: 5 qualify); 己 0% 优秀, 合格 10/10 → 合格.
  // Sorted: 甲 90, 乙 80, 丙 70, 丁 70, 戊 60. Places 1–2 甲 乙; place 3 is 70% and place 4 too: 丙 and 丁 tied
  // across the boundary for the one place left → both 待定 for the committee; 戊 5th → out, 合格及以上 10/10 → 合格.
  const votes = {
    甲: { 优秀: 9, 合格: 1 },
    乙: { 优秀: 8, 合格: 2 },
    丙: { 优秀: 7, 合格: 3 },
    丁: { 优秀: 7, 合格: 3 },
    戊: { 优秀: 6, 合格: 4 },
    己: { 合格: 10 },
  };
  const { by, codes } = run(scheme([{ tiers: ['优秀'], kind: 'max', count: 3, cite: CITE }]), votes);

  it('keeps the first two, leaves the two tied at place 3 to the committee, moves the 5th down', () => {
    expect(['甲', '乙', '丙', '丁', '戊', '己'].map((n) => by(n).tier)).toEqual(['优秀', '优秀', null, null, '合格', '合格']);
    expect(by('丙').flags).toContain('名额并列');
    expect(by('丁').flags).toContain('名额并列');
    expect(by('戊').flags).toContain('超出名额');
  });

  it('says the count and the place: 「优秀」名额 3 名 … 本人排第 5 名', () => {
    expect(by('戊').reasons).toContain('「优秀」名额 3 名：5 人符合条件，本人排第 5 名，超出名额（名额内最后一位得票率 70.00%，本人 60.00%），由「优秀」改为「合格」（分配优秀名额3名）');
    expect(by('丙').reasons).toContain('「优秀」名额 3 名：5 人符合条件，超出名额：已有 2 人在名额内，余下的 1 个名额由本人与丁 2 人并列（得票率均为 70.00%），需评议委员会决定（分配优秀名额3名）');
    expect(codes('QUOTA_TIE').map((f) => f.subject).sort()).toEqual(['丁', '丙']);
    expect(codes('QUOTA_TIE')[0].message).toContain('名额边界处与');
    // No scheme code words in what a committee reads.
    for (const n of ['丙', '戊']) expect(by(n).reasons.join('')).not.toMatch(/count|max|share|per\b/);
  });

  it('a count larger than the subjects limits no one: 5 qualify, 10 places', () => {
    const big = run(scheme([{ tiers: ['优秀'], kind: 'max', count: 10, cite: CITE }]), votes);
    expect(['甲', '乙', '丙', '丁', '戊'].map((n) => big.by(n).tier)).toEqual(['优秀', '优秀', '优秀', '优秀', '优秀']);
    expect(big.r.findings.filter((f) => f.code.startsWith('QUOTA_'))).toEqual([]);
  });
});

describe('a minimum as a number (篇三: 较好或以下等次应占一定比例, here 「合格」及以下不少于 2 名)', () => {
  const min = (count: number) => scheme([{ tiers: ['合格', '基本合格', '不合格'], kind: 'min', count, cite: '较好及以下不少于N名' }]);

  it('short by one: 甲 乙 优秀 (90%, 80%), only 丙 合格 (合格 10/10) → QUOTA_SHORT saying 不少于 2 名', () => {
    const { codes } = run(min(2), { 甲: { 优秀: 9, 合格: 1 }, 乙: { 优秀: 8, 合格: 2 }, 丙: { 合格: 10 } });
    expect(codes('QUOTA_SHORT').map((f) => f.message)).toEqual(['「合格」「基本合格」「不合格」只有 1 人，方案要求「合格」「基本合格」「不合格」不少于 2 名（较好及以下不少于N名）']);
  });

  it('met: 丙 合格 and 丁 基本合格 (基本合格及以上 6/10 = 60% ≥ 50%, 合格及以上 0/10) are 2 → nothing said', () => {
    const { by, codes } = run(min(2), { 甲: { 优秀: 9, 合格: 1 }, 乙: { 优秀: 8, 合格: 2 }, 丙: { 合格: 10 }, 丁: { 基本合格: 6, 不合格: 4 } });
    expect(by('丁').tier).toBe('基本合格');
    expect(codes('QUOTA_SHORT')).toEqual([]);
  });

  it('organisations (党支部) are counted 个: 「合格」「基本合格」「不合格」不少于 2 个', () => {
    const branches = loadScheme({ ...schemeJson([{ tiers: ['合格', '基本合格', '不合格'], kind: 'min', count: 2, cite: '较好及以下不少于N个' }]), subjectKind: 'organisation' });
    // 甲 优秀 90% → 优秀; 乙 合格 10/10 → 合格: 1 of the 2 asked.
    const { codes } = run(branches, { 甲: { 优秀: 9, 合格: 1 }, 乙: { 合格: 10 } }, [
      { name: '甲', kind: 'organisation' },
      { name: '乙', kind: 'organisation' },
    ]);
    expect(codes('QUOTA_SHORT')[0].message).toBe('「合格」「基本合格」「不合格」只有 1 个，方案要求「合格」「基本合格」「不合格」不少于 2 个（较好及以下不少于N个）');
  });

  it('more than those rated (5 of 3): short whatever the votes, and said to be unreachable', () => {
    const { codes } = run(min(5), { 甲: { 优秀: 9, 合格: 1 }, 乙: { 合格: 10 }, 丙: { 合格: 10 } });
    // 乙 丙 合格: 2 of the 5 asked; only 3 rated.
    expect(codes('QUOTA_SHORT')[0].message).toBe(
      '「合格」「基本合格」「不合格」只有 2 人，方案要求「合格」「基本合格」「不合格」不少于 5 名；参加评议的只有 3 人，少于要求的人数，无论评议结果如何都达不到，请核实方案（较好及以下不少于N名）',
    );
  });
});

describe('places per unit (上级按支部分配名额)', () => {
  // 第一支部: 甲 90%, 乙 80%, 丙 70% (3 qualify); 第二支部: 丁 90%, 戊 60% (2 qualify), 己 合格.
  const votes = {
    甲: { 优秀: 9, 合格: 1 },
    乙: { 优秀: 8, 合格: 2 },
    丙: { 优秀: 7, 合格: 3 },
    丁: { 优秀: 9, 合格: 1 },
    戊: { 优秀: 6, 合格: 4 },
    己: { 合格: 10 },
  };
  const roster: RosterEntry[] = Object.keys(votes).map((name, i) => ({ name, unit: i < 3 ? '第一支部' : '第二支部' }));
  const perUnit = (count: unknown) => run(scheme([{ tiers: ['优秀'], kind: 'max', count, per: 'unit', cite: '按支部分配名额' }]), votes, roster);

  it('{第一支部: 2, 第二支部: 1}: 丙 (70%) out in the first, 戊 (60%) out in the second; each counted in its own unit', () => {
    const { by, codes } = perUnit({ 第一支部: 2, 第二支部: 1 });
    expect(['甲', '乙', '丙', '丁', '戊', '己'].map((n) => by(n).tier)).toEqual(['优秀', '优秀', '合格', '优秀', '合格', '合格']);
    expect(by('丙').reasons).toContain('第一支部：「优秀」名额 2 名：3 人符合条件，本人排第 3 名，超出名额（名额内最后一位得票率 80.00%，本人 70.00%），由「优秀」改为「合格」（按支部分配名额）');
    expect(by('戊').reasons).toContain('第二支部：「优秀」名额 1 名：2 人符合条件，本人排第 2 名，超出名额（名额内最后一位得票率 90.00%，本人 60.00%），由「优秀」改为「合格」（按支部分配名额）');
    expect(codes('QUOTA_COUNT_MISSING')).toEqual([]);
  });

  it('one number with per unit is each unit\'s: 1 each → 甲 and 丁 only', () => {
    const { by } = perUnit(1);
    expect(['甲', '乙', '丙', '丁', '戊'].map((n) => by(n).tier)).toEqual(['优秀', '合格', '合格', '优秀', '合格']);
    expect(by('乙').reasons.join('')).toContain('第一支部：「优秀」名额 1 名：3 人符合条件，本人排第 2 名');
  });

  it('0 places for a unit (上级未分配) moves its qualifiers down, said in their reasons, with no QUOTA_ZERO error', () => {
    const { by, codes } = perUnit({ 第一支部: 2, 第二支部: 0 });
    expect([by('丁').tier, by('戊').tier]).toEqual(['合格', '合格']);
    expect(by('丁').reasons).toContain('第二支部：「优秀」名额 0 名：2 人符合条件，超出名额，由「优秀」改为「合格」（按支部分配名额）');
    expect(codes('QUOTA_ZERO')).toEqual([]);
  });

  it('a roster unit the allocation leaves out is not guessed: its people keep their tier, flagged as an error', () => {
    const { by, codes } = perUnit({ 第一支部: 2 });
    expect([by('丁').tier, by('戊').tier, by('丙').tier]).toEqual(['优秀', '优秀', '合格']);
    const missing = codes('QUOTA_COUNT_MISSING');
    expect(missing).toHaveLength(1);
    expect(missing[0].severity).toBe('error');
    expect(missing[0].message).toBe('「优秀」的名额按单位分配（第一支部 2），未列出名册中的「第二支部」：该单位符合条件的 2 人（丁、戊）未按名额核减；请核实该单位分到的名额，没有分到名额的写 0（按支部分配名额）');
    expect(by('丁').reasons).toContain('「优秀」的名额按单位分配，方案未给「第二支部」分配名额，未按名额核减，需核实（按支部分配名额）');
  });

  it('a unit not on the roster refuses the run, naming the roster\'s units', () => {
    expect(() => perUnit({ 第一支部: 2, 第一党支部: 1 })).toThrow(/名额规定.*中的「第一党支部」不是名册中的单位（名册中的单位：第一支部、第二支部）/);
  });
});

describe('loading: a share or a count, exactly one', () => {
  const base = { tiers: ['优秀'], kind: 'max', cite: CITE };

  it('old schemes (share, of, rounding) load unchanged', () => {
    const p5 = getPreset('p5-party-members');
    expect(loadScheme(structuredClone(p5)).quotas).toEqual(p5.quotas);
    expect(problems([{ ...base, share: 20, rounding: 'floor' }])).toEqual([]);
  });

  it('refuses both, neither, a share without rounding, a count with rounding or of, a per-unit count without per unit, a count of 0', () => {
    expect(problems([{ ...base, share: 20, rounding: 'floor', count: 3 }]).join('')).toContain('比例（share）和名数（count）只能写一个');
    expect(problems([base]).join('')).toContain('名额要按比例或按名数给出其一');
    expect(problems([{ ...base, share: 20 }]).join('')).toContain('按比例的名额要写取整方式');
    expect(problems([{ ...base, count: 3, rounding: 'floor' }]).join('')).toContain('按名数给出的名额不用取整，请删去 "rounding"');
    expect(problems([{ ...base, count: 3, of: 'members' }]).join('')).toContain('按名数给出的名额不按人数计算，请删去 "of"');
    expect(problems([{ ...base, count: { 第一支部: 2 } }]).join('')).toContain('请同时写 "per": "unit"');
    // 0 for everyone: most often meant as 不限; a unit given none is written per unit.
    expect(problems([{ ...base, count: 0 }]).join('')).toContain('名数不能为 0');
    expect(problems([{ ...base, count: 2.5 }]).length).toBeGreaterThan(0);
    expect(problems([{ ...base, count: { 第一支部: 2, 第二支部: 0 }, per: 'unit' }])).toEqual([]);
  });

  it('warns of a minimum above a maximum on the same tiers (优秀 名额 2 名, 优秀 不少于 3 名)', () => {
    const s = scheme([
      { ...base, count: 2 },
      { tiers: ['优秀'], kind: 'min', count: 3, cite: '至少3名' },
    ]);
    expect(schemeWarnings(s).join('\n')).toMatch(/不超过 2 名.*不少于 3 名：两者不能同时满足/);
  });
});
