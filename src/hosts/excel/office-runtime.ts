/**
 * The Excel host wired to the real Office.js (loaded by the task pane page from Microsoft's CDN):
 * the only file of the host that touches the `Excel` and `Office` globals, so everything else is
 * tested against the fake without them.
 */
import { ExcelWorkbookHost } from './excel-host';

export function createOfficeExcelHost(): ExcelWorkbookHost {
  return new ExcelWorkbookHost({
    run: (batch) => Excel.run(batch),
    supports: (set, version) => Office.context.requirements.isSetSupported(set, version),
  });
}
