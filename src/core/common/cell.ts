/** A1-style cell addresses, 0-based row and column in, "B7" out. */
export function columnName(col: number): string {
  let name = '';
  let n = col + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

export function cellAddress(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

export function rangeAddress(r1: number, c1: number, r2: number, c2: number): string {
  const a = cellAddress(r1, c1);
  const b = cellAddress(r2, c2);
  return a === b ? a : `${a}:${b}`;
}

/** "B7" → {row: 6, col: 1}; null for anything else. */
export function parseAddress(a1: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(a1.trim().toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Runs of consecutive rows or columns (ascending), joined as a clerk reads them: 「12–13、20」, each as `name` gives it. */
export function runsText(sorted: readonly number[], name: (n: number) => string): string {
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(j === i ? name(sorted[i]) : `${name(sorted[i])}–${name(sorted[j])}`);
    i = j + 1;
  }
  return runs.join('、');
}
