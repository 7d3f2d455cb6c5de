/**
 * seed 004 中共宁波市外事办公室直属机关委员会 民主评议党员实施方案 (2011):
 * - 一、1 评议党支部 by 党小组 on 附表1 (党支部开展创先争优活动群众评议表); 二、1 the branch is evaluated.
 * - 一、2 优秀党员候选人 on 附表2 (优秀党员民主评议推荐表); window-post candidates also on 附表3
 *   (窗口服务岗位群众满意度测评表) by 服务对象.
 * - 四、2 原则标准: (1) "优秀党员的评选比例为本支部党员人数的20%"; (2) "满意率和比较满意率汇总必须在90%以上(含)";
 *   (3) 一票否决 "如有反馈被评议人存在党风廉政问题,经组织核实且事实清楚的,将取消该同志的优秀党员资格".
 * - 附2 注2: "推荐优秀党员名额不能多于5名,超过名额则推荐无效"; 附3 注2: "对与本单位无关联的窗口服务岗位,
 *   可不填写,相应栏目为空".
 * - 五、3: "对此次群众评议满意度低的岗位和个人…限期整改" (preset default: 满意率 below 60%).
 * DOMAIN.md: 预备党员 take part but get no 等次; quota ties at the boundary go to the committee.
 * The forms are typed cell by cell as the seed prints them (tests/helpers/annex-forms.ts) and filled with √.
 */
import { runCampaign } from '../../src/core/engine';
import { getPreset } from '../../src/core/presets';
import { CellValue } from '../../src/core/forms/grid';
import { RosterEntry } from '../../src/core/roster/roster';
import { RosterSource } from '../../src/core/roster/flag-columns';
import { readRoster } from '../../src/hosts/files/read-roster';
import { Annex2Row, BLANK, annex1Sheet, annex2Sheet, annex3Sheet } from '../helpers/annex-forms';
import { submission } from '../helpers/grids';
import { summaryText } from '../../src/cli/summary';
import { describePublication } from '../../src/core/output/describe-publication';
import { describeRanking } from '../../src/core/output/describe-ranking';
import { describeStatistics, describeVotes } from '../../src/core/output/describe-statistics';
import { rankingFigures } from '../../src/core/output/ranking-figures';
import { SchemeError, loadScheme } from '../../src/core/scheme/load-scheme';

const scheme = getPreset('p5-party-members');
const [S, FS, BS, DS] = [0, 1, 2, 3]; // 满意, 比较满意, 基本满意, 不满意

describe('P5 附表1: the branch rated by its 党小组 (one sheet per 党小组)', () => {
  const roster: RosterEntry[] = [{ name: '机关', kind: 'organisation' }];
  // 满意 9, 比较满意 3, 基本满意 2, 不满意 1 over 3 sheets × 5 items = 15 marks → (9+3)/15 = 80.00%.
  const sheets = [
    annex1Sheet('第一党小组', { branch: '机关', day: '26', marks: [S, S, S, FS, BS], opinion: '希望多组织学习交流', group: '机关支部 第一党小组', leader: '王磊' }),
    annex1Sheet('第二党小组', { branch: '机关', day: '26', marks: [S, S, FS, FS, DS], group: '机关支部 第二党小组', leader: '李娜' }),
    annex1Sheet('第三党小组', { branch: '机关', day: '27', marks: [S, S, S, S, BS], group: '机关支部 第三党小组', leader: '张伟' }),
  ];
  const result = runCampaign({ scheme, roster, submissions: [submission('附表1-机关支部.xlsx', ...sheets)], today: '2026-12-01' });
  const branch = result.subjects[0];

  it('reads the three printed sheets without errors', () => {
    expect(result.read.ballots.map((b) => [b.sheet, b.formId])).toEqual([
      ['第一党小组', 'branch-review'],
      ['第二党小组', 'branch-review'],
      ['第三党小组', 'branch-review'],
    ]);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('computes the branch\'s 满意率 (满意+比较满意)/valid = 12/15 = 80.00%', () => {
    expect(branch.satisfaction).toEqual({ votes: 12, valid: 15, share: '80.00%' });
    expect(branch.overall.map((l) => l.votes)).toEqual([9, 3, 2, 1]);
  });

  it('keeps the five items apart (组织开展创先争优活动情况: 3 满意; 为群众办实事…: 1 满意 2 比较满意)', () => {
    const item = (label: string) => branch.figures.find((f) => f.item === label)!.levels.map((l) => l.votes);
    expect(item('组织开展创先争优活动情况')).toEqual([3, 0, 0, 0]);
    expect(item('为群众办实事、做好事、解难事情况')).toEqual([1, 2, 0, 0]);
    expect(item('加强党组织和党员队伍建设情况')).toEqual([0, 0, 2, 1]);
  });

  it('gives the organisation no tier: 不定等次, not 待定', () => {
    expect(branch.tier).toBeNull();
    expect(branch.flags).toContain('不定等次');
    expect(branch.flags).not.toContain('待定');
    expect(result.findings.some((f) => f.code === 'TIER_UNDECIDED')).toBe(false);
  });

  it('keeps the 意见或建议 text', () => {
    expect(result.read.ballots[0].comments).toEqual(['希望多组织学习交流']);
  });

  it('the branch written with or without 中共 …委员会 or 党 (机关支部, 中共机关支部委员会 for 机关党支部) is that branch, said', () => {
    const listed: RosterEntry[] = [{ name: '机关党支部', kind: 'organisation' }, { name: '第二党支部', kind: 'organisation' }];
    const written = [
      annex1Sheet('第一党小组', { branch: '机关支部', marks: [S, S, S, FS, BS] }),
      annex1Sheet('第二党小组', { branch: '中共机关支部委员会', marks: [S, S, FS, FS, DS] }),
      annex1Sheet('第三党小组', { branch: '机关党支部', marks: [S, S, S, S, BS] }),
    ];
    const r = runCampaign({ scheme, roster: listed, submissions: [submission('附表1.xlsx', ...written)], today: '2026-12-01' });
    expect(r.subjects[0].satisfaction).toEqual({ votes: 12, valid: 15, share: '80.00%' });
    expect(r.read.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.read.findings.filter((f) => f.code === 'NAME_NORMALISED').map((f) => [f.sheet, f.message])).toEqual([
      ['第一党小组', '名称「机关支部」按名册中的「机关党支部」计'],
      ['第二党小组', '名称「中共机关支部委员会」按名册中的「机关党支部」计'],
    ]);
  });

  it('a sheet still reading the printed "机关/中心" names no branch in the roster: reported at A3, not counted, not guessed', () => {
    const unfilled = annex1Sheet('第四党小组', { marks: [S, S, S, S, S] });
    const r = runCampaign({ scheme, roster, submissions: [submission('附表1-机关支部.xlsx', ...sheets), submission('附表1-未填.xlsx', unfilled)], today: '2026-12-01' });
    const f = r.findings.filter((x) => x.file === '附表1-未填.xlsx' && x.code === 'SUBJECT_NOT_IN_ROSTER');
    expect(f.map((x) => x.cell)).toEqual(['A3']);
    expect(r.subjects[0].satisfaction).toEqual({ votes: 12, valid: 15, share: '80.00%' });
  });
});

describe('P5 附表2 / 附表3: 优秀党员 needs 满意率 ≥ 90% (含)', () => {
  /** Ten 附表2 ballots × 4 item groups = 40 item-marks per candidate. Level of ballot i, item j: */
  const A2: Record<string, (i: number, j: number) => number> = {
    // 4 基本满意 (ballots 2-5, item 1), 5 比较满意 (ballots 6-10, item 2), 31 满意: (31+5)/40 = 36/40 = 90.00% → 优秀党员.
    // Ballot 1 (6 recommendations) gives him 4 满意: without its marks he would have 32/36 = 88.89%.
    王磊: (i, j) => (i >= 1 && i <= 4 && j === 0 ? BS : i >= 5 && j === 1 ? FS : S),
    // 4 基本满意, one item left blank on ballot 10 (弃权, not in the denominator): 35/39 = 89.74% → not.
    李娜: (i, j) => (i <= 3 && j === 0 ? BS : i === 9 && j === 3 ? BLANK : S),
    // 16 基本满意: 24/40 = 60.00% — not 低于60% (preset default for 满意度低).
    张伟: (i, j) => (i <= 7 && j >= 2 ? BS : S),
    陈静: () => S, // window post: 附表2 100%, 附表3 18/20 = 90.00% → 优秀党员
    杨帆: () => S, // window post: 附表2 100%, 附表3 21/24 = 87.50% → not
    赵敏: () => S, // 100%, but 党风廉政问题 verified → 优秀党员 cancelled
    周琳: () => S, // 100%, 预备党员 → no tier
    黄涛: (i) => (i >= 7 ? BS : S), // 28/40 = 70%
    吴昊: (i) => (i >= 8 ? DS : S), // 32/40 = 80%
    刘洋: (_, j) => (j >= 2 ? BS : S), // 20/40 = 50% < 60% → 满意度低: 查找原因、限期整改
    孙丽: (i, j) => (i >= 5 && j >= 2 ? DS : S), // 30/40 = 75%
  };
  const NAMES = Object.keys(A2);
  const roster: RosterEntry[] = NAMES.map((name) => {
    if (name === '陈静' || name === '杨帆') return { name, window: true };
    if (name === '赵敏') return { name, flags: { 党风廉政问题: '经组织核实，事实清楚' } };
    if (name === '周琳') return { name, category: '预备党员' };
    return { name };
  });
  /** 是否推荐为优秀党员: ballot 1 ticks 6 (void), ballot 2 ticks exactly 5, ballots 3-10 tick 2. */
  const RECOMMEND = (i: number): string[] =>
    i === 0 ? ['王磊', '陈静', '杨帆', '赵敏', '周琳', '黄涛'] : i === 1 ? ['王磊', '陈静', '赵敏', '周琳', '黄涛'] : ['王磊', '陈静'];
  const annex2 = Array.from({ length: 10 }, (_, i) =>
    submission(
      `附表2-${String(i + 1).padStart(2, '0')}.xlsx`,
      annex2Sheet('推荐表', {
        branch: '机关',
        day: '26',
        rows: NAMES.map((name): Annex2Row => ({ name, marks: [0, 1, 2, 3].map((j) => A2[name](i, j)), recommend: RECOMMEND(i).includes(name) })),
      }),
    ),
  );
  // 附表3 from six 服务对象 units; the third printed block is unused. Unit 6 has no dealings with 陈静: her rows blank.
  // 陈静: 2 of 20 marks 基本满意 → 18/20 = 90.00% (were her 4 blank rows counted: 18/24 = 75%).
  // 杨帆: 3 of 24 marks below 比较满意 → 21/24 = 87.50%.
  const A3: { unit: string; chen: number[]; yang: number[]; feedback?: string }[] = [
    { unit: '宁波市公安局出入境管理局', chen: [S, S, S, S], yang: [S, S, S, S] },
    { unit: '宁波市商务局', chen: [S, S, S, S], yang: [S, BS, S, S], feedback: '签证窗口（杨帆）：无' },
    { unit: '宁波大学', chen: [S, S, BS, S], yang: [FS, FS, FS, FS] },
    { unit: '宁波港集团', chen: [FS, FS, FS, BS], yang: [S, S, DS, S] },
    { unit: '宁波市贸促会', chen: [S, S, S, S], yang: [S, S, S, S] },
    { unit: '宁波栎社国际机场', chen: [BLANK, BLANK, BLANK, BLANK], yang: [S, S, BS, S] },
  ];
  const annex3 = A3.map((u, k) =>
    submission(`附表3-${k + 1}.xlsx`, annex3Sheet('测评表', { unit: u.unit, blocks: [{ name: '陈静', marks: u.chen }, { name: '杨帆', marks: u.yang }], feedback: u.feedback })),
  );
  const result = runCampaign({ scheme, roster, submissions: [...annex2, ...annex3], today: '2026-12-01' });
  const byName = (n: string) => result.subjects.find((s) => s.name === n)!;
  const annex3Files = new Set(annex3.map((s) => s.file));
  /** (满意+比较满意)/valid on one form, from the figures: "good/valid". */
  const formShare = (name: string, form: string) => {
    const rows = byName(name).figures.filter((f) => f.form === form);
    return `${rows.reduce((a, f) => a + f.levels[S].votes + f.levels[FS].votes, 0)}/${rows.reduce((a, f) => a + f.valid, 0)}`;
  };
  const ANNEX2 = '优秀党员民主评议推荐表';
  const ANNEX3 = '窗口服务岗位群众满意度测评表';

  it('recognises the printed 附表2 and 附表3 and their rater groups (党员 / 服务对象)', () => {
    const rows = result.participation.filter((p) => p.valid > 0).map((p) => [p.form, p.group, p.valid]);
    expect(rows).toEqual([
      ['优秀党员民主评议推荐表', '党员', 10],
      ['窗口服务岗位群众满意度测评表', '服务对象', 6],
    ]);
    expect(result.findings.some((f) => f.code === 'FORM_AMBIGUOUS' || f.code === 'GROUP_UNKNOWN' || f.code === 'TIER_COLUMN_MISSING')).toBe(false);
  });

  it('exactly 90% (36 of 40 item-marks, 满意 and 比较满意 both counting) → 优秀党员', () => {
    expect(byName('王磊').tier).toBe('优秀党员');
    expect(byName('王磊').reasons[0]).toContain('36/40 = 90.00%');
  });

  it('89.74% (35 of 39 valid; the blank item is an abstention outside the denominator) → not', () => {
    expect(byName('李娜').tier).toBe('未评为优秀党员');
    expect(byName('李娜').satisfaction).toEqual({ votes: 35, valid: 39, share: '89.74%' });
    expect(result.findings.filter((f) => f.code === 'ABSTENTION').map((f) => [f.file, f.cell])).toEqual([['附表2-10.xlsx', 'N7']]);
  });

  it('the reason for 未评为优秀党员 names the figure that fell short (DOMAIN.md: every tier carries which rule, which figures)', () => {
    expect(byName('李娜').reasons.join('')).toContain('35/39 = 89.74%');
  });

  it('a window post needs 附表3 ≥ 90% too: 18/20 = 90.00% passes', () => {
    expect(formShare('陈静', ANNEX2)).toBe('40/40');
    expect(formShare('陈静', ANNEX3)).toBe('18/20');
    expect(byName('陈静').tier).toBe('优秀党员');
    expect(byName('陈静').reasons[0]).toContain('18/20 = 90.00%');
  });

  it('a window post with 附表2 100% but 附表3 21/24 = 87.50% is not 优秀党员', () => {
    expect(formShare('杨帆', ANNEX2)).toBe('40/40');
    expect(formShare('杨帆', ANNEX3)).toBe('21/24');
    expect(byName('杨帆').tier).toBe('未评为优秀党员');
  });

  it('附表3 rows left blank by a unit with no dealings with the post are not counted and give no ABSTENTION', () => {
    const rows = byName('陈静').figures.filter((f) => f.form === ANNEX3);
    expect(rows.map((f) => [f.item, f.valid, f.notApplicable, f.abstain])).toEqual([
      ['服务态度', 5, 1, 0],
      ['服务质量', 5, 1, 0],
      ['办事效率', 5, 1, 0],
      ['廉洁公正', 5, 1, 0],
    ]);
    expect(result.findings.filter((f) => annex3Files.has(f.file) && f.code === 'ABSTENTION')).toEqual([]);
  });

  it('附表3 rows where the unit wrote 不涉及 or / instead of leaving them blank are not counted either (said once)', () => {
    // Unit 6's sheet, 陈静's four item rows: 不涉及 in the first tier cell, / in the others.
    const sheet = annex3Sheet('测评表', { unit: A3[5].unit, blocks: [{ name: '陈静', marks: A3[5].chen }, { name: '杨帆', marks: A3[5].yang }] });
    const first = sheet.rows.findIndex((row) => row[0] === '陈静');
    for (let i = first; i < first + 4; i++) sheet.rows[i].splice(2, 4, '不涉及', '/', '/', '/');
    const r = runCampaign({ scheme, roster, submissions: [...annex2, ...annex3.slice(0, 5), submission('附表3-6.xlsx', sheet)], today: '2026-12-01' });
    const chen = r.subjects.find((x) => x.name === '陈静')!;
    expect(chen.figures.filter((f) => f.form === ANNEX3).map((f) => [f.valid, f.notApplicable, f.invalid])).toEqual([
      [5, 1, 0],
      [5, 1, 0],
      [5, 1, 0],
      [5, 1, 0],
    ]);
    expect(chen.tier).toBe('优秀党员');
    expect(r.findings.filter((f) => f.file === '附表3-6.xlsx').map((f) => f.code)).toEqual(['MARK_STRUCK_OUT']);
  });

  it('blank 附表3 rows stay out even when the scheme counts abstentions in the denominator', () => {
    const s = structuredClone(scheme);
    s.counting.abstentionsInDenominator = true;
    const r = runCampaign({ scheme: s, roster, submissions: [...annex2, ...annex3], today: '2026-12-01' });
    // Were the blank rows abstentions, 陈静 would have 18/24 = 75% and lose 优秀党员.
    expect(r.subjects.find((x) => x.name === '陈静')!.tier).toBe('优秀党员');
  });

  it('the lines printed below the 附表3 table (贵单位联系人, the signature) are not read as names', () => {
    expect(result.findings.filter((f) => annex3Files.has(f.file) && f.severity === 'error')).toEqual([]);
  });

  it('the 党风廉政 feedback text is kept, and by itself changes nothing (the veto needs the verified roster flag)', () => {
    expect(result.read.ballots.find((b) => b.file === '附表3-2.xlsx')!.comments).toEqual(['签证窗口（杨帆）：无']);
  });

  it('verified 党风廉政问题 cancels 优秀党员: 100% → 未评为优秀党员, flagged 一票否决', () => {
    const s = byName('赵敏');
    expect(s.satisfaction!.share).toBe('100.00%');
    expect(s.tier).toBe('未评为优秀党员');
    expect(s.flags).toContain('一票否决');
    expect(s.vetoes.map((v) => v.id)).toEqual(['integrity']);
  });

  it('预备党员 take part but get no tier (不定等次, not 待定)', () => {
    const s = byName('周琳');
    expect(s.tier).toBeNull();
    expect(s.flags).toEqual(['不定等次']);
    expect(result.findings.some((f) => f.code === 'TIER_UNDECIDED' && f.subject === '周琳')).toBe(false);
  });

  it('the 公示表 lists those selected (优秀党员: 王磊, 陈静), not the 未评为优秀党员 (五、3 表彰 the 优秀党员)', () => {
    const s = describePublication(result);
    const texts = s.cells.flat().map((c) => c.value).filter((v): v is string => typeof v === 'string');
    const names = texts.filter((v) => NAMES.includes(v));
    expect(names).toEqual(['王磊', '陈静']); // 王 4 strokes, 陈 7
    expect(texts.some((v) => v.includes('未评为优秀党员'))).toBe(false);
    expect(texts[0]).toBe('关于2026年度优秀党员的公示');
    expect(texts[1]).toBe('经研究，现将2026年度民主评议党员中评为优秀党员的名单予以公示。');
  });

  it('a ballot with 6 recommendations: TOO_MANY_RECOMMENDATIONS, its recommendations void, its marks counted', () => {
    const f = result.findings.filter((x) => x.code === 'TOO_MANY_RECOMMENDATIONS');
    expect(f.map((x) => [x.file, x.sheet])).toEqual([['附表2-01.xlsx', '推荐表']]);
    expect(f[0].cell).toMatch(/^R[45]$/);
    // Ballot 1 void; ballot 2 (exactly 5) counts; ballots 3-10 tick 王磊 and 陈静.
    expect(byName('王磊').recommendations).toEqual({ votes: 9, ballots: 9 });
    expect(byName('陈静').recommendations!.votes).toBe(9);
    expect(byName('杨帆').recommendations!.votes).toBe(0);
    expect(byName('赵敏').recommendations!.votes).toBe(1);
    expect(byName('黄涛').recommendations!.votes).toBe(1);
    // 王磊's 90% includes ballot 1's four 满意 (see above): 40 valid item-marks.
    expect(byName('王磊').satisfaction).toEqual({ votes: 36, valid: 40, share: '90.00%' });
  });

  it('推荐票 reach 排名表, 得票情况 and the summary as votes / ballots that counted (王磊 9/9, 黄涛 1/9, 杨帆 0/9)', () => {
    // Ballot 1 ticks 6 (void, counts in neither); ballot 2 ticks 王磊 陈静 赵敏 周琳 黄涛; ballots 3-10 (8) tick 王磊 陈静:
    // 9 ballots counted; 王磊 1 + 8 = 9, 黄涛 1, 杨帆 0.
    const texts = (cells: { value: unknown; text?: string }[][]) => cells.map((row) => row.map((c) => c.text ?? c.value));
    const ranking = texts(describeRanking(result).cells);
    const rh = ranking.findIndex((row) => row.includes('推荐票'));
    const rc = ranking[rh].indexOf('推荐票');
    const rOf = (n: string) => ranking.find((row) => row[1] === n)![rc];
    expect([rOf('王磊'), rOf('黄涛'), rOf('杨帆')]).toEqual(['9/9', '1/9', '0/9']);
    const stats = texts(describeVotes(result)!.cells);
    const sh = stats.findIndex((row) => row.includes('推荐票'));
    const sc = stats[sh].indexOf('推荐票');
    // 陈静 (window post) has a 附表2 row and a 附表3 row: the 推荐票 stand on the 附表2 row only.
    expect(stats.filter((row) => row[1] === '陈静').map((row) => [row[2], row[sc]])).toEqual([
      ['附表2', '9/9'],
      ['附表3', ''],
    ]);
    const text = summaryText(result);
    // The figures as the 排名表 has them (p5 scores nothing: no 得分 column), then 满意率 per form.
    expect(text).toMatch(/名次\s+姓名\s+单位\s+等次\s+附表2满意\+比较满意得票率\s+推荐票\s+满意率\s+标记/);
    expect(text.split('\n').find((l) => /\s黄涛\s/.test(l))).toMatch(/\s1\/9\s/);
    // The same columns, from the one helper the pane's 计算 step uses too: 王磊 36/40 on 附表2 (see above), 9/9 推荐票.
    const figures = rankingFigures(result);
    expect(figures.map((f) => f.header)).toEqual(['附表2满意+比较满意得票率', '推荐票']);
    expect(figures.map((f) => f.text(byName('王磊')))).toEqual(['90.00%', '9/9']);
    expect(figures.map((f) => f.text(byName('李娜')))[0]).toBe('89.74%');
  });

  it('reads 是否推荐 written as 是 or √ as yes; 否, ×, / or — as no; anything else is reported, not counted', () => {
    const said: Record<string, CellValue> = { 王磊: '是', 李娜: '√', 张伟: '否', 陈静: '×', 杨帆: '／', 赵敏: '—', 周琳: '待定' };
    const sheet = annex2Sheet('推荐表', { branch: '机关', rows: NAMES.map((name): Annex2Row => ({ name, marks: [S, S, S, S] })) });
    for (const row of sheet.rows) if (typeof row[0] === 'string' && row[0] in said) row[row.length - 1] = said[row[0]];
    const r = runCampaign({ scheme, roster, submissions: [submission('附表2-推荐.xlsx', sheet)], today: '2026-12-01' });
    const votes = (n: string) => r.subjects.find((x) => x.name === n)!.recommendations!.votes;
    expect(NAMES.slice(0, 7).map(votes)).toEqual([1, 1, 0, 0, 0, 0, 0]);
    expect(r.findings.filter((f) => f.code === 'RECOMMENDATION_UNRECOGNISED').map((f) => [f.subject ?? null, f.message])).toEqual([
      [null, '“是否推荐”栏应打√或留空，此处为「待定」，未计为推荐'],
    ]);
  });

  it('满意度低 (preset default below 60%): 50% → 查找原因、限期整改 with a rectification row; exactly 60% is not low', () => {
    expect(byName('刘洋').vetoes.map((v) => v.id)).toEqual(['low-satisfaction']);
    expect(byName('刘洋').tier).toBe('未评为优秀党员');
    expect(result.rectification.map((r) => r.subject)).toEqual(['刘洋']);
    expect(result.rectification[0].deadline).toBe('2026-12-31');
    expect(byName('张伟').satisfaction!.share).toBe('60.00%');
    expect(byName('张伟').vetoes).toEqual([]);
  });

  it('满意度低 is a note, not 一票否决 (seed 004 四、2(3) calls only the 党风廉政 rule so): flag 需整改 in every output', () => {
    const x = byName('刘洋');
    expect(x.flags).toEqual(['需整改']);
    expect(x.reasons.some((t) => t.startsWith('「群众满意度低」：') && t.includes('查找原因，责成本人落实整改责任，限期整改'))).toBe(true);
    expect(x.reasons.join('')).not.toContain('一票否决');
    expect(result.rectification[0].problem).not.toContain('一票否决');
    expect(result.rectification[0].problem).toContain('群众满意度低（');
    const text = summaryText(result);
    const line = text.split('\n').find((l) => l.includes('刘洋') && l.includes('未评为优秀党员'))!;
    expect(line).toContain('需整改');
    expect(line).not.toContain('一票否决');
    const ranking = describeRanking(result);
    expect(JSON.stringify(ranking.cells.filter((row) => row.some((c) => c.value === '刘洋')))).not.toContain('一票否决');
  });

  it('everyone else is 未评为优秀党员 and the two 优秀党员 are within the 20% quota (no quota flags)', () => {
    expect(result.subjects.filter((s) => s.tier === '优秀党员').map((s) => s.name)).toEqual(['王磊', '陈静']);
    expect(result.subjects.some((s) => s.flags.includes('超出名额') || s.flags.includes('名额并列'))).toBe(false);
  });
});

describe('P5 四、2(1) 20% of the branch\'s 党员人数: 10 members → at most 2 优秀党员', () => {
  const NAMES = ['于洋', '马丽', '方圆', '石磊', '叶青', '田野', '白雪', '江河', '汤明', '许诺'];
  /** 附表2 with ten ballots; `bad[name]` of the 40 item-marks are 基本满意, the rest 满意. */
  function run(bad: Record<string, number>, roster: RosterEntry[] = NAMES.map((name) => ({ name })), rosterSource?: RosterSource) {
    const subs = Array.from({ length: 10 }, (_, i) =>
      submission(
        `附表2-${i + 1}.xlsx`,
        annex2Sheet('推荐表', { branch: '机关', rows: NAMES.map((name) => ({ name, marks: [0, 1, 2, 3].map((j) => (i * 4 + j < (bad[name] ?? 12) ? BS : S)) })) }),
      ),
    );
    return runCampaign({ scheme, roster, submissions: subs, today: '2026-12-01', ...(rosterSource ? { rosterSource } : {}) });
  }
  const tiers = (r: ReturnType<typeof run>) => Object.fromEntries(r.subjects.map((s) => [s.name, s.tier]));

  it('places 2 and 3 tied at 95% (38/40): both undecided (名额并列, QUOTA_TIE), place 1 keeps it, place 4 moves down', () => {
    // 于洋 40/40 = 100%, 马丽 and 方圆 38/40 = 95%, 石磊 37/40 = 92.5%, the rest 28/40 = 70%.
    const r = run({ 于洋: 0, 马丽: 2, 方圆: 2, 石磊: 3 });
    const t = tiers(r);
    expect([t['于洋'], t['马丽'], t['方圆'], t['石磊'], t['叶青']]).toEqual(['优秀党员', null, null, '未评为优秀党员', '未评为优秀党员']);
    expect(r.subjects.find((s) => s.name === '马丽')!.flags).toContain('名额并列');
    expect(r.subjects.find((s) => s.name === '方圆')!.flags).toContain('名额并列');
    expect(r.subjects.find((s) => s.name === '石磊')!.flags).toContain('超出名额');
    expect(r.findings.filter((f) => f.code === 'QUOTA_TIE').map((f) => f.subject).sort()).toEqual(['方圆', '马丽'].sort());
    // Said with the figure, the other tied and the places left: floor(20% × 10) = 2, 于洋 holds 1, 4 meet 90%.
    const mali = r.subjects.find((s) => s.name === '马丽')!;
    expect(mali.reasons).toContain(
      `「优秀党员」不超过 10 人的 20%（向下取整为 2 人）：4 人符合条件，超出名额：已有 1 人在名额内，余下的 1 个名额由本人与方圆 2 人并列（得票率均为 95.00%），需评议委员会决定（${scheme.quotas[0].cite}）`,
    );
    expect(r.findings.find((f) => f.code === 'QUOTA_TIE' && f.subject === '马丽')!.message).toBe(
      '「马丽」在「优秀党员」名额边界处与方圆并列（得票率均为 95.00%），争余下的 1 个名额，需评议委员会决定',
    );
    // 待定 and 未评为优秀党员 are what the first words say, not 定为「优秀党员」.
    expect(mali.reasons[0]).toMatch(/^因名额并列，等次待定；符合「优秀党员」的条件：附表2 38\/40 = 95\.00%/);
    expect(mali.reasons[0]).toContain('非窗口岗位，不适用附表3 「满意」「比较满意」得票率条件');
    expect(r.subjects.find((s) => s.name === '石磊')!.reasons[0]).toMatch(/^因超出名额定为「未评为优秀党员」；符合「优秀党员」的条件：附表2 37\/40 = 92\.50%/);
  });

  it('without a tie the best two keep 优秀党员 and the others meeting 90% move down (超出名额)', () => {
    // 于洋 100%, 马丽 95%, 方圆 92.5%, 石磊 90%.
    const r = run({ 于洋: 0, 马丽: 2, 方圆: 3, 石磊: 4 });
    const t = tiers(r);
    expect([t['于洋'], t['马丽'], t['方圆'], t['石磊']]).toEqual(['优秀党员', '优秀党员', '未评为优秀党员', '未评为优秀党员']);
    expect(r.subjects.find((s) => s.name === '石磊')!.flags).toContain('超出名额');
    expect(r.findings.some((f) => f.code === 'QUOTA_TIE')).toBe(false);
  });

  it('a 预备党员 among the 10 is still one of the branch\'s 党员人数: the limit stays 2', () => {
    // Same votes; 许诺 (70%) is a 预备党员. 20% of 10 党员 = 2 (the preset: "名册人数"), not 20% of 9.
    const roster = NAMES.map((name) => (name === '许诺' ? { name, category: '预备党员' } : { name }));
    const r = run({ 于洋: 0, 马丽: 2, 方圆: 3, 石磊: 4 }, roster);
    const t = tiers(r);
    expect([t['于洋'], t['马丽'], t['许诺']]).toEqual(['优秀党员', '优秀党员', null]);
  });

  it('a 预备党员 named as the 花名册 writes it (政治面貌 中共预备党员, 党员类别 预备): no tier, the column quoted', () => {
    const said: Record<string, RosterEntry['flags']> = { 许诺: { 政治面貌: '中共预备党员' }, 汤明: { 党员类别: '预备' }, 江河: { 政治面貌: '中共党员' } };
    const r = run({ 于洋: 0, 马丽: 2, 方圆: 3, 石磊: 4 }, NAMES.map((name) => ({ name, flags: said[name] })));
    const byName = (n: string) => r.subjects.find((s) => s.name === n)!;
    expect([byName('许诺').tier, byName('许诺').flags]).toEqual([null, ['不定等次']]);
    // Not ranked among those with a tier either (p5 ranks by 附表2 满意率), and said so.
    expect(byName('许诺').reasons).toContain('预备党员参加评议，但不确定等次，不参加排名（名册「政治面貌」：中共预备党员）');
    expect([byName('许诺').rank, byName('汤明').rank]).toEqual([null, null]);
    expect([byName('汤明').tier, byName('汤明').flags]).toEqual([null, ['不定等次']]);
    expect(byName('江河').tier).toBe('未评为优秀党员');
    expect(r.findings.some((f) => f.code === 'ROSTER_CATEGORY_UNCLEAR')).toBe(false);
  });

  it('a note that says more than 预备党员 (已转正（原预备党员）) is not read either way: graded, and a person is asked', () => {
    const said: Record<string, RosterEntry['flags']> = { 许诺: { 备注: '已转正（原预备党员）' }, 汤明: { 备注: '预备党员，2025年6月入党' } };
    const r = run({ 于洋: 0, 马丽: 2, 方圆: 3, 石磊: 4 }, NAMES.map((name) => ({ name, flags: said[name] })));
    expect(r.subjects.filter((s) => s.name === '许诺' || s.name === '汤明').map((s) => s.tier)).toEqual(['未评为优秀党员', '未评为优秀党员']);
    const f = r.findings.filter((x) => x.code === 'ROSTER_CATEGORY_UNCLEAR');
    expect(f.map((x) => [x.subject, x.severity])).toEqual([
      ['汤明', 'warning'],
      ['许诺', 'warning'],
    ]);
    expect(f[1].message).toBe('「许诺」名册「备注」栏写有「已转正（原预备党员）」，提到预备党员但不只是“预备党员”，未据此不定等次；如是预备党员，请在名册类别栏只填「预备党员」后重新计算');
  });
  describe('预备党员 marked in a column of its own (是否预备党员 是/否, 预备党员 √, 是否转正 否), as registration sheets do', () => {
    // Same votes as above: 于洋 100%, 马丽 95%, 方圆 92.5%, 石磊 90%, the rest 70%. 于洋 (100%) is the 预备党员
    // each time: without the column read he would be 优秀党员 (place 1); read, he gets no tier (不定等次) and the
    // two places go to 马丽 and 方圆 (the limit stays 20% of 10 = 2, as a 预备党员 is still one of the 党员).
    const BAD = { 于洋: 0, 马丽: 2, 方圆: 3, 石磊: 4 };
    function fromFile(header: string, cells: Record<string, CellValue>) {
      const { roster, source, findings } = readRoster({
        file: '名册.xlsx',
        sheets: [{ name: '名册', rows: [['姓名', header], ...NAMES.map((n) => [n, cells[n] ?? null])], merges: [] }],
      });
      expect(findings).toEqual([]);
      return run(BAD, roster, source);
    }
    const byName = (r: ReturnType<typeof run>, n: string) => r.subjects.find((s) => s.name === n)!;

    it.each([
      ['是否预备党员', { 于洋: '是', 马丽: '否', 方圆: '否' }],
      ['是否预备党员（是/否）', { 于洋: '是', 马丽: '否' }],
      ['预备党员', { 于洋: '√' }],
      ['是否为预备党员', { 于洋: '√', 马丽: '/' }],
      ['是否转正', { 于洋: '否', 马丽: '是', 方圆: '已转正' }],
      ['是否正式党员', { 于洋: '否', 马丽: '是' }],
    ])('%s: the 预备党员 gets no tier, the column quoted in the reason', (header, cells) => {
      const r = fromFile(header, cells as Record<string, CellValue>);
      const yu = byName(r, '于洋');
      expect([yu.tier, yu.flags]).toEqual([null, ['不定等次']]);
      expect(yu.reasons[0]).toMatch(/^预备党员参加评议，但不确定等次，不参加排名（名册「.+」：.+）$/);
      expect(tiers(r)['马丽']).toBe('优秀党员');
      expect(tiers(r)['方圆']).toBe('优秀党员');
      expect(tiers(r)['石磊']).toBe('未评为优秀党员');
      expect(r.findings.some((f) => f.code === 'ROSTER_CATEGORY_UNCLEAR')).toBe(false);
    });

    it('an answer that is neither yes nor no (待定; a / under 是否转正) is not read: graded, and a warning names the cell', () => {
      const r = fromFile('是否转正', { 于洋: '待定', 马丽: '/' });
      // Not read either way: 于洋 and 马丽 keep their places (100%, 95%), and both are asked about.
      expect([tiers(r)['于洋'], tiers(r)['马丽']]).toEqual(['优秀党员', '优秀党员']);
      const f = r.findings.filter((x) => x.code === 'ROSTER_CATEGORY_UNCLEAR');
      expect(f.map((x) => [x.subject, x.severity, x.file, x.sheet, x.cell])).toEqual([
        ['于洋', 'warning', '名册.xlsx', '名册', 'B2'],
        ['马丽', 'warning', '名册.xlsx', '名册', 'B3'],
      ]);
      expect(f[0].message).toBe('「于洋」名册「是否转正」栏的「待定」不能读作“是”或“否”，未据此确定是否预备党员（预备党员不定等次）；请在该栏填「是」或「否」后重新计算');
      expect(byName(r, '于洋').reasons).toContain('名册「是否转正」栏的「待定」不能读作“是”或“否”，未据此确定是否预备党员（预备党员不定等次），请核实');
    });
  });
});

describe('P5 满意率 per form: 附表2 (members on a candidate) and 附表3 (service users on a window post) are judged apart', () => {
  // 窗口 gets 满意 on all 4 items of 2 附表2 ballots (8/8 = 100%) and 不满意 on all 4 items of 2 附表3 ballots (0/8 = 0%).
  // Pooled that would be 8/16 = 50%; what matters is 附表3 0/8 = 0% < 60% → 满意度低, and 附表2 100% ≥ 90% is no excuse.
  // 甲 gets 满意 everywhere on 附表2 (8/8) and is not a window post (no 附表3).
  const roster: RosterEntry[] = [{ name: '窗口', window: true }, { name: '甲' }];
  const a2 = (i: number) =>
    submission(`附表2-${i}.xlsx`, annex2Sheet('推荐表', { branch: '机关', rows: [{ name: '窗口', marks: [S, S, S, S], recommend: true }, { name: '甲', marks: [S, S, S, S] }] }));
  const a3 = (i: number) => submission(`附表3-${i}.xlsx`, annex3Sheet('测评表', { unit: `单位${i}`, blocks: [{ name: '窗口', marks: [DS, DS, DS, DS] }] }));
  const result = runCampaign({ scheme, roster, submissions: [a2(1), a2(2), a3(1), a3(2)], today: '2026-12-01' });
  const w = result.subjects.find((x) => x.name === '窗口')!;

  it('the window post at 0% on 附表3 is 满意度低 (需整改, on the 整改清单) though 附表2 gives 100%', () => {
    expect(w.tier).toBe('未评为优秀党员');
    expect(w.flags).toContain('需整改');
    expect(w.vetoes.map((v) => [v.id, v.text])).toEqual([['low-satisfaction', '附表3 0/8 = 0.00%（4 个评价项目的票合计），符合「『满意』『比较满意』票得票率不满60%」']]);
    expect(result.rectification.map((r) => r.subject)).toEqual(['窗口']);
  });

  it('keeps each form\'s 满意率 (附表2 8/8, 附表3 0/8) beside the pooled figure (8/16, kept for JSON readers)', () => {
    expect(w.satisfactionByForm).toEqual([
      { form: '优秀党员民主评议推荐表', label: '附表2', votes: 8, valid: 8, share: '100.00%' },
      { form: '窗口服务岗位群众满意度测评表', label: '附表3', votes: 0, valid: 8, share: '0.00%' },
    ]);
    expect(w.satisfaction).toEqual({ votes: 8, valid: 16, share: '50.00%' });
  });

  it('the summary shows 满意率 per form for the window post, one figure for 甲 (rated on 附表2 only)', () => {
    const lines = summaryText(result).split('\n');
    expect(lines.find((l) => l.includes('窗口') && l.includes('需整改'))).toContain('附表2 100.00%，附表3 0.00%');
    expect(lines.find((l) => /\s甲\s/.test(l))).toContain('100.00%');
    expect(lines.find((l) => /\s甲\s/.test(l))).not.toContain('附表3');
  });

  it('得票情况 gives one row per person and form, each with that form\'s 满意率; 排名表 says its share is 附表2\'s', () => {
    const sheet = describeVotes(result)!;
    const rows = sheet.cells.map((row) => row.map((c) => c.text ?? c.value));
    const head = rows.findIndex((row) => row[0] === '序号' && row[2] === '表');
    expect(head).toBeGreaterThan(0);
    const sat = rows[head].indexOf('满意率');
    const body = rows.slice(head + 1).filter((row) => row[1] === '窗口' || row[1] === '甲');
    expect(body.map((row) => [row[1], row[2], row[3], row[sat]])).toEqual([
      ['甲', '附表2', '8', '100.00%'],
      ['窗口', '附表2', '8', '100.00%'],
      ['窗口', '附表3', '8', '0.00%'],
    ]);
    expect(describeRanking(result).cells.flat().map((c) => c.value)).toContain('附表2满意+比较满意得票率');
  });
});

describe('a veto condition for window posts only (appliesTo: window) fires on no one else', () => {
  it('a non-window member with no 附表3 is not 满意度低 by a window-only rule', () => {
    const s = structuredClone(scheme);
    s.vetoes = [{ id: 'w', name: '窗口满意度低', when: [{ kind: 'share', levels: ['满意', '比较满意'], op: '<', value: 60, forms: ['window-satisfaction'], appliesTo: 'window' }], effect: { kind: 'note', text: '限期整改' }, cite: '测试' }];
    s.consequences = [];
    const sheet = annex2Sheet('推荐表', { branch: '机关', rows: [{ name: '甲', marks: [S, S, S, S] }] });
    const r = runCampaign({ scheme: loadScheme(s), roster: [{ name: '甲' }], submissions: [submission('附表2.xlsx', sheet)], today: '2026-12-01' });
    // The condition "holds" for a non-window post (so a tier rule passes it), but it concerns no one here.
    expect(r.subjects[0].vetoes).toEqual([]);
    expect(r.subjects[0].flags).not.toContain('需关注');
  });
});

describe('P5 quota over a roster of candidates only (四、2(1) 本支部党员人数的20%)', () => {
  const roster: RosterEntry[] = [{ name: '李娜' }, { name: '张敏' }];
  const ballots = [0, 1, 2].map((i) =>
    submission(`附表2-${i + 1}.xlsx`, annex2Sheet('推荐表', { branch: '机关', rows: roster.map((r) => ({ name: r.name, marks: [S, S, S, S] })) })),
  );

  it('a quota of floor(20% × 2) = 0 while both qualify is an error that says what to do', () => {
    const r = runCampaign({ scheme, roster, submissions: ballots, today: '2026-12-01' });
    const zero = r.findings.find((f) => f.code === 'QUOTA_ZERO')!;
    expect(zero.severity).toBe('error');
    expect(zero.message).toContain('名额为 0，2 人符合「优秀党员」条件');
    expect(zero.message).toContain('请在方案中填写党员人数（命令行：--members）');
  });

  it('with the branch\'s 党员人数 (10: quota 2), both are 优秀党员 and nothing is said of the quota', () => {
    const r = runCampaign({ scheme: { ...scheme, memberCount: 10 }, roster, submissions: ballots, today: '2026-12-01' });
    expect(r.subjects.map((s) => s.tier)).toEqual(['优秀党员', '优秀党员']);
    expect(r.findings.map((f) => f.code).filter((c) => c.startsWith('QUOTA'))).toEqual([]);
  });
});

describe('P5 quota per 支部 when one roster holds several (四、2(1) 本支部党员人数的20%)', () => {
  // 第一支部 甲一…甲五, 第二支部 乙一…乙五; each 支部 rates its own candidates (四、2 在本支部范围内): ten 附表2
  // ballots per 支部 (40 item-marks each person).
  // 满意 of 40: 甲一 40, 甲二 39, 甲三 38, 甲四 37, 甲五 36; 乙一 36 (90%), 乙二…乙五 30 (75%).
  const first = ['甲一', '甲二', '甲三', '甲四', '甲五'];
  const second = ['乙一', '乙二', '乙三', '乙四', '乙五'];
  const bad: Record<string, number> = { 甲一: 0, 甲二: 1, 甲三: 2, 甲四: 3, 甲五: 4, 乙一: 4, 乙二: 10, 乙三: 10, 乙四: 10, 乙五: 10 };
  const roster: RosterEntry[] = [...first.map((name) => ({ name, unit: '第一支部' })), ...second.map((name) => ({ name, unit: '第二支部' }))];
  const subs = (['第一支部', '第二支部'] as const).flatMap((branch) =>
    Array.from({ length: 10 }, (_, i) =>
      submission(
        `附表2-${branch}-${i + 1}.xlsx`,
        annex2Sheet('推荐表', {
          branch,
          rows: roster.filter((p) => p.unit === branch).map((p) => ({ name: p.name, marks: [0, 1, 2, 3].map((j) => (i * 4 + j < bad[p.name] ? BS : S)) })),
        }),
      ),
    ),
  );
  const r = runCampaign({ scheme, roster, submissions: subs, today: '2026-12-01' });
  const tier = (n: string) => r.subjects.find((s) => s.name === n)!.tier;

  it('gives each 支部 floor(20% × 5) = 1 place: 甲一 and 乙一, not 甲一 and 甲二', () => {
    expect(tier('甲一')).toBe('优秀党员');
    expect(tier('乙一')).toBe('优秀党员');
    expect(['甲二', '甲三', '甲四', '甲五'].map(tier)).toEqual(['未评为优秀党员', '未评为优秀党员', '未评为优秀党员', '未评为优秀党员']);
    expect(r.subjects.find((s) => s.name === '甲二')!.reasons.join('')).toContain('第一支部：「优秀党员」不超过 5 人的 20%（向下取整为 1 人）');
  });

  it('says the base is each 支部\'s roster count, for the clerk to check', () => {
    const said = r.findings.filter((f) => f.code === 'QUOTA_BASE_ASSUMED').map((f) => f.message);
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('名册中有 2 个单位');
    expect(said[0]).toContain('第一支部 5 人、第二支部 5 人');
    expect(said[0]).toContain('或按单位给出党员人数（命令行：--members 第一支部=人数,第二支部=人数）');
  });

  it('with 党员人数 per 支部 ({第一支部: 10, 第二支部: 5}) each counts from its own: 第一支部 floor(20% × 10) = 2 places', () => {
    const counted = runCampaign({ scheme: { ...scheme, memberCount: { 第一支部: 10, 第二支部: 5 } }, roster, submissions: subs, today: '2026-12-01' });
    const t = (n: string) => counted.subjects.find((s) => s.name === n)!.tier;
    // 第一支部: 甲一 100%, 甲二 97.5% keep it; 甲三 95% and below move down. 第二支部: floor(20% × 5) = 1: 乙一.
    expect([...first, ...second].map(t)).toEqual(['优秀党员', '优秀党员', '未评为优秀党员', '未评为优秀党员', '未评为优秀党员', '优秀党员', '未评为优秀党员', '未评为优秀党员', '未评为优秀党员', '未评为优秀党员']);
    expect(counted.subjects.find((s) => s.name === '甲三')!.reasons.join('')).toContain('第一支部：「优秀党员」不超过 10 人的 20%（向下取整为 2 人）');
    expect(counted.findings.map((f) => f.code).filter((c) => c.startsWith('QUOTA'))).toEqual([]);
  });

  it('a quota over everyone (not per unit) counts the units\' numbers added: floor(20% × (10 + 5)) = 3 places', () => {
    const whole = structuredClone(scheme);
    delete whole.quotas[0].per;
    const r2 = runCampaign({ scheme: { ...whole, memberCount: { 第一支部: 10, 第二支部: 5 } }, roster, submissions: subs, today: '2026-12-01' });
    // 甲一 100%, 甲二 97.5%, 甲三 95% keep it; 甲四 92.5%, 甲五 and 乙一 90% move down.
    expect(r2.subjects.filter((s) => s.tier === '优秀党员').map((s) => s.name)).toEqual(['甲一', '甲二', '甲三']);
    expect(r2.subjects.find((s) => s.name === '甲四')!.reasons.join('')).toContain('「优秀党员」不超过 15 人的 20%（向下取整为 3 人）');
  });

  it('a 支部 left out of the per-unit 党员人数 counts its roster, and only it is said', () => {
    const part = runCampaign({ scheme: { ...scheme, memberCount: { 第一支部: 10 } }, roster, submissions: subs, today: '2026-12-01' });
    expect(part.findings.filter((f) => f.code === 'QUOTA_BASE_ASSUMED').map((f) => f.message)).toEqual([
      '名册中有 2 个单位，「优秀党员」的名额按各单位分别计算，方案中的党员人数未列出「第二支部」；「第二支部」人数按名册计算（第二支部 5 人），请核实名册列全了「第二支部」的党员，或按单位给出党员人数（命令行：--members 第一支部=人数,第二支部=人数）（《民主评议党员实施方案》 四、2(1) 优秀党员的评选比例为本支部党员人数的20%）',
    ]);
    expect(part.subjects.find((s) => s.name === '甲二')!.tier).toBe('优秀党员');
  });

  it('a unit the roster does not have, or a per-unit count on a roster without units, refuses the run', () => {
    expect(() => runCampaign({ scheme: { ...scheme, memberCount: { 第一支部: 10, 第三支部: 8 } }, roster, submissions: subs, today: '2026-12-01' })).toThrow(
      '党员（成员）人数（memberCount，命令行 --members）中的「第三支部」不是名册中的单位（名册中的单位：第一支部、第二支部）；请照名册单位栏的写法填写',
    );
    const noUnits = roster.map(({ name }) => ({ name }));
    expect(() => runCampaign({ scheme: { ...scheme, memberCount: { 第一支部: 10 } }, roster: noUnits, submissions: subs, today: '2026-12-01' })).toThrow(SchemeError);
  });
});

describe('P5 two 支部 whose rosters list the candidates only: one 党员人数 is set aside and not asked for again', () => {
  // 3 candidates in each 支部, all 100% on three 附表2 ballots of their own 支部 (附表2 is held per 支部; 4 item-marks
  // each: 12/12).
  const roster: RosterEntry[] = ['赵敏', '钱进', '孙丽', '李强', '周杰', '吴芳'].map((name, i) => ({ name, unit: i < 3 ? '第一支部' : '第二支部' }));
  const subs = ['第一支部', '第二支部'].flatMap((unit) =>
    [0, 1, 2].map((i) =>
      submission(`附表2-${unit}-${i + 1}.xlsx`, annex2Sheet('推荐表', { branch: unit, rows: roster.filter((p) => p.unit === unit).map((p) => ({ name: p.name, marks: [S, S, S, S] })) })),
    ),
  );

  it('--members 20: each 支部 floor(20% × 3) = 0; QUOTA_ZERO asks for one number per 支部, not for --members again', () => {
    const r = runCampaign({ scheme: { ...scheme, memberCount: 20 }, roster, submissions: subs, today: '2026-12-01' });
    const zero = r.findings.filter((f) => f.code === 'QUOTA_ZERO').map((f) => f.message);
    expect(zero).toHaveLength(2);
    expect(zero[0]).toContain('方案中的党员人数 20 只有一个，不能作为各单位的人数，请按单位给出（命令行：--members 第一支部=人数,第二支部=人数）后重新计算');
    expect(zero.join('')).not.toContain('（命令行：--members）');
  });

  it('--members 第一支部=12,第二支部=15: floor(2.4) = 2 and floor(3) = 3 places, so 2 of 第一支部 (all tied at 100%: 名额并列) and all 3 of 第二支部', () => {
    const r = runCampaign({ scheme: { ...scheme, memberCount: { 第一支部: 12, 第二支部: 15 } }, roster, submissions: subs, today: '2026-12-01' });
    const t = Object.fromEntries(r.subjects.map((s) => [s.name, s.tier]));
    expect(t).toEqual({ 赵敏: null, 钱进: null, 孙丽: null, 李强: '优秀党员', 周杰: '优秀党员', 吴芳: '优秀党员' });
    expect(r.findings.filter((f) => f.code === 'QUOTA_TIE')).toHaveLength(3);
    expect(r.findings.some((f) => f.code === 'QUOTA_ZERO' || f.code === 'QUOTA_BASE_ASSUMED')).toBe(false);
  });
});
