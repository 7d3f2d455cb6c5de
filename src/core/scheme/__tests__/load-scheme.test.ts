/** A bad scheme is rejected with a Chinese message naming the field (issue: "clear error on a bad scheme"). */
import { getPreset, PRESETS } from '../../presets';
import { SchemeError, loadScheme } from '../load-scheme';

function problemsOf(input: unknown): string[] {
  try {
    loadScheme(input);
  } catch (e) {
    if (e instanceof SchemeError) return e.problems;
    throw e;
  }
  return [];
}

const valid = () => structuredClone(getPreset('p4-middle-managers')) as Record<string, any>;

describe('loadScheme', () => {
  it('accepts every preset, as an object and as JSON text', () => {
    for (const p of PRESETS) {
      expect(problemsOf(p)).toEqual([]);
      expect(loadScheme(JSON.stringify(p)).id).toBe(p.id);
    }
  });

  it('names the field of a wrong type', () => {
    const s = valid();
    s.raterGroups[1].weight = '五十';
    const problems = problemsOf(s);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('raterGroups[1].weight');
    expect(problems[0]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('rejects negative weights, huge numbers and unknown fields', () => {
    const s = valid();
    s.raterGroups[0].weight = -50;
    s.forms[0].response.max = 1e12;
    s.classification.rules[0].threshold = 85;
    const problems = problemsOf(s).join('\n');
    expect(problems).toContain('raterGroups[0].weight');
    expect(problems).toContain('forms[0].response.max');
    expect(problems).toContain('threshold');
  });

  it('checks cross references: tiers, levels, groups and vetoes that do not exist', () => {
    const s = structuredClone(getPreset('p4-secretary-appraisal')) as Record<string, any>;
    s.classification.rules[0].tier = '特优';
    s.vetoes[0].when[0].levels = ['很差'];
    s.consequences[0].veto = 'nope';
    const problems = problemsOf(s).join('\n');
    expect(problems).toContain('classification.rules[0].tier：没有等次「特优」');
    expect(problems).toContain('vetoes[0].when[0].levels[0]：没有等级「很差」');
    expect(problems).toContain('consequences[0].veto');
  });

  it('应参评人数 per round (expectedByRound) names rounds by id: one the scheme does not have is reported', () => {
    const s = structuredClone(getPreset('p3-village-two-rounds')) as Record<string, any>;
    s.raterGroups[0].expectedByRound = { village: 12, town: 20 };
    expect(loadScheme(s).raterGroups[0].expectedByRound).toEqual({ village: 12, town: 20 });
    s.raterGroups[0].expectedByRound = { 镇评: 20 };
    expect(problemsOf(s)).toEqual(['字段 raterGroups[0].expectedByRound：没有轮次「镇评」（方案的轮次：village、town）']);
  });

  it('rejects all-zero weights, duplicate tiers, score ranges upside down and invalid JSON', () => {
    const s = valid();
    s.raterGroups.forEach((g: { weight: number }) => (g.weight = 0));
    s.tiers = ['优秀', '优秀', '称职', '基本称职', '不称职'];
    s.forms[0].response = { kind: 'score', min: 100, max: 0 };
    const problems = problemsOf(s).join('\n');
    expect(problems).toContain('权重不能全为 0');
    expect(problems).toContain('等次「优秀」重复');
    expect(problems).toContain('最低分必须小于最高分');
    expect(problemsOf('{not json')[0]).toContain('不是有效的 JSON');
  });

  it('getPreset returns a copy the caller may change', () => {
    const a = getPreset('p1-double-pledge');
    a.raterGroups[0].weight = 70;
    expect(getPreset('p1-double-pledge').raterGroups[0].weight).toBe(50);
    expect(() => getPreset('nope')).toThrow('没有 id 为「nope」的预设方案');
  });
});
