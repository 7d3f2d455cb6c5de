/**
 * Replay check for speed work: the command line's outputs before and after a change, to compare byte for byte.
 * Not a benchmark and not part of `npm run bench`; see BENCHMARKS.md §2 ("Replay check").
 *
 *   npx tsx bench/replay.ts make <inputs>
 *       varied returned forms for every preset, two rosters each (with three units, and names only), written to
 *       <inputs>/<preset>-units|plain/{名册.xlsx,回收/}: the project's templates filled at random (√ and other marks,
 *       numbers, stray words in empty cells; some names swapped for another person, an unknown one or a unit;
 *       some 称职 retyped 稱職; some copies without their _pingyi sheet; some files sent twice).
 *   npx tsx bench/replay.ts run <code root> <inputs> <out> [<name>=<scheme>,<roster>,<folder> …]
 *       runs `pingyi validate`, `validate --json`, `score` and `score --json` of the code under <code root> (its
 *       src/cli/pingyi.ts main, in this process) on every folder of <inputs> and on the extra cases given (e.g. the
 *       files benchmark's kept folders), and writes each exit code, stdout and stderr, and the result workbook's
 *       cells, merges and hidden states as SheetJS reads them, under <out>.
 *
 * Old code: `git archive <commit> | tar -x -C <dir>` and link node_modules into <dir>; run both, then `diff -r`.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import * as XLSX from '@e965/xlsx';

async function make(root: string): Promise<void> {
  // Imported here only: `run` must load nothing of this tree but SheetJS, so that it measures the code given.
  const { describeTemplates } = await import('../src/core/output/describe-templates');
  const { PRESETS, getPreset } = await import('../src/core/presets');
  const { writeWorkbook } = await import('../src/hosts/files/write-workbook');
  const { FilledTemplate, writeRoster } = await import('../tests/helpers/fill-workbook');
  let seed = 777;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const names = ['王', '李', '張', '刘', '陈', '杨'].flatMap((s) => ['建国', '秀英', '志强', '麗华', '海燕', '伟'].map((g) => s + g)).slice(0, 14);
  const units = ['第一党支部', '第二党支部', '中共荣兴社区委员会'];
  rmSync(root, { recursive: true, force: true });
  for (const preset of PRESETS) {
    const scheme = getPreset(preset.id);
    for (const variant of ['units', 'plain'] as const) {
      const dir = join(root, `${preset.id}-${variant}`);
      const folder = join(dir, '回收');
      mkdirSync(folder, { recursive: true });
      const roster = names.map((name, i) => (variant === 'units' ? { name, unit: units[i % 3] } : { name }));
      writeRoster(join(dir, '名册.xlsx'), variant === 'units' ? ['姓名', '单位'] : ['姓名'], roster.map((p) => (p.unit ? [p.name, p.unit] : [p.name])));
      let n = 0;
      for (const template of describeTemplates(scheme, roster)) {
        const bytes = Buffer.from(await writeWorkbook([template]));
        for (let copy = 0; copy < 6; copy++) {
          const t = new FilledTemplate(bytes);
          for (let r = 0; r < t.rows.length; r++)
            for (let c = 0; c < t.rows[r].length; c++) {
              const v = t.rows[r][c];
              const x = random();
              if (v === null || v === '') {
                if (r > 2 && x < 0.3) t.set(r, c, pick(['√', '√', '√', '✓', '×', 'v', '优', 85, 7, '是', ' ']));
              } else if (typeof v === 'string' && names.includes(v) && x < 0.05) t.set(r, c, pick([...names, '赵无名', units[0]]));
              else if (typeof v === 'string' && x < 0.01) t.set(r, c, v.replace(/称职/, '稱職'));
            }
          if (random() < 0.2) t.dropMeta();
          const out = t.toBytes();
          const name = String(++n).padStart(3, '0');
          writeFileSync(join(folder, `${name}.xlsx`), out);
          if (random() < 0.1) writeFileSync(join(folder, `${name} - 副本.xlsx`), out);
        }
      }
      console.log(`${preset.id} ${variant}: ${n} files`);
    }
  }
}

async function run(codeRoot: string, inputs: string, out: string, extra: string[]): Promise<void> {
  const cases = readdirSync(inputs)
    .sort()
    .map((d) => ({ name: d, scheme: d.replace(/-(units|plain)$/, ''), roster: join(inputs, d, '名册.xlsx'), folder: join(inputs, d, '回收') }));
  for (const e of extra) {
    const [name, rest] = e.split('=');
    const [scheme, roster, folder] = rest.split(',');
    cases.push({ name, scheme, roster, folder });
  }
  const { main } = (await import(join(resolve(codeRoot), 'src/cli/pingyi.ts'))) as typeof import('../src/cli/pingyi');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const c of cases)
    for (const [label, flags] of [
      ['validate', []],
      ['validate-json', ['--json']],
      ['score', []],
      ['score-json', ['--json']],
    ] as [string, string[]][]) {
      const command = label.startsWith('score') ? 'score' : 'validate';
      const result = join(out, `${c.name}.${label}.xlsx`);
      const argv = [command, '--scheme', c.scheme, '--roster', c.roster, c.folder, '--today', '2026-12-01', ...flags, ...(command === 'score' ? ['--out', result] : [])];
      const stdout: string[] = [];
      const stderr: string[] = [];
      let code: string;
      try {
        code = String(await main(argv, { stdout: (t) => stdout.push(t), stderr: (t) => stderr.push(t), stdin: () => '', isTTY: false }));
      } catch (e) {
        code = `threw ${String(e)}`;
      }
      const own = (t: string) => t.split(out).join('<out>');
      writeFileSync(join(out, `${c.name}.${label}.txt`), `exit ${code}\n--- stdout\n${own(stdout.join(''))}\n--- stderr\n${own(stderr.join(''))}`);
      if (!existsSync(result)) continue;
      const wb = XLSX.read(readFileSync(result), { type: 'buffer', cellFormula: true, cellStyles: true });
      const sheets = wb.SheetNames.map((s, i) => {
        const ws = wb.Sheets[s];
        const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null });
        return [`=== ${s} hidden ${wb.Workbook?.Sheets?.[i]?.Hidden ?? 0} merges ${JSON.stringify(ws['!merges'] ?? [])}`, ...rows.map((r) => JSON.stringify(r))].join('\n');
      });
      writeFileSync(join(out, `${c.name}.${label}.cells.txt`), sheets.join('\n'));
      rmSync(result);
    }
  console.log(`${cases.length} cases written to ${out}`);
}

const [mode, ...rest] = process.argv.slice(2);
(mode === 'make' ? make(rest[0]) : mode === 'run' ? run(rest[0], rest[1], rest[2], rest.slice(3)) : Promise.reject(new Error('usage: replay.ts make <inputs> | run <code root> <inputs> <out> [name=scheme,roster,folder …]'))).catch(
  (e) => {
    console.error(e);
    process.exitCode = 1;
  },
);
