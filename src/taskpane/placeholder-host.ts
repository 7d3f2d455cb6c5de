/**
 * A stand-in host until the real ones are wired in: the Excel host (src/hosts/excel/excel-host, being
 * written) and the browser-files host of the standalone page (a later issue). Every workbook action
 * reports, in Chinese, that the pane is not open in Excel; nothing is saved or restored. With kind
 * 'files' the pane hides the workbook actions and works with files and downloads only.
 */
import { WorkbookHost } from '../hosts/workbook-host';

export const NOT_IN_EXCEL = '未在 Excel 中打开：无法读写工作簿。请在 Excel 中打开本加载项，或使用文件导入与下载。';

export function createPlaceholderHost(kind: 'excel' | 'files'): WorkbookHost {
  const fail = async (): Promise<never> => {
    throw new Error(NOT_IN_EXCEL);
  };
  return {
    kind,
    listSheets: fail,
    readSheets: fail,
    writeSheets: fail,
    selectCell: fail,
    // Nothing is saved outside a workbook (yet): start from a preset each time.
    loadCampaign: async () => (kind === 'excel' ? fail() : null),
    saveCampaign: async () => (kind === 'excel' ? fail() : undefined),
  };
}
