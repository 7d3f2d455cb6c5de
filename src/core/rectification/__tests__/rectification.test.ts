/**
 * 整改清单 rows from results built by hand, for what a campaign cannot easily make: item scores that differ only
 * past the score's places, organisations on the list, a tier without a consequence beside a note.
 */
import { Fraction } from '../../common/fraction';
import { getPreset } from '../../presets';
import { buildRoster } from '../../roster/roster';
import { SubjectResult } from '../../results/evaluate';
import { isDefaultResponsible, rectificationRows } from '../rectification';

function subject(fields: Partial<SubjectResult> & { name: string }): SubjectResult {
  return {
    index: 0,
    label: fields.name,
    unit: null,
    category: null,
    tier: null,
    score: null,
    itemScores: [],
    scoreText: null,
    rank: null,
    flags: [],
    reasons: [],
    figures: [],
    overall: [],
    satisfaction: null,
    satisfactionByForm: [],
    recommendations: null,
    vetoes: [],
    designations: [],
    consequences: [],
    placedByVeto: null,
    rankKey: null,
    streak: 1,
    ...fields,
  };
}

const REPRIMAND = { action: '约谈提醒、限期整改', rectifyWithinDays: 30, cite: '篇三 三、(五)', run: null };

describe('薄弱项目 of a scored scheme', () => {
  const scheme = getPreset('p4-secretary-appraisal');
  const roster = buildRoster([{ name: '吴刚' }]);
  const form = scheme.forms[0].title;
  const [first, second, third] = scheme.forms[0].itemLabels;

  it('items apart only past the score\'s 2 places are told apart: 86.395 (17279/200) against 86.40, not both 86.40', () => {
    const r = subject({
      name: '吴刚',
      tier: '差',
      scoreText: '87.60',
      itemScores: [
        { form, item: first, score: Fraction.of(432, 5) },
        { form, item: second, score: Fraction.of(17279, 200) },
        { form, item: third, score: Fraction.of(90) },
      ],
      consequences: [REPRIMAND],
    });
    expect(rectificationRows(scheme, roster, [r], '2026-12-01')[0].problem).toBe(`评议等次为「差」；薄弱项目：${second}（86.395 分）`);
  });

  it('with the places the score is shown with (3, where the score needed them): 86.667 for 260/3', () => {
    const r = subject({
      name: '吴刚',
      tier: '差',
      scoreText: '88.889',
      itemScores: [
        { form, item: first, score: Fraction.of(260, 3) },
        { form, item: second, score: Fraction.of(90) },
        { form, item: third, score: Fraction.of(90) },
      ],
      consequences: [REPRIMAND],
    });
    expect(rectificationRows(scheme, roster, [r], '2026-12-01')[0].problem).toBe(`评议等次为「差」；薄弱项目：${first}（86.667 分）`);
  });
});

describe('存在问题 names a tier only where the scheme attaches a consequence to it', () => {
  const scheme = getPreset('p5-party-members');
  const note = { id: 'low-satisfaction', name: '群众满意度低', text: '附表2 5/12 = 41.67%', effect: 'note' as const };
  const integrity = { id: 'integrity', name: '经组织核实存在党风廉政问题', text: '名册「党风廉政问题」：有', effect: 'exclude' as const };
  const action = scheme.consequences[0];
  const consequence = { action: action.action, rectifyWithinDays: action.rectifyWithinDays, cite: action.cite, run: null };

  it('未评为优秀党员 (the otherwise tier, no consequence) is not a problem; the veto and the note that fired are', () => {
    const roster = buildRoster([{ name: '周杰' }]);
    const r = subject({ name: '周杰', tier: '未评为优秀党员', vetoes: [integrity, note], consequences: [consequence] });
    const [row] = rectificationRows(scheme, roster, [r], '2026-12-01');
    expect(row.problem).toBe('一票否决：经组织核实存在党风廉政问题（名册「党风廉政问题」：有）；群众满意度低（附表2 5/12 = 41.67%）');
    expect(row).toMatchObject({ action: '深入查找原因，责成本人及时落实整改责任，限期整改', responsible: '周杰' });
  });

  it('an organisation (附表1 党支部) is told 责成该支部, and its secretary answers for it', () => {
    const roster = buildRoster([{ name: '第一支部', kind: 'organisation' }]);
    const r = subject({ name: '第一支部', vetoes: [{ ...note, text: '附表1 0/10 = 0.00%' }], consequences: [consequence] });
    const [row] = rectificationRows(scheme, roster, [r], '2026-12-01');
    expect(row).toMatchObject({
      problem: '群众满意度低（附表1 0/10 = 0.00%）',
      action: '深入查找原因，责成该支部及时落实整改责任，限期整改',
      responsible: '第一支部书记',
    });
  });

  it('other organisations: a 总支 and a 党委 by their secretary, a 班子 by its 主要负责人, any other as 该组织', () => {
    const names = ['机关党总支', '机关党委', '领导班子', '村民委员会'];
    const roster = buildRoster(names.map((name) => ({ name, kind: 'organisation' as const })));
    const rows = rectificationRows(
      scheme,
      roster,
      names.map((name, index) => subject({ name, index, vetoes: [note], consequences: [consequence] })),
      '2026-12-01',
    );
    const told = (who: string) => `深入查找原因，责成${who}及时落实整改责任，限期整改`;
    expect(rows.map((x) => [x.action, x.responsible])).toEqual([
      [told('该总支'), '机关党总支书记'],
      [told('该党组织'), '机关党委书记'],
      [told('该班子'), '领导班子主要负责人'],
      [told('该组织'), '村民委员会主要负责人'],
    ]);
  });

  it('the 责任人 written by default is not taken for staff work on a re-run (merge-rectification)', () => {
    expect(isDefaultResponsible('第一支部书记', '第一支部')).toBe(true);
    expect(isDefaultResponsible('周杰', '周杰')).toBe(true);
    expect(isDefaultResponsible('张敏', '第一支部')).toBe(false);
  });
});
