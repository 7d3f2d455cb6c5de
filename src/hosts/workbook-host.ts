/**
 * What a front end (the task pane) needs from the place the campaign lives: the open Excel workbook
 * (src/hosts/excel) or, in the standalone page, files the user picked (src/hosts/browser-files).
 * Hosts only translate between that place and the engine's grids and sheet descriptions.
 */
import { Finding } from '../core/findings/finding';
import { SheetGrid } from '../core/forms/grid';
import { SheetDescription } from '../core/output/sheet-description';
import { History } from '../core/results/history';
import { RosterEntry } from '../core/roster/roster';
import { Scheme } from '../core/scheme/scheme-schema';

export interface Progress {
  done: number;
  total: number;
  /** What is being worked on, in Chinese, e.g. "读取工作表「附表2」". */
  label: string;
}
export type OnProgress = (p: Progress) => void;

/** The campaign saved with the workbook, so closing and reopening restores it. */
export interface SavedCampaign {
  version: 1;
  scheme: Scheme;
  roster: RosterEntry[];
  /** 往年结果 (history), if entered; checked with isHistory when restored (an earlier form had no years). */
  history?: History;
}

export interface SheetInfo {
  name: string;
  /**
   * Sheets the add-in wrote carry its mark (kind of output); null for the user's own sheets;
   * 'interrupted' for a sheet an interrupted write left under its temporary name (the Excel host).
   */
  ownedKind: string | null;
  visible: boolean;
}

export interface WriteOutcome {
  /** Sheet names actually written (an output may be renamed to avoid a user sheet). */
  written: string[];
  /** Outputs whose intended name belongs to a user sheet: written under another name. */
  renamed: { wanted: string; used: string }[];
  /** Features the host could not apply (e.g. data validation below ExcelApi 1.8), in Chinese. */
  degraded: string[];
  /**
   * What the clerk should know about the sheets, in Chinese: an own sheet kept as it was (a filled-in
   * template, a 整改清单 whose header changed) and where the new one went, protection not carried
   * over, sheets of an interrupted write removed.
   */
  notes?: string[];
}

export interface WorkbookHost {
  readonly kind: 'excel' | 'files';
  listSheets(): Promise<SheetInfo[]>;
  /** Whole used ranges as values, with merged areas; never changes the workbook. */
  readSheets(names: string[], onProgress?: OnProgress): Promise<{ sheets: SheetGrid[]; findings: Finding[] }>;
  /**
   * Writes output sheets. Replaces only sheets the add-in itself created (by its mark); never touches
   * a user sheet; keeps staff edits in an existing 整改清单 (措施, 责任人, 状态, 完成时间).
   */
  writeSheets(descriptions: SheetDescription[], onProgress?: OnProgress): Promise<WriteOutcome>;
  /** Select a cell (clicking a finding). */
  selectCell(sheet: string, cell: string): Promise<void>;
  loadCampaign(): Promise<SavedCampaign | null>;
  saveCampaign(campaign: SavedCampaign): Promise<void>;
}
