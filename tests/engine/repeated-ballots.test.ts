/**
 * Identical ballots (DUPLICATE_BALLOT): one finding per group of identical ballots, naming the others,
 * not one per ballot. A ballot re-sent unchanged (RESENT_FILE, the file's name says it is a copy or a
 * correction of another file of the batch): counted once; re-sent with other marks: both count, as before.
 * Figures are worked out by hand from the marks below (p3: 不合格 needs 「不合格」票 超过50%).
 */
import { runCampaign } from '../../src/core/engine';
import { Submission } from '../../src/core/forms/grid';
import { getPreset } from '../../src/core/presets';
import { matrixSheet } from '../helpers/grids';

const scheme = getPreset('p3-community-consecutive');
const roster = [{ name: '刘洋' }, { name: '周敏' }];
const FAIL = 1;
const PASS = 0;

/** A file holding one ballot: 刘洋's and 周敏's marks (0 合格, 1 不合格). */
function file(name: string, liu: number, zhou: number, extra: Partial<Submission> = {}): Submission {
  const sheet = matrixSheet('评议票', { title: '评议票', levels: ['合格', '不合格'], rows: [{ name: '刘洋', marks: [liu] }, { name: '周敏', marks: [zhou] }] });
  return { file: name, sheets: [sheet], ...extra };
}

const run = (submissions: Submission[], duplicates: 'count' | 'exclude' = 'count') =>
  runCampaign({ scheme: { ...scheme, counting: { ...scheme.counting, duplicates } }, roster, submissions, today: '2026-12-10' });

const findingsOf = (r: ReturnType<typeof run>, code: string) => r.findings.filter((f) => f.code === code).map((f) => [f.file, f.message]);
const liu = (r: ReturnType<typeof run>) => r.subjects.find((s) => s.name === '刘洋')!;

describe('identical ballots of different files: one finding per group', () => {
  // a, b, d, e identical (刘洋 合格, 周敏 合格); c differs; f and g identical to each other (刘洋 不合格).
  const batch = [file('a.xlsx', PASS, PASS), file('b.xlsx', PASS, PASS), file('c.xlsx', PASS, FAIL), file('d.xlsx', PASS, PASS), file('e.xlsx', PASS, PASS), file('f.xlsx', FAIL, PASS), file('g.xlsx', FAIL, PASS)];

  it('a group of four: one warning on the first repeat listing the other three; a pair: the message as before; all counted', () => {
    const r = run(batch);
    const sheet = '「评议票」';
    expect(findingsOf(r, 'DUPLICATE_BALLOT')).toEqual([
      ['b.xlsx', `本票与另外 3 张票的评价完全相同：「a.xlsx」的${sheet}、「d.xlsx」的${sheet}、「e.xlsx」的${sheet}；可能是重复提交，也可能是评价一致，请核实；均已计入`],
      ['g.xlsx', `本票的评价与「f.xlsx」的${sheet}完全相同，可能是重复提交，请核实；已计入`],
    ]);
    expect(r.findings.filter((f) => f.code === 'DUPLICATE_BALLOT').every((f) => f.severity === 'warning' && f.sheet === '评议票')).toBe(true);
    // Every ballot counted: 刘洋 不合格 on f and g, 2 of 7.
    expect(liu(r).overall.map((l) => l.votes)).toEqual([5, 2]);
  });

  it('with counting.duplicates "exclude": the group says which one is counted; the others are not', () => {
    const r = run(batch, 'exclude');
    expect(findingsOf(r, 'DUPLICATE_BALLOT')[0]).toEqual([
      'b.xlsx',
      '本票与另外 3 张票的评价完全相同：「a.xlsx」的「评议票」、「d.xlsx」的「评议票」、「e.xlsx」的「评议票」；可能是重复提交，也可能是评价一致，请核实；按方案设置只计入「a.xlsx」的「评议票」，其余未重复计入',
    ]);
    expect(r.read.uncounted.map((u) => u.file)).toEqual(['b.xlsx', 'd.xlsx', 'e.xlsx', 'g.xlsx']);
    // Counted: a, c, f: 刘洋 合格 2, 不合格 1.
    expect(liu(r).overall.map((l) => l.votes)).toEqual([2, 1]);
  });
});

describe('a ballot re-sent beside the old file', () => {
  // Two raters: 刘洋 不合格 on 票03, 合格 on 票05. Counted once, 1 of 2 = 50%, not 超过50%: 合格.
  // 票03 counted twice would be 2 of 3 = 66.67%: 不合格, with a 警示谈话.
  const old = file('票03.xls', FAIL, PASS);
  const other = file('票05.xlsx', PASS, PASS);

  it.each([
    ['read after the original', [old, other, file('票03（更正）.xlsx', FAIL, PASS, { resentOf: '票03.xls' })]],
    ['read before the original', [file('票03（更正）.xlsx', FAIL, PASS, { resentOf: '票03.xls' }), old, other]],
  ])('with the same marks is counted once and said (%s); no DUPLICATE_BALLOT, 实收 2', (_, batch) => {
    const r = run(batch);
    expect(findingsOf(r, 'RESENT_FILE')).toEqual([['票03（更正）.xlsx', '可能是重新发送的同一张票：评价与「票03.xls」完全相同，只计一次']]);
    expect(r.findings.find((f) => f.code === 'RESENT_FILE')!.severity).toBe('warning');
    expect(findingsOf(r, 'DUPLICATE_BALLOT')).toEqual([]);
    expect(liu(r).overall.map((l) => l.votes)).toEqual([1, 1]);
    expect(liu(r).tier).toBe('合格');
    expect(r.participation.map((p) => [p.returned, p.valid])).toEqual([[2, 2]]);
    expect(r.rectification).toEqual([]);
  });

  it('with other marks (a correction) both count, as README says, and the clerk is told to delete the old one', () => {
    const r = run([old, other, file('票03（更正）.xlsx', FAIL, FAIL, { resentOf: '票03.xls' })]);
    expect(findingsOf(r, 'RESENT_FILE')).toEqual([['票03（更正）.xlsx', '可能是重新发送的更正件，与「票03.xls」同时计入；如是更正件，请删除旧的']]);
    expect(liu(r).overall.map((l) => l.votes)).toEqual([1, 2]);
  });

  it('identical to the original and to another rater’s ballot: the re-sent one counted once, the other rater’s still counted and reported', () => {
    // 票01 has the same marks as 票03 (another rater agreeing): it stays a DUPLICATE_BALLOT of 票03, counted.
    const r = run([file('票01.xlsx', FAIL, PASS), old, other, file('票03（更正）.xlsx', FAIL, PASS, { resentOf: '票03.xls' })]);
    expect(findingsOf(r, 'RESENT_FILE').map(([, m]) => m)).toEqual(['可能是重新发送的同一张票：评价与「票03.xls」完全相同，只计一次']);
    expect(findingsOf(r, 'DUPLICATE_BALLOT')).toEqual([['票03.xls', '本票的评价与「票01.xlsx」的「评议票」完全相同，可能是重复提交，请核实；已计入']]);
    // 票01, 票03, 票05: 刘洋 不合格 2 of 3.
    expect(liu(r).overall.map((l) => l.votes)).toEqual([1, 2]);
  });

  it('an original that is not in the batch (removed, or unreadable): nothing said about it, the copy counts', () => {
    const r = run([other, file('票03（更正）.xlsx', FAIL, PASS, { resentOf: '票03.xls' })]);
    expect(findingsOf(r, 'RESENT_FILE')).toEqual([]);
    expect(liu(r).overall.map((l) => l.votes)).toEqual([1, 1]);
  });
});
