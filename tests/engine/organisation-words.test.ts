/**
 * An organisation (党支部, 两委班子) is spoken of as itself in its reasons and 整改清单, never as 本人: a scheme's
 * 整改要求 written for a person (seed 004 五、3 "责成本人落实整改责任") reads 责成该支部, and the ranking's own words
 * (列入「动态调整」：…本人排第 5 名) read 该班子排第 5 名. Persons keep 本人.
 */
import { runCampaign } from '../../src/core/engine';
import { getPreset } from '../../src/core/presets';
import { RosterEntry } from '../../src/core/roster/roster';
import { Scheme } from '../../src/core/scheme/scheme-schema';
import { annex1Sheet } from '../helpers/annex-forms';
import { scoreSheet, submission } from '../helpers/grids';

const DS = 3; // 不满意

describe('P5 附表1: a 党支部 with 满意率 below 60% is told 责成该支部 in its reasons, as on the 整改清单', () => {
  const roster: RosterEntry[] = [{ name: '机关党支部', kind: 'organisation' }];
  // Every mark 不满意: 满意率 0/10 = 0.00% < 60% → the preset's note and its 30-day consequence.
  const sheets = [
    annex1Sheet('第一党小组', { branch: '机关党支部', day: '26', marks: [DS, DS, DS, DS, DS], group: '第一党小组', leader: '王磊' }),
    annex1Sheet('第二党小组', { branch: '机关党支部', day: '26', marks: [DS, DS, DS, DS, DS], group: '第二党小组', leader: '李娜' }),
  ];
  const result = runCampaign({ scheme: getPreset('p5-party-members'), roster, submissions: [submission('附表1.xlsx', ...sheets)], today: '2026-12-01' });
  const branch = result.subjects[0];

  it('the note and the 结果运用 reason say 责成该支部, and no reason says 本人', () => {
    expect(branch.satisfaction).toEqual({ votes: 0, valid: 10, share: '0.00%' });
    expect(branch.reasons.some((t) => t.startsWith('「群众满意度低」：') && t.includes('查找原因，责成该支部落实整改责任，限期整改'))).toBe(true);
    expect(branch.reasons.some((t) => t.startsWith('结果运用：深入查找原因，责成该支部及时落实整改责任，限期整改（30 天内整改）'))).toBe(true);
    expect(branch.reasons.join('')).not.toContain('本人');
    expect(branch.consequences.map((c) => c.action)).toEqual(['深入查找原因，责成该支部及时落实整改责任，限期整改']);
  });

  it('the 整改清单 says the same, its secretary the 责任人', () => {
    expect(result.rectification.map((r) => [r.action, r.responsible])).toEqual([['深入查找原因，责成该支部及时落实整改责任，限期整改', '机关党支部书记']]);
  });
});

describe('the 末位 designation speaks of an organisation as 该支部 / 该班子, of a person as 本人', () => {
  // p4 篇六's scoring (干部 50% + 员工 50%, each the mean of its ballots) and 动态调整 (末位 10%, rounded) over
  // 5 subjects: 10% × 5 = 0.5, rounded to 1. Every ballot gives a subject the same score, so the score is it.
  const organisations = (): Scheme => ({ ...structuredClone(getPreset('p4-middle-managers')), subjectKind: 'organisation' });
  const run = (scheme: Scheme, roster: RosterEntry[], scores: number[]) => {
    const sheet = (group: string) =>
      scoreSheet('测评表', { title: '测评表', fields: [`测评人类别：${group}`], items: ['测评得分'], rows: roster.map((s, i) => ({ name: s.name, scores: [scores[i]] })) });
    return runCampaign({ scheme, roster, today: '2026-12-01', submissions: [submission('c.xlsx', sheet('干部')), submission('s.xlsx', sheet('员工'))] });
  };
  const names = ['第一支部', '第二支部', '第三支部', '第四支部', '村两委班子'];
  const listed = names.map((name) => ({ name, kind: 'organisation' as const }));
  const reasonOf = (r: ReturnType<typeof runCampaign>, name: string, start: string) => r.subjects.find((s) => s.name === name)!.reasons.find((t) => t.startsWith(start));

  it('列入「动态调整」：the lowest of five (the 班子 at 70) 该班子排第 5 名', () => {
    const result = run(organisations(), listed, [90, 88, 86, 80, 70]);
    expect(reasonOf(result, '村两委班子', '列入「动态调整」')).toContain('，该班子排第 5 名，');
  });

  it('tied at the edge (第四支部 and the 班子 both 70): 该支部与村两委班子并列 / 该班子与第四支部并列', () => {
    const result = run(organisations(), listed, [90, 88, 86, 70, 70]);
    expect(reasonOf(result, '第四支部', '「动态调整」')).toContain('，该支部与村两委班子并列第 4 名，');
    expect(reasonOf(result, '村两委班子', '「动态调整」')).toContain('，该班子与第四支部并列第 4 名，');
  });

  it('a person is still 本人', () => {
    const people = ['王芳', '李强', '张伟', '赵敏', '刘洋'].map((name) => ({ name }));
    const result = run(getPreset('p4-middle-managers'), people, [90, 88, 86, 80, 70]);
    expect(reasonOf(result, '刘洋', '列入「动态调整」')).toContain('，本人排第 5 名，');
  });
});
