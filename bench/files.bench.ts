/**
 * Benchmark 2 (issue "Benchmarks and hardening"): the file host and the command line on 200 and
 * 1,000 returned workbooks of 50 rows each, against a baseline that only parses the same files with
 * the same library and options. Target: the pipeline takes at most 1.3× the baseline's time.
 * Exits non-zero on a miss.
 *
 * The workbooks (preset p1-double-pledge, 50 subjects, half of them from each rater group) are
 * made in a temporary folder by a writer other than the one measured: the project's template writer
 * (exceljs, src/hosts/files/write-workbook.ts) writes the two templates, and SheetJS fills and saves
 * each copy as a rater would (tests/helpers/fill-workbook.ts), deflated as Excel saves them, with the
 * template's very hidden `_pingyi` sheet kept.
 *
 * Measured, each in a fresh Node process (so the peak RSS, `process.resourceUsage().maxRSS`, is
 * the case's own), after the modules are loaded, from the first file read to the end:
 *   baseline  list the folder, readFileSync each file, XLSX.read it (@e965/xlsx with the reader's own
 *             options, src/hosts/files/read-workbook.ts PARSE_OPTIONS), drop the workbook;
 *   read      the file layer alone: readWorkbook (src/hosts/files/read-workbook.ts) on every file as the
 *             command line calls it (hash, format sniffing, zip guard, parse of the entries the guard
 *             inflated, grids); no target;
 *   validate  `pingyi validate --scheme p1-double-pledge --roster 名册.xlsx <folder>` in-process
 *             (src/cli/pingyi.ts main): readWorkbook for every file (hash, zip guard, parse, grids),
 *             duplicate check, runCampaign (validate, tally, score), the findings printed to a sink;
 *   score     `pingyi score … --out 结果.xlsx`: the same, plus the result workbook written (exceljs).
 * Cases run interleaved (baseline, read, validate, score, baseline, ...) so that load on the shared machine
 * falls on all of them alike; the table shows the best of the runs and the ratio of best to best, for
 * wall time (the target) and for CPU time (user + system, all threads: steadier on a loaded machine,
 * but it also counts V8's garbage collector threads, hence CPU above wall time).
 *
 *   npx tsx bench/files.bench.ts [--runs 3] [--keep] [--files <folder kept by --keep>]
 *   npx tsx bench/files.bench.ts --child <mode> <folder> <roster> <out> [--profile <file.cpuprofile>]
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { extname, join } from 'path';
import * as XLSX from '@e965/xlsx';
import { machine, mib, runChild, table } from './common';

const PRESET = 'p1-double-pledge';
const TODAY = '2026-12-01';
const SIZES = [200, 1000];
const TARGET = 1.3;
/** The target applies to validate and score; read (the file layer alone) is shown to see where the time goes. */
const MODES = ['baseline', 'read', 'validate', 'score'];
const LEVELS = ['优秀', '称职', '基本称职', '不称职'];
const GROUPS = ['服务对象代表', '党组织负责人'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['建国', '秀英', '志强', '丽华', '海燕'];

/**
 * The options readWorkbook passes to SheetJS (src/hosts/files/read-workbook.ts, PARSE_OPTIONS; not
 * imported from there so that the baseline loads SheetJS alone; the parent process checks they agree). `type` is
 * 'buffer' there too in Node (parser-input.ts).
 */
const PARSE_OPTIONS: XLSX.ParsingOptions = {
  cellFormula: true,
  cellNF: false,
  cellHTML: false,
  cellStyles: false,
  cellText: false,
  cellDates: true,
  dense: true,
  sheetStubs: false,
  bookVBA: false,
  bookFiles: false,
  bookDeps: false,
  WTF: false,
  type: 'buffer',
};

/** The CLI's own selection: files in the folder with a workbook extension, sorted (no subfolders here). */
function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .filter((n) => !n.startsWith('.') && !n.startsWith('~$') && ['.xlsx', '.xlsm', '.xls', '.ods', '.csv', '.et'].includes(extname(n).toLowerCase()))
    .map((n) => join(dir, n));
}

// ---------------------------------------------------------------------------------------------
// Child: one measured case.

/**
 * A CPU profile of the measured part only (not module loading): `--profile out.cpuprofile` after the
 * child's arguments; open it in Chrome DevTools.
 */
async function startProfile(file: string): Promise<() => Promise<void>> {
  const { Session } = await import('inspector');
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((ok, fail) => session.post(method, params ?? {}, (e, r) => (e ? fail(e) : ok(r))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  return async () => {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

interface CaseResult {
  mode: string;
  files: number;
  seconds: number;
  /** User + system CPU time of the whole process (all threads) over the same span. */
  cpuSeconds: number;
  rssStart: number;
  maxRss: number;
  check: string;
}

async function child(mode: string, dir: string, roster: string, out: string, profile?: string): Promise<void> {
  let check = '';
  let run: () => Promise<void>;
  if (mode === 'baseline') {
    run = async () => {
      let sheets = 0;
      for (const path of listFiles(dir)) {
        const wb = XLSX.read(readFileSync(path), PARSE_OPTIONS);
        sheets += wb.SheetNames.length;
      }
      check = `${sheets} sheets parsed`;
    };
  } else if (mode === 'read') {
    const { readWorkbook } = await import('../src/hosts/files/read-workbook');
    run = async () => {
      let sheets = 0;
      for (const path of listFiles(dir)) {
        const outcome = await readWorkbook(path.slice(dir.length + 1), new Uint8Array(readFileSync(path)));
        sheets += outcome.submission?.sheets.length ?? 0;
      }
      check = `${sheets} sheets read`;
    };
  } else {
    const { main } = await import('../src/cli/pingyi');
    const argv =
      mode === 'validate'
        ? ['validate', '--scheme', PRESET, '--roster', roster, dir, '--today', TODAY]
        : ['score', '--scheme', PRESET, '--roster', roster, dir, '--today', TODAY, '--out', out];
    run = async () => {
      const stdout: string[] = [];
      const code = await main(argv, { stdout: (t) => stdout.push(t), stderr: () => undefined, stdin: () => '', isTTY: false });
      const text = stdout.join('');
      if (mode === 'validate') check = `exit ${code}; ${text.split('\n')[0]}`;
      else check = `exit ${code}; result ${statSync(out).size} bytes`;
      if (code !== 0) throw new Error(`pingyi ${mode} exited ${code}:\n${text.slice(0, 3000)}`);
    };
  }
  const files = listFiles(dir).length;
  if (global.gc) global.gc();
  const rssStart = process.memoryUsage().rss;
  const stopProfile = profile ? await startProfile(profile) : null;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await run();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  await stopProfile?.();
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const result: CaseResult = { mode, files, seconds, cpuSeconds, rssStart, maxRss, check };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

// ---------------------------------------------------------------------------------------------
// Parent: make the files, run the cases, print the table.

async function makeFiles(root: string, count: number): Promise<{ dir: string; roster: string; seconds: number }> {
  const t0 = Date.now();
  // Imported here only: the children measured must not load the writers.
  const { describeTemplates } = await import('../src/core/output/describe-templates');
  const { getPreset } = await import('../src/core/presets');
  const { writeWorkbook } = await import('../src/hosts/files/write-workbook');
  const { FilledTemplate, writeRoster } = await import('../tests/helpers/fill-workbook');

  const names = SURNAMES.flatMap((s) => GIVEN.map((g) => `${s}${g}`));
  // One 支部 of 50 members: P1 holds its 述诺测评 per 支部 (forms[].perUnit), one template per unit and group,
  // so several units would give 10-row forms instead of the 50 rows measured here.
  const unit = '第一党支部';
  const roster = writeRoster(
    join(root, '名册.xlsx'),
    ['姓名', '单位'],
    names.map((n) => [n, unit]),
  );
  const scheme = getPreset(PRESET);
  const templates = describeTemplates(scheme, names.map((name) => ({ name, unit })));
  if (templates.length !== GROUPS.length) throw new Error(`expected ${GROUPS.length} templates, got ${templates.length}`);
  const filled = [];
  for (const group of GROUPS) {
    const t = templates.find((d) => d.cells.some((row) => row.some((c) => typeof c.value === 'string' && c.value.includes(group))));
    if (!t) throw new Error(`no template for ${group}`);
    filled.push(new FilledTemplate(Buffer.from(await writeWorkbook([t]))));
  }
  const dir = join(root, `回收-${count}`);
  mkdirSync(dir);
  let seed = 20261201;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let b = 0; b < count; b++) {
    const t = filled[b % 2];
    const levelColumns = LEVELS.map((l) => t.column(l));
    for (const name of names) {
      const r = t.row(name);
      for (const c of levelColumns) t.set(r, c, null);
      // Mostly 优秀 and 称职, as returned forms are.
      const x = next() % 100;
      t.set(r, levelColumns[x < 55 ? 0 : x < 90 ? 1 : x < 98 ? 2 : 3], '√');
    }
    t.toBytes(); // writes the marks into the sheet
    const bytes = XLSX.write(t.wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
    // Numbered first, so that the first 200 in name order (the smaller case) hold both groups alike.
    writeFileSync(join(dir, `${String(b + 1).padStart(4, '0')}-${GROUPS[b % 2]}.xlsx`), bytes);
  }
  return { dir, roster, seconds: (Date.now() - t0) / 1000 };
}

async function parent(): Promise<void> {
  // The baseline's copy of the options must be the reader's own (checked here, in the parent, so the
  // baseline child still loads SheetJS alone).
  const { PARSE_OPTIONS: readerOptions } = await import('../src/hosts/files/read-workbook');
  const { type: _type, ...baselineOptions } = PARSE_OPTIONS;
  if (JSON.stringify(baselineOptions) !== JSON.stringify(readerOptions)) throw new Error('bench/files.bench.ts PARSE_OPTIONS differ from read-workbook.ts PARSE_OPTIONS: keep them in step');
  const args = process.argv.slice(2);
  const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
  const keep = args.includes('--keep');
  const reuse = args.includes('--files') ? args[args.indexOf('--files') + 1] : null;
  const root = reuse ?? mkdtempSync(join(tmpdir(), 'pingyi-bench-files-'));
  try {
    const largest = Math.max(...SIZES);
    const made = reuse ? { dir: join(root, `回收-${largest}`), roster: join(root, '名册.xlsx'), seconds: 0 } : await makeFiles(root, largest);
    const bytes = listFiles(made.dir).reduce((n, f) => n + statSync(f).size, 0);
    console.log(`${largest} workbooks written in ${made.seconds.toFixed(1)} s (${mib(bytes)}, about ${Math.round(bytes / largest / 1024)} KiB each) under ${root}`);
    const dirs = new Map<number, string>([[largest, made.dir]]);
    for (const n of SIZES.filter((s) => s !== largest)) {
      const dir = join(root, `回收-${n}`);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir);
      for (const f of listFiles(made.dir).slice(0, n)) copyFileSync(f, join(dir, f.slice(made.dir.length + 1)));
      dirs.set(n, dir);
    }

    const rows: (string | number)[][] = [];
    let failed = false;
    for (const n of SIZES) {
      const best: Record<string, CaseResult> = {};
      for (let i = 0; i < runs; i++)
        for (const mode of MODES) {
          const r = runChild<CaseResult>(__filename, ['--child', mode, dirs.get(n)!, made.roster, join(root, `结果-${n}.xlsx`)]);
          if (r.files !== n) throw new Error(`${mode}: ${r.files} files, expected ${n}`);
          const b = best[mode];
          if (!b || r.seconds < b.seconds) best[mode] = { ...r, maxRss: Math.max(r.maxRss, b?.maxRss ?? 0), cpuSeconds: Math.min(r.cpuSeconds, b?.cpuSeconds ?? Infinity) };
          else Object.assign(b, { maxRss: Math.max(b.maxRss, r.maxRss), cpuSeconds: Math.min(b.cpuSeconds, r.cpuSeconds) });
        }
      const base = best.baseline;
      for (const mode of MODES) {
        const r = best[mode];
        const ratio = r.seconds / base.seconds;
        const targeted = mode === 'validate' || mode === 'score';
        const ok = !targeted || ratio <= TARGET;
        if (!ok) failed = true;
        rows.push([
          n.toLocaleString('en-US'),
          mode,
          r.seconds.toFixed(2),
          (r.seconds / n * 1000).toFixed(1),
          mode === 'baseline' ? '1.00×' : `${ratio.toFixed(2)}×`,
          r.cpuSeconds.toFixed(2),
          mode === 'baseline' ? '1.00×' : `${(r.cpuSeconds / base.cpuSeconds).toFixed(2)}×`,
          mib(r.maxRss),
          mib(r.rssStart),
          targeted ? (ok ? '是' : '否') : '',
        ]);
        console.error(`[${n} ${mode}] ${r.check}`);
      }
    }
    console.log(`\nMachine: ${machine()}; best of ${runs} runs each\n`);
    console.log(
      table(['workbooks', 'case', 'time s', 'ms/file', 'time ratio', 'CPU s', 'CPU ratio', 'peak RSS', 'RSS after loading', `met (time ratio ≤ ${TARGET}×)`], rows),
    );
    process.exitCode = failed ? 1 : 0;
  } finally {
    if (keep || reuse) console.log(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  const [, mode, dir, roster, out, flag, profile] = process.argv.slice(2);
  child(mode, dir, roster, out, flag === '--profile' ? profile : undefined).catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  parent().catch((e) => {
    console.error(e);
    process.exitCode = 2;
  });
}
