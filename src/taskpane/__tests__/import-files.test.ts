/** @jest-environment jsdom */
/**
 * The pane's import passes a re-sent copy's original to the engine (Submission.resentOf), as the command
 * line does, so a ballot re-sent unchanged is counted once there too (core/ballots/repeated-ballots.ts).
 */
import * as XLSX from '@e965/xlsx';
// The kit first: it fills jsdom's gaps (TextDecoder) before the file reader is loaded.
import './pane-test-kit';
import { runCampaign } from '../../core/engine';
import { getPreset } from '../../core/presets';
import { importSubmittedFiles } from '../import-files';

/** A p3 ballot: 刘洋 and 周敏, 合格 or 不合格. */
function ballotFile(name: string, sheet: string, liu: '合格' | '不合格'): File {
  const rows = [['评议票'], ['姓名', '合格', '不合格'], ['刘洋', liu === '合格' ? '√' : null, liu === '不合格' ? '√' : null], ['周敏', '√', null]];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), sheet);
  return new File([XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer], name);
}

it('票03（更正）.xlsx with 票03.xlsx’s marks: named as re-sent, counted once, as on the command line', async () => {
  const imported = await importSubmittedFiles([
    ballotFile('票03.xlsx', '评议票', '不合格'),
    ballotFile('票03（更正）.xlsx', '评议票（更正）', '不合格'), // other bytes, the same marks
    ballotFile('票05.xlsx', '评议票', '合格'),
  ]);
  expect(imported.submissions.map((s) => [s.file, s.resentOf])).toEqual([
    ['票03.xlsx', undefined],
    ['票03（更正）.xlsx', '票03.xlsx'],
    ['票05.xlsx', undefined],
  ]);
  const r = runCampaign({ scheme: getPreset('p3-community-consecutive'), roster: [{ name: '刘洋' }, { name: '周敏' }], submissions: imported.submissions, today: '2026-12-10' });
  expect(r.findings.filter((f) => f.code === 'RESENT_FILE').map((f) => [f.file, f.message])).toEqual([['票03（更正）.xlsx', '可能是重新发送的同一张票：评价与「票03.xlsx」完全相同，只计一次']]);
  // 刘洋 不合格 1 of 2 = 50%, not 超过50%: 合格.
  expect(r.subjects.find((s) => s.name === '刘洋')!.tier).toBe('合格');
});
