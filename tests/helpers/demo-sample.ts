/**
 * The bundled sample campaign (samples/p4-middle-managers.json, a 中层干部述职考核 with 干部50%/员工50%)
 * and the scores it should give, worked out by plain arithmetic: the demo test and the end-to-end
 * test check the result workbook against these, not against the engine's own output.
 */
import { join } from 'path';

export const DEMO_SAMPLE = join(__dirname, '../../samples/p4-middle-managers.json');

export interface DemoSample {
  scheme: string;
  roster: { name: string; flags?: Record<string, string> }[];
  submissions: { file: string; sheets: { rows: unknown[][] }[] }[];
}

/**
 * (干部平均 + 员工平均)/2 per name, from the valid scores only: numbers 0..100, not the resent copy,
 * not the ballot without a group; 陳剛 typed in traditional characters is 陈刚.
 */
export function expectedDemoScores(sample: DemoSample): Map<string, number> {
  const sums: Record<string, Record<string, number[]>> = {};
  for (const s of sample.submissions) {
    if (s.file.includes('重发') || s.file.startsWith('未填')) continue;
    const group = String(s.sheets[0].rows[1][0]).replace('测评人类别：', '');
    for (const row of s.sheets[0].rows.slice(3)) {
      const [name, , score] = row as [string, string, unknown];
      if (typeof score !== 'number' || score < 0 || score > 100) continue;
      const key = name === '陳剛' ? '陈刚' : name;
      ((sums[key] ??= {})[group] ??= []).push(score);
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return new Map(Object.entries(sums).map(([name, g]) => [name, (mean(g['干部']) + mean(g['员工'])) / 2]));
}
