/**
 * Two tables one under the other in one sheet, as clerks get them: a 党小组长 pasting both groups' 附表1 into one
 * sheet, a 干部 and a 员工 ballot stacked. Each table is a ballot of its own; read as one, the second table's rows
 * made the first one's people 重复 (and void where they differ) and its 测评人类别 a name not in the roster.
 * Figures are worked out by hand from the rows written.
 */
import { runCampaign } from '../../src/core/engine';
import { CellValue, SheetGrid } from '../../src/core/forms/grid';
import { getPreset } from '../../src/core/presets';
import { presetScoringPresentGroups, submission } from '../helpers/grids';

const V = '√';
const grid = (rows: CellValue[][]): SheetGrid => ({ name: 'Sheet1', rows, merges: [] });

describe('a 干部 and a 员工 score ballot stacked in one sheet (p4)', () => {
  const p4 = presetScoringPresentGroups('p4-middle-managers');
  const roster = [{ name: '王毅' }, { name: '李娜' }];
  const run = (rows: CellValue[][]) => runCampaign({ scheme: p4, roster, submissions: [submission('两张票.xlsx', grid(rows))], today: '2026-12-01' });

  it('reads each table as its own ballot, of its own rater group, and says so at the row the second starts', () => {
    const r = run([
      ['测评人类别：干部'],
      ['姓名', '测评得分'],
      ['王毅', 90],
      ['李娜', 80],
      [],
      ['测评人类别：员工'],
      ['姓名', '测评得分'],
      ['王毅', 60],
      ['李娜', 80],
    ]);
    expect(r.read.findings.map((f) => [f.code, f.severity, f.sheet, f.cell, f.message])).toEqual([
      [
        'SECOND_TABLE',
        'warning',
        'Sheet1',
        'A6',
        '工作表「Sheet1」第 6 行起是另一张「干部岗位测评表」（第 7 行又是表头，其下的人在上面的表中已出现），像是两张票贴在了同一个工作表中；两张表各按一张票读取，请核对。今后请每张票用一个工作表',
      ],
    ]);
    // 干部: 王毅 90, 李娜 80; 员工: 王毅 60, 李娜 80 (scores are kept × 10000).
    expect(r.read.ballots.map((b) => [b.groupId, b.entries.map((e) => [e.subject, e.status, e.scaled / 10000])])).toEqual([
      ['cadre', [[0, 'valid', 90], [1, 'valid', 80]]],
      ['staff', [[0, 'valid', 60], [1, 'valid', 80]]],
    ]);
  });

  it('a table continued over two pages (its header repeated, other people under it) stays one ballot, said nothing of', () => {
    const r = runCampaign({
      scheme: p4,
      roster: [{ name: '王毅' }, { name: '李娜' }, { name: '张强' }],
      submissions: [submission('一张票.xlsx', grid([['测评人类别：干部'], ['姓名', '测评得分'], ['王毅', 90], ['李娜', 80], ['姓名', '测评得分'], ['张强', 70]]))],
      today: '2026-12-01',
    });
    expect(r.read.findings).toEqual([]);
    expect(r.read.ballots.map((b) => b.entries.length)).toEqual([3]);
  });

  it('one name written again on the second page (half the names under the repeated header, not most) stays one ballot: 重复, as before', () => {
    const r = runCampaign({
      scheme: p4,
      roster: [{ name: '王毅' }, { name: '李娜' }, { name: '张强' }],
      submissions: [submission('一张票.xlsx', grid([['测评人类别：干部'], ['姓名', '测评得分'], ['王毅', 90], ['李娜', 80], ['姓名', '测评得分'], ['张强', 70], ['王毅', 90]]))],
      today: '2026-12-01',
    });
    expect(r.read.findings.map((f) => [f.code, f.cell])).toEqual([['SUBJECT_REPEATED', 'A7']]);
    expect(r.read.ballots.map((b) => b.entries.length)).toEqual([3]);
  });
});

describe('two 党小组\' 附表1 pasted one under the other (p5, items in rows)', () => {
  const p5 = getPreset('p5-party-members');
  const LEVELS = ['满意', '比较满意', '基本满意', '不满意'];
  const items = p5.forms[0].itemLabels;
  const table = (group: string, level: number): CellValue[][] => [
    ['党支部开展创先争优活动群众评议表'],
    [`所在支部名称：机关党支部${group}`],
    ['评议内容', ...LEVELS],
    ...items.map((label) => [label, ...LEVELS.map((_, i) => (i === level ? V : null))]),
  ];

  it('counts both groups\' views of the branch, each table a ballot with its own comment', () => {
    // 第一党小组: all five items 满意; 第二党小组: all five 不满意. One table: 5 of 5 满意; two: 5 of 10.
    const rows = [...table('第一党小组', 0), ['意见或建议：多组织志愿服务'], [], ...table('第二党小组', 3), ['意见或建议：无']];
    const r = runCampaign({
      scheme: p5,
      roster: [{ name: '机关党支部', kind: 'organisation' }, { name: '王伟' }],
      submissions: [submission('附表1.xlsx', grid(rows))],
      today: '2026-12-01',
    });
    // Table 1 is rows 1–9 (its comment on row 9), the blank row 10 goes with it; table 2's title is row 11, its header row 13.
    expect(r.read.findings.map((f) => [f.code, f.cell])).toEqual([['SECOND_TABLE', 'A11']]);
    expect(r.read.findings[0].message).toContain('第 11 行起是另一张「党支部开展创先争优活动群众评议表」（第 13 行又是表头，其下的评价项目在上面的表中已出现）');
    expect(r.read.ballots.map((b) => [b.entries.map((e) => e.level), b.comments])).toEqual([
      [[0, 0, 0, 0, 0], ['多组织志愿服务']],
      [[3, 3, 3, 3, 3], ['无']],
    ]);
    expect(r.subjects.find((s) => s.name === '机关党支部')!.satisfaction).toMatchObject({ votes: 5, valid: 10 });
  });
});

describe('附表3 (p5: a block of item rows per window post, the name on its first row only)', () => {
  const p5 = getPreset('p5-party-members');
  const LEVELS = ['满意', '比较满意', '基本满意', '不满意'];
  const items = p5.forms[2].itemLabels;
  const header: CellValue[] = ['窗口岗位姓名', '测评内容', ...LEVELS];
  const block = (name: string, level: number): CellValue[][] => items.map((item, i) => [i === 0 ? name : null, item, ...LEVELS.map((_, l) => (l === level ? V : null))]);
  const run = (rows: CellValue[][]) =>
    runCampaign({ scheme: p5, roster: [{ name: '李娜', window: true }, { name: '陈刚', window: true }], submissions: [submission('附3.xlsx', grid(rows))], today: '2026-12-01' });

  it('its header printed again over each post\'s block is one table', () => {
    const r = run([['窗口服务岗位群众满意度测评表'], header, ...block('李娜', 0), header, ...block('陈刚', 1)]);
    expect(r.read.findings).toEqual([]);
    expect(r.read.ballots.map((b) => b.entries.map((e) => e.level))).toEqual([[0, 0, 0, 0, 1, 1, 1, 1]]);
  });

  it('two service units\' forms stacked are two ballots', () => {
    // Unit 1: 李娜 满意 ×4, 陈刚 比较满意 ×4; unit 2: 李娜 不满意 ×4, 陈刚 满意 ×4.
    const r = run([['窗口服务岗位群众满意度测评表'], header, ...block('李娜', 0), ...block('陈刚', 1), [], ['窗口服务岗位群众满意度测评表'], header, ...block('李娜', 3), ...block('陈刚', 0)]);
    // Table 1 is rows 1–10; row 11 blank; table 2's title is row 12, its header row 13.
    expect(r.read.findings.map((f) => [f.code, f.cell])).toEqual([['SECOND_TABLE', 'A12']]);
    expect(r.read.ballots.map((b) => b.entries.map((e) => e.level))).toEqual([
      [0, 0, 0, 0, 1, 1, 1, 1],
      [3, 3, 3, 3, 0, 0, 0, 0],
    ]);
  });
});
