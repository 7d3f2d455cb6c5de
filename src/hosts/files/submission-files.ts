/**
 * Which files found in a folder are taken as returned forms: the command line's folder walk and the
 * standalone page's folder import both ask here, so a folder gives the same batch either way.
 * Hidden files (.DS_Store, ._x.xlsx) and Office/WPS lock files (~$x.xlsx) are the computer's, not
 * a rater's; anything else with another extension is not a workbook. A file picked by name is
 * always read (and reported if it is not a workbook): only a folder's contents are filtered.
 */
export const SUBMISSION_EXTENSIONS = ['.xlsx', '.xlsm', '.xlsb', '.xls', '.et', '.ods', '.csv'] as const;

/** For a file input's accept attribute. */
export const SUBMISSION_ACCEPT = SUBMISSION_EXTENSIONS.join(',');

/** The last part of a path, whichever separator it uses (webkitRelativePath uses /). */
function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** Hidden files and folders (.DS_Store, ._x.xlsx, .git) are the computer's; a hidden folder is skipped whole. */
export function isHiddenName(name: string): boolean {
  return name.startsWith('.');
}

/** True for a file in a folder that is read as a submission; `path` may include folders. */
export function isSubmissionInFolder(path: string): boolean {
  if (path.split(/[/\\]/).some(isHiddenName)) return false;
  const name = baseName(path);
  if (name.startsWith('~$')) return false;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot).toLowerCase() : '';
  return (SUBMISSION_EXTENSIONS as readonly string[]).includes(ext);
}

/** How the files a folder held but were not read are announced (page and command line alike). */
export function notReadTitle(count: number): string {
  return `文件夹中有 ${count} 个文件不是工作簿（或是隐藏文件、临时锁定文件），未读取`;
}
