/**
 * What the task pane tests share: jsdom gaps filled, a fake WorkbookHost that records every call and
 * can be told to fail like Excel does, the P4 篇六 campaign (three managers scored by 干部 and 员工)
 * as sheets of a fake workbook, and small .xlsx files made with @e965/xlsx.
 */
import '@testing-library/jest-dom';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as XLSX from '@e965/xlsx';
import { TextDecoder, TextEncoder } from 'util';
import { CellValue, SheetGrid } from '../../core/forms/grid';
import { Finding } from '../../core/findings/finding';
import { SheetDescription } from '../../core/output/sheet-description';
import { getPreset } from '../../core/presets';
import { RosterEntry } from '../../core/roster/roster';
import { Scheme } from '../../core/scheme/scheme-schema';
import { OnProgress, SavedCampaign, SheetInfo, WorkbookHost, WriteOutcome } from '../../hosts/workbook-host';
import { App, AppProps } from '../app';

// Reading a workbook file in jsdom loads SheetJS (and writing, exceljs) on first use: seconds, not ms,
// and several times that when the machine is busy with other jobs (these limits only catch hangs).
jest.setTimeout(90_000);

// --- jsdom gaps --------------------------------------------------------------------------------
const g = globalThis as Record<string, unknown>;
if (typeof g.structuredClone !== 'function') g.structuredClone = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
if (typeof g.TextEncoder !== 'function') g.TextEncoder = TextEncoder;
if (typeof g.TextDecoder !== 'function') g.TextDecoder = TextDecoder;
if (typeof window !== 'undefined' && typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string) =>
    ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as MediaQueryList;
}

if (typeof g.ResizeObserver !== 'function') {
  g.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

// --- the fake host ---------------------------------------------------------------------------------
export type HostMethod = 'listSheets' | 'readSheets' | 'writeSheets' | 'selectCell' | 'loadCampaign' | 'saveCampaign';

export class FakeHost implements WorkbookHost {
  readonly calls: { method: HostMethod; args: unknown[] }[] = [];
  sheets: (SheetGrid & { ownedKind?: string | null; visible?: boolean })[] = [];
  saved: SavedCampaign | null = null;
  readFindings: Finding[] = [];
  writeOutcome: ((d: SheetDescription[]) => WriteOutcome) | null = null;
  /** The next call of a method throws this message (as the Excel host does: Chinese text). */
  failures: Partial<Record<HostMethod, string>> = {};

  constructor(readonly kind: 'excel' | 'files' = 'excel') {}

  private record(method: HostMethod, args: unknown[]) {
    this.calls.push({ method, args });
    const fail = this.failures[method];
    if (fail) {
      delete this.failures[method];
      throw new Error(fail);
    }
  }

  callsOf(method: HostMethod): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  async listSheets(): Promise<SheetInfo[]> {
    this.record('listSheets', []);
    return this.sheets.map((s) => ({ name: s.name, ownedKind: s.ownedKind ?? null, visible: s.visible ?? true }));
  }

  async readSheets(names: string[], onProgress?: OnProgress) {
    this.record('readSheets', [names]);
    const out: SheetGrid[] = [];
    names.forEach((n, i) => {
      onProgress?.({ done: i, total: names.length, label: `读取工作表「${n}」` });
      const s = this.sheets.find((x) => x.name === n);
      // A sheet's own template metadata, as the Excel host reads it from the sheet's mark.
      if (s) out.push({ name: s.name, rows: s.rows, merges: s.merges, ...(s.templateMeta ? { templateMeta: s.templateMeta } : {}) });
    });
    return { sheets: out, findings: this.readFindings };
  }

  async writeSheets(descriptions: SheetDescription[], onProgress?: OnProgress): Promise<WriteOutcome> {
    this.record('writeSheets', [descriptions]);
    onProgress?.({ done: descriptions.length, total: descriptions.length, label: '写入完成' });
    return this.writeOutcome ? this.writeOutcome(descriptions) : { written: descriptions.map((d) => d.name), renamed: [], degraded: [] };
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.record('selectCell', [sheet, cell]);
  }

  async loadCampaign(): Promise<SavedCampaign | null> {
    this.record('loadCampaign', []);
    return this.saved;
  }

  async saveCampaign(campaign: SavedCampaign): Promise<void> {
    this.record('saveCampaign', [campaign]);
    this.saved = structuredClone(campaign);
  }

  /** The campaign last saved (waits for the debounced save). */
  lastSaved(): SavedCampaign {
    const all = this.callsOf('saveCampaign');
    return all[all.length - 1][0] as SavedCampaign;
  }
}

// --- the P4 篇六 campaign -------------------------------------------------------------------------
export const P4 = 'p4-middle-managers';

export const ROSTER: RosterEntry[] = [
  { name: '王芳', unit: '营业部', category: '正职' },
  { name: '李强', unit: '营业部', category: '副职' },
  { name: '张伟', unit: '零售部', category: '副职', flags: { 事故: '分管网点发生责任事故' } },
];

export const ROSTER_ROWS: CellValue[][] = [
  ['中层干部名册'],
  ['姓名', '单位', '职务类别', '事故'],
  ['王芳', '营业部', '正职', null],
  ['李强', '营业部', '副职', null],
  ['张伟', '零售部', '副职', '分管网点发生责任事故'],
];

/** A 干部岗位测评表 as a clerk's sheet: title, group field, 姓名 | 测评得分 (B4 is 王芳's score). */
export function scoreRows(group: string, scores: CellValue[], names = ['王芳', '李强', '张伟']): CellValue[][] {
  return [['干部岗位测评表'], [`测评人类别：${group}`], ['姓名', '测评得分'], ...names.map((n, i) => [n, scores[i] ?? null])];
}

export function sheet(name: string, rows: CellValue[][], ownedKind: string | null = null) {
  return { name, rows, merges: [], ownedKind };
}

/**
 * The workbook of the P4 test (tests/presets/p4-middle-managers.test.ts): 王芳 85.00 优秀, 李强 74.75
 * 基本称职, 张伟 82.50 but vetoed to 不称职; plus a bad ballot 员工3 (150 in B4, 赵六 not in the
 * roster), the roster sheet and a result sheet the add-in wrote.
 */
export function p4Workbook(): FakeHost['sheets'] {
  return [
    sheet('名册', ROSTER_ROWS),
    sheet('干部1', scoreRows('干部', [90, 75, 100])),
    sheet('干部2', scoreRows('干部', [80, 75, 100])),
    sheet('员工1', scoreRows('员工', [86, 75, 60])),
    sheet('员工2', scoreRows('员工', [84, 74, 70])),
    sheet('员工3', scoreRows('员工', [150, 80, 80, 70], ['王芳', '李强', '张伟', '赵六'])),
    sheet('排名表', [['旧的排名表']], 'ranking'),
  ];
}

export function p4Scheme(edit?: (s: Scheme) => void): Scheme {
  const s = getPreset(P4);
  edit?.(s);
  return s;
}

export function hostWithCampaign(kind: 'excel' | 'files' = 'excel', scheme: Scheme = p4Scheme()): FakeHost {
  const host = new FakeHost(kind);
  host.sheets = p4Workbook();
  host.saved = { version: 1, scheme, roster: ROSTER };
  return host;
}

// --- rendering ---------------------------------------------------------------------------------
export function renderApp(host: WorkbookHost, props: Partial<AppProps> = {}) {
  const user = userEvent.setup();
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} defaultPresetId={P4} {...props} />
    </FluentProvider>,
  );
  return { user, ...view };
}

/** Renders and waits until the saved campaign has been looked for (the step is shown). */
export async function openApp(host: WorkbookHost, props: Partial<AppProps> = {}) {
  const r = renderApp(host, props);
  await screen.findByRole('tablist', { name: '步骤' });
  return r;
}

/** For waits on reading or writing a workbook file: the first use loads the file libraries. */
export const SLOW = { timeout: 45_000 };

// --- files -------------------------------------------------------------------------------------
/** An .xlsx file made with SheetJS (a different producer than the project's writer). */
export function xlsxFile(name: string, sheets: Record<string, CellValue[][]>): File {
  const wb = XLSX.utils.book_new();
  for (const [sheetName, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), sheetName);
  const bytes = XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
  return new File([bytes], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

export function textFile(name: string, text: string, type = 'text/plain'): File {
  return new File([text], name, { type });
}

/** A promise with its resolve, to hold a read open while the test looks at the progress bar. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Captures downloads: the Blob and the file name of every link the pane clicks. */
export function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  const url = URL as unknown as { createObjectURL?: (b: Blob) => string; revokeObjectURL?: (u: string) => void };
  const saved = { create: url.createObjectURL, revoke: url.revokeObjectURL };
  url.createObjectURL = (b: Blob) => {
    blobs.push(b);
    return `blob:test/${blobs.length}`;
  };
  url.revokeObjectURL = () => {};
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return {
    blobs,
    names,
    restore() {
      url.createObjectURL = saved.create;
      url.revokeObjectURL = saved.revoke;
      click.mockRestore();
    },
  };
}

export async function blobBytes(b: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(b);
  });
}

export async function blobText(b: Blob): Promise<string> {
  return new TextDecoder().decode(await blobBytes(b));
}

/**
 * Reads the ballots of this workbook through the 校验 step: the clerk ticks every listed sheet but the
 * 名册 (their own sheets are not ticked for them), then reads.
 */
export async function validateWorkbook(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('tab', { name: /校验/ }));
  const group = await screen.findByRole('group', { name: '要校验的工作表' });
  await waitFor(() => expect(within(group).getAllByRole('checkbox').length).toBeGreaterThan(0));
  // fireEvent: a plain click per sheet, quicker than user-event's pointer sequence when the machine is busy.
  for (const box of within(group).getAllByRole('checkbox'))
    if (!(box as HTMLInputElement).checked && (box as HTMLInputElement).labels?.[0]?.textContent !== '名册') fireEvent.click(box);
  const button = screen.getByRole('button', { name: '校验所选工作表' });
  await waitFor(() => expect(button).toBeEnabled());
  await user.click(button);
  await screen.findByText(/共读取 \d+ 张票/);
}

export { screen, waitFor };
