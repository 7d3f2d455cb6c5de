/**
 * Benchmark 3 (issue "Benchmarks and hardening"): the Excel host (src/hosts/excel) against the
 * strict fake object model (tests/fakes/fake-excel.ts) with sheets of 5,000 and 50,000 rows.
 * Reported for reading a sheet (readSheets) and for writing the result workbook computed from it
 * (writeSheets of describeResultWorkbook: 排名表, 公示表, 整改清单, 统计表, 校验结果): the number of
 * context.sync() calls, how many of them are fixed and how many carry a block of data, and the
 * largest request and response. Exits non-zero on a miss.
 *
 * Targets:
 *   - the sync count is constant per block: the syncs that carry no block of rows are the same number
 *     at 5,000 and at 50,000 rows (reading: names, used ranges, sample; writing: two to take stock,
 *     and one per sheet to swap it in), and each block is one sync filled to about the budget
 *     (blocks ≤ ⌈block bytes ÷ 1 MB⌉ + 1 per sheet, so they grow with the bytes, never per row);
 *   - no request over 5 MB (5 × 1024 × 1024 bytes, Excel on the web's limit as the fake has it).
 * The fake's own 5 MB limits are lifted here so that a request over them is measured, not refused.
 * No times: they would be the fake's (its per-cell bookkeeping and garbage), not Excel's.
 *
 *   npx tsx bench/excel-host.bench.ts
 */
import { runCampaign } from '../src/core/engine';
import { describeResultWorkbook } from '../src/core/output/describe-workbooks';
import { getPreset } from '../src/core/presets';
import { ExcelWorkbookHost } from '../src/hosts/excel/excel-host';
import { FakeExcel, FakeInput, SyncRecord } from '../tests/fakes/fake-excel';
import { machine, mib, table } from './common';

const FIVE_MB = 5 * 1024 * 1024;
const MB = 1_000_000;
const SIZES = [5_000, 50_000];
const LEVELS = ['优秀', '称职', '基本称职', '不称职'];
const SHEET = '测评表';

/** A p1-double-pledge ballot listing `n` subjects: title, 测评人类别, header, a row per subject. */
function ballotRows(n: number): FakeInput[][] {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const rows: FakeInput[][] = [['党员践诺情况考评表'], ['测评人类别：党组织负责人'], ['序号', '姓名', ...LEVELS, '备注']];
  for (let i = 0; i < n; i++) {
    const row: FakeInput[] = [i + 1, name(i), null, null, null, null, i % 97 === 0 ? '本人已调离' : null];
    const x = next() % 100;
    row[2 + (x < 55 ? 0 : x < 90 ? 1 : x < 98 ? 2 : 3)] = '√';
    rows.push(row);
  }
  return rows;
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国';

/** Distinct two- or three-character names. */
function name(i: number): string {
  const s = SURNAMES[i % SURNAMES.length];
  const g1 = GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length];
  const rest = Math.floor(i / (SURNAMES.length * GIVEN.length));
  return rest === 0 ? `${s}${g1}` : `${s}${g1}${GIVEN[rest % GIVEN.length]}${rest >= GIVEN.length ? Math.floor(rest / GIVEN.length) : ''}`;
}

interface Measured {
  syncs: SyncRecord[];
  /** Syncs per group: the fixed ones and each sheet's (reading: one group). */
  groups: { label: string; syncs: SyncRecord[] }[];
  fixed: SyncRecord[];
}

function summary(op: string, rows: number, m: Measured, fixedExpected: number) {
  const maxReq = Math.max(...m.syncs.map((s) => s.requestBytes));
  const maxRes = Math.max(...m.syncs.map((s) => s.responseBytes));
  const blocks = m.groups.reduce((n, g) => n + g.syncs.length, 0);
  // Each block is one sync filled to about the budget: no more blocks than the bytes need.
  const blockBound = m.groups.every((g) => {
    const bytes = g.syncs.reduce((n, s) => n + Math.max(s.requestBytes, s.responseBytes), 0);
    return g.syncs.length <= Math.ceil(bytes / MB) + 1;
  });
  const fixedOk = m.fixed.length === fixedExpected;
  const sizeOk = maxReq <= FIVE_MB;
  return {
    op,
    rows,
    syncs: m.syncs.length,
    fixed: m.fixed.length,
    blocks,
    maxReq,
    maxRes,
    ok: fixedOk && blockBound && sizeOk,
    why: [!fixedOk && `fixed syncs ${m.fixed.length}, expected ${fixedExpected}`, !blockBound && 'more blocks than the bytes need', !sizeOk && 'request over 5 MB'].filter(Boolean).join('; '),
  };
}

async function measure(rows: number) {
  const fx = new FakeExcel({ requestByteLimit: Number.MAX_SAFE_INTEGER, responseByteLimit: Number.MAX_SAFE_INTEGER });
  fx.addSheet(SHEET, ballotRows(rows));
  const host = new ExcelWorkbookHost({ run: fx.run, supports: fx.supports });

  // Reading: names, used ranges, sample (3 fixed), then one sync per band.
  const { sheets, findings } = await host.readSheets([SHEET]);
  const readSyncs = fx.syncs.slice();
  if (sheets[0].rows.length !== rows + 3) throw new Error(`read ${sheets[0].rows.length} rows, expected ${rows + 3}`);
  if (findings.length > 0) throw new Error(`findings while reading: ${findings.map((f) => f.message).join('; ')}`);
  const read: Measured = { syncs: readSyncs, fixed: readSyncs.slice(0, 3), groups: [{ label: SHEET, syncs: readSyncs.slice(3) }] };

  // The result workbook of a campaign with this one ballot, as the task pane writes it.
  const scheme = getPreset('p1-double-pledge');
  const roster = Array.from({ length: rows }, (_, i) => ({ name: name(i) }));
  const result = runCampaign({ scheme, roster, submissions: [{ file: fx.workbookName, sheets }], today: '2026-12-01' });
  const descriptions = describeResultWorkbook(result);
  if (result.read.ballots.length !== 1) throw new Error(`the ballot was not counted: ${result.findings.slice(0, 3).map((f) => f.message).join('; ')}`);

  // Writing: two syncs to take stock, then per sheet its blocks and one to swap it in.
  const start = fx.syncs.length;
  const marks: number[] = [];
  const outcome = await host.writeSheets(descriptions, (p) => {
    if (p.done < p.total) marks.push(fx.syncs.length);
  });
  const end = fx.syncs.length;
  const writeSyncs = fx.syncs.slice(start);
  const groups = descriptions.map((d, i) => {
    const own = fx.syncs.slice(marks[i], i + 1 < marks.length ? marks[i + 1] : end);
    // The last sync of each sheet swaps it in (delete the old one, rename, move).
    return { label: `${d.name} (${d.cells.length} rows)`, syncs: own.slice(0, -1), swap: own.slice(-1) };
  });
  const write: Measured = {
    syncs: writeSyncs,
    fixed: [...fx.syncs.slice(start, marks[0]), ...groups.flatMap((g) => g.swap)],
    groups,
  };
  if (outcome.written.length !== descriptions.length) throw new Error(`wrote ${outcome.written.length} of ${descriptions.length} sheets`);
  if (fx.violations.length > 0) throw new Error(`fake violations: ${fx.violations.join('; ')}`);
  return {
    read: summary('read', rows, read, 3),
    write: summary('write', rows, write, 2 + descriptions.length),
    perSheet: groups.map((g) => `${g.label}: ${g.syncs.length} block sync(s), largest request ${mib(Math.max(...g.syncs.map((s) => s.requestBytes)))}`),
  };
}

async function main() {
  const out = [];
  for (const n of SIZES) {
    const m = await measure(n);
    out.push(m.read, m.write);
    console.error(`[${n.toLocaleString('en-US')} rows] ${m.perSheet.join('; ')}`);
  }
  // Constant per block: the fixed syncs do not change with the number of rows.
  for (const op of ['read', 'write'])
    for (const r of out.filter((x) => x.op === op))
      if (r.fixed !== out.find((x) => x.op === op)!.fixed) {
        r.ok = false;
        r.why = [r.why, 'fixed syncs differ between sizes'].filter(Boolean).join('; ');
      }
  console.log(`\nMachine: ${machine()}\n`);
  console.log(
    table(
      ['rows', 'operation', 'syncs', 'fixed syncs', 'block syncs', 'largest request', 'largest response', 'met'],
      out.map((r) => [r.rows.toLocaleString('en-US'), r.op, r.syncs, r.fixed, r.blocks, mib(r.maxReq), mib(r.maxRes), r.ok ? '是' : `否 (${r.why})`]),
    ),
  );
  process.exitCode = out.every((r) => r.ok) ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 2;
});
