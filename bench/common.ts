/**
 * What the benchmarks share: the machine line BENCHMARKS.md asks for, Markdown tables, medians,
 * and running a benchmark's own measured cases in a child process (for a clean peak RSS each).
 */
import { spawnSync } from 'child_process';
import { cpus } from 'os';

/** "2 CPUs, Intel(R) Xeon(R) Processor, Node v20.20.2" (os.cpus() is what nproc counts here too). */
export function machine(): string {
  const c = cpus();
  return `${c.length} CPUs, ${c[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}`;
}

export function table(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 2 : 1)} MiB`;
export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/**
 * Runs `file` again in a fresh Node with the same loader flags (tsx) and `args`; the child prints
 * one JSON line last on stdout, which is returned. Throws with the child's stderr if it fails.
 */
export function runChild<T>(file: string, args: string[], options: { timeoutMs?: number; nodeArgs?: string[] } = {}): T {
  const r = spawnSync(process.execPath, [...process.execArgv, ...(options.nodeArgs ?? []), file, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: options.timeoutMs ?? 15 * 60 * 1000,
  });
  if (r.status !== 0) throw new Error(`child ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stderr}\n${r.stdout.slice(-2000)}`);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as T;
}
