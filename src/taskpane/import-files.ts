/**
 * Reading files the user picked or dropped: returned ballots (many at once, with progress) and a
 * roster workbook. The same steps as the command line (src/cli/pingyi.ts): the files read by path, each in
 * turn by the file host's reader (never throws), the project's own template metadata kept, byte-identical
 * files reported once (DUPLICATE_FILE) and counted once.
 */
import { Finding, finding } from '../core/findings/finding';
import { Submission } from '../core/forms/grid';
import { History, NO_HISTORY } from '../core/results/history';
import { RosterSource } from '../core/roster/flag-columns';
import { RosterEntry } from '../core/roster/roster';
import { readHistory } from '../hosts/files/read-history';
import { readRoster } from '../hosts/files/read-roster';
import { OnProgress } from '../hosts/workbook-host';
import { HashedFile, duplicateFileMessage, findDuplicateFiles, findResentCopies, withResentOriginals } from '../hosts/files/content-hash';
import { filePath, readFileBytes } from './browser-files';
import { readWorkbookOffThread } from './read-off-thread';

export interface ImportedFiles {
  submissions: Submission[];
  findings: Finding[];
  /** Every file name read (read or not), in order. */
  files: string[];
  /** SHA-256 of each file counted (copies left out), so a later batch can find copies of these. */
  hashes: { file: string; hash: string }[];
  /** A folder's files not read, each with a finding (submission-files.ts sortNotRead). */
  notRead?: string[];
  /** Files left out as byte-identical copies (DUPLICATE_FILE) and the file each one copies. */
  copies: { file: string; sameAs: string }[];
  /**
   * The project's template metadata of each file, by file and sheet, as read: turned into
   * Submission.meta for the scheme in use when the result is computed (withTemplateMeta), so a
   * scheme chosen after importing gives the same result as one chosen before.
   */
  templateMeta: Record<string, Record<string, Record<string, string>>>;
}

/** The order files are read in, whatever order the browser hands them: by path, as the command line sorts them. */
export function byPath(files: readonly File[]): File[] {
  return files
    .map((file) => ({ file, path: filePath(file) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => f.file);
}

/**
 * Reads returned files. `earlier` are the hashes of files already imported, so a copy sent again in
 * a later batch is also reported instead of counted twice. `notRead`: the findings on a folder's files
 * that were not read (submission-files.ts sortNotRead), reported with the batch.
 */
export async function importSubmittedFiles(
  picked: readonly File[],
  onProgress?: OnProgress,
  earlier: readonly { file: string; hash: string }[] = [],
  notRead: readonly Finding[] = [],
): Promise<ImportedFiles> {
  const modified = new Map<string, number>();
  const out: ImportedFiles = { submissions: [], findings: [...notRead], files: [], hashes: [], notRead: notRead.map((f) => f.file), copies: [], templateMeta: {} };
  const files = byPath(picked);
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    const name = filePath(file);
    onProgress?.({ done: i, total: files.length, label: `读取文件「${name}」（${i + 1}/${files.length}）` });
    const outcome = await readWorkbookOffThread(name, await readFileBytes(file));
    out.files.push(name);
    out.findings.push(...outcome.findings);
    if (outcome.sha256) out.hashes.push({ file: name, hash: outcome.sha256 });
    modified.set(name, file.lastModified);
    if (outcome.submission) {
      out.submissions.push(outcome.submission);
      // Which form, group and round each sheet of our own template is, even after a header was retyped.
      if (outcome.templateMeta) out.templateMeta[name] = outcome.templateMeta;
    }
  }
  onProgress?.({ done: files.length, total: files.length, label: `已读取 ${files.length} 个文件` });
  const newFiles = new Set(out.hashes.map((h) => h.file));
  const copies = new Set<string>();
  // Files counted in an earlier batch stay counted; within this batch the copy is told from the original by its name or time.
  const batch: HashedFile[] = [...earlier.map((e) => ({ ...e, settled: true })), ...out.hashes.map((h) => ({ ...h, modified: modified.get(h.file) }))];
  for (const d of findDuplicateFiles(batch)) {
    if (!newFiles.has(d.file)) continue;
    copies.add(d.file);
    out.copies.push({ file: d.file, sameAs: d.sameAs });
    out.findings.push(finding('DUPLICATE_FILE', duplicateFileMessage(d.sameAs), { file: d.file }));
    const i = out.submissions.findIndex((s) => s.file === d.file);
    if (i >= 0) out.submissions.splice(i, 1);
  }
  out.hashes = out.hashes.filter((h) => !copies.has(h.file));
  // A copy or correction sent again beside its original (also one imported earlier): the engine compares their marks (RESENT_FILE).
  out.submissions = withResentOriginals(
    out.submissions,
    findResentCopies(batch).filter((r) => newFiles.has(r.file)),
  );
  return out;
}

/** A list the clerk gives (名册, 往年结果): the workbook read off the main thread, then `read` on it. */
async function readListFile<T extends object>(file: File, read: (s: Submission) => T & { findings: Finding[] }, none: T): Promise<T & { findings: Finding[] }> {
  const outcome = await readWorkbookOffThread(file.name, await readFileBytes(file));
  if (!outcome.submission) return { ...none, findings: outcome.findings };
  const got = read(outcome.submission);
  return { ...got, findings: [...outcome.findings, ...got.findings] };
}

/** The roster from a workbook file (every sheet with a 姓名 or 名称 header row). */
export const readRosterFile = (file: File): Promise<{ roster: RosterEntry[]; findings: Finding[]; source?: RosterSource }> =>
  readListFile<{ roster: RosterEntry[]; source?: RosterSource }>(file, readRoster, { roster: [] });

/** Past years' results from a workbook file (姓名 and one column per year; read-history.ts). */
export const readHistoryFile = (file: File): Promise<{ history: History; findings: Finding[] }> => readListFile<{ history: History }>(file, readHistory, { history: NO_HISTORY });
