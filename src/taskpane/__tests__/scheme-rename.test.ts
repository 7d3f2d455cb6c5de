/**
 * Adapting a preset in words (scheme-rename.ts): what a rename may not be, the old name kept as an alias so forms
 * printed before the rename still read as the renamed group, and 党员人数 set per unit.
 */
import { runCampaign } from '../../core/engine';
import { getPreset } from '../../core/presets';
import { loadScheme } from '../../core/scheme/load-scheme';
import { Scheme } from '../../core/scheme/scheme-schema';
import { scoreSheet, submission } from '../../../tests/helpers/grids';
import { nameProblem, renameProblem, renameRaterGroup, renameRound, setUnitMemberCount, unitsOfRatedSubjects } from '../scheme-rename';

const p4 = () => getPreset('p4-middle-managers');

describe('renameProblem', () => {
  const groups = p4().raterGroups; // 干部 (aliases 中层干部, 干部打分), 员工 (员工代表, 员工打分, 部分员工)

  it('refuses an empty name, a name over the schema limit, and another group\'s name, alias or code', () => {
    expect(renameProblem(groups, 1, '  ', '评议人类别')).toBe('名称不能为空');
    expect(renameProblem(groups, 1, '员'.repeat(201), '评议人类别')).toBe('名称最多 200 个字（现为 201 个字）');
    expect(renameProblem(groups, 1, '干部', '评议人类别')).toBe('已有名为「干部」的评议人类别，两个评议人类别不能同名（表上的评议人类别就分不出来了）');
    // Written as the reader compares labels: full-width spaces do not make it another name.
    expect(renameProblem(groups, 1, '中层　干部', '评议人类别')).toBe('「中层干部」是评议人类别「干部」的别名（表上写「中层干部」的票按「干部」读取），请换一个名称');
    expect(renameProblem(groups, 0, 'staff', '评议人类别')).toMatch(/^「staff」是评议人类别「员工」的代号/);
  });

  it('takes a group\'s own alias or a new name', () => {
    expect(renameProblem(groups, 0, '中层干部', '评议人类别')).toBeNull();
    expect(renameProblem(groups, 1, '职工代表', '评议人类别')).toBeNull();
    expect(nameProblem('2026年度XX支行中层干部述职考核', '评议名称')).toBeNull();
  });
});

describe('renameRaterGroup and renameRound', () => {
  it('keeps the old name as an alias, each alias once, never the new name itself', () => {
    const s = p4();
    renameRaterGroup(s, 0, ' 中层干部 ');
    expect(s.raterGroups[0].name).toBe('中层干部');
    expect(s.raterGroups[0].aliases).toEqual(['干部打分', '干部']);
    // Back again: 中层干部 is kept in its turn, 干部 is the name and no alias.
    renameRaterGroup(s, 0, '干部');
    expect(s.raterGroups[0]).toMatchObject({ name: '干部', aliases: ['干部打分', '中层干部'] });
    expect(() => loadScheme(s)).not.toThrow();
  });

  it('keeps the header a group with 填写人 printed (a票（场领导班子成员填写）) as well', () => {
    const s = getPreset('p4-secretary-appraisal');
    renameRaterGroup(s, 0, '甲票');
    expect(s.raterGroups[0].aliases).toEqual(['场领导班子成员', 'A票', 'a票', 'a票（场领导班子成员填写）']);
  });

  it('renames a round with its old name kept (p3 村评 → 村级评议)', () => {
    const s = getPreset('p3-village-two-rounds');
    renameRound(s, 0, '村级评议');
    expect(s.rounds[0]).toEqual({ id: 'village', name: '村级评议', aliases: ['村述村评', '村级测评', '村评'] });
  });
});

describe('a form printed before a rename, returned after it', () => {
  const roster = [{ name: '王芳', category: '正职' }];
  const sheet = (group: string, score: number) =>
    scoreSheet('测评表', { title: '干部岗位测评表', fields: [`测评人类别：${group}`], items: ['测评得分'], rows: [{ name: '王芳', scores: [score] }] });
  const run = (scheme: Scheme) =>
    runCampaign({
      scheme,
      roster,
      today: '2026-12-01',
      submissions: [submission('c1.xlsx', sheet('干部', 90)), submission('c2.xlsx', sheet('干部', 80)), submission('s1.xlsx', sheet('员工', 86)), submission('s2.xlsx', sheet('员工', 84))],
    }).subjects[0];

  it('is read as the renamed group: 员工 → 职工 still gives 王芳 干部 85 × 50% + 职工 85 × 50% = 85.00, 优秀', () => {
    const s = p4();
    renameRaterGroup(s, 1, '职工');
    const wang = run(loadScheme(s));
    expect(wang.scoreText).toBe('85.00');
    expect(wang.tier).toBe('优秀');
  });

  it('(the alias is what reads it: the same rename without it leaves the 员工 sheets unread, and 王芳 without a score)', () => {
    const s = p4();
    s.raterGroups[1] = { ...s.raterGroups[1], name: '职工', aliases: [] };
    expect(run(loadScheme(s)).scoreText).not.toBe('85.00');
  });
});

describe('党员人数 per unit', () => {
  const p5 = () => getPreset('p5-party-members');
  const roster = [
    { name: '机关党支部', kind: 'organisation' as const },
    { name: '王芳', unit: '第一支部' },
    { name: '李强', unit: '第一支部' },
    { name: '张伟', unit: '第二支部' },
  ];

  it('lists the units of those given a tier (persons in p5, not the 党支部 rated on 附表1), each with its people', () => {
    expect(unitsOfRatedSubjects(p5(), roster)).toEqual([
      { unit: '第一支部', listed: 2 },
      { unit: '第二支部', listed: 1 },
    ]);
  });

  it('turns one number into one per unit, and clears the field with the last unit', () => {
    const s = p5();
    s.memberCount = 20;
    setUnitMemberCount(s, '第一支部', 12);
    expect(s.memberCount).toEqual({ 第一支部: 12 });
    setUnitMemberCount(s, '第二支部', 15);
    setUnitMemberCount(s, '第一支部', null);
    expect(s.memberCount).toEqual({ 第二支部: 15 });
    setUnitMemberCount(s, '第二支部', null);
    expect(s.memberCount).toBeUndefined();
  });
});
