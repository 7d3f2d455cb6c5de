/**
 * The browser side of files in the task pane: reading a picked or dropped File, offering bytes as a
 * download, and loading the heavy file libraries only when they are needed. The workbook parser
 * (@e965/xlsx, in read-workbook) and exceljs (in write-workbook) are reached through dynamic
 * `import()` only, so webpack puts them in chunks of their own and the pane opens without them.
 * No network request is made: chunks come from the add-in's own origin.
 */
import { isHiddenName } from '../hosts/files/submission-files';
import { workbookFileName } from '../core/output/sheet-description';

/** The file reader, loaded on first use (its own chunk). */
export function loadReader() {
  return import(/* webpackChunkName: "workbook-reader" */ '../hosts/files/read-workbook');
}

/** The .xlsx writer, loaded on first use (its own chunk). */
export function loadWriter() {
  return import(/* webpackChunkName: "workbook-writer" */ '../hosts/files/write-workbook');
}

/**
 * The result describers (排名表, 公示表, 整改清单, 统计表, 校验结果), loaded when the 写回 step writes or downloads
 * them (their own chunk: they keep the initial bundle under its budget, see BENCHMARKS.md §4).
 */
export function loadResultDescriber() {
  return import(/* webpackChunkName: "result-describer" */ '../core/output/describe-workbooks');
}

/** The ranking order (ties 按姓氏笔画: the stroke data is large), loaded when the 计算 step opens. */
export function loadRankingOrder() {
  return import(/* webpackChunkName: "ranking-order" */ '../core/output/describe-ranking');
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const JSON_MIME = 'application/json';

function viaFileReader(file: Blob, as: 'bytes' | 'text'): Promise<ArrayBuffer | string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer | string);
    reader.onerror = () => reject(reader.error ?? new Error('无法读取文件'));
    if (as === 'bytes') reader.readAsArrayBuffer(file);
    else reader.readAsText(file, 'utf-8');
  });
}

/** The bytes of a picked file (Blob.arrayBuffer where the browser has it, FileReader otherwise). */
export async function readFileBytes(file: Blob): Promise<Uint8Array> {
  const buffer = typeof file.arrayBuffer === 'function' ? await file.arrayBuffer() : ((await viaFileReader(file, 'bytes')) as ArrayBuffer);
  return new Uint8Array(buffer);
}

/** The text of a picked file, read as UTF-8. */
export async function readFileText(file: Blob): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return (await viaFileReader(file, 'text')) as string;
}

/**
 * A file name without the characters Windows refuses: a slash (干部50%/员工50%) becomes 、 as the clerk
 * would write it (a browser would make it _), the others their full-width forms (workbookFileName, as the CLI).
 */
export function safeFileName(name: string): string {
  const extension = /\.[A-Za-z0-9]{1,5}$/.exec(name)?.[0] ?? '';
  return workbookFileName(name.slice(0, name.length - extension.length), extension);
}

/** Today on this computer's calendar, as 2026-11-22 (for the name of a downloaded result). */
export function localDate(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Offers bytes or text as a download under `name` (an object URL and a temporary link). */
export function downloadFile(name: string, data: Uint8Array | string, mime: string): void {
  const blob = new Blob([data as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = safeFileName(name);
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** The message of anything thrown, for a MessageBar (hosts throw Errors whose message is already Chinese). */
export function errorText(e: unknown): string {
  // webpack's error when a chunk of the pane (the file reader or writer, the worker) cannot be loaded.
  if (e instanceof Error && e.name === 'ChunkLoadError')
    return '加载项的部分文件未能载入：请关闭任务窗格（或网页）后重新打开；仍然不行时，请检查加载项文件是否完整。';
  if (e instanceof Error) return e.message || e.name || '未知错误';
  return typeof e === 'string' ? e : '未知错误';
}

/** Paths of files taken from a dropped folder (a File made from a FileSystemFileEntry has no path of its own). */
const droppedPaths = new WeakMap<File, string>();

/**
 * How findings name a file: its path below the folder picked or dropped (so two 评议票.xlsx in
 * different sub-folders differ, as on the command line), otherwise its name.
 */
export function filePath(file: File): string {
  return droppedPaths.get(file) || file.webkitRelativePath || file.name;
}

/** Files from a folder picked or dropped, and the ones left out (not workbooks, hidden, lock files). */
export interface FolderFiles {
  files: File[];
  skipped: string[];
}

/** Keeps the files of a folder that are read as submissions (src/hosts/files/submission-files.ts). */
export function keepSubmissions(files: readonly File[], isSubmission: (path: string) => boolean): FolderFiles {
  const out: FolderFiles = { files: [], skipped: [] };
  for (const f of files) {
    if (isSubmission(filePath(f))) out.files.push(f);
    else out.skipped.push(filePath(f));
  }
  return out;
}

/** Every entry of a directory (readEntries gives them in batches until an empty one). */
async function directoryEntries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function filesUnder(entry: FileSystemEntry, into: File[], skippedFolders: string[]): Promise<void> {
  if (entry.isDirectory) {
    // A hidden folder (.git, .Trash) is listed as left out, not walked.
    if (isHiddenName(entry.name)) {
      skippedFolders.push(`${entry.fullPath.replace(/^\/+/, '')}/`);
      return;
    }
    const children = await directoryEntries(entry as FileSystemDirectoryEntry);
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const child of children) await filesUnder(child, into, skippedFolders);
  } else if (entry.isFile) {
    const file = await new Promise<File>((ok, fail) => (entry as FileSystemFileEntry).file(ok, fail));
    droppedPaths.set(file, entry.fullPath.replace(/^\/+/, ''));
    into.push(file);
  }
}

/**
 * What was dropped: files dropped by themselves are all read (each gets a finding if it is not a
 * workbook), the contents of dropped folders are walked and filtered like a picked folder. The
 * entries must be taken while the drop event runs; walking them may take longer.
 */
export function droppedFiles(dt: DataTransfer, isSubmission: (path: string) => boolean): Promise<FolderFiles> {
  const loose: File[] = [];
  const folders: FileSystemEntry[] = [];
  const items = Array.from(dt.items ?? []).filter((i) => i.kind === 'file');
  if (items.length === 0 || typeof items[0].webkitGetAsEntry !== 'function') return Promise.resolve({ files: Array.from(dt.files ?? []), skipped: [] });
  for (const item of items) {
    const entry = item.webkitGetAsEntry();
    if (entry?.isDirectory) folders.push(entry);
    else {
      const file = item.getAsFile();
      if (file) loose.push(file);
    }
  }
  return (async () => {
    const inFolders: File[] = [];
    const hiddenFolders: string[] = [];
    for (const folder of folders) await filesUnder(folder, inFolders, hiddenFolders);
    const kept = keepSubmissions(inFolders, isSubmission);
    return { files: [...loose, ...kept.files], skipped: [...hiddenFolders, ...kept.skipped] };
  })();
}
