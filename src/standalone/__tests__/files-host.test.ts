/**
 * The standalone page's host: no workbook (every workbook action says so in Chinese), and the
 * campaign kept in the browser's storage so a reload restores it, or in memory when storage fails.
 */
import { SavedCampaign } from '../../hosts/workbook-host';
import { getPreset } from '../../core/presets';
import { CAMPAIGN_STORAGE_KEY, KeyValueStore, NO_WORKBOOK, createFilesHost } from '../files-host';

const campaign: SavedCampaign = { version: 1, scheme: getPreset('p4-middle-managers'), roster: [{ name: '王建国', unit: '办公室' }] };

function mapStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('files host (standalone page)', () => {
  it('has no workbook: sheet actions fail with a Chinese message, the sheet list is empty', async () => {
    const host = createFilesHost(mapStore());
    expect(host.kind).toBe('files');
    expect(await host.listSheets()).toEqual([]);
    await expect(host.readSheets(['测评表'])).rejects.toThrow(NO_WORKBOOK);
    await expect(host.writeSheets([])).rejects.toThrow(NO_WORKBOOK);
    await expect(host.selectCell('测评表', 'A1')).rejects.toThrow(NO_WORKBOOK);
  });

  it('keeps the campaign in storage: a new host on the same storage (a reload) restores it; clearing forgets it', async () => {
    const store = mapStore();
    await createFilesHost(store).saveCampaign(campaign);
    expect(JSON.parse(store.data.get(CAMPAIGN_STORAGE_KEY)!)).toEqual(campaign);
    const reloaded = createFilesHost(store);
    expect(reloaded.storage).toBe('localStorage');
    expect(await reloaded.loadCampaign()).toEqual(campaign);
    await reloaded.clearCampaign();
    expect(await createFilesHost(store).loadCampaign()).toBeNull();
  });

  it('ignores a damaged or foreign saved value instead of failing', async () => {
    const store = mapStore();
    for (const bad of ['{not json', JSON.stringify({ version: 2, scheme: {} }), JSON.stringify({ version: 1 }), 'null']) {
      store.data.set(CAMPAIGN_STORAGE_KEY, bad);
      expect(await createFilesHost(store).loadCampaign()).toBeNull();
    }
  });

  it('without storage, or when storage refuses a write, keeps the campaign in memory for the visit', async () => {
    const none = createFilesHost(null);
    expect(none.storage).toBe('memory');
    await none.saveCampaign(campaign);
    expect(await none.loadCampaign()).toEqual(campaign);

    const full: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const host = createFilesHost(full);
    await host.saveCampaign(campaign);
    expect(await host.loadCampaign()).toEqual(campaign);
  });
});
