/**
 * listedFindings: what 校验结果 and the command line list when there are too many findings. Each
 * finding is either listed or counted in exactly one summary line; order is kept; summaries carry the
 * code (so the severity) of what they stand for.
 */
import { Finding, FindingCode, finding, listedFindings } from '../finding';

const make = (n: number, code: FindingCode, file: string, sheet: string | null): Finding[] =>
  Array.from({ length: n }, (_, i) => finding(code, `第 ${i + 1} 条`, { file, sheet, cell: sheet ? `B${i + 2}` : null }));

/** The number in "另有 N 条". */
const omitted = (f: Finding) => Number(/另有 (\d+) 条/.exec(f.message)?.[1] ?? NaN);

describe('listedFindings', () => {
  it('lists everything when under the limits, as the same objects in the same order', () => {
    const all = [...make(3, 'ABSTENTION', 'a.xlsx', 'S'), ...make(2, 'FILE_DAMAGED', 'b.xlsx', null)];
    const listed = listedFindings(all);
    expect(listed).toHaveLength(5);
    listed.forEach((f, i) => expect(f).toBe(all[i]));
  });

  it('per sheet and code: the first N, then one line of the same code saying how many more', () => {
    const a = make(250, 'SUBJECT_NOT_IN_ROSTER', '大表.xlsx', '测评表');
    const b = make(3, 'SUBJECT_NOT_IN_ROSTER', '大表.xlsx', '第二张');
    const c = make(4, 'ABSTENTION', '大表.xlsx', '测评表');
    const listed = listedFindings([...a, ...b, ...c], { perSheetAndCode: 100, total: 10_000 });
    expect(listed.slice(0, 100)).toEqual(a.slice(0, 100));
    const summary = listed[100];
    expect(summary).toMatchObject({ code: 'SUBJECT_NOT_IN_ROSTER', severity: 'error', file: '大表.xlsx', sheet: '测评表', cell: null });
    expect(summary.message).toContain('本工作表另有 150 条同类问题');
    expect(listed.slice(101)).toEqual([...b, ...c]);
  });

  it('past the total: one line per code, of that code, counting what was left out', () => {
    const all = [...make(4, 'ABSTENTION', 'a.xlsx', 'S'), ...make(3, 'SCORE_OUT_OF_RANGE', 'b.xlsx', 'S'), ...make(2, 'FILE_DAMAGED', 'c.xlsx', null)];
    const listed = listedFindings(all, { perSheetAndCode: 100, total: 5 });
    expect(listed.slice(0, 5)).toEqual(all.slice(0, 5));
    const rest = listed.slice(5);
    expect(rest.map((f) => [f.code, f.severity, f.file, omitted(f)])).toEqual([
      ['SCORE_OUT_OF_RANGE', 'error', '（汇总）', 2],
      ['FILE_DAMAGED', 'error', '（汇总）', 2],
    ]);
  });

  it('never loses count: listed plus every "另有 N 条" equals the number of findings', () => {
    const all = [...make(1234, 'MULTIPLE_MARKS', 'x.xlsx', 'A'), ...make(77, 'ABSTENTION', 'x.xlsx', 'A'), ...make(500, 'MULTIPLE_MARKS', 'y.xlsx', 'B')];
    const original = new Set(all);
    const listed = listedFindings(all, { perSheetAndCode: 100, total: 250 });
    const kept = listed.filter((f) => original.has(f)).length;
    const counted = listed.filter((f) => !original.has(f)).reduce((a, f) => a + omitted(f), 0);
    expect(kept).toBe(250);
    expect(kept + counted).toBe(all.length);
  });
});
