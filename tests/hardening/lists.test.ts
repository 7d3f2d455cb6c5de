/**
 * The lists a clerk gives besides the ballots (名册, 往年结果) and the history the engine is handed: random
 * grids and hostile names end with entries and findings, never an exception; what is read is well formed.
 */
import * as fc from 'fast-check';
import { runCampaign } from '../../src/core/engine';
import { CellValue } from '../../src/core/forms/grid';
import { getPreset } from '../../src/core/presets';
import { History, isHistory } from '../../src/core/results/history';
import { normalizeName } from '../../src/core/text/normalize';
import { readHistory } from '../../src/hosts/files/read-history';
import { readRoster } from '../../src/hosts/files/read-roster';
import { matrixSheet, submission } from '../helpers/grids';

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(
    '姓名', '党员姓名', '名称', '单位', '2024年', '2025年度', 2023, '合格', '不合格', '王伟', '李娜', '王 伟', '合计', '注：空白', '/', '—',
    '预备党员', '中共预备党员', '窗口岗位', '是', '否', '__proto__', 'constructor', '', ' ',
  ),
  fc.string({ maxLength: 10 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant({ formula: 'A1', value: '王伟' } as CellValue),
  fc.constant({ error: '#N/A' } as CellValue),
);
const grid = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 });

describe('名册 and 往年结果 read from random grids', () => {
  it('give entries and findings, never an exception (300 runs)', () => {
    fc.assert(
      fc.property(grid, grid, (a, b) => {
        const sub = { file: '名单.xlsx', sheets: [{ name: 'A', rows: a, merges: [] }, { name: 'B', rows: b, merges: [] }] };
        const roster = readRoster(sub);
        for (const e of roster.roster) expect(typeof e.name === 'string' && e.name.trim() !== '').toBe(true);
        const history = readHistory(sub);
        expect(isHistory(history.history)).toBe(true);
        for (const row of history.history.rows) {
          expect(row.name.trim()).not.toBe('');
          expect(row.at.file).toBe('名单.xlsx');
          // One entry a year, each year once.
          expect(new Set(row.years.map((y) => y.year)).size).toBe(row.years.length);
        }
        for (const f of [...roster.findings, ...history.findings]) expect(f.file).toBe('名单.xlsx');
      }),
      { numRuns: 300 },
    );
  });
});

describe('a history of any shape handed to the engine', () => {
  const scheme = getPreset('p3-community-consecutive');
  const roster = [{ name: '王伟', unit: '东社区' }, { name: '王伟', unit: '西社区' }, { name: '李娜' }];
  const ballots = [0, 1, 2].map((i) =>
    submission(`票${i}.xlsx`, matrixSheet('评议票', { levels: ['合格', '不合格'], rows: [{ name: '王伟（东社区）', marks: [1] }, { name: '王伟（西社区）', marks: [1] }, { name: '李娜', marks: [1] }] })),
  );
  const name = fc.constantFrom('王伟', '王伟（东社区）', '王伟（西社区）', '李娜', '李 娜', '李娜（女）', '孙丽', '__proto__', 'constructor', 'toString');
  const unit = fc.constantFrom('', '东社区', '西社区', '北社区', '东');
  const tier = fc.oneof(fc.constantFrom('合格', '不合格', ''), fc.string({ maxLength: 4 }));
  const years = fc.uniqueArray(fc.integer({ min: 2020, max: 2028 }), { maxLength: 5 });
  const history = fc.array(fc.record({ name, unit, years }), { maxLength: 6 }).chain((rows) =>
    fc.tuple(...rows.map((r) => fc.array(tier, { minLength: r.years.length, maxLength: r.years.length }))).map((tiers) => {
      const at = (cell: string) => ({ file: '往年结果.xlsx', sheet: '往年结果', cell });
      return {
        columns: [],
        rows: rows.map((r, i) => ({ name: r.name, unit: r.unit, at: at(`A${i + 2}`), years: r.years.map((year, k) => ({ year, tier: tiers[i][k], cell: `B${i + 2}` })) })),
      } as History;
    }),
  );

  it('counts runs from this year at least, never through a year not before it, and names everyone it used no rows for (300 runs)', () => {
    fc.assert(
      fc.property(history, (h) => {
        const r = runCampaign({ scheme, roster, submissions: ballots, history: h, today: '2026-12-01' });
        const missing = r.findings.find((f) => f.code === 'HISTORY_MISSING')?.message ?? '';
        const unclear = r.findings.filter((f) => f.code === 'HISTORY_MATCH_UNCLEAR').map((f) => f.message);
        for (const s of r.subjects) {
          expect(s.tier).toBe('不合格');
          // This year, and no more years before it than some row has results for before 2026.
          expect(s.streak).toBeGreaterThanOrEqual(1);
          expect(s.streak - 1).toBeLessThanOrEqual(Math.max(0, ...h.rows.map((row) => row.years.filter((y) => y.year < 2026 && y.tier !== '').length)));
          const saidUnclear = unclear.some((m) => m.startsWith(`往年结果中可能是「${s.label}」`));
          // Missing, unclear, or used: never two of them.
          expect(missing.includes(s.label) && saidUnclear).toBe(false);
          if (missing.includes(s.label) || saidUnclear) expect(s.streak).toBe(1);
          if (saidUnclear) expect(s.flags).toContain('连续次数待核实');
          // A 王伟's years come only from a row that names his 社区 (in the unit cell or beside the name).
          if (s.name === '王伟' && s.streak > 1) expect(h.rows.some((row) => normalizeName(row.name) === '王伟' && `${row.unit}${row.name}`.includes(s.unit!.slice(0, 1)))).toBe(true);
        }
        // A row of a name no one in the roster has is reported where it is.
        for (const row of h.rows)
          if (!['王伟', '李娜'].includes(normalizeName(row.name)))
            expect(r.findings.some((f) => f.code === 'HISTORY_NOT_IN_ROSTER' && f.cell === row.at.cell)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
