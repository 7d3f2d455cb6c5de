/**
 * Keeping staff edits in the 整改清单 across re-runs (merge-rectification.ts): the new description
 * of this run's results plus the old sheet as read back from the workbook.
 */
import { runCampaign } from '../../engine';
import { CellValue, SheetGrid } from '../../forms/grid';
import { getPreset } from '../../presets';
import { opensAsWritten } from '../../rectification/rectification';
import { RosterEntry } from '../../roster/roster';
import { Scheme } from '../../scheme/scheme-schema';
import { buildRectificationSheet, describeRectification } from '../describe-rectification';
import { GONE_MARK, UNSURE_MARK, gridRectificationLayout, mergeRectificationEdits, rectificationDateProblems, rectificationNotices } from '../merge-rectification';
import { SheetDescription, checkSheetDescription } from '../sheet-description';

const roster: RosterEntry[] = [
  { name: '王芳', unit: '办公室', category: '正职' },
  { name: '张伟', unit: '营业部', category: '副职', flags: { 事故: '分管网点发生责任事故' } },
  { name: '丁小强', unit: '办公室', category: '副职' },
];

/**
 * p4 篇六 with a 30-day 整改 for 不称职, so there are 整改清单 rows to work on. The preset's own consequence is the
 * 党委's decision on the post (seed 003 篇六 三、(六)), no 整改清单 item.
 */
function withRectification(scheme: Scheme): Scheme {
  return { ...scheme, consequences: [{ tiers: ['不称职'], action: '约谈提醒、限期整改', rectifyWithinDays: 30, cite: '测试：整改期限 30 天' }] };
}

function rectification(scores: [number, number, number]): SheetDescription {
  const sheet = (group: string): SheetGrid => ({
    name: 'Sheet1',
    rows: [['干部岗位测评表'], [`测评人类别：${group}`], ['姓名', '测评得分'], ['王芳', scores[0]], ['张伟', scores[1]], ['丁小强', scores[2]]],
    merges: [],
  });
  const result = runCampaign({ scheme: withRectification(getPreset('p4-middle-managers')), roster, today: '2026-12-01', submissions: [{ file: 'a', sheets: [sheet('干部')] }, { file: 'b', sheets: [sheet('员工')] }] });
  return describeRectification(result);
}

/** The sheet as a grid read back from Excel, after `edit` changed it the way staff would. */
function readBack(d: SheetDescription, edit: (rows: CellValue[][]) => void = () => undefined): SheetGrid {
  const rows: CellValue[][] = d.cells.map((row) => row.map((c) => (c.value === '' ? null : c.value)));
  edit(rows);
  return { name: '整改清单', rows, merges: d.merges };
}

const table = (d: SheetDescription) => d.cells.map((row) => row.map((c) => c.value));
const col = (d: SheetDescription, label: string) => d.cells[2].findIndex((c) => c.value === label);

describe('mergeRectificationEdits', () => {
  // 张伟 (veto) and 丁小强 (60 → 不称职) need rectification.
  const first = rectification([90, 80, 60]);
  const [M, R, S, D, B] = ['整改措施', '责任人', '整改状态', '完成时间', '依据'].map((l) => col(first, l));

  it('is the new description unchanged when nothing was edited', () => {
    expect(table(mergeRectificationEdits(first, readBack(first)))).toEqual(table(first));
  });

  it('copies measures, responsible person and status for the same subject and problem, even after staff sorted the rows', () => {
    const old = readBack(first, (rows) => {
      rows[3][M] = '每月向党委报告整改进展';
      rows[3][S] = '已销号';
      rows[4][R] = '办公室主任';
      [rows[3], rows[4]] = [rows[4], rows[3]]; // sorted by the filter
    });
    const merged = mergeRectificationEdits(first, old);
    expect(table(merged).slice(3).map((r) => [r[1], r[R], r[M], r[S]])).toEqual([
      ['张伟', '张伟', '每月向党委报告整改进展', '已销号'],
      ['丁小强', '办公室主任', '', '整改中'], // the describer leaves 整改措施 as an empty text
    ]);
    expect(checkSheetDescription(merged)).toEqual([]);
  });

  it('finds columns by label: staff may rename (措施, 状态, 完成日期), space out and move columns around', () => {
    const next = rectification([90, 80, 60]);
    const t = table(next);
    const old: SheetGrid = {
      name: '整改清单',
      rows: [
        ['整改清单'],
        ['依据', '被 评 议 对 象', '存在问题', '措施', '状态', '完成日期', '单 位', '整改要求'],
        [t[4][B], '丁小强', t[4][3], '调整分工', '已销号', '2027-01-15', '办公室', t[4][4]],
      ],
      merges: [],
    };
    const merged = mergeRectificationEdits(next, old);
    const row = table(merged)[4];
    // 完成日期 2027-01-15 comes back a date: 46395 (2027-01-08) + 7.
    expect([row[1], row[M], row[S], row[D], row[B]]).toEqual(['丁小强', '调整分工', '已销号', 46402, t[4][B]]);
    expect(table(merged)[2]).toEqual(table(next)[2]); // every column of the old sheet is one of ours: none added
  });

  it('keeps a row gone from the results when staff worked on it, marked, numbered on, with dropdown and filter extended', () => {
    const old = readBack(first, (rows) => {
      rows[4][M] = '调整岗位';
    });
    // Next run: 丁小强 scores 70 (基本称职, no rectification); 张伟 stays.
    const next = rectification([90, 80, 70]);
    const merged = mergeRectificationEdits(next, old);
    const rows = table(merged).slice(3);
    expect(rows.map((r) => [r[0], r[1], r[M]])).toEqual([
      [1, '张伟', ''],
      [2, '丁小强', '调整岗位'],
    ]);
    expect(String(rows[1][B]).startsWith(GONE_MARK)).toBe(true);
    expect(merged.validations.map((v) => [v.range.r1, v.range.r2, v.range.c1])).toEqual([[3, 4, S]]);
    expect(merged.autoFilter).toEqual({ r1: 2, c1: 0, r2: 4, c2: 10 });
    expect(checkSheetDescription(merged)).toEqual([]);

    // A third run: still gone, still kept, not marked twice; back in the results, matched normally.
    const third = mergeRectificationEdits(next, readBack(merged));
    expect(String(table(third)[4][B]).split(GONE_MARK)).toHaveLength(2);
    const back = mergeRectificationEdits(first, readBack(merged));
    expect(table(back).slice(3).map((r) => [r[1], r[M], String(r[B]).startsWith(GONE_MARK)])).toEqual([
      ['张伟', '', false],
      ['丁小强', '调整岗位', false],
    ]);
  });

  it('drops a gone row that only holds what the add-in wrote', () => {
    const next = rectification([90, 80, 70]);
    expect(table(mergeRectificationEdits(next, readBack(first))).slice(3).map((r) => r[1])).toEqual(['张伟']);
  });

  it('when this run has no items at all, kept rows go above a note that says what they are, with a dropdown of their own', () => {
    // 张伟's veto always calls for rectification in this preset: the describer's empty layout, by hand.
    const empty = buildRectificationSheet({ title: '中层干部述职考核整改清单', subtitle: '（问题清单、责任清单、整改清单）', schemeId: 'p4-middle-managers', addedHeaders: [], rows: [] });
    expect(table(empty)[3][0]).toBe('本次评议没有需要整改的事项。');
    const old = readBack(first, (rows) => {
      rows[3][S] = '已销号';
    });
    const merged = mergeRectificationEdits(empty, old);
    const t = table(merged);
    expect(t[3][1]).toBe('张伟');
    expect(t[4][0]).toBe('本次评议结果中没有需要整改的事项；以上 1 项是此前整改清单中已填写整改情况、本次结果中已无的事项，保留备查。');
    expect(t.flat()).not.toContain('本次评议没有需要整改的事项。');
    expect(merged.merges).toContainEqual({ r1: 4, c1: 0, r2: 4, c2: 10 });
    expect(merged.validations).toEqual([expect.objectContaining({ kind: 'list', range: { r1: 3, c1: S, r2: 3, c2: S }, values: ['整改中', '已销号'] })]);
    expect(checkSheetDescription(merged)).toEqual([]);
  });

  it('tells two items of one subject apart by their rule (整改要求), not by order', () => {
    // One subject, two consequences with the same problem text (e.g. 约谈提醒 and 限期整改).
    const twice: SheetDescription = { ...first, cells: [...first.cells.slice(0, 4), first.cells[3].map((c) => ({ ...c })), ...first.cells.slice(4)] };
    twice.cells[4][4] = { value: '另一项整改要求', style: 'wrap' };
    const old = readBack(twice, (rows) => {
      rows[4][M] = '第二项的措施';
    });
    const merged = mergeRectificationEdits(twice, old);
    expect(table(merged).slice(3, 5).map((r) => [r[1], r[4] === '另一项整改要求', r[M]])).toEqual([
      ['张伟', false, ''],
      ['张伟', true, '第二项的措施'],
    ]);
  });

  it('recognises only sheets with a 被评议对象 / 存在问题 header', () => {
    expect(gridRectificationLayout({ name: 'x', rows: [['随便写的'], ['姓名', '问题']], merges: [] })).toBeNull();
    expect(gridRectificationLayout(readBack(first))?.header).toBe(2);
    const other: SheetGrid = { name: 'x', rows: [['别的表']], merges: [] };
    expect(mergeRectificationEdits(first, other)).toBe(first);
  });
});

/**
 * P3 (seed 002 第五篇 三、5): 不合格 when 不合格 votes are more than 50%, once → 警示谈话 within 30 days. Three
 * ballots, each marking the `failing` people 不合格 (3/3 = 100% > 50%) and the others 合格 (0/3).
 */
const P3 = getPreset('p3-community-consecutive');
const P3_CITE = '《霍尔奇社区“勤廉双述双评”活动工作方案》三、5：一次被评为不合格的，予以警示谈话；整改期限为本预设默认 30 天';
function p3List(people: RosterEntry[], failing: (p: RosterEntry) => boolean, nameOn = (p: RosterEntry) => p.name): SheetDescription {
  const withUnit = people.some((p) => p.unit);
  const sheet: SheetGrid = {
    name: '评议票',
    rows: [
      ['社区“两委”干部勤廉双述双评评议票'],
      ['测评人类别：与会人员'],
      ['序号', '姓名', ...(withUnit ? ['单位'] : []), '合格', '不合格'],
      ...people.map((p, i) => [i + 1, nameOn(p), ...(withUnit ? [p.unit ?? null] : []), failing(p) ? null : '√', failing(p) ? '√' : null]),
    ],
    merges: [],
  };
  const result = runCampaign({ scheme: P3, roster: people, submissions: [1, 2, 3].map((n) => ({ file: `票${n}.xlsx`, sheets: [sheet] })), today: '2026-12-01' });
  return describeRectification(result);
}
const KEJI = { name: '王伟', unit: '科技部' };
const BANGONG = { name: '王伟', unit: '办公室' };
const LIQIANG = { name: '李强', unit: '科技部' };
/** The table rows of a 整改清单 by column: 被评议对象, 单位, 存在问题, 责任人, 整改措施, 整改状态, 依据 (fresh, gone or unsure). */
function items(d: SheetDescription): Record<string, CellValue>[] {
  const t = table(d);
  const h = t.findIndex((r) => r.includes('被评议对象'));
  const at = (label: string) => t[h].indexOf(label);
  const out: Record<string, CellValue>[] = [];
  for (let r = h + 1; r < t.length && t[r][1] !== null && t[r][1] !== ''; r++) {
    const basis = String(t[r][at('依据')]);
    const mark = basis.startsWith(GONE_MARK) ? 'gone' : basis.startsWith(UNSURE_MARK) ? 'unsure' : basis === P3_CITE ? 'fresh' : basis;
    out.push({ 序号: t[r][0], 被评议对象: t[r][1], 单位: t[r][at('单位')], 存在问题: t[r][at('存在问题')], 责任人: t[r][at('责任人')], 整改措施: t[r][at('整改措施')], 整改状态: t[r][at('整改状态')], 依据: mark });
  }
  return out;
}
/** The clerk's typing into the row of `name` / `unit` of a sheet read back. */
function typed(d: SheetDescription, who: { name: string; unit?: string }, cells: Record<string, CellValue>, also: (rows: CellValue[][]) => void = () => undefined): SheetGrid {
  return readBack(d, (rows) => {
    const h = rows.findIndex((r) => r.includes('被评议对象'));
    const r = rows.findIndex((row, i) => i > h && row[1] === who.name && (who.unit === undefined || row[2] === who.unit));
    if (r < 0) throw new Error(`no row for ${who.name}`);
    for (const [label, v] of Object.entries(cells)) rows[r][rows[h].indexOf(label)] = v;
    also(rows);
  });
}
const open = (who: { name: string; unit?: string }, n: number) => ({ 序号: n, 被评议对象: who.name, 单位: who.unit ?? null, 存在问题: '评议等次为「不合格」', 责任人: who.name, 整改措施: '', 整改状态: '整改中', 依据: 'fresh' });

describe('重名: staff edits stay with the person (name and 单位), never with a namesake', () => {
  const roster = [KEJI, BANGONG, LIQIANG];

  it('the closed item of 王伟（科技部） does not close the fresh one of 王伟（办公室）; it is kept, marked as gone from the results', () => {
    const run1 = p3List(roster, (p) => p === KEJI);
    expect(items(run1)).toEqual([open(KEJI, 1)]);
    const old = typed(run1, KEJI, { 整改措施: '科技部王伟：提交整改报告', 责任人: '科技部 部长', 整改状态: '已销号' });
    // A corrected count: now 王伟（办公室） fails and 王伟（科技部） passes.
    const merged = mergeRectificationEdits(p3List(roster, (p) => p === BANGONG), old);
    expect(items(merged)).toEqual([
      open(BANGONG, 1),
      { ...open(KEJI, 2), 责任人: '科技部 部长', 整改措施: '科技部王伟：提交整改报告', 整改状态: '已销号', 依据: 'gone' },
    ]);
  });

  it('says what a host should tell the clerk: rows kept undecided, rows kept as gone; nothing for a plain re-run', () => {
    const run1 = p3List(roster, (p) => p === KEJI);
    expect(rectificationNotices(run1)).toEqual([]);
    const gone = mergeRectificationEdits(p3List(roster, (p) => p === BANGONG), typed(run1, KEJI, { 整改状态: '已销号' }));
    expect(rectificationNotices(gone, '整改清单(2)')).toEqual(['「整改清单(2)」保留了 1 行已填写整改情况、但本次结果中已无的事项，依据栏注明「本次结果中已无此项」。']);
    const unsure = mergeRectificationEdits(p3List(roster, (p) => p === BANGONG), typed(run1, KEJI, { 单位: null, 整改状态: '已销号' }));
    expect(rectificationNotices(unsure)).toEqual([
      '「整改清单」中有 1 行原有整改记录无法确定对应本次结果中的哪一项（重名、单位不符或同一项有多行），已保留在表末，依据栏已注明，请核对后并入相应行或删除。',
    ]);
  });

  it('with both failing and the 名册 re-sorted, each keeps his own edits', () => {
    const run1 = p3List(roster, (p) => p.name === '王伟');
    const old = typed(run1, BANGONG, { 整改措施: '办公室王伟：整改报告', 整改状态: '已销号' });
    const merged = mergeRectificationEdits(p3List([BANGONG, KEJI, LIQIANG], (p) => p.name === '王伟'), old);
    expect(items(merged)).toEqual([{ ...open(BANGONG, 1), 整改措施: '办公室王伟：整改报告', 整改状态: '已销号' }, open(KEJI, 2)]);
  });

  it('an old row whose 单位 was cleared is no one\'s for sure: the namesakes start afresh and the row is kept for the clerk to decide', () => {
    const run1 = p3List(roster, (p) => p === KEJI);
    const old = typed(run1, KEJI, { 单位: null, 整改措施: '提交整改报告', 整改状态: '已销号' });
    const marked = { ...open({ name: '王伟' }, 2), 整改措施: '提交整改报告', 整改状态: '已销号', 依据: 'unsure' };
    // Only the other 王伟 fails this time: the row may be his or the one who no longer fails.
    expect(items(mergeRectificationEdits(p3List(roster, (p) => p === BANGONG), old))).toEqual([open(BANGONG, 1), marked]);
    // Both fail: either could be meant.
    expect(items(mergeRectificationEdits(p3List(roster, (p) => p.name === '王伟'), old))).toEqual([open(KEJI, 1), open(BANGONG, 2), { ...marked, 序号: 3 }]);
  });

  it('namesakes without a unit are named with the roster\'s note (王伟（党委书记）), which tells whose an edit is', () => {
    const shuji = { name: '王伟', flags: { 名册备注: '党委书记' } };
    const zhuren = { name: '王伟', flags: { 名册备注: '居委会主任' } };
    const people = [shuji, zhuren, { name: '李强' }];
    const onBallot = (p: RosterEntry) => (p.flags ? `王伟（${p.flags.名册备注}）` : p.name);
    const run1 = p3List(people, (p) => p === shuji, onBallot);
    expect(items(run1).map((r) => [r.被评议对象, r.单位])).toEqual([['王伟（党委书记）', '']]);
    const old = typed(run1, { name: '王伟（党委书记）' }, { 整改措施: '书记：整改报告', 整改状态: '已销号' });
    const merged = mergeRectificationEdits(p3List(people, (p) => p === zhuren, onBallot), old);
    expect(items(merged).map((r) => [r.被评议对象, r.整改措施, r.整改状态, r.依据])).toEqual([
      ['王伟（居委会主任）', '', '整改中', 'fresh'],
      ['王伟（党委书记）', '书记：整改报告', '已销号', 'gone'],
    ]);
  });

  it('two worked rows for one item are neither carried into it: both kept for the clerk', () => {
    const run1 = p3List(roster, (p) => p === KEJI);
    const old = typed(run1, KEJI, { 整改措施: '第一项措施' }, (rows) => {
      rows.splice(4, 0, [...rows[3]]);
      rows[4][6] = '第二项措施';
    });
    expect(items(mergeRectificationEdits(run1, old)).map((r) => [r.序号, r.整改措施, r.依据])).toEqual([
      [1, '', 'fresh'],
      [2, '第一项措施', 'unsure'],
      [3, '第二项措施', 'unsure'],
    ]);
  });

  it('without namesakes a row is matched with no 单位 on either side (a roster without units)', () => {
    const people = [{ name: '张伟' }, { name: '李强' }];
    const run1 = p3List(people, (p) => p.name === '张伟');
    const old = typed(run1, { name: '张伟' }, { 整改措施: '公开承诺', 整改状态: '已销号' });
    expect(items(mergeRectificationEdits(run1, old))).toEqual([{ ...open({ name: '张伟' }, 1), 单位: '', 整改措施: '公开承诺', 整改状态: '已销号' }]);
  });
});

describe('完成时间 and the columns staff add', () => {
  const people = [{ name: '张伟', unit: '霍尔奇社区' }, { name: '李强', unit: '霍尔奇社区' }];
  const zhang = people[0];
  const run1 = p3List(people, (p) => p === zhang);

  it('has a 完成时间 column, blank, between 整改状态 and 依据', () => {
    const t = table(run1);
    expect(t[2]).toEqual(['序号', '被评议对象', '单位', '存在问题', '整改要求', '责任人', '整改措施', '整改时限', '整改状态', '完成时间', '依据']);
    // 整改时限 a real date: the serial of 2026-12-31 (2026-01-01 is 46023, + 364), shown 2026年12月31日.
    expect(t[3]).toEqual([1, '张伟', '霍尔奇社区', '评议等次为「不合格」', '警示谈话', '张伟', '', 46387, '整改中', null, P3_CITE]);
    expect(run1.cells[3][7]).toMatchObject({ numberFormat: 'yyyy"年"m"月"d"日"', text: '2026年12月31日' });
  });

  it('carries the 完成时间 and 备注 a clerk added to a sheet of the previous version (no 完成时间 column), by header', () => {
    // The previous version's columns: ours without 完成时间; the clerk added 完成时间 and 备注 at the right.
    const old = typed(run1, zhang, { 整改措施: '签订整改承诺书', 整改状态: '已销号' }, (rows) => {
      for (const row of rows) row.splice(9, 1);
      rows[2].push('完成时间', '备注');
      rows[3].push('2026-12-15', '街道已核实');
    });
    expect(old.rows[2]).toEqual(['序号', '被评议对象', '单位', '存在问题', '整改要求', '责任人', '整改措施', '整改时限', '整改状态', '依据', '完成时间', '备注']);
    const merged = mergeRectificationEdits(run1, old);
    const t = table(merged);
    expect(t[2]).toEqual(['序号', '被评议对象', '单位', '存在问题', '整改要求', '责任人', '整改措施', '整改时限', '整改状态', '完成时间', '依据', '备注']);
    // 2026-12-15 typed as text comes back a real date: 46387 − 16.
    expect(t[3]).toEqual([1, '张伟', '霍尔奇社区', '评议等次为「不合格」', '警示谈话', '张伟', '签订整改承诺书', 46387, '已销号', 46371, P3_CITE, '街道已核实']);
    expect(merged.columns).toHaveLength(12);
    expect(merged.autoFilter).toEqual({ r1: 2, c1: 0, r2: 3, c2: 11 });
    expect(merged.merges).toContainEqual({ r1: 0, c1: 0, r2: 0, c2: 11 }); // the title spans the 备注 column too
    expect(checkSheetDescription(merged)).toEqual([]);
    // And the next run keeps them where they now are.
    expect(table(mergeRectificationEdits(run1, readBack(merged)))).toEqual(t);
  });

  it('keeps a column of staff\'s without a header when a kept row has something in it, and an empty one without a header not', () => {
    const old = typed(run1, zhang, { 整改措施: '上门走访' }, (rows) => {
      rows[3][12] = '已电话回访';
    });
    const t = table(mergeRectificationEdits(run1, old));
    // Columns L (empty) and M (the note) have no header: M alone is carried, after 依据, its header blank as it was.
    expect(t[2].slice(11)).toEqual(['']);
    expect(t[3].slice(11)).toEqual(['已电话回访']);
  });

  it('prints one page wide at no less than 70% of landscape A4 with every column at its widest', () => {
    const long = '很长的文字'.repeat(12);
    const sheet = buildRectificationSheet({
      title: 'x',
      subtitle: 'y',
      schemeId: 'p3-community-consecutive',
      addedHeaders: [],
      rows: [{ fresh: true, added: [], values: { 被评议对象: long, 单位: long, 存在问题: long, 整改要求: long, 责任人: long, 整改措施: long, 整改时限: '2026-12-31', 整改状态: '已销号', 完成时间: '2026-12-15', 依据: long } }],
    });
    // By hand: 序号 from its bold header (2 × 2.15 × 1.1 + 2 → 7), 整改状态 likewise (4 × 2.15 × 1.1 + 2 → 12), the
    // others their maximum, the dates 15 (2026年12月31日: 8 digits + 3 characters of 2 = 14, with room):
    // 7 + 14 + 16 + 36 + 26 + 12 + 24 + 15 + 12 + 15 + 24 = 201.
    expect(sheet.columns.map((c) => c.width)).toEqual([7, 14, 16, 36, 26, 12, 24, 15, 12, 15, 24]);
    // Excel: a column is width × 7 + 5 px, 0.75 pt a px; landscape A4 less 0.5 in margins is 10.69 in = 769.7 pt.
    const points = sheet.columns.reduce((a, c) => a + (c.width * 7 + 5) * 0.75, 0);
    expect(points).toBe(1096.5); // (201 × 7 + 11 × 5) × 0.75
    expect(769.7 / points).toBeGreaterThan(0.7);
    expect(sheet.print).toMatchObject({ paper: 'A4', orientation: 'landscape', fitToWidth: true });
  });
});

describe('存在问题 written by staff: rows are matched by person and rule, not by its text', () => {
  const people = [{ name: '张伟', unit: '霍尔奇社区' }, { name: '李强', unit: '霍尔奇社区' }];
  const zhang = people[0];
  const run1 = p3List(people, (p) => p === zhang);
  const concrete = '群众反映办事拖拉、服务态度差';
  const withNote = `${concrete}（本次评议结果：评议等次为「不合格」）`;

  it('the same results again: one row, the clerk\'s problem kept (this run\'s finding after it), not called gone; a further run changes nothing', () => {
    const old = typed(run1, zhang, { 存在问题: concrete, 整改措施: '公开承诺，限期办结积压事项', 整改状态: '已销号' });
    const merged = mergeRectificationEdits(run1, old);
    expect(items(merged)).toEqual([{ ...open(zhang, 1), 存在问题: withNote, 整改措施: '公开承诺，限期办结积压事项', 整改状态: '已销号' }]);
    expect(table(mergeRectificationEdits(run1, readBack(merged)))).toEqual(table(merged));
  });

  it('the problem alone rewritten is staff work too, and a sheet of the previous version (no 完成时间) is matched the same way', () => {
    const old = typed(run1, zhang, { 存在问题: concrete }, (rows) => {
      for (const row of rows) row.splice(9, 1);
    });
    expect(items(mergeRectificationEdits(run1, old))).toEqual([{ ...open(zhang, 1), 存在问题: withNote }]);
  });

  it('an item gone from the results whose problem staff rewrote is kept (marked gone); what the results wrote is not', () => {
    const none = p3List(people, () => false);
    const kept = mergeRectificationEdits(none, typed(run1, zhang, { 存在问题: concrete }));
    expect(items(kept)).toEqual([{ ...open(zhang, 1), 存在问题: concrete, 整改措施: null, 依据: 'gone' }]); // a blank cell read back is null
    // Begins as the results write it: an earlier run's text, or staff's added to it, cannot be told apart; not kept.
    expect(items(mergeRectificationEdits(none, typed(run1, zhang, { 存在问题: '评议等次为「不合格」；群众反映办事拖拉' })))).toEqual([]);
    expect(['评议等次为「不合格」', '连续第 2 次被评为「不合格」', '一票否决：事故（分管网点发生责任事故）', concrete].map(opensAsWritten)).toEqual([true, true, true, false]);
    // Every problem the p4 campaign above writes opens as written.
    const firstProblems = table(rectification([90, 80, 60])).slice(3).map((r) => String(r[3]));
    expect(firstProblems.map(opensAsWritten)).toEqual([true, true]);
  });

  it('a problem that says this run\'s finding already is kept as it is; one emptied gets this run\'s text back', () => {
    const own = '评议等次为「不合格」；群众反映办事拖拉';
    expect(items(mergeRectificationEdits(run1, typed(run1, zhang, { 存在问题: own })))[0].存在问题).toBe(own);
    expect(items(mergeRectificationEdits(run1, typed(run1, zhang, { 存在问题: null, 整改措施: '走访' })))[0].存在问题).toBe('评议等次为「不合格」');
  });
});

describe('整改时限 and 完成时间 are dates, however staff typed them', () => {
  const people = [{ name: '张伟', unit: '霍尔奇社区' }, { name: '李强', unit: '霍尔奇社区' }, { name: '王芳', unit: '霍尔奇社区' }, { name: '赵敏', unit: '霍尔奇社区' }, { name: '孙丽', unit: '霍尔奇社区' }, { name: '周杰', unit: '霍尔奇社区' }];
  const all = p3List(people, () => true);
  const D = col(all, '完成时间');
  const rowOf = (d: SheetDescription, name: string) => d.cells.find((row) => row[1].value === name)!;

  it('reads 2027-1-8, 2027/01/08, 2027年1月8日, 2027.1.8 and a date serial (46395, a cell whose date format was lost) as 2027-01-08, written as a date cell', () => {
    const typedAs: Record<string, CellValue> = { 张伟: '2027-1-8', 李强: '2027/01/08', 王芳: '2027年1月8日', 赵敏: '2027.1.8', 孙丽: 46395 };
    const old = readBack(all, (rows) => {
      for (const row of rows) if (typeof row[1] === 'string' && row[1] in typedAs) row[D] = typedAs[row[1]];
    });
    const merged = mergeRectificationEdits(all, old);
    // By hand: 2027-01-08 is 46395 (calendar-date.test), shown 2027年1月8日.
    for (const name of Object.keys(typedAs)) expect([name, rowOf(merged, name)[D]]).toEqual([name, { value: 46395, style: 'center', numberFormat: 'yyyy"年"m"月"d"日"', text: '2027年1月8日' }]);
    expect(rowOf(merged, '周杰')[D].value).toBeNull();
    expect(rectificationDateProblems(old, '结果.xlsx')).toEqual([]);
    expect(checkSheetDescription(merged)).toEqual([]);
  });

  it('a 完成时间 that is no date (12月底, 2027-2-30) is kept as typed and said at its cell, with the person; not dropped', () => {
    const old = readBack(all, (rows) => {
      for (const row of rows) {
        if (row[1] === '张伟') row[D] = '12月底';
        if (row[1] === '李强') row[D] = '2027-2-30';
      }
    });
    const merged = mergeRectificationEdits(all, old);
    expect(rowOf(merged, '张伟')[D]).toEqual({ value: '12月底', style: 'center' });
    expect(rowOf(merged, '李强')[D]).toEqual({ value: '2027-2-30', style: 'center' });
    // 完成时间 is column J; 张伟 is on row 4 (title, subtitle, header, then the rows in roster order), 李强 row 5.
    expect(rectificationDateProblems(old, '结果.xlsx').map((f) => [f.code, f.severity, f.file, f.sheet, f.cell, f.subject])).toEqual([
      ['RECTIFICATION_DATE_UNREADABLE', 'warning', '结果.xlsx', '整改清单', 'J4', '张伟'],
      ['RECTIFICATION_DATE_UNREADABLE', 'warning', '结果.xlsx', '整改清单', 'J5', '李强'],
    ]);
    expect(rectificationDateProblems(old, '结果.xlsx')[0].message).toBe(
      '原整改清单「整改清单」的 J4（张伟的完成时间）「12月底」不是可识别的日期，未按日期读取，沿用的行中原样保留；请在新的整改清单中改写为日期（如 2027-1-8、2027/01/08、2027年1月8日 或 2027.1.8）',
    );
  });
});
