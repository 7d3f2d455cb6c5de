/**
 * Which files found in a folder are taken as returned forms, and what is said about the others: the
 * command line's folder walk and the standalone page's folder import both ask here, so a folder gives
 * the same batch and the same findings either way. A file picked by name is always read (and reported
 * if it is not a workbook): only a folder's contents are sorted.
 *
 * Nothing a rater may have sent is left out without a finding (DOMAIN.md: "a file that is not a workbook
 * at all" is rejected with a message naming the file): only what is plainly the computer's own (lock
 * files, Finder/Explorer files, AppleDouble forks, hidden folders such as .git) is passed over quietly.
 */
import { Finding, finding } from '../../core/findings/finding';

/** Workbooks, workbook templates (.xltx, .xlt, WPS .ett: a template filled in is still a ballot) and CSV. */
export const SUBMISSION_EXTENSIONS = ['.xlsx', '.xlsm', '.xlsb', '.xls', '.et', '.ods', '.csv', '.xltx', '.xltm', '.xlt', '.ett'] as const;

/** For a file input's accept attribute. */
export const SUBMISSION_ACCEPT = SUBMISSION_EXTENSIONS.join(',');

/** Archives a batch of ballots is often mailed in: they may hold ballots, so they are errors until unpacked. */
const ARCHIVE_EXTENSIONS = ['.zip', '.rar', '.7z', '.tar', '.gz', '.tgz', '.bz2', '.xz', '.zipx'];

/** Web pages and XML that Excel/WPS save a sheet as ("网页", "XML 电子表格"): the sheet is there, but not as a workbook. */
const WEB_PAGE_EXTENSIONS = ['.html', '.htm', '.mht', '.mhtml', '.xml'];

/** Files Windows and macOS leave in folders by themselves (compared in lower case). */
const SYSTEM_FILE_NAMES = ['thumbs.db', 'ehthumbs.db', 'desktop.ini', '.ds_store', '.localized'];

/** The last part of a path, whichever separator it uses (webkitRelativePath uses /). */
function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/** Hidden files and folders (.DS_Store, ._x.xlsx, .git) start with a dot; a hidden folder is passed over whole. */
export function isHiddenName(name: string): boolean {
  return name.startsWith('.');
}

/**
 * The computer's own, passed over without a finding: a file in a hidden folder (a listed folder ends
 * in /), an Office/WPS lock file (~$x.xlsx), an AppleDouble fork (._x.xlsx), Thumbs.db, desktop.ini,
 * .DS_Store, and any other hidden file that is not a workbook (.gitignore, .localized).
 */
export function isComputersOwn(path: string): boolean {
  const parts = path.split(/[/\\]/).filter((p) => p !== '');
  if (parts.slice(0, -1).some(isHiddenName) || /[/\\]$/.test(path)) return true;
  const name = baseName(path);
  if (name.startsWith('~$') || name.startsWith('._') || SYSTEM_FILE_NAMES.includes(name.toLowerCase())) return true;
  return isHiddenName(name) && !isWorkbookName(name);
}

export function isWorkbookName(name: string): boolean {
  return (SUBMISSION_EXTENSIONS as readonly string[]).includes(extensionOf(name));
}

/** True for a file in a folder that is read as a submission; `path` may include folders. */
export function isSubmissionInFolder(path: string): boolean {
  const name = baseName(path);
  return !isComputersOwn(path) && !isHiddenName(name) && isWorkbookName(name);
}

/**
 * The finding for a file of a folder that is not read, or null for the computer's own. What may hold
 * ballots is an error (the count would be short without a word otherwise): an archive, a web page saved
 * from Excel, a workbook whose name starts with a dot (hidden in Explorer and Finder: most likely a real
 * ballot renamed by mistake, so it is named for the clerk, not read unseen). Anything else (a Word
 * document, a scan, a photo) is a warning that it was not read.
 */
export function notReadFinding(path: string): Finding | null {
  if (isComputersOwn(path)) return null;
  const name = baseName(path);
  const ext = extensionOf(name);
  const where = { file: path };
  if (isHiddenName(name))
    return finding('FILE_HIDDEN', `是隐藏文件（文件名以「.」开头），未读取；如是测评表，请把文件名开头的「.」去掉后重新校验`, where);
  if (ARCHIVE_EXTENSIONS.includes(ext)) return finding('FILE_ARCHIVE', '压缩包，请解压后把其中的测评表放入文件夹重新校验', where);
  if (WEB_PAGE_EXTENSIONS.includes(ext))
    return finding('FILE_NOT_WORKBOOK', '是网页（HTML）或 XML 文件，不是真正的工作簿，未读取；请用 Excel 或 WPS 打开后“另存为” .xlsx 再放入文件夹重新校验', where);
  if (ext === '.numbers') return finding('FILE_NOT_WORKBOOK', '是 Numbers 文件，未读取；请在 Numbers 中“导出为” Excel（.xlsx）后再放入文件夹重新校验', where);
  return finding('FILE_NOT_READ', '不是工作簿，未读取', where);
}

/** The files of a folder not read, as findings (in the order given), and the computer's own ones, to be listed quietly. */
export function sortNotRead(paths: readonly string[]): { findings: Finding[]; computersOwn: string[] } {
  const findings: Finding[] = [];
  const computersOwn: string[] = [];
  for (const p of paths) {
    const f = notReadFinding(p);
    if (f) findings.push(f);
    else computersOwn.push(p);
  }
  return { findings, computersOwn };
}

/** How the computer's own files a folder held are announced (page and command line alike). */
export function notReadTitle(count: number): string {
  return `文件夹中有 ${count} 个系统文件（临时锁定文件、隐藏文件等），未读取`;
}
