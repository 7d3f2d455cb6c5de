/**
 * The run back through 往年结果 year by year (seed 002 第五篇: 连续 = consecutive yearly campaigns), what it
 * would be had the years without a result been the same tier, and how such years are named.
 */
import { HistoryRow, gapYears, gapsText, isHistory, runOf } from '../history';

const at = (cell: string) => ({ file: '往年结果.xlsx', sheet: '往年结果', cell });
/** A row with these years (most recent first); null for a blank cell, in column B, C, D … */
function row(years: [number, string | null][]): HistoryRow {
  return { name: '王伟', unit: '', at: at('A2'), years: years.map(([year, tier], i) => ({ year, tier: tier ?? '', cell: `${String.fromCharCode(66 + i)}2` })) };
}
const Y2026 = { year: 2026, from: '按今天 2026-12-20' };

describe('runOf', () => {
  it('counts this year and each earlier year in the tier, back to a different tier', () => {
    expect(runOf('不合格', row([[2025, '不合格'], [2024, '不合格'], [2023, '合格']]), Y2026)).toEqual({ run: 3, ifGapsCounted: [] });
  });

  it('stops at a blank cell and says what the run would be with it, then with the next one too', () => {
    // 2026 this year; 2025 blank; 2024 blank; 2023 不合格. Filling 2025: 2026, 2025 = 2 (stops at blank 2024).
    // Filling both: 2026, 2025, 2024, 2023 = 4.
    // A run of 4 is as long as counting goes here (the scheme's longest step).
    expect(runOf('不合格', row([[2025, null], [2024, null], [2023, '不合格']]), Y2026, 4)).toEqual({
      run: 1,
      ifGapsCounted: [
        { gaps: [{ year: 2025, blankCell: 'B2' }], run: 2 },
        { gaps: [{ year: 2025, blankCell: 'B2' }, { year: 2024, blankCell: 'C2' }], run: 4 },
      ],
    });
  });

  it('a year with no column is a gap like a blank cell (2024 between 2025 and 2023; 2025 before the results year)', () => {
    expect(runOf('不合格', row([[2025, '不合格'], [2023, '不合格']]), Y2026, 4)).toEqual({ run: 2, ifGapsCounted: [{ gaps: [{ year: 2024, blankCell: null }], run: 4 }] });
    expect(runOf('不合格', row([[2024, '不合格']]), Y2026, 3)).toEqual({ run: 1, ifGapsCounted: [{ gaps: [{ year: 2025, blankCell: null }], run: 3 }] });
  });

  it('a year before the first column is a gap too, as far back as the longest run needs (a history that starts with last year)', () => {
    // 2025 不合格 only: 2026 + 2025 = 2; had 2024 been 不合格 too, 3; with 2023 as well, 4 (the longest counted).
    expect(runOf('不合格', row([[2025, '不合格']]), Y2026, 4)).toEqual({
      run: 2,
      ifGapsCounted: [
        { gaps: [{ year: 2024, blankCell: null }], run: 3 },
        { gaps: [{ year: 2024, blankCell: null }, { year: 2023, blankCell: null }], run: 4 },
      ],
    });
    // Already as long as the longest step: nothing before it can change anything.
    expect(runOf('不合格', row([[2025, '不合格'], [2024, '不合格']]), Y2026, 3)).toEqual({ run: 3, ifGapsCounted: [] });
  });

  it('years from the results year on are not past years; with none before it the run is this year alone', () => {
    expect(runOf('不合格', row([[2027, '不合格'], [2026, '不合格'], [2025, '不合格'], [2024, '合格']]), Y2026)).toEqual({ run: 2, ifGapsCounted: [] });
    expect(runOf('不合格', row([[2026, '不合格']]), Y2026)).toEqual({ run: 1, ifGapsCounted: [] });
  });

  it('a gap after a different tier is never reached', () => {
    expect(runOf('不合格', row([[2025, '合格'], [2024, null]]), Y2026)).toEqual({ run: 1, ifGapsCounted: [] });
  });
});

describe('gapsText and gapYears', () => {
  it('name each year, a blank one by its cell, and three or more missing columns in a row as one span', () => {
    const gaps = [
      { year: 2025, blankCell: null },
      { year: 2024, blankCell: null },
      { year: 2023, blankCell: null },
      { year: 2021, blankCell: 'C2' },
      { year: 2020, blankCell: null },
    ];
    expect(gapsText(gaps, '往年结果')).toBe('2023—2025 年（无这些年度列）、2021 年（往年结果!C2 空白）、2020 年（无该年度列）');
    expect(gapYears(gaps)).toBe('2023—2025、2021、2020');
    expect(gapYears(gaps.slice(0, 2))).toBe('2025、2024');
  });
});

describe('isHistory', () => {
  it('accepts what read-history gives and refuses the earlier saved form (names → tiers, without years)', () => {
    expect(isHistory({ columns: [{ year: 2025, label: '2025年', at: at('B1') }], rows: [row([[2025, '合格']])] })).toBe(true);
    expect(isHistory({ 王芳: ['优秀', '称职'] })).toBe(false);
    expect(isHistory({ columns: [], rows: [{ name: '王芳', unit: '', years: [{ year: 2025, tier: '合格' }], at: at('A2') }] })).toBe(false);
    expect(isHistory(null)).toBe(false);
  });
});
