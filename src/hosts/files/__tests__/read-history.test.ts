/**
 * Reading past years' results (往年结果) for the consecutive-tier rules: a 姓名 column, one column per
 * year headed by the year, most recent first out; 重名 keyed with the unit; anything unclear reported.
 */
import { CellValue, Submission } from '../../../core/forms/grid';
import { readHistory } from '../read-history';

function sub(rows: CellValue[][], name = '往年结果'): Submission {
  return { file: '往年结果.xlsx', sheets: [{ name, rows, merges: [] }] };
}

describe('readHistory', () => {
  it('reads year columns in any order, most recent first, under a title row; blank years kept as blank', () => {
    const { history, findings } = readHistory(
      sub([
        ['社区“两委”干部往年评议结果'],
        ['序号', '姓名', '2023年度', '2025年', 2024],
        [1, '孟一', '合格', '不合格', '不合格'],
        [2, ' 孟 二 ', '不 合格', null, '合格'],
        [null, '注：空白表示当年未参加评议', null, null, null],
      ]),
    );
    expect(findings).toEqual([]);
    // 2025, 2024, 2023.
    expect(history).toEqual({ 孟一: ['不合格', '不合格', '合格'], 孟二: ['', '合格', '不合格'] });
  });

  it('reads years written in characters (二〇二四年) and sets aside a note beside a tier (不合格（警示谈话）)', () => {
    const { history, findings } = readHistory(sub([['姓名', '二〇二四年度', '二零二五年'], ['王伟', '合格', '不合格（警示谈话）']]));
    expect(findings).toEqual([]);
    expect(history).toEqual({ 王伟: ['不合格', '合格'] });
  });

  it('keys two people of one name by their unit (王伟（东社区）), as the results name them', () => {
    const { history, findings } = readHistory(
      sub([
        ['姓名', '所在单位', '2025年'],
        ['王伟', '东社区', '不合格'],
        ['王伟', '西社区', '合格'],
        ['李娜', '东社区', '合格'],
      ]),
    );
    expect(findings).toEqual([]);
    expect(history).toEqual({ '王伟（东社区）': ['不合格'], '王伟（西社区）': ['合格'], 李娜: ['合格'] });
  });

  it.each(['所在社区', '社区', '村（社区）', '村'])('a unit column headed 「%s」 (seed 002: the village or community) tells namesakes apart', (header) => {
    const { history, findings } = readHistory(
      sub([
        ['姓名', header, '2025年'],
        ['李明', '荣兴社区', '不合格'],
        ['李明', '东村', '合格'],
      ]),
    );
    expect(findings).toEqual([]);
    expect(history).toEqual({ '李明（荣兴社区）': ['不合格'], '李明（东村）': ['合格'] });
  });

  it('uses neither line of a name listed twice that nothing tells apart, and says where', () => {
    const { history, findings } = readHistory(sub([['姓名', '2025年'], ['王伟', '不合格'], ['李娜', '合格'], ['王伟', '合格']]));
    expect(history).toEqual({ 李娜: ['合格'] });
    expect(findings.map((f) => [f.code, f.severity, f.cell, f.message])).toEqual([
      ['HISTORY_UNREADABLE', 'error', 'A4', '往年结果中「王伟」出现 2 次（往年结果!A2、往年结果!A4），无法确定是谁的，均未读取；请用单位栏区分或删去重复行'],
    ]);
  });

  it('reports a header without year columns, a year given twice, and a file without a 姓名 header', () => {
    expect(readHistory(sub([['姓名', '等次'], ['王伟', '合格']])).findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      ['HISTORY_UNREADABLE', 'A1', '往年结果「往年结果」的表头中没有年度列（应如「2024年」「2025年度」），未读取'],
    ]);
    const twice = readHistory(sub([['姓名', '2025年', '2025年度评议'], ['王伟', '合格', '不合格']]));
    expect(twice.history).toEqual({ 王伟: ['合格'] });
    expect(twice.findings.map((f) => [f.code, f.cell])).toEqual([['HISTORY_UNREADABLE', 'C1']]);
    expect(readHistory(sub([['名单'], ['王伟']])).findings.map((f) => f.message)).toEqual(['往年结果「往年结果.xlsx」中找不到含「姓名」（或「名称」）的表头行，未读取']);
  });

  it('passes over the header repeated on a later page and note lines', () => {
    const { history } = readHistory(sub([['姓名', '2025年'], ['王伟', '合格'], ['姓名', '2025年'], ['李娜', '不合格'], ['合计：2人', null]]));
    expect(history).toEqual({ 王伟: ['合格'], 李娜: ['不合格'] });
  });
});
