/**
 * Headers as returned forms really have them, not as the template wrote them: an item name typed
 * once over the first of its tier columns instead of merged over all four (a CSV export, 取消合并,
 * a form retyped by hand), and a tier column renamed (很不满意 for 不满意) with √ under it. Counts
 * below are worked out by hand from the grids.
 */
import { runCampaign } from '../../src/core/engine';
import { CellValue, MergeRange, SheetGrid } from '../../src/core/forms/grid';
import { describeTemplates, withTemplateMeta } from '../../src/core/output/describe-templates';
import { getPreset } from '../../src/core/presets';
import { presetScoringPresentGroups, submission } from '../helpers/grids';

const p5 = getPreset('p5-party-members');
const LEVELS = ['满意', '比较满意', '基本满意', '不满意'];
const ITEMS = ['参加创先争优活动情况', '立足岗位履行职责情况', '承诺践诺情况', '联系和服务群众情况'];
const roster = [{ name: '王伟' }, { name: '李娜' }];
const V = '√';
const sheet = (rows: CellValue[][], merges: MergeRange[] = []): SheetGrid => ({ name: '推荐表', rows, merges });

function run(...sheets: SheetGrid[]) {
  return runCampaign({
    scheme: p5,
    roster,
    submissions: sheets.map((s, i) => submission(`票${i + 1}.xlsx`, s)),
    today: '2026-12-01',
  });
}
/** Votes per level for one item of 附表2. */
const itemVotes = (r: ReturnType<typeof run>, name: string, item: number) =>
  r.subjects.find((s) => s.name === name)!.figures.find((f) => f.form === '优秀党员民主评议推荐表' && f.item === ITEMS[item])!.levels.map((l) => l.votes);
const codes = (r: ReturnType<typeof run>) => r.read.findings.map((f) => `${f.code} ${f.cell ?? ''}`);

/** One p4 score sheet (测评得分) of a 员工 rater, with the header and rows given; roster 王毅, 李娜. */
function staffSheet(header: CellValue[], ...rows: CellValue[][]) {
  return runCampaign({
    scheme: presetScoringPresentGroups('p4-middle-managers'),
    roster: [{ name: '王毅' }, { name: '李娜' }],
    submissions: [submission('f.xlsx', { name: 'S', rows: [['测评人类别：员工'], header, ...rows], merges: [] })],
    today: '2026-12-01',
  });
}

/** 附表2 with each item's name in the first of its four columns only (no merges), as a CSV export has it. */
function unmergedHeader(rows: CellValue[][]): SheetGrid {
  return sheet([
    ['优秀党员民主评议推荐表'],
    ['身份：党员'],
    ['姓名', ...ITEMS.flatMap((item) => [item, null, null, null]), '是否推荐'],
    [null, ...ITEMS.flatMap(() => LEVELS), null],
    ...rows,
  ]);
}

describe('an item name typed over the first of its tier columns only', () => {
  it('names all four columns beside it, so every √ counts', () => {
    // 王伟: item 1 满意, item 2 比较满意, item 3 基本满意, item 4 不满意; 李娜: 不满意, 满意, 满意, 比较满意.
    const row = (name: string, levels: number[]) => [name, ...levels.flatMap((l) => LEVELS.map((_, i) => (i === l ? V : null))), null];
    const r = run(unmergedHeader([row('王伟', [0, 1, 2, 3]), row('李娜', [3, 0, 0, 1])]));
    expect(codes(r)).toEqual([]);
    expect([0, 1, 2, 3].map((i) => itemVotes(r, '王伟', i))).toEqual([
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 0, 1],
    ]);
    expect([0, 1, 2, 3].map((i) => itemVotes(r, '李娜', i))).toEqual([
      [0, 0, 0, 1],
      [1, 0, 0, 0],
      [1, 0, 0, 0],
      [0, 1, 0, 0],
    ]);
    // (满意 + 比较满意) ÷ valid: 王伟 2 of 4 = 50%, not 1 of 1 as when three columns of each item were lost.
    expect(r.subjects.find((s) => s.name === '王伟')!.satisfaction).toMatchObject({ votes: 2, valid: 4 });
  });

  it('also when the name stands over a middle column (跨列居中 keeps it in one cell)', () => {
    const r = run(
      sheet([
        ['身份：党员'],
        ['姓名', ...ITEMS.flatMap((item) => [null, item, null, null]), '是否推荐'],
        [null, ...ITEMS.flatMap(() => LEVELS), null],
        ['王伟', ...ITEMS.flatMap(() => [null, null, null, V]), null],
        ['李娜', ...ITEMS.flatMap(() => [V, null, null, null]), null],
      ]),
    );
    expect(codes(r)).toEqual([]);
    for (let i = 0; i < 4; i++) {
      expect(itemVotes(r, '王伟', i)).toEqual([0, 0, 0, 1]);
      expect(itemVotes(r, '李娜', i)).toEqual([1, 0, 0, 0]);
    }
  });

  it('does not stretch over a column that has a label of its own, nor take a level twice', () => {
    // Item 4's columns carry an unknown heading (联系群众) over its first column: not one of the form's
    // items, so item 4 stays missing (reported at the header row, A3) and its columns do not join item
    // 3, which has its four levels.
    const r = run(
      sheet([
        ['身份：党员'],
        ['姓名', ...ITEMS.slice(0, 3).flatMap((item) => [item, null, null, null]), '联系群众', null, null, null, '是否推荐'],
        [null, ...ITEMS.flatMap(() => LEVELS), null],
        ['王伟', ...ITEMS.flatMap(() => [V, null, null, null]), null],
        ['李娜', ...ITEMS.flatMap(() => [null, V, null, null]), null],
      ]),
    );
    expect(codes(r).filter((c) => c.startsWith('ITEM_MISSING'))).toEqual(['ITEM_MISSING A3']);
    expect(itemVotes(r, '王伟', 2)).toEqual([1, 0, 0, 0]);
    expect(itemVotes(r, '李娜', 2)).toEqual([0, 1, 0, 0]);
  });
});

describe('a renamed tier column with √ under it', () => {
  // 附表1 of one 党小组: items in rows; the last column headed 很不满意 instead of 不满意.
  const branch = (ticks: number[], header = ['满意', '比较满意', '基本满意', '很不满意']) =>
    sheet([
      ['党支部开展创先争优活动群众评议表'],
      ['所在支部名称：机关党支部'],
      ['评议内容', ...header],
      ...p5.forms[0].itemLabels.map((label, i) => [label, ...[0, 1, 2, 3].map((l) => (l === ticks[i] ? V : null))]),
    ]);
  const branchRoster = [{ name: '机关党支部', kind: 'organisation' as const }];
  const runBranch = (...sheets: SheetGrid[]) =>
    runCampaign({ scheme: p5, roster: branchRoster, submissions: sheets.map((s, i) => submission(`附1-${i + 1}.xlsx`, s)), today: '2026-12-01' });

  it('leaves the sheet out, saying why, instead of reading its √ there as abstentions', () => {
    // Two items ticked 很不满意 (column E). Read as abstentions they would drop out of the share:
    // 3 satisfied of 3 valid (100%) instead of 3 of 5 (60%).
    const r = runBranch(branch([0, 1, 3, 0, 3]));
    const found = r.read.findings.map((f) => `${f.code} ${f.cell}`);
    expect(found).toEqual(expect.arrayContaining(['TIER_COLUMN_MISSING B3', 'MARK_OUTSIDE_TIERS E6', 'MARK_OUTSIDE_TIERS E8', 'TIER_COLUMN_UNREADABLE B3']));
    expect(found.filter((f) => f.startsWith('ABSTENTION'))).toEqual([]);
    const message = r.read.findings.find((f) => f.code === 'TIER_COLUMN_UNREADABLE')!.message;
    expect(message).toContain('「不满意」');
    expect(message).toContain('本表未计入');
    expect(r.read.ballots).toHaveLength(0);
    expect(r.subjects[0].satisfaction).toMatchObject({ votes: 0, valid: 0 });
    expect(r.participation.find((p) => p.form === '党支部开展创先争优活动群众评议表')).toMatchObject({ returned: 1, valid: 0, invalid: 1 });
  });

  it('still counts a sheet whose missing column holds no √ (nothing of it is lost)', () => {
    const r = runBranch(branch([0, 1, 2, 0, 1]));
    expect(r.read.findings.map((f) => f.code)).toContain('TIER_COLUMN_MISSING');
    expect(r.read.findings.map((f) => f.code)).not.toContain('TIER_COLUMN_UNREADABLE');
    expect(r.read.ballots).toHaveLength(1);
    // 满意 + 比较满意: items 1, 2, 4, 5 of 5.
    expect(r.subjects[0].satisfaction).toMatchObject({ votes: 4, valid: 5 });
  });
});

describe('recommendations on rows whose name is not the roster\'s', () => {
  // 附表2 注2: more than 5 recommended on one ballot → its recommendations are void. Ticks on paper count,
  // whether or not the name was the roster's (written in, misspelt).
  const row = (name: string, recommend: boolean) => [name, ...ITEMS.flatMap(() => [V, null, null, null]), recommend ? V : null];

  it('count toward the limit of 5: 2 listed + 4 written in = 6, all void', () => {
    const r = run(unmergedHeader([row('王伟', true), row('李娜', true), row('张三', true), row('李四', true), row('王五', true), row('李那', true)]));
    const too = r.read.findings.find((f) => f.code === 'TOO_MANY_RECOMMENDATIONS');
    expect(too?.message).toBe('本票推荐了 6 人（其中 4 人不在名册中），超过 5 名的名额，本票推荐全部无效（其余评价照常计入）');
    expect(r.read.findings.filter((f) => f.code === 'SUBJECT_NOT_IN_ROSTER')).toHaveLength(4);
    expect(r.subjects.find((s) => s.name === '王伟')!.recommendations).toMatchObject({ votes: 0 });
  });

  it('and within it, the listed ones stand: 2 listed + 3 written in = 5', () => {
    const r = run(unmergedHeader([row('王伟', true), row('李娜', false), row('张三', true), row('李四', true), row('王五', true)]));
    expect(r.read.findings.map((f) => f.code)).not.toContain('TOO_MANY_RECOMMENDATIONS');
    expect(r.subjects.find((s) => s.name === '王伟')!.recommendations).toMatchObject({ votes: 1, ballots: 1 });
    expect(r.subjects.find((s) => s.name === '李娜')!.recommendations).toMatchObject({ votes: 0, ballots: 1 });
  });
});

describe('rows under or inside a table with items in rows that hold no vote', () => {
  it('passes over a 合计 row of counts and a signature line typed in the tier columns (附表1)', () => {
    const items = p5.forms[0].itemLabels;
    const r = runCampaign({
      scheme: p5,
      roster: [{ name: '机关党支部', kind: 'organisation' }],
      submissions: [
        submission(
          '附1.xlsx',
          sheet([
            ['党支部开展创先争优活动群众评议表'],
            ['所在支部名称：机关党支部'],
            ['评议内容', ...LEVELS],
            ...items.map((label) => [label, V, null, null, null]),
            ['合计', 5, 0, 0, 0],
            ['机关党支部', '第一党小组', null, '组长：', '张敏'],
          ]),
        ),
      ],
      today: '2026-12-01',
    });
    expect(r.read.findings.map((f) => f.code)).toEqual([]);
    expect(r.subjects[0].satisfaction).toMatchObject({ votes: 5, valid: 5 });
  });

  it('passes over a 小计 row at the end of each person\'s block (附表3), but not a √ on a row with no item', () => {
    const block = (name: string, ticks: (number | null)[], extra: CellValue[][]) => [
      ...p5.forms[2].itemLabels.map((item, i) => [i === 0 ? name : null, item, ...LEVELS.map((_, l) => (l === ticks[i] ? V : null))]),
      ...extra,
    ];
    const r = runCampaign({
      scheme: p5,
      roster: [{ name: '李娜', window: true }, { name: '陈刚', window: true }],
      submissions: [
        submission(
          '附3.xlsx',
          sheet(
            [
              ['窗口服务岗位群众满意度测评表'],
              ['窗口岗位姓名', '测评内容', ...LEVELS],
              ...block('李娜', [0, 0, 1, 3], [[null, '小计', 2, 1, 0, 1]]),
              ...block('陈刚', [1, 1, null, null], [[null, '其他', null, V, null, null]]),
            ],
            [
              { r1: 2, c1: 0, r2: 6, c2: 0 },
              { r1: 7, c1: 0, r2: 11, c2: 0 },
            ],
          ),
        ),
      ],
      today: '2026-12-01',
    });
    // Only the √ on 陈刚's row 其他 (D12) is reported; the 小计 row is not read as a fifth item.
    expect(r.read.findings.map((f) => `${f.code} ${f.cell}`)).toEqual(['MARK_WITHOUT_SUBJECT B12']);
    // 李娜: 满意 2, 比较满意 1, 不满意 1 → (2 + 1) of 4; 陈刚: 比较满意 2, two rows blank (不涉及) → 2 of 2.
    expect(r.subjects.find((s) => s.name === '李娜')!.satisfaction).toMatchObject({ votes: 3, valid: 4 });
    expect(r.subjects.find((s) => s.name === '陈刚')!.satisfaction).toMatchObject({ votes: 2, valid: 2 });
  });
});

describe('a score sheet with several columns headed like a score (p4 测评得分)', () => {
  const score = (r: ReturnType<typeof staffSheet>, name: string) => {
    const exact = r.subjects.find((s) => s.name === name)!.score!;
    return Number(exact.num) / Number(exact.den);
  };

  it('reads the form\'s own 测评得分 even after another 得分 column, and says the other was passed over', () => {
    const r = staffSheet(['姓名', '业绩得分（系统导入）', '测评得分'], ['王毅', 60, 90], ['李娜', 60, 80]);
    expect(score(r, '王毅')).toBe(90);
    expect(score(r, '李娜')).toBe(80);
    expect(r.read.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      ['SCORE_COLUMN_PASSED_OVER', 'B2', '按「测评得分」栏（C2）计分；表中另有「B2 业绩得分（系统导入）」，未计入，请核实'],
    ]);
  });

  it('reads the one total among sub-scores (总得分 after 业绩 / 表现 / 潜力), saying the others were passed over', () => {
    const r = staffSheet(['姓名', '业绩得分（40分）', '表现得分（30分）', '潜力得分（30分）', '总得分'], ['王毅', 36, 27, 27, 90], ['李娜', 30, 25, 25, 80]);
    expect(score(r, '王毅')).toBe(90);
    expect(score(r, '李娜')).toBe(80);
    expect(r.read.findings.map((f) => f.code)).toEqual(['SCORE_COLUMN_PASSED_OVER']);
  });

  it('guesses no column among several with no total, and leaves the sheet out saying so', () => {
    const r = staffSheet(['姓名', '业绩得分', '表现得分'], ['王毅', 36, 27], ['李娜', 30, 25]);
    expect(r.read.ballots).toHaveLength(0);
    expect(r.read.findings.map((f) => [f.code, f.cell])).toEqual([['SCORE_COLUMN_UNCLEAR', 'B2']]);
    expect(r.read.findings[0].message).toContain('本表未计入');
  });

  it('reads a form whose score column was retyped 总分', () => {
    const r = staffSheet(['姓名', '总分'], ['王毅', 95], ['李娜', 85]);
    expect(r.read.findings).toEqual([]);
    expect(score(r, '王毅')).toBe(95);
  });
});

describe('a ballot that cannot be read is an error, not a sheet passed over', () => {
  const p4 = getPreset('p4-middle-managers');
  const read = (grid: SheetGrid) =>
    runCampaign({ scheme: p4, roster: [{ name: '王毅' }, { name: '李娜' }], submissions: [submission('员工1.xlsx', grid)], today: '2026-12-01' });

  it('a returned copy of our own template whose score header was retyped (测评得分 → 得分情况说明) is reported and counted as returned', () => {
    const r = read({
      name: '干部岗位测评表（员工）',
      rows: [['测评人类别：员工'], ['姓名', '评价'], ['王毅', 90], ['李娜', 80]],
      merges: [],
      meta: { formId: 'post-appraisal', groupId: 'staff' },
    });
    expect(r.read.findings.map((f) => [f.code, f.severity, f.message])).toEqual([
      ['TEMPLATE_NOT_RECOGNISED', 'error', '工作表「干部岗位测评表（员工）」是本方案「干部岗位测评表」的模板，但表头已被改动，认不出等次列或分数栏，本表未计入；请把表头改回模板原样后重新校验'],
    ]);
    // 实收 1, 有效 0, 废票 1 for 员工: the clerk sees a ballot came back and was not counted.
    expect(r.participation.find((p) => p.group === '员工')).toMatchObject({ returned: 1, valid: 0, invalid: 1 });
  });

  it("another scheme's template (the wrong 方案 chosen) says so, by that scheme's name, not that a header was changed", () => {
    const p4Template = describeTemplates(p4, [{ name: '王毅' }, { name: '李娜' }]).find((t) => t.meta?.groupId === 'staff')!;
    const rows = p4Template.cells.map((row) => row.map((c) => c.value as CellValue));
    const r = runCampaign({
      scheme: p5,
      roster: [{ name: '王毅' }, { name: '李娜' }],
      submissions: [withTemplateMeta(submission('员工1.xlsx', { name: p4Template.name, rows, merges: [] }), { [p4Template.name]: p4Template.meta as Record<string, string> }, p5)],
      today: '2026-12-01',
    });
    expect(r.read.findings.map((f) => [f.code, f.severity, f.cell, f.message])).toEqual([
      [
        'TEMPLATE_OF_OTHER_SCHEME',
        'error',
        'A1',
        `工作表「${p4Template.name}」是方案「中层干部述职考核（干部、员工加权）」中「干部岗位测评表」的模板，与当前方案「民主评议党员（附表1/2/3）」不符，本表未计入；请检查是否选错了方案`,
      ],
    ]);
  });

  it('a sheet with √ in it whose header matches no form is an error', () => {
    const r = runCampaign({
      scheme: getPreset('p1-double-pledge'),
      roster: [{ name: '王毅' }],
      submissions: [submission('f.xlsx', { name: '测评', rows: [['测评人类别：党组织负责人'], ['姓名', '好', '较好', '一般'], ['王毅', '√']], merges: [] })],
      today: '2026-12-01',
    });
    expect(r.read.findings.map((f) => [f.code, f.severity])).toEqual([['FORM_NOT_RECOGNISED', 'error']]);
  });
});

describe('the rater field of a form only one group fills (附表3: service users)', () => {
  const window = (field: string) =>
    runCampaign({
      scheme: p5,
      roster: [{ name: '李娜', window: true }],
      submissions: [
        submission('附3.xlsx', sheet([['窗口服务岗位群众满意度测评表'], [field], ['窗口岗位姓名', '测评内容', ...LEVELS], ...p5.forms[2].itemLabels.map((item, i) => [i === 0 ? '李娜' : null, item, V, null, null, null])])),
      ],
      today: '2026-12-01',
    });

  it.each(['单位类别：企业', '测评人身份：企业代表', '类别：☑企业 □机关 □个人'])('%s: counted for 服务对象, said', (field) => {
    const r = window(field);
    expect(r.read.ballots.map((b) => b.groupId)).toEqual(['service-users']);
    expect(r.read.findings.map((f) => [f.code, f.cell])).toEqual([['FIELD_READ_AS', 'A2']]);
    expect(r.read.findings[0].message).toBe(`测评人类别「${field.split('：')[1]}」按「服务对象」计，请核实`);
  });

  it('but one that names another form\'s group (党员) is not counted', () => {
    const r = window('测评人类别：党员');
    expect(r.read.ballots).toEqual([]);
    expect(r.read.findings.map((f) => f.code)).toEqual(['GROUP_UNKNOWN']);
  });
});

describe('the recommendation column as forms head it', () => {
  const tick = (level: number) => LEVELS.map((_, i) => (i === level ? V : null));
  const merges = (recommendWidth: number): MergeRange[] => [
    ...ITEMS.map((_, i) => ({ r1: 1, c1: 1 + i * 4, r2: 1, c2: 4 + i * 4 })),
    { r1: 1, c1: 0, r2: 2, c2: 0 },
    { r1: 1, c1: 17, r2: recommendWidth === 1 ? 2 : 1, c2: 16 + recommendWidth },
  ];

  it('merged over 否 | 是: the 是 column holds the recommendations, a √ under 否 is no mark outside the form', () => {
    const r = run(
      sheet(
        [
          ['身份：党员'],
          ['姓名', ...ITEMS.flatMap((item) => [item, null, null, null]), '是否推荐', null],
          [null, ...ITEMS.flatMap(() => LEVELS), '否', '是'],
          ['王伟', ...ITEMS.flatMap(() => tick(0)), V, null],
          ['李娜', ...ITEMS.flatMap(() => tick(1)), null, V],
        ],
        merges(2),
      ),
    );
    expect(codes(r)).toEqual([]);
    expect(r.subjects.find((s) => s.name === '王伟')!.recommendations).toMatchObject({ votes: 0, ballots: 1 });
    expect(r.subjects.find((s) => s.name === '李娜')!.recommendations).toMatchObject({ votes: 1, ballots: 1 });
  });

  it.each(['推荐为优秀党员', '推荐意见（打√）', '同意推荐'])('headed %s', (header) => {
    const r = run(
      sheet(
        [
          ['身份：党员'],
          ['姓名', ...ITEMS.flatMap((item) => [item, null, null, null]), header],
          [null, ...ITEMS.flatMap(() => LEVELS), null],
          ['王伟', ...ITEMS.flatMap(() => tick(0)), V],
          ['李娜', ...ITEMS.flatMap(() => tick(1)), null],
        ],
        merges(1),
      ),
    );
    expect(codes(r)).toEqual([]);
    expect(r.subjects.find((s) => s.name === '王伟')!.recommendations).toMatchObject({ votes: 1, ballots: 1 });
  });
});

describe('a ballot none of whose names is the roster\'s', () => {
  it('is no valid ballot: reported, and counted as 废票', () => {
    const r = staffSheet(['姓名', '测评得分'], ['张三', 90], ['李四', 80]);
    expect(r.read.findings.map((f) => f.code)).toEqual(['SUBJECT_NOT_IN_ROSTER', 'SUBJECT_NOT_IN_ROSTER', 'SUBJECT_MISSING', 'NOTHING_COUNTED']);
    expect(r.read.ballots).toEqual([]);
    expect(r.participation.find((p) => p.group === '员工')).toMatchObject({ returned: 1, valid: 0, invalid: 1 });
  });
});

describe('a hidden sheet', () => {
  it('is not counted when it looks like a ballot, and is said; a hidden sheet that is no form is passed over quietly', () => {
    const p4 = presetScoringPresentGroups('p4-middle-managers');
    const ballot = (name: string, hidden: boolean, scores: number[]): SheetGrid => ({
      name,
      rows: [['测评人类别：员工'], ['姓名', '测评得分'], ['王毅', scores[0]], ['李娜', scores[1]]],
      merges: [],
      ...(hidden ? { hidden: true } : {}),
    });
    const r = runCampaign({
      scheme: p4,
      roster: [{ name: '王毅' }, { name: '李娜' }],
      submissions: [{ file: '员工1.xlsx', sheets: [ballot('2026年', false, [90, 80]), ballot('2025年', true, [60, 60]), { name: '下拉列表', rows: [['√'], ['优秀']], merges: [], hidden: true }] }],
      today: '2026-12-01',
    });
    expect(r.read.findings.map((f) => [f.code, f.sheet])).toEqual([['HIDDEN_SHEET', '2025年']]);
    expect(r.read.ballots.map((b) => b.sheet)).toEqual(['2026年']);
    const score = r.subjects.find((s) => s.name === '王毅')!.score!;
    expect(Number(score.num) / Number(score.den)).toBe(90);
  });
});

describe('the branch a 附表1 is about', () => {
  const branchSheet = (field: string) =>
    sheet([['党支部开展创先争优活动群众评议表'], [field], ['评议内容', ...LEVELS], ...p5.forms[0].itemLabels.map((label) => [label, V, null, null, null])]);
  const read = (field: string, roster: { name: string; kind?: 'organisation' }[]) =>
    runCampaign({ scheme: p5, roster, submissions: [submission('附1.xlsx', branchSheet(field))], today: '2026-12-01' });

  it('written with its 党小组 (one sheet per 党小组): the branch\'s', () => {
    const r = read('所在支部名称：机关党支部第一党小组', [{ name: '机关党支部', kind: 'organisation' }, { name: '王伟' }]);
    expect(r.read.findings).toEqual([]);
    expect(r.subjects.find((s) => s.name === '机关党支部')!.satisfaction).toMatchObject({ votes: 5, valid: 5 });
  });

  it('with no 党组织 in the roster (a 花名册 of members): says the sheet is not counted and what to add', () => {
    const r = read('所在支部名称：机关党支部第二党小组', [{ name: '王伟' }]);
    expect(r.read.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      ['SUBJECT_NOT_IN_ROSTER', 'A2', '「机关党支部第二党小组」不在名册中，本表未计入：名册中没有任何党组织；请在名册中加一行，姓名栏写「机关党支部」，类型栏写「组织」'],
    ]);
    expect(r.read.ballots).toEqual([]);
  });
});

describe('a score typed into a cell formatted as a percentage (95 stored as 0.95)', () => {
  it('is not counted and is an error saying what to do (0.95 among 95s would pull the mean down by tiers)', () => {
    const r = staffSheet(['姓名', '测评得分'], ['王毅', 0.95], ['李娜', 80]);
    expect(r.read.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      ['SCORE_AS_PERCENT', 'B3', '分数为 0.95，像是单元格设成了百分比格式（显示为 95%），该项无效；请把该格改为“常规”格式后重新填写分数'],
    ]);
    expect(r.read.findings[0].severity).toBe('error');
    // 王毅 has no valid score on this one ballot; 李娜's 80 counts.
    expect(r.subjects.find((s) => s.name === '王毅')!.score).toBeNull();
    expect(r.subjects.find((s) => s.name === '李娜')!.scoreText).toBe('80.00');
  });

  it('nor a score typed into a cell formatted as a date (95 comes back as 1900-04-04): said so', () => {
    const r = staffSheet(['姓名', '测评得分'], ['王毅', '1900-04-04'], ['李娜', 80]);
    expect(r.read.findings[0].message).toBe('分数栏应填写数字，此处为「1900-04-04」（像是单元格设成了日期格式，请把该格改为“常规”格式后重新填写分数），该项无效');
  });
});

describe('one sheet per 专项, the 专项 named in its title (seed 003 篇二: 三个专项评分表)', () => {
  const p4s = presetScoringPresentGroups('p4-secretary-appraisal');
  const GOOD = ['好', '较好', '一般', '差'];
  const specialSheet = (item: string, level: number, group = 'a'): SheetGrid => ({
    name: item.slice(0, 6),
    rows: [
      [`${item}专项评分表`],
      [`票别：${['a', 'b', 'c'].map((g) => `${g === group ? '☑' : '□'}${g}票`).join(' ')}`],
      ['序号', '姓名', ...GOOD],
      [1, '王毅', ...GOOD.map((_, i) => (i === level ? V : null))],
      [2, '李娜', ...GOOD.map((_, i) => (i === level ? V : null))],
    ],
    merges: [],
  });
  const items = p4s.forms[0].itemLabels;

  it('reads each sheet as its item, and a file\'s sheets as one ballot', () => {
    // 专项1 好 (90), 专项2 较好 (80), 专项3 一般 (70): (90 + 80 + 70) ÷ 3 = 80 for both.
    const r = runCampaign({
      scheme: p4s,
      roster: [{ name: '王毅' }, { name: '李娜' }],
      submissions: [{ file: 'a票1.xlsx', sheets: [specialSheet(items[0], 0), specialSheet(items[1], 1), specialSheet(items[2], 2)] }],
      today: '2026-12-01',
    });
    expect(r.read.findings.filter((f) => f.code !== 'UNIFORM_BALLOT')).toEqual([]);
    expect(r.read.ballots).toHaveLength(1);
    expect(r.participation.find((p) => p.group === 'a票')).toMatchObject({ returned: 1, valid: 1 });
    const score = r.subjects.find((s) => s.name === '王毅')!.score!;
    expect(Number(score.num) / Number(score.den)).toBe(80);
  });

  it('two raters\' files stay two ballots', () => {
    const r = runCampaign({
      scheme: p4s,
      roster: [{ name: '王毅' }, { name: '李娜' }],
      submissions: [
        { file: 'a票1.xlsx', sheets: items.map((item) => specialSheet(item, 0)) },
        { file: 'a票2.xlsx', sheets: items.map((item) => specialSheet(item, 1)) },
      ],
      today: '2026-12-01',
    });
    expect(r.read.ballots).toHaveLength(2);
    expect(r.participation.find((p) => p.group === 'a票')).toMatchObject({ returned: 2, valid: 2 });
    // 3 × 好 and 3 × 较好: (90 + 80) ÷ 2 = 85.
    const score = r.subjects.find((s) => s.name === '李娜')!.score!;
    expect(Number(score.num) / Number(score.den)).toBe(85);
  });

  /** Sheets moved into the workbook the task pane runs in: each its own submission (Submission.workbookSheet). */
  const inWorkbook = (sheets: SheetGrid[]) =>
    runCampaign({
      scheme: p4s,
      roster: [{ name: '王毅' }, { name: '李娜' }],
      submissions: sheets.map((g) => ({ file: '本工作簿', sheets: [g], workbookSheet: { insertedTemplate: false } })),
      today: '2026-12-01',
    });

  it('moved into the open workbook, two raters\' 专项 sheets are each counted as a ballot, never joined on a guess, and that is said', () => {
    const sheets = [...items.map((item) => specialSheet(item, 0)), ...items.map((item) => specialSheet(item, 1))].map((g, i) => ({ ...g, name: `${g.name}(${i + 1})` }));
    const r = inWorkbook(sheets);
    // Nothing in the workbook says which sheets one rater filled: 6 sheets, 6 ballots, as read.
    expect(r.read.ballots).toHaveLength(6);
    expect(r.participation.find((p) => p.group === 'a票')).toMatchObject({ returned: 6, valid: 6 });
    const said = r.read.findings.filter((f) => f.code === 'ITEM_SHEETS_IN_WORKBOOK');
    expect(said.map((f) => [f.severity, f.file, f.sheet, f.cell])).toEqual([['warning', '本工作簿', null, null]]);
    expect(said[0].message).toBe(
      `本工作簿中的专项评分表（${p4s.forms[0].title}）「${sheets[0].name}」「${sheets[1].name}」「${sheets[2].name}」「${sheets[3].name}」「${sheets[4].name}」等 6 张各按一张票计入：工作簿中无法分辨哪几张是同一位评议人填写的，同一人的几张专项表被算作几张票，参评情况中的实收、回收率等因此偏高。请把每位评议人的专项表各存为一个文件（一人一个文件），用「导入收回的文件」导入，并取消勾选本工作簿中的这些工作表`,
    );
  });

  it('in the open workbook, sheets of one 专项 only are each another rater\'s: nothing to say', () => {
    const r = inWorkbook([specialSheet(items[0], 0), { ...specialSheet(items[0], 1), name: '第二张' }]);
    expect(r.read.ballots).toHaveLength(2);
    expect(r.read.findings.filter((f) => f.code === 'ITEM_SHEETS_IN_WORKBOOK')).toEqual([]);
  });
});

describe('a 附表3 feedback on 党风廉政 problems (seed 004 四、2(3): 如有反馈…经组织核实)', () => {
  const window = (feedback: string | null) =>
    runCampaign({
      scheme: p5,
      roster: [{ name: '李娜', window: true }],
      submissions: [
        submission(
          '附3.xlsx',
          sheet([
            ['窗口服务岗位群众满意度测评表'],
            ['窗口岗位姓名', '测评内容', ...LEVELS],
            ...p5.forms[2].itemLabels.map((item, i) => [i === 0 ? '李娜' : null, item, V, null, null, null]),
            [`党风廉政建设方面存在问题的反馈：${feedback ?? ''}`],
          ]),
        ),
      ],
      today: '2026-12-01',
    });

  it('is said, for the organisation to verify, naming the roster column the veto reads; not a veto by itself', () => {
    const r = window('某窗口人员收受服务对象礼品');
    expect(r.read.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      ['VETO_FEEDBACK', 'A7', '本表在「党风廉政建设方面存在问题的反馈」中有反馈，可能涉及一票否决「经组织核实存在党风廉政问题」，请组织核实，核实后在名册「党风廉政问题」栏填写'],
    ]);
    expect(r.subjects[0].vetoes).toEqual([]);
  });

  it('says nothing when the field is left empty or says there is none (无, 暂无)', () => {
    expect(window(null).read.findings).toEqual([]);
    expect(window('无').read.findings).toEqual([]);
    expect(window('暂无。').read.findings).toEqual([]);
  });
});

describe('a sheet not counted gets no finding that says it was', () => {
  it('a ballot of an unknown rater group, every subject 优秀: GROUP_UNKNOWN only, no 雷同票 "已计入"', () => {
    const r = runCampaign({
      scheme: getPreset('p1-double-pledge'),
      roster: [{ name: '王毅' }, { name: '李娜' }, { name: '陈刚' }],
      submissions: [submission('f.xlsx', { name: 'S', rows: [['测评人类别：群众'], ['姓名', '优秀', '称职', '基本称职', '不称职'], ['王毅', V], ['李娜', V], ['陈刚', V]], merges: [] })],
      today: '2026-12-01',
    });
    expect(r.read.findings.map((f) => f.code)).toEqual(['GROUP_UNKNOWN']);
  });
});
