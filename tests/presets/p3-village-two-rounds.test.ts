/**
 * seed 002 第四篇 ***镇开展“双述双评”工作实施方案, 五、工作程序:
 * - 1、村述村评 and 2、村述镇评: two separate sittings, each with its own ballots.
 * - 3、镇党委审核: "原则上两次测评“优秀”票达到70%以上的,可以定为“优秀”等次;两次测评“称职”票均达到60%以上的,
 *   可以定为“称职”等次;两次测评“基本称职”票数相加后得票率达到50%以上的,可定为“基本称职”等次;两次测评
 *   “不称职”票数相加后得票率达到50%以上的定为“不称职”等次".
 * - 4、"对被评为“不称职”的村党组织书记进行诫勉谈话,责令限期改正".
 * 以上 includes the number (DOMAIN.md). No rule matched: the seed leaves it to the 镇党委 — undecided,
 * never guessed. The seed does not say whether 称职票 include 优秀票; it lists the four tiers best first, and the
 * preset reads them as an ordered scale (product owner's decision): “称职”票 = 称职及以上, “基本称职”票 = 基本称职及以上,
 * “不称职”票 = 不称职 alone. Every expected tier below is worked out by hand on that reading.
 *
 * Ballots are told apart by the header field "轮次：村评" / "轮次：镇评"; 10 ballots per round unless said.
 */
import { runCampaign } from '../../src/core/engine';
import { getPreset } from '../../src/core/presets';
import { loadScheme } from '../../src/core/scheme/load-scheme';
import { describeVotes } from '../../src/core/output/describe-statistics';
import { matrixSheet, submission } from '../helpers/grids';

const LEVELS = ['优秀', '称职', '基本称职', '不称职'];
const [A, B, C, D] = [0, 1, 2, 3]; // 优秀, 称职, 基本称职, 不称职

/** n votes of each level, in order: votes([A, 7], [B, 3]) → ten ballots' marks. */
function votes(...parts: [number, number][]): number[] {
  return parts.flatMap(([level, n]) => new Array(n).fill(level));
}

/** Marks per subject: ten 村评 ballots, ten 镇评 ballots. */
const MARKS: Record<string, { village: number[]; town: number[] }> = {
  // 优秀 7/10 = 70% in 村评 and 7/10 = 70% in 镇评 → 优秀 (70%以上 includes 70%).
  张建国: { village: votes([A, 7], [B, 3]), town: votes([A, 7], [B, 3]) },
  // 优秀 7/10 in 村评 but 6/10 = 60% in 镇评 → not 优秀. 称职及以上 10/10 in each round → 称职 (more 优秀 votes
  // than 王明, and the same tier: better votes never lose 称职).
  李红: { village: votes([A, 7], [B, 3]), town: votes([A, 6], [B, 4]) },
  // 称职及以上 6/10 = 60% in both → 称职 (60%以上 includes 60%). 优秀 0.
  王明: { village: votes([B, 6], [C, 4]), town: votes([B, 6], [C, 4]) },
  // 称职及以上 6/10 and 5/10 → not 称职. 基本称职及以上 (10 + 10)/20 = 100% → 基本称职.
  赵丽: { village: votes([B, 6], [C, 4]), town: votes([B, 5], [C, 5]) },
  // 称职及以上 0/10 and 3/10 → not 称职. 基本称职及以上 4/10 (村评 alone 40%) + 7/10 → 11/20 = 55% summed → 基本称职;
  // 不称职 (6 + 3)/20 = 45% → not 不称职.
  刘洋: { village: votes([C, 4], [D, 6]), town: votes([B, 3], [C, 4], [D, 3]) },
  // 不称职 6/10 + 5/10 = 11/20 = 55% summed → 不称职. 基本称职及以上 (4 + 5)/20 = 45% → not 基本称职 first;
  // 称职及以上 0/10 and 5/10 → not 称职.
  陈静: { village: votes([C, 4], [D, 6]), town: votes([B, 5], [D, 5]) },
  // 优秀 3/10 in each → not 优秀; 称职及以上 6/10 = 60% in each → 称职, though 4 of 10 votes in each round are lower.
  杨帆: { village: votes([A, 3], [B, 3], [C, 2], [D, 2]), town: votes([A, 3], [B, 3], [C, 2], [D, 2]) },
};
const NAMES = Object.keys(MARKS);
const roster = NAMES.map((name) => ({ name }));

function ballot(round: '村评' | '镇评', i: number, names = NAMES) {
  return matrixSheet('测评表', {
    title: '村党组织书记“双述双评”测评表',
    fields: [`轮次：${round}`],
    levels: LEVELS,
    rows: names.map((name) => ({ name, marks: [(round === '村评' ? MARKS[name].village : MARKS[name].town)[i]] })),
  });
}

const village = Array.from({ length: 10 }, (_, i) => submission(`村评-${i + 1}.xlsx`, ballot('村评', i)));
const town = Array.from({ length: 10 }, (_, i) => submission(`镇评-${i + 1}.xlsx`, ballot('镇评', i)));
const scheme = getPreset('p3-village-two-rounds');
const result = runCampaign({ scheme, roster, submissions: [...village, ...town], today: '2026-12-01' });
const byName = (n: string) => result.subjects.find((s) => s.name === n)!;

describe('P3 第四篇 rounds: 村评 and 镇评 read from the "轮次" header field', () => {
  it('counts ten ballots in each round', () => {
    expect(result.participation.map((p) => [p.round, p.valid])).toEqual([
      ['村评', 10],
      ['镇评', 10],
    ]);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('a ballot without 轮次 is not counted in either round (ROUND_UNKNOWN)', () => {
    const noRound = matrixSheet('测评表', { title: '村党组织书记“双述双评”测评表', levels: LEVELS, rows: NAMES.map((name) => ({ name, marks: [A] })) });
    const r = runCampaign({ scheme, roster, submissions: [...village, ...town, submission('无轮次.xlsx', noRound)], today: '2026-12-01' });
    expect(r.findings.filter((f) => f.code === 'ROUND_UNKNOWN').map((f) => f.file)).toEqual(['无轮次.xlsx']);
    expect(r.subjects.map((s) => s.tier)).toEqual(result.subjects.map((s) => s.tier));
  });
});

describe('P3 第四篇 优秀: 优秀票 ≥ 70% in BOTH rounds', () => {
  it('7/10 in each round is exactly 70% and passes', () => {
    expect(byName('张建国').tier).toBe('优秀');
    expect(byName('张建国').reasons[0]).toContain('7/10 = 70.00%');
  });

  it('7/10 in one round and 6/10 in the other fails (not averaged, not summed: 13/20 = 65%)', () => {
    expect(byName('李红').tier).not.toBe('优秀');
  });

  it('one round alone cannot make 优秀: with no 镇评 ballots the tier is undecided, not guessed', () => {
    const r = runCampaign({ scheme, roster, submissions: village, today: '2026-12-01' });
    const s = r.subjects.find((x) => x.name === '张建国')!;
    expect(s.tier).toBeNull();
    expect(s.flags).toContain('待定');
  });
});

describe('P3 第四篇 优秀: 69.99% is not 70%', () => {
  // 村评 with 10000 ballots: 6999 优秀 = 69.99% (朱一), 7000 = 70.00% (朱二); 镇评 7/10 for both.
  it('6999/10000 fails, 7000/10000 passes', () => {
    const r2 = [{ name: '朱一' }, { name: '朱二' }];
    const sheet = (round: string, a: boolean, b: boolean, i: number) =>
      matrixSheet('测评表', { fields: [`轮次：${round}`, `票号：${i}`], levels: LEVELS, rows: [{ name: '朱一', marks: [a ? A : B] }, { name: '朱二', marks: [b ? A : B] }] });
    const many = submission('村评-汇总.xlsx', ...Array.from({ length: 10000 }, (_, i) => sheet('村评', i < 6999, i < 7000, i)));
    const few = Array.from({ length: 10 }, (_, i) => submission(`镇评-${i}.xlsx`, sheet('镇评', i < 7, i < 7, i)));
    const r = runCampaign({ scheme, roster: r2, submissions: [many, ...few], today: '2026-12-01' });
    expect(r.subjects[0].tier).not.toBe('优秀');
    const villageFigures = r.subjects[0].figures.find((f) => f.round === '村评')!;
    expect(villageFigures.levels[A]).toEqual({ level: '优秀', votes: 6999, share: '69.99%' });
    expect(r.subjects[1].tier).toBe('优秀');
  });
});

describe('P3 第四篇 称职: 称职及以上票 ≥ 60% in BOTH rounds (the tiers an ordered scale)', () => {
  it('6/10 in each round is exactly 60% and passes', () => {
    expect(byName('王明').tier).toBe('称职');
    expect(byName('王明').reasons[0]).toContain('『称职』及以上票');
  });

  it('6/10 and 5/10 fails', () => {
    expect(byName('赵丽').tier).not.toBe('称职');
  });

  it('the 优秀票 count toward 称职: 7/10 and 6/10 优秀 (the rest 称职) is 称职, not undecided; the reason says the reading', () => {
    expect(byName('李红').tier).toBe('称职');
    expect(byName('李红').reasons[0]).toContain('10/10 = 100.00%');
    expect(byName('李红').reasons[0]).toContain('“称职”票含“优秀”票为本预设的理解');
  });

  it('more 优秀 votes never lose a tier: every ballot of 王明 (称职) raised to 优秀 still gives 称职 or better', () => {
    const better = Object.fromEntries(NAMES.map((n) => [n, n === '王明' ? { village: votes([A, 6], [C, 4]), town: votes([A, 6], [C, 4]) } : MARKS[n]]));
    const sheets = (round: '村评' | '镇评') =>
      Array.from({ length: 10 }, (_, i) =>
        submission(`${round}-${i + 1}.xlsx`, matrixSheet('测评表', { title: '村党组织书记“双述双评”测评表', fields: [`轮次：${round}`], levels: LEVELS, rows: NAMES.map((name) => ({ name, marks: [(round === '村评' ? better[name].village : better[name].town)[i]] })) })),
      );
    const r = runCampaign({ scheme, roster, submissions: [...sheets('村评'), ...sheets('镇评')], today: '2026-12-01' });
    expect(r.subjects.find((x) => x.name === '王明')!.tier).toBe('称职');
  });

  it('a scheme may count 称职票 alone (orBetter false): then 李红 falls below 王明 with better votes, the reading the preset avoids', () => {
    const s = structuredClone(scheme);
    const rule = s.classification.rules.find((x) => x.tier === '称职')!;
    (rule.when[0] as { orBetter?: boolean }).orBetter = false;
    const r = runCampaign({ scheme: loadScheme(s), roster, submissions: [...village, ...town], today: '2026-12-01' });
    // 称职 alone 3/10 and 4/10 → not 称职; 基本称职及以上 20/20 = 100% → 基本称职. 王明 (称职 6/10 each) stays 称职.
    expect(r.subjects.find((x) => x.name === '李红')!.tier).toBe('基本称职');
    expect(r.subjects.find((x) => x.name === '王明')!.tier).toBe('称职');
  });

  it('杨帆, 3 优秀 + 3 称职 + 2 基本称职 + 2 不称职 in each round: 称职及以上 6/10 = 60% each → 称职', () => {
    expect(byName('杨帆').tier).toBe('称职');
  });
});

describe('P3 第四篇 基本称职 / 不称职: the two rounds\' votes added together ≥ 50%', () => {
  it('基本称职及以上 4/10 + 7/10 = 11/20 = 55% passes although 村评 alone is 40%', () => {
    expect(byName('刘洋').tier).toBe('基本称职');
    expect(byName('刘洋').reasons[0]).toContain('『基本称职』及以上票');
    expect(byName('刘洋').reasons[0]).toContain('11/20 = 55.00%');
  });

  it('基本称职及以上 (4 + 5)/20 = 45% fails, and 不称职 (6 + 5)/20 = 55% → 不称职, with 诫勉谈话，责令限期改正 and a rectification row', () => {
    const s = byName('陈静');
    expect(s.tier).toBe('不称职');
    expect(s.reasons[0]).toContain('11/20 = 55.00%');
    expect(s.consequences.map((c) => c.action)).toEqual(['诫勉谈话，责令限期改正']);
    expect(result.rectification.map((r) => r.subject)).toEqual(['陈静']);
    expect(result.rectification[0].deadline).toBe('2026-12-31');
  });

  it('with both rounds voted and 弃权 out of the denominator, every subject gets a tier: nobody is left to the 镇党委', () => {
    expect(result.subjects.map((x) => [x.name, x.tier])).toEqual([
      ['张建国', '优秀'],
      ['李红', '称职'],
      ['王明', '称职'],
      ['赵丽', '基本称职'],
      ['刘洋', '基本称职'],
      ['陈静', '不称职'],
      ['杨帆', '称职'],
    ]);
    expect(result.findings.filter((f) => f.code === 'TIER_UNDECIDED')).toEqual([]);
  });
});

describe('P3 第四篇 no rule matches: undecided (镇党委 decides), never guessed', () => {
  // A scheme counting 弃权 in the denominator: 孙七 has 3 基本称职, 3 不称职 and 4 blank rows in each round's 10
  // ballots (周全 beside him, 优秀 on every ballot). 称职及以上 0/10; 基本称职及以上 6/20 = 30%; 不称职 6/20 = 30%.
  const s = structuredClone(scheme);
  s.counting.abstentionsInDenominator = true;
  const marks = votes([C, 3], [D, 3], [-1, 4]);
  const sheets = (round: '村评' | '镇评') =>
    Array.from({ length: 10 }, (_, i) =>
      submission(`${round}-${i + 1}.xlsx`, matrixSheet('测评表', { fields: [`轮次：${round}`], levels: LEVELS, rows: [{ name: '孙七', marks: [marks[i]] }, { name: '周全', marks: [A] }] })),
    );
  const r = runCampaign({ scheme: loadScheme(s), roster: [{ name: '孙七' }, { name: '周全' }], submissions: [...sheets('村评'), ...sheets('镇评')], today: '2026-12-01' });
  const sun = r.subjects.find((x) => x.name === '孙七')!;

  it('→ tier null, 待定, TIER_UNDECIDED, no consequence and no rectification row', () => {
    expect(sun.tier).toBeNull();
    expect(sun.flags).toContain('待定');
    expect(sun.consequences).toEqual([]);
    expect(r.findings.filter((f) => f.code === 'TIER_UNDECIDED').map((f) => f.subject)).toEqual(['孙七']);
    expect(r.rectification).toEqual([]);
    expect(r.subjects.find((x) => x.name === '周全')!.tier).toBe('优秀');
  });

  it('the reason gives the figures of the rules not met', () => {
    const text = sun.reasons.join('；');
    expect(text).toContain('6/20 = 30.00%');
  });
});

describe('P3 第四篇 two rules met on different votes: undecided, both figures said (镇党委 decides)', () => {
  // 刘五: 村评 5 不称职 + 5 基本称职; 镇评 10 不称职 + 10 基本称职 (20 ballots).
  // 基本称职及以上 (5 + 10)/30 = 50% meets 「达到50%以上的，可定为“基本称职”」; 不称职 (5 + 10)/30 = 50% meets
  // 「达到50%以上的定为“不称职”」 too. The rule order is no ground to pick one.
  const both = ['刘五'];
  const liuWu = (round: '村评' | '镇评', i: number) =>
    matrixSheet('测评表', { title: '村党组织书记“双述双评”测评表', fields: [`轮次：${round}`], levels: LEVELS, rows: [{ name: '刘五', marks: [i % 2 === 0 ? D : C] }] });
  const r = runCampaign({
    scheme,
    roster: both.map((name) => ({ name })),
    submissions: [
      ...Array.from({ length: 10 }, (_, i) => submission(`村评-${i + 1}.xlsx`, liuWu('村评', i))),
      ...Array.from({ length: 20 }, (_, i) => submission(`镇评-${i + 1}.xlsx`, liuWu('镇评', i))),
    ],
    today: '2026-12-01',
  });
  const s = r.subjects[0];

  it('gives no tier and says both rules with their figures', () => {
    expect(s.tier).toBeNull();
    expect(s.flags).toContain('待定');
    const why = s.reasons.find((x) => x.startsWith('同时符合'))!;
    expect(why).toContain('「基本称职」');
    expect(why).toContain('「不称职」');
    expect(why.match(/15\/30 = 50\.00%/g)).toHaveLength(2);
    expect(r.findings.filter((f) => f.code === 'TIER_UNDECIDED').map((f) => f.subject)).toEqual(['刘五']);
    expect(s.consequences).toEqual([]);
  });

  it('a tier met together with a rule on the same votes is not ambiguous (称职及以上 counts the 优秀票)', () => {
    // 张建国's 7/10 优秀 in each round also meets 称职及以上 ≥ 60% and 基本称职及以上 ≥ 50%; 王明's 称职及以上 6/10
    // meets 基本称职及以上 20/20: by design, the first rule decides.
    expect(byName('张建国').tier).toBe('优秀');
    expect(byName('王明').tier).toBe('称职');
    expect(byName('张建国').flags).not.toContain('待定');
  });
});

describe('P3 第四篇 a subject without 镇评 votes is not ranked on 村评 alone', () => {
  it('周八 (no 镇评 ballot names him) is 待定 and has no rank; the others are ranked without him', () => {
    const withZhou = [...roster, { name: '周八' }];
    const villageZhou = Array.from({ length: 10 }, (_, i) =>
      submission(`村评-${i + 1}.xlsx`, matrixSheet('测评表', { title: '村党组织书记“双述双评”测评表', fields: ['轮次：村评'], levels: LEVELS, rows: [...NAMES.map((name) => ({ name, marks: [MARKS[name].village[i]] })), { name: '周八', marks: [A] }] })),
    );
    const r = runCampaign({ scheme, roster: withZhou, submissions: [...villageZhou, ...town], today: '2026-12-01' });
    const zhou = r.subjects.find((x) => x.name === '周八')!;
    expect(zhou.tier).toBeNull();
    expect(zhou.rank).toBeNull();
    expect(zhou.reasons).toContain('有效票不全，等次无法判断，不参加排名');
    // 张建国 (14/20 优秀 pooled = 70%) is first, not 周八 (10/10 in 村评 alone).
    expect(r.subjects.find((x) => x.name === '张建国')!.rank).toBe(1);
  });
});

describe('P3 得票情况: each round on its own row, and the two rounds added only where a rule adds them', () => {
  const rows = describeVotes(result)!.cells.map((row) => row.map((c) => c.text ?? c.value));

  it('李红: 村评 优秀 7/10 = 70%, 镇评 6/10 = 60% (why not 优秀), then 各轮合计 13/20 = 65% for the rules that add the rounds', () => {
    expect(rows[1]).toEqual(['序号', '姓名', '轮次', '有效票数', '弃权', '无效', ...LEVELS.flatMap((l) => [`${l}票数`, `${l}占比`])]);
    expect(rows.filter((r) => r[1] === '李红').map((r) => r.slice(2))).toEqual([
      ['村评', '10', '0', '0', '7', '70.00%', '3', '30.00%', '0', '0.00%', '0', '0.00%'],
      ['镇评', '10', '0', '0', '6', '60.00%', '4', '40.00%', '0', '0.00%', '0', '0.00%'],
      ['各轮合计', '20', '0', '0', '13', '65.00%', '7', '35.00%', '0', '0.00%', '0', '0.00%'],
    ]);
  });

  it('刘洋: the added row gives 优秀 0, 称职 3, 基本称职 8 of 20, the 11/20 = 55% 基本称职及以上 the reason says', () => {
    const pooled = rows.find((r) => r[1] === '刘洋' && r[2] === '各轮合计')!;
    expect(pooled.slice(3)).toEqual(['20', '0', '0', '0', '0.00%', '3', '15.00%', '8', '40.00%', '9', '45.00%']);
    expect(byName('刘洋').reasons[0]).toContain('各轮合计 11/20 = 55.00%');
  });

  it('where the scheme counts 弃权 in the denominator, the sheet says its 占比 are over valid votes and the rules\' are in the reasons', () => {
    const s = structuredClone(scheme);
    s.counting.abstentionsInDenominator = true;
    const r = runCampaign({ scheme: loadScheme(s), roster, submissions: [...village, ...town], today: '2026-12-01' });
    const notes = describeVotes(r)!.cells.map((row) => row[0].value);
    expect(notes).toContain('注：本方案的得票率把弃权也计入分母，与上表以有效票数为分母的占比不同；规则所用的得票率及其分子分母见各人的理由。');
    expect(rows.map((row) => row[0])).not.toContain(notes.find((v) => typeof v === 'string' && v.includes('弃权也计入分母')));
  });

  it('the note says the per-round rows serve 优秀 and 称职, the added rows 基本称职, 不称职 and the ranking', () => {
    expect(rows.map((r) => r[0])).toContain('注：「村评」「镇评」各行用于「优秀」「称职」的条件；「各轮合计」行用于「基本称职」「不称职」的条件和排名。');
  });
});

describe('P3 第四篇: what is published', () => {
  it('names the campaign as the seed does: 村党组织书记“双述双评”', () => {
    expect(getPreset('p3-village-two-rounds').process).toBe('村党组织书记“双述双评”');
  });
});
