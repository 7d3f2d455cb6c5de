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
    s.publication = { tiers: ['优秀党员'] };
    expect(problemsOf(s)).toEqual([
      '第 1 条等次规则（特优）的等次（classification.rules[0].tier）：没有等次「特优」',
      '一票否决「现场测评“一般”“差”票超过10%」的第 1 个条件的第 1 个等级（vetoes[0].when[0].levels[0]）：没有等级「很差」',
      '「公示表」部分中的第 1 个等次（publication.tiers[0]）：没有等次「优秀党员」',
      '第 1 条结果运用规定的否决规则（consequences[0].veto）：没有 id 为「nope」的一票否决',
    ]);
  });

  it('应参评人数 per round (expectedByRound) names rounds by id: one the scheme does not have is reported', () => {
    const s = structuredClone(getPreset('p3-village-two-rounds')) as Record<string, any>;
    s.raterGroups[0].expectedByRound = { village: 12, town: 20 };
    expect(loadScheme(s).raterGroups[0].expectedByRound).toEqual({ village: 12, town: 20 });
    s.raterGroups[0].expectedByRound = { 镇评: 20 };
    expect(problemsOf(s)).toEqual(['评议人类别「参会人员」的各轮应参评人数（raterGroups[0].expectedByRound）：没有轮次「镇评」（方案的轮次：village、town）']);
  });

  it('rejects all-zero weights, duplicate tiers, score ranges upside down and invalid JSON', () => {
    const s = valid();
    s.raterGroups.forEach((g: { weight: number }) => (g.weight = 0));
    s.tiers = ['优秀', '优秀', '称职', '基本称职', '不称职'];
    s.forms[0].response = { kind: 'score', min: 100, max: 0 };
    const problems = problemsOf(s).join('\n');
    expect(problems).toContain('评议人类别（raterGroups）：各类别权重不能全为 0');
    expect(problems).toContain('等次（tiers）：等次「优秀」重复');
    expect(problems).toContain('最低分必须小于最高分（现为 100 到 0）');
    expect(problemsOf('{not json')).toEqual(['JSON 格式错误：第 1 行第 2 列附近：项目名须加英文双引号，如 "weight": 50。该行为：{not json']);
  });

  // The texts below are written out by hand from what a clerk must read, not copied from the output.
  describe('says in plain Chinese where the problem is, what to write and what the file has now', () => {
    const p3 = () => structuredClone(getPreset('p3-village-two-rounds')) as Record<string, any>;
    const shareAt = '第 1 条等次规则（优秀）的第 1 个条件的得票率（classification.rules[0].when[0].value）';
    const scoreAt = '第 1 条等次规则（优秀）的第 1 个条件的分数线（classification.rules[0].when[0].value）';

    it.each([
      ['"70%"', '70%', `${shareAt}：百分比请写数字，如 70（表示 70%），不要写“%”（现为 "70%"）`],
      ['170', 170, `${shareAt}：不能大于 100（现为 170）`],
      ['"170"', '170', `${shareAt}：不能大于 100（现为 "170"）`],
    ])('a share threshold written %s', (_, value, expected) => {
      const s = p3();
      s.classification.rules[0].when[0].value = value;
      expect(problemsOf(s)).toEqual([expected]);
    });

    it('a score written "85%", a weight written "50%", "五十" or -1', () => {
      const s = valid();
      s.classification.rules[0].when[0].value = '85%';
      s.raterGroups[0].weight = '50%';
      s.raterGroups[1].weight = '五十';
      expect(problemsOf(s)).toEqual([
        '评议人类别「干部」的权重（raterGroups[0].weight）：应为数字，如 50，不要写“%”（现为 "50%"）',
        '评议人类别「员工」的权重（raterGroups[1].weight）：应为数字，如 50（现为 "五十"）',
        `${scoreAt}：请写数字，如 85 或 85.5，不要写“分”“%”等文字（现为 "85%"）`,
      ]);
      const t = valid();
      t.raterGroups[0].weight = -1;
      t.raterGroups[1].weight = '50';
      expect(problemsOf(t)).toEqual([
        '评议人类别「干部」的权重（raterGroups[0].weight）：不能是负数（现为 -1）',
        '评议人类别「员工」的权重（raterGroups[1].weight）：应为数字，不加引号：写 50，不写 "50"（现为 "50"）',
      ]);
    });

    it('a missing section, an empty list, an empty name, a date, a version, a form\'s highest score and the places', () => {
      const s = valid();
      delete s.counting;
      s.tiers = [];
      s.name = '';
      s.resultsDate = '2026/12/20';
      s.schemaVersion = 2;
      s.forms[0].response.max = '一百';
      s.scoring.places = 2.5;
      expect(problemsOf(s)).toEqual([
        '方案格式版本（schemaVersion）：只能是 1（现为 2）',
        '名称（name）：不能为空',
        '等次（tiers）：至少要有一项',
        `测评表「${s.forms[0].title}」的最高分（forms[0].response.max）：请写数字，如 85 或 85.5，不要写“分”“%”等文字（现为 "一百"）`,
        '「计分」部分中的小数位数（scoring.places）：应为整数，如 10（现为 2.5）',
        '缺少「计票」部分（counting）',
        '结果公布日期（resultsDate）：日期请写成 年-月-日，如 "2026-12-20"（现为 "2026/12/20"）',
      ]);
    });

    it('a 考核年度 (year) is a four-digit year, written as a number; none is fine (older scheme files)', () => {
      const s = valid();
      expect(problemsOf(s)).toEqual([]);
      s.year = 2026;
      expect(problemsOf(s)).toEqual([]);
      expect(loadScheme(s).year).toBe(2026);
      for (const wrong of [26, 2026.5, '2026']) {
        s.year = wrong;
        expect([wrong, problemsOf(s).length, problemsOf(s)[0]?.startsWith('考核年度（year）')]).toEqual([wrong, 1, true]);
      }
      s.year = 26;
      expect(problemsOf(s)).toEqual(['考核年度（year）：不能小于 2000（现为 26）']);
    });

    it('a value that is not one of those allowed lists them, with what the comparisons mean', () => {
      const s = p3();
      s.classification.rules[0].when[0].rounds = 'Each';
      s.classification.rules[0].when[0].op = '≥';
      s.classification.rules[1].when[0].kind = 'shares';
      s.classification.otherwise = { kind: 'none' };
      const rule = '第 1 条等次规则（优秀）的第 1 个条件';
      expect(problemsOf(s)).toEqual([
        `${rule}的比较方式（classification.rules[0].when[0].op）：只能是以下之一：">=" 以上（含）、">" 超过、"<=" 以下（含）、"<" 不满（现为 "≥"）`,
        `${rule}的轮次合并方式（classification.rules[0].when[0].rounds）：只能是以下之一："pooled"、"each"；或者应为列表，写在方括号 [ ] 中（现为 "Each"）`,
        '第 2 条等次规则（称职）的第 1 个条件的条件类型（classification.rules[1].when[0].kind）：只能是以下之一："score"、"share"、"roster-flag"（现为 "shares"）',
        '都不符合任何规则时的处理方式（classification.otherwise.kind）：只能是以下之一："flag"、"tier"（现为 "none"）',
      ]);
    });

    // The exploratory test's c11 (w05–w13): codes refused with the codes alone, a clerk cannot tell which is 向下取整.
    it('a code written as the Chinese word for it: every code said with its meaning, and the one meant named', () => {
      const s = structuredClone(getPreset('p5-party-members')) as Record<string, any>;
      s.quotas[0].rounding = '向下取整';
      s.quotas[0].kind = '不超过';
      s.designations = [{ name: '重点帮扶', share: 10, kind: '不低于', cite: '排名末位不低于10%' }];
      s.ranking = { by: 'share', share: { levels: ['满意'] } };
      s.subjectKind = '单位';
      s.classification.rules[0].when[0].op = '以上';
      expect(problemsOf(s)).toEqual([
        '评议对象类型（subjectKind）：只能是以下之一："person" 个人、"organisation" 组织（党支部、班子等）（现为 "单位"，应写 "organisation"）',
        '第 1 条等次规则（优秀党员）的第 1 个条件的比较方式（classification.rules[0].when[0].op）：只能是以下之一：">=" 以上（含）、">" 超过、"<=" 以下（含）、"<" 不满（现为 "以上"，应写 ">="）',
        '第 1 个名额规定的名额类型（quotas[0].kind）：只能是以下之一："max" 不超过、"min" 不少于（现为 "不超过"，应写 "max"）',
        '第 1 个名额规定的取整方式（quotas[0].rounding）：只能是以下之一："floor" 向下取整、"ceil" 向上取整、"round" 四舍五入（现为 "向下取整"，应写 "floor"）',
        '比例认定「重点帮扶」的比例类型（designations[0].kind）：只能是以下之一："at-least" 不低于（向上取整）、"about" 约（四舍五入）（现为 "不低于"，应写 "at-least"）',
      ]);
      // A word that is none of them: the meanings, no guess.
      s.subjectKind = 'people';
      expect(problemsOf(s)[0]).toBe('评议对象类型（subjectKind）：只能是以下之一："person" 个人、"organisation" 组织（党支部、班子等）（现为 "people"）');
    });

    it('an unknown item: the one probably meant, or the items allowed there', () => {
      const s = valid();
      s.raterGroups[0].weigth = s.raterGroups[0].weight;
      delete s.raterGroups[0].weight;
      s.counting.abstentionsInDenominater = true;
      s.scoring.place = 2;
      s.backdoor = true;
      expect(problemsOf(s)).toEqual([
        '缺少评议人类别「干部」的权重（raterGroups[0].weight）',
        '评议人类别「干部」（raterGroups[0]）中有未知的项「weigth」：方案中没有这一项，是否应为「weight」？',
        '「计分」部分（scoring）中有未知的项「place」：方案中没有这一项，是否应为「places」？',
        '「计票」部分（counting）中有未知的项「abstentionsInDenominater」：方案中没有这一项，是否应为「abstentionsInDenominator」？',
        // The scheme's 24 items are too many to list.
        '方案中有未知的项「backdoor」：方案中没有这一项，请删去或改正拼写',
      ]);
      const t = valid();
      t.counting.denominator = true;
      expect(problemsOf(t)).toEqual([
        '「计票」部分（counting）中有未知的项「denominator」：方案中没有这一项；这里可用的项：abstentionsInDenominator、invalidInDenominator、extraMarks、duplicates、missingGroup',
      ]);
    });

    it('names the scheme file in the message', () => {
      const text = JSON.stringify({ ...valid(), counting: undefined });
      expect(() => loadScheme(text, '方案/本行方案.json')).toThrow('方案文件「方案/本行方案.json」有误：\n  - 缺少「计票」部分（counting）');
      expect(() => loadScheme(text)).toThrow('方案有误：\n  - 缺少「计票」部分（counting）');
    });
  });

  describe('a file that is not JSON is located by line and column, with the usual slip named', () => {
    const lines = (...l: string[]) => l.join('\n');
    it.each([
      // A doubled comma at the end of line 3 (the tester's s-t8.json had "village",, on line 49, column 20).
      [lines('{', '  "rounds": [', '    { "id": "village",, "name": "村评" }', '  ]', '}'), '第 3 行第 23 列附近：多了一个逗号。该行为：{ "id": "village",, "name": "村评" }'],
      [lines('{', '  "tiers": ["优秀", "称职",]', '}'), '第 2 行第 23 列附近：最后一项后面多了一个逗号（JSON 中 } 或 ] 前不能有逗号）。该行为："tiers": ["优秀", "称职",]'],
      [lines('{', '  "value": 85%', '}'), '第 2 行第 14 列附近：数字后面不能写「%」：百分比直接写数字，如 70（表示 70%）。该行为："value": 85%'],
      [lines('{', '  "name": “本行方案”', '}'), '第 2 行第 11 列附近：用了中文标点「“」：JSON 中须用英文标点「"」。该行为："name": “本行方案”'],
      [lines('{', '  "id": "x"，', '  "name": "y"', '}'), '第 2 行第 12 列附近：用了中文标点「，」：JSON 中须用英文标点「,」。该行为："id": "x"，'],
      [lines('{', '  "id": "x"', '  "name": "y"', '}'), '第 3 行第 3 列附近：前一项后面缺少逗号「,」。该行为："name": "y"'],
      // Column 17: just after the last character of the line, where the file ends.
      [lines('{', '  "tiers": ["优秀"'), '第 2 行第 17 列附近：文件在这里就结束了，还缺少 ] } 来闭合前面的括号（文件不完整？）。该行为："tiers": ["优秀"'],
    ])('%#', (text, where) => {
      expect(problemsOf(text)).toEqual([`JSON 格式错误：${where}`]);
    });

    it('an empty file, and a byte-order mark (Notepad) is no error', () => {
      expect(problemsOf('')).toEqual(['方案文件是空的']);
      expect(loadScheme(`\uFEFF${JSON.stringify(valid())}`).id).toBe('p4-middle-managers');
    });
  });

  // Settings that load but would disable a rule without a word (explore-schemes items 5, 6).
  describe('refuses what would silently use part of the votes or never apply', () => {
    it('ranking by a share "each" group: only the first group would count', () => {
      const s = structuredClone(getPreset('p5-party-members')) as Record<string, any>;
      s.ranking = { by: 'share', share: { levels: ['满意'], groups: 'each' } };
      expect(problemsOf(s)).toEqual([
        '「排名」部分中的按得票率排名的口径的类别合并方式（ranking.share.groups）：排名要每人一个得票率，不能各类别分别计算（"each"）：请改为 "pooled"（各类别的票合计）或 "weighted"（各类别得票率按权重加权）',
      ]);
      s.ranking.share.groups = 'weighted';
      expect(problemsOf(s)).toEqual([]);
    });

    it('a tier rule with no condition before the last: every rule after it would never apply', () => {
      const s = structuredClone(getPreset('p4-secretary-appraisal')) as Record<string, any>;
      s.classification.rules[1].when = [];
      expect(problemsOf(s)).toEqual([
        '第 2 条等次规则（较好）的条件（classification.rules[1].when）：条件是空的：凡未定为前面等次的都会定为「较好」，其后的 1 条规则（「一般」）永远用不上；请写上条件，或把这条规则移到最后',
      ]);
      // The last rule may be the catch-all.
      s.classification.rules = [s.classification.rules[0], s.classification.rules[2], { ...s.classification.rules[1], tier: '差' }];
      expect(problemsOf(s)).toEqual([]);
    });

    it('a 末位 designation in a scheme that does not rank', () => {
      const s = valid();
      s.ranking = { by: 'none' };
      expect(problemsOf(s)).toEqual([
        '比例认定「动态调整」（designations[0]）：方案不排名（ranking.by 为 "none"），无法按排名末位确定「动态调整」：请设置排名依据（ranking.by 为 "score" 按得分，或 "share" 按得票率），或删去此项',
      ]);
      s.designations = [];
      expect(problemsOf(s)).toEqual([]);
    });
  });

  it('getPreset returns a copy the caller may change', () => {
    const a = getPreset('p1-double-pledge');
    a.raterGroups[0].weight = 70;
    expect(getPreset('p1-double-pledge').raterGroups[0].weight).toBe(50);
    expect(() => getPreset('nope')).toThrow('没有 id 为「nope」的预设方案');
  });
});

describe('党员人数 (memberCount): one number, or one per roster unit', () => {
  const withCount = (memberCount: unknown) => ({ ...valid(), memberCount });

  it('accepts a positive whole number per unit, and says which unit\'s count is not one', () => {
    expect(problemsOf(withCount({ 第一支部: 12, 第二支部: 15 }))).toEqual([]);
    expect(problemsOf(withCount({ 第一支部: 12, 第二支部: 0 }))).toEqual(['党员（成员）人数的第二支部（memberCount.第二支部）：不能小于 1（现为 0）']);
    expect(problemsOf(withCount({ 第一支部: -3 }))).toEqual(['党员（成员）人数的第一支部（memberCount.第一支部）：不能小于 1（现为 -3）']);
    expect(problemsOf(withCount({ 第一支部: 2.5 }))).toEqual(['党员（成员）人数的第一支部（memberCount.第一支部）：应为整数，如 10（现为 2.5）']);
    expect(problemsOf(withCount({}))).toEqual(['党员（成员）人数（memberCount）：按单位填写时至少写一个单位，如 {"第一支部": 12}']);
    expect(problemsOf(withCount(0))).toEqual(['党员（成员）人数（memberCount）：不能小于 1（现为 0）']);
  });
});
