/**
 * The host of the standalone page (kind 'files'): there is no workbook, so the pane works with files
 * the user picks or drops and with downloads (src/taskpane/import-files.ts, browser-files.ts). The
 * workbook actions are never offered in files mode; if called anyway they throw a Chinese message.
 *
 * The campaign (scheme, roster, history) is kept in this browser's localStorage under
 * CAMPAIGN_STORAGE_KEY, so a reload restores it; it never leaves the browser. Where localStorage is
 * not available (disabled, private mode quota, a sandboxed frame) it is kept in memory for the visit.
 * The returned ballots themselves are never stored: only what the scheme step saves.
 */
import { SavedCampaign, WorkbookHost } from '../hosts/workbook-host';

export const CAMPAIGN_STORAGE_KEY = 'pingyi.campaign.v1';

export const NO_WORKBOOK = '独立页面没有打开的工作簿：请导入文件，并下载生成的工作簿。';

/** The subset of the Web Storage API used here (tests pass a fake). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** localStorage if the page may use it, otherwise null (reading the property itself can throw). */
export function browserStorage(): KeyValueStore | null {
  try {
    const s = typeof window !== 'undefined' ? window.localStorage : undefined;
    if (!s) return null;
    const probe = '__pingyi_probe__';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

export interface FilesHost extends WorkbookHost {
  readonly kind: 'files';
  /** Where the campaign is kept: 'localStorage' or 'memory'. */
  readonly storage: 'localStorage' | 'memory';
  /** Forgets the saved campaign. */
  clearCampaign(): Promise<void>;
}

export function createFilesHost(store: KeyValueStore | null = browserStorage()): FilesHost {
  let memory: string | null = null;
  const fail = async (): Promise<never> => {
    throw new Error(NO_WORKBOOK);
  };
  const read = (): string | null => {
    if (!store) return memory;
    try {
      return store.getItem(CAMPAIGN_STORAGE_KEY);
    } catch {
      return memory;
    }
  };
  return {
    kind: 'files',
    storage: store ? 'localStorage' : 'memory',
    listSheets: async () => [],
    readSheets: fail,
    writeSheets: fail,
    selectCell: fail,
    async loadCampaign() {
      const text = read();
      if (!text) return null;
      try {
        const saved = JSON.parse(text) as SavedCampaign;
        return saved && saved.version === 1 && saved.scheme ? saved : null;
      } catch {
        return null;
      }
    },
    async saveCampaign(campaign: SavedCampaign) {
      const text = JSON.stringify(campaign);
      memory = text;
      if (!store) return;
      try {
        store.setItem(CAMPAIGN_STORAGE_KEY, text);
      } catch {
        // Quota exceeded or storage revoked: the copy in memory still serves this visit.
      }
    },
    async clearCampaign() {
      memory = null;
      try {
        store?.removeItem(CAMPAIGN_STORAGE_KEY);
      } catch {
        /* nothing stored */
      }
    },
  };
}
