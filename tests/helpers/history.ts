/**
 * 往年结果 in tests: the grid a clerk fills (a header row with 姓名, perhaps 单位, and a column per year), read
 * the way --history and the task pane read it (hosts/files/read-history.ts).
 */
import { CellValue } from '../../src/core/forms/grid';
import { History } from '../../src/core/results/history';
import { readHistory } from '../../src/hosts/files/read-history';

/** Sheet 往年结果 of 往年结果.xlsx, its first row the header. Reading it must find nothing to report. */
export function historyOf(rows: CellValue[][]): History {
  const { history, findings } = readHistory({ file: '往年结果.xlsx', sheets: [{ name: '往年结果', rows, merges: [] }] });
  if (findings.length > 0) throw new Error(`往年结果 read with findings: ${findings.map((f) => f.message).join('；')}`);
  return history;
}
