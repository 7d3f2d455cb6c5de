/**
 * Keeping staff edits in the 整改清单 across re-runs (merge-rectification.ts): the new description
 * of this run's results plus the old sheet as read back from the workbook.
 */
import { runCampaign } from '../../engine';
import { CellValue, SheetGrid } from '../../forms/grid';
import { getPreset } from '../../presets';
import { RosterEntry } from '../../roster/roster';
import { describeRectification } from '../describe-rectification';
import { GONE_MARK, gridRectificationLayout, mergeRectificationEdits } from '../merge-rectification';
import { SheetDescription, checkSheetDescription } from '../sheet-description';

const roster: RosterEntry[] = [
  { name: '王芳', unit: '办公室', category: '正职' },
  { name: '张伟', unit: '营业部', category: '副职', flags: { 事故: '分管网点发生责任事故' } },
  { name: '丁小强', unit: '办公室', category: '副职' },
];

function rectification(scores: [number, number, number]): SheetDescription {
  const sheet = (group: string): SheetGrid => ({
    name: 'Sheet1',
    rows: [['干部岗位测评表'], [`测评人类别：${group}`], ['姓名', '测评得分'], ['王芳', scores[0]], ['张伟', scores[1]], ['丁小强', scores[2]]],
    merges: [],
  });
  const result = runCampaign({ scheme: getPreset('p4-middle-managers'), roster, today: '2026-12-01', submissions: [{ file: 'a', sheets: [sheet('干部')] }, { file: 'b', sheets: [sheet('员工')] }] });
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
  const [M, R, S, B] = ['整改措施', '责任人', '整改状态', '依据'].map((l) => col(first, l));

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

  it('finds columns by label: staff may add a 完成时间 column and move columns around', () => {
    const next = rectification([90, 80, 60]);
    // The next layout gains a 完成时间 column (as a later describer might have it).
    const withDone: SheetDescription = {
      ...next,
      cells: next.cells.map((row, r) => [...row, r === 2 ? { value: '完成时间', style: 'header' as const } : r > 2 ? { value: null, style: 'center' as const } : { value: null }]),
      columns: [...next.columns, { width: 12 }],
    };
    const old: SheetGrid = {
      name: '整改清单',
      rows: [
        ['整改清单'],
        ['备注', '被 评 议 对 象', '存在问题', '措施', '状态', '完成日期'],
        [null, '丁小强', table(next)[4][3] as string, '调整分工', '已销号', '2027-01-15'],
      ],
      merges: [],
    };
    const merged = mergeRectificationEdits(withDone, old);
    const row = table(merged)[4];
    expect([row[1], row[M], row[S], row[withDone.columns.length - 1]]).toEqual(['丁小强', '调整分工', '已销号', '2027-01-15']);
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
    expect(merged.autoFilter).toEqual({ r1: 2, c1: 0, r2: 4, c2: 9 });
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

  it('when this run has no items at all, kept rows go above the note and get a dropdown of their own', () => {
    // 张伟's veto always calls for rectification in this preset: the describer's empty layout, by hand.
    const empty: SheetDescription = { ...first, cells: [...first.cells.slice(0, 3), [{ value: '本次评议没有需要整改的事项。', style: 'note' }, ...first.cells[3].slice(1).map(() => ({ value: null, style: 'note' as const }))]], merges: [first.merges[0], first.merges[1], { r1: 3, c1: 0, r2: 3, c2: 9 }], validations: [], autoFilter: undefined, rowHeights: [] };
    const old = readBack(first, (rows) => {
      rows[3][S] = '已销号';
    });
    const merged = mergeRectificationEdits(empty, old);
    const t = table(merged);
    expect(t[3][1]).toBe('张伟');
    expect(t[4][0]).toBe('本次评议没有需要整改的事项。');
    expect(merged.merges).toContainEqual({ r1: 4, c1: 0, r2: 4, c2: 9 });
    expect(merged.validations).toEqual([expect.objectContaining({ kind: 'list', range: { r1: 3, c1: S, r2: 3, c2: S }, values: ['整改中', '已销号'] })]);
    expect(checkSheetDescription(merged)).toEqual([]);
  });

  it('matches a repeated subject + problem occurrence by occurrence', () => {
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
