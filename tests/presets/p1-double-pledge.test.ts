/**
 * seed 000 市直机关工委“双诺双述双评”制度实施方案:
 * - 二(五)三是述诺测评: "评议结果分优秀、称职、基本称职和不称职四个等次,由参加会议的服务对象代表和
 *   党组织负责人分别进行测评,测评结果记入党员践诺情况考评表(附件5)".
 * - 二(六)结果运用: "'百优服务标兵'申报人是党员的,其…测评结果必须为优秀"; "对评议为不称职的党员,要及时
 *   加强教育,责令限期整改".
 * - 一票否决 (on the unit's 党建考核 score, not on the member's tier): "1.在党员先锋岗位上的党员出现违法、
 *   违纪行为,被查处的;2.被群众投诉,经查证属实的".
 * The seed does not say how the two groups combine nor what share makes a tier. The preset's stated
 * defaults: each group's share weighted 50/50; a tier "or better" needs a weighted share of 50% (含).
 *
 * Ballots: 6 from 服务对象代表 (each 1/6 of that group), 3 from 党组织负责人 (each 1/3). A weighted share
 * is (k/6 + j/3) / 2 — in twelfths — where k, j are the votes counted in each group.
 */
import { runCampaign } from '../../src/core/engine';
import { getPreset } from '../../src/core/presets';
import { matrixSheet, submission } from '../helpers/grids';
import { Fraction } from '../../src/core/common/fraction';
import { weightWords } from '../../src/core/rules/conditions';
import { describeVotes } from '../../src/core/output/describe-statistics';
import { describeRanking } from '../../src/core/output/describe-ranking';
import { rankingFigures } from '../../src/core/output/ranking-figures';

const LEVELS = ['优秀', '称职', '基本称职', '不称职'];
const [A, B, C, D] = [0, 1, 2, 3]; // 优秀, 称职, 基本称职, 不称职

/** Marks per subject: six 服务对象代表 ballots, three 党组织负责人 ballots. */
const MARKS: Record<string, { service: number[]; leader: number[] }> = {
  // 优秀 weighted (1/6 + 3/3)/2 = 7/12 = 58.33% ≥ 50% → 优秀.
  // (Pooled it would be 4/9 = 44.44% and miss: the groups must be combined by weight.)
  甲一: { service: [A, B, B, B, B, B], leader: [A, A, A] },
  // 优秀 weighted (5/6 + 0/3)/2 = 5/12 = 41.67% < 50% (pooled would be 5/9 = 55.56%);
  // 称职及以上 (6/6 + 3/3)/2 = 100% → 称职.
  乙二: { service: [A, A, A, A, A, B], leader: [B, B, B] },
  // 优秀 weighted (2/6 + 2/3)/2 = (1/3 + 2/3)/2 = 1/2 = 50.00% exactly → 优秀 (50% 含).
  丙三: { service: [A, A, B, B, B, B], leader: [A, A, B] },
  // 优秀 weighted (3/6 + 1/3)/2 = 5/12 = 41.67%, the next value below 50% → not 优秀; 称职及以上 100% → 称职.
  丁四: { service: [A, A, A, B, B, B], leader: [A, B, B] },
  // 基本称职及以上 (2/6 + 1/3)/2 = 1/3 = 33.33% < 50%; 称职及以上 (0 + 1/3)/2 = 1/6 → 不称职.
  戊五: { service: [C, C, D, D, D, D], leader: [B, D, D] },
  // 基本称职及以上 (4/6 + 1/3)/2 = 1/2 = 50.00% exactly → 基本称职; 称职及以上 0 → not 称职.
  己六: { service: [C, C, C, C, D, D], leader: [C, D, D] },
  // 基本称职及以上 (3/6 + 1/3)/2 = 5/12 = 41.67% → 不称职 (pooled would be 4/9 as well, but 己六 shows 50% passes).
  庚七: { service: [C, C, C, D, D, D], leader: [C, D, D] },
  // Unanimous 优秀, but roster flag 违法违纪 (一票否决 on the unit's score): the tier stays 优秀.
  辛八: { service: [A, A, A, A, A, A], leader: [A, A, A] },
};
const NAMES = Object.keys(MARKS);
const roster = NAMES.map((name) => (name === '辛八' ? { name, flags: { 违法违纪: '2025年因违纪被查处' } } : { name }));

function ballot(group: '服务对象代表' | '党组织负责人', i: number) {
  return matrixSheet('考评表', {
    title: '党员践诺情况考评表',
    fields: [`测评人类别：${group}`],
    levels: LEVELS,
    rows: NAMES.map((name) => ({ name, marks: [(group === '服务对象代表' ? MARKS[name].service : MARKS[name].leader)[i]] })),
  });
}

const submissions = [
  ...Array.from({ length: 6 }, (_, i) => submission(`服务对象${i + 1}.xlsx`, ballot('服务对象代表', i))),
  ...Array.from({ length: 3 }, (_, i) => submission(`负责人${i + 1}.xlsx`, ballot('党组织负责人', i))),
];

const scheme = getPreset('p1-double-pledge');
const result = runCampaign({ scheme, roster, submissions, today: '2026-12-01' });
const byName = (n: string) => result.subjects.find((s) => s.name === n)!;

describe('P1 二(五)三是: the ballot is the 述诺测评表; the 考评表 (附件5) records the results', () => {
  it('the template is titled 党员述诺测评表, and the seed is cited by its own title', () => {
    expect(scheme.forms.map((f) => f.title)).toEqual(['党员述诺测评表']);
    expect(scheme.seed).toBe('《市直机关工委关于在市直机关实行“双诺双述双评”制度实施方案》');
    expect(byName('甲一').reasons[0]).toContain('《市直机关工委关于在市直机关实行“双诺双述双评”制度实施方案》');
  });

  it('a copy returned with the former title 党员践诺情况考评表 (the ballots above) or the new one reads the same', () => {
    const retitled = submissions.map((sub) => ({
      ...sub,
      sheets: sub.sheets.map((sheet) => ({ ...sheet, rows: sheet.rows.map((row) => row.map((v) => (v === '党员践诺情况考评表' ? '党员述诺测评表' : v))) })),
    }));
    expect(retitled[0].sheets[0].rows[0]).toContain('党员述诺测评表');
    expect(submissions[0].sheets[0].rows[0]).toContain('党员践诺情况考评表');
    const r = runCampaign({ scheme, roster, submissions: retitled, today: '2026-12-01' });
    expect(r.subjects.map((x) => [x.name, x.tier])).toEqual(result.subjects.map((x) => [x.name, x.tier]));
    expect(r.participation.map((p) => p.valid)).toEqual([6, 3]);
    expect(r.findings.map((f) => f.code)).toEqual(result.findings.map((f) => f.code));
  });
});

describe('P1 二(五) 述诺测评: two groups rated separately, combined 50/50 by weight (preset default)', () => {
  it('reads six 服务对象代表 and three 党组织负责人 ballots as separate groups', () => {
    const service = result.participation.find((p) => p.group === '服务对象代表')!;
    const leader = result.participation.find((p) => p.group === '党组织负责人')!;
    expect([service.valid, leader.valid]).toEqual([6, 3]);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('weights the group shares, not the pooled votes: 7/12 = 58.33% is 优秀 though pooled 4/9 is not', () => {
    expect(byName('甲一').tier).toBe('优秀');
    expect(byName('甲一').reasons[0]).toContain('58.33%');
  });

  it('and the other way round: 5/12 = 41.67% is not 优秀 though pooled 5/9 would be', () => {
    expect(byName('乙二').tier).toBe('称职');
  });

  it('a ballot without 测评人类别 cannot be given to either group and is not counted', () => {
    const anonymous = matrixSheet('考评表', { title: '党员践诺情况考评表', levels: LEVELS, rows: NAMES.map((name) => ({ name, marks: [A] })) });
    const r = runCampaign({ scheme, roster, submissions: [...submissions, submission('无类别.xlsx', anonymous)], today: '2026-12-01' });
    expect(r.findings.filter((f) => f.code === 'GROUP_UNKNOWN').map((f) => f.file)).toEqual(['无类别.xlsx']);
    // Nothing moved: 甲一 still has 1 + 3 = 4 优秀 votes (5 had the all-优秀 ballot been counted).
    expect(r.subjects.map((s) => s.tier)).toEqual(result.subjects.map((s) => s.tier));
    expect(r.subjects.find((s) => s.name === '甲一')!.overall[0].votes).toBe(4);
  });
});

describe('P1 reasons show each group\'s figure and weight, so the weighted share can be recomputed', () => {
  it('甲一: 服务对象代表 1/6 = 16.67% and 党组织负责人 3/3 = 100% at 50% each make 7/12 = 58.33%', () => {
    expect(byName('甲一').reasons[0]).toContain('服务对象代表 1/6＝16.67%×50% ＋ 党组织负责人 3/3＝100.00%×50% ＝ 58.33%，符合「『优秀』票（按类别加权）得票率50%以上（含）」');
  });

  it('丙三 on the line: 2/6 = 33.33% and 2/3 = 66.67% make exactly 50.00%; 戊五 fails 基本称职及以上 with 2/6 and 1/3', () => {
    expect(byName('丙三').reasons[0]).toContain('服务对象代表 2/6＝33.33%×50% ＋ 党组织负责人 2/3＝66.67%×50% ＝ 50.00%');
    // 戊五: 基本称职及以上 (2/6 + 1/3)/2 = 1/3 = 33.33% (the rule that failed, with its parts).
    expect(byName('戊五').reasons[0]).toContain('服务对象代表 2/6＝33.33%×50% ＋ 党组织负责人 1/3＝33.33%×50% ＝ 33.33%，不符合');
  });

  it('a group without valid votes is named as such, not the whole share', () => {
    const only = matrixSheet('考评表', { title: '党员践诺情况考评表', fields: ['测评人类别：服务对象代表'], levels: LEVELS, rows: [{ name: '甲一', marks: [A] }] });
    const r = runCampaign({ scheme, roster: [{ name: '甲一' }], submissions: [submission('服务.xlsx', only)], today: '2026-12-01' });
    expect(r.subjects[0].reasons.join('；')).toContain('服务对象代表 1/1＝100.00%×50% ＋ 党组织负责人 无有效票，无法判断');
  });

  it('weights are written as percentages where exact, else as fractions (1/3 is not 33.33%)', () => {
    expect(weightWords(Fraction.of(1, 2))).toBe('50%');
    expect(weightWords(Fraction.of(67, 200))).toBe('33.5%');
    expect(weightWords(Fraction.of(1, 1))).toBe('100%');
    expect(weightWords(Fraction.of(1, 3))).toBe('1/3');
  });
});

describe('P1 得票情况: each group\'s votes and the weighted share the rules read, never the two groups pooled', () => {
  const sheet = describeVotes(result)!;
  const rows = sheet.cells.map((row) => row.map((c) => c.text ?? c.value));

  it('a row per group and a 按类别加权 row per member; 甲一 优秀 1/6 and 3/3 make 7/12 = 58.33% (pooled 4/9 is shown nowhere)', () => {
    expect(rows[1]).toEqual(['序号', '姓名', '测评人类别', '有效票数', '弃权', '无效', ...LEVELS.flatMap((l) => [`${l}票数`, `${l}占比`])]);
    // 甲一: service [A, B, B, B, B, B]: 优秀 1/6 = 16.67%, 称职 5/6 = 83.33%; leader [A, A, A]: 优秀 3/3.
    // Weighted: 优秀 (1/6 + 1)/2 = 7/12 = 58.33%; 称职 (5/6 + 0)/2 = 5/12 = 41.67%.
    // 序号 6 按姓氏笔画: 乙 1, 丁 2, 己 3 strokes; then the 5-stroke 丙 戊 (横 first) before 甲 (竖 first); 辛 7, 庚 8.
    expect(rows.filter((r) => r[1] === '甲一')).toEqual([
      ['6', '甲一', '服务对象代表', '6', '0', '0', '1', '16.67%', '5', '83.33%', '0', '0.00%', '0', '0.00%'],
      ['', '甲一', '党组织负责人', '3', '0', '0', '3', '100.00%', '0', '0.00%', '0', '0.00%', '0', '0.00%'],
      ['', '甲一', '按类别加权', '—', '—', '—', '—', '58.33%', '—', '41.67%', '—', '0.00%', '—', '0.00%'],
    ]);
    expect(rows.flat()).not.toContain('44.44%');
  });

  it('己六 on the line: 基本称职 4/6 and 1/3 weighted (2/3 + 1/3)/2 = 50.00%, the figure of the reason', () => {
    // service [C, C, C, C, D, D]: 基本称职 4/6, 不称职 2/6; leader [C, D, D]: 基本称职 1/3, 不称职 2/3.
    const weighted = rows.find((r) => r[1] === '己六' && r[2] === '按类别加权')!;
    expect(weighted.slice(10, 14)).toEqual(['—', '50.00%', '—', '50.00%']);
    expect(byName('己六').reasons[0]).toContain('＝ 50.00%');
  });

  it('弃权 and 无效 stand beside 有效票数, so 2 valid of 4 returned is explained (1 left blank, 1 with two ticks)', () => {
    // 甲一: 服务对象代表 优秀, 优秀, blank, 优秀+称职 (two ticks: 无效); 党组织负责人 优秀, blank. 乙二 is marked on every
    // ballot, so none of them is a blank form.
    const two = (group: '服务对象代表' | '党组织负责人', mark: number | number[]) =>
      matrixSheet('考评表', { title: '党员践诺情况考评表', fields: [`测评人类别：${group}`], levels: LEVELS, rows: [{ name: '甲一', marks: [mark] }, { name: '乙二', marks: [B] }] });
    const marks: ['服务对象代表' | '党组织负责人', number | number[]][] = [
      ['服务对象代表', A],
      ['服务对象代表', A],
      ['服务对象代表', -1],
      ['服务对象代表', [A, B]],
      ['党组织负责人', A],
      ['党组织负责人', -1],
    ];
    const r = runCampaign({ scheme, roster: [{ name: '甲一' }, { name: '乙二' }], submissions: marks.map(([g, m], i) => submission(`${i}.xlsx`, two(g, m))), today: '2026-12-01' });
    const cells = describeVotes(r)!.cells.map((row) => row.map((c) => c.text ?? c.value));
    expect(cells.filter((x) => x[1] === '甲一').map((x) => x.slice(2, 8))).toEqual([
      ['服务对象代表', '2', '1', '1', '2', '100.00%'],
      ['党组织负责人', '1', '1', '0', '1', '100.00%'],
      ['按类别加权', '—', '—', '—', '—', '100.00%'],
    ]);
    expect(cells.map((x) => x[0])).toContain('注：按姓氏笔画为序。票数为该行所列轮次、测评人类别的合计；弃权（未评）、无效的项目不计入有效票数和占比，弃权、无效的数目另列。');
  });

  it('the notes say which rules read these rows and how the weighted row is made', () => {
    const notes = rows.map((r) => r[0]).filter((v): v is string => typeof v === 'string' && v.startsWith('注'));
    expect(notes).toContain('注：「服务对象代表」「党组织负责人」「按类别加权」各行用于「优秀」「称职」「基本称职」的条件和排名。');
    expect(notes).toContain('注：「按类别加权」的占比＝服务对象代表占比×50%＋党组织负责人占比×50%（各类别分别计算后按权重相加；有类别无有效票的为「—」）。');
  });
});

describe('P1 排名表: the ranking figure is the weighted share, and headed so', () => {
  it('「优秀加权得票率」: 甲一 7/12 = 58.33%, no share anyone counted (服务对象代表 1/6, 党组织负责人 3/3)', () => {
    const [figure] = rankingFigures(result);
    expect(figure.header).toBe('优秀加权得票率');
    expect(figure.text(byName('甲一'))).toBe('58.33%');
    const ranking = describeRanking(result).cells.map((row) => row.map((c) => c.value));
    expect(ranking.flat()).toContain('优秀加权得票率');
    expect(ranking.flat()).not.toContain('优秀得票率');
  });

  it('with one group weighted (党组织负责人 0), the share is that group\'s own: 「优秀得票率」', () => {
    const one = structuredClone(scheme);
    one.raterGroups = one.raterGroups.map((g) => (g.id === 'leader' ? { ...g, weight: 0 } : g));
    expect(rankingFigures({ scheme: one, roster: result.roster })[0].header).toBe('优秀得票率');
  });
});

describe('P1 boundary: 50% (含) of the weighted share', () => {
  it('exactly 50.00% 优秀 is 优秀', () => {
    expect(byName('丙三').tier).toBe('优秀');
    expect(byName('丙三').reasons[0]).toContain('50.00%');
  });

  it('41.67% (the next value below) is not 优秀 but 称职', () => {
    expect(byName('丁四').tier).toBe('称职');
  });

  it('exactly 50.00% 基本称职及以上 is 基本称职; 41.67% is 不称职', () => {
    expect(byName('己六').tier).toBe('基本称职');
    expect(byName('庚七').tier).toBe('不称职');
  });

  it('33.33% 基本称职及以上 is 不称职', () => {
    expect(byName('戊五').tier).toBe('不称职');
  });
});

describe('P1 二(六) 结果运用', () => {
  it('不称职 → 及时加强教育，责令限期整改, with a rectification row (30 days by preset default)', () => {
    expect(byName('戊五').consequences.map((c) => c.action)).toEqual(['及时加强教育，责令限期整改']);
    expect(byName('戊五').consequences[0].rectifyWithinDays).toBe(30);
    const rows = result.rectification.filter((r) => r.subject === '戊五');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: '及时加强教育，责令限期整改', deadline: '2026-12-31', status: '整改中' });
    expect(rows[0].problem).toContain('不称职');
  });

  it('only 不称职 members get a rectification row', () => {
    expect(result.rectification.map((r) => r.subject).sort()).toEqual(['庚七', '戊五'].sort());
  });

  // 申报人…测评结果必须为优秀: a condition of applying, not leave to apply.
  const MEETS = '满足“百优服务标兵”申报的测评条件（申报人测评结果须为优秀）';
  it('优秀 meets the 测评 condition of a 百优服务标兵 applicant (no rectification)', () => {
    expect(byName('丙三').consequences).toEqual([expect.objectContaining({ action: MEETS, rectifyWithinDays: null })]);
    // Not a 整改清单 item: said with the tier instead.
    expect(byName('丙三').reasons).toContain(`结果运用：${MEETS}（${scheme.consequences[1].cite}）`);
    expect(byName('乙二').consequences).toEqual([]);
  });

  it('not said of an 优秀 the roster records as 违法违纪被查处 (辛八): the condition is no word for him', () => {
    expect(byName('辛八').tier).toBe('优秀');
    expect(byName('辛八').consequences).toEqual([]);
    expect(byName('辛八').reasons.join('')).not.toContain('百优');
  });
});

describe('P1 一票否决 (on the unit\'s score): recorded, the member\'s tier unchanged', () => {
  it('违法违纪被查处 is noted on the member and flagged 单位工作否决 (not 一票否决: the member\'s tier is not vetoed); tier stays 优秀', () => {
    const s = byName('辛八');
    expect(s.tier).toBe('优秀');
    expect(s.flags).toContain('单位工作否决');
    expect(s.flags).not.toContain('一票否决');
    expect(s.vetoes.map((v) => v.id)).toEqual(['pioneer-violation']);
    expect(s.reasons.join('')).toContain('扣除本项工作全部分值');
    expect(s.reasons.join('')).toContain('2025年因违纪被查处');
  });

  it('nobody else is vetoed', () => {
    expect(result.subjects.filter((s) => s.vetoes.length > 0).map((s) => s.name)).toEqual(['辛八']);
  });

  it('a complaint verified (投诉查实) fires the same note', () => {
    const r = runCampaign({ scheme, roster: roster.map((e) => (e.name === '甲一' ? { name: '甲一', flags: { 投诉查实: '2025年群众投诉经查证属实' } } : e)), submissions, today: '2026-12-01' });
    const s = r.subjects.find((x) => x.name === '甲一')!;
    expect(s.tier).toBe('优秀');
    expect(s.flags).toContain('单位工作否决');
  });
});

describe('P1 a group with no valid votes for someone: the weighted share cannot be formed', () => {
  // 陈亮 is on the six 服务对象代表 ballots only (优秀 ×6); no 党组织负责人 ballot names him.
  const only = (group: '服务对象代表' | '党组织负责人', i: number) =>
    matrixSheet('考评表', { title: '党员践诺情况考评表', fields: [`测评人类别：${group}`], levels: LEVELS, rows: group === '服务对象代表' ? [{ name: '陈亮', marks: [A] }] : [] });
  const chen = [...Array.from({ length: 6 }, (_, i) => submission(`服务对象${i + 1}.xlsx`, only('服务对象代表', i)))];

  it('by default says which group has no votes (not 无有效票) and leaves the tier to the committee', () => {
    const r = runCampaign({ scheme, roster: [{ name: '陈亮' }], submissions: chen, today: '2026-12-01' });
    const s = r.subjects[0];
    expect(s.tier).toBeNull();
    expect(s.reasons[0]).toContain('服务对象代表 6/6＝100.00%×50% ＋ 党组织负责人 无有效票，无法判断');
  });

  it('with counting.missingGroup: rescale, the share of 服务对象代表 alone (6/6 = 100% → 优秀), said so', () => {
    const rescale = structuredClone(scheme);
    rescale.counting.missingGroup = 'rescale';
    const s = runCampaign({ scheme: rescale, roster: [{ name: '陈亮' }], submissions: chen, today: '2026-12-01' }).subjects[0];
    expect(s.tier).toBe('优秀');
    expect(s.reasons[0]).toContain('服务对象代表 6/6＝100.00%×50% ＋ 党组织负责人 无有效票 ＝ 100.00%（党组织负责人无有效票，按其余类别的权重折算）');
  });
});
