/**
 * The pane's one store: the scheme being used (with the vetoes switched off kept aside), the roster,
 * the ballots read from this workbook and from files, and the result computed from them. The
 * campaign (scheme, roster, history) is restored from the workbook on start (host.loadCampaign) and
 * saved back after every change (host.saveCampaign, shortly after the last edit).
 *
 * The result is derived, never edited: it is computed by the engine's one door (runCampaign) when a
 * step asks for it, and computed again only when its inputs have changed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { CampaignResult, runCampaign } from '../core/engine';
import { Finding, finding } from '../core/findings/finding';
import { SheetGrid, Submission } from '../core/forms/grid';
import { PRESETS, getPreset } from '../core/presets';
import { History, isHistory } from '../core/results/history';
import { RosterSource } from '../core/roster/flag-columns';
import { RosterEntry } from '../core/roster/roster';
import { SchemeError, loadScheme } from '../core/scheme/load-scheme';
import { Consequence, Scheme, Veto } from '../core/scheme/scheme-schema';
import { withTemplateMeta } from '../core/output/describe-templates';
import { sortNotRead } from '../hosts/files/submission-files';
import { Progress, SheetInfo, WorkbookHost } from '../hosts/workbook-host';
import { errorText, filePath } from './browser-files';
import { withDescriptionFollowingRules } from './scheme-description';
import { ImportedFiles, importSubmittedFiles } from './import-files';

/** The file name given to ballots read from sheets of the open workbook (their findings can select a cell). */
export const THIS_WORKBOOK = '本工作簿';

/**
 * The open workbook's sheets as the engine reads them: each its own submission, marked as a sheet of this
 * workbook (the clerk gathered them here: they are not one rater's file, so a 专项 sheet is not joined
 * with the next on a guess), and the forms the add-in inserted marked as such (still blank, they are no
 * returned ballot). `listed`: the sheets as listSheets gave them, for what the add-in made.
 */
export function workbookSubmissions(grids: readonly SheetGrid[], listed: readonly SheetInfo[]): Submission[] {
  const inserted = new Set(listed.filter((s) => s.ownedKind === 'template').map((s) => s.name));
  return grids.map((g) => ({ file: THIS_WORKBOOK, sheets: [g], workbookSheet: { insertedTemplate: inserted.has(g.name) } }));
}

/**
 * Where the campaign is kept, in the words shown: with the workbook in Excel, in the browser's own
 * storage on the standalone page (the files host saves to localStorage; there is no workbook to save in).
 */
export function savedIn(kind: WorkbookHost['kind']): '工作簿' | '浏览器' {
  return kind === 'files' ? '浏览器' : '工作簿';
}

/** How long after the last change the campaign is saved to the workbook. */
export const SAVE_DELAY_MS = 300;

/** A veto switched off: the rule, where it stood, and the consequences that name it (set aside with it). */
export interface DisabledVeto {
  veto: Veto;
  position: number;
  consequences: Consequence[];
}

export interface BallotSet {
  submissions: Submission[];
  findings: Finding[];
  /** Sheet names (this workbook) or file names (imported files). */
  names: string[];
}

export interface FileBallots extends BallotSet {
  hashes: { file: string; hash: string }[];
  /** Copies left out (DUPLICATE_FILE), each with the file it copies: a copy is not counted in its stead when that file is removed. */
  copies: ImportedFiles['copies'];
  /** Each file's template metadata as read (ImportedFiles.templateMeta), applied for the scheme in use. */
  templateMeta: ImportedFiles['templateMeta'];
}

/** An import of returned files: kept by the store, so it is still shown when the clerk comes back to 校验. */
export interface FileImport {
  busy: boolean;
  progress: Progress | null;
  /** The computer's own files of a picked or dropped folder (lock files, hidden files): listed, not dropped silently; the others are findings. */
  skipped: string[];
  /** What the last import did besides reading: files that replaced earlier ones of the same name. */
  notes: string[];
  error: string | null;
}

export type ResultState =
  | { kind: 'missing'; what: 'roster' | 'ballots' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; result: CampaignResult; readFindings: Finding[]; resultFindings: Finding[] };

export interface Campaign {
  /** False until the saved campaign has been looked for. */
  ready: boolean;
  /** What happened on start (restored, nothing saved, or why restoring failed). */
  startNotice: { intent: 'info' | 'warning' | 'error'; text: string } | null;
  saveError: string | null;
  scheme: Scheme;
  disabledVetoes: DisabledVeto[];
  /** The roster in use: the one read, or else the one the scheme carries. */
  roster: RosterEntry[];
  rosterSource: string | null;
  rosterFindings: Finding[];
  /** Past years' tiers for the 连续 N 次 rules (read-history.ts), where they came from, and what reading them found. */
  history: History | undefined;
  historySource: string | null;
  historyFindings: Finding[];
  workbook: BallotSet;
  files: FileBallots;
  choosePreset(id: string): void;
  /** Replaces the scheme with one already checked by loadScheme (an imported JSON). */
  replaceScheme(scheme: Scheme): void;
  /** Applies an edit if the edited scheme still passes loadScheme; returns its problems otherwise. */
  editScheme(edit: (draft: Scheme) => void): string[] | null;
  setVetoEnabled(id: string, enabled: boolean): string[] | null;
  /** `cells`: where the file's entries and flag columns are (readRoster's source), so findings on them name their cells. */
  setRoster(roster: RosterEntry[], source: string, findings: Finding[], cells?: RosterSource): void;
  setHistory(history: History, source: string, findings: Finding[]): void;
  setWorkbookBallots(set: BallotSet): void;
  fileImport: FileImport;
  /**
   * Reads returned files and adds them (a file of an earlier one's name replaces it; see planReplacements).
   * One import at a time: while one runs, another is refused (false), so no two batches miss each other's copies.
   */
  importFiles(files: File[], skipped?: string[]): Promise<boolean>;
  clearFiles(): void;
  /** Takes one imported file out (withoutFile); refused while an import runs. */
  removeFile(name: string): void;
  getResult(): ResultState;
}

const EMPTY_SET: BallotSet = { submissions: [], findings: [], names: [] };
const EMPTY_FILES: FileBallots = { ...EMPTY_SET, hashes: [], copies: [], templateMeta: {} };
const NO_IMPORT: FileImport = { busy: false, progress: null, skipped: [], notes: [], error: null };

/** A 方案 other than the one in use that the project's own templates among the ballots were made for. */
export interface OtherSchemeOfSheets {
  schemeId: string;
  /** The preset of that id, to switch to; null for a 方案 of the clerk's own (imported from a file). */
  preset: Scheme | null;
  /** How many sheets say so. */
  sheets: number;
}

/**
 * The 方案 the templates' records (_pingyi, as read) name when it is not the one in use: the files say
 * which 方案 they belong to before a roster is read or anything is checked (a clerk who imports p4's
 * ballots on the default preset is told at once).
 */
export function otherSchemesOfSheets(scheme: Scheme, workbook: BallotSet, files: FileBallots): OtherSchemeOfSheets[] {
  const found = new Map<string, number>();
  const look = (meta: Record<string, string> | undefined) => {
    if (meta?.kind === 'template' && meta.schemeId && meta.schemeId !== scheme.id) found.set(meta.schemeId, (found.get(meta.schemeId) ?? 0) + 1);
  };
  for (const s of workbook.submissions) for (const sheet of s.sheets) look(sheet.templateMeta);
  for (const s of files.submissions) for (const sheet of s.sheets) look(files.templateMeta[s.file]?.[sheet.name] ?? sheet.templateMeta);
  return [...found].map(([schemeId, sheets]) => ({ schemeId, preset: PRESETS.find((p) => p.id === schemeId) ?? null, sheets }));
}

/** A file's name without its folders: 员工-007.xlsx for p4-returned/员工-007.xlsx. */
const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** Picked one by one (员工-007.xlsx) or as part of a folder (p4-returned/员工-007.xlsx). */
const inFolder = (path: string) => path.includes('/');

/**
 * Which earlier files a new batch replaces. The same name replaces. A file picked by itself whose
 * name is that of exactly one file imported with a folder (or the other way round) replaces it too:
 * a corrected form sent back and picked alone (员工-007.xlsx for p4-returned/员工-007.xlsx). When it
 * cannot be told which earlier file it corrects, or both came the same way (two folders), both are kept
 * and a finding says so, for the clerk to decide.
 */
export function planReplacements(
  earlier: readonly string[],
  incoming: readonly string[],
): { replaced: Set<string>; notes: string[]; findings: Finding[] } {
  const replaced = new Set<string>();
  const notes: string[] = [];
  const findings: Finding[] = [];
  const same = new Set(incoming);
  const kept = earlier.filter((e) => !same.has(e));
  for (const e of earlier) if (same.has(e)) replaced.add(e);
  const incomingByBase = new Map<string, number>();
  for (const n of incoming) incomingByBase.set(baseName(n), (incomingByBase.get(baseName(n)) ?? 0) + 1);
  for (const name of incoming) {
    if (same.has(name) && earlier.includes(name)) continue;
    const base = baseName(name);
    const namesakes = kept.filter((e) => baseName(e) === base);
    if (namesakes.length === 0) continue;
    const [only] = namesakes;
    if (namesakes.length === 1 && incomingByBase.get(base) === 1 && inFolder(only) !== inFolder(name)) {
      replaced.add(only);
      notes.push(`「${name}」：已替换之前导入的「${only}」`);
    } else
      findings.push(
        finding(
          'SAME_NAME_FILE',
          `与之前导入的${namesakes.map((n) => `「${n}」`).join('、')}同名，无法确定是否是更正后重交的同一份表，都已计入；如是重交的，请在「已导入的文件」中移除旧的一份`,
          { file: name },
        ),
      );
  }
  return { replaced, notes, findings };
}

/** The files after a batch: those it replaces taken out, its own added. */
function mergeBatch(prev: FileBallots, batch: ImportedFiles, replacedFiles: ReadonlySet<string>): FileBallots {
  // A folder's file not read, found again, replaces its earlier finding as a file read again does.
  const replaced = new Set([...replacedFiles, ...(batch.notRead ?? [])]);
  const templateMeta = { ...prev.templateMeta };
  for (const r of replaced) delete templateMeta[r];
  return {
    submissions: [...prev.submissions.filter((s) => !replaced.has(s.file)), ...batch.submissions],
    findings: [...prev.findings.filter((f) => !replaced.has(f.file)), ...batch.findings],
    names: [...prev.names.filter((n) => !replaced.has(n)), ...batch.files],
    hashes: [...prev.hashes.filter((h) => !replaced.has(h.file)), ...batch.hashes],
    copies: [...prev.copies.filter((c) => !replaced.has(c.file)), ...batch.copies],
    templateMeta: { ...templateMeta, ...batch.templateMeta },
  };
}

/**
 * The files without one the clerk removed: its ballots and findings go. A copy of it that was left out
 * (DUPLICATE_FILE) is not counted in its stead, and its finding now says so, so that nothing drops out
 * of the count without a word.
 */
export function withoutFile(prev: FileBallots, name: string): FileBallots {
  const orphans = new Set(prev.copies.filter((c) => c.sameAs === name).map((c) => c.file));
  const templateMeta = { ...prev.templateMeta };
  delete templateMeta[name];
  return {
    submissions: prev.submissions.filter((s) => s.file !== name),
    findings: prev.findings
      .filter((f) => f.file !== name)
      .map((f) =>
        f.code === 'DUPLICATE_FILE' && orphans.has(f.file)
          ? { ...f, message: `与已移除的「${name}」逐字节相同，未计入；如要计入本文件，请重新导入它` }
          : f,
      ),
    names: prev.names.filter((n) => n !== name),
    hashes: prev.hashes.filter((h) => h.file !== name),
    copies: prev.copies.filter((c) => c.file !== name),
    templateMeta,
  };
}

/** The vetoes of the preset a scheme came from that the scheme no longer has: shown as switched off. */
function disabledFromPreset(scheme: Scheme): DisabledVeto[] {
  const preset = PRESETS.find((p) => p.id === scheme.id);
  if (!preset) return [];
  const present = new Set(scheme.vetoes.map((v) => v.id));
  return preset.vetoes
    .map((veto, position) => ({ veto, position, consequences: preset.consequences.filter((c) => c.veto === veto.id) }))
    .filter((d) => !present.has(d.veto.id))
    .map((d) => structuredClone(d));
}

function problemsOf(e: unknown): string[] {
  return e instanceof SchemeError ? e.problems : [errorText(e)];
}

export function useCampaign(host: WorkbookHost, defaultPresetId: string = PRESETS[0].id): Campaign {
  const [ready, setReady] = useState(false);
  const [startNotice, setStartNotice] = useState<Campaign['startNotice']>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [scheme, setScheme] = useState<Scheme>(() => getPreset(defaultPresetId));
  const [disabledVetoes, setDisabled] = useState<DisabledVeto[]>([]);
  const [roster, setRosterState] = useState<RosterEntry[]>([]);
  const [rosterSource, setRosterSource] = useState<string | null>(null);
  const [rosterFindings, setRosterFindings] = useState<Finding[]>([]);
  const [rosterCells, setRosterCells] = useState<RosterSource | undefined>(undefined);
  const [history, setHistoryState] = useState<History | undefined>(undefined);
  const [historySource, setHistorySource] = useState<string | null>(null);
  const [historyFindings, setHistoryFindings] = useState<Finding[]>([]);
  const [workbook, setWorkbook] = useState<BallotSet>(EMPTY_SET);
  const [files, setFiles] = useState<FileBallots>(EMPTY_FILES);
  /** Bumped by every change the user makes to what is saved; restoring does not bump it. */
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((n) => n + 1);

  // Restore the campaign saved with the workbook (or in the browser).
  useEffect(() => {
    let live = true;
    const place = savedIn(host.kind);
    const here = place === '浏览器' ? '此浏览器' : '本工作簿';
    host
      .loadCampaign()
      .then((saved) => {
        if (!live) return;
        if (!saved) {
          setStartNotice(null);
          return;
        }
        try {
          const restored = withDescriptionFollowingRules(loadScheme(saved.scheme));
          setScheme(restored);
          setDisabled(disabledFromPreset(restored));
          setRosterState(saved.roster ?? []);
          setRosterCells(undefined);
          setRosterSource(saved.roster?.length ? `${place}中保存的名册` : null);
          // 往年结果 saved by an earlier version (names and tiers, without the years) cannot be counted by year: read again.
          const history = isHistory(saved.history) ? saved.history : undefined;
          const stale = saved.history !== undefined && history === undefined;
          setHistoryState(history);
          setHistorySource(history ? `${place}中保存的往年结果` : null);
          setStartNotice({
            intent: stale ? 'warning' : 'info',
            text: `已恢复${here}${place === '浏览器' ? '中' : ''}保存的方案「${restored.name}」${saved.roster?.length ? `和名册（${saved.roster.length} 人）` : ''}。${stale ? '保存的往年结果是旧版本的格式（没有年度列的位置），未恢复，请重新读取往年结果。' : ''}`,
          });
        } catch (e) {
          setStartNotice({ intent: 'warning', text: `${place}中保存的方案无法使用，已改用预设方案：${problemsOf(e).join('；')}` });
        }
      })
      .catch((e) => live && setStartNotice({ intent: 'error', text: `读取${place}中保存的方案失败：${errorText(e)}` }))
      .finally(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [host]);

  // Save shortly after the last change.
  useEffect(() => {
    if (changes === 0) return;
    const timer = setTimeout(() => {
      host
        .saveCampaign({ version: 1, scheme, roster, ...(history ? { history } : {}) })
        .then(() => setSaveError(null))
        .catch((e) => setSaveError(errorText(e)));
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
    // Only a change the user made triggers a save; scheme, roster and history are read at that moment.
  }, [changes, host]);

  const choosePreset = useCallback((id: string) => {
    setScheme(getPreset(id));
    setDisabled([]);
    changed();
  }, []);

  const replaceScheme = useCallback((next: Scheme) => {
    setScheme(withDescriptionFollowingRules(next));
    setDisabled(disabledFromPreset(next));
    changed();
  }, []);

  const editScheme = useCallback(
    (edit: (draft: Scheme) => void): string[] | null => {
      const draft = structuredClone(scheme);
      edit(draft);
      try {
        setScheme(withDescriptionFollowingRules(loadScheme(draft)));
        changed();
        return null;
      } catch (e) {
        return problemsOf(e);
      }
    },
    [scheme],
  );

  const setVetoEnabled = useCallback(
    (id: string, enabled: boolean): string[] | null => {
      const draft = structuredClone(scheme);
      let nextDisabled: DisabledVeto[];
      if (enabled) {
        const d = disabledVetoes.find((x) => x.veto.id === id);
        if (!d) return null;
        draft.vetoes.splice(Math.min(d.position, draft.vetoes.length), 0, d.veto);
        draft.consequences.push(...d.consequences);
        nextDisabled = disabledVetoes.filter((x) => x !== d);
      } else {
        const position = draft.vetoes.findIndex((v) => v.id === id);
        if (position < 0) return null;
        const [veto] = draft.vetoes.splice(position, 1);
        const consequences = draft.consequences.filter((c) => c.veto === id);
        draft.consequences = draft.consequences.filter((c) => c.veto !== id);
        nextDisabled = [...disabledVetoes, { veto, position, consequences }];
      }
      try {
        setScheme(withDescriptionFollowingRules(loadScheme(draft)));
        setDisabled(nextDisabled);
        changed();
        return null;
      } catch (e) {
        return problemsOf(e);
      }
    },
    [scheme, disabledVetoes],
  );

  const setRoster = useCallback((next: RosterEntry[], source: string, findings: Finding[], cells?: RosterSource) => {
    setRosterState(next);
    setRosterSource(source);
    setRosterCells(cells);
    setRosterFindings(findings);
    changed();
  }, []);

  const setHistory = useCallback((next: History, source: string, findings: Finding[]) => {
    setHistoryState(next);
    setHistorySource(source);
    setHistoryFindings(findings);
    changed();
  }, []);

  // The files as they are now, for an import to start from (state read in a callback would be the render's).
  const filesNow = useRef(files);
  filesNow.current = files;
  const [fileImport, setFileImport] = useState<FileImport>(NO_IMPORT);
  const importing = useRef(false);
  const importFiles = useCallback(async (picked: File[], skipped: string[] = []): Promise<boolean> => {
    if (importing.current) return false;
    importing.current = true;
    // What may hold ballots (an archive, a web page, a document) becomes a finding; the computer's own files are only listed.
    const notRead = sortNotRead(skipped);
    setFileImport({ ...NO_IMPORT, busy: true, skipped: notRead.computersOwn });
    try {
      if (picked.length === 0 && notRead.findings.length === 0) return true;
      const before = filesNow.current;
      const plan = planReplacements(before.names, picked.map(filePath));
      // Files about to be replaced are no originals of the new ones.
      const earlier = before.hashes.filter((h) => !plan.replaced.has(h.file));
      const batch = await importSubmittedFiles(picked, (progress) => setFileImport((prev) => ({ ...prev, progress })), earlier, notRead.findings);
      batch.findings.unshift(...plan.findings);
      const next = mergeBatch(filesNow.current, batch, plan.replaced);
      filesNow.current = next;
      setFiles(next);
      setFileImport((prev) => ({ ...prev, notes: plan.notes }));
      return true;
    } catch (e) {
      setFileImport((prev) => ({ ...prev, error: errorText(e) }));
      return true;
    } finally {
      importing.current = false;
      setFileImport((prev) => ({ ...prev, busy: false, progress: null }));
    }
  }, []);

  const effectiveRoster = roster.length > 0 ? roster : scheme.roster ?? [];

  // The result, computed on demand and kept while its inputs are the same objects.
  const cache = useRef<{ inputs: unknown[]; state: ResultState } | null>(null);
  const getResult = useCallback((): ResultState => {
    // A roster saved with the workbook or carried by the scheme has no cells to name.
    const cells = roster.length > 0 ? rosterCells : undefined;
    const inputs = [scheme, effectiveRoster, cells, workbook, files, history];
    const hit = cache.current;
    if (hit && hit.inputs.length === inputs.length && hit.inputs.every((x, i) => x === inputs[i])) return hit.state;
    let state: ResultState;
    // The template metadata for the scheme in use now, whichever was in use when the sheets or files were read.
    const submissions = [...workbook.submissions.map((s) => withTemplateMeta(s, undefined, scheme)), ...files.submissions.map((s) => withTemplateMeta(s, files.templateMeta[s.file], scheme))];
    if (effectiveRoster.length === 0) state = { kind: 'missing', what: 'roster' };
    else if (submissions.length === 0) state = { kind: 'missing', what: 'ballots' };
    else {
      try {
        const result = runCampaign({ scheme, roster: effectiveRoster, submissions, history, ...(cells ? { rosterSource: cells } : {}) });
        const hostFindings = [...workbook.findings, ...files.findings];
        const readFindings = [...hostFindings, ...result.read.findings];
        // The rest: the roster's flag columns and window posts (before the reading's), the results' (after).
        const read = new Set(result.read.findings);
        const resultFindings = result.findings.filter((f) => !read.has(f));
        result.findings.unshift(...hostFindings);
        state = { kind: 'ready', result, readFindings, resultFindings };
      } catch (e) {
        state = { kind: 'error', message: `计算失败：${errorText(e)}` };
      }
    }
    cache.current = { inputs, state };
    return state;
  }, [scheme, effectiveRoster, roster.length, rosterCells, workbook, files, history]);

  return {
    ready,
    startNotice,
    saveError,
    scheme,
    disabledVetoes,
    roster: effectiveRoster,
    rosterSource: roster.length > 0 ? rosterSource : scheme.roster?.length ? '方案自带的名册' : null,
    rosterFindings,
    history,
    historySource,
    historyFindings,
    workbook,
    files,
    choosePreset,
    replaceScheme,
    editScheme,
    setVetoEnabled,
    setRoster,
    setHistory,
    setWorkbookBallots: setWorkbook,
    fileImport,
    importFiles,
    clearFiles: useCallback(() => {
      if (importing.current) return;
      setFiles(EMPTY_FILES);
      setFileImport(NO_IMPORT);
    }, []),
    removeFile: useCallback((name: string) => {
      if (importing.current) return;
      const next = withoutFile(filesNow.current, name);
      filesNow.current = next;
      setFiles(next);
    }, []),
    getResult,
  };
}
