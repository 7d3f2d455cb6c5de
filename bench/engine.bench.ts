/**
 * Benchmark 1 (issue "Benchmarks and hardening"): validate + tally + score at 10 thousand, 100 thousand
 * and 1 million marks; marks per second, and the ratio to a baseline that only walks the same grids
 * once. Targets: ≥ 5 million marks per second and ≤ 3× the baseline. Exits non-zero on a miss.
 */
import { runCampaign } from '../src/core/engine';
import { CellValue, Submission } from '../src/core/forms/grid';
import { getPreset } from '../src/core/presets';

const LEVELS = ['优秀', '称职', '基本称职', '不称职'];
const scheme = getPreset('p1-double-pledge');

function campaign(subjects: number, ballots: number) {
  const roster = Array.from({ length: subjects }, (_, i) => ({ name: `党员${String(i).padStart(5, '0')}` }));
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const submissions: Submission[] = [];
  for (let b = 0; b < ballots; b++) {
    const rows: CellValue[][] = [[`测评人类别：${b % 2 ? '服务对象代表' : '党组织负责人'}`], [`票号：${b}`], ['姓名', ...LEVELS]];
    for (const p of roster) {
      const row: CellValue[] = [p.name, null, null, null, null];
      row[1 + (next() % 4)] = '√';
      rows.push(row);
    }
    submissions.push({ file: `b${b}.xlsx`, sheets: [{ name: '测评表', rows, merges: [] }] });
  }
  return { roster, submissions };
}

/** The baseline: walk every cell of every grid once, counting marks. */
function walk(submissions: Submission[]): number {
  let marks = 0;
  for (const s of submissions) for (const sh of s.sheets) for (const row of sh.rows) for (const v of row) if (v === '√') marks++;
  return marks;
}

function time(fn: () => void, repeat = 3): number {
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const t = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e9);
  }
  return best;
}

const cases = [
  { marks: 10_000, subjects: 100, ballots: 100 },
  { marks: 100_000, subjects: 200, ballots: 500 },
  { marks: 1_000_000, subjects: 500, ballots: 2000 },
];
let failed = false;
console.log('| 记数 marks | 用时 s | marks/s | 基线用时 s | 倍数 | 达标 |');
console.log('|---|---|---|---|---|---|');
for (const c of cases) {
  const { roster, submissions } = campaign(c.subjects, c.ballots);
  const engine = time(() => runCampaign({ scheme, roster, submissions, today: '2026-12-01' }), c.marks >= 1e6 ? 1 : 3);
  const baseline = time(() => walk(submissions));
  const rate = c.marks / engine;
  const ratio = engine / baseline;
  const ok = rate >= 5e6 && ratio <= 3;
  failed ||= !ok;
  console.log(`| ${c.marks.toLocaleString()} | ${engine.toFixed(3)} | ${Math.round(rate).toLocaleString()} | ${baseline.toFixed(4)} | ${ratio.toFixed(1)}× | ${ok ? '是' : '否'} |`);
}
process.exitCode = failed ? 1 : 0;
