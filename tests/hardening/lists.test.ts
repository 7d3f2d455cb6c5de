/**
 * The lists a clerk gives besides the ballots (名册, 往年结果) and the history the engine is handed: random
 * grids and hostile keys end with entries and findings, never an exception; what is read is well formed.
 */
import * as fc from 'fast-check';
import { runCampaign } from '../../src/core/engine';
import { CellValue } from '../../src/core/forms/grid';
import { getPreset } from '../../src/core/presets';
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
        for (const [name, tiers] of Object.entries(history.history)) {
          expect(name.trim()).not.toBe('');
          expect(tiers.every((t) => typeof t === 'string')).toBe(true);
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
  const key = fc.constantFrom('王伟', '王伟（东社区）', '王伟（西社区）', '李娜', '李 娜', '李娜（女）', '__proto__', 'constructor', 'toString', '');
  const history = fc.dictionary(key, fc.array(fc.oneof(fc.constantFrom('合格', '不合格', ''), fc.string({ maxLength: 4 })), { maxLength: 5 }));

  it('counts runs from this year at least, and names everyone it had no past years for (300 runs)', () => {
    fc.assert(
      fc.property(history, (h) => {
        const r = runCampaign({ scheme, roster, submissions: ballots, history: h, today: '2026-12-01' });
        const missing = r.findings.find((f) => f.code === 'HISTORY_MISSING')?.message ?? '';
        for (const s of r.subjects) {
          expect(s.tier).toBe('不合格');
          expect(s.streak).toBeGreaterThanOrEqual(1);
          expect(s.streak).toBeLessThanOrEqual(6);
          const label = s.unit && s.name === '王伟' ? `王伟（${s.unit}）` : s.name;
          // Named as missing exactly when no entry was theirs: then the run is this year's alone.
          if (missing.includes(label)) expect(s.streak).toBe(1);
          // A bare 王伟 never gives its years to either 王伟.
          if (s.name === '王伟' && !Object.prototype.hasOwnProperty.call(h, label)) expect(missing).toContain(label);
        }
      }),
      { numRuns: 300 },
    );
  });
});
