/**
 * The campaign (scheme + roster + history) saved inside the workbook, so closing and reopening the
 * workbook restores it: one custom XML part (ExcelApi 1.5) in the namespace below, holding the
 * JSON as the text of its root element.
 *
 * Why a custom XML part and not the alternatives:
 * - Workbook.settings / Office.context.document.settings: scoped to the add-in's id, so a copy of
 *   the add-in with another manifest id (test and production) would not see it, and it is not
 *   readable by the project's own file host;
 * - a hidden sheet: visible in "Unhide", counted by users, and JSON in cells is cut at 32,767
 *   characters per cell.
 * A custom XML part travels with the .xlsx (customXml/item*.xml), is invisible in the grid, and the
 * file host can read it from the package as well.
 */
import { loadScheme } from '../../core/scheme/load-scheme';
import { SavedCampaign } from '../workbook-host';
import { ExcelHostError } from './excel-errors';
import { utf8Length } from './read-grids';

export const CAMPAIGN_NAMESPACE = 'urn:pingyi:campaign:1';
/** Well under Excel on the web's 5 MB request limit. */
export const CAMPAIGN_MAX_BYTES = 4_000_000;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

export function campaignXml(campaign: SavedCampaign): string {
  return `<campaign xmlns="${CAMPAIGN_NAMESPACE}" version="1">${escapeXml(JSON.stringify(campaign))}</campaign>`;
}

/** The campaign in a part's XML (Excel may add a declaration or a prefix). Throws when damaged. */
export function parseCampaignXml(xml: string): SavedCampaign {
  const m = /<(?:[\w.-]+:)?campaign\b[^>]*>([\s\S]*)<\/(?:[\w.-]+:)?campaign>/.exec(xml);
  if (!m) throw new ExcelHostError('CampaignUnreadable', '工作簿中保存的评议方案已损坏（格式无法识别），未能恢复。请重新选择方案并导入名册。');
  let data: Partial<SavedCampaign>;
  try {
    data = JSON.parse(unescapeXml(m[1].replace(/^<!\[CDATA\[([\s\S]*)\]\]>$/, '$1')));
  } catch {
    throw new ExcelHostError('CampaignUnreadable', '工作簿中保存的评议方案已损坏（内容不完整），未能恢复。请重新选择方案并导入名册。');
  }
  if (data.version !== 1 || !data.scheme || !Array.isArray(data.roster))
    throw new ExcelHostError('CampaignUnreadable', '工作簿中保存的评议方案版本不符或内容不全，未能恢复。请重新选择方案并导入名册。');
  let scheme;
  try {
    scheme = loadScheme(data.scheme);
  } catch (e) {
    throw new ExcelHostError('CampaignUnreadable', `工作簿中保存的评议方案不再有效：${e instanceof Error ? e.message : String(e)}`, e);
  }
  const out: SavedCampaign = { version: 1, scheme, roster: data.roster };
  if (data.history) out.history = data.history;
  return out;
}

/** Two syncs: the parts of the namespace, then the XML of the last one. */
export async function loadCampaignPart(ctx: Excel.RequestContext): Promise<SavedCampaign | null> {
  const parts = ctx.workbook.customXmlParts.getByNamespace(CAMPAIGN_NAMESPACE);
  parts.load('items/id');
  await ctx.sync();
  if (parts.items.length === 0) return null;
  const xml = parts.items[parts.items.length - 1].getXml();
  await ctx.sync();
  return parseCampaignXml(xml.value);
}

/** Two syncs: find the existing parts, then delete them and add the new one in one request. */
export async function saveCampaignPart(ctx: Excel.RequestContext, campaign: SavedCampaign): Promise<void> {
  const xml = campaignXml(campaign);
  if (utf8Length(xml) > CAMPAIGN_MAX_BYTES)
    throw new ExcelHostError('CampaignTooLarge', '评议方案和名册合计超过 4 MB，无法保存在工作簿中。请精简名册（如去掉不需要的列）后重试。');
  const parts = ctx.workbook.customXmlParts.getByNamespace(CAMPAIGN_NAMESPACE);
  parts.load('items/id');
  await ctx.sync();
  for (const p of parts.items) p.delete();
  ctx.workbook.customXmlParts.add(xml);
  await ctx.sync();
}
