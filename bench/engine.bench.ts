/**
 * Benchmark 1 (issue "Benchmarks and hardening"): validate + tally + score at 10 thousand, 100 thousand
 * and 1 million marks; marks per second, and the ratio to a baseline that only walks the same grids
 * once. Targets: ≥ 5 million marks per second and ≤ 3× the baseline. Exits non-zero on a miss.
 */
import { readBallots } from '../src/core/ballots/read-ballots';
import { runCampaign } from '../src/core/engine';
import { evaluate } from '../src/core/results/evaluate';
import { buildRoster } from '../src/core/roster/roster';
import { tallyBallots } from '../src/core/tally/tally';
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
/** Where the time goes: the stages of runCampaign timed one by one (each the best of `repeat`), after the main figures. */
function stages(roster: { name: string }[], submissions: Submission[], repeat: number): string {
  const best = [Infinity, Infinity, Infinity];
  for (let i = 0; i < repeat; i++) {
    const t0 = process.hrtime.bigint();
    const r = buildRoster(roster);
    const read = readBallots(scheme, r, submissions);
    const t1 = process.hrtime.bigint();
    const tally = tallyBallots(scheme, r.subjects.length, read);
    const t2 = process.hrtime.bigint();
    evaluate(scheme, r, tally, read.uncounted);
    const t3 = process.hrtime.bigint();
    [t1 - t0, t2 - t1, t3 - t2].forEach((t, k) => (best[k] = Math.min(best[k], Number(t) / 1e9)));
  }
  return best.map((t) => t.toFixed(4)).join(' | ');
}

let failed = false;
const perStage: string[] = [];
console.log('| 记数 marks | 用时 s | marks/s | 基线用时 s | 倍数 | 达标 |');
console.log('|---|---|---|---|---|---|');
for (const c of cases) {
  const { roster, submissions } = campaign(c.subjects, c.ballots);
  const repeat = c.marks >= 1e6 ? 1 : 3;
  const engine = time(() => runCampaign({ scheme, roster, submissions, today: '2026-12-01' }), repeat);
  const baseline = time(() => walk(submissions));
  const rate = c.marks / engine;
  const ratio = engine / baseline;
  const ok = rate >= 5e6 && ratio <= 3;
  failed ||= !ok;
  console.log(`| ${c.marks.toLocaleString()} | ${engine.toFixed(3)} | ${Math.round(rate).toLocaleString()} | ${baseline.toFixed(4)} | ${ratio.toFixed(1)}× | ${ok ? '是' : '否'} |`);
  perStage.push(`| ${c.marks.toLocaleString()} | ${stages(roster, submissions, repeat)} |`);
}
console.log('\n分阶段（读票含识别与校验）:\n\n| 记数 marks | 读票 s | 计票 s | 评定 s |\n|---|---|---|---|');
for (const line of perStage) console.log(line);
process.exitCode = failed ? 1 : 0;
