/** The campaign saved in the workbook (a custom XML part) survives closing and reopening. */
import { getPreset } from '../../../core/presets';
import { FakeExcel } from '../../../../tests/fakes/fake-excel';
import { SavedCampaign } from '../../workbook-host';
import { CAMPAIGN_NAMESPACE, campaignXml, parseCampaignXml } from '../campaign-store';
import { ExcelWorkbookHost } from '../excel-host';
import { ROSTER, campaignWorkbook } from './fixtures';

const host = (fx: FakeExcel) => new ExcelWorkbookHost({ run: fx.run, supports: fx.supports });

const campaign = (): SavedCampaign => ({
  version: 1,
  scheme: getPreset('p4-middle-managers'),
  // A name with markup characters and quotes must come back unchanged.
  roster: [...ROSTER, { name: '<王>&"李"', unit: ']]>' }],
  history: {
    columns: [{ year: 2025, label: '2025年', at: { file: '往年结果.xlsx', sheet: '往年结果', cell: 'B1' } }],
    rows: [{ name: '王芳', unit: '营业部', years: [{ year: 2025, tier: '优秀', cell: 'B2' }], at: { file: '往年结果.xlsx', sheet: '往年结果', cell: 'A2' } }],
  },
});

describe('saved campaign', () => {
  it('is null in a workbook that has none', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Sheet1');
    expect(await host(fx).loadCampaign()).toBeNull();
  });

  it('comes back equal after "reopening" (a new host on the same workbook), in two syncs each way', async () => {
    const fx = campaignWorkbook();
    const before = fx.syncCount;
    await host(fx).saveCampaign(campaign());
    expect(fx.syncCount - before).toBe(2);
    const reopened = new FakeExcel();
    reopened.sheets = fx.sheets;
    reopened.xmlParts = fx.xmlParts;
    expect(await host(reopened).loadCampaign()).toEqual(campaign());
    expect(reopened.syncCount).toBe(2);
    expect(fx.xmlParts.map((p) => p.namespaceUri)).toEqual([CAMPAIGN_NAMESPACE]);
  });

  it('saving again replaces the part, and leaves the sheets alone', async () => {
    const fx = campaignWorkbook();
    const snap = fx.sheetNames().map((n) => fx.snapshot(n));
    await host(fx).saveCampaign(campaign());
    await host(fx).saveCampaign({ ...campaign(), roster: ROSTER.slice(0, 2) });
    expect(fx.xmlParts).toHaveLength(1);
    expect((await host(fx).loadCampaign())?.roster).toEqual(ROSTER.slice(0, 2));
    expect(fx.sheetNames().map((n) => fx.snapshot(n))).toEqual(snap);
  });

  it('a damaged part gives a Chinese message instead of a silently empty campaign', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Sheet1');
    fx.xmlParts.push({ id: '{1}', namespaceUri: CAMPAIGN_NAMESPACE, xml: `<campaign xmlns="${CAMPAIGN_NAMESPACE}">{"version":1,"scheme":</campaign>` });
    await expect(host(fx).loadCampaign()).rejects.toMatchObject({ code: 'CampaignUnreadable', message: expect.stringMatching(/已损坏/) });
  });

  it('accepts the XML back with a declaration and a namespace prefix, as Excel may return it', () => {
    const xml = campaignXml(campaign()).replace('<campaign xmlns=', '<?xml version="1.0" encoding="UTF-8"?><ns0:campaign xmlns:ns0=').replace('</campaign>', '</ns0:campaign>');
    expect(parseCampaignXml(xml)).toEqual(campaign());
  });

  it('refuses a campaign too large for one request, with a Chinese message', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Sheet1');
    const huge = { ...campaign(), roster: Array.from({ length: 60000 }, (_, i) => ({ name: `被评议人${i}`, unit: '某某单位'.repeat(10) })) };
    await expect(host(fx).saveCampaign(huge)).rejects.toMatchObject({ code: 'CampaignTooLarge' });
    expect(fx.xmlParts).toHaveLength(0);
  });
});
