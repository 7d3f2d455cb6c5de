/**
 * Which files of a folder are read as returned forms (src/hosts/files/submission-files.ts), the rule
 * the command line's folder walk and the page's folder import share.
 */
import { SUBMISSION_ACCEPT, isSubmissionInFolder } from '../../src/hosts/files/submission-files';

describe('files in a folder taken as submissions', () => {
  it.each([
    ['评议票.xlsx'],
    ['一支部/评议票.XLSX'],
    ['收回/二支部/民主测评表.xls'],
    ['测评表.et'],
    ['测评表.ods'],
    ['导出.csv'],
    ['宏.xlsm'],
    ['二进制.xlsb'],
    ['C:\\收回\\一支部\\评议票.xlsx'],
  ])('reads %s', (path) => expect(isSubmissionInFolder(path)).toBe(true));

  it.each([
    ['.DS_Store'],
    ['收回/._评议票.xlsx'], // macOS resource fork beside the real file
    ['收回/~$评议票.xlsx'], // Excel / WPS lock file of an open workbook
    ['.git/评议票.xlsx'], // inside a hidden folder
    ['收回/说明.docx'],
    ['收回/扫描件.pdf'],
    ['收回/无扩展名'],
    ['收回/xlsx'],
  ])('skips %s', (path) => expect(isSubmissionInFolder(path)).toBe(false));

  it('the file picker offers the same extensions', () => {
    expect(SUBMISSION_ACCEPT.split(',')).toEqual(['.xlsx', '.xlsm', '.xlsb', '.xls', '.et', '.ods', '.csv']);
  });
});
