/**
 * Which files of a folder are read as returned forms, and what is said of the others
 * (src/hosts/files/submission-files.ts), the rule the command line's folder walk and the page's
 * folder import share.
 */
import { SUBMISSION_ACCEPT, isSubmissionInFolder, notReadFinding, sortNotRead } from '../../src/hosts/files/submission-files';

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
    // Workbook templates filled in and sent back: read like .xlsx / .xls / .et.
    ['附表2-党员6.ett'],
    ['模板.xltx'],
    ['模板.XLT'],
    ['模板.xltm'],
  ])('reads %s', (path) => expect(isSubmissionInFolder(path)).toBe(true));

  it.each([
    ['.DS_Store'],
    ['收回/._评议票.xlsx'], // macOS resource fork beside the real file
    ['收回/~$评议票.xlsx'], // Excel / WPS lock file of an open workbook
    ['.git/评议票.xlsx'], // inside a hidden folder
    ['收回/.隐藏.xlsx'],
    ['收回/说明.docx'],
    ['收回/扫描件.pdf'],
    ['收回/附件打包.zip'],
    ['收回/附表2-党员7.html'],
    ['收回/无扩展名'],
    ['收回/xlsx'],
  ])('does not read %s', (path) => expect(isSubmissionInFolder(path)).toBe(false));

  it('the file picker offers the same extensions', () => {
    expect(SUBMISSION_ACCEPT.split(',')).toEqual(['.xlsx', '.xlsm', '.xlsb', '.xls', '.et', '.ods', '.csv', '.xltx', '.xltm', '.xlt', '.ett']);
  });
});

describe('a folder\'s files not read: a finding each, except the computer\'s own', () => {
  it.each([
    ['.DS_Store'],
    ['收回/Thumbs.db'],
    ['收回/desktop.ini'],
    ['收回/DESKTOP.INI'],
    ['收回/~$附表2-党员10.xlsx'],
    ['收回/._附表2.xlsx'],
    ['__MACOSX/收回/._附表2.xlsx'],
    ['.git/'], // a hidden folder, listed as such
    ['.git/评议票.xlsx'],
    ['收回/.gitignore'],
  ])('%s is the computer\'s own: no finding', (path) => expect(notReadFinding(path)).toBeNull());

  it.each([
    ['收回/附件打包.zip', 'FILE_ARCHIVE', 'error', '压缩包，请解压后把其中的测评表放入文件夹重新校验'],
    ['打包.rar', 'FILE_ARCHIVE', 'error', '压缩包，请解压后把其中的测评表放入文件夹重新校验'],
    ['打包.7Z', 'FILE_ARCHIVE', 'error', '压缩包，请解压后把其中的测评表放入文件夹重新校验'],
    ['附表2-党员7.html', 'FILE_NOT_WORKBOOK', 'error', /网页.*“另存为” \.xlsx/],
    ['附表2.mht', 'FILE_NOT_WORKBOOK', 'error', /网页.*“另存为” \.xlsx/],
    ['.隐藏.xlsx', 'FILE_HIDDEN', 'error', /隐藏文件.*去掉/],
    ['一支部/.附表2.et', 'FILE_HIDDEN', 'error', /隐藏文件/],
    ['收回/说明.docx', 'FILE_NOT_READ', 'warning', '不是工作簿，未读取'],
    ['扫描件.pdf', 'FILE_NOT_READ', 'warning', '不是工作簿，未读取'],
    ['照片.JPG', 'FILE_NOT_READ', 'warning', '不是工作簿，未读取'],
    ['无扩展名', 'FILE_NOT_READ', 'warning', '不是工作簿，未读取'],
  ])('%s: %s', (path, code, severity, message) => {
    const f = notReadFinding(path)!;
    expect(f).toMatchObject({ code, severity, file: path, sheet: null, cell: null });
    if (typeof message === 'string') expect(f.message).toBe(message);
    else expect(f.message).toMatch(message);
  });

  it('sorts a folder\'s leftovers into findings and the computer\'s own, in the order given', () => {
    const { findings, computersOwn } = sortNotRead(['.DS_Store', '.隐藏.xlsx', 'Thumbs.db', '~$附表2.xlsx', '打包.rar', '附表2.mht', '说明.docx']);
    expect(findings.map((f) => [f.file, f.code])).toEqual([
      ['.隐藏.xlsx', 'FILE_HIDDEN'],
      ['打包.rar', 'FILE_ARCHIVE'],
      ['附表2.mht', 'FILE_NOT_WORKBOOK'],
      ['说明.docx', 'FILE_NOT_READ'],
    ]);
    expect(computersOwn).toEqual(['.DS_Store', 'Thumbs.db', '~$附表2.xlsx']);
  });
});
