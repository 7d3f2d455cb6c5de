/**
 * 计票汇总表: results counted at a meeting and reported up (seed 002 第四篇 五、1–3: the 村述村评 is held in
 * the village and its result "上报镇党委", which reviews "各村上报和村述镇评的评议结果"). A tier form's
 * table with a number of votes in each tier cell counts as that many ballots. Every expected figure
 * below is worked out by hand from the sheet in the test.
 */
import fc from 'fast-check';
import { runCampaign } from '../../src/core/engine';
import { CellValue, SheetGrid } from '../../src/core/forms/grid';
import { getPreset } from '../../src/core/presets';
import { submission, wholeRosterForms } from '../helpers/grids';

// The 村评 form read over the whole list: these sheets count several villages' people together to test the
// numbers; a village's own count sheet, limited to its people, is tested in per-unit.test.ts.
const village = wholeRosterForms('p3-village-two-rounds');
const pledge = wholeRosterForms('p1-double-pledge');
const LEVELS = ['优秀', '称职', '基本称职', '不称职'];
const roster = [{ name: '张三', unit: '东村' }, { name: '李四', unit: '西村' }, { name: '王五', unit: '南村' }];

function sheet(name: string, rows: CellValue[][]): SheetGrid {
  return { name, rows, merges: [] };
}
function run(sheets: SheetGrid[], scheme = village, people = roster) {
  return runCampaign({ scheme, roster: people, submissions: sheets.map((s, i) => submission(`f${i + 1}.xlsx`, s)), today: '2026-12-01' });
}
/** A 村评 count sheet: title, 轮次 and the ballots field, then 姓名 and the four levels (and any extra headers). */
function villageCounts(fields: string, rows: CellValue[][], extra: string[] = []): SheetGrid {
  return sheet('汇总', [['东村党组织书记“双述双评”测评结果汇总表'], ['轮次：村评', fields], ['姓名', ...LEVELS, ...extra], ...rows]);
}
/** A plain 镇评 ballot with one √ per named subject (level index). */
function townBallot(name: string, marks: [string, number][]): SheetGrid {
  return sheet(name, [['轮次：镇评'], ['姓名', ...LEVELS], ...marks.map(([who, l]) => [who, ...LEVELS.map((_, i) => (i === l ? '√' : null))])]);
}
const who = (name: string) => roster.findIndex((p) => p.name === name);
const cell = (r: ReturnType<typeof run>, name: string, round: string, form = 'secretary-appraisal', group = 'participants') =>
  r.tally.cell(who(name), form, round, group, 0);
const codes = (r: ReturnType<typeof run>) => r.read.findings.map((f) => f.code);

describe('a count sheet counts as its ballots', () => {
  it('adds its numbers as votes, the blanks as abstentions, and its ballots to participation', () => {
    const r = run([
      villageCounts('收回票数：44', [
        ['张三', 32, 10, 1, 0, 1],
        ['李四', 20, '18票', null, 2, 0],
      ], ['弃权']),
    ]);
    // 张三: 32 + 10 + 1 + 0 = 43 votes of 44 ballots → 1 abstained (the 弃权 column says the same).
    expect(cell(r, '张三', 'village')).toMatchObject({ levels: [32, 10, 1, 0], abstain: 1, invalid: 0 });
    // 李四: 20 + 18 + 0 + 2 = 40 → 4 of the 44 left him blank.
    expect(cell(r, '李四', 'village')).toMatchObject({ levels: [20, 18, 0, 2], abstain: 4 });
    // 王五 is not on this village's sheet: nothing counted for him, not even abstentions.
    expect(cell(r, '王五', 'village')).toMatchObject({ levels: [0, 0, 0, 0], abstain: 0 });
    expect(r.participation.find((p) => p.round === '村评')).toMatchObject({ valid: 44, returned: 44, invalid: 0 });
    expect(r.read.ballots).toEqual([]);
    expect(r.read.counts).toHaveLength(1);
    expect(r.read.findings.map((f) => [f.code, f.cell])).toEqual([['COUNT_SHEET', 'B3']]);
    expect(r.read.findings[0].message).toContain('按票数计入：村评、参会人员，有效票 44 张，2 名被评议对象');
  });

  it('combines with ballots of the other round: 优秀 needs 70% (含) in each round (seed 002 第四篇)', () => {
    // 村评: 张三 7 of 10 优秀 = 70% exactly, 李四 6 of 10 = 60%. 镇评: two ballots, both 优秀 for both.
    const counts = villageCounts('有效票：10', [
      ['张三', 7, 3, 0, 0],
      ['李四', 6, 4, 0, 0],
    ]);
    const town = [townBallot('镇1', [['张三', 0], ['李四', 0], ['王五', 1]]), townBallot('镇2', [['张三', 0], ['李四', 0], ['王五', 1]])];
    const r = run([counts, ...town]);
    const tier = (name: string) => r.subjects.find((s) => s.name === name)!.tier;
    expect(tier('张三')).toBe('优秀');
    // 李四: 优秀 60% < 70% in 村评 → not 优秀; 称职及以上 (the preset counts 优秀 in) 10/10 and 2/2 ≥ 60% → 称职.
    expect(tier('李四')).toBe('称职');
    expect(r.subjects.find((s) => s.name === '李四')!.reasons[0]).toContain('村评 10/10 = 100.00%');
    expect(r.subjects.find((s) => s.name === '张三')!.reasons.join('')).toContain('村评 7/10 = 70.00%');
    expect(r.participation.map((p) => [p.round, p.valid])).toEqual([
      ['村评', 10],
      ['镇评', 2],
    ]);
  });

  it('reads 有效票 with 收回票数 (the difference is 废票), and headers such as 优秀票', () => {
    const r = run([
      sheet('村评', [['计票结果'], ['轮次：村评', '收回票数：12', '有效票数：11'], ['姓名', '优秀票', '称职票', '基本称职票', '不称职票'], ['张三', 9, 2, 0, 0]]),
    ]);
    expect(cell(r, '张三', 'village')).toMatchObject({ levels: [9, 2, 0, 0], abstain: 0 });
    expect(r.participation.find((p) => p.round === '村评')).toMatchObject({ valid: 11, invalid: 1, returned: 12 });
  });

  it('takes a formula\'s cached value (COUNTIF sheets) and skips the 合计 row', () => {
    const f = (value: number): CellValue => ({ formula: 'COUNTIF(票!C:C,"√")', value });
    const r = run([villageCounts('有效票：5', [['张三', f(3), f(2), f(0), f(0)], ['李四', 1, 4, 0, 0], ['合计', 4, 6, 0, 0]])]);
    expect(cell(r, '张三', 'village').levels).toEqual([3, 2, 0, 0]);
    expect(cell(r, '李四', 'village').levels).toEqual([1, 4, 0, 0]);
    expect(codes(r)).toEqual(['COUNT_SHEET']);
  });

  it('without a number of ballots, takes the row with the most votes and says so', () => {
    const r = run([villageCounts('', [['张三', 8, 2, 0, 0], ['李四', 5, 3, 0, 0]])]);
    expect(codes(r)).toEqual(['COUNT_BALLOTS_INFERRED', 'COUNT_SHEET']);
    expect(r.read.findings[0].message).toContain('按票数最多的一行计为 10 票');
    // 李四's 8 votes of 10 ballots: 2 abstained.
    expect(cell(r, '李四', 'village')).toMatchObject({ levels: [5, 3, 0, 0], abstain: 2 });
  });

  it('the count sheet of a form whose rater groups differ is counted for the group it names (p1: 服务对象代表)', () => {
    const r = run(
      [sheet('汇总', [['述诺测评票数统计表'], ['测评人类别：服务对象代表', '参加测评人数：6'], ['姓名', ...LEVELS], ['张三', 4, 2, 0, 0]])],
      pledge,
    );
    const form = pledge.forms[0].id;
    expect(r.tally.cell(who('张三'), form, pledge.rounds[0].id, 'service', 0)).toMatchObject({ levels: [4, 2, 0, 0], abstain: 0 });
    expect(r.participation.find((p) => p.group === '服务对象代表')).toMatchObject({ valid: 6 });
  });
});

describe('count sheets as offices lay them out', () => {
  it('each level over two columns, 票数 and 比例: the 票数 under the level is read, the percentages left alone', () => {
    const grid: SheetGrid = {
      name: '统计',
      rows: [
        ['测评结果统计表'],
        ['轮次：村评', null, '有效票：40'],
        ['姓名', '优秀', null, '称职', null, '基本称职', null, '不称职', null],
        [null, '票数', '比例', '票数', '比例', '票数', '比例', '票数', '比例'],
        ['张三', 30, '75%', 8, '20%', 2, '5%', 0, '0%'],
      ],
      merges: [{ r1: 2, c1: 0, r2: 3, c2: 0 }, ...[1, 3, 5, 7].map((c) => ({ r1: 2, c1: c, r2: 2, c2: c + 1 }))],
    };
    const r = run([grid]);
    expect(codes(r)).toEqual(['COUNT_SHEET']);
    expect(cell(r, '张三', 'village')).toMatchObject({ levels: [30, 8, 2, 0], abstain: 0 });
  });

  it('得票数 merged over the levels, 序号 and 备注 beside them', () => {
    const grid: SheetGrid = {
      name: '镇评计票',
      rows: [
        ['镇评计票'],
        ['轮次：镇评', '有效票：12'],
        ['序号', '姓名', '得票数', null, null, null, '备注'],
        [null, null, ...LEVELS, null],
        [1, '张三', 10, 2, null, null, null],
        [2, '李四', 6, 6, 0, 0, '缺席 0 人'],
      ],
      merges: [{ r1: 2, c1: 0, r2: 3, c2: 0 }, { r1: 2, c1: 1, r2: 3, c2: 1 }, { r1: 2, c1: 2, r2: 2, c2: 5 }],
    };
    const r = run([grid]);
    expect(codes(r)).toEqual(['COUNT_SHEET']);
    expect(cell(r, '张三', 'town')).toMatchObject({ levels: [10, 2, 0, 0], abstain: 0 });
    expect(cell(r, '李四', 'town')).toMatchObject({ levels: [6, 6, 0, 0], abstain: 0 });
  });
});

describe('fields above the table', () => {
  it('a blank 有效票： field just above the header, over the 序号 column, is a field left blank, not a 合计 column', () => {
    // As `pingyi template --counts` writes it, 收回票数 filled in and 有效票 left blank: 12 ballots.
    const grid = sheet('计票', [
      ['测评表计票汇总表'],
      ['轮次：村评'],
      ['收回票数：12'],
      ['有效票：'],
      ['序号', '姓名', ...LEVELS],
      [1, '张三', 10, 2, null, null],
      [2, '李四', 6, 5, null, null],
    ]);
    const r = run([grid]);
    expect(codes(r)).toEqual(['COUNT_SHEET']);
    expect(cell(r, '张三', 'village')).toMatchObject({ levels: [10, 2, 0, 0], abstain: 0 });
    expect(cell(r, '李四', 'village')).toMatchObject({ levels: [6, 5, 0, 0], abstain: 1 });
  });
});

describe('a form with several items and 是否推荐 (p5 附表2)', () => {
  it('reads each item group\'s counts and the recommendation votes', () => {
    const p5 = getPreset('p5-party-members');
    const items = ['参加创先争优活动情况', '立足岗位履行职责情况', '承诺践诺情况', '联系和服务群众情况'];
    const L = ['满意', '比较满意', '基本满意', '不满意'];
    // Item names merged over their four level columns, 姓名 and 是否推荐 merged over both header rows.
    const top: CellValue[] = ['姓名', ...items.flatMap((it) => [it, null, null, null]), '是否推荐'];
    const merges = [{ r1: 2, c1: 0, r2: 3, c2: 0 }, { r1: 2, c1: 17, r2: 3, c2: 17 }, ...items.map((_, i) => ({ r1: 2, c1: 1 + i * 4, r2: 2, c2: 4 + i * 4 }))];
    const grid: SheetGrid = {
      name: '汇总',
      merges,
      rows: [
        ['优秀党员民主评议推荐表 票数汇总'],
        ['测评人类别：党员', '有效票：20'],
        top,
        [null, ...items.flatMap(() => L), null],
        ['王毅', 15, 5, 0, 0, 14, 6, 0, 0, 16, 4, 0, 0, 18, 2, 0, 0, 12],
        ['李娜', 10, 5, 3, 1, 10, 5, 3, 1, 10, 5, 3, 1, 10, 5, 3, 1, 3],
      ],
    };
    const r = run([grid], p5, [{ name: '王毅' }, { name: '李娜' }] as never);
    expect(codes(r)).toEqual(['COUNT_SHEET']);
    expect(r.read.findings[0].message).toContain('有效票 20 张，2 名被评议对象');
    const form = 'candidate-review';
    expect(r.tally.cell(1, form, 'main', 'members', 3)).toMatchObject({ levels: [10, 5, 3, 1], abstain: 1 });
    // 满意率: 王毅 (15+5)+(14+6)+(16+4)+(18+2) = 80 of 80; 李娜 (10+5) × 4 = 60 of 19 × 4 = 76 valid.
    const of = (name: string) => r.subjects.find((s) => s.name === name)!;
    expect(of('王毅').satisfaction).toEqual({ votes: 80, valid: 80, share: '100.00%' });
    expect(of('李娜').satisfaction).toEqual({ votes: 60, valid: 76, share: '78.95%' });
    expect(of('王毅').recommendations).toEqual({ votes: 12, ballots: 20 });
    expect(of('李娜').recommendations).toEqual({ votes: 3, ballots: 20 });
  });
});

describe('what cannot be counted is reported, the rest of the sheet counts', () => {
  it('a cell that is not a whole number, more votes than ballots, and a 合计 that does not add up', () => {
    const r = run([
      villageCounts('有效票：10', [
        ['张三', '七', 3, 0, 0, 10],
        ['李四', 6, 5, 0, 0, 11],
        ['王五', 6, 3, 0, 0, 10],
      ], ['合计']),
      townBallot('镇1', [['张三', 0]]),
    ]);
    expect(r.read.findings.map((f) => [f.code, f.cell])).toEqual([
      ['COUNT_NOT_NUMBER', 'B4'],
      ['COUNT_TOTAL_MISMATCH', 'F6'],
      ['COUNT_EXCEEDS_BALLOTS', 'A5'],
      ['COUNT_SHEET', 'B3'],
      ['SUBJECT_MISSING', 'A2'],
    ]);
    expect(r.read.findings[0].message).toBe('计票汇总表的等次栏应填票数（0 或正整数），此处为「七」，本行未计入');
    expect(r.read.findings[1].message).toBe('各等次票数之和为 9，与本行「合计」10 不符，本行未计入');
    expect(r.read.findings[2].message).toBe('本行共 11 票，多于本表的有效票数 10，本行未计入');
    // None of the three rows counted; the sheet still stands for its 10 ballots.
    for (const name of ['张三', '李四', '王五']) expect(cell(r, name, 'village').levels).toEqual([0, 0, 0, 0]);
    expect(r.participation.find((p) => p.round === '村评')).toMatchObject({ valid: 10 });
  });

  it('有效票 above 收回票数: the sheet is not counted', () => {
    const r = run([villageCounts('收回票数：9  有效票：10', [['张三', 7, 3, 0, 0]])]);
    expect(codes(r)).toEqual(['COUNT_FIELDS_INCONSISTENT']);
    expect(r.read.findings[0].message).toBe('「有效票」10 多于「收回票数」9，票数不符，本汇总表未计入，请核实后重填');
    expect(cell(r, '张三', 'village').levels).toEqual([0, 0, 0, 0]);
    expect(r.participation.find((p) => p.round === '村评')).toMatchObject({ valid: 0, invalid: 1 });
  });

  it('a name not in the roster, and a subject listed twice', () => {
    const r = run([villageCounts('有效票：10', [['赵六', 7, 3, 0, 0], ['张三', 7, 3, 0, 0], ['张三', 1, 9, 0, 0]])]);
    expect(r.read.findings.map((f) => [f.code, f.cell])).toEqual([
      ['SUBJECT_NOT_IN_ROSTER', 'A4'],
      ['SUBJECT_REPEATED', 'A6'],
      ['COUNT_SHEET', 'B3'],
    ]);
    expect(cell(r, '张三', 'village').levels).toEqual([7, 3, 0, 0]);
  });

  it('without a round it is not counted (as a ballot would not be)', () => {
    const r = run([sheet('Sheet1', [['测评结果汇总表'], ['有效票：10'], ['姓名', ...LEVELS], ['张三', 7, 3, 0, 0]])]);
    expect(codes(r)).toEqual(['ROUND_UNKNOWN']);
    expect(r.read.findings[0].message).toContain('本汇总表未计入');
    expect(r.read.counts).toEqual([]);
  });

  it('two people of one name (重名) told apart by the sheet\'s 单位 column, as on a ballot', () => {
    const people = [{ name: '王伟', unit: '东村' }, { name: '王伟', unit: '西村' }, { name: '张三', unit: '南村' }];
    const grid = sheet('汇总', [['村评计票汇总表'], ['轮次：村评', '有效票：10'], ['姓名', '单位', ...LEVELS], ['王伟', '西村', 6, 4, 0, 0], ['王伟', '北村', 5, 5, 0, 0]]);
    const r = run([grid], village, people);
    expect(r.read.findings.map((f) => [f.code, f.cell])).toEqual([
      ['SUBJECT_AMBIGUOUS', 'A5'],
      ['COUNT_SHEET', 'C3'],
    ]);
    expect(r.tally.cell(1, 'secretary-appraisal', 'village', 'participants', 0).levels).toEqual([6, 4, 0, 0]);
    expect(r.tally.cell(0, 'secretary-appraisal', 'village', 'participants', 0).levels).toEqual([0, 0, 0, 0]);
  });

  it('the same count sheet sent twice is said; two sheets counting one person are added and said', () => {
    const a = villageCounts('有效票：10', [['张三', 7, 3, 0, 0]]);
    const again = villageCounts('有效票：10', [['张三', 7, 3, 0, 0]]);
    const other = villageCounts('有效票：5', [['张三', 5, 0, 0, 0]]);
    const r = run([a, again, other]);
    expect(codes(r).filter((c) => c !== 'COUNT_SHEET')).toEqual(['DUPLICATE_BALLOT', 'COUNT_SUBJECT_TWICE', 'COUNT_SUBJECT_TWICE']);
    // The preset counts repeats (counting.duplicates: 'count'): 7 + 7 + 5 优秀.
    expect(cell(r, '张三', 'village').levels).toEqual([19, 6, 0, 0]);
    const excluded = run([a, again], { ...village, counting: { ...village.counting, duplicates: 'exclude' } });
    expect(cell(excluded, '张三', 'village').levels).toEqual([7, 3, 0, 0]);
    expect(excluded.participation.find((p) => p.round === '村评')).toMatchObject({ valid: 10 });
  });

  it('ballots and a count sheet of the same round for one person are added up and said (the count may be of those ballots)', () => {
    const ballot = sheet('票', [['轮次：村评'], ['姓名', ...LEVELS], ['张三', '√', null, null, null], ['李四', null, '√', null, null], ['王五', null, '√', null, null]]);
    const r = run([villageCounts('有效票：10', [['张三', 7, 3, 0, 0]]), ballot]);
    expect(r.read.findings.filter((f) => f.code === 'COUNT_AND_BALLOTS').map((f) => [f.file, f.message])).toEqual([
      ['f1.xlsx', '张三 在本汇总表中的票数已与收回的测评票相加；如本汇总表就是这些测评票的计票结果，请删去其一'],
    ]);
    expect(cell(r, '张三', 'village')).toMatchObject({ levels: [8, 3, 0, 0], abstain: 0 });
    expect(r.participation.find((p) => p.round === '村评')).toMatchObject({ valid: 11 });
  });

  it('a table without a name column is reported, not read as marks', () => {
    const r = run([sheet('汇总', [['测评结果汇总表'], ['轮次：村评', '有效票：10'], ['', ...LEVELS], ['张三', 7, 3, 0, 0]])]);
    expect(codes(r)).toEqual(['COUNT_SHEET_UNSUPPORTED']);
    expect(r.read.findings[0].cell).toBe('A3');
  });
});

describe('blocks of item rows per person (p5 附表3 窗口服务岗位群众满意度测评表)', () => {
  it('reads each person\'s item rows, the name merged over them or written once; blanks are 不涉及, not 弃权', () => {
    const p5 = getPreset('p5-party-members');
    const form = p5.forms.find((f) => f.id === 'window-satisfaction')!;
    const [attitude, quality, efficiency, integrity] = form.itemLabels;
    const rows: CellValue[][] = [
      [`${form.title}（汇总）`],
      ['测评人类别：服务对象', '有效票：26'],
      ['序号', '姓名', '测评项目', '满意', '比较满意', '基本满意', '不满意'],
      [1, '王毅', attitude, 20, 5, 1, 0],
      [null, null, quality, 18, 6, 0, 0],
      [null, null, efficiency, null, null, null, null],
      [null, null, integrity, 22, 4, 0, 0],
      [2, '李娜', attitude, 10, 10, 5, 1],
      [null, null, quality, 10, 10, 5, 1],
      [null, null, efficiency, 9, 10, 5, 1],
      [null, null, integrity, '十', 10, 5, 1],
    ];
    // 王毅's name merged over his four rows; 李娜's written on her first row only.
    const grid: SheetGrid = { name: '汇总', rows, merges: [{ r1: 3, c1: 1, r2: 6, c2: 1 }, { r1: 3, c1: 0, r2: 6, c2: 0 }] };
    const people = [{ name: '王毅', window: true }, { name: '李娜', window: true }] as never;
    const r = run([grid], p5, people);
    expect(r.read.findings.map((f) => [f.code, f.cell])).toEqual([
      ['COUNT_NOT_NUMBER', 'D11'],
      ['COUNT_SHEET', 'D3'],
    ]);
    const at = (who: number, item: number) => r.tally.cell(who, 'window-satisfaction', 'main', 'service-users', item);
    // 服务质量: 18 + 6 = 24 of 26 → 2 left it blank: not applicable on this form (seed 004 附表3), not abstained.
    expect(at(0, 1)).toMatchObject({ levels: [18, 6, 0, 0], na: 2, abstain: 0 });
    // 办事效率 left blank for 王毅: no votes, nothing counted.
    expect(at(0, 2)).toMatchObject({ levels: [0, 0, 0, 0], na: 0 });
    expect(at(1, 2)).toMatchObject({ levels: [9, 10, 5, 1], na: 1 });
    // 李娜's 廉洁公正 row has 十 for a number: left out.
    expect(at(1, 3).levels).toEqual([0, 0, 0, 0]);
  });
});

describe('a row per item for one subject (p5 附表1, a 党小组\'s count)', () => {
  const p5 = getPreset('p5-party-members');
  const branch = [{ name: '第一党支部', kind: 'organisation' }] as never;
  const counts: [string, number, number, number, number][] = [
    ['组织开展创先争优活动情况', 20, 4, 2, 0],
    ['推动中心工作和重点任务完成情况', 18, 6, 1, 1],
    ['承诺践诺情况', 15, 8, 2, 0],
    ['为群众办实事、做好事、解难事情况', 22, 3, 1, 0],
    ['加强党组织和党员队伍建设情况', 19, 5, 2, 0],
  ];
  const grid = (rows: CellValue[][]) => sheet('汇总', [['党支部开展创先争优活动群众评议表（第一党小组汇总）'], ['所在支部名称：第一党支部', '有效票：26'], ['评议项目', '满意', '比较满意', '基本满意', '不满意'], ...rows]);

  it('reads each item row as that item\'s votes', () => {
    const r = run([grid(counts)], p5, branch);
    expect(codes(r)).toEqual(['COUNT_SHEET']);
    // 承诺践诺情况 (item 2): 15 + 8 + 2 + 0 = 25 of 26 → 1 abstained.
    expect(r.tally.cell(0, 'branch-review', 'main', 'members', 2)).toMatchObject({ levels: [15, 8, 2, 0], abstain: 1 });
    // 满意率: 满意 + 比较满意 = 24 + 24 + 23 + 25 + 24 = 120 of 26 + 26 + 25 + 26 + 26 = 129 valid → 93.02%.
    expect(r.subjects[0].satisfaction).toEqual({ votes: 120, valid: 129, share: '93.02%' });
  });

  it('an item twice, and a row whose item is not the form\'s, are reported and left out', () => {
    const r = run([grid([...counts.slice(0, 2), ['承诺践诺情况', 1, 1, 1, 1], ['其他工作', 5, 0, 0, 0], ['组织开展创先争优活动情况', 26, 0, 0, 0]])], p5, branch);
    expect(r.read.findings.map((f) => [f.code, f.cell])).toEqual([
      ['MARK_WITHOUT_SUBJECT', 'A7'],
      ['SUBJECT_REPEATED', 'A8'],
      ['COUNT_SHEET', 'B3'],
    ]);
    expect(r.read.findings[1].message).toBe('评价项目「组织开展创先争优活动情况」在本汇总表中重复出现（另见 A4），此行未计入');
    expect(r.tally.cell(0, 'branch-review', 'main', 'members', 0).levels).toEqual([20, 4, 2, 0]);
    expect(r.tally.cell(0, 'branch-review', 'main', 'members', 2).levels).toEqual([1, 1, 1, 1]);
  });
});

describe('ballots stay ballots', () => {
  it('a ballot with a number typed in a tier cell beside √ marks is a ballot', () => {
    const r = run([townBallot('镇1', [['张三', 0], ['李四', 1]]), sheet('镇2', [['轮次：镇评'], ['姓名', ...LEVELS], ['张三', '√', null, null, null], ['李四', 2, null, null, null]])]);
    expect(r.read.counts).toEqual([]);
    expect(codes(r)).toContain('MARK_UNRECOGNISED');
  });

  it('a ballot ticked with 1 (not a mark the scheme allows), no count word: read as a ballot, 1 reported', () => {
    const r = run([sheet('镇1', [['轮次：镇评'], ['姓名', ...LEVELS], ['张三', 1, null, null, null], ['李四', null, 1, null, null], ['王五', 1, null, null, null]])]);
    expect(r.read.counts).toEqual([]);
    expect(codes(r).filter((c) => c === 'MARK_UNRECOGNISED')).toHaveLength(3);
  });

  it('instructions that mention 计票 do not make a ballot of 1s a count sheet', () => {
    const r = run([
      sheet('镇1', [['轮次：镇评'], ['填表说明：请在相应等次栏内打“√”，由计票人统计'], ['姓名', ...LEVELS], ['张三', 1, null, null, null], ['李四', null, 1, null, null]]),
    ]);
    expect(r.read.counts).toEqual([]);
    expect(codes(r).filter((c) => c === 'MARK_UNRECOGNISED')).toHaveLength(2);
  });

  it('a 计票汇总表 left unfilled is neither a count nor a blank ballot; a blank ballot stays a blank ballot', () => {
    const r = run([
      sheet('空表', [['村党组织书记“双述双评”测评表计票汇总表'], ['轮次：村评', '有效票：'], ['姓名', ...LEVELS], ['张三'], ['李四']]),
      sheet('空票', [['村党组织书记“双述双评”测评表'], ['轮次：村评'], ['姓名', ...LEVELS], ['张三'], ['李四'], ['王五']]),
    ]);
    expect(r.read.findings.filter((f) => f.sheet === '空表').map((f) => f.code)).toEqual(['COUNT_SHEET_EMPTY']);
    expect(r.read.ballots.map((b) => b.sheet)).toEqual(['空票']);
    expect(r.participation.find((p) => p.round === '村评')).toMatchObject({ valid: 1, invalid: 0 });
  });

  it('a blank template with a COUNTIF 合计 row is a ballot (blank), not a count sheet', () => {
    const f = (value: number): CellValue => ({ formula: 'COUNTIF(B3:B5,"√")', value });
    const r = run([sheet('镇1', [['轮次：镇评'], ['姓名', ...LEVELS], ['张三', '√', null, null, null], ['李四', '√', null, null, null], ['王五', null, '√', null, null], ['合计', f(2), f(1), f(0), f(0)]])]);
    expect(r.read.counts).toEqual([]);
    expect(r.read.ballots).toHaveLength(1);
    expect(cell(r, '张三', 'town').levels).toEqual([1, 0, 0, 0]);
  });
});

describe('property: a count sheet gives what the ballots it counts give', () => {
  it('same votes, abstentions, tiers and reasons as the ballots laid out one by one (200 runs)', () => {
    const counts = fc.array(fc.nat({ max: 12 }), { minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(fc.tuple(counts, counts, counts), fc.nat({ max: 3 }), (perSubject, extra) => {
        const sums = perSubject.map((levels) => levels.reduce((a, b) => a + b, 0));
        const ballots = Math.max(...sums);
        fc.pre(ballots > 0);
        // The ballots: subject s's votes for each level go to ballots 0, 1, 2 … in turn, the rest left blank.
        const marks: (number | null)[][] = Array.from({ length: ballots }, () => roster.map(() => null));
        perSubject.forEach((levels, s) => {
          let k = 0;
          levels.forEach((n, level) => {
            for (let i = 0; i < n; i++) marks[k++][s] = level;
          });
        });
        const sheets = marks.map((row, k) =>
          sheet(`票${k + 1}`, [['轮次：村评'], ['姓名', ...LEVELS], ...roster.map((p, s) => [p.name, ...LEVELS.map((_, l) => (row[s] === l ? '√' : null))])]),
        );
        const byBallots = run(sheets);
        // Extra blank padding rows under the count sheet change nothing.
        const padding: CellValue[][] = Array.from({ length: extra }, () => []);
        const byCounts = run([villageCounts(`有效票：${ballots}`, [...roster.map((p, s) => [p.name, ...perSubject[s]]), ...padding])]);
        for (const p of roster) expect(cell(byCounts, p.name, 'village')).toEqual(cell(byBallots, p.name, 'village'));
        const outcome = (r: ReturnType<typeof run>) => r.subjects.map((s) => ({ tier: s.tier, reasons: s.reasons, figures: s.figures, overall: s.overall }));
        expect(outcome(byCounts)).toEqual(outcome(byBallots));
        expect(byCounts.participation).toEqual(byBallots.participation);
      }),
      { numRuns: 200 },
    );
  });
});

describe('property: count sheets of any content', () => {
  it('never throw, and every counted row accounts for exactly the sheet\'s ballots (300 runs)', () => {
    const value = fc.oneof(
      fc.constant(null),
      fc.nat({ max: 60 }),
      fc.integer({ min: -5, max: 5 }),
      fc.constantFrom('12', '3票', '７', '—', '/', '√', '七', '1.5', '80%', '', ' '),
      fc.record({ formula: fc.constant('SUM(A1)'), value: fc.oneof(fc.nat({ max: 30 }), fc.constant(undefined)) }),
      fc.record({ error: fc.constant('#N/A') }),
    );
    const name = fc.constantFrom('张三', '李四', '王五', '赵六', '合计', '', '姓名');
    const row = fc.tuple(name, fc.array(value, { minLength: 0, maxLength: 7 })).map(([n, cells]) => [n, ...cells] as CellValue[]);
    const field = fc.constantFrom('', '有效票：10', '收回票数：12', '有效票：0', '废票：3', '收回票数：5  有效票：8', '参加测评人数：40');
    fc.assert(
      fc.property(field, fc.array(row, { maxLength: 8 }), fc.boolean(), (f, rows, withExtra) => {
        const r = run([villageCounts(f, rows, withExtra ? ['弃权', '合计'] : [])]);
        for (const c of r.read.counts)
          for (const x of c.rows) {
            for (const n of [...x.levels, x.abstain, x.invalid]) expect(n).toBeGreaterThanOrEqual(0);
            expect(x.levels.reduce((a, b) => a + b, 0) + x.abstain + x.invalid).toBe(c.ballots);
          }
        for (const f of r.findings) expect(f.message).not.toMatch(/undefined|NaN|null/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a count sheet in the same file as the ballots it counts', () => {
  // Two 村评 ballots and their 汇总 sheet (COUNTIF formulas in practice) in one workbook.
  const villageBallot = (name: string, marks: [string, number][]) =>
    sheet(name, [['轮次：村评'], ['姓名', ...LEVELS], ...marks.map(([p, l]) => [p, ...LEVELS.map((_, i) => (i === l ? '√' : null))])]);
  const ballots = [villageBallot('票1', [['张三', 0], ['李四', 1]]), villageBallot('票2', [['张三', 0], ['李四', 2]])];
  const sameFile = (summary: SheetGrid) =>
    runCampaign({ scheme: village, roster, submissions: [{ file: '东村.xlsx', sheets: [...ballots, summary] }], today: '2026-12-01' });

  it('is their tally: checked, not added (participation 2, not 4)', () => {
    // 张三: 优秀 2; 李四: 称职 1, 基本称职 1 — as the two ballots have it.
    const r = sameFile(villageCounts('有效票：2', [['张三', 2, 0, 0, 0], ['李四', 0, 1, 1, 0]]));
    expect(codes(r)).toContain('COUNT_OF_BALLOTS_BESIDE');
    expect(r.read.findings.find((f) => f.code === 'COUNT_OF_BALLOTS_BESIDE')!.message).toBe('本汇总表与同一文件中的 2 张测评票计票一致，是这些票的汇总，未重复计入');
    expect(codes(r)).not.toContain('COUNT_AND_BALLOTS');
    expect(cell(r, '张三', 'village')).toMatchObject({ levels: [2, 0, 0, 0] });
    expect(r.participation.find((p) => p.round === '村评')).toMatchObject({ returned: 2, valid: 2, invalid: 0 });
  });

  it('that disagrees with them: the ballots count, the difference is named', () => {
    const r = sameFile(villageCounts('有效票：2', [['张三', 2, 0, 0, 0], ['李四', 0, 2, 0, 0]]));
    const differ = r.read.findings.find((f) => f.code === 'COUNT_BALLOTS_DIFFER')!;
    expect(differ.severity).toBe('error');
    expect(differ.message).toBe('本汇总表与同一文件中的 2 张测评票计票不一致（如「李四」「称职」：本表 2 票，测评票 1 票），按测评票计，汇总表未计入，请核对');
    expect(cell(r, '李四', 'village')).toMatchObject({ levels: [0, 1, 1, 0] });
  });

  it('a count sheet in another file is still added (a village\'s reported count)', () => {
    const r = runCampaign({
      scheme: village,
      roster,
      submissions: [{ file: '东村票.xlsx', sheets: ballots }, { file: '西村汇总.xlsx', sheets: [villageCounts('有效票：2', [['张三', 2, 0, 0, 0]])] }],
      today: '2026-12-01',
    });
    expect(cell(r, '张三', 'village')).toMatchObject({ levels: [4, 0, 0, 0] });
    expect(codes(r)).toContain('COUNT_AND_BALLOTS');
  });
});
