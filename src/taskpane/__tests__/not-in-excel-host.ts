/**
 * A test double: an Excel host whose every workbook action fails as it does when the pane is not in
 * Excel after all, to show the pane reports it in Chinese without crashing.
 */
import { WorkbookHost } from '../../hosts/workbook-host';

export const NOT_IN_EXCEL = '未在 Excel 中打开：无法读写工作簿。请在 Excel 中打开本加载项，或使用文件导入与下载。';

export function createNotInExcelHost(): WorkbookHost {
  const fail = async (): Promise<never> => {
    throw new Error(NOT_IN_EXCEL);
  };
  return {
    kind: 'excel',
    listSheets: fail,
    readSheets: fail,
    writeSheets: fail,
    selectCell: fail,
    loadCampaign: fail,
    saveCampaign: fail,
  };
}
