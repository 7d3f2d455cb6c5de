/**
 * The browser side of files in the task pane: reading a picked or dropped File, offering bytes as a
 * download, and loading the heavy file libraries only when they are needed. The workbook parser
 * (@e965/xlsx, in read-workbook) and exceljs (in write-workbook) are reached through dynamic
 * `import()` only, so webpack puts them in chunks of their own and the pane opens without them.
 * No network request is made: chunks come from the add-in's own origin.
 */

/** The file reader, loaded on first use (its own chunk). */
export function loadReader() {
  return import(/* webpackChunkName: "workbook-reader" */ '../hosts/files/read-workbook');
}

/** The .xlsx writer, loaded on first use (its own chunk). */
export function loadWriter() {
  return import(/* webpackChunkName: "workbook-writer" */ '../hosts/files/write-workbook');
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

/** A file name without the characters Windows refuses. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|]/g, '_');
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
  if (e instanceof Error) return e.message || e.name || '未知错误';
  return typeof e === 'string' ? e : '未知错误';
}
