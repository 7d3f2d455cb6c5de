/**
 * The result sheets on a small P4 篇六 campaign whose figures are worked out by hand:
 * 干部 and 员工 score sheets (干部打分×50% + 员工打分×50%, seed 003 篇六), one ballot whose rater
 * group is unknown, one subject with no valid score.
 */
import { runCampaign } from '../../engine';
import { CellValue, SheetGrid, Submission } from '../../forms/grid';
import { PRESETS, getPreset } from '../../presets';
import { RosterEntry } from '../../roster/roster';
import { describeResultWorkbook, resultSheetNames } from '../describe-workbooks';
import { describeFindings } from '../describe-findings';
import { describeHistoryTemplate } from '../describe-history';
import { describePublication } from '../describe-publication';
import { describeRanking } from '../describe-ranking';
import { describeRectification } from '../describe-rectification';
import { describeStatistics } from '../describe-statistics';
import { CellDescription, STYLES, SheetDescription, checkSheetDescription } from '../sheet-description';

const NAMES = ['王芳', '李强', '张伟', '丁宁', '丁小强', '赵六'] as const;

function scoreSheet(group: string, scores: (number | null)[], names: readonly string[] = NAMES): SheetGrid {
  const rows: CellValue[][] = [['干部岗位测评表'], [`测评人类别：${group}`], ['姓名', '测评得分']];
  names.forEach((n, i) => rows.push([n, scores[i] ?? null]));
  return { name: 'Sheet1', rows, merges: [] };
}

const roster: RosterEntry[] = [
  { name: '王芳', unit: '办公室', category: '正职' },
  // 张伟 before 李强 in the roster: the tie at rank 2 must still come out 李 before 张 (stroke order).
  { name: '张伟', unit: '营业部', category: '副职' },
  { name: '李强', unit: '财务部', category: '副职' },
  { name: '丁宁', unit: '营业部', category: '副职' },
  // 丁小强's 60 is 不称职 anyway: the veto changes no tier, so it does not move him (his score puts him last).
  { name: '丁小强', unit: '办公室', category: '副职', flags: { 事故: '分管网点发生责任事故' } },
  { name: '赵六', unit: '财务部', category: '副职' },
];

function campaign() {
  // A 30-day 整改 for 不称职, so the 整改清单 has a row (the preset's own is the 党委's decision, seed 003 篇六 三、(六)).
  const scheme = { ...getPreset('p4-middle-managers'), consequences: [{ tiers: ['不称职'], action: '约谈提醒、限期整改', rectifyWithinDays: 30, cite: '测试：整改期限 30 天' }] };
  scheme.raterGroups[0].expected = 4; // 干部
  scheme.raterGroups[1].expected = 3; // 员工
  const submissions: Submission[] = [
    // 干部 means: 90, 80, 80, 70, 60, none. 员工: the same. So scores 90, 80, 80, 70, 60 and none.
    { file: 'cadre-1.xlsx', sheets: [scoreSheet('干部', [88, 79, 80, 70, 61, null])] },
    { file: 'cadre-2.xlsx', sheets: [scoreSheet('干部', [92, 81, 80, 70, 59, null])] },
    { file: 'staff-1.xlsx', sheets: [scoreSheet('员工', [90, 80, 80, 70, 60, null])] },
    { file: 'unknown-1.xlsx', sheets: [scoreSheet('路人', [50, 50, 50, 50, 50, 50])] },
  ];
  return runCampaign({ scheme, roster, submissions, today: '2026-12-01' });
}

const result = campaign();
const shown = (c: CellDescription) => (c.value === null ? null : c.text ?? c.value);
const table = (s: SheetDescription) => s.cells.map((row) => row.map(shown));
/** Rows below the header row whose first cell is `first`. */
function headerIndex(s: SheetDescription, label: string): number {
  return s.cells.findIndex((row) => row.some((c) => c.value === label && c.style === 'header'));
}
function column(s: SheetDescription, label: string): number {
  return s.cells[headerIndex(s, label)].findIndex((c) => c.value === label);
}

describe('the campaign behind the sheets (worked out by hand)', () => {
  it('has the scores, tiers and ranks the sheets are checked against', () => {
    expect(result.subjects.map((s) => [s.name, s.scoreText, s.tier, s.rank])).toEqual([
      ['王芳', '90.00', '优秀', 1],
      ['张伟', '80.00', '称职', 2],
      ['李强', '80.00', '称职', 2],
      ['丁宁', '70.00', '基本称职', 4],
      ['丁小强', '60.00', '不称职', 5], // 一票否决: 责任事故
      ['赵六', null, null, null],
    ]);
  });
});

describe('排名表', () => {
  const s = describeRanking(result);

  it('orders by competition rank, ties and the unranked 按姓氏笔画, with title, frozen header, A4 landscape', () => {
    const h = headerIndex(s, '名次');
    expect(table(s)[h]).toEqual(['名次', '姓名', '单位', '职务类别', '得分', '等次', '标记', '理由']);
    const body = table(s).slice(h + 1);
    // 李强 and 张伟 share rank 2: 李 (first stroke 横) before 张 (first stroke 折).
    expect(body.map((r) => [r[0], r[1], r[4], r[5]])).toEqual([
      ['1', '王芳', '90.00', '优秀'],
      ['2', '李强', '80.00', '称职'],
      ['2', '张伟', '80.00', '称职'],
      ['4', '丁宁', '70.00', '基本称职'],
      ['5', '丁小强', '60.00', '不称职'],
      ['—', '赵六', '—', '待定'],
    ]);
    expect(s.cells[0][0].style).toBe('title');
    // The year of the results (today 2026-12-01), as on the 公示表: not taken for last year's at a meeting.
    expect(s.cells[0][0].value).toBe('2026年度中层干部述职考核排名表');
    expect(s.freeze).toEqual({ rows: h + 1, cols: 2 });
    expect(s.print).toMatchObject({ paper: 'A4', orientation: 'landscape', fitToWidth: true, repeatRows: { from: h, to: h } });
  });

  it('keeps scores numeric with the scheme’s places and flags and reasons readable', () => {
    const h = headerIndex(s, '名次');
    const score = s.cells[h + 1][column(s, '得分')];
    expect(score).toEqual({ value: 90, style: 'number', numberFormat: '0.00', text: '90.00' });
    const ding = s.cells[h + 5];
    expect(ding[column(s, '标记')].value).toContain('一票否决');
    expect(ding[column(s, '理由')].value).toContain('责任事故');
    expect(ding[column(s, '标记')].value).toContain('动态调整');
  });
});

describe('公示表', () => {
  const s = describePublication(result);
  const h = headerIndex(s, '姓名');

  it('lists decided tiers only, 按姓氏笔画: 丁宁 before 丁小强 before 王 before 李 before 张', () => {
    expect(table(s)[h]).toEqual(['序号', '姓名', '单位', '等次']);
    const body = table(s).slice(h + 1, h + 6);
    expect(body).toEqual([
      ['1', '丁宁', '营业部', '基本称职'],
      ['2', '丁小强', '办公室', '不称职'],
      ['3', '王芳', '办公室', '优秀'],
      ['4', '李强', '财务部', '称职'],
      ['5', '张伟', '营业部', '称职'],
    ]);
  });

  it('publishes no score and no figure, says how many are pending, and prints portrait with repeated titles', () => {
    const all = table(s).flat().filter((v) => v !== null).map(String);
    expect(all.some((v) => /\d+\.\d\d/.test(v))).toBe(false);
    expect(all).not.toContain('赵六');
    expect(all.some((v) => v.includes('另有 1 人等次待定'))).toBe(true);
    expect(all[0]).toBe('关于2026年度中层干部述职考核结果的公示'); // the year of today: 2026-12-01
    expect(all).toContain('（按姓氏笔画为序）');
    // The column headers repeat on every page; the title and lead sentence head the notice once.
    expect(s.print).toMatchObject({ orientation: 'portrait', repeatRows: { from: h, to: h } });
  });

  it('is a notice: lead sentence, 公示期, whom to tell with a telephone, 落款 and date right-aligned, blanks where the scheme says nothing', () => {
    const texts = (d: SheetDescription) => d.cells.map((row) => row[0]).filter((c) => typeof c.value === 'string');
    const lines = texts(s).map((c) => c.value);
    expect(lines[1]).toBe('经研究，现将2026年度中层干部述职考核结果予以公示。');
    expect(lines.slice(-4)).toEqual([
      '公示期：    年  月  日至    年  月  日。',
      '公示期间如有异议，请向            反映。联系电话：            。',
      '（发布单位）',
      '    年  月  日',
    ]);
    expect(texts(s).slice(-2).map((c) => STYLES[c.style!].horizontal)).toEqual(['right', 'right']);

    const filled = describePublication({
      ...result,
      scheme: { ...result.scheme, publication: { issuer: '中共某某公司委员会组织部', telephone: '0574-87654321', period: '2026年12月2日至12月8日', date: '2026-12-02' } },
    });
    expect(texts(filled).map((c) => c.value).slice(-4)).toEqual([
      '公示期：2026年12月2日至12月8日。',
      '公示期间如有异议，请向中共某某公司委员会组织部反映。联系电话：0574-87654321。',
      '中共某某公司委员会组织部',
      '2026年12月2日',
    ]);
    // Still nothing but 序号, 姓名, 单位 and 等次 in the table: no score, no vote figure.
    expect(table(filled).flat().some((v) => typeof v === 'string' && /\d+\.\d\d|票/.test(v))).toBe(false);
  });

  it('takes the year from the campaign\'s year (考核年度), not the results date, and keeps a year the process already names', () => {
    // A 2025年度 campaign published on 2026-01-08 (seed 001: 第二次测评要于次年1月5日前完成).
    const dated = { ...result, date: '2026-01-08', year: 2025, scheme: { ...result.scheme, resultsDate: '2026-01-08' } };
    expect(describePublication(dated).cells[0][0].value).toBe('关于2025年度中层干部述职考核结果的公示');
    const named = { ...result, scheme: { ...result.scheme, process: '2024年度中层干部述职考核' } };
    expect(describePublication(named).cells[0][0].value).toBe('关于2024年度中层干部述职考核结果的公示');
  });

  it('lists only the tiers the scheme publishes, titled with what is published', () => {
    const only = describePublication({ ...result, scheme: { ...result.scheme, publication: { tiers: ['优秀', '称职'], subject: '优秀和称职人员' } } });
    const names = table(only).map((r) => r[1]).filter((v) => typeof v === 'string' && NAMES.includes(v as (typeof NAMES)[number]));
    expect(names).toEqual(['王芳', '李强', '张伟']);
    expect(only.cells[0][0].value).toBe('关于2026年度优秀和称职人员的公示');
    expect(only.cells[1][0].value).toBe('经研究，现将2026年度中层干部述职考核中评为优秀、称职的名单予以公示。');
  });

  it('can publish one tier only', () => {
    const only = describePublication(result, { tiers: ['不称职'] });
    const names = table(only).slice(h + 1).map((r) => r[1]).filter((v) => v === '丁小强' || v === '张伟');
    expect(names).toEqual(['丁小强']);
    expect(table(only).flat()).not.toContain('王芳');
  });
});

describe('整改清单', () => {
  const s = describeRectification(result);
  const h = headerIndex(s, '序号');

  it('has one row per rectification item with deadline and status, and the status dropdown over exactly those cells', () => {
    expect(table(s)[h]).toEqual(['序号', '被评议对象', '单位', '存在问题', '整改要求', '责任人', '整改措施', '整改时限', '整改状态', '完成时间', '依据']);
    const body = table(s).slice(h + 1);
    expect(body.map((r) => [r[1], r[5], r[7], r[8]])).toEqual([
      ['丁小强', '丁小强', '2026年12月31日', '整改中'],
    ]);
    expect(body[0][3]).toContain('一票否决');
    const statusCol = column(s, '整改状态');
    expect(s.validations).toEqual([
      expect.objectContaining({ kind: 'list', values: ['整改中', '已销号'], range: { r1: h + 1, c1: statusCol, r2: h + 1, c2: statusCol } }),
    ]);
    expect(s.print).toMatchObject({ orientation: 'landscape', repeatRows: { from: h, to: h } });
    expect(s.cells[h + 1][column(s, '存在问题')].style).toBe('wrap');
  });
});

describe('统计表', () => {
  const s = describeStatistics(result);
  const t = table(s);
  const rowOf = (first: string, after = 0) => t.findIndex((r, i) => i >= after && r[0] === first);

  it('counts subjects per tier, with shares of the 6 graded (待定 included)', () => {
    const start = rowOf('等次');
    expect(t.slice(start, start + 7).map((r) => r.slice(0, 3))).toEqual([
      ['等次', '人数', '占比'],
      ['优秀', '1', '16.67%'],
      ['称职', '2', '33.33%'],
      ['基本称职', '1', '16.67%'],
      ['不称职', '1', '16.67%'],
      ['待定', '1', '16.67%'],
      ['合计', '6', '100.00%'],
    ]);
    const share = s.cells[start + 2][2];
    expect(share.numberFormat).toBe('0.00%');
    expect(share.value).toBeCloseTo(1 / 3, 12);
  });

  it('reports participation per rater group: 应参评, 实收, 有效, 废票, 回收率', () => {
    const start = rowOf('测评人类别');
    expect(t[start]).toEqual(['测评人类别', '轮次', '表', '应参评人数', '实收', '有效', '废票', '回收率']);
    expect(t.slice(start + 1, start + 4)).toEqual([
      ['干部', '集中述职', '干部岗位测评表', '4', '2', '2', '0', '50.00%'],
      ['员工', '集中述职', '干部岗位测评表', '3', '1', '1', '0', '33.33%'],
      ['（类别不明）', '', '', '—', '1', '0', '1', '—'],
    ]);
  });
});

describe('校验结果', () => {
  const s = describeFindings(result);

  it('lists every finding with file, sheet, cell, 级别 and code', () => {
    const h = headerIndex(s, '文件');
    expect(table(s)[h]).toEqual(['序号', '文件', '工作表', '单元格', '级别', '代码', '说明']);
    const body = table(s).slice(h + 1);
    expect(body).toHaveLength(result.findings.length);
    const unknown = body.find((r) => r[5] === 'GROUP_UNKNOWN')!;
    expect(unknown.slice(1, 5)).toEqual(['unknown-1.xlsx', 'Sheet1', 'A2', '错误']);
    expect(body.find((r) => r[5] === 'ABSTENTION')![4]).toBe('警告');
  });

  it('says at its top, under the title and the counts, that it is the clerk\'s working material naming the returned files, not to go out with 公示表 and 排名表', () => {
    const rows = table(s);
    expect(rows[0][0]).toBe('校验结果');
    expect(String(rows[1][0])).toMatch(/^共 \d+ 条：错误/);
    expect(rows[2][0]).toBe(
      '本表是经办人核对来件用的工作底稿：逐条写明收回的文件名、工作表和单元格（文件名常含测评人姓名，说明中可能引用所填内容），不要随公示表、排名表转发或公布；转发本工作簿前请删除本表。',
    );
    // Over the whole width, wrapped on rows tall enough to show it.
    expect(s.merges).toContainEqual({ r1: 2, c1: 0, r2: 2, c2: 6 });
    expect(s.rowHeights.find((h) => h.row === 2)?.points).toBeGreaterThan(20);
  });
});

describe('the result workbook', () => {
  const sheets = describeResultWorkbook(result);

  it('has 排名表, 公示表, 整改清单, 统计表, 得分情况 (score sheets, no 打√ form: no 得票情况), 校验结果 in that order, each sound', () => {
    expect(sheets.map((s) => s.name)).toEqual(['排名表', '公示表', '整改清单', '统计表', '得分情况', '校验结果']);
    expect(sheets.map((s) => s.kind)).toEqual(['ranking', 'publication', 'rectification', 'statistics', 'statistics', 'findings']);
    for (const s of sheets) expect(checkSheetDescription(s)).toEqual([]);
  });

  it.each(PRESETS.map((p) => [p.id]))('%s: the sheets the pane announces (resultSheetNames) are the sheets written', (id) => {
    const scheme = getPreset(id);
    const written = describeResultWorkbook(runCampaign({ scheme, roster: [{ name: '王芳' }], submissions: [], today: '2026-12-01' })).map((s) => s.name);
    expect(written).toEqual(resultSheetNames(scheme));
    // 打√ forms have 得票情况; a score (points or score sheets) has 得分情况.
    expect(written.includes('得票情况')).toBe(id !== 'p4-middle-managers');
    expect(written.includes('得分情况')).toBe(id === 'p4-middle-managers' || id === 'p4-secretary-appraisal');
  });

  it('each sheet names itself in its footer, without 共 N 页 (printed together, &N counts the whole workbook); the 公示表 its page only', () => {
    const footers = Object.fromEntries(sheets.map((s) => [s.name, s.print.footer]));
    expect(footers).toEqual({
      排名表: '排名表　第 &P 页',
      公示表: '第 &P 页',
      整改清单: '整改清单　第 &P 页',
      统计表: '统计表　第 &P 页',
      得分情况: '得分情况　第 &P 页',
      校验结果: '校验结果　第 &P 页',
    });
  });

  it('each long table repeats its title and header on every printed page; 统计表 (two short tables) its title', () => {
    const p4s = describeResultWorkbook(runCampaign({ scheme: getPreset('p4-secretary-appraisal'), roster: [{ name: '王芳' }], submissions: [], today: '2026-12-01' }));
    for (const s of p4s.filter((x) => x.name === '得票情况' || x.name === '得分情况')) {
      expect(s.print.repeatRows).toEqual({ from: 0, to: 1 });
      expect(s.cells[1][0]).toMatchObject({ value: '序号', style: 'header' });
      expect(s.cells[1][1]).toMatchObject({ value: '姓名', style: 'header' });
    }
    expect(p4s.find((x) => x.name === '统计表')!.print.repeatRows).toEqual({ from: 0, to: 0 });
  });

  it('shows no ballot: file names only in 校验结果, no rater’s individual score anywhere', () => {
    for (const s of sheets) {
      const texts = s.cells.flat().filter((c) => c.value !== null).map((c) => String(c.text ?? c.value));
      if (s.kind !== 'findings') expect(texts.filter((v) => /\.xlsx/.test(v))).toEqual([]);
      // 88, 92, 79, 81, 61, 59 were given by single raters; only the means may appear.
      expect(texts.filter((v) => /(^|[^\d.])(88|92|79|81|61|59)(\.\d+)?([^\d]|$)/.test(v))).toEqual([]);
    }
  });
});

describe('formula injection', () => {
  it('marks every text that starts with = + - @ in every sheet, and keeps the value as typed', () => {
    const names = ['=1+1', '@王', '+李', '-张'];
    const scheme = getPreset('p4-middle-managers');
    const r = runCampaign({
      scheme,
      roster: names.map((name, i) => ({ name, unit: i === 0 ? '=HYPERLINK("http://x")' : '办公室' })),
      submissions: [
        { file: '=cmd.xlsx', sheets: [scoreSheet('干部', [90, 80, 70, 50], names)] },
        { file: 's.xlsx', sheets: [scoreSheet('员工', [90, 80, 70, 50], names)] },
      ],
      today: '2026-12-01',
    });
    const sheets = describeResultWorkbook(r);
    let marked = 0;
    for (const s of sheets) {
      expect(checkSheetDescription(s)).toEqual([]);
      for (const c of s.cells.flat()) {
        if (typeof c.value === 'string' && /^[=+\-@]/.test(c.value)) {
          expect(c.formulaSafe).toBe(true);
          marked++;
        }
      }
    }
    const ranking = sheets[0].cells.flat();
    expect(ranking.find((c) => c.value === '=1+1')).toEqual({ value: '=1+1', style: 'cell', formulaSafe: true });
    expect(sheets[1].cells.flat().some((c) => c.value === '=HYPERLINK("http://x")' && c.formulaSafe)).toBe(true);
    expect(marked).toBeGreaterThan(8);
  });
});

describe('names that cannot be ordered by strokes', () => {
  it('are listed last on the 公示表 with a note, and reported in 校验结果 as NAME_ORDER_UNCERTAIN', () => {
    const names = ['Tom李', '王芳'];
    const r = runCampaign({
      scheme: getPreset('p4-middle-managers'),
      roster: names.map((name) => ({ name })),
      submissions: [
        { file: 'c.xlsx', sheets: [scoreSheet('干部', [90, 80], names)] },
        { file: 's.xlsx', sheets: [scoreSheet('员工', [90, 80], names)] },
      ],
      today: '2026-12-01',
    });
    const [, publication, , , , findings] = describeResultWorkbook(r);
    const listed = table(publication).map((row) => row[1]).filter((v) => v === 'Tom李' || v === '王芳');
    expect(listed).toEqual(['王芳', 'Tom李']);
    expect(table(publication).flat().some((v) => typeof v === 'string' && v.includes('Tom李 的姓名含无笔画数据的字符'))).toBe(true);
    const rows = table(findings).filter((row) => row[5] === 'NAME_ORDER_UNCERTAIN');
    expect(rows).toHaveLength(1);
    expect(String(rows[0][6])).toContain('Tom');
  });
});

describe('printing the 公示表 and 排名表', () => {
  const p1 = getPreset('p1-double-pledge');
  const decided = (n: number) =>
    runCampaign({ scheme: p1, roster: Array.from({ length: n }, (_, i) => ({ name: `王${String.fromCharCode(0x4e00 + i)}` })), submissions: [], today: '2026-12-01' });

  it('a 公示表 of 38 names: the 公示期, 异议 line, 落款 and date print with the last 3 names', () => {
    const result = decided(38);
    // Everyone decided 优秀 by hand, as the committee would: only decided tiers are published.
    const notice = describePublication({ ...result, subjects: result.subjects.map((r) => ({ ...r, tier: '优秀', flags: [] })) });
    expect(checkSheetDescription(notice)).toEqual([]);
    // Title 36 + lead 15 + 按姓氏笔画 15 + header 15 + 38 × 15 = 651; + blank, 公示期, 异议, blank, 落款, date
    // = 6 × 15 = 90 → 741 > 730.23: page 1 ends 3 names before the last (row 4 + 35 − 1 = 38).
    const lastName = notice.cells.findIndex((row) => row[0].value === 38);
    expect(lastName).toBe(41);
    expect(notice.rowBreaks).toEqual([38]);
  });

  it('p5 (序号 姓名 等次, no 单位): the table is as wide as its lead sentence and 异议 line, which print on one line each', () => {
    const result = decided(3);
    const p5 = getPreset('p5-party-members');
    const notice = describePublication({ ...result, scheme: p5, subjects: result.subjects.map((r) => ({ ...r, tier: '优秀党员', flags: [] })) });
    const lead = '经研究，现将2026年度民主评议党员中评为优秀党员的名单予以公示。';
    expect(notice.cells[1][0].value).toBe(lead);
    // 29 Chinese characters and the full stop × 2.15 + 4 digits × 1.05 = 66.95, + 2 of padding: 69 wide at least (was 11 + 19 + 19 = 49).
    const total = notice.columns.reduce((a, c) => a + c.width, 0);
    expect(total).toBeGreaterThanOrEqual(69);
    expect(total).toBeLessThanOrEqual(90);
    const wrapped = new Set(notice.rowHeights.map((h) => h.row));
    const rowOf = (start: string) => notice.cells.findIndex((row) => typeof row[0].value === 'string' && row[0].value.startsWith(start));
    expect(wrapped.has(rowOf('经研究'))).toBe(false);
    expect(wrapped.has(rowOf('公示期间如有异议'))).toBe(false);
  });

  it('往年结果 (a form of its own workbook) numbers its pages with their total', () => {
    const history = describeHistoryTemplate(getPreset('p3-community-consecutive'), [{ name: '王芳' }], 2026)!;
    expect(history.print.footer).toBe('往年结果　第 &P 页，共 &N 页');
  });

  it('the 排名表 keeps a long 党组织 name to 24 characters wide, wrapped, so the sheet does not print small', () => {
    const result = runCampaign({ scheme: getPreset('p5-party-members'), roster: [{ name: '王芳' }, { name: '市住房和城乡建设局城市建设档案馆党支部', kind: 'organisation' }], submissions: [], today: '2026-12-01' });
    const ranking = describeRanking(result);
    const nameColumn = ranking.cells[2].findIndex((c) => c.value === '姓名');
    expect(ranking.columns[nameColumn].width).toBe(24);
  });
});

describe('the 考核年度 in the titles (2026年度…) keeps every result sheet as wide as before', () => {
  it.each(PRESETS.map((p) => [p.id]))('%s: 排名表, 整改清单, 统计表, 得票情况, 得分情况 print at the same width with 「2026年度」 as without it', (id) => {
    const result = runCampaign({ scheme: getPreset(id), roster: [{ name: '王芳' }, { name: '李强' }], submissions: [], today: '2026-12-01' });
    // Without the year: the titles then begin 「年度」 (the year's 4 digits gone), which is what the titles were before.
    const without = { ...result, year: '' as unknown as number };
    const widths = (r: typeof result) =>
      describeResultWorkbook(r)
        .filter((s) => s.kind !== 'findings' && s.kind !== 'publication')
        .map((s) => [s.name, String(s.cells[0][0].value).startsWith(`${r.year}年度`), s.columns.map((c) => c.width).join()]);
    const withYear = widths(result);
    expect(withYear.every(([, titled]) => titled)).toBe(true);
    expect(withYear.map(([name, , w]) => [name, w])).toEqual(widths(without).map(([name, , w]) => [name, w]));
  });
});
