/**
 * Runs `pingyi` in-process (src/cli/pingyi.ts main) with an io that collects what it writes, and
 * small file helpers shared by the command-line tests.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { main } from '../../src/cli/pingyi';
import { resultJson } from '../../src/cli/result-json';
import { CellValue, SheetGrid } from '../../src/core/forms/grid';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function pingyi(argv: string[], stdin = ''): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdin: () => stdin, isTTY: false });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

export type ResultJson = ReturnType<typeof resultJson>;
export type SubjectJson = ResultJson['subjects'][number];

/** `pingyi score … --json` parsed. */
export function parseJson(run: Run): ResultJson {
  return JSON.parse(run.stdout) as ResultJson;
}

export function tempDir(tag: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `pingyi-${tag}-`));
}

/** The bytes of every file under the given paths (folders walked), to check nothing was changed. */
export function snapshot(...paths: string[]): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (p: string) => {
    if (fs.statSync(p).isDirectory()) for (const n of fs.readdirSync(p)) walk(path.join(p, n));
    else out.set(p, fs.readFileSync(p));
  };
  paths.forEach(walk);
  return out;
}

/** Paths whose bytes differ from the snapshot (or that disappeared). */
export function changedSince(before: Map<string, Buffer>): string[] {
  return [...before].filter(([p, b]) => !fs.existsSync(p) || !fs.readFileSync(p).equals(b)).map(([p]) => p);
}

/** Level → votes of a subject's shares (pooled over forms, rounds and groups). */
export function votes(s: SubjectJson): Record<string, number> {
  return Object.fromEntries(s.shares.map((l) => [l.level, l.votes]));
}

/** Level → share text of a subject's shares. */
export function shares(s: SubjectJson): Record<string, string | null> {
  return Object.fromEntries(s.shares.map((l) => [l.level, l.share]));
}

export function subject(json: ResultJson, name: string): SubjectJson {
  const s = json.subjects.find((x) => x.name === name);
  if (!s) throw new Error(`no subject ${name} in the result`);
  return s;
}

/** Writes plain grids (tests/helpers/grids.ts, annex-forms.ts) as one workbook with SheetJS, in the given format. */
export function writeGrids(file: string, bookType: 'xlsx' | 'biff8' | 'ods', ...grids: SheetGrid[]): string {
  const wb = XLSX.utils.book_new();
  for (const g of grids) {
    const rows = g.rows.map((row) => row.map((v: CellValue) => (v !== null && typeof v === 'object' ? null : v)));
    const ws = XLSX.utils.aoa_to_sheet(rows);
    if (g.merges.length > 0) ws['!merges'] = g.merges.map((m) => ({ s: { r: m.r1, c: m.c1 }, e: { r: m.r2, c: m.c2 } }));
    XLSX.utils.book_append_sheet(wb, ws, g.name);
  }
  fs.writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType }) as Buffer);
  return file;
}
