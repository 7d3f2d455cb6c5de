/**
 * `npm run bench`: the four benchmarks of the issue "Benchmarks and hardening", one after the other,
 * each in its own Node process (engine first), then a line per benchmark. Exits non-zero when any of
 * them missed a target (or failed). Not part of `npm test`; results go in BENCHMARKS.md.
 *
 *   npm run bench                    all four
 *   npm run bench -- files taskpane  only those named
 */
import { spawnSync } from 'child_process';
import { join } from 'path';

const BENCHMARKS = [
  { id: 'engine', file: 'engine.bench.ts', title: '1. Engine' },
  { id: 'files', file: 'files.bench.ts', title: '2. Files' },
  { id: 'excel', file: 'excel-host.bench.ts', title: '3. Excel host' },
  { id: 'taskpane', file: 'taskpane.bench.ts', title: '4. Task pane' },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !BENCHMARKS.some((b) => b.id === w));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.id).join(', ')}`);
  process.exit(2);
}
const results: { title: string; status: number | null; seconds: number }[] = [];
for (const b of BENCHMARKS.filter((x) => wanted.length === 0 || wanted.includes(x.id))) {
  console.log(`\n## ${b.title} (bench/${b.file})\n`);
  const t0 = Date.now();
  // The same Node with the same loader (tsx) this script runs under.
  const r = spawnSync(process.execPath, [...process.execArgv, join(__dirname, b.file)], { stdio: 'inherit' });
  results.push({ title: b.title, status: r.status, seconds: (Date.now() - t0) / 1000 });
}
console.log('\n## Summary\n');
for (const r of results) console.log(`- ${r.title}: ${r.status === 0 ? 'targets met' : r.status === 1 ? 'target missed' : `failed (exit ${r.status})`} (${r.seconds.toFixed(0)} s)`);
process.exitCode = results.every((r) => r.status === 0) ? 0 : 1;
