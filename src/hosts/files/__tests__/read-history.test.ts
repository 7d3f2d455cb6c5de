/**
 * Reading past years' results (往年结果) for the consecutive-tier rules: a 姓名 column, one column per
 * year headed by the year, read row by row with each year and cell; the unit kept beside the name.
 * Whose row is whose and which years count are the engine's (core/results/history.ts).
 */
import { CellValue, Submission } from '../../../core/forms/grid';
import { HistoryRow } from '../../../core/results/history';
import { readHistory } from '../read-history';

function sub(rows: CellValue[][], name = '往年结果'): Submission {
  return { file: '往年结果.xlsx', sheets: [{ name, rows, merges: [] }] };
}

/** 孟一 [2025 不合格, 2024 不合格] as "孟一: 2025 不合格@D3, 2024 不合格@E3". */
const brief = (rows: HistoryRow[]) =>
  rows.map((r) => `${r.name}${r.unit ? `（${r.unit}）` : ''}@${r.at.cell}: ${r.years.map((y) => `${y.year} ${y.tier || '空'}@${y.cell}`).join(', ')}`);

describe('readHistory', () => {
  it('reads year columns in any order, most recent first, under a title row; blank years kept as blank, with their cells', () => {
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
    // 2025 (D), 2024 (E), 2023 (C).
    expect(brief(history.rows)).toEqual(['孟一@B3: 2025 不合格@D3, 2024 不合格@E3, 2023 合格@C3', '孟二@B4: 2025 空@D4, 2024 合格@E4, 2023 不合格@C4']);
    expect(history.columns.map((c) => [c.year, c.label, c.at.file, c.at.sheet, c.at.cell])).toEqual([
      [2025, '2025年', '往年结果.xlsx', '往年结果', 'D2'],
      [2024, '2024', '往年结果.xlsx', '往年结果', 'E2'],
      [2023, '2023年度', '往年结果.xlsx', '往年结果', 'C2'],
    ]);
    expect(history.rows[0].at).toEqual({ file: '往年结果.xlsx', sheet: '往年结果', cell: 'B3' });
  });

  it('reads years written in characters (二〇二四年), 2024年度评议结果, and sets aside a note beside a tier (不合格（警示谈话）)', () => {
    const { history, findings } = readHistory(sub([['姓名', '二〇二四年度', '二零二五年', '2023年度评议结果'], ['王伟', '合格', '不合格（警示谈话）', '不合格']]));
    expect(findings).toEqual([]);
    expect(brief(history.rows)).toEqual(['王伟@A2: 2025 不合格@C2, 2024 合格@B2, 2023 不合格@D2']);
  });

  it('keeps the unit beside the name, and every row of a name listed twice (the engine tells them apart, or says it cannot)', () => {
    const { history, findings } = readHistory(
      sub([
        ['姓名', '所在单位', '2025年'],
        ['王伟', '东社区', '不合格'],
        ['王伟', '西社区', '合格'],
        ['李娜', '东社区', '合格'],
        ['李娜', null, '不合格'],
      ]),
    );
    expect(findings).toEqual([]);
    expect(brief(history.rows)).toEqual(['王伟（东社区）@A2: 2025 不合格@C2', '王伟（西社区）@A3: 2025 合格@C3', '李娜（东社区）@A4: 2025 合格@C4', '李娜@A5: 2025 不合格@C5']);
  });

  it.each(['所在社区', '社区', '村（社区）', '村'])('a unit column headed 「%s」 (seed 002: the village or community) is the unit', (header) => {
    const { history } = readHistory(sub([['姓名', header, '2025年'], ['李明', '荣兴社区', '不合格']]));
    expect(history.rows.map((r) => r.unit)).toEqual(['荣兴社区']);
  });

  it('reports a header without year columns, a year given twice (the first column read), and a file without a 姓名 header', () => {
    expect(readHistory(sub([['姓名', '备注'], ['王伟', '合格']])).findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      ['HISTORY_UNREADABLE', 'A1', '往年结果「往年结果」的表头中没有年度列（应如「2024年」「2025年度」，每年一列），未读取'],
    ]);
    const twice = readHistory(sub([['姓名', '2025年', '2025年度评议'], ['王伟', '合格', '不合格']]));
    expect(brief(twice.history.rows)).toEqual(['王伟@A2: 2025 合格@B2']);
    expect(twice.history.columns.map((c) => c.at.cell)).toEqual(['B1']);
    expect(twice.findings.map((f) => [f.code, f.cell])).toEqual([['HISTORY_UNREADABLE', 'C1']]);
    expect(readHistory(sub([['名单'], ['王伟']])).findings.map((f) => f.message)).toEqual(['往年结果「往年结果.xlsx」中找不到含「姓名」（或「名称」）的表头行，未读取']);
  });

  it('passes over the header repeated on a later page and note lines', () => {
    const { history } = readHistory(sub([['姓名', '2025年'], ['王伟', '合格'], ['姓名', '2025年'], ['李娜', '不合格'], ['合计：2人', null]]));
    expect(brief(history.rows)).toEqual(['王伟@A2: 2025 合格@B2', '李娜@A4: 2025 不合格@B4']);
  });

  it('reads a column for any year, this one or a later one too: whether it is a past year is decided against the results date', () => {
    const { history, findings } = readHistory(sub([['姓名', '2026年', '2025年'], ['刘洋', '不合格', '不合格']]));
    expect(findings).toEqual([]);
    expect(history.columns.map((c) => c.year)).toEqual([2026, 2025]);
  });

  it('reads the years one row below a header over two rows (历年评议等次 merged over 2024年 | 2025年)', () => {
    const { history, findings } = readHistory(
      sub([
        ['姓名', '单位', '历年评议等次', null],
        [null, null, '2024年', '2025年'],
        ['张强', '荣兴社区', '不合格', '合格'],
      ]),
    );
    expect(findings).toEqual([]);
    expect(brief(history.rows)).toEqual(['张强（荣兴社区）@A3: 2025 合格@D3, 2024 不合格@C3']);
    expect(history.columns.map((c) => c.at.cell)).toEqual(['D2', 'C2']);
  });

  it('a sheet per year with an 等次 column: the year from the sheet\'s name (2024年), else from the title above (关于2025年度…的公示), and said', () => {
    const { history, findings } = readHistory({
      file: '往年结果.xlsx',
      sheets: [
        { name: '2024年', merges: [], rows: [['序号', '姓名', '单位', '等次'], [1, '张强', '荣兴社区', '不合格']] },
        { name: 'Sheet2', merges: [], rows: [['关于2025年度社区两委干部勤廉双述双评结果的公示'], ['序号', '姓名', '单位', '评议等次'], [1, '张强', '荣兴社区', '合格']] },
      ],
    });
    expect(brief(history.rows)).toEqual(['张强（荣兴社区）@B2: 2024 不合格@D2', '张强（荣兴社区）@B3: 2025 合格@D3']);
    expect(findings.map((f) => [f.code, f.severity, f.sheet, f.cell, f.message])).toEqual([
      ['HISTORY_YEAR_READ_AS', 'warning', '2024年', 'D1', '往年结果「2024年」没有年度列，「等次」栏按工作表名「2024年」读作 2024 年的等次，请核实'],
      ['HISTORY_YEAR_READ_AS', 'warning', 'Sheet2', 'D2', '往年结果「Sheet2」没有年度列，「评议等次」栏按标题「关于2025年度社区两委干部勤廉双述双评结果的公示」读作 2025 年的等次，请核实'],
    ]);
  });

  it('an 等次 column with no year anywhere: the advice says how to name the sheet or the column', () => {
    expect(readHistory(sub([['姓名', '等次'], ['王伟', '合格']], '往年')).findings.map((f) => f.message)).toEqual([
      '往年结果「往年」的表头中没有年度列（「等次」栏没有写明年度：请把工作表命名为该年度（如「2024年」），或把栏名改为「2024年」这样的年度），未读取',
    ]);
  });

  it('of the columns a year heads, the one headed by the year alone holds the tiers (2024年, not 2024年所在社区 or 2025年得票率)', () => {
    const { history, findings } = readHistory(
      sub([
        ['姓名', '单位', '2024年所在社区', '2024年', '2025年', '2025年得票率'],
        ['张强', '荣兴社区', '荣兴社区', '不合格', '不合格', '45%'],
      ]),
    );
    expect(findings).toEqual([]);
    expect(brief(history.rows)).toEqual(['张强（荣兴社区）@A2: 2025 不合格@E2, 2024 不合格@D2']);
  });

  it('a note in brackets beside a name (张强（男）) is set aside as in the roster, not taken for a unit; a bracket that is a unit stays one', () => {
    const { history, findings } = readHistory(
      sub([
        ['姓名', '单位', '2025年'],
        ['张强（男）', '荣兴社区', '不合格'],
        ['赵敏（女）', null, '合格'],
        ['王伟（新华社区）', null, '合格'],
        ['李娜（荣兴社区）', '荣兴社区', '合格'],
      ]),
    );
    expect(brief(history.rows)).toEqual(['张强（荣兴社区）@A2: 2025 不合格@C2', '赵敏@A3: 2025 合格@C3', '王伟（新华社区）@A4: 2025 合格@C4', '李娜（荣兴社区）@A5: 2025 合格@C5']);
    expect(findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      ['HISTORY_NAME_NOTE', 'A2', '往年结果中「张强（男）」按「张强」读入，「男」作为备注，不作为单位（单位按「荣兴社区」）'],
      ['HISTORY_NAME_NOTE', 'A3', '往年结果中「赵敏（女）」按「赵敏」读入，「女」作为备注，不作为单位'],
    ]);
  });
});
