/**
 * Designations and ranking per roster category (README "Designations per category"): seed 003 篇七 四、(三)
 * 「按照农村不低于10%、社区和其他基层党组织不低于5%的比例确定一批工作相对落后的基层党组织，列入重点管理」 and 篇六 二、
 * 「干部考核原则上按现职岗位确定类别，即单位负责人、副职2个类别」. Every count, rank and name below is worked out by
 * hand in the comments; none is copied from the engine's output.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { summaryText } from '../../src/cli/summary';
import { runCampaign } from '../../src/core/engine';
import { describeRanking } from '../../src/core/output/describe-ranking';
import { getPreset } from '../../src/core/presets';
import { RosterEntry } from '../../src/core/roster/roster';
import { SchemeError, loadScheme } from '../../src/core/scheme/load-scheme';
import { Scheme } from '../../src/core/scheme/scheme-schema';
import { schemeWarnings } from '../../src/core/scheme/scheme-warnings';
import { CellValue } from '../../src/core/forms/grid';
import { scoreSheet, submission } from '../helpers/grids';

const EXAMPLE = join(__dirname, '..', 'fixtures', 'schemes', 'p7-key-management.json');
const example = (): Scheme => loadScheme(readFileSync(EXAMPLE, 'utf8'), 'p7-key-management.json');

// 23 village 党支部 scoring 99, 98, …, 77 (village i scores 99 − i).
const VILLAGE_CHARS = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天';
const VILLAGES = [...VILLAGE_CHARS].map((c, i) => ({ name: `${c}村党支部`, category: '农村', score: 99 - i }));
// 社区 and 机关: 7 organisations; the two lowest tie at 60.
const OTHERS = [
  { name: '东社区党支部', category: '社区', score: 95 },
  { name: '西社区党支部', category: '社区', score: 88 },
  { name: '南社区党支部', category: '社区', score: 76 },
  { name: '北社区党支部', category: '社区', score: 60 },
  { name: '财政局机关党支部', category: '机关', score: 92 },
  { name: '教育局机关党支部', category: '机关', score: 60 },
  { name: '卫生局机关党支部', category: '机关', score: 85 },
];
const ORGS = [...VILLAGES, ...OTHERS];

function runOrgs(scheme: Scheme, withCategories = true) {
  const roster: RosterEntry[] = ORGS.map((o) => ({ name: o.name, kind: 'organisation', ...(withCategories ? { category: o.category } : {}) }));
  // One 评分表 filled by the 考评组 (the form's only rater group), a row per organisation.
  const rows: CellValue[][] = [['基层党组织考核评分表'], ['党组织名称', '综合得分'], ...ORGS.map((o): CellValue[] => [o.name, o.score])];
  const submissions = [submission('考评组.xlsx', { name: '评分表', rows, merges: [] })];
  return runCampaign({ scheme, roster, submissions, today: '2026-12-20' });
}

const of = (result: ReturnType<typeof runOrgs>, name: string) => result.subjects.find((s) => s.name === name)!;
const designated = (result: ReturnType<typeof runOrgs>, what: string) => result.subjects.filter((s) => s.designations.includes(what)).map((s) => s.name);
const CITE = '《述职评议考核工作方案》篇七 四、(三)：按照农村不低于10%、社区和其他基层党组织不低于5%的比例确定一批工作相对落后的基层党组织，列入重点管理';

describe('seed 003 篇七: 重点管理 农村 ≥10%, 社区和其他 ≥5%, each counted within its own list', () => {
  const result = runOrgs(example());

  it('the example scheme file loads and scores every organisation as the 评分表 gives it', () => {
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(of(result, '亥村党支部').score?.toNumber()).toBe(78);
  });

  it('农村: 23 × 10% = 2.3, rounded up to 3: the three lowest villages (79, 78, 77)', () => {
    // Villages 20, 21, 22 (戌 79, 亥 78, 天 77) are the three lowest of the 23 villages.
    expect(designated(result, '重点管理').filter((n) => n.includes('村'))).toEqual(['戌村党支部', '亥村党支部', '天村党支部']);
    // 亥村 is 22nd of the villages, while 26th over all 30 (21 villages and 东 95, 财政局 92, 西 88, 卫生局 85 above it).
    expect(of(result, '亥村党支部').rank).toBe(26);
    expect(of(result, '亥村党支部').reasons).toContain(
      `列入「重点管理」：「农村」类共 23 个，该支部在该类排第 22 名，在末位 10% 之内（23 个的 10% 为 2.3，向上取整为 3 个）（${CITE}）`,
    );
    // 酉村 (80) is 20th of 23: outside the three.
    expect(of(result, '酉村党支部').designations).toEqual([]);
  });

  it('社区和其他: 7 × 5% = 0.35, rounded up to 1, and the two lowest tie at 60: both flagged for the committee, none designated', () => {
    // 社区 and 机关 together (the categories no entry names, under the catch-all share): 95, 92, 88, 85, 76, 60, 60.
    expect(designated(result, '重点管理').filter((n) => !n.includes('村'))).toEqual([]);
    for (const name of ['北社区党支部', '教育局机关党支部']) expect(of(result, name).flags).toContain('重点管理并列');
    const ties = result.findings.filter((f) => f.code === 'QUOTA_TIE');
    expect(ties.map((f) => f.subject).sort()).toEqual(['北社区党支部', '教育局机关党支部'].sort());
    expect(ties[0].message).toContain('在其他类别（社区、机关）中与');
    expect(ties[0].message).toContain('并列第 6 名');
    // 南社区 (76) is 5th of 7: not at the boundary.
    expect(of(result, '南社区党支部').flags).not.toContain('重点管理并列');
  });

  it('a category with no share and no catch-all: not designated, each of its organisations told, one finding per category naming them', () => {
    const scheme = example();
    delete scheme.designations[0].share;
    const r = runOrgs(scheme);
    // The villages are counted as before.
    expect(designated(r, '重点管理')).toEqual(['戌村党支部', '亥村党支部', '天村党支部']);
    const missing = r.findings.filter((f) => f.code === 'DESIGNATION_NO_SHARE');
    expect(missing).toHaveLength(2);
    expect(missing[0].message).toContain('方案没有类别「社区」的比例');
    expect(missing[0].message).toContain('东社区党支部、西社区党支部、南社区党支部、北社区党支部 未参加认定');
    expect(missing[1].message).toContain('方案没有类别「机关」的比例');
    expect(of(r, '教育局机关党支部').flags).toContain('重点管理待定');
    expect(of(r, '教育局机关党支部').reasons.some((t) => t.includes('方案没有类别「机关」的比例，本组织未参加认定'))).toBe(true);
  });

  it('without categories in the roster it is exactly the plain share over everyone, as before categories', () => {
    const plain = example();
    plain.designations[0] = { name: '重点管理', kind: 'at-least', share: 5, cite: CITE };
    const byCategory = runOrgs(example(), false);
    const before = runOrgs(plain, false);
    expect(byCategory.subjects).toEqual(before.subjects);
    expect(byCategory.findings).toEqual(before.findings);
    // 30 × 5% = 1.5, rounded up to 2: the two at 60 share the 29th place and both fit in.
    expect(designated(byCategory, '重点管理').sort()).toEqual(['北社区党支部', '教育局机关党支部'].sort());
    expect(of(byCategory, '北社区党支部').reasons).toContain(`列入「重点管理」：共 30 个，该支部排第 29 名，在末位 5% 之内（30 个的 5% 为 1.5，向上取整为 2 个）（${CITE}）`);
  });
});

describe('a roster of organisations without a 类型 column, for a scheme whose every form rates organisations', () => {
  // A clerk's list of 党组织名称 and 类别 alone: each entry is an organisation, since the one form rates nothing else.
  const roster: RosterEntry[] = ORGS.map((o) => ({ name: o.name, category: o.category }));
  const rows: CellValue[][] = [['基层党组织考核评分表'], ['党组织名称', '综合得分'], ...ORGS.map((o): CellValue[] => [o.name, o.score])];
  const result = runCampaign({ scheme: example(), roster, submissions: [submission('考评组.xlsx', { name: '评分表', rows, merges: [] })], today: '2026-12-20' });

  it('every row of the 评分表 is counted (on main each said 不在名册中 beside the name the results listed)', () => {
    expect(result.findings.filter((f) => f.code === 'SUBJECT_NOT_IN_ROSTER')).toEqual([]);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(of(result, '亥村党支部').score?.toNumber()).toBe(78);
  });

  it('the same 重点管理 as with 类型 given, said of 该支部', () => {
    // As above: 23 villages × 10% = 2.3 → 3, the three lowest (戌 79, 亥 78, 天 77); 亥村 22nd of the 23.
    expect(designated(result, '重点管理').filter((n) => n.includes('村'))).toEqual(['戌村党支部', '亥村党支部', '天村党支部']);
    expect(of(result, '亥村党支部').reasons).toContain(
      `列入「重点管理」：「农村」类共 23 个，该支部在该类排第 22 名，在末位 10% 之内（23 个的 10% 为 2.3，向上取整为 3 个）（${CITE}）`,
    );
  });
});

describe('the scheme field is checked', () => {
  const withDesignation = (d: unknown) => ({ ...structuredClone(example()), designations: [d] });
  it('a designation without a share or shares by category is refused', () => {
    expect(() => loadScheme(withDesignation({ name: '重点管理', kind: 'at-least', cite: 'x' }))).toThrow(SchemeError);
  });
  it('a category given two shares is refused, naming it', () => {
    const twice = { name: '重点管理', kind: 'at-least', cite: 'x', byCategory: [{ categories: ['农村'], share: 10 }, { categories: ['社区', '农村'], share: 5 }] };
    expect(() => loadScheme(withDesignation(twice))).toThrow(/类别「农村」已在第 1 项中写了比例/);
  });
  it('a share of 0.1 by category is warned about as 0.1%', () => {
    const scheme = loadScheme(withDesignation({ name: '重点管理', kind: 'at-least', cite: 'x', byCategory: [{ categories: ['农村'], share: 0.1 }] }));
    expect(schemeWarnings(scheme).filter((w) => w.includes('designations[0].byCategory[0].share'))).toEqual([
      expect.stringContaining('是 0.1，即 0.1%：是否应为 10（即 10%）？'),
    ]);
  });
});

describe('seed 003 篇六: 名次 within each 考核类别 (ranking.per), the 排名表 grouped 先正职后副职', () => {
  // Scores: 干部 and 员工 give the same score, so the weighted score (×50% + ×50%) is that score.
  const PEOPLE = [
    { name: '王一', category: '正职', score: 90 },
    { name: '李二', category: '正职', score: 88 },
    { name: '张三', category: '正职', score: 86 },
    { name: '赵四', category: '副职', score: 80 },
    { name: '钱五', category: '副职', score: 70 },
    { name: '孙六', category: '副职', score: 70 },
    { name: '周七', category: '副职', score: 60 },
  ];
  const run = (scheme: Scheme, people = PEOPLE, withCategories = true) =>
    runCampaign({
      scheme,
      roster: people.map((p) => ({ name: p.name, ...(withCategories && p.category ? { category: p.category } : {}) })),
      submissions: ['干部', '员工'].map((group) =>
        submission(`${group}.xlsx`, scoreSheet('表', { fields: [`测评人类别：${group}`], items: ['测评得分'], rows: people.map((p) => ({ name: p.name, scores: [p.score] })) })),
      ),
      today: '2026-12-20',
    });
  const p4 = (per: boolean, share = 25): Scheme => {
    const s = getPreset('p4-middle-managers');
    if (per) s.ranking.per = 'category';
    s.designations[0].share = share;
    return s;
  };
  const ranks = (r: ReturnType<typeof run>) => Object.fromEntries(r.subjects.map((s) => [s.name, s.rank]));

  it('名次 are counted within each category; ties kept (钱五 and 孙六 both 副职第 2)', () => {
    // 正职 90, 88, 86 → 1, 2, 3. 副职 80, 70, 70, 60 → 1, 2, 2, 4.
    expect(ranks(run(p4(true)))).toEqual({ 王一: 1, 李二: 2, 张三: 3, 赵四: 1, 钱五: 2, 孙六: 2, 周七: 4 });
    // One list: 90, 88, 86, 80, 70, 70, 60 → 1, 2, 3, 4, 5, 5, 7.
    expect(ranks(run(p4(false)))).toEqual({ 王一: 1, 李二: 2, 张三: 3, 赵四: 4, 钱五: 5, 孙六: 5, 周七: 7 });
  });

  it('动态调整 uses each category\'s ranking: 正职 3 × 25% = 0.75 → 1 (张三), 副职 4 × 25% = 1 (周七)', () => {
    const r = run(p4(true));
    expect(r.subjects.filter((s) => s.designations.length > 0).map((s) => s.name)).toEqual(['张三', '周七']);
    expect(r.subjects.find((s) => s.name === '张三')!.reasons).toContain(
      '列入「动态调整」：「正职」类共 3 人，本人在该类排第 3 名，在末位 25% 之内（3 人的 25% 为 0.75，四舍五入为 1 人）（《述职评议考核工作方案》篇六：每年按10%的比例建立动态调整机制）',
    );
    // Over one list instead: 7 × 25% = 1.75 → 2; 周七 7th, and the 6th place is 钱五 and 孙六 tied at 5th: flagged, 张三 (3rd) not in.
    const whole = run(p4(false));
    expect(whole.subjects.filter((s) => s.designations.length > 0).map((s) => s.name)).toEqual(['周七']);
    expect(whole.subjects.filter((s) => s.flags.includes('动态调整并列')).map((s) => s.name)).toEqual(['钱五', '孙六']);
  });

  it('排名表 shows the 类别 first and the categories in roster order, each by its 名次 (ties 按姓氏笔画: 孙 before 钱)', () => {
    const sheet = describeRanking(run(p4(true)));
    const head = sheet.cells.findIndex((row) => row.some((c) => c.value === '名次'));
    expect(sheet.cells[head].slice(0, 3).map((c) => c.value)).toEqual(['类别', '名次', '姓名']);
    const body = sheet.cells.slice(head + 1, head + 8).map((row) => row.slice(0, 3).map((c) => c.value));
    expect(body).toEqual([
      ['正职', 1, '王一'],
      ['正职', 2, '李二'],
      ['正职', 3, '张三'],
      ['副职', 1, '赵四'],
      ['副职', 2, '孙六'],
      ['副职', 2, '钱五'],
      ['副职', 4, '周七'],
    ]);
  });

  it('the command line\'s summary says the category with each 名次 (副职 2), in the 排名表\'s order', () => {
    const lines = summaryText(run(p4(true))).split('\n');
    const at = (name: string) => lines.findIndex((l) => l.includes(name));
    expect(lines[at('张三')]).toMatch(/^\s*正职 3\s/);
    expect(lines[at('钱五')]).toMatch(/^\s*副职 2\s/);
    expect(at('张三')).toBeLessThan(at('赵四'));
  });

  it('副职 listed first in the roster puts 副职 first on the 排名表', () => {
    const sheet = describeRanking(run(p4(true), [...PEOPLE.slice(3), ...PEOPLE.slice(0, 3)]));
    const head = sheet.cells.findIndex((row) => row.some((c) => c.value === '名次'));
    expect(sheet.cells[head + 1][0].value).toBe('副职');
    expect(sheet.cells[head + 5][0].value).toBe('正职');
  });

  it('someone without a category is ranked with the others without one, and said (CATEGORY_MISSING)', () => {
    const people = [...PEOPLE, { name: '吴八', category: '', score: 75 }];
    const r = run(p4(true), people);
    expect(r.subjects.find((s) => s.name === '吴八')!.rank).toBe(1);
    expect(r.findings.filter((f) => f.code === 'CATEGORY_MISSING').map((f) => f.subject)).toEqual(['吴八']);
  });

  it('with no category in the roster, ranking per category changes nothing: the same results, findings and 排名表', () => {
    const per = run(p4(true, 10), PEOPLE, false);
    const one = run(p4(false, 10), PEOPLE, false);
    expect(per.subjects).toEqual(one.subjects);
    expect(per.findings).toEqual(one.findings);
    expect(describeRanking(per)).toEqual(describeRanking(one));
    // One list as before: 7 × 10% = 0.7, rounded to 1: 周七, 7th.
    expect(per.subjects.filter((s) => s.designations.length > 0).map((s) => s.name)).toEqual(['周七']);
  });
});
