/**
 * Invariants of the engine, on random input (fast-check): counts add up, tiers are monotone in votes
 * and scores, ranking follows scores, and malformed grids never throw and always name a cell.
 */
import fc from 'fast-check';
import { parseAddress } from '../../src/core/common/cell';
import { Fraction } from '../../src/core/common/fraction';
import { runCampaign } from '../../src/core/engine';
import { CellValue } from '../../src/core/forms/grid';
import { getPreset } from '../../src/core/presets';
import { matrixSheet, scoreSheet, submission } from '../helpers/grids';

const LEVELS = ['优秀', '称职', '基本称职', '不称职'];
const NAMES = ['王毅', '李娜', '陈刚', '赵敏', '孙立'];
const roster = NAMES.map((name) => ({ name }));
const p1 = getPreset('p1-double-pledge');
const p4 = getPreset('p4-middle-managers');

/** One ballot: per subject a level index, -1 blank, or two marks. */
const markArb = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: -1, max: 3 }) }, { weight: 1, arbitrary: fc.constant([0, 2] as number[]) });
const ballotArb = fc.record({ group: fc.constantFrom('服务对象代表', '党组织负责人'), marks: fc.array(markArb, { minLength: 5, maxLength: 5 }) });

function p1Submissions(ballots: { group: string; marks: (number | number[])[] }[]) {
  return ballots.map((b, i) =>
    submission(`b${i}.xlsx`, matrixSheet('表', { fields: [`测评人类别：${b.group}`, `编号：${i}`], levels: LEVELS, rows: NAMES.map((name, k) => ({ name, marks: [b.marks[k]] })) })),
  );
}

describe('counts add up', () => {
  it('valid + abstentions + invalid = ballots × subjects × items', () => {
    fc.assert(
      fc.property(fc.array(ballotArb, { minLength: 1, maxLength: 12 }), (ballots) => {
        const r = runCampaign({ scheme: p1, roster, submissions: p1Submissions(ballots) });
        let total = 0;
        for (const s of r.subjects) for (const f of s.figures) total += f.valid + f.abstain + f.invalid + f.notApplicable;
        expect(total).toBe(ballots.length * NAMES.length * 1);
        // And per level, the tally equals a direct count of the marks.
        NAMES.forEach((name, k) => {
          const expected = LEVELS.map((_, l) => ballots.filter((b) => b.marks[k] === l).length);
          expect(r.subjects.find((s) => s.name === name)!.overall.map((x) => x.votes)).toEqual(expected);
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe('tiers are monotone', () => {
  it('moving one vote to a better level never lowers the tier (P1, cumulative shares)', () => {
    fc.assert(
      fc.property(fc.array(ballotArb, { minLength: 2, maxLength: 10 }), fc.nat(), (ballots, pick) => {
        // Make sure both groups rated, so the weighted share is defined.
        ballots[0].group = '服务对象代表';
        ballots[1].group = '党组织负责人';
        const before = runCampaign({ scheme: p1, roster, submissions: p1Submissions(ballots) });
        const i = pick % ballots.length;
        const k = pick % NAMES.length;
        const m = ballots[i].marks[k];
        if (typeof m !== 'number' || m <= 0) return;
        const better = ballots.map((b, j) => (j === i ? { ...b, marks: b.marks.map((x, kk) => (kk === k ? m - 1 : x)) } : b));
        const after = runCampaign({ scheme: p1, roster, submissions: p1Submissions(better) });
        const rank = (t: string | null) => (t === null ? 99 : p1.tiers.indexOf(t));
        expect(rank(after.subjects[k].tier)).toBeLessThanOrEqual(rank(before.subjects[k].tier));
      }),
      { numRuns: 60 },
    );
  });

  it('a higher score never gives a lower tier, and ranking follows scores (P4 篇六)', () => {
    // Not between 0 and 1: such a score is read as typed into a percent-formatted cell and not counted (SCORE_AS_PERCENT).
    const scoreArb = fc.integer({ min: 0, max: 1000 }).filter((n) => n === 0 || n >= 10).map((n) => n / 10);
    fc.assert(
      fc.property(fc.array(scoreArb, { minLength: 5, maxLength: 5 }), fc.array(scoreArb, { minLength: 5, maxLength: 5 }), (cadre, staff) => {
        const sheets = [
          submission('c.xlsx', scoreSheet('表', { fields: ['测评人类别：干部'], items: ['测评得分'], rows: NAMES.map((name, k) => ({ name, scores: [cadre[k]] })) })),
          submission('s.xlsx', scoreSheet('表', { fields: ['测评人类别：员工'], items: ['测评得分'], rows: NAMES.map((name, k) => ({ name, scores: [staff[k]] })) })),
        ];
        const r = runCampaign({ scheme: p4, roster, submissions: sheets });
        const tierRank = (t: string | null) => p4.tiers.indexOf(t!);
        for (const a of r.subjects)
          for (const b of r.subjects) {
            const c = a.score!.compare(b.score!);
            // Exact: score = (cadre + staff) / 2 computed in tenths.
            expect(a.score!.equals(Fraction.of(Math.round(cadre[a.index] * 10) + Math.round(staff[a.index] * 10), 20))).toBe(true);
            if (c > 0) {
              expect(tierRank(a.tier)).toBeLessThanOrEqual(tierRank(b.tier));
              expect(a.rank!).toBeLessThan(b.rank!);
            }
            if (c === 0) expect(a.rank).toBe(b.rank);
          }
        // Competition ranking: a rank equals 1 + the number of strictly better scores.
        for (const a of r.subjects) expect(a.rank).toBe(1 + r.subjects.filter((b) => b.score!.compare(a.score!) > 0).length);
      }),
      { numRuns: 100 },
    );
  });
});

describe('malformed grids', () => {
  const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constantFrom<CellValue>(null, '', '√', '✔', '优秀', '称职', '基本称职', '不称职', '姓名', '王毅', '陈刚', '测评人类别：干部', '注：', '满 意', 'V', '  '),
    fc.string({ maxLength: 6 }),
    fc.integer({ min: -5, max: 200 }),
    fc.double({ noNaN: false }),
    fc.boolean(),
    fc.constant<CellValue>({ error: '#N/A' }),
    fc.constant<CellValue>({ formula: 'SUM(A1:A2)', value: 3 }),
  );
  const gridArb = fc.record({
    rows: fc.array(fc.array(cellArb, { maxLength: 8 }), { maxLength: 14 }),
    merges: fc.array(fc.record({ r1: fc.integer({ min: -1, max: 15 }), c1: fc.integer({ min: -1, max: 9 }), r2: fc.integer({ min: -1, max: 1e6 }), c2: fc.integer({ min: -1, max: 20 }) }), { maxLength: 6 }),
  });

  it.each([['p1-double-pledge'], ['p4-middle-managers'], ['p5-party-members'], ['p3-village-two-rounds']])('never throw, and every finding names file, sheet and a cell (%s)', (id) => {
    const scheme = getPreset(id);
    fc.assert(
      fc.property(fc.array(gridArb, { minLength: 1, maxLength: 3 }), (grids) => {
        const r = runCampaign({ scheme, roster, submissions: grids.map((g, i) => submission(`m${i}.xlsx`, { name: `S${i}`, ...g })) });
        for (const f of r.read.findings) {
          expect(f.file).toMatch(/^m\d\.xlsx$/);
          expect(f.sheet).toMatch(/^S\d$/);
          expect(parseAddress(f.cell ?? '')).not.toBeNull();
          expect(f.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('exact arithmetic', () => {
  it('7 of 10 is exactly 70% and decimals are read exactly', () => {
    expect(Fraction.of(7, 10).equals(Fraction.fromDecimal('0.7'))).toBe(true);
    expect(Fraction.fromDecimal(0.1).add(Fraction.fromDecimal(0.2)).equals(Fraction.fromDecimal('0.3'))).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (k, n) => {
        const f = Fraction.of(k, n);
        expect(f.mul(Fraction.of(n)).equals(Fraction.of(k))).toBe(true);
        expect(f.compare(Fraction.of(k * 2, n * 2))).toBe(0);
      }),
    );
  });
});
