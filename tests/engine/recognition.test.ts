/**
 * Form recognition by labels, not addresses (DOMAIN.md "Form layouts"): the drift real returned
 * tables show must still read, and every rejection names file, sheet and cell.
 */
import { fingerprint } from '../../src/core/ballots/read-ballots';
import { runCampaign } from '../../src/core/engine';
import { CellValue, SheetGrid } from '../../src/core/forms/grid';
import { describeTemplates, withTemplateMeta } from '../../src/core/output/describe-templates';
import { getPreset } from '../../src/core/presets';
import { matrixSheet, presetScoringPresentGroups, submission, wholeRosterForms } from '../helpers/grids';

const scheme = getPreset('p1-double-pledge');
const LEVELS = ['优秀', '称职', '基本称职', '不称职'];
const roster = [{ name: '王毅' }, { name: '李娜' }, { name: '陈刚' }];

function run(...sheets: SheetGrid[]) {
  return runCampaign({ scheme, roster, submissions: sheets.map((s, i) => submission(`f${i + 1}.xlsx`, s)), today: '2026-12-01' });
}
/** A plain ballot: the rater group in row 1, 姓名 and the four levels in row 2, the given rows from row 3. */
const plain = (...data: CellValue[][]): SheetGrid => ({ name: 'S', rows: [['测评人类别：党组织负责人'], ['姓名', ...LEVELS], ...data], merges: [] });
const votes = (r: ReturnType<typeof run>, name: string) => r.subjects.find((s) => s.name === name)!.overall.map((l) => l.votes);
/** Each roster subject's votes per level, in roster order (王毅, 李娜, 陈刚). */
const rosterVotes = (r: ReturnType<typeof run>) => roster.map((p) => votes(r, p.name));
/** Reading findings only (the results add their own, e.g. undecided tiers with one group missing). */
const codes = (r: ReturnType<typeof run>) => r.read.findings.map((f) => f.code);

describe('tolerated drift', () => {
  it('reads a plain form', () => {
    const r = run(
      matrixSheet('表1', {
        fields: ['测评人类别：党组织负责人'],
        levels: LEVELS,
        rows: [
          { name: '王毅', marks: [0] },
          { name: '李娜', marks: [1] },
          { name: '陈刚', marks: [3] },
        ],
      }),
    );
    expect(votes(r, '王毅')).toEqual([1, 0, 0, 0]);
    expect(votes(r, '李娜')).toEqual([0, 1, 0, 0]);
    expect(votes(r, '陈刚')).toEqual([0, 0, 0, 1]);
    expect(r.read.findings).toEqual([]);
  });

  it('reads title rows, notes, spaced and full-width and traditional labels, padded names and an extra blank column', () => {
    const sheet = matrixSheet('Sheet1', {
      title: '党员践诺情况考评表',
      fields: ['', '测评人类别：服务对象代表', '填表说明：请在相应等次栏内打“√”'],
      nameHeader: '姓　名',
      levels: ['優 秀', '稱職', 'ＸＸ'.replace('ＸＸ', '基本 稱職'), '不 稱 職'],
      rows: [
        { name: '王　毅', marks: [0] },
        { name: ' 李娜 ', marks: [0] },
        { name: '陳剛', marks: [2] },
      ],
      notes: ['注：每人只能打一个“√”。'],
      leftPad: 1,
      mark: '✔',
    });
    // A blank row between header and data, as clerks leave them.
    sheet.rows.splice(5, 0, []);
    const r = run(sheet);
    expect(votes(r, '王毅')).toEqual([1, 0, 0, 0]);
    expect(votes(r, '李娜')).toEqual([1, 0, 0, 0]);
    expect(votes(r, '陈刚')).toEqual([0, 0, 1, 0]);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // Names written differently from the roster (inner full-width space, traditional) are counted, and said;
    // surrounding spaces (' 李娜 ', B8) are simply trimmed.
    expect(r.findings.filter((f) => f.code === 'NAME_NORMALISED').map((f) => f.cell).sort()).toEqual(['B7', 'B9']);
  });

  it('reads tier headers printed with a hint in brackets or an option letter (优秀(打√), 称职⏎（√）, A.优秀, ①优秀)', () => {
    for (const header of [
      ['优秀(打√)', '称职(打√)', '基本称职(打√)', '不称职(打√)'],
      ['优秀\n（√）', '称职\n（√）', '基本称职\n（√）', '不称职\n（√）'],
      ['A.优秀', 'B.称职', 'C.基本称职', 'D.不称职'],
      ['①优秀', '②称职', '③基本称职', '④不称职'],
      ['优秀【√】', 'B、称职', '基本称职', '不称职(60分以下)'],
    ]) {
      const r = run({ name: 'S', rows: [['测评人类别：党组织负责人'], ['姓名', ...header], ['王毅', '√'], ['李娜', null, '√'], ['陈刚', null, null, null, '√']], merges: [] });
      expect([header, r.read.findings]).toEqual([header, []]);
      expect(rosterVotes(r)).toEqual([
        [1, 0, 0, 0],
        [0, 1, 0, 0],
        [0, 0, 0, 1],
      ]);
    }
  });

  it('still takes a tier header cut short (优 for 优秀) for a missing column', () => {
    const r = run({ name: 'S', rows: [['测评人类别：党组织负责人'], ['姓名', '优', '称职', '基本称职', '不称职'], ['王毅', '√'], ['李娜', null, '√'], ['陈刚', '√']], merges: [] });
    // The √ under 优 cannot be counted as 优秀, nor the rows as abstentions: the sheet waits for its header.
    expect(r.read.findings.map((f) => `${f.code} ${f.cell}`)).toEqual(['TIER_COLUMN_MISSING C2', 'MARK_OUTSIDE_TIERS B3', 'MARK_OUTSIDE_TIERS B5', 'TIER_COLUMN_UNREADABLE C2']);
    expect(r.read.ballots).toEqual([]);
  });

  it('reads a header split over two merged rows', () => {
    const rows: CellValue[][] = [
      ['测评人类别：党组织负责人'],
      ['姓名', '测评等次', null, null, null],
      [null, '优秀', '称职', '基本称职', '不称职'],
      ['王毅', null, '√', null, null],
      ['李娜', '√', null, null, null],
      ['陈刚', '☑', null, null, null],
    ];
    const r = run({ name: 'S', rows, merges: [{ r1: 1, c1: 0, r2: 2, c2: 0 }, { r1: 1, c1: 1, r2: 1, c2: 4 }] });
    expect(votes(r, '王毅')).toEqual([0, 1, 0, 0]);
    expect(votes(r, '陈刚')).toEqual([1, 0, 0, 0]);
    expect(r.read.findings).toEqual([]);
  });
});

describe('a header repeated inside the table (pages pasted together)', () => {
  it('passes over a repeated header row, one or two rows high, with nothing reported', () => {
    const rows: CellValue[][] = [
      ['测评人类别：党组织负责人'],
      ['序号', '姓名', '评议等次', null, null, null],
      [null, null, ...LEVELS],
      [1, '王毅', '√'],
      ['序号', '姓名', '评议等次', null, null, null], // the two header rows again, unmerged
      [null, null, ...LEVELS],
      [2, '李娜', null, '√'],
      ['序号', '姓 名', '優秀', '稱職', '基本稱職', '不稱職'], // and once more on one row, as retyped
      [3, '陈刚', null, null, null, '√'],
    ];
    const r = run({ name: 'S', rows, merges: [{ r1: 1, c1: 2, r2: 1, c2: 5 }] });
    expect(r.read.findings).toEqual([]);
    expect(votes(r, '王毅')).toEqual([1, 0, 0, 0]);
    expect(votes(r, '李娜')).toEqual([0, 1, 0, 0]);
    expect(votes(r, '陈刚')).toEqual([0, 0, 0, 1]);
  });

  it('still reports a row with a header word for a name when it holds a mark, or words that are not the header', () => {
    const r = run(
      plain(
        ['王毅', '√'],
        ['姓名', '√'],
        ['李娜', null, '√'],
        ['姓名', '好', '较好'],
        ['陈刚', '√'],
      ),
    );
    expect(r.read.findings.map((f) => `${f.code} ${f.cell}`)).toEqual(['SUBJECT_NOT_IN_ROSTER A4', 'SUBJECT_NOT_IN_ROSTER A6']);
  });

  it('says what a row without a name holds: √, or something else such as numbers', () => {
    const rows: CellValue[][] = [
      ['测评人类别：党组织负责人'],
      ['序号', '姓名', ...LEVELS],
      [1, '王毅', '√'],
      [2, '李娜', null, '√'],
      [3, '陈刚', '√'],
      [4, null, '√'],
      [null, null, 2, 1, 0, 0],
    ];
    const r = run({ name: 'S', rows, merges: [] });
    expect(r.read.findings.map((f) => `${f.code} ${f.cell} ${f.message}`)).toEqual([
      'MARK_WITHOUT_SUBJECT B6 此行有√，但没有填写姓名，未计入',
      'MARK_WITHOUT_SUBJECT B7 此行等次栏填有内容，但没有填写姓名，未计入',
    ]);
  });
});

describe('a totals row under the list (合计, 票数: the template counting its own √)', () => {
  const countif = (col: string, value: number): CellValue => ({ formula: `COUNTIF(${col}3:${col}5,"√")`, value });
  const marked: CellValue[][] = [
    ['测评人类别：党组织负责人'],
    ['序号', '姓名', ...LEVELS],
    [1, '王毅', '√'],
    [2, '李娜', null, '√'],
    [3, '陈刚', '√'],
  ];

  it('passes over 合计 or 票数 in the name column or left of it, with numbers or COUNTIF formulas, nothing reported', () => {
    for (const totals of [
      ['合计', null, 2, 1, 0, 0],
      [null, '合  计', countif('C', 2), countif('D', 1), countif('E', 0), countif('F', 0)],
      [null, '票数', 2, 1, null, null],
      ['得票数', null, null, null, null, null],
    ] as CellValue[][]) {
      const r = run({ name: 'S', rows: [...marked, totals], merges: [] });
      expect([totals, r.read.findings]).toEqual([totals, []]);
      expect(rosterVotes(r)).toEqual([
        [1, 0, 0, 0],
        [0, 1, 0, 0],
        [1, 0, 0, 0],
      ]);
    }
  });

  it('still reports a 合计 row holding a √', () => {
    const r = run({ name: 'S', rows: [...marked, [null, '合计', '√']], merges: [] });
    expect(r.read.findings.map((f) => `${f.code} ${f.cell}`)).toEqual(['SUBJECT_NOT_IN_ROSTER B6']);
  });
});

describe('an unfilled copy of the form beside a filled one in the same file', () => {
  const filled = plain(['王毅', '√'], ['李娜', null, '√'], ['陈刚', '√']);
  const blank = (name: string): SheetGrid => ({ ...plain(['王毅'], ['李娜'], ['陈刚']), name });
  const read = (...files: SheetGrid[][]) =>
    runCampaign({ scheme, roster, submissions: files.map((sheets, i) => ({ file: `f${i + 1}.xlsx`, sheets })), today: '2026-12-01' });

  it('is not a ballot: not counted, none of its 弃权 reported, one warning naming both sheets', () => {
    const r = read([blank('测评表'), { ...filled, name: '测评表 (2)' }], [{ ...filled, name: '测评表' }]);
    expect(r.read.ballots.map((b) => `${b.file}!${b.sheet}`)).toEqual(['f1.xlsx!测评表 (2)', 'f2.xlsx!测评表']);
    expect(r.participation.map((p) => [p.group, p.returned])).toEqual([
      ['服务对象代表', 0],
      ['党组织负责人', 2],
    ]);
    expect(r.read.findings.map((f) => [f.code, f.file, f.sheet, f.message])).toEqual([
      ['BLANK_COPY', 'f1.xlsx', '测评表', '工作表「测评表」是未填写的空白表，同一文件中另有已填写的「测评表 (2)」，不作为一张票计入'],
      ['DUPLICATE_BALLOT', 'f2.xlsx', '测评表', '本票的评价与「f1.xlsx」的「测评表 (2)」完全相同，可能是重复提交，请核实；已计入'],
    ]);
  });

  it('also when the copy does not say its rater group (a template that leaves it to the rater): no GROUP_UNKNOWN', () => {
    const unsaid: SheetGrid = { name: '原表', rows: [['姓名', ...LEVELS], ['王毅'], ['李娜'], ['陈刚']], merges: [] };
    const r = read([unsaid, { ...filled, name: '填写' }]);
    expect(r.read.ballots.map((b) => b.sheet)).toEqual(['填写']);
    expect(r.read.uncounted).toEqual([]);
    expect(r.read.findings.map((f) => [f.code, f.sheet])).toEqual([['BLANK_COPY', '原表']]);
    // Alone, the same sheet is what it was: a sheet whose group is unknown, not counted.
    const alone = read([unsaid]);
    expect(alone.read.uncounted.map((u) => [u.sheet, u.reason])).toEqual([['原表', 'group']]);
    expect(alone.read.findings.map((f) => f.code)).toContain('GROUP_UNKNOWN');
  });

  it('a blank form alone in its file, or with other blank ones, is still a blank ballot (弃权), as before', () => {
    const r = read([blank('S')], [blank('A'), blank('B')]);
    expect(r.read.ballots.map((b) => `${b.file}!${b.sheet}`)).toEqual(['f1.xlsx!S', 'f2.xlsx!A', 'f2.xlsx!B']);
    expect(r.read.findings.filter((f) => f.code === 'EMPTY_BALLOT').map((f) => `${f.file}!${f.sheet}`)).toEqual(['f1.xlsx!S', 'f2.xlsx!A', 'f2.xlsx!B']);
    expect(r.read.findings.filter((f) => f.code === 'ABSTENTION')).toHaveLength(9);
    expect(r.read.findings.some((f) => f.code === 'BLANK_COPY')).toBe(false);
  });
});

describe("the page's all-in-one template workbook (附表1、2、3 in one file), each 党员 filling only 附表2", () => {
  // describeTemplates gives the three sheets the page's 「下载全部模板（一个工作簿）」 writes, with their _pingyi records.
  const p5 = getPreset('p5-party-members');
  const p5Roster = [{ name: '王芳' }, { name: '李强' }, { name: '机关', kind: 'organisation' as const }, { name: '赵敏', window: true }];
  const templates = describeTemplates(p5, p5Roster);
  const [annex1, annex2, annex3] = ['branch-review', 'candidate-review', 'window-satisfaction'].map((id) => templates.find((t) => t.meta?.formId === id)!);
  const grid = (t: (typeof templates)[number]): SheetGrid => ({ name: t.name, rows: t.cells.map((row) => row.map((c) => c.value as CellValue)), merges: [] });
  /** 附表2 with a √ under 满意 (column C, the first item) for every name in rows 5–7. */
  const filledAnnex2 = (): SheetGrid => {
    const g = grid(annex2);
    for (const r of [4, 5, 6]) g.rows[r] = g.rows[r].map((v, c) => (c === 2 ? '√' : v));
    return g;
  };
  const file = (name: string, ...sheets: SheetGrid[]) =>
    withTemplateMeta({ file: name, sheets }, Object.fromEntries(templates.map((t) => [t.name, t.meta as Record<string, string>])), p5);
  const returned = (r: ReturnType<typeof runCampaign>) => r.participation.map((p) => [p.form, p.group, p.returned, p.valid]);

  it('the blank 附表1 and 附表3 beside the filled 附表2 are not ballots: 实收 附表2 3, 附表1 0, 附表3 0', () => {
    const r = runCampaign({
      scheme: p5,
      roster: p5Roster,
      submissions: ['党员1.xlsx', '党员2.xlsx', '党员3.xlsx'].map((f) => file(f, grid(annex1), filledAnnex2(), grid(annex3))),
      today: '2026-12-01',
    });
    expect(r.read.ballots.map((b) => `${b.file}!${b.formId}`)).toEqual(['党员1.xlsx!candidate-review', '党员2.xlsx!candidate-review', '党员3.xlsx!candidate-review']);
    expect(returned(r)).toEqual([
      ['党支部开展创先争优活动群众评议表', '党员', 0, 0],
      ['优秀党员民主评议推荐表', '党员', 3, 3],
      ['窗口服务岗位群众满意度测评表', '服务对象', 0, 0],
    ]);
    // 王芳, 李强, 赵敏: 3 满意 each in 参加创先争优活动情况, from the three 附表2 only.
    expect(r.subjects.filter((s) => s.name !== '机关').map((s) => [s.name, s.overall[0].votes])).toEqual([
      ['王芳', 3],
      ['李强', 3],
      ['赵敏', 3],
    ]);
    const copies = r.read.findings.filter((f) => f.code === 'BLANK_COPY');
    expect(copies.map((f) => [f.file, f.sheet])).toEqual([
      ['党员1.xlsx', annex1.name],
      ['党员1.xlsx', annex3.name],
      ['党员2.xlsx', annex1.name],
      ['党员2.xlsx', annex3.name],
      ['党员3.xlsx', annex1.name],
      ['党员3.xlsx', annex3.name],
    ]);
    expect(copies[0].message).toBe(
      `工作表「${annex1.name}」（党支部开展创先争优活动群众评议表）是未填写的空白表；同一文件中已填写的是「${annex2.name}」（优秀党员民主评议推荐表），一个文件是一位评议人交回的表，本表是模板中他未填写的另一张表，不作为一张票计入`,
    );
    // Nothing else said of the blank sheets: no 弃权, no 空票.
    expect(r.read.findings.filter((f) => f.code !== 'BLANK_COPY' && f.sheet !== annex2.name)).toEqual([]);
  });

  it('a file whose form sheets are all blank is still blank ballots (弃权), one of each form, as before', () => {
    const r = runCampaign({ scheme: p5, roster: p5Roster, submissions: [file('空白.xlsx', grid(annex1), grid(annex2), grid(annex3))], today: '2026-12-01' });
    expect(returned(r)).toEqual([
      ['党支部开展创先争优活动群众评议表', '党员', 1, 1],
      ['优秀党员民主评议推荐表', '党员', 1, 1],
      ['窗口服务岗位群众满意度测评表', '服务对象', 1, 1],
    ]);
    expect(r.read.findings.some((f) => f.code === 'BLANK_COPY')).toBe(false);
    expect(r.read.findings.filter((f) => f.code === 'EMPTY_BALLOT').map((f) => f.sheet)).toEqual([annex1.name, annex2.name, annex3.name]);
  });
});

describe('a blank form the add-in inserted into the open workbook (Submission.workbookSheet.insertedTemplate)', () => {
  const filled = plain(['王毅', '√'], ['李娜', null, '√'], ['陈刚', '√']);
  const blank = plain(['王毅'], ['李娜'], ['陈刚']);
  /** Each sheet its own submission of 本工作簿, as the task pane reads them; `inserted`: the add-in's template. */
  const sheetOf = (g: SheetGrid, name: string, inserted: boolean) => ({ file: '本工作簿', sheets: [{ ...g, name }], workbookSheet: { insertedTemplate: inserted } });
  const returned = (r: ReturnType<typeof run>) => r.participation.map((p) => [p.group, p.returned, p.valid]);

  it('still blank, was never handed out: not a returned ballot, its 弃权 not reported, one warning', () => {
    const r = runCampaign({ scheme, roster, submissions: [sheetOf(blank, '评议票', true), sheetOf(filled, '回收票1', false)], today: '2026-12-01' });
    expect(r.read.ballots.map((b) => b.sheet)).toEqual(['回收票1']);
    expect(r.read.uncounted).toEqual([]);
    expect(returned(r)).toEqual([
      ['服务对象代表', 0, 0],
      ['党组织负责人', 1, 1],
    ]);
    expect(r.read.findings.map((f) => [f.code, f.severity, f.file, f.sheet, f.message])).toEqual([
      ['BLANK_TEMPLATE', 'warning', '本工作簿', '评议票', '工作表「评议票」是本加载项插入的空白模板，尚未填写，不是收回的票，未计入'],
    ]);
  });

  it('also when the template leaves the rater group to be ticked: no GROUP_UNKNOWN, nothing uncounted', () => {
    const unsaid: SheetGrid = { name: '原表', rows: [['姓名', ...LEVELS], ['王毅'], ['李娜'], ['陈刚']], merges: [] };
    const r = runCampaign({ scheme, roster, submissions: [sheetOf(unsaid, '评议票', true)], today: '2026-12-01' });
    expect(r.read.uncounted).toEqual([]);
    expect(r.read.findings.map((f) => f.code)).toEqual(['BLANK_TEMPLATE']);
  });

  it('filled in, it is a ballot; the clerk\'s own blank sheet is a blank ballot (弃权), as before', () => {
    const r = runCampaign({ scheme, roster, submissions: [sheetOf(filled, '评议票', true), sheetOf(blank, '回收票2', false)], today: '2026-12-01' });
    expect(r.read.ballots.map((b) => b.sheet)).toEqual(['评议票', '回收票2']);
    expect(r.read.findings.filter((f) => f.code === 'EMPTY_BALLOT').map((f) => f.sheet)).toEqual(['回收票2']);
    expect(r.read.findings.some((f) => f.code === 'BLANK_TEMPLATE')).toBe(false);
  });

  it('with 弃权 in the denominator it changes no tier: 不合格 on 6 of 11 returned ballots is 6/11 = 54.55% > 50%, 不合格', () => {
    const p3 = structuredClone(getPreset('p3-community-consecutive'));
    p3.counting.abstentionsInDenominator = true;
    const people = ['王芳', '张伟'];
    const ballotRows = (fail: boolean): CellValue[][] => [['测评人类别：与会人员'], ['姓名', '合格', '不合格'], ['王芳', '√'], ['张伟', fail ? null : '√', fail ? '√' : null]];
    const files = Array.from({ length: 11 }, (_, i) => submission(`票${i + 1}.xlsx`, { name: 'Sheet1', rows: ballotRows(i < 6), merges: [] }));
    const template = { file: '本工作簿', sheets: [{ name: '评议票', rows: [['测评人类别：与会人员'], ['姓名', '合格', '不合格'], ['王芳'], ['张伟']], merges: [] }], workbookSheet: { insertedTemplate: true } };
    const r = runCampaign({ scheme: p3, roster: people.map((name) => ({ name })), submissions: [template, ...files], today: '2026-12-01' });
    expect(r.participation.map((p) => [p.returned, p.valid])).toEqual([[11, 11]]);
    expect(r.subjects.map((s) => [s.name, s.tier])).toEqual([
      ['王芳', '合格'],
      ['张伟', '不合格'],
    ]);
  });
});

describe('/, — and × in the tier cells not chosen', () => {
  it('beside one √: read as not chosen, the √ counted, said once for the sheet', () => {
    const r = run(plain(['王毅', '√', '/', '/', '/'], ['李娜', '—', '√', '—', '—'], ['陈刚', '×', '×', '√', '×']));
    expect(rosterVotes(r)).toEqual([
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
    ]);
    expect(r.read.findings.map((f) => `${f.code} ${f.severity} ${f.cell} ${f.message}`)).toEqual([
      'MARK_STRUCK_OUT warning C3 等次栏中填了「/」「—」「×」或「弃权」「不了解」等的格（C3、D3、E3 等 9 处）按未选计，同项的√照常计入',
    ]);
  });

  it('a row of dashes only is left blank (弃权); × with no √ is not read either way (the item invalid)', () => {
    const r = run(plain(['王毅', '√'], ['李娜', '/', '/', '/', '/'], ['陈刚', '×', null, null, null]));
    expect(votes(r, '李娜')).toEqual([0, 0, 0, 0]);
    expect(votes(r, '陈刚')).toEqual([0, 0, 0, 0]);
    const figures = (name: string) => r.subjects.find((s) => s.name === name)!.figures[0];
    expect([figures('李娜').abstain, figures('李娜').invalid]).toEqual([1, 0]);
    expect([figures('陈刚').abstain, figures('陈刚').invalid]).toEqual([0, 1]);
    expect(r.read.findings.map((f) => `${f.code} ${f.cell}`)).toEqual(['ABSTENTION B4', 'MARK_UNRECOGNISED B5', 'MARK_STRUCK_OUT B4']);
    expect(r.read.findings[1].message).toBe('等次栏应打√，此处为「×」，本项没有√，无法确定「×」是选中还是不选，该项无效');
  });

  it('a word giving no view (弃权, 不了解) reads as blank: 弃权 on an ordinary form', () => {
    const r = run(plain(['王毅', '√'], ['李娜', '弃权'], ['陈刚', null, '不了解']));
    expect(votes(r, '李娜')).toEqual([0, 0, 0, 0]);
    expect(r.subjects.find((s) => s.name === '李娜')!.figures[0].abstain).toBe(1);
    expect(r.read.findings.map((f) => `${f.code} ${f.cell}`)).toEqual(['ABSTENTION B4', 'ABSTENTION B5', 'MARK_STRUCK_OUT B4']);
  });

  it('two √ with dashes beside them are still two marks', () => {
    const r = run(plain(['王毅', '√', '√', '/', '/'], ['李娜', null, '√'], ['陈刚', '√']));
    expect(r.read.findings.map((f) => `${f.code} ${f.cell}`)).toEqual(['MULTIPLE_MARKS B3']);
  });
});

describe('the rater group ticked on a printed list of choices', () => {
  const p4 = getPreset('p4-middle-managers');
  const read = (...fieldRow: CellValue[]) =>
    runCampaign({
      scheme: p4,
      roster: [{ name: '王毅' }],
      submissions: [submission('f.xlsx', { name: 'S', rows: [fieldRow, ['姓名', '测评得分'], ['王毅', 90]], merges: [] })],
      today: '2026-12-01',
    }).read;

  it.each([
    ['测评人类别：□干部 ☑员工', 'staff'],
    ['测评人类别：☑干部 □员工', 'cadre'],
    ['测评人类别：干部□ 员工√', 'staff'],
    ['测评人类别：干部（  ）员工（√）', 'staff'],
    ['测评人类别：（√）干部 （ ）员工', 'cadre'],
    ['测评人类别：□干部☑员工', 'staff'], // no spaces: the empty box before 干部 says boxes go before names
    ['测评人类别：□中层干部 ■员工代表', 'staff'], // aliases, 员工代表 not also read as 员工
    ['测评人类别（请在相应类别后打√）：干部（ ） 员工（√）', 'staff'], // a hint in brackets in the label
    ['测评人类别(打√)：☑干部 □员工', 'cadre'],
    ['您的身份：□干部 ☑员工', 'staff'],
  ])('%s → %s', (field, group) => {
    const r = read(field);
    expect(r.findings).toEqual([]);
    expect(r.ballots.map((b) => b.groupId)).toEqual([group]);
  });

  it('reads a label with a hint in brackets alone in its cell, the choices in the next', () => {
    const r = read('测评人类别（在相应类别后打√）', '干部（ ） 员工（√）');
    expect(r.findings).toEqual([]);
    expect(r.ballots.map((b) => b.groupId)).toEqual(['staff']);
  });

  it('reads a group written with more words (普通员工) as the one group named in it, and says so', () => {
    const r = read('测评人类别：普通员工');
    expect(r.ballots.map((b) => b.groupId)).toEqual(['staff']);
    expect(r.findings.map((f) => [f.code, f.cell, f.message])).toEqual([['FIELD_READ_AS', 'A1', '测评人类别「普通员工」按「员工」计，请核实']]);
    expect(read('测评人类别：员工代表（营业部）').ballots.map((b) => b.groupId)).toEqual(['staff']);
    // Two groups named, none, one only in the middle or after a negation: not counted.
    for (const field of ['测评人类别：干部员工', '测评人类别：群众', '测评人类别：非员工', '测评人类别：原员工身份']) {
      expect(read(field).ballots).toEqual([]);
      expect(read(field).findings.map((f) => f.code)).toEqual(['GROUP_UNKNOWN']);
    }
  });

  it('reads choices printed cell by cell, the tick deciding, not the first name', () => {
    expect(read('测评人类别', '干部', '□', '员工', '√').ballots.map((b) => b.groupId)).toEqual(['staff']);
    expect(read('测评人类别：', '□', '干部', '☑', '员工').ballots.map((b) => b.groupId)).toEqual(['staff']);
    // A plain value followed by another field is read as before.
    expect(read('测评人类别', '员工', '测评日期', '2026-12-01').ballots.map((b) => b.groupId)).toEqual(['staff']);
  });

  it('takes the group from a title or sheet name that says whose form it is (员工用, 员工填写), and says so', () => {
    const withTitle = (sheetName: string, ...top: CellValue[][]) =>
      runCampaign({
        scheme: p4,
        roster: [{ name: '王毅' }],
        submissions: [submission('f.xlsx', { name: sheetName, rows: [...top, ['姓名', '测评得分'], ['王毅', 90]], merges: [] })],
        today: '2026-12-01',
      }).read;
    const titled = withTitle('Sheet1', ['中层干部述职测评表（员工用）']);
    expect(titled.ballots.map((b) => b.groupId)).toEqual(['staff']);
    expect(titled.findings.map((f) => [f.code, f.severity, f.cell, f.message])).toEqual([
      ['GROUP_FROM_TITLE', 'warning', 'A1', '表中没有“测评人类别”，按标题「中层干部述职测评表（员工用）」计为「员工」票，请核实'],
    ]);
    const sheetNamed = withTitle('干部填写');
    expect(sheetNamed.ballots.map((b) => b.groupId)).toEqual(['cadre']);
    expect(sheetNamed.findings.map((f) => f.message)).toEqual(['表中没有“测评人类别”，按工作表名「干部填写」计为「干部」票，请核实']);
    // Not from a title that only names whom the form is about, nor when title and sheet name disagree,
    // nor over a 测评人类别 field the rater left empty.
    for (const [sheetName, top] of [
      ['Sheet1', [['中层干部述职测评表']]],
      ['干部用', [['测评表（员工用）']]],
      ['Sheet1', [['测评表（员工用）'], ['测评人类别：']]],
    ] as [string, CellValue[][]][]) {
      const r = withTitle(sheetName, ...top);
      expect(r.ballots).toEqual([]);
      expect(r.findings.map((f) => f.code)).toEqual(['GROUP_UNKNOWN']);
    }
  });

  it.each([
    ['测评人类别：☑干部 ☑员工', '「☑干部 ☑员工」勾选了 2 个类别'],
    ['测评人类别：干部√员工', '「干部√员工」勾选了 2 个类别'], // a tick between two names could be either's
    ['测评人类别：□干部 □员工 √', '「□干部 □员工 √」中没有勾选任何类别'],
  ])('reports %s instead of guessing', (field, message) => {
    const r = read(field);
    expect(r.ballots).toEqual([]);
    expect(r.findings.map((f) => [f.code, f.cell])).toEqual([['GROUP_UNKNOWN', 'A1']]);
    expect(r.findings[0].message).toBe(`${message}（应为 干部、员工 之一），本票未计入`);
  });
});

describe('the round (村评 / 镇评) from a title or sheet name when no field gives it', () => {
  const village = getPreset('p3-village-two-rounds');
  const read = (title: string | null, sheetName = 'Sheet1') =>
    runCampaign({
      scheme: village,
      roster: [{ name: '王毅' }, { name: '李娜' }],
      submissions: [submission('f.xlsx', { name: sheetName, rows: [...(title ? [[title]] : []), ['姓名', '优秀', '称职', '基本称职', '不称职'], ['王毅', '√'], ['李娜', null, '√']], merges: [] })],
      today: '2026-12-01',
    }).read;

  it('takes the one round a title or the sheet name names, and says so', () => {
    const r = read('村党组织书记述职测评表（镇评）');
    expect(r.ballots.map((b) => b.roundId)).toEqual(['town']);
    expect(r.findings.map((f) => [f.code, f.cell, f.message])).toEqual([['ROUND_FROM_TITLE', 'A1', '表中没有“轮次”，按标题「村党组织书记述职测评表（镇评）」计为「镇评」票，请核实']]);
    const bySheet = read(null, '村述村评');
    expect(bySheet.ballots.map((b) => b.roundId)).toEqual(['village']);
    expect(bySheet.findings.map((f) => f.code)).toEqual(['ROUND_FROM_TITLE']);
  });

  it('not when a title names both rounds, or none', () => {
    expect(read('村评、镇评测评表').findings.map((f) => f.code)).toEqual(['ROUND_UNKNOWN']);
    expect(read('村党组织书记述职测评表').findings.map((f) => f.code)).toEqual(['ROUND_UNKNOWN']);
  });
});

describe('重名: which of two people of one name a ballot means', () => {
  const twins = [{ name: '王伟', unit: '办公室' }, { name: '王伟', unit: '财务部' }, { name: '李娜', unit: '办公室' }];
  // One sheet over both units' people (p1's 述诺测评 is held per 支部: read here over the whole list, as before).
  const wholeList = wholeRosterForms('p1-double-pledge');
  const read = (rows: CellValue[][]) =>
    runCampaign({ scheme: wholeList, roster: twins, submissions: [submission('f.xlsx', { name: 'S', rows, merges: [] })], today: '2026-12-01' });
  const tally = (r: ReturnType<typeof read>) => r.subjects.map((s) => `${s.name}/${s.unit} ${s.overall.map((l) => l.votes).join('')}`);

  it('by the 单位 column of the ballot', () => {
    const r = read([['测评人类别：党组织负责人'], ['姓名', '所在单位', ...LEVELS], ['王伟', '财务部', null, '√'], ['王伟', '办公室', '√'], ['李娜', '办公室', '√']]);
    expect(r.read.findings).toEqual([]);
    expect(tally(r)).toEqual(['王伟/办公室 1000', '王伟/财务部 0100', '李娜/办公室 1000']);
  });

  it('by a note in brackets beside the name, said as for other spellings', () => {
    const r = read([['测评人类别：党组织负责人'], ['姓名', ...LEVELS], ['王伟(财务部)', null, '√'], ['王伟（办公室主任）', '√'], ['李娜', '√']]);
    expect(r.read.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      ['NAME_NORMALISED', 'A3', '姓名「王伟(财务部)」按名册中财务部的「王伟」计'],
      ['NAME_NORMALISED', 'A4', '姓名「王伟（办公室主任）」按名册中办公室的「王伟」计'],
    ]);
    expect(tally(r)).toEqual(['王伟/办公室 1000', '王伟/财务部 0100', '李娜/办公室 1000']);
  });

  it('by the unit written after the name in the same cell (王伟 财务部, 王伟⏎办公室); spaces inside the name are not a note', () => {
    const r = read([['测评人类别：党组织负责人'], ['姓名', ...LEVELS], ['王伟 财务部', null, '√'], ['王伟\n办公室', '√'], ['李　娜', '√']]);
    expect(r.read.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      ['NAME_NORMALISED', 'A3', '姓名「王伟 财务部」按名册中财务部的「王伟」计'],
      ['NAME_NORMALISED', 'A4', '姓名「王伟\n办公室」按名册中办公室的「王伟」计'],
      ['NAME_NORMALISED', 'A5', '姓名「李　娜」按名册中的「李娜」计'],
    ]);
    expect(tally(r)).toEqual(['王伟/办公室 1000', '王伟/财务部 0100', '李娜/办公室 1000']);
  });

  it('still reported when nothing beside the name tells them apart', () => {
    const r = read([['测评人类别：党组织负责人'], ['姓名', ...LEVELS], ['王伟', '√'], ['王伟（女）', null, '√'], ['李娜', '√']]);
    expect(r.read.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      ['SUBJECT_AMBIGUOUS', 'A3', '名册中有 2 人名为「王伟」，无法确定是谁，此行未计入'],
      ['SUBJECT_AMBIGUOUS', 'A4', '名册中有 2 人名为「王伟（女）」，无法确定是谁，此行未计入'],
      ['SUBJECT_MISSING', 'A2', '名册中的 王伟（办公室）、王伟（财务部） 不在本票中'],
    ]);
  });
});

describe('as typed on phones and in other input methods', () => {
  it('reads ✔️ and ✓︎ (a check mark with an emoji or text variation selector) as √', () => {
    const r = run(
      plain(
        ['王毅', '✔\ufe0f', null, null, null],
        ['李娜', null, '✓\ufe0e', null, null],
        ['陈刚', null, null, ' ☑\ufe0f ', null],
      ),
    );
    expect(r.read.findings).toEqual([]);
    expect(votes(r, '王毅')).toEqual([1, 0, 0, 0]);
    expect(votes(r, '李娜')).toEqual([0, 1, 0, 0]);
    expect(votes(r, '陈刚')).toEqual([0, 0, 1, 0]);
  });

  it('says that ü, þ, P or R in a tier cell may be a check mark from a symbol font (not read as √)', () => {
    const r = run(plain(['王毅', 'ü'], ['李娜', null, 'R'], ['陈刚', null, 'x']));
    expect(r.read.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      ['MARK_UNRECOGNISED', 'B3', '等次栏应打√，此处为「ü」（若表中显示为√或☑，是用 Wingdings 符号字体插入的，请改为直接输入√），该项无效'],
      ['MARK_UNRECOGNISED', 'C4', '等次栏应打√，此处为「R」（若表中显示为√或☑，是用 Wingdings 符号字体插入的，请改为直接输入√），该项无效'],
      ['MARK_UNRECOGNISED', 'C5', '等次栏应打√，此处为「x」，该项无效'],
      ['EMPTY_BALLOT', 'A3', '整张票没有任何有效的√或分数'],
    ]);
    expect(votes(r, '王毅')).toEqual([0, 0, 0, 0]);
  });

  it('says where to allow a mark some campaigns use instead of √ (V, ○), and still does not count it', () => {
    const r = run(plain(['王毅', 'V'], ['李娜', null, '○'], ['陈刚', null, null, '√']));
    expect(r.read.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      ['MARK_UNRECOGNISED', 'B3', '等次栏应打√，此处为「V」（如本次测评约定以「V」为记号，可在方案「计票」的“另行约定的记号”中加入「V」（方案文件中为 counting.extraMarks）后重新校验），该项无效'],
      ['MARK_UNRECOGNISED', 'C4', '等次栏应打√，此处为「○」（如本次测评约定以「○」为记号，可在方案「计票」的“另行约定的记号”中加入「○」（方案文件中为 counting.extraMarks）后重新校验），该项无效'],
    ]);
    const allowed = runCampaign({
      scheme: { ...scheme, counting: { ...scheme.counting, extraMarks: ['V'] } },
      roster,
      submissions: [submission('f.xlsx', plain(['王毅', 'V'], ['李娜', null, '√'], ['陈刚', null, null, '√']))],
      today: '2026-12-01',
    });
    expect(allowed.read.findings.map((f) => f.code)).toEqual(['MARK_ALTERNATIVE']);
    expect(allowed.subjects.find((s) => s.name === '王毅')!.overall.map((l) => l.votes)).toEqual([1, 0, 0, 0]);
  });

  it('reads a number in a cell as a mark only when the scheme allows its digits (counting.extraMarks: 1), in the tiers and outside them', () => {
    // 王毅 has the number 1 under 优秀 (B3); 李娜 √ under 称职 and the number 1 in F4, right of the four tier
    // columns (B–E). Allowed, the 1 is 王毅's 优秀 and the 1 in F4 is a mark outside the tiers; the number 2 in
    // F5 is no allowed mark either way. Findings in row order. Not allowed, B3 is an unrecognised mark and F4 is no mark at all.
    const data = plain(['王毅', 1], ['李娜', null, '√', null, null, 1], ['陈刚', null, null, '√', null, 2]);
    const allowed = runCampaign({ scheme: { ...scheme, counting: { ...scheme.counting, extraMarks: ['1'] } }, roster, submissions: [submission('f.xlsx', data)], today: '2026-12-01' });
    expect(allowed.read.findings.map((f) => [f.code, f.cell])).toEqual([
      ['MARK_ALTERNATIVE', 'B3'],
      ['MARK_OUTSIDE_TIERS', 'F4'],
    ]);
    expect(allowed.subjects.find((s) => s.name === '王毅')!.overall.map((l) => l.votes)).toEqual([1, 0, 0, 0]);
    const r = run(data);
    expect(r.read.findings.map((f) => [f.code, f.cell])).toEqual([['MARK_UNRECOGNISED', 'B3']]);
    expect(votes(r, '王毅')).toEqual([0, 0, 0, 0]);
  });

  it('matches a name typed with its number before it or 同志 after it, and says so', () => {
    const r = run(
      plain(
        ['1.王毅', '√'],
        ['２、李娜', null, '√'],
        ['陈刚同志', null, null, '√'],
        ['3王毅', '√'], // no separator: not taken for numbering
      ),
    );
    expect(r.read.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      ['NAME_NORMALISED', 'A3', '姓名「1.王毅」按名册中的「王毅」计'],
      ['NAME_NORMALISED', 'A4', '姓名「２、李娜」按名册中的「李娜」计'],
      ['NAME_NORMALISED', 'A5', '姓名「陈刚同志」按名册中的「陈刚」计'],
      ['SUBJECT_NOT_IN_ROSTER', 'A6', '「3王毅」不在名册中，此行未计入'],
    ]);
    expect(votes(r, '李娜')).toEqual([0, 1, 0, 0]);
    expect(votes(r, '陈刚')).toEqual([0, 0, 1, 0]);
  });

  it('matches a name with its post after it in the same cell (王毅 支部书记, 陈刚⏎组织委员), and says so; not two names', () => {
    const r = run(plain(['王毅 支部书记', '√'], ['李娜　委员', null, '√'], ['陈刚\n组织委员', null, null, '√']));
    expect(r.read.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      ['NAME_NORMALISED', 'A3', '姓名「王毅 支部书记」按名册中的「王毅」计'],
      ['NAME_NORMALISED', 'A4', '姓名「李娜　委员」按名册中的「李娜」计'],
      ['NAME_NORMALISED', 'A5', '姓名「陈刚\n组织委员」按名册中的「陈刚」计'],
    ]);
    expect(rosterVotes(r)).toEqual([
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
    ]);
    const two = run(plain(['王毅 李娜', '√'], ['陈刚', '√']));
    expect(two.read.findings.map((f) => `${f.code} ${f.cell}`)).toEqual(['SUBJECT_NOT_IN_ROSTER A3', 'SUBJECT_MISSING A2']);
    // A slash offers a choice on printed forms (机关/中心): not read as a name and a note.
    const choice = run(plain(['王毅/李四', '√'], ['李娜', '√'], ['陈刚', '√']));
    expect(choice.read.findings.map((f) => `${f.code} ${f.cell}`)).toEqual(['SUBJECT_NOT_IN_ROSTER A3', 'SUBJECT_MISSING A2']);
  });

  it('matches a name with its post before it (签证窗口 李娜, as 附表3 lists window staff), and says so; not two names', () => {
    const r = run(plain(['办证窗口 王毅', '√'], ['签证窗口：李娜', null, '√'], ['咨询台—陈刚', null, null, '√']));
    expect(r.read.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      ['NAME_NORMALISED', 'A3', '姓名「办证窗口 王毅」按名册中的「王毅」计'],
      ['NAME_NORMALISED', 'A4', '姓名「签证窗口：李娜」按名册中的「李娜」计'],
      ['NAME_NORMALISED', 'A5', '姓名「咨询台—陈刚」按名册中的「陈刚」计'],
    ]);
    expect(rosterVotes(r)).toEqual([
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
    ]);
    const two = run(plain(['李娜：王毅', '√'], ['李娜', '√'], ['陈刚', '√']));
    expect(two.read.findings.map((f) => `${f.code} ${f.cell}`)).toEqual(['SUBJECT_NOT_IN_ROSTER A3', 'SUBJECT_MISSING A2']);
  });

  it('matches a name whose parts are separated by any look-alike of the middle dot, and says so', () => {
    const names = [{ name: '阿依古丽·买买提' }, { name: '王毅' }, { name: '米拉·阿不都' }];
    const sheet = plain(
      ['阿依古丽•买买提', '√'], // U+2022 bullet
      ['王毅', '√'],
      ['米拉．阿不都', null, '√'], // U+FF0E full-width full stop
    );
    const r = runCampaign({ scheme, roster: names, submissions: [submission('f.xlsx', sheet)], today: '2026-12-01' });
    expect(r.read.findings.map((f) => `${f.code} ${f.cell}`)).toEqual(['NAME_NORMALISED A3', 'NAME_NORMALISED A5']);
    expect(r.subjects.find((s) => s.name === '阿依古丽·买买提')!.overall.map((l) => l.votes)).toEqual([1, 0, 0, 0]);
    expect(r.subjects.find((s) => s.name === '米拉·阿不都')!.overall.map((l) => l.votes)).toEqual([0, 1, 0, 0]);
  });
});

describe('rejections, each naming the cell', () => {
  const base = (rows: { name: string; marks: (number | number[] | CellValue)[] }[], levels = LEVELS) =>
    matrixSheet('表', { fields: ['测评人类别：党组织负责人'], levels, rows });

  it('two marks in one item: the entry is invalid, the others count', () => {
    const r = run(base([{ name: '王毅', marks: [[0, 1]] }, { name: '李娜', marks: [0] }, { name: '陈刚', marks: [0] }]));
    const f = r.findings.find((x) => x.code === 'MULTIPLE_MARKS')!;
    expect([f.file, f.sheet, f.cell, f.severity]).toEqual(['f1.xlsx', '表', 'B3', 'error']);
    expect(votes(r, '王毅')).toEqual([0, 0, 0, 0]);
    expect(votes(r, '李娜')).toEqual([1, 0, 0, 0]);
    const fig = r.subjects.find((s) => s.name === '王毅')!.figures[0];
    expect(fig.invalid).toBe(1);
  });

  it('a renamed tier column', () => {
    const r = run(base([{ name: '王毅', marks: [0] }, { name: '李娜', marks: [0] }, { name: '陈刚', marks: [0] }], ['优秀', '称职', '一般', '不称职']));
    const f = r.findings.find((x) => x.code === 'TIER_COLUMN_MISSING')!;
    expect(f.message).toContain('基本称职');
    expect(f.cell).toBe('B2');
    expect(votes(r, '王毅')).toEqual([1, 0, 0, 0]);
  });

  it('a name not in the roster, and a roster name missing from the ballot', () => {
    const r = run(base([{ name: '王毅', marks: [0] }, { name: '赵六', marks: [0] }]));
    const notIn = r.findings.find((x) => x.code === 'SUBJECT_NOT_IN_ROSTER')!;
    expect(notIn.cell).toBe('A4');
    const missing = r.findings.filter((x) => x.code === 'SUBJECT_MISSING');
    expect(missing).toHaveLength(1);
    expect(missing[0].message).toContain('李娜');
    expect(missing[0].message).toContain('陈刚');
  });

  it('a mark outside the tier columns', () => {
    const sheet = base([{ name: '王毅', marks: [0] }, { name: '李娜', marks: [0] }, { name: '陈刚', marks: [0] }]);
    sheet.rows[2][6] = '√';
    const r = run(sheet);
    expect(r.findings.find((x) => x.code === 'MARK_OUTSIDE_TIERS')!.cell).toBe('G3');
  });

  it('formulas, error values and unrecognised marks where a mark belongs', () => {
    const sheet = base([
      { name: '王毅', marks: [{ formula: 'IF(1,"√","")', value: '√' }] },
      { name: '李娜', marks: [{ error: '#N/A' }] },
      { name: '陈刚', marks: ['V'] },
    ]);
    const r = run(sheet);
    const byCode = Object.fromEntries(r.findings.map((f) => [f.code, f.cell]));
    expect(byCode).toMatchObject({ FORMULA_IN_ENTRY: 'B3', ERROR_VALUE: 'B4', MARK_UNRECOGNISED: 'B5' });
    expect(votes(r, '王毅')).toEqual([0, 0, 0, 0]);
  });

  it('accepts a mark the scheme allows, and reports it', () => {
    const allowing = { ...scheme, counting: { ...scheme.counting, extraMarks: ['V'] } };
    const r = runCampaign({
      scheme: allowing,
      roster,
      submissions: [submission('a.xlsx', base([{ name: '王毅', marks: ['V'] }, { name: '李娜', marks: [0] }, { name: '陈刚', marks: [1] }]))],
    });
    expect(r.subjects[0].overall[0].votes).toBe(1);
    expect(r.read.findings.map((f) => f.code)).toEqual(['MARK_ALTERNATIVE']);
  });

  it('abstentions are counted and reported, and not in the denominator by default', () => {
    const r = run(base([{ name: '王毅', marks: [-1] }, { name: '李娜', marks: [0] }, { name: '陈刚', marks: [0] }]));
    expect(r.findings.find((x) => x.code === 'ABSTENTION')!.cell).toBe('B3');
    const fig = r.subjects.find((s) => s.name === '王毅')!.figures[0];
    expect([fig.valid, fig.abstain]).toEqual([0, 1]);
  });

  it('a ballot identical to another is reported as suspect and counted (DOMAIN.md), or excluded by setting', () => {
    const sheet = base([{ name: '王毅', marks: [0] }, { name: '李娜', marks: [1] }, { name: '陈刚', marks: [2] }]);
    const r = run(sheet, sheet);
    const f = r.findings.find((x) => x.code === 'DUPLICATE_BALLOT')!;
    expect([f.file, f.severity]).toEqual(['f2.xlsx', 'warning']);
    expect(f.message).toContain('f1.xlsx');
    expect(votes(r, '王毅')).toEqual([2, 0, 0, 0]);
    const excluding = { ...scheme, counting: { ...scheme.counting, duplicates: 'exclude' as const } };
    const r2 = runCampaign({ scheme: excluding, roster, submissions: [submission('a.xlsx', sheet), submission('b.xlsx', sheet)] });
    expect(r2.subjects[0].overall[0].votes).toBe(1);
    expect(r2.read.uncounted.map((u) => [u.file, u.reason])).toEqual([['b.xlsx', 'duplicate']]);
  });

  it('two different ballots whose fingerprints collide are not taken for duplicates', () => {
    // Two mark patterns for 20 subjects with the same 32-bit fingerprint, found by a birthday search;
    // the engine must compare candidates in full instead of trusting the hash.
    const a = [0, 0, 1, 2, 3, 0, 0, 2, 2, 1, 1, 1, 3, 0, 2, 0, 2, 0, 2, 3];
    const b = [1, 3, 2, 3, 0, 0, 1, 2, 3, 1, 2, 2, 1, 2, 3, 1, 3, 3, 1, 3];
    const people = a.map((_, i) => ({ name: `成员${String.fromCharCode(0x4e00 + i * 7)}` }));
    const sheet = (marks: number[]) => matrixSheet('表', { fields: ['测评人类别：党组织负责人'], levels: LEVELS, rows: people.map((p, i) => ({ name: p.name, marks: [marks[i]] })) });
    const excluding = { ...scheme, counting: { ...scheme.counting, duplicates: 'exclude' as const } };
    const r = runCampaign({ scheme: excluding, roster: people, submissions: [submission('a.xlsx', sheet(a)), submission('b.xlsx', sheet(b))] });
    expect(r.read.ballots).toHaveLength(2);
    expect(fingerprint(r.read.ballots[0])).toBe(fingerprint(r.read.ballots[1])); // the premise: if the hash changes, find a new pair
    expect(codes(r)).not.toContain('DUPLICATE_BALLOT');
    expect(r.read.uncounted).toEqual([]);
    expect(r.subjects[1].overall.map((l) => l.votes)).toEqual([1, 0, 0, 1]);
  });

  it('an unknown rater group: not counted, reported, shown in participation', () => {
    const sheet = matrixSheet('表', { fields: ['测评人类别：路人'], levels: LEVELS, rows: [{ name: '王毅', marks: [0] }] });
    const r = run(sheet);
    const f = r.findings.find((x) => x.code === 'GROUP_UNKNOWN')!;
    expect(f.cell).toBe('A1');
    expect(f.message).toContain('路人');
    expect(votes(r, '王毅')).toEqual([0, 0, 0, 0]);
    expect(r.participation.find((p) => p.group === '（类别不明）')!.returned).toBe(1);
  });

  it('雷同票 is reported but counted', () => {
    const r = run(base([{ name: '王毅', marks: [0] }, { name: '李娜', marks: [0] }, { name: '陈刚', marks: [0] }]));
    expect(codes(r)).toEqual(['UNIFORM_BALLOT']);
    expect(votes(r, '陈刚')).toEqual([1, 0, 0, 0]);
  });

  it('a sheet whose levels are written as words (评议等次: 优秀, as from a drop-down) is not counted, and says why', () => {
    const r = run({ name: '测评', rows: [['测评人类别：党组织负责人'], ['序号', '姓名', '评议等次'], [1, '王毅', '优秀'], [2, '李娜', '稱職'], [3, '陈刚', null]], merges: [] });
    expect(r.read.ballots).toEqual([]);
    expect(r.read.findings.map((f) => [f.code, f.severity, f.cell, f.message])).toEqual([
      [
        'LEVELS_AS_TEXT',
        'error',
        'C3',
        '工作表「测评」的等次是写成文字的（如 C3「优秀」），不是在等次栏中打√，本工具不按文字计票，本表未计入；如是测评票，请让评议人在模板的等次栏打√；如是汇总表或结果表，可忽略',
      ],
    ]);
    // One level word (a note, a title) is not such a column, nor a 评分标准 sheet listing the levels (no one named).
    const one = run({ name: '说明', rows: [['评议等次分为优秀、称职、基本称职、不称职'], ['优秀'], [null, '称职']], merges: [] });
    expect(one.read.findings.map((f) => f.code)).toEqual(['SHEET_NOT_A_FORM']);
    const standard = run({ name: '评分标准', rows: [['等次', '标准'], ['优秀', '85分以上'], ['称职', '75～84分'], ['基本称职', '65～74分']], merges: [] });
    expect(standard.read.findings.map((f) => f.code)).toEqual(['SHEET_NOT_A_FORM']);
  });

  it('a sheet that is not a form is skipped with a warning, and the batch goes on', () => {
    const r = run({ name: '说明', rows: [['填表说明'], ['请在等次栏打√']], merges: [] }, base([{ name: '王毅', marks: [0] }, { name: '李娜', marks: [1] }, { name: '陈刚', marks: [1] }]));
    expect(r.findings.find((f) => f.code === 'SHEET_NOT_A_FORM')!.severity).toBe('warning');
    expect(votes(r, '王毅')).toEqual([1, 0, 0, 0]);
  });

  it('a person listed twice with different scores counts neither; listed twice alike counts once', () => {
    const s = presetScoringPresentGroups('p4-middle-managers');
    const sheetOf = (second: CellValue) =>
      submission('s.xlsx', { name: '打分', rows: [['测评人类别：干部'], ['姓名', '测评得分'], ['王毅', 88], ['李娜', 80], ['王毅', second]], merges: [] });
    const differ = runCampaign({ scheme: s, roster: [{ name: '王毅' }, { name: '李娜' }], submissions: [sheetOf(60)] });
    const f = differ.findings.find((x) => x.code === 'SUBJECT_REPEATED')!;
    expect([f.cell, f.message]).toEqual(['A5', '「王毅」在本票中出现两次（另见 A3），两处评价不一致，无法确定本票对其的评价，两行均未计入']);
    const wang = differ.subjects.find((x) => x.name === '王毅')!;
    expect(wang.score).toBeNull();
    expect(wang.figures[0]).toMatchObject({ valid: 0, invalid: 1 });
    expect(differ.subjects.find((x) => x.name === '李娜')!.scoreText).toBe('80.00');
    const alike = runCampaign({ scheme: s, roster: [{ name: '王毅' }, { name: '李娜' }], submissions: [sheetOf(88)] });
    expect(alike.findings.find((x) => x.code === 'SUBJECT_REPEATED')!.message).toBe('「王毅」在本票中重复出现（另见 A3），此行未计入');
    expect(alike.subjects.find((x) => x.name === '王毅')!.scoreText).toBe('88.00');
  });

  it('scores out of range or not numbers', () => {
    const s = presetScoringPresentGroups('p4-middle-managers');
    const r = runCampaign({
      scheme: s,
      roster: [{ name: '王毅' }, { name: '李娜' }, { name: '陈刚' }],
      submissions: [
        submission('s.xlsx', {
          name: '打分',
          rows: [['测评人类别：干部'], ['姓名', '测评得分'], ['王毅', 101], ['李娜', '八十'], ['陈刚', '85.5']],
          merges: [],
        }),
      ],
    });
    const byCode = Object.fromEntries(r.findings.map((f) => [f.code, f.cell]));
    expect(byCode).toMatchObject({ SCORE_OUT_OF_RANGE: 'B3', SCORE_NOT_NUMBER: 'B4' });
    expect(r.subjects.find((x) => x.name === '陈刚')!.scoreText).toBe('85.50');
  });

  it('reads scores typed with 分, a space before it, or full-width digits', () => {
    const s = presetScoringPresentGroups('p4-middle-managers');
    const r = runCampaign({
      scheme: s,
      roster: [{ name: '王毅' }, { name: '李娜' }, { name: '陈刚' }],
      submissions: [submission('s.xlsx', { name: '打分', rows: [['测评人类别：干部'], ['姓名', '测评得分'], ['王毅', '85 分'], ['李娜', '９０分'], ['陈刚', ' 77.5分 ']], merges: [] })],
    });
    expect(r.read.findings).toEqual([]);
    expect(r.subjects.map((x) => x.scoreText)).toEqual(['85.00', '90.00', '77.50']);
  });
});

describe('header fields', () => {
  it('reads 测评人类别 written as a label cell followed by its value', () => {
    const r = run({
      name: 'S',
      rows: [['测评人类别', '服务对象代表'], ['姓名', '优秀', '称职', '基本称职', '不称职'], ['王毅', '√'], ['李娜', null, '√'], ['陈刚', null, '√']],
      merges: [],
    });
    expect(r.read.ballots.map((b) => b.groupId)).toEqual(['service']);
  });
});

describe('comment rows', () => {
  it('reads 附1 意见或建议 whose answer sits in a cell merged over the tier columns, with no false finding', () => {
    const p5 = getPreset('p5-party-members');
    const rows: CellValue[][] = [
      ['党支部开展创先争优活动群众评议表'],
      ['所在支部名称:机关 评议时间:2011年12月 日'],
      [null, '满 意', '比较满意', '基本满意', '不满意'],
      ...p5.forms[0].itemLabels.map((item) => [item, '√', null, null, null] as CellValue[]),
      ['对开展创先争优活动的意见或建议:', '希望多组织学习', null, null, null],
      ['注:请小组长根据多数党员意见在评价等次相应栏目中打“√”,'],
    ];
    const r = runCampaign({
      scheme: p5,
      roster: [{ name: '机关', kind: 'organisation' }],
      submissions: [submission('g.xlsx', { name: '附1', rows, merges: [{ r1: 8, c1: 1, r2: 8, c2: 4 }] })],
    });
    expect(r.read.findings).toEqual([]);
    expect(r.read.ballots[0].comments).toEqual(['希望多组织学习']);
    expect(r.subjects[0].satisfaction).toEqual({ votes: 5, valid: 5, share: '100.00%' });
  });
});
